package markup

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/folio-go/folio/post"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// BodyRenderer turns a post body into HTML. Plug one in to use another
// Markdown engine or markup; unless the site sets UnsafeHTML its output is
// sanitized before it reaches a page, so a renderer need not be careful.
type BodyRenderer interface {
	// Render writes b as HTML to w. It returns an error for a format it
	// does not handle or when w fails.
	Render(w io.Writer, b post.Body) error
}

// Options configures a Renderer. The zero value is the safe default:
// Markdown, text and WordPress HTML bodies, sanitized.
//
// Options is the place for what bodies will need later (a Warn callback
// for problems that keep a post, shortcode handlers, syntax highlighting,
// heading ids): new fields keep the zero value working, so New and the
// Renderer methods keep their signatures.
type Options struct {
	// UnsafeHTML writes raw HTML inside Markdown and the HTML of HTML
	// bodies as given, without Sanitize. Only for content the site owner
	// wrote and trusts.
	UnsafeHTML bool
	// NoHighlight leaves fenced code plain; by default a fence that names
	// a language chroma knows is highlighted (see Highlighter).
	NoHighlight bool
	// ReservedIDs are ids the page around a body uses (a theme's "main"),
	// which no heading may take; see HeadingIDs.
	ReservedIDs []string
	// Limits bound the size and shape of each body before it is parsed;
	// a body past one is written as its text in escaped paragraphs (see
	// Limits.Guard), so that no body costs more than linear time. The
	// zero value uses the defaults, which no real post reaches.
	Limits Limits

	// Expand tunes PostHTML's expansion of each body's shortcodes and
	// template actions (see Expand): the handlers (nil: the built-ins),
	// a resolver of links to other posts, a file reader, the site's
	// address and a Warn callback, which must be safe for concurrent use.
	Expand ExpandOptions
}

// Renderer is the BodyRenderer folio uses: Markdown through goldmark
// (CommonMark with tables, strikethrough, autolinks and footnotes, fenced
// code highlighted, every heading given an id), plain text as escaped <p>
// paragraphs, and HTML through Autop (its headings given ids too). Make one with
// New, once, and share it: it is safe for concurrent use.
type Renderer struct {
	unsafe   bool
	reserved []string
	limits   Limits
	expand   ExpandOptions
	md       goldmark.Markdown
	// plain is md without Linkify, which goldmark tries after every space
	// and costs about a fifth of a conversion; see markdown.
	plain goldmark.Markdown
	// scratch holds *bodyScratch buffers for Markdown, so that each body
	// does not copy its source and grow an output buffer from nothing.
	scratch sync.Pool
}

// bodyScratch is the reusable memory of one Markdown conversion.
type bodyScratch struct {
	src []byte
	out bytes.Buffer
	// w buffers goldmark's writes into out; goldmark makes a 4 KB
	// bufio.Writer of its own for every conversion given a plain writer.
	w *bufio.Writer
}

