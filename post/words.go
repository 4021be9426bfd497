package post

import (
	"bytes"
	"html"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// DefaultWordsPerMinute is the reading speed ReadingMinutes assumes when
// given none.
const DefaultWordsPerMinute = 200

// PlainText returns the body's text with its markup removed, for counting
// words and for plain-text output.
//
// For HTML it drops tags, comments (an unclosed one runs to the end, as in
// a browser) and the contents of script, style, template and textarea
// elements, decodes entities, collapses white space as a browser would
// (except inside pre) and puts a blank line between blocks (p, div, h1,
// li, ...) and a line break for br.
//
// For Markdown it drops the syntax and keeps the words: emphasis markers,
// heading '#'s, list markers and task boxes, blockquote '>'s, code fence
// lines (the code itself is kept, as is indented code), thematic breaks,
// setext underlines, link reference definitions, table rules and pipes,
// HTML tags, comments (so the "<!--more-->" divider too) and script and
// style blocks; a link or image becomes its text, an autolink its address;
// backslash escapes and entities are decoded. Lines are trimmed, and
// paragraphs stay separated by one blank line. It is a fast approximation
// of CommonMark, not a parser: WordPress shortcodes ("[caption]"), for one,
// stay as text.
//
// For Text, and any other format, it is the text unchanged. PlainText never
// fails and takes time linear in the text: markup it does not recognise
// (a "<" that starts no tag, an unclosed link) is kept as text.
func PlainText(b Body) string {
	switch b.Format {
	case HTML, Markdown:
		sc := getScratch()
		sc.out = appendPlain(sc.out[:0], b, &sc.idx)
		text := string(sc.out)
		putScratch(sc)
		return text
	}
	return b.Text
}

// appendPlain appends the plain text of an HTML or Markdown body to the
// empty out, using idx as scratch space.
func appendPlain(out []byte, b Body, idx *mdIndex) []byte {
	if b.Format == HTML {
		return appendHTMLPlain(out, b.Text)
	}
	return appendMarkdownPlain(out, b.Text, idx)
}

// CountWords counts the words of plain text: runs of characters that are
// not white space, except that each CJK character (Han, Hiragana,
// Katakana, Hangul) is a word on its own, so "東アジア" is 4 words and
// "Go言語" is 3. CJK punctuation ("、", "。", "・", full-width "，") separates
// words like white space. Invalid UTF-8 bytes count as word characters.
// CountWords does not allocate.
func CountWords(text string) int { return countWords(text) }

// countWords is CountWords for text held in a string or in bytes.
func countWords[T string | []byte](text T) int {
	n := 0
	inWord := uint64(0) // 1 inside a word
	for i := 0; i < len(text); {
		// Eight ASCII bytes at a time, while there are.
		for ; i+8 <= len(text); i += 8 {
			w := load64(text, i)
			if w&highBits != 0 {
				break
			}
			word := asciiWordBytes(w)
			// A word starts at a word byte after a space (or the start).
			n += bits.OnesCount64(word &^ (word<<8 | inWord<<7))
			inWord = word >> 63
		}
		// Then a byte or rune at a time, up to the first ASCII byte after
		// a rune, so that text in other scripts is not tried eight bytes
		// at a time at every rune.
		for i < len(text) {
			k := byteClass[text[i]]
			if k&byteHigh == 0 {
				word := uint64(k>>2&1) ^ 1 // byteSpace is 1<<2
				n += int(word &^ inWord)
				inWord = word
				i++
				continue
			}
			r, size := decodeRune(text, i)
			i += size
			switch wordClass(r) {
			case classCJK:
				n++
				inWord = 0
			case classSpace:
				inWord = 0
			default:
				n += int(1 &^ inWord)
				inWord = 1
			}
			if i < len(text) && text[i] < utf8.RuneSelf {
				break
			}
		}
	}
	return n
}

// decodeRune is utf8.DecodeRuneInString(text[i:]), with the three-byte
// sequences of CJK text decoded inline.
func decodeRune[T string | []byte](text T, i int) (rune, int) {
	if c := text[i]; c&0xF0 == 0xE0 && i+2 < len(text) {
		c1, c2 := text[i+1], text[i+2]
		r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		// Not an overlong form nor a surrogate, which are invalid.
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	// Convert at most one rune's bytes, so that a []byte text copies only
	// those (and on the stack).
	return utf8.DecodeRuneInString(string(text[i:min(i+utf8.UTFMax, len(text))]))
}

const highBits = 0x8080808080808080 // the high bit of each byte of a word

// load64 reads s[i:i+8] as a little-endian word (one load, once compiled).
func load64[T string | []byte](s T, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiWordBytes sets the high bit of each byte of w, eight ASCII bytes,
// that is not white space (isASCIISpace), and clears every other bit. No
// byte is 0x80 or more, so no sum below carries into the next byte.
func asciiWordBytes(w uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	x := w ^ 0x2020202020202020
	notBlank := (x + low7) | x                                      // high bit: the byte is not ' '
	control := (w + 0x7777777777777777) &^ (w + 0x7272727272727272) // high bit: '\t' <= byte <= '\r'
	return notBlank &^ control & highBits
}

// WordCount counts the words of the post's body as plain text:
// CountWords(PlainText(p.Body)), without making the plain text a string.
func (p *Post) WordCount() int {
	switch p.Body.Format {
	case Markdown, HTML:
		sc := getScratch()
		sc.out = appendPlain(sc.out[:0], p.Body, &sc.idx)
		n := countWords(sc.out)
		putScratch(sc)
		return n
	}
	return CountWords(p.Body.Text)
}

// ReadingMinutes is the whole minutes needed to read words at
// wordsPerMinute (DefaultWordsPerMinute when it is 0 or less), rounded up;
// 0 for no words (or a negative count).
func ReadingMinutes(words, wordsPerMinute int) int {
	if words <= 0 {
		return 0
	}
	if wordsPerMinute <= 0 {
		wordsPerMinute = DefaultWordsPerMinute
	}
	return (words + wordsPerMinute - 1) / wordsPerMinute
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c-'\t' <= '\r'-'\t' // \t \n \v \f \r
}

const (
	classWord = iota
	classSpace
	classCJK
)

// wordClass says how CountWords treats a non-ASCII rune.
func wordClass(r rune) int {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3040 && r <= 0x309F, r >= 0xAC00 && r <= 0xD7A3:
		return classCJK // the common Han, Hiragana and Hangul blocks, without table look-ups
	case r == 0x30FB: // katakana middle dot
		return classSpace
	case r >= 0x30A0 && r <= 0x30FF: // Katakana, with the prolonged sound mark
		return classCJK
	case r >= 0x3000 && r <= 0x303F && r != 0x3005 && r != 0x3006 && r != 0x3007:
		return classSpace // CJK symbols and punctuation, but not 々, 〆, 〇
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return classSpace // full-width punctuation
	case unicode.IsSpace(r):
		return classSpace
	case r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)):
		return classCJK
	}
	return classWord
}

