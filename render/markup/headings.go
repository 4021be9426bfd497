package markup

import (
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/folio-go/folio/post"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HeadingIDs is a goldmark extension that gives every heading of a
// document an id, so that readers can link to a section and a table of
// contents can point at it:
//
//   - an explicit id wins: "## Setup {#install}" is <h2 id="install">
//     (the braces may also hold classes, ".note");
//   - any other heading takes the slug of its text (post.Slugify: "Why
//     Go?" is "why-go"), cut to at most 64 bytes at a hyphen;
//   - a slug already taken, by an explicit id anywhere in the document,
//     an earlier heading or a Reserved id, gets "-1", "-2", ... appended.
//
// The ids depend only on the document, so they stay the same from one
// build to the next.
type HeadingIDs struct {
	// Reserved are ids the page around the body already uses (the
	// theme's "main", say), which no heading may take.
	Reserved []string
}

// Extend adds the heading attribute syntax and the id transformer to m.
func (e HeadingIDs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithHeadingAttribute(),
		parser.WithASTTransformers(util.Prioritized(headingTransformer(e), 100)),
	)
}

type headingTransformer HeadingIDs

// Transform sets the id attribute of every heading of doc.
func (t headingTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var heads []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			heads = append(heads, h)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	ids := newIDSet(t.Reserved)
	explicit := make([]bool, len(heads))
	for i, h := range heads {
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok && len(b) > 0 && !ids.taken[string(b)] {
				ids.taken[string(b)] = true
				explicit[i] = true
			}
		}
	}
	for i, h := range heads {
		if explicit[i] {
			continue
		}
		h.SetAttributeString("id", []byte(ids.unique(headingSlug(nodeText(h, src)))))
	}
}

// idSet hands out ids that are unique within one page.
type idSet struct{ taken map[string]bool }

func newIDSet(reserved []string) *idSet {
	s := &idSet{taken: make(map[string]bool, len(reserved)+8)}
	for _, id := range reserved {
		s.taken[id] = true
	}
	return s
}

// unique returns base, or base with the first free "-N" appended, and
// marks it taken.
func (s *idSet) unique(base string) string {
	id := base
	for n := 1; s.taken[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.taken[id] = true
	return id
}

// maxHeadingID bounds a generated id; the sanitizer drops ids past 128
// bytes, and a shorter id makes a better link.
const maxHeadingID = 64

// headingSlug is the id a heading's text asks for.
func headingSlug(s string) string {
	id := post.Slugify(s)
	if len(id) > maxHeadingID {
		id = id[:maxHeadingID]
		if i := strings.LastIndexByte(id, '-'); i > 0 {
			id = id[:i]
		}
	}
	return id
}

// nodeText is the plain text of n's inline content: its text, code
// spans and the text of its links and emphasis, without raw HTML.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// HTMLHeadingIDs gives the headings of h, HTML as Sanitize writes it,
// the ids HeadingIDs gives Markdown's: a heading's own id is kept, any
// other takes the slug of its text, made unique against every id already
// in h (a heading's or any other element's) and reserved. It is how
// WordPress and other HTML bodies get linkable sections. Markup it cannot
// read is copied unchanged.
func HTMLHeadingIDs(h string, reserved []string) string {
	if !strings.Contains(h, "<h") {
		return h
	}
	ids := newIDSet(reserved)
	for _, m := range anyIDRE.FindAllStringSubmatch(h, -1) {
		ids.taken[html.UnescapeString(m[1])] = true
	}
	var b strings.Builder
	b.Grow(len(h) + 128)
	for i := 0; ; {
		start, end, stop, ok := nextHeading(h, i)
		if !ok {
			b.WriteString(h[i:])
			return b.String()
		}
		if _, has := attrValue(h[start+1:end], "id"); has || stop < 0 {
			b.WriteString(h[i : end+1])
			i = end + 1
			continue
		}
		id := ids.unique(headingSlug(textOf(h[end+1 : stop])))
		b.WriteString(h[i:end])
		b.WriteString(` id="` + html.EscapeString(id) + `"`)
		i = end
	}
}

// anyIDRE finds the id attributes of the tags of sanitized HTML.
var anyIDRE = regexp.MustCompile(`<[a-zA-Z][^<>]*?\sid="([^"]*)"`)