// New returns a body renderer configured by opt. Raw HTML inside
// Markdown is kept, as CommonMark and the generators whose posts folio
// reads keep it. Without opt.UnsafeHTML (the safe choice) the HTML made
// from Markdown and HTML bodies is passed through Sanitize, so script,
// event handlers and links with dangerous URLs are dropped; with it
// both are written as given.
func New(opt Options) *Renderer {
	unsafeHTML := opt.UnsafeHTML
	// Raw HTML in Markdown is written as the author wrote it, as the Go
	// blog's and Jekyll's renderers write it (figures, anchors, tables
	// with classes), and then goes through Sanitize like an HTML body
	// unless unsafeHTML: a reader sees what the post showed on its old
	// site, and nothing that could run.
	rendererOpts := []renderer.Option{gmhtml.WithXHTML(), gmhtml.WithUnsafe()}
	table := extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute))
	ours := []goldmark.Extender{HeadingIDs{Reserved: opt.ReservedIDs}}
	if !opt.NoHighlight {
		// One cache for both: a block highlighted once serves both paths.
		ours = append(ours, new(Highlighter))
	}
	md := goldmark.New(
		goldmark.WithExtensions(append([]goldmark.Extender{table, extension.Strikethrough, extension.Linkify, extension.Footnote}, ours...)...),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	plain := goldmark.New(
		goldmark.WithExtensions(append([]goldmark.Extender{table, extension.Strikethrough, extension.Footnote}, ours...)...),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	if opt.Expand.Handlers == nil {
		opt.Expand.Handlers = NewHandlers()
	}
	return &Renderer{unsafe: unsafeHTML, reserved: opt.ReservedIDs, expand: opt.Expand, limits: opt.Limits, md: md, plain: plain}
}

// HTML renders b as HTML a template may write unescaped: sanitized
// unless the Renderer was made with UnsafeHTML. An empty Format is read
// as text; an unknown format is an error.
func (d *Renderer) HTML(b post.Body) (template.HTML, error) {
	h, err := d.html(b)
	if err != nil {
		return "", err
	}
	return trustedHTML(h, true), nil
}

// PostHTML renders b, the body or the summary of p, as HTML does, with
// the shortcodes and template actions of b's dialect expanded first (see
// Expand and Options.Expand): p is b's context (its path for warnings,
// its attachments and fields) and may be nil. A block-editor body is not
// run through autop. The result is sanitized, once, unless the Renderer
// was made with UnsafeHTML.
func (d *Renderer) PostHTML(p *post.Post, b post.Body) (template.HTML, error) {
	return d.postHTML(p, b, d.expand)
}

func (d *Renderer) postHTML(p *post.Post, b post.Body, opt ExpandOptions) (template.HTML, error) {
	// A body past the limits is plain text, with nothing to expand.
	b, _ = d.limits.Guard(b)
	if !NeedsExpand(b) {
		return d.HTML(b)
	}
	e := Expand(p, b, opt)
	h := e.Body.Text
	if !e.Final {
		var err error
		if h, err = d.raw(e.Body); err != nil {
			return "", err
		}
	}
	return trustedHTML(d.finish(e.Fill(h), true), true), nil
}

// ExpandHTML is PostHTML for any body renderer r: b's calls expanded by
// opt, the rest rendered by r, the result sanitized unless unsafeHTML. A
// nil r means New(Options{UnsafeHTML: unsafeHTML}).
func ExpandHTML(r BodyRenderer, p *post.Post, b post.Body, opt ExpandOptions, unsafeHTML bool) (template.HTML, error) {
	if r == nil {
		r = New(Options{UnsafeHTML: unsafeHTML})
	}
	if d, ok := r.(*Renderer); ok && d.unsafe == unsafeHTML {
		if opt.Handlers == nil {
			opt.Handlers = d.expand.Handlers
		}
		return d.postHTML(p, b, opt)
	}
	if !NeedsExpand(b) {
		return BodyHTML(r, b, unsafeHTML)
	}
	e := Expand(p, b, opt)
	h := e.Body.Text
	if !e.Final {
		var buf bytes.Buffer
		if err := r.Render(&buf, e.Body); err != nil {
			return "", err
		}
		h = buf.String()
	}
	h = e.Fill(h)
	if !unsafeHTML {
		h = Sanitize(h)
	}
	return trustedHTML(dropEmptyParagraphs(h), true), nil
}

// Render writes b as HTML. An empty Format is read as text. An unknown
// format is an error and nothing is written.
func (d *Renderer) Render(w io.Writer, b post.Body) error {
	h, err := d.html(b)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, h)
	return err
}

// html is Render's result as a string. A body past the Renderer's
// limits is written as plain text; the page renderer, which knows the
// post, checks first and warns.
func (d *Renderer) html(b post.Body) (string, error) {
	b, _ = d.limits.Guard(b)
	out, err := d.raw(b)
	if err != nil {
		return "", err
	}
	// Plain text is escaped paragraphs already.
	return d.finish(out, b.Format != post.Text && b.Format != ""), nil
}

// raw renders b without sanitizing it.
func (d *Renderer) raw(b post.Body) (string, error) {
	switch b.Format {
	case post.Markdown:
		sc, _ := d.scratch.Get().(*bodyScratch)
		if sc == nil {
			sc = new(bodyScratch)
		}
		defer d.scratch.Put(sc)
		return d.markdown(sc, b.Text)
	case post.Text, "":
		return textParagraphs(b.Text), nil
	case post.HTML:
		return Autop(b.Text), nil
	}
	return "", fmt.Errorf("markup: body format %q: not text, markdown or html", b.Format)
}