// The classes of bytes in byteClass, as bits.
const (
	byteInline = 1 << iota // may start Markdown inline syntax (see markdownInline)
	byteIndex              // looked at by mdIndex.build: \ ` [ ] ( )
	byteSpace              // ASCII white space, as isASCIISpace
	byteHigh               // not ASCII: part of a multi-byte UTF-8 sequence
	byteMarkup             // '<' or '&', which may start HTML markup
)

// byteClass holds the classes of each byte, so that the loops that skip
// plain text look a byte up with one load and no bounds check (a constant
// string indexed by a byte needs none). TestByteClass checks it.
const byteClass = "" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04\x04\x04\x04\x04\x00\x00" + // 0x00
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x10
	"\x04\x01\x00\x00\x00\x00\x11\x00\x02\x02\x01\x00\x00\x00\x00\x00" + // 0x20
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x11\x00\x00\x00" + // 0x30
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x40
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x03\x02\x00\x01" + // 0x50
	"\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x60
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x01\x00" + // 0x70
	"\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08" + // 0x80
	"\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08" + // 0x90
	"\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08" + // 0xa0
	"\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08" + // 0xb0
	"\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08" + // 0xc0
	"\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08" + // 0xd0
	"\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08" + // 0xe0
	"\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08" // 0xf0

