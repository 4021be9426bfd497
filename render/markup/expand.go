package markup

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// Expanding a body's shortcodes and template actions
//
// A body's dialect (post.Body.Dialect) says whose syntax it holds. Expand
// finds that syntax before Markdown or autop runs, as each generator
// does, and calls a Handler per tag. A handler's Result is text put back
// into the body's source (Markdown for a Markdown body: Hugo's {{% %}}
// output, a Liquid value, a Go blog {{raw}}) or HTML, which stands in
// the source as a placeholder of letters and digits that Markdown and
// autop leave alone; Fill puts the HTML in after the body is rendered.
// Either way the result is content like any other and goes through the
// sanitizer afterwards: handlers need not be careful, only correct.

// Call is one shortcode, tag or template action found in a body, as its
// handler sees it.
type Call struct {
	// Dialect is the body's dialect (WordPressBlocks bodies use the
	// WordPress handlers).
	Dialect post.Dialect
	// Name is the tag's name as written: "caption", "figure", "link",
	// "image".
	Name string
	// Args are the tag's arguments in the order written; Name is empty
	// for a positional one.
	Args []Arg
	// Inner is the text between the opening and closing tag, as
	// written, with nested tags not yet expanded (see ExpandInner); empty
	// for a tag without a closing one.
	Inner string
	// Closed reports that the tag had a closing tag ([/name],
	// {{< /name >}}, {% endname %}).
	Closed bool
	// Markdown reports a Hugo {{% %}} call: its inner content and its
	// output are Markdown.
	Markdown bool
	// Markup is the text of the opening tag after its name, trimmed, as
	// written: a Liquid tag's or Go template action's arguments.
	Markup string
	// Raw is the whole call as written, closing tag included.
	Raw string
	// Post is the post whose body holds the call; never nil.
	Post *post.Post
	// Line and Column are where the call starts in the post's file
	// (1-based, Column in runes); Line is 0 when the loader did not
	// say where the body starts.
	Line, Column int

	x     *expander
	inner int // offset of Inner in the body
}

// Arg is one argument of a call. Name is empty for a positional
// argument; Value is unquoted and unescaped.
type Arg struct {
	Name, Value string
}

// Get returns the named argument, or else the positional argument at
// index pos (from 0; pass -1 for none), or "".
func (c *Call) Get(name string, pos int) string {
	v, _ := c.Lookup(name, pos)
	return v
}

// Lookup is Get that also reports whether the argument was given.
func (c *Call) Lookup(name string, pos int) (string, bool) {
	if name != "" {
		for _, a := range c.Args {
			if strings.EqualFold(a.Name, name) {
				return a.Value, true
			}
		}
	}
	if pos < 0 {
		return "", false
	}
	n := 0
	for _, a := range c.Args {
		if a.Name != "" {
			continue
		}
		if n == pos {
			return a.Value, true
		}
		n++
	}
	return "", false
}

// Warn reports a problem with the call at its position in the file.
func (c *Call) Warn(kind, format string, args ...any) {
	c.x.warn(c.Line, c.Column, kind, fmt.Sprintf(format, args...))
}

// ExpandInner returns Inner with the calls nested in it expanded, as
// source text of the body's format (placeholders standing for HTML).
// A handler returns it inside a Text result.
func (c *Call) ExpandInner() string {
	return c.x.expandAt(c.Inner, c.inner)
}

// Resolve returns the address of the post or page that ref names (a
// path in the loaded tree, a file name, a slug), using the resolver the
// renderer gave; false when there is none or it does not know ref.
func (c *Call) Resolve(ref string) (string, bool) {
	if c.x.opt.Resolve == nil {
		return "", false
	}
	return c.x.opt.Resolve(ref, c.Post)
}

// ReadFile returns a file of the loaded tree by its slash-separated path
// relative to the root (see Options.ReadFile); an error when there is no
// reader or no such file.
func (c *Call) ReadFile(name string) ([]byte, error) {
	if c.x.opt.ReadFile == nil {
		return nil, fmt.Errorf("markup: %s: no file reader", name)
	}
	return c.x.opt.ReadFile(name)
}

