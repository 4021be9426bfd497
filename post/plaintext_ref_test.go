// This file keeps a frozen copy of the Markdown, HTML and word counting
// code as it was before it was tuned for speed, so that FuzzPlainTextSame
// can check that the fast code gives byte-identical output. Do not change
// it: it is the specification the fast code is held to.

package post

import (
	"bytes"
	"html"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainTextRef is PlainText as it was before tuning.
func plainTextRef(b Body) string {
	switch b.Format {
	case HTML:
		return htmlPlainRef(b.Text)
	case Markdown:
		return markdownPlainRef(b.Text)
	}
	return b.Text
}

// countWordsRef is CountWords as it was before tuning.
func countWordsRef(text string) int {
	n := 0
	inWord := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if isASCIISpaceRef(c) {
				inWord = false
			} else if !inWord {
				n++
				inWord = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch wordClassRef(r) {
		case classCJKRef:
			n++
			inWord = false
		case classSpaceRef:
			inWord = false
		default:
			if !inWord {
				n++
				inWord = true
			}
		}
	}
	return n
}

func isASCIISpaceRef(c byte) bool {
	return c == ' ' || c-'\t' <= '\r'-'\t' // \t \n \v \f \r
}

const (
	classWordRef = iota
	classSpaceRef
	classCJKRef
)

// wordClassRef says how countWordsRef treats a non-ASCII rune.
func wordClassRef(r rune) int {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3040 && r <= 0x309F, r >= 0xAC00 && r <= 0xD7A3:
		return classCJKRef // the common Han, Hiragana and Hangul blocks, without table look-ups
	case r == 0x30FB: // katakana middle dot
		return classSpaceRef
	case r >= 0x30A0 && r <= 0x30FF: // Katakana, with the prolonged sound mark
		return classCJKRef
	case r >= 0x3000 && r <= 0x303F && r != 0x3005 && r != 0x3006 && r != 0x3007:
		return classSpaceRef // CJK symbols and punctuation, but not 々, 〆, 〇
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return classSpaceRef // full-width punctuation
	case unicode.IsSpace(r):
		return classSpaceRef
	case r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)):
		return classCJKRef
	}
	return classWordRef
}

// ---- HTML ----

// tagRef is an HTML tagRef, comment or declaration found by scanTagRef.
type tagRef struct {
	end     int    // offset just after the closing '>'
	name    string // lowercased element name; "" for comments and declarations
	closing bool   // </name>
	comment bool   // <!-- ... -->
}

// scanTagRef reads the tagRef starting at s[i] == '<'. ok is false when s[i:]
// does not start a complete tagRef (a "<" in text, or a tagRef with no '>'), so
// that callers keep it as text.
func scanTagRef(s string, i int) (t tagRef, ok bool) {
	j := i + 1
	if j >= len(s) {
		return t, false
	}
	switch {
	case strings.HasPrefix(s[j:], "!--"):
		k := strings.Index(s[j+3:], "-->")
		if k < 0 {
			// An unclosed comment runs to the end, as in a browser (and
			// "<!--" is not rescanned from every later "<!--").
			return tagRef{end: len(s), comment: true}, true
		}
		return tagRef{end: j + 3 + k + 3, comment: true}, true
	case s[j] == '!' || s[j] == '?':
		k := strings.IndexAny(s[j:], "<>")
		if k < 0 || s[j+k] != '>' {
			return t, false
		}
		return tagRef{end: j + k + 1}, true
	case s[j] == '/':
		t.closing = true
		j++
	}
	start := j
	for j < len(s) && (isASCIILetterRef(s[j]) || (j > start && (isASCIIDigitRef(s[j]) || s[j] == '-' || s[j] == ':'))) {
		j++
	}
	if j == start {
		return t, false
	}
	t.name = strings.ToLower(s[start:j])
	// Attributes: find the '>' that is not inside a quoted value.
	var quote byte
	for ; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			t.end = j + 1
			return t, true
		case c == '<':
			return tagRef{}, false // "a <b c" then a new tagRef: the first was text
		}
	}
	return tagRef{}, false
}