// scanTo returns the offset of the first byte of s[i:hi] in the class,
// or hi. The class must not hold ASCII letters, digits, spaces or ",-./":
// prose made of only those is skipped eight bytes at a time.
func scanTo(s string, i, hi int, class byte) int {
	for {
		for i+8 <= hi && isProse8(load64(s, i)) {
			i += 8
		}
		// The next eight bytes hold something else: look at each.
		for end := min(i+8, hi); i < end; i++ {
			if byteClass[s[i]]&class != 0 {
				return i
			}
		}
		if i >= hi {
			return hi
		}
	}
}

// isProse8 reports whether each of the eight bytes of w is an ASCII
// letter, digit or space or one of ",-./". With no byte 0x80 or more, no
// sum below carries into the next byte.
func isProse8(w uint64) bool {
	if w&highBits != 0 {
		return false
	}
	x := w | 0x2020202020202020                                    // letters in lower case
	letter := (x + 0x1f1f1f1f1f1f1f1f) &^ (x + 0x0505050505050505) // 'a' <= x <= 'z'
	punct := (w + 0x5454545454545454) &^ (w + 0x4646464646464646)  // ',' <= w <= '9'
	y := w ^ 0x2020202020202020
	space := ^((y + 0x7f7f7f7f7f7f7f7f) | y) // w == ' '
	return (letter|punct|space)&highBits == highBits
}

// ---- HTML ----

// tag is an HTML tag, comment or declaration found by scanTag.
type tag struct {
	end     int    // offset just after the closing '>'
	name    string // lowercased element name; "" for comments and declarations
	closing bool   // </name>
	comment bool   // <!-- ... -->
}

// scanTag reads the tag starting at s[i] == '<'. ok is false when s[i:]
// does not start a complete tag (a "<" in text, or a tag with no '>'), so
// that callers keep it as text.
func scanTag(s string, i int) (t tag, ok bool) {
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
			return tag{end: len(s), comment: true}, true
		}
		return tag{end: j + 3 + k + 3, comment: true}, true
	case s[j] == '!' || s[j] == '?':
		k := strings.IndexAny(s[j:], "<>")
		if k < 0 || s[j+k] != '>' {
			return t, false
		}
		return tag{end: j + k + 1}, true
	case s[j] == '/':
		t.closing = true
		j++
	}
	start := j
	upper := false
	for j < len(s) && (isASCIILetter(s[j]) || (j > start && (isASCIIDigit(s[j]) || s[j] == '-' || s[j] == ':'))) {
		upper = upper || s[j] <= 'Z' && s[j] >= 'A'
		j++
	}
	if j == start {
		return t, false
	}
	t.name = s[start:j]
	if upper {
		t.name = strings.ToLower(t.name)
	}
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
			return tag{}, false // "a <b c" then a new tag: the first was text
		}
	}
	return tag{}, false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }

// isBlockTag reports the elements that start a new block of text: words
// on either side of them are never one word.
func isBlockTag(name string) bool {
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

// isRawTextTag reports the elements whose text is never shown (or, for
// textarea, is not prose).
func isRawTextTag(name string) bool {
	switch name {
	case "script", "style", "template", "textarea":
		return true
	}
	return false
}

// skipRawText returns the offset just after the </name> that closes a raw
// text element whose contents start at i, or len(s) when it is unclosed.
func skipRawText(s string, i int, name string) int {
	for {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			return len(s)
		}
		i += k
		if t, ok := scanTag(s, i); ok && t.closing && t.name == name {
			return t.end
		}
		i += 2
	}
}