// finish sanitizes h, unless the Renderer is unsafe or sanitize is
// false, and drops the paragraphs left empty: goldmark drops raw HTML and
// the URLs it knows to be dangerous, Sanitize also drops the odd schemes
// it lets through, and what stood alone in a paragraph leaves it empty.
func (d *Renderer) finish(h string, sanitize bool) string {
	if sanitize && !d.unsafe {
		// Sanitize's output is what HTMLHeadingIDs reads reliably; it
		// gives the headings of HTML bodies (and of expanded shortcodes)
		// the ids Markdown's get from HeadingIDs.
		h = UniqueIDs(HTMLHeadingIDs(Sanitize(h), d.reserved))
	}
	return dropEmptyParagraphs(h)
}

// markdown converts src with goldmark. Linkify turns bare "http:",
// "https:", "ftp:" and "www." addresses and e-mail addresses into links;
// without it each of them stays text, so when the conversion without it
// has none of them outside its tags, Linkify would have found nothing
// and the result is the same. Most posts take that path. Raw HTML can
// hide a '<' or '>' inside an attribute, so a body with a '<' goes
// through Linkify; so does a body with blanks at the end of a line (see
// trailingBlanks).
func (d *Renderer) markdown(sc *bodyScratch, src string) (string, error) {
	sc.src = append(sc.src[:0], src...)
	if strings.IndexByte(src, '<') < 0 && !trailingBlanks(src) {
		if err := sc.convert(d.plain); err != nil {
			return "", err
		}
		if out := sc.out.String(); !mayLinkify(out) {
			return out, nil
		}
	}
	if err := sc.convert(d.md); err != nil {
		return "", err
	}
	return sc.out.String(), nil
}

// convert runs md over sc.src into sc.out.
func (sc *bodyScratch) convert(md goldmark.Markdown) error {
	sc.out.Reset()
	if sc.w == nil {
		sc.w = bufio.NewWriter(&sc.out)
	}
	sc.w.Reset(&sc.out)
	err := md.Convert(sc.src, sc.w)
	if ferr := sc.w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// trailingBlanks reports whether a line of src (less a CRLF's "\r") ends
// in two or more blanks or in a blank other than a space: a tab, a stray
// "\r", a form feed. Linkify, which goldmark tries after every space, splits
// the text there, and goldmark then trims only part of the blanks before
// the line break ("a    \n" gives "a <br />" with Linkify and "a<br />"
// without); such bodies take the Linkify path so that their HTML stays
// what it always was.
func trailingBlanks(src string) bool {
	for i := 0; i < len(src); {
		k := strings.IndexByte(src[i:], '\n')
		end := len(src)
		if k >= 0 {
			end = i + k
		}
		line := strings.TrimSuffix(src[i:end], "\r")
		n := len(line) - len(strings.TrimRight(line, " \t\r\v\f"))
		if n >= 2 || (n == 1 && line[len(line)-1] != ' ') {
			return true
		}
		i = end + 1
	}
	return false
}

// mayLinkify reports whether goldmark's HTML h has text, outside its
// tags, that Linkify could have made a link of: an "http:", "https:",
// "ftp:" or "www." address or an '@'. In goldmark's own output (raw HTML
// omitted) a '<' or '>' is always a tag's edge: text and attribute
// values have them escaped.
func mayLinkify(h string) bool {
	for _, mark := range [...]string{"http", "ftp:", "www.", "@"} {
		for off := 0; ; {
			i := strings.Index(h[off:], mark)
			if i < 0 {
				break
			}
			i += off
			off = i + len(mark)
			if mark == "http" && !strings.HasPrefix(h[off:], ":") && !strings.HasPrefix(h[off:], "s:") {
				continue
			}
			// The nearest tag edge before the mark says where it is:
			// after a '>' (or none) it is text.
			if edge := strings.LastIndexAny(h[:i], "<>"); edge < 0 || h[edge] == '>' {
				return true
			}
			// Inside a tag: go on after it, so that no tag is searched
			// backwards twice.
			end := strings.IndexByte(h[i:], '>')
			if end < 0 {
				break
			}
			off = i + end
		}
	}
	return false
}

// sanitizes reports whether r's output is already sanitized, so BodyHTML
// need not do it twice.
func sanitizes(r BodyRenderer) bool {
	d, ok := r.(*Renderer)
	return ok && !d.unsafe
}

// textParagraphs writes plain text as escaped paragraphs, one per run of
// lines between blank lines; the lines of a paragraph stay on their own
// lines (browsers show them joined by a space).
func textParagraphs(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, para := range strings.Split(s, "\n\n") {
		para = strings.Trim(para, " \t\n")
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(para))
		b.WriteString("</p>\n")
	}
	return b.String()
}