func isASCIILetterRef(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIDigitRef(c byte) bool  { return '0' <= c && c <= '9' }

// isBlockTagRef reports the elements that start a new block of text: words
// on either side of them are never one word.
func isBlockTagRef(name string) bool {
	switch name {
	case "address", "article", "aside", "blockquote", "body", "caption", "dd",
		"details", "div", "dl", "dt", "figcaption", "figure", "footer", "form",
		"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main",
		"nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
		"tfoot", "th", "thead", "tr", "ul":
		return true
	}
	return false
}

// isRawTextTagRef reports the elements whose text is never shown (or, for
// textarea, is not prose).
func isRawTextTagRef(name string) bool {
	switch name {
	case "script", "style", "template", "textarea":
		return true
	}
	return false
}

// skipRawTextRef returns the offset just after the </name> that closes a raw
// text element whose contents start at i, or len(s) when it is unclosed.
func skipRawTextRef(s string, i int, name string) int {
	for {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			return len(s)
		}
		i += k
		if t, ok := scanTagRef(s, i); ok && t.closing && t.name == name {
			return t.end
		}
		i += 2
	}
}

// entityAtRef decodes the character reference at s[i] == '&'. ok is false
// when there is none (a bare '&'), so that the '&' stays text.
func entityAtRef(s string, i int) (text string, end int, ok bool) {
	j := i + 1
	for j < len(s) && j-i <= 32 && (isASCIILetterRef(s[j]) || isASCIIDigitRef(s[j]) || s[j] == '#') {
		j++
	}
	if j >= len(s) || s[j] != ';' || j == i+1 {
		return "", i, false
	}
	ref := s[i : j+1]
	dec := html.UnescapeString(ref)
	if dec == ref {
		return "", i, false
	}
	return dec, j + 1, true
}

// plainWriterRef writes text with white space collapsed: runs of spaces
// become one space, and the strongest break asked for between two pieces
// of text wins.
type plainWriterRef struct {
	b       strings.Builder
	pending int // breakNoneRef, breakSpaceRef, breakLineRef or breakParaRef
}

const (
	breakNoneRef = iota
	breakSpaceRef
	breakLineRef
	breakParaRef
)

func (w *plainWriterRef) brk(kind int) { w.pending = max(w.pending, kind) }

func (w *plainWriterRef) flush() {
	if w.b.Len() > 0 {
		switch w.pending {
		case breakSpaceRef:
			w.b.WriteByte(' ')
		case breakLineRef:
			w.b.WriteByte('\n')
		case breakParaRef:
			w.b.WriteString("\n\n")
		}
	}
	w.pending = breakNoneRef
}

// text writes s, collapsing white space unless pre is set.
func (w *plainWriterRef) text(s string, pre bool) {
	for _, r := range s {
		switch {
		case pre && r == '\n':
			w.brk(breakLineRef)
		case unicode.IsSpace(r) && !pre:
			w.brk(breakSpaceRef)
		default:
			w.flush()
			w.b.WriteRune(r)
		}
	}
}

func htmlPlainRef(s string) string {
	var w plainWriterRef
	pre := 0 // depth of open pre elements
	start := 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			t, ok := scanTagRef(s, i)
			if !ok {
				i++
				continue
			}
			w.text(s[start:i], pre > 0)
			i, start = t.end, t.end
			switch {
			case t.comment || t.name == "":
			case isRawTextTagRef(t.name) && !t.closing:
				i = skipRawTextRef(s, i, t.name)
				start = i
			case t.name == "br":
				w.brk(breakLineRef)
			case isBlockTagRef(t.name):
				w.brk(breakParaRef)
				switch {
				case t.name != "pre":
				case t.closing:
					pre = max(0, pre-1)
				default:
					pre++
				}
			}
		case '&':
			dec, end, ok := entityAtRef(s, i)
			if !ok {
				i++
				continue
			}
			w.text(s[start:i], pre > 0)
			w.text(dec, pre > 0)
			i, start = end, end
		default:
			i++
		}
	}
	w.text(s[start:], pre > 0)
	return w.b.String()
}