// entityAt decodes the character reference at s[i] == '&'. ok is false
// when there is none (a bare '&'), so that the '&' stays text.
func entityAt(s string, i int) (text string, end int, ok bool) {
	j := i + 1
	for j < len(s) && j-i <= 32 && (isASCIILetter(s[j]) || isASCIIDigit(s[j]) || s[j] == '#') {
		j++
	}
	if j >= len(s) || s[j] != ';' || j == i+1 {
		return "", i, false
	}
	ref := s[i : j+1]
	switch ref { // the commonest, without html's table look-up
	case "&amp;":
		return "&", j + 1, true
	case "&lt;":
		return "<", j + 1, true
	case "&gt;":
		return ">", j + 1, true
	case "&quot;":
		return `"`, j + 1, true
	case "&nbsp;":
		return "\u00a0", j + 1, true
	}
	dec := html.UnescapeString(ref)
	if dec == ref {
		return "", i, false
	}
	return dec, j + 1, true
}

// plainWriter writes text with white space collapsed: runs of spaces
// become one space, and the strongest break asked for between two pieces
// of text wins.
type plainWriter struct {
	b       []byte
	pending int // breakNone, breakSpace, breakLine or breakPara
}

const (
	breakNone = iota
	breakSpace
	breakLine
	breakPara
)

func (w *plainWriter) brk(kind int) { w.pending = max(w.pending, kind) }

func (w *plainWriter) flush() {
	if len(w.b) > 0 {
		switch w.pending {
		case breakSpace:
			w.b = append(w.b, ' ')
		case breakLine:
			w.b = append(w.b, '\n')
		case breakPara:
			w.b = append(w.b, "\n\n"...)
		}
	}
	w.pending = breakNone
}

// text writes s, collapsing white space unless pre is set.
func (w *plainWriter) text(s string, pre bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			// Invalid UTF-8 becomes U+FFFD, as ranging over s gives.
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsSpace(r) && !pre {
				w.brk(breakSpace)
				continue
			}
			w.flush()
			w.b = utf8.AppendRune(w.b, r)
			continue
		}
		switch {
		case pre && c == '\n':
			w.brk(breakLine)
			i++
		case !pre && isASCIISpace(c):
			w.brk(breakSpace)
			i++
		case pre:
			// Copy the run of ASCII up to a line break at once.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && s[j] != '\n' {
				j++
			}
			w.flush()
			w.b = append(w.b, s[i:j]...)
			i = j
		default:
			// Copy the run of ASCII words at once, with the single spaces
			// between them, which collapsing would write as they are.
			j := i + 1
			for j < len(s) {
				if k := byteClass[s[j]]; k&(byteHigh|byteSpace) == 0 {
					j++
				} else if s[j] == ' ' && j+1 < len(s) && byteClass[s[j+1]]&(byteHigh|byteSpace) == 0 {
					j += 2
				} else {
					break
				}
			}
			w.flush()
			w.b = append(w.b, s[i:j]...)
			i = j
		}
	}
}

// appendHTMLPlain appends the plain text of the HTML s to the empty out.
func appendHTMLPlain(out []byte, s string) []byte {
	w := plainWriter{b: out}
	pre := 0 // depth of open pre elements
	start := 0
	for i := 0; ; {
		near := min(i+16, len(s))
		for i < near && byteClass[s[i]]&byteMarkup == 0 {
			i++
		}
		if i == near {
			i = scanTo(s, i, len(s), byteMarkup)
		}
		if i >= len(s) {
			break
		}
		switch s[i] {
		case '<':
			t, ok := scanTag(s, i)
			if !ok {
				i++
				continue
			}
			w.text(s[start:i], pre > 0)
			i, start = t.end, t.end
			switch {
			case t.comment || t.name == "":
			case isRawTextTag(t.name) && !t.closing:
				i = skipRawText(s, i, t.name)
				start = i
			case t.name == "br":
				w.brk(breakLine)
			case isBlockTag(t.name):
				w.brk(breakPara)
				switch {
				case t.name != "pre":
				case t.closing:
					pre = max(0, pre-1)
				default:
					pre++
				}
			}
		case '&':
			dec, end, ok := entityAt(s, i)
			if !ok {
				i++
				continue
			}
			w.text(s[start:i], pre > 0)
			w.text(dec, pre > 0)
			i, start = end, end
		}
	}
	w.text(s[start:], pre > 0)
	return w.b
}

