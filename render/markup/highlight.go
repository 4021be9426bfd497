package markup

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// HighlightOptions say how Highlight shows a block of code. The zero
// value highlights the code and nothing more.
type HighlightOptions struct {
	// LineNumbers puts a number before each line.
	LineNumbers bool
	// LineStart is the number of the first line; 0 means 1.
	LineStart int
	// Lines are the lines to mark, counted from 1 at the block's first
	// line whatever LineStart says (Hugo's hl_lines).
	Lines []int
	// HL is the mark of x/tools/present's {{code}} action: each line
	// ending in the comment "// HL"+HL ("// HLdone" for HL "done", a bare
	// "// HL" for "") is marked and loses the comment. Empty with
	// UseHL false leaves such comments alone.
	HL    string
	UseHL bool
}

// wantsLines reports whether o asks for line-level markup that only the
// highlighter writes, so a block in an unknown language still goes
// through it (with the plain-text lexer).
func (o HighlightOptions) wantsLines() bool {
	return o.LineNumbers || len(o.Lines) > 0 || o.UseHL
}

// key is o as part of a cache key.
func (o HighlightOptions) key() string {
	var b strings.Builder
	b.WriteString(strconv.FormatBool(o.LineNumbers))
	b.WriteByte(' ')
	b.WriteString(strconv.Itoa(o.LineStart))
	for _, l := range o.Lines {
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(l))
	}
	if o.UseHL {
		b.WriteString(" HL")
		b.WriteString(o.HL)
	}
	return b.String()
}

// Highlight returns code as HTML: a <pre class="chroma"> whose tokens
// carry chroma's CSS classes (never inline styles; the default theme's
// stylesheet colours them, light and dark) inside a <code
// class="language-LANG">. A lang chroma does not know (or "", "text",
// "plain") gives the code escaped in a plain <pre><code>, as goldmark
// writes an unhighlighted block, unless o asks for line numbers or
// marked lines. Highlight never fails: code it cannot tokenise is
// written plain. The result is safe to put in a page as it is and passes
// Sanitize unchanged in meaning.
//
// Shortcode handlers ({% highlight %}, Hugo's highlight, the Go blog's
// {{code}}) call it; Markdown's fenced blocks go through a Highlighter,
// which caches.
func Highlight(code, lang string, o HighlightOptions) string {
	var b bytes.Buffer
	highlightTo(&b, code, lang, o)
	return b.String()
}

// highlightTo writes Highlight's result to b.
func highlightTo(b *bytes.Buffer, code, lang string, o HighlightOptions) {
	lexer := lexerFor(lang)
	if lexer == nil && o.wantsLines() {
		lexer = lexers.Fallback
	}
	if lexer == nil {
		writePlainCode(b, code, lang)
		return
	}
	var marked []int
	if o.UseHL {
		code, marked = stripHL(code, o.HL)
	}
	start := max(o.LineStart, 1)
	var ranges [][2]int
	for _, l := range append(marked, o.Lines...) {
		if l >= 1 {
			ranges = append(ranges, [2]int{l + start - 1, l + start - 1})
		}
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		writePlainCode(b, code, lang)
		return
	}
	f := chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.WithLineNumbers(o.LineNumbers),
		chromahtml.BaseLineNumber(start),
		chromahtml.HighlightLines(ranges),
		chromahtml.WithPreWrapper(preWrapper{lang: lang}),
	)
	n := b.Len()
	if err := f.Format(b, styles.Fallback, it); err != nil {
		b.Truncate(n)
		writePlainCode(b, code, lang)
	}
}

// lexerFor returns chroma's lexer for a fence's language, or nil for
// none, plain text and names chroma does not know. Only names and
// aliases count: chroma's Get would also try lang as a file name.
func lexerFor(lang string) chroma.Lexer {
	lang = strings.ToLower(strings.TrimSpace(lang))
	switch lang {
	case "", "text", "plain", "plaintext", "txt", "none", "nohighlight":
		return nil
	}
	if l := lexers.GlobalLexerRegistry.Get(lang); l != nil && l != lexers.Fallback {
		cfg := l.Config()
		if strings.EqualFold(cfg.Name, lang) {
			return l
		}
		for _, a := range cfg.Aliases {
			if strings.EqualFold(a, lang) {
				return l
			}
		}
	}
	return nil
}

// preWrapper writes the <pre> and <code> around highlighted lines.
type preWrapper struct{ lang string }

func (p preWrapper) Start(code bool, _ string) string {
	if !code {
		return `<pre class="chroma">`
	}
	if p.lang == "" {
		return `<pre class="chroma"><code>`
	}
	return `<pre class="chroma"><code class="language-` + html.EscapeString(p.lang) + `">`
}

func (p preWrapper) End(code bool) string {
	if code {
		return "</code></pre>\n"
	}
	return "</pre>\n"
}

// writePlainCode writes code as goldmark writes a fenced block.
func writePlainCode(b *bytes.Buffer, code, lang string) {
	b.WriteString("<pre><code")
	if lang != "" {
		b.WriteString(` class="language-`)
		b.Write(util.EscapeHTML([]byte(lang)))
		b.WriteString(`"`)
	}
	b.WriteByte('>')
	b.Write(util.EscapeHTML([]byte(code)))
	b.WriteString("</code></pre>\n")
}

// stripHL removes present's "// HL"+mark comments from the ends of
// code's lines and returns the code and the 1-based lines that had one.
func stripHL(code, mark string) (string, []int) {
	suffix := "// HL" + mark
	if !strings.Contains(code, suffix) {
		return code, nil
	}
	lines := strings.SplitAfter(code, "\n")
	var marked []int
	for i, l := range lines {
		body, nl := strings.CutSuffix(l, "\n")
		trimmed := strings.TrimRight(body, " \t\r")
		if !strings.HasSuffix(trimmed, suffix) {
			continue
		}
		marked = append(marked, i+1)
		body = strings.TrimRight(strings.TrimSuffix(trimmed, suffix), " \t")
		if nl {
			body += "\n"
		}
		lines[i] = body
	}
	return strings.Join(lines, ""), marked
}