// Site returns the site the body is rendered for.
func (c *Call) Site() Site { return c.x.opt.Site }

// Result is what a handler puts in place of its call: pieces of HTML and
// of source text, in order.
type Result struct {
	parts []part
}

type part struct {
	html bool
	s    string
}

// HTML is a Result of HTML. Standing alone in a paragraph it replaces
// the paragraph; elsewhere it is put in where the call was.
func HTML(s string) Result { return Result{parts: []part{{html: true, s: s}}} }

// Text is a Result of source text in the body's format (Markdown for a
// Markdown body), rendered with the rest of the body.
func Text(s string) Result { return Result{parts: []part{{s: s}}} }

// Join is a Result made of rs in order, such as HTML around Text.
func Join(rs ...Result) Result {
	var out Result
	for _, r := range rs {
		out.parts = append(out.parts, r.parts...)
	}
	return out
}

// Handler expands one call. An error is reported as a warning at the
// call and the call's inner content is kept in its place.
type Handler func(c *Call) (Result, error)

// Handlers is a registry of handlers per dialect. The built-in handlers
// are registered in it like a program's own; Register replaces them.
// A Handlers is not safe for concurrent Register calls, but may be read
// by any number of Expand calls at once once set up.
type Handlers struct {
	m map[post.Dialect]map[string]Handler
}

// NewHandlers returns a registry holding the built-in handlers of every
// dialect.
func NewHandlers() *Handlers {
	h := &Handlers{m: map[post.Dialect]map[string]Handler{}}
	registerWordPress(h)
	registerHugo(h)
	registerLiquid(h)
	registerGoBlog(h)
	return h
}

// Register makes fn the handler of name in dialect d, replacing any
// earlier one. Names are matched as written, except that WordPress
// names are matched without regard to case. WordPressBlocks bodies use
// the WordPress handlers. A nil fn removes the handler.
func (h *Handlers) Register(d post.Dialect, name string, fn Handler) {
	d = handlerDialect(d)
	if d == post.WordPress {
		name = strings.ToLower(name)
	}
	if fn == nil {
		delete(h.m[d], name)
		return
	}
	if h.m[d] == nil {
		h.m[d] = map[string]Handler{}
	}
	h.m[d][name] = fn
}

// Lookup returns the handler of name in dialect d.
func (h *Handlers) Lookup(d post.Dialect, name string) (Handler, bool) {
	if h == nil {
		return nil, false
	}
	d = handlerDialect(d)
	if d == post.WordPress {
		name = strings.ToLower(name)
	}
	fn, ok := h.m[d][name]
	return fn, ok
}