// ---- Markdown ----

func markdownPlainRef(src string) string {
	out := make([]byte, 0, len(src))
	blank := true // the last line written was blank (or nothing was written)
	emit := func(line []byte) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			blank = true
			return
		}
		if len(out) > 0 && blank {
			out = append(out, '\n')
		}
		out = append(out, line...)
		out = append(out, '\n')
		blank = false
	}
	var line lineBufRef // reused for every line
	var idx mdIndexRef  // reused for every line
	fence := ""         // the opening fence while inside a fenced code block
	indented := false   // inside an indented code block
	for i := 0; i < len(src); {
		le := strings.IndexByte(src[i:], '\n')
		if le < 0 {
			le = len(src)
		} else {
			le += i
		}
		l := strings.TrimSuffix(src[i:le], "\r")
		next := le + 1
		line = line[:0]
		switch {
		case fence != "":
			if isFenceCloseRef(l, fence) {
				fence = ""
			} else {
				emit(append(line, l...))
			}
		case fenceOpenRef(l) != "":
			fence = fenceOpenRef(l)
		default:
			if end, ok := skipHTMLBlockRef(src, i, le); ok {
				next = end
				emit(nil) // an HTML block ends a paragraph
				break
			}
			isIndent := strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t")
			if isIndent && strings.TrimSpace(l) != "" && (blank || indented) {
				indented = true // an indented code block: the code is the text
				emit(append(line, l...))
				break
			}
			indented = indented && strings.TrimSpace(l) == ""
			l = stripBlockMarkersRef(l)
			switch markdownLineKindRef(l) {
			case lineBreakRef:
				emit(nil)
			case lineTextRef:
				h := headingTextRef(l)
				idx.reset(h)
				markdownInlineRef(&line, &idx, 0, len(h))
				emit(line)
			}
		}
		i = next
	}
	return strings.TrimRight(string(out), "\n")
}

// lineBufRef collects the text of one line.
type lineBufRef []byte

func (b *lineBufRef) str(s string) { *b = append(*b, s...) }
func (b *lineBufRef) byte(c byte)  { *b = append(*b, c) }

// skipHTMLBlockRef skips a Markdown HTML block whose text is not prose: a
// script, style, textarea or template element, or a comment, that starts
// the line src[i:le] and may run on past it. It returns the offset of the
// line after the one where the block ends.
func skipHTMLBlockRef(src string, i, le int) (next int, ok bool) {
	l := src[i:le]
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || !strings.HasPrefix(t, "<") {
		return 0, false
	}
	start := i + len(l) - len(t)
	tg, ok := scanTagRef(src, start)
	if !ok || tg.closing || !(tg.comment || isRawTextTagRef(tg.name)) {
		return 0, false
	}
	end := tg.end
	if !tg.comment {
		end = skipRawTextRef(src, tg.end, tg.name)
	}
	if end <= le && strings.TrimSpace(src[end:le]) != "" {
		return 0, false // "<!-- x --> text": inline, handled with the line
	}
	nl := strings.IndexByte(src[end:], '\n')
	if nl < 0 {
		return len(src), true
	}
	return end + nl + 1, true
}

// fenceOpenRef returns the fence ("```", "~~~~", ...) that l opens, or "".
func fenceOpenRef(l string) string {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && strings.IndexByte(t[n:], '`') >= 0) {
		return ""
	}
	return t[:n]
}

func isFenceCloseRef(l, fence string) bool {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || !strings.HasPrefix(t, fence) {
		return false
	}
	return strings.Trim(t, fence[:1]+" \t") == ""
}