// ---- Markdown ----

// scratch is the memory PlainText and WordCount reuse between calls, so
// that a site build does not allocate a buffer per post.
type scratch struct {
	out []byte
	idx mdIndex
}

// scratchPool holds idle scratch space; it is a cache, not state: what
// comes out of it is always reset before use.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// putScratch returns sc to the pool, unless one huge body made it too big
// to be worth keeping.
func putScratch(sc *scratch) {
	if cap(sc.out) > 1<<20 || cap(sc.idx.pairs) > 1<<16 || cap(sc.idx.runs) > 1<<16 {
		return
	}
	sc.idx.s = ""
	scratchPool.Put(sc)
}

// mdOut is the plain text of a Markdown body being written: each line
// trimmed, and paragraphs separated by one blank line.
type mdOut struct {
	b     []byte
	blank bool // the last line written was blank (or nothing was written)
}

// open starts a line written straight into o.b (so that its text is not
// copied twice) and returns where it starts, for close.
func (o *mdOut) open() (start, text int) {
	start = len(o.b)
	if start > 0 && o.blank {
		o.b = append(o.b, '\n') // taken back by close if the line is blank
	}
	return start, len(o.b)
}

// close ends the line opened at start, trimming its white space.
func (o *mdOut) close(start, text int) {
	t := bytes.TrimSpace(o.b[text:])
	if len(t) == 0 {
		o.b = o.b[:start]
		o.blank = true
		return
	}
	n := copy(o.b[text:], t)
	o.b = append(o.b[:text+n], '\n')
	o.blank = false
}

// line writes the raw line l, trimmed.
func (o *mdOut) line(l string) {
	t := strings.TrimSpace(l)
	if t == "" {
		o.blank = true
		return
	}
	if len(o.b) > 0 && o.blank {
		o.b = append(o.b, '\n')
	}
	o.b = append(o.b, t...)
	o.b = append(o.b, '\n')
	o.blank = false
}

// inline writes the text of the Markdown inline syntax h, trimmed.
func (o *mdOut) inline(h string, idx *mdIndex) {
	start, text := o.open()
	idx.reset(h)
	line := lineBuf(o.b)
	markdownInline(&line, idx, 0, len(h))
	o.b = line
	o.close(start, text)
}

// appendMarkdownPlain appends the plain text of the Markdown src to out,
// which must be empty, using idx as scratch space.
func appendMarkdownPlain(out []byte, src string, idx *mdIndex) []byte {
	o := mdOut{b: out, blank: true}
	fence := ""       // the opening fence while inside a fenced code block
	indented := false // inside an indented code block
	for i := 0; i < len(src); {
		le := strings.IndexByte(src[i:], '\n')
		if le < 0 {
			le = len(src)
		} else {
			le += i
		}
		l := src[i:le]
		if len(l) > 0 && l[len(l)-1] == '\r' {
			l = l[:len(l)-1]
		}
		next := le + 1
		switch {
		case fence != "":
			if isFenceClose(l, fence) {
				fence = ""
			} else {
				o.line(l)
			}
		case l == "":
			// Fast: an empty line opens nothing and ends a paragraph.
			o.blank = true
		case isASCIILetter(l[0]):
			// Most lines are prose. One starting with a letter opens no
			// fence or HTML block, is not indented code, and has no block
			// marker or heading, and is no rule or definition: it is all
			// inline text.
			indented = false
			o.inline(l, idx)
		default:
			if f := fenceOpen(l); f != "" {
				fence = f
				break
			}
			if end, ok := skipHTMLBlock(src, i, le); ok {
				next = end
				o.blank = true // an HTML block ends a paragraph
				break
			}
			blankLine := isBlank(l)
			isIndent := strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t")
			if isIndent && !blankLine && (o.blank || indented) {
				indented = true // an indented code block: the code is the text
				o.line(l)
				break
			}
			indented = indented && blankLine
			l = stripBlockMarkers(l)
			switch markdownLineKind(l) {
			case lineBreak:
				o.blank = true
			case lineText:
				o.inline(headingText(l), idx)
			}
		}
		i = next
	}
	out = o.b
	if len(out) > 0 {
		out = out[:len(out)-1] // every line ends in one '\n'
	}
	return out
}