// Names returns the names registered for dialect d, sorted.
func (h *Handlers) Names(d post.Dialect) []string {
	var out []string
	for n := range h.m[handlerDialect(d)] {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func handlerDialect(d post.Dialect) post.Dialect {
	if d == post.WordPressBlocks {
		return post.WordPress
	}
	return d
}

// Site is what Liquid's site variables and absolute links need.
type Site struct {
	// URL is the site's scheme and host, such as "https://example.org"
	// (Jekyll's site.url); BaseURL the path it lives under, such as
	// "/blog" (site.baseurl). Both may be empty.
	URL, BaseURL string
	Title        string
}

// ExpandOptions tune Expand. The zero value expands with the built-in
// handlers, resolves no links and reads no files.
type ExpandOptions struct {
	// Handlers holds the handlers; nil means NewHandlers().
	Handlers *Handlers
	// Resolve returns the address of the post that ref names (Hugo
	// ref/relref, Jekyll link/post_url), for a call in from's body. The
	// page renderer supplies one that knows every loaded post.
	Resolve func(ref string, from *post.Post) (string, bool)
	// ReadFile reads a file of the loaded tree by its slash-separated
	// path relative to the root, for Go blog {{code}} and Liquid
	// {% include %}; nil reads nothing (those calls then warn).
	ReadFile func(name string) ([]byte, error)
	// Site feeds Liquid's site variables and absolute URLs.
	Site Site
	// Warn is called for each problem found; it must be safe for
	// concurrent use when Expand runs on several bodies at once. Nil
	// drops warnings.
	Warn func(post.Warning)
}

// Expanded is a body with its calls expanded.
type Expanded struct {
	// Body is the body to render: its text in its own format, each
	// HTML result standing as a placeholder.
	Body post.Body
	// Final reports that Body.Text is already HTML that must not go
	// through autop (a block-editor body): render it by sanitizing it,
	// after Fill.
	Final  bool
	fills  []string
	prefix string
}

// Fill puts the HTML results into h, the rendered body: a placeholder
// alone in a paragraph (<p>X</p>) takes the paragraph's place, any other
// is replaced where it stands. h then holds untrusted HTML that must be
// sanitized.
func (e *Expanded) Fill(h string) string {
	return e.fill(h, len(e.fills))
}

// fill replaces the placeholders numbered below limit in h. HTML made
// by a handler may hold the placeholders of calls nested in it, which
// were made before it and so have lower numbers; filling them in turn
// cannot go round in circles.
func (e *Expanded) fill(h string, limit int) string {
	if limit == 0 || !strings.Contains(h, e.prefix) {
		return h
	}
	var b strings.Builder
	b.Grow(len(h))
	for {
		i := strings.Index(h, e.prefix)
		if i < 0 {
			b.WriteString(h)
			return b.String()
		}
		j := i + len(e.prefix)
		k := j
		for k < len(h) && h[k] >= '0' && h[k] <= '9' {
			k++
		}
		n, err := strconv.Atoi(h[j:k])
		if err != nil || n >= limit || !strings.HasPrefix(h[k:], placeholderEnd) {
			b.WriteString(h[:j])
			h = h[j:]
			continue
		}
		end := k + len(placeholderEnd)
		pre := h[:i]
		// A placeholder alone in a paragraph takes the paragraph's place.
		if strings.HasSuffix(pre, "<p>") && strings.HasPrefix(h[end:], "</p>") {
			pre = pre[:len(pre)-3]
			end += 4
		}
		b.WriteString(pre)
		b.WriteString(e.fill(e.fills[n], n))
		h = h[end:]
	}
}

// placeholderStart and placeholderEnd frame a placeholder's number. They
// are letters only, so that Markdown, autop and the sanitizer keep them.
const (
	placeholderStart = "FoLiOxPaNd"
	placeholderEnd   = "DnApXoIlOf"
)

// NeedsExpand reports whether b may hold calls of its dialect: a cheap
// look for the dialect's opening characters, so that bodies without
// them cost nothing.
func NeedsExpand(b post.Body) bool {
	switch b.Dialect {
	case post.WordPressBlocks:
		return b.Format == post.HTML || strings.Contains(b.Text, "[") || strings.Contains(b.Text, "http")
	case post.WordPress:
		return strings.Contains(b.Text, "[") || strings.Contains(b.Text, "http")
	case post.Hugo:
		return strings.Contains(b.Text, "{{<") || strings.Contains(b.Text, "{{%")
	case post.Liquid:
		return strings.Contains(b.Text, "{%") || strings.Contains(b.Text, "{{")
	case post.GoBlog:
		return strings.Contains(b.Text, "{{")
	}
	return false
}

// Expand expands the calls of b's dialect in b, a body of p (or a part
// of it, such as its summary). Unknown tags are dropped, their inner
// content kept, with a warning of kind "unknown shortcode" at their place
// in p's file (WordPress leaves unknown [tags] as text, as WordPress
// does). Expand never fails: a tag it cannot parse stays text, with a
// warning.
func Expand(p *post.Post, b post.Body, opt ExpandOptions) Expanded {
	if p == nil {
		p = &post.Post{}
	}
	out := Expanded{Body: b}
	if !NeedsExpand(b) {
		return out
	}
	if opt.Handlers == nil {
		opt.Handlers = NewHandlers()
	}
	x := &expander{p: p, opt: opt, src: b.Text, dialect: b.Dialect, prefix: placeholderStart}
	for strings.Contains(b.Text, x.prefix) {
		x.prefix += "x"
	}
	x.lineStarts()
	text := x.expandAt(b.Text, 0)
	if b.Dialect == post.WordPressBlocks && b.Format == post.HTML {
		text = x.blocks(text)
		out.Final = true
	}
	out.Body.Text = text
	out.fills = x.fills
	out.prefix = x.prefix
	return out
}

// expander is the state of one Expand call.
type expander struct {
	p       *post.Post
	opt     ExpandOptions
	src     string // the whole body, for positions
	dialect post.Dialect
	prefix  string
	fills   []string
	lines   []int // offsets of line starts in src
	depth   int
	// vars are Liquid's assigned and loop variables.
	vars map[string]any
	// calls counts the handlers run, bounded by maxCalls.
	calls int
}

// maxCalls bounds the handlers one body runs, so that loops in loops
// (Liquid's for) cannot make a small body expand without end.
const maxCalls = 20000

// maxDepth bounds nested expansion (calls in calls, includes in
// includes), so that hostile input cannot recurse without end.
const maxDepth = 20

func (x *expander) lineStarts() {
	x.lines = append(x.lines[:0], 0)
	for i := 0; i < len(x.src); i++ {
		if x.src[i] == '\n' {
			x.lines = append(x.lines, i+1)
		}
	}
}

// position turns an offset in the body into a line and column of the
// file.
func (x *expander) position(off int) (line, col int) {
	if off < 0 || off > len(x.src) {
		return 0, 0
	}
	i := sort.Search(len(x.lines), func(i int) bool { return x.lines[i] > off }) - 1
	col = utf8.RuneCountInString(x.src[x.lines[i]:off]) + 1
	if x.p.Source.BodyLine > 0 {
		return x.p.Source.BodyLine + i, col
	}
	return 0, 0
}

func (x *expander) warn(line, col int, kind, msg string) {
	if x.opt.Warn == nil {
		return
	}
	x.opt.Warn(post.Warning{Path: x.p.Source.Path, Line: line, Column: col, Kind: kind, Message: msg})
}

func (x *expander) warnAt(off int, kind, msg string) {
	line, col := x.position(off)
	x.warn(line, col, kind, msg)
}

// expandAt expands s, which starts at offset base of the body (or is
// not part of it, base -1), in the body's dialect.
func (x *expander) expandAt(s string, base int) string {
	if x.depth >= maxDepth {
		x.warnAt(base, "shortcode too deep", "markup: calls nested more than "+strconv.Itoa(maxDepth)+" deep are left as they are")
		return s
	}
	x.depth++
	defer func() { x.depth-- }()
	switch x.dialect {
	case post.WordPress, post.WordPressBlocks:
		return x.wordpress(s, base)
	case post.Hugo:
		return x.pairs(s, base, scanHugo(s), "{{<")
	case post.Liquid:
		return x.pairs(s, base, scanLiquid(s), "{%")
	case post.GoBlog:
		return x.pairs(s, base, scanGoBlog(s), "{{")
	}
	return s
}

// tag is one opening, closing or lone tag a dialect's scanner found.
type tag struct {
	start, end int // byte offsets in the scanned text
	name       string
	args       []Arg
	close      bool // a closing tag
	self       bool // self-closing: never has inner content
	markdown   bool // Hugo {{% %}}
	// literal, when set, is text that stands for the tag as written (an
	// escaped call, a trim marker's effect); the tag is not a call.
	literal *string
	// verbatim tags (Liquid raw, highlight, comment) take their inner
	// text as written, with no calls in it.
	verbatim bool
	// block says the tag always has a closing tag (Liquid's if, for).
	block bool
	// bad, when set, says why the tag could not be parsed.
	bad string
	// markup is the text after the name (Liquid, Go templates).
	markup string
	// trimBefore and trimAfter remove the blanks before and after the
	// tag ("{%-", "-}}").
	trimBefore, trimAfter bool
}

// pairs expands s from the tags a scanner found in it: each opening tag
// is matched with its closing tag (nested tags of the same name
// counted), and the handler of its name is called with what lies
// between. Closing tags without an opening one are dropped with a
// warning.
func (x *expander) pairs(s string, base int, tags []tag, opening string) string {
	if len(tags) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if t.start < last {
			continue // inside a call already expanded
		}
		chunk := s[last:t.start]
		if t.trimBefore {
			chunk = strings.TrimRight(chunk, " \t\r\n")
		}
		indent, starts := "", false
		if t.literal == nil && t.bad == "" && !t.close {
			if indent, starts = lineIndent(chunk, last == 0); starts {
				chunk = chunk[:len(chunk)-len(indent)]
			}
		}
		b.WriteString(chunk)
		last = t.end
		switch {
		case t.literal != nil:
			b.WriteString(*t.literal)
			continue
		case t.bad != "" && x.dialect == post.Hugo:
			// Hugo stops the build here; a reader is shown neither the
			// broken call nor what it swallowed on its line.
			x.warnAt(off(base, t.start), "bad shortcode", "markup: "+t.bad+"; the rest of the line is left out")
			last = t.start + lineLen(s[t.start:])
			continue
		case t.bad != "":
			x.warnAt(off(base, t.start), "bad shortcode", "markup: "+t.bad)
			b.WriteString(s[t.start:t.end])
			continue
		case t.close:
			x.warnAt(off(base, t.start), "unknown shortcode", fmt.Sprintf("markup: closing tag %q without an opening one dropped", t.name))
			continue
		}
		c := &Call{Dialect: x.dialect, Name: t.name, Args: t.args, Markup: t.markup, Markdown: t.markdown, Post: x.p, x: x}
		c.Line, c.Column = x.position(off(base, t.start))
		end := t.end
		if !t.self {
			if j := matchClose(tags, i, t); j >= 0 {
				c.Closed = true
				c.Inner = s[t.end:tags[j].start]
				c.inner = off(base, t.end)
				end = tags[j].end
			} else if t.block {
				x.warnAt(off(base, t.start), "unclosed shortcode", fmt.Sprintf("markup: %q has no closing tag; it is dropped", t.name))
			}
		}
		c.Raw = s[t.start:end]
		last = end
		b.WriteString(x.placed(x.call(c), indent, starts && lineEnds(s, end)))
		if t.trimAfter || (end != t.end && closingTrims(tags, s, end)) {
			last = skipBlanks(s, last)
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// closingTrims reports whether the closing tag ending at end trims the
// blanks after it.
func closingTrims(tags []tag, s string, end int) bool {
	for _, t := range tags {
		if t.end == end {
			return t.trimAfter
		}
	}
	return false
}

// lineLen is the length of s's first line, without its line break.
func lineLen(s string) int {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return i
	}
	return len(s)
}

func off(base, i int) int {
	if base < 0 {
		return -1
	}
	return base + i
}

// matchClose finds the closing tag of tags[i], counting nested tags of
// the same name; -1 when there is none. A verbatim tag closes at the
// first closing tag of its name.
func matchClose(tags []tag, i int, open tag) int {
	depth := 0
	for j := i + 1; j < len(tags); j++ {
		t := tags[j]
		if t.name != open.name || t.literal != nil || t.bad != "" {
			continue
		}
		if t.close {
			if depth == 0 {
				return j
			}
			depth--
			continue
		}
		if !t.self && !open.verbatim {
			depth++
		}
	}
	return -1
}

// lineIndent returns the blanks that end chunk, the text before a
// call, and whether the call starts its line: only blanks stand between
// it and a line break (or the start of the text, when atStart).
func lineIndent(chunk string, atStart bool) (string, bool) {
	i := len(chunk)
	for i > 0 && (chunk[i-1] == ' ' || chunk[i-1] == '\t') {
		i--
	}
	switch {
	case i == 0:
		return chunk, atStart
	case chunk[i-1] == '\n':
		return chunk[i:], true
	}
	return "", false
}

// lineEnds reports whether only blanks follow offset end on its line.
func lineEnds(s string, end int) bool {
	for i := end; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

// placed returns out, a call's expansion, for where the call stood. A
// call alone on its line whose expansion starts with HTML becomes a
// paragraph of its own, blank lines around it and its indentation
// kept, so that its HTML is not put inside a paragraph of the text
// around it (which would leave an empty <p></p> behind). Any other
// expansion stands where the call did.
func (x *expander) placed(out, indent string, alone bool) string {
	if !alone || !strings.HasPrefix(out, x.prefix) {
		return indent + out
	}
	return "\n" + indent + out + "\n"
}

// call runs c's handler and returns what stands in its place.
func (x *expander) call(c *Call) string {
	x.calls++
	if x.calls > maxCalls {
		if x.calls == maxCalls+1 {
			c.Warn("too many shortcodes", "markup: more than %d calls in one body; the rest are left out", maxCalls)
		}
		return ""
	}
	fn, ok := x.opt.Handlers.Lookup(c.Dialect, c.Name)
	if !ok {
		c.Warn("unknown shortcode", "markup: unknown %s %q: the tag is dropped, its content kept", callWord(c.Dialect), c.Name)
		if c.Closed {
			return c.ExpandInner()
		}
		return ""
	}
	r, err := fn(c)
	if err != nil {
		c.Warn("shortcode error", "markup: %s %q: %v", callWord(c.Dialect), c.Name, err)
		if c.Closed {
			return c.ExpandInner()
		}
		return ""
	}
	var b strings.Builder
	for _, p := range r.parts {
		if !p.html {
			b.WriteString(p.s)
			continue
		}
		b.WriteString(x.placeholder(p.s))
	}
	return b.String()
}

// placeholder keeps h and returns the text that stands for it.
func (x *expander) placeholder(h string) string {
	x.fills = append(x.fills, h)
	return x.prefix + strconv.Itoa(len(x.fills)-1) + placeholderEnd
}

func callWord(d post.Dialect) string {
	switch d {
	case post.Liquid:
		return "Liquid tag"
	case post.GoBlog:
		return "template action"
	}
	return "shortcode"
}

// skipParagraphBlanks skips what shows as nothing in a paragraph:
// blanks, no-break spaces (as a character or &nbsp; / &#160;).
func skipParagraphBlanks(h string, j int) int {
	for j < len(h) {
		switch {
		case h[j] == ' ' || h[j] == '\n' || h[j] == '\t' || h[j] == '\r':
			j++
		case strings.HasPrefix(h[j:], "\u00a0"):
			j += len("\u00a0")
		case strings.HasPrefix(h[j:], "&nbsp;"):
			j += len("&nbsp;")
		case strings.HasPrefix(h[j:], "&#160;"):
			j += len("&#160;")
		default:
			return j
		}
	}
	return j
}

// dropEmptyParagraphs removes the paragraphs that hold nothing but
// blanks (no-break spaces included): what is left of a paragraph whose raw HTML the safe Markdown
// renderer omitted, or of a line that held only a shortcode with
// nothing to show. A reader sees nothing of them but a gap.
func dropEmptyParagraphs(h string) string {
	i := strings.Index(h, "<p>")
	if i < 0 {
		return h
	}
	var b strings.Builder
	last := 0
	for i >= 0 {
		j := skipParagraphBlanks(h, i+len("<p>"))
		if strings.HasPrefix(h[j:], "</p>") {
			if b.Len() == 0 {
				b.Grow(len(h))
			}
			b.WriteString(h[last:i])
			last = j + len("</p>")
			if last < len(h) && h[last] == '\n' {
				last++
			}
		}
		k := strings.Index(h[j:], "<p>")
		if k < 0 {
			break
		}
		i = j + k
	}
	if last == 0 {
		return h
	}
	b.WriteString(h[last:])
	return b.String()
}