// stripBlockMarkersRef removes the blockquote '>'s, list markers and task
// boxes at the start of a line.
func stripBlockMarkersRef(l string) string {
	for {
		t := strings.TrimLeft(l, " \t")
		switch {
		case strings.HasPrefix(t, ">"):
			l = strings.TrimPrefix(t[1:], " ")
			continue
		case len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t') && !isThematicBreakRef(t):
			l = t[2:]
			continue
		}
		if n := orderedMarkerRef(t); n > 0 {
			l = t[n:]
			continue
		}
		for _, box := range []string{"[ ] ", "[x] ", "[X] "} {
			if strings.HasPrefix(t, box) {
				return t[len(box):]
			}
		}
		return l
	}
}

// orderedMarkerRef returns the length of an ordered list marker ("12. ",
// "3) ") at the start of t, or 0.
func orderedMarkerRef(t string) int {
	n := 0
	for n < len(t) && n < 9 && isASCIIDigitRef(t[n]) {
		n++
	}
	if n == 0 || n+1 >= len(t) || (t[n] != '.' && t[n] != ')') || (t[n+1] != ' ' && t[n+1] != '\t') {
		return 0
	}
	return n + 2
}

func isThematicBreakRef(t string) bool {
	t = strings.TrimSpace(t)
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

const (
	lineTextRef   = iota
	lineBreakRef  // thematic break or setext underline: ends a paragraph
	lineSyntaxRef // link reference definition or table rule: dropped
)

// markdownLineKindRef tells apart the lines that are only syntax.
func markdownLineKindRef(l string) int {
	t := strings.TrimSpace(l)
	switch {
	case t == "":
		return lineTextRef
	case isThematicBreakRef(t) || strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "":
		return lineBreakRef
	case strings.Trim(t, "|-: \t") == "" && strings.Contains(t, "-") && strings.Contains(t, "|"):
		return lineSyntaxRef // table delimiter row
	case t[0] == '[' && len(t) > 1 && t[1] != '^':
		if k := strings.Index(t, "]:"); k > 1 && !strings.Contains(t[:k], "]") {
			return lineSyntaxRef // [ref]: https://...
		}
	}
	return lineTextRef
}

// headingTextRef strips an ATX heading's '#'s and a table row's outer pipes.
func headingTextRef(l string) string {
	t := strings.TrimLeft(l, " ")
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n >= 1 && n <= 6 && (n == len(t) || t[n] == ' ' || t[n] == '\t') {
		t = strings.TrimSpace(t[n:])
		if u := strings.TrimRight(t, "#"); u != t && (u == "" || strings.HasSuffix(u, " ")) {
			t = strings.TrimSpace(u)
		}
		return t
	}
	if strings.HasPrefix(t, "|") {
		return strings.Trim(t, "| ")
	}
	return l
}

// markdownInlineRef writes the text of m.s[lo:hi], Markdown inline syntax.
func markdownInlineRef(b *lineBufRef, m *mdIndexRef, lo, hi int) {
	s := m.s[:hi]
	for i := lo; i < hi; {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < hi && isASCIIPunctRef(s[i+1]) {
				b.byte(s[i+1])
				i += 2
				continue
			}
		case '`':
			if content, end, ok := m.codeSpan(i); ok && end <= hi {
				b.str(content)
				i = end
				continue
			}
			n := runLenRef(s, i, '`')
			b.str(s[i : i+n])
			i += n
			continue
		case '!', '[':
			if l, ok := m.link(i); ok && l.end <= hi {
				markdownInlineRef(b, m, l.textStart, l.textEnd)
				i = l.end
				continue
			}
		case '<':
			if url, end, ok := autolinkAtRef(s, i); ok {
				b.str(url)
				i = end
				continue
			}
			if t, ok := scanTagRef(s, i); ok {
				if !t.comment && isBlockTagRef(t.name) || t.name == "br" {
					b.byte(' ')
				}
				i = t.end
				if isRawTextTagRef(t.name) && !t.closing {
					i = skipRawTextRef(s, i, t.name)
				}
				continue
			}
		case '&':
			if dec, end, ok := entityAtRef(s, i); ok {
				b.str(dec)
				i = end
				continue
			}
		case '*', '_', '~':
			n := runLenRef(s, i, c)
			if isEmphasisRunRef(s[lo:], i-lo, n) {
				i += n
				continue
			}
			b.str(s[i : i+n])
			i += n
			continue
		case '|':
			b.byte(' ') // a table cell boundary
			i++
			continue
		}
		b.byte(c)
		i++
	}
}