// maxCacheBytes bounds the code a Highlighter keeps; past it the cache
// starts again empty, so a build of many posts holds no more than this.
const maxCacheBytes = 8 << 20

// Highlighter highlights the fenced code blocks of Markdown as a
// goldmark extension (see Extend) and remembers each distinct block's
// HTML, so that a body rendered again (for a feed, a summary) costs no
// second tokenisation. The zero value is ready to use and safe for
// concurrent use.
type Highlighter struct {
	mu    sync.Mutex
	cache map[string]string
	size  int
}

// Highlight is the package's Highlight with h's cache.
func (h *Highlighter) Highlight(code, lang string, o HighlightOptions) string {
	key := lang + "\x00" + o.key() + "\x00" + code
	h.mu.Lock()
	out, ok := h.cache[key]
	h.mu.Unlock()
	if ok {
		return out
	}
	out = Highlight(code, lang, o)
	h.mu.Lock()
	if h.cache == nil || h.size+len(key)+len(out) > maxCacheBytes {
		h.cache, h.size = map[string]string{}, 0
	}
	h.cache[key] = out
	h.size += len(key) + len(out)
	h.mu.Unlock()
	return out
}

// Extend makes m highlight fenced code blocks: the fence's first word
// names the language, and attributes in braces after it ask for line
// numbers and marked lines as Hugo reads them:
//
//	```go {linenos=true, hl_lines=[2,"4-5"], linenostart=10}
//
// linenos takes true, false, "table" or "inline" (numbers are always
// written inline); hl_lines numbers and ranges; unknown attributes and
// malformed values are ignored. Indented code blocks stay plain.
func (h *Highlighter) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(fencedRenderer{h}, 100)))
}

// fencedRenderer renders ast.FencedCodeBlock with a Highlighter.
type fencedRenderer struct{ h *Highlighter }

func (r fencedRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

func (r fencedRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var lang string
	var o HighlightOptions
	if n.Info != nil {
		lang, o = parseFenceInfo(string(n.Info.Segment.Value(source)))
	}
	var code strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code.Write(seg.Value(source))
	}
	_, _ = w.WriteString(r.h.Highlight(code.String(), lang, o))
	return ast.WalkSkipChildren, nil
}

// parseFenceInfo reads a fence's info string: its language (the first
// word, unless the string starts with "{") and Hugo-style attributes in
// braces.
func parseFenceInfo(info string) (string, HighlightOptions) {
	info = strings.TrimSpace(info)
	var lang, attrs string
	if i := strings.IndexByte(info, '{'); i >= 0 {
		attrs = info[i+1:]
		if j := strings.LastIndexByte(attrs, '}'); j >= 0 {
			attrs = attrs[:j]
		}
		info = strings.TrimSpace(info[:i])
	}
	if f := strings.Fields(info); len(f) > 0 {
		lang = f[0]
	}
	var o HighlightOptions
	for key, val := range fenceAttrs(attrs) {
		switch key {
		case "linenos":
			switch strings.ToLower(val) {
			case "true", "table", "inline", "1", "yes":
				o.LineNumbers = true
			}
		case "linenostart":
			if n, err := strconv.Atoi(val); err == nil && n > 0 && n < 1<<20 {
				o.LineStart = n
			}
		case "hl_lines":
			o.Lines = lineList(val)
		}
	}
	return lang, o
}

// fenceAttrs yields the key=value pairs of attrs, separated by commas or
// blanks; a value may be a bracketed list or quoted.
func fenceAttrs(attrs string) func(func(string, string) bool) {
	return func(yield func(string, string) bool) {
		s := attrs
		for {
			s = strings.TrimLeft(s, " \t,")
			if s == "" {
				return
			}
			eq := strings.IndexByte(s, '=')
			if eq < 0 {
				return
			}
			key := strings.ToLower(strings.TrimSpace(s[:eq]))
			s = strings.TrimLeft(s[eq+1:], " \t")
			var val string
			switch {
			case strings.HasPrefix(s, "["):
				end := strings.IndexByte(s, ']')
				if end < 0 {
					end = len(s) - 1
				}
				val, s = s[1:end], s[end+1:]
			case strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "'"):
				end := strings.IndexByte(s[1:], s[0])
				if end < 0 {
					end = len(s) - 1
				}
				val, s = s[1:end+1], s[min(end+2, len(s)):]
			default:
				end := strings.IndexAny(s, " \t,")
				if end < 0 {
					end = len(s)
				}
				val, s = s[:end], s[end:]
			}
			if !yield(key, strings.TrimSpace(val)) {
				return
			}
		}
	}
}

// maxMarked bounds how many lines one hl_lines value marks, so that
// "1-999999999" cannot take memory.
const maxMarked = 10000

// lineList reads "2,3", `"4-6" 8` and the like as line numbers.
func lineList(val string) []int {
	var out []int
	for _, f := range strings.FieldsFunc(val, func(r rune) bool { return r == ',' || r == ' ' || r == '"' || r == '\'' }) {
		lo, hi, isRange := strings.Cut(f, "-")
		a, err := strconv.Atoi(lo)
		if err != nil || a < 1 {
			continue
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil || b < a {
				continue
			}
		}
		for l := a; l <= b && len(out) < maxMarked; l++ {
			out = append(out, l)
		}
	}
	return out
}