// isBlank reports whether l is empty or all white space, as
// strings.TrimSpace(l) == "" does, without trimming.
func isBlank(l string) bool {
	for i := 0; i < len(l); i++ {
		if c := l[i]; c >= utf8.RuneSelf {
			return strings.TrimSpace(l[i:]) == ""
		} else if !isASCIISpace(c) {
			return false
		}
	}
	return true
}

// lineBuf collects the text of one line.
type lineBuf []byte

func (b *lineBuf) str(s string) { *b = append(*b, s...) }
func (b *lineBuf) byte(c byte)  { *b = append(*b, c) }

// skipHTMLBlock skips a Markdown HTML block whose text is not prose: a
// script, style, textarea or template element, or a comment, that starts
// the line src[i:le] and may run on past it. It returns the offset of the
// line after the one where the block ends.
func skipHTMLBlock(src string, i, le int) (next int, ok bool) {
	l := src[i:le]
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || !strings.HasPrefix(t, "<") {
		return 0, false
	}
	start := i + len(l) - len(t)
	tg, ok := scanTag(src, start)
	if !ok || tg.closing || !(tg.comment || isRawTextTag(tg.name)) {
		return 0, false
	}
	end := tg.end
	if !tg.comment {
		end = skipRawText(src, tg.end, tg.name)
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

// fenceOpen returns the fence ("```", "~~~~", ...) that l opens, or "".
func fenceOpen(l string) string {
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

func isFenceClose(l, fence string) bool {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || !strings.HasPrefix(t, fence) {
		return false
	}
	return strings.Trim(t, fence[:1]+" \t") == ""
}

// stripBlockMarkers removes the blockquote '>'s, list markers and task
// boxes at the start of a line.
func stripBlockMarkers(l string) string {
	for {
		t := trimLeftSpaceTab(l)
		switch {
		case strings.HasPrefix(t, ">"):
			l = strings.TrimPrefix(t[1:], " ")
			continue
		case len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t') && !isThematicBreak(t):
			l = t[2:]
			continue
		}
		if n := orderedMarker(t); n > 0 {
			l = t[n:]
			continue
		}
		if len(t) >= 4 && t[0] == '[' && (t[1] == ' ' || t[1] == 'x' || t[1] == 'X') && t[2] == ']' && t[3] == ' ' {
			return t[4:] // a task box: "[ ] ", "[x] " or "[X] "
		}
		return l
	}
}

// trimLeftSpaceTab is strings.TrimLeft(l, " \t"), without building a set
// of the two bytes on every call.
func trimLeftSpaceTab(l string) string {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return l[i:]
}

// orderedMarker returns the length of an ordered list marker ("12. ",
// "3) ") at the start of t, or 0.
func orderedMarker(t string) int {
	n := 0
	for n < len(t) && n < 9 && isASCIIDigit(t[n]) {
		n++
	}
	if n == 0 || n+1 >= len(t) || (t[n] != '.' && t[n] != ')') || (t[n+1] != ' ' && t[n+1] != '\t') {
		return 0
	}
	return n + 2
}

func isThematicBreak(t string) bool {
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
	lineText   = iota
	lineBreak  // thematic break or setext underline: ends a paragraph
	lineSyntax // link reference definition or table rule: dropped
)

// markdownLineKind tells apart the lines that are only syntax.
func markdownLineKind(l string) int {
	t := strings.TrimSpace(l)
	if t == "" {
		return lineText
	}
	switch t[0] {
	case '-', '*', '_', '=', '|', ':', '[':
	default:
		return lineText // the syntax lines below all start with one of those
	}
	switch {
	case isThematicBreak(t) || strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "":
		return lineBreak
	case strings.Trim(t, "|-: \t") == "" && strings.Contains(t, "-") && strings.Contains(t, "|"):
		return lineSyntax // table delimiter row
	case t[0] == '[' && len(t) > 1 && t[1] != '^':
		if k := strings.Index(t, "]:"); k > 1 && !strings.Contains(t[:k], "]") {
			return lineSyntax // [ref]: https://...
		}
	}
	return lineText
}

// headingText strips an ATX heading's '#'s and a table row's outer pipes.
func headingText(l string) string {
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

// markdownInline writes the text of m.s[lo:hi], Markdown inline syntax.
func markdownInline(b *lineBuf, m *mdIndex, lo, hi int) {
	s := m.s[:hi]
	for i := lo; i < hi; {
		// Copy the text up to the next byte that may be syntax at once,
		// looking further with scanTo if it is not near.
		j, near := i, min(i+16, hi)
		for j < near && byteClass[s[j]]&byteInline == 0 {
			j++
		}
		if j == near {
			j = scanTo(s, j, hi, byteInline)
		}
		if j > i {
			b.str(s[i:j])
			if i = j; i == hi {
				break
			}
		}
		c := s[i]
		switch c {
		case '\\':
			if i+1 < hi && isASCIIPunct(s[i+1]) {
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
			n := runLen(s, i, '`')
			b.str(s[i : i+n])
			i += n
			continue
		case '!', '[':
			if l, ok := m.link(i); ok && l.end <= hi {
				markdownInline(b, m, l.textStart, l.textEnd)
				i = l.end
				continue
			}
		case '<':
			if url, end, ok := autolinkAt(s, i); ok {
				b.str(url)
				i = end
				continue
			}
			if t, ok := scanTag(s, i); ok {
				if !t.comment && isBlockTag(t.name) || t.name == "br" {
					b.byte(' ')
				}
				i = t.end
				if isRawTextTag(t.name) && !t.closing {
					i = skipRawText(s, i, t.name)
				}
				continue
			}
		case '&':
			if dec, end, ok := entityAt(s, i); ok {
				b.str(dec)
				i = end
				continue
			}
		case '*', '_', '~':
			n := runLen(s, i, c)
			if isEmphasisRun(s[lo:], i-lo, n) {
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

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// isEmphasisRun reports whether the run of n delimiters at s[i] opens or
// closes emphasis (or strikethrough) rather than being a literal "*".
func isEmphasisRun(s string, i, n int) bool {
	before, after := utf8.RuneError, utf8.RuneError // as decoding nothing gives
	if i > 0 {
		if before = rune(s[i-1]); before >= utf8.RuneSelf {
			before, _ = utf8.DecodeLastRuneInString(s[:i])
		}
	}
	if i+n < len(s) {
		if after = rune(s[i+n]); after >= utf8.RuneSelf {
			after, _ = utf8.DecodeRuneInString(s[i+n:])
		}
	}
	spaceBefore := i == 0 || isSpaceRune(before)
	spaceAfter := i+n == len(s) || isSpaceRune(after)
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
		return !(i > 0 && isWordRune(before) && i+n < len(s) && isWordRune(after))
	case '~':
		return n <= 2
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r)) || isASCIIDigit(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isSpaceRune is unicode.IsSpace, without its call for ASCII.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIISpace(byte(r))
	}
	return unicode.IsSpace(r)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// mdIndex pairs the code spans and brackets of a piece of Markdown inline
// text in one pass, so that looking one up never rescans the text (which
// would take quadratic time on text like "[[[[[[").
type mdIndex struct {
	s string
	// pairs holds each '[', '(' and backtick run opening a code span, in
	// order of position, with the offset just past its partner (0 when it
	// has none).
	pairs []mdPair
	// built says pairs is filled in: build runs at the first look-up, so
	// that a line with no code span or link costs nothing to index.
	built bool
	// Scratch space, kept for the next reset.
	runs   []mdRun
	stacks [2][]int32 // open '[' and '(' as indexes into pairs
}

type mdPair struct{ pos, end int32 }

// mdRun is a run of backticks; next is the index of the next run of the
// same length (+1), the closer if this one opens a code span.
type mdRun struct{ pos, n, next int32 }

// reset indexes s, reusing the memory of an earlier index. The work is
// done by build, at the first look-up.
func (m *mdIndex) reset(s string) {
	m.s = s
	m.pairs = m.pairs[:0]
	m.built = false
}

// build fills in m.pairs for m.s.
func (m *mdIndex) build() {
	m.built = true
	s := m.s
	if len(s) > math.MaxInt32 {
		return
	}
	m.linkRuns(s)
	m.stacks[0], m.stacks[1] = m.stacks[0][:0], m.stacks[1][:0]
	r := 0 // the first run not behind i
	for i := 0; ; {
		near := min(i+16, len(s))
		for i < near && byteClass[s[i]]&byteIndex == 0 {
			i++
		}
		if i == near {
			i = scanTo(s, i, len(s), byteIndex)
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		switch c {
		case '\\':
			i += 2
			continue
		case '`':
			for r < len(m.runs) && int(m.runs[r].pos) < i {
				r++
			}
			n := runLen(s, i, '`')
			if r < len(m.runs) && int(m.runs[r].pos) == i && m.runs[r].next > 0 {
				closer := m.runs[m.runs[r].next-1]
				end := int(closer.pos) + n
				m.pairs = append(m.pairs, mdPair{int32(i), int32(end)})
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
			m.pairs = append(m.pairs, mdPair{pos: int32(i)})
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
func (m *mdIndex) linkRuns(s string) {
	m.runs = m.runs[:0]
	var last [16]int32 // by run length: the index of the last run + 1
	var lastLong map[int]int32
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '`')
		if k < 0 {
			return
		}
		i += k
		n := runLen(s, i, '`')
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
		m.runs = append(m.runs, mdRun{pos: int32(i), n: int32(n)})
		i += n
	}
}

func newMDIndex(s string) *mdIndex {
	m := &mdIndex{}
	m.reset(s)
	return m
}

// pair returns the offset just past the partner of s[i], or 0.
func (m *mdIndex) pair(i int) int {
	if !m.built {
		m.build()
	}
	k, ok := slices.BinarySearchFunc(m.pairs, i, func(p mdPair, i int) int { return int(p.pos) - i })
	if !ok {
		return 0
	}
	return int(m.pairs[k].end)
}

// codeSpan reads the code span at s[i] == '`': its content (one
// surrounding space stripped, as CommonMark does) and where it ends.
func (m *mdIndex) codeSpan(i int) (content string, end int, ok bool) {
	end = m.pair(i)
	if end == 0 || m.s[i] != '`' {
		return "", i, false
	}
	n := runLen(m.s, i, '`')
	c := m.s[i+n : end-n]
	if len(c) >= 2 && c[0] == ' ' && c[len(c)-1] == ' ' && strings.Trim(c, " ") != "" {
		c = c[1 : len(c)-1]
	}
	return c, end, true
}

// mdLink is a Markdown link or image: [text](dest "title"), [text][ref],
// ![alt](src). Its text is s[textStart:textEnd].
type mdLink struct {
	textStart, textEnd, end int
}

// link reads the link or image starting at s[i] ('[' or "!["). Bracket
// text alone ("[note]") is not taken as a link.
func (m *mdIndex) link(i int) (l mdLink, ok bool) {
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
	return mdLink{textStart: j + 1, textEnd: close - 1, end: end}, true
}

// autolinkAt reads "<https://example.com>" or "<me@example.com>".
func autolinkAt(s string, i int) (url string, end int, ok bool) {
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
	if c := strings.Index(u, ":"); c > 1 && isASCIILetter(u[0]) && !strings.Contains(u[:c], "/") {
		return u, i + k + 1, true // scheme:...
	}
	if at := strings.IndexByte(u, '@'); at > 0 && strings.Contains(u[at:], ".") && !strings.Contains(u, "/") {
		return u, i + k + 1, true
	}
	return "", i, false
}