func runLenRef(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// isEmphasisRunRef reports whether the run of n delimiters at s[i] opens or
// closes emphasis (or strikethrough) rather than being a literal "*".
func isEmphasisRunRef(s string, i, n int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+n:])
	spaceBefore := i == 0 || unicode.IsSpace(before)
	spaceAfter := i+n == len(s) || unicode.IsSpace(after)
	if spaceBefore && spaceAfter {
		return false // "2 * 3", a lone "~"
	}
	// A delimiter only opening (or only closing) needs a partner later (or
	// earlier) in the line; "a *x" alone is a literal star.
	earlier := strings.IndexByte(s[:i], s[i]) >= 0
	later := strings.IndexByte(s[i+n:], s[i]) >= 0
	switch {
	case spaceBefore && !later, spaceAfter && !earlier, !earlier && !later:
		return false
	}
	switch s[i] {
	case '_':
		// snake_case is not emphasis.
		return !(i > 0 && isWordRuneRef(before) && i+n < len(s) && isWordRuneRef(after))
	case '~':
		return n <= 2
	}
	return true
}

func isWordRuneRef(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIPunctRef(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// mdIndexRef pairs the code spans and brackets of a piece of Markdown inline
// text in one pass, so that looking one up never rescans the text (which
// would take quadratic time on text like "[[[[[[").
type mdIndexRef struct {
	s string
	// pairs holds each '[', '(' and backtick run opening a code span, in
	// order of position, with the offset just past its partner (0 when it
	// has none).
	pairs []mdPairRef
	// Scratch space, kept for the next reset.
	runs   []mdRunRef
	stacks [2][]int32 // open '[' and '(' as indexes into pairs
}

type mdPairRef struct{ pos, end int32 }

// mdRunRef is a run of backticks; next is the index of the next run of the
// same length (+1), the closer if this one opens a code span.
type mdRunRef struct{ pos, n, next int32 }

// reset indexes s, reusing the memory of an earlier index.
func (m *mdIndexRef) reset(s string) {
	m.s = s
	m.pairs = m.pairs[:0]
	if len(s) > math.MaxInt32 || !strings.ContainsAny(s, "[(`") {
		return
	}
	m.linkRuns(s)
	m.stacks[0], m.stacks[1] = m.stacks[0][:0], m.stacks[1][:0]
	r := 0 // the first run not behind i
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			i += 2
			continue
		case '`':
			for r < len(m.runs) && int(m.runs[r].pos) < i {
				r++
			}
			n := runLenRef(s, i, '`')
			if r < len(m.runs) && int(m.runs[r].pos) == i && m.runs[r].next > 0 {
				closer := m.runs[m.runs[r].next-1]
				end := int(closer.pos) + n
				m.pairs = append(m.pairs, mdPairRef{int32(i), int32(end)})
				i = end // brackets inside code do not count
				continue
			}
			i += n
			continue
		case '[', '(':
			k := 0
			if c == '(' {
				k = 1
			}
			m.stacks[k] = append(m.stacks[k], int32(len(m.pairs)))
			m.pairs = append(m.pairs, mdPairRef{pos: int32(i)})
		case ']', ')':
			k := 0
			if c == ')' {
				k = 1
			}
			if top := len(m.stacks[k]) - 1; top >= 0 {
				m.pairs[m.stacks[k][top]].end = int32(i + 1)
				m.stacks[k] = m.stacks[k][:top]
			}
		}
		i++
	}
}