// BodyHTML renders b with r and returns it as template.HTML, the one place
// where markup from content becomes HTML a template writes unescaped.
// Unless unsafeHTML is set the result is passed through Sanitize, whatever
// r produced, so a plugged-in renderer cannot bring script into a page.
// r nil means New(Options{UnsafeHTML: unsafeHTML}). Errors are r's.
func BodyHTML(r BodyRenderer, b post.Body, unsafeHTML bool) (template.HTML, error) {
	if r == nil {
		r = New(Options{UnsafeHTML: unsafeHTML})
	}
	if d, ok := r.(*Renderer); ok {
		// The default renderer's string as it is, without copying it
		// through a buffer.
		h, err := d.html(b)
		if err != nil {
			return "", err
		}
		return trustedHTML(h, unsafeHTML || !d.unsafe), nil
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, b); err != nil {
		return "", err
	}
	return trustedHTML(buf.String(), unsafeHTML || sanitizes(r)), nil
}

// trustedHTML is the audit point: the only conversion of content to
// template.HTML in folio. Everything reaching it is sanitized unless
// skipSanitize says the site owner opted out with UnsafeHTML or the
// caller holds Sanitize's own output.
func trustedHTML(s string, skipSanitize bool) template.HTML {
	if !skipSanitize {
		s = Sanitize(s)
	}
	return template.HTML(s) //nolint:gosec // sanitized above, or the site opted out
}

// RelativizeLinks rewrites the root-relative href and src values ("/img/a.png",
// not "//host/...") of h, HTML that BodyHTML made, with rel, so that links
// inside content work when the site is opened from disk. Tags it changes
// are rewritten from their parsed attributes, each value escaped; all
// other markup is copied as it is. The result is as trusted as h.
func RelativizeLinks(h template.HTML, rel func(string) string) template.HTML {
	s := string(h)
	if !strings.Contains(s, `="/`) && !strings.Contains(s, `=/`) && !strings.Contains(s, `='/`) {
		return h
	}
	var b strings.Builder
	tz := newTokenizer(s)
	for {
		tok, ok := tz.Next()
		if !ok {
			break
		}
		if (tok.Kind != startTagToken && tok.Kind != selfClosingTagToken) || !hasRootRelative(tok) {
			b.WriteString(tok.Raw)
			continue
		}
		b.WriteString("<" + tok.Name)
		for _, a := range tok.Attrs {
			b.WriteString(" " + a.Key)
			if !a.HasVal {
				continue
			}
			val := html.UnescapeString(a.Val)
			if isRootRelativeAttr(a.Key, val) {
				val = rel(val)
			}
			b.WriteString(`="` + html.EscapeString(val) + `"`)
		}
		if tok.Kind == selfClosingTagToken {
			b.WriteString(" />")
		} else {
			b.WriteString(">")
		}
	}
	return template.HTML(b.String()) //nolint:gosec // h was trusted; only our own relative paths were put in
}

func hasRootRelative(tok htmlToken) bool {
	for _, a := range tok.Attrs {
		if isRootRelativeAttr(a.Key, html.UnescapeString(a.Val)) {
			return true
		}
	}
	return false
}

func isRootRelativeAttr(key, val string) bool {
	return (key == "href" || key == "src") && strings.HasPrefix(val, "/") && !strings.HasPrefix(val, "//")
}