// linkRuns lists the backtick runs of s, each linked to the next run as
// long: a code span's closer is the next run of the opener's length.
func (m *mdIndexRef) linkRuns(s string) {
	m.runs = m.runs[:0]
	var last [16]int32 // by run length: the index of the last run + 1
	var lastLong map[int]int32
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '`')
		if k < 0 {
			return
		}
		i += k
		n := runLenRef(s, i, '`')
		idx := int32(len(m.runs) + 1)
		var prev int32
		if n < len(last) {
			prev, last[n] = last[n], idx
		} else {
			if lastLong == nil {
				lastLong = map[int]int32{}
			}
			prev, lastLong[n] = lastLong[n], idx
		}
		if prev > 0 {
			m.runs[prev-1].next = idx
		}
		m.runs = append(m.runs, mdRunRef{pos: int32(i), n: int32(n)})
		i += n
	}
}

// pair returns the offset just past the partner of s[i], or 0.
func (m *mdIndexRef) pair(i int) int {
	k, ok := slices.BinarySearchFunc(m.pairs, i, func(p mdPairRef, i int) int { return int(p.pos) - i })
	if !ok {
		return 0
	}
	return int(m.pairs[k].end)
}

// codeSpan reads the code span at s[i] == '`': its content (one
// surrounding space stripped, as CommonMark does) and where it ends.
func (m *mdIndexRef) codeSpan(i int) (content string, end int, ok bool) {
	end = m.pair(i)
	if end == 0 || m.s[i] != '`' {
		return "", i, false
	}
	n := runLenRef(m.s, i, '`')
	c := m.s[i+n : end-n]
	if len(c) >= 2 && c[0] == ' ' && c[len(c)-1] == ' ' && strings.Trim(c, " ") != "" {
		c = c[1 : len(c)-1]
	}
	return c, end, true
}

// mdLinkRef is a Markdown link or image: [text](dest "title"), [text][ref],
// ![alt](src). Its text is s[textStart:textEnd].
type mdLinkRef struct {
	textStart, textEnd, end int
}

// link reads the link or image starting at s[i] ('[' or "!["). Bracket
// text alone ("[note]") is not taken as a link.
func (m *mdIndexRef) link(i int) (l mdLinkRef, ok bool) {
	j := i
	if m.s[j] == '!' {
		j++
	}
	if j >= len(m.s) || m.s[j] != '[' {
		return l, false
	}
	close := m.pair(j) // just past ']'
	if close == 0 || close >= len(m.s) || (m.s[close] != '(' && m.s[close] != '[') {
		return l, false
	}
	end := m.pair(close)
	if end == 0 {
		return l, false
	}
	return mdLinkRef{textStart: j + 1, textEnd: close - 1, end: end}, true
}

// autolinkAtRef reads "<https://example.com>" or "<me@example.com>".
func autolinkAtRef(s string, i int) (url string, end int, ok bool) {
	// Stop at the first character an autolink cannot hold, so that a run
	// of "<" is not scanned again from each one.
	k := strings.IndexAny(s[i+1:], "<> \t\n")
	if k < 0 || s[i+1+k] != '>' {
		return "", i, false
	}
	k++
	u := s[i+1 : i+k]
	if u == "" {
		return "", i, false
	}
	if c := strings.Index(u, ":"); c > 1 && isASCIILetterRef(u[0]) && !strings.Contains(u[:c], "/") {
		return u, i + k + 1, true // scheme:...
	}
	if at := strings.IndexByte(u, '@'); at > 0 && strings.Contains(u[at:], ".") && !strings.Contains(u, "/") {
		return u, i + k + 1, true
	}
	return "", i, false
}
