package markup

import (
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// DefaultSummaryWords is the length of a summary Summary makes when
// given no word budget: Hugo's 70.
const DefaultSummaryWords = 70

// Ellipsis ends a summary that Summary cut short.
const Ellipsis = "…"

// Summary returns the start of h, a rendered body, as a summary, and
// whether anything was left out. It cuts at a <!--more--> comment when h
// has one (as WordPress and Hugo do), and otherwise after maxWords words
// (DefaultSummaryWords when maxWords is 0 or less), counted as
// post.CountWords counts them: runs of non-space characters, each CJK
// character a word of its own.
//
// The cut is always between words, never inside a tag, an entity or a
// word; a cut summary ends with Ellipsis, and every element open at the
// cut is closed, so the summary is well-formed wherever it is put. Markup
// after the last word kept is dropped. When h has no more than maxWords
// words it is returned whole and truncated is false: the exact budget is
// not a truncation. h should be well-formed HTML, as BodyHTML returns; on
// malformed input Summary still never leaves an element it kept open.
func Summary(h template.HTML, maxWords int) (summary template.HTML, truncated bool) {
	if maxWords <= 0 {
		maxWords = DefaultSummaryWords
	}
	if s, truncated, ok := cutAtMore(string(h)); ok {
		return s, truncated
	}
	c := summaryCutter{max: maxWords, cut: -1}
	tz := newTokenizer(string(h))
	for {
		tok, ok := tz.Next()
		if !ok {
			return h, false
		}
		switch tok.Kind {
		case commentToken:
			c.out.WriteString(tok.Raw)
		case textToken:
			if c.text(tok.Data) {
				return closeSummary(c.out.String()[:c.cut], c.cutOpen, true), true
			}
		case startTagToken, selfClosingTagToken:
			if !inlineTags[tok.Name] {
				c.endWord()
			}
			c.out.WriteString(tok.Raw)
			if tok.Kind == startTagToken && !voidTags[tok.Name] {
				c.open = append(c.open, tok.Name)
			}
		case endTagToken:
			if !inlineTags[tok.Name] {
				c.endWord()
			}
			c.out.WriteString(tok.Raw)
			c.open = popTo(c.open, tok.Name)
		default:
			c.out.WriteString(tok.Raw)
		}
	}
}

// inlineTags are the elements whose tags do not separate words:
// "<b>fo</b>o" is one word.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "cite": true, "code": true, "del": true,
	"em": true, "i": true, "ins": true, "kbd": true, "mark": true, "q": true,
	"s": true, "samp": true, "small": true, "span": true, "strong": true,
	"sub": true, "sup": true, "u": true, "var": true,
}

// summaryCutter is Summary's state while it copies tokens.
type summaryCutter struct {
	max     int
	out     strings.Builder
	open    []string // elements open at the end of out
	words   int
	inWord  bool
	cut     int      // out.Len() where the max-th word ended; -1 before
	cutOpen []string // open at cut
}

// endWord notes the end of the current word at the end of out.
func (c *summaryCutter) endWord() { c.endWordAt(c.out.Len()) }

func (c *summaryCutter) endWordAt(pos int) {
	if !c.inWord {
		return
	}
	c.inWord = false
	if c.words == c.max && c.cut < 0 {
		c.cut = pos
		c.cutOpen = append([]string(nil), c.open...)
	}
}

// text copies a text token and reports whether a word beyond the budget
// starts in it.
func (c *summaryCutter) text(data string) (over bool) {
	base := c.out.Len()
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRuneInString(data[i:])
		switch summaryClass(r) {
		case classSpaceRune:
			c.endWordAt(base + i)
		case classCJKRune:
			c.endWordAt(base + i)
			if c.words == c.max {
				c.out.WriteString(data[:i])
				return true
			}
			c.words++
			c.inWord = true
			c.endWordAt(base + i + size)
		default:
			if !c.inWord {
				if c.words == c.max {
					c.out.WriteString(data[:i])
					return true
				}
				c.words++
				c.inWord = true
			}
		}
		i += size
	}
	c.out.WriteString(data)
	return false
}

// cutAtMore returns the part of h before its <!--more--> comment, with
// the elements open there closed, and whether words follow; ok is false
// when h has no such comment.
func cutAtMore(h string) (summary template.HTML, truncated, ok bool) {
	if !strings.Contains(h, "more") {
		return "", false, false
	}
	var open []string
	tz := newTokenizer(h)
	for {
		start := tz.Offset()
		tok, more := tz.Next()
		if !more {
			return "", false, false
		}
		switch tok.Kind {
		case commentToken:
			if strings.TrimSpace(tok.Data) != "more" {
				continue
			}
			if !hasWords(h[tz.Offset():]) {
				return template.HTML(h), false, true //nolint:gosec // h was trusted HTML already
			}
			return closeSummary(h[:start], open, false), true, true
		case startTagToken:
			if !voidTags[tok.Name] {
				open = append(open, tok.Name)
			}
		case endTagToken:
			open = popTo(open, tok.Name)
		}
	}
}

// closeSummary ends a cut summary: the ellipsis when asked, then the end
// tags of every element still open, innermost first.
func closeSummary(s string, open []string, ellipsis bool) template.HTML {
	var b strings.Builder
	b.WriteString(strings.TrimRightFunc(s, unicode.IsSpace))
	if ellipsis {
		b.WriteString(Ellipsis)
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i] + ">")
	}
	// The input was already HTML the caller trusted; cutting between
	// tokens and closing elements adds no markup of content's own.
	return template.HTML(b.String()) //nolint:gosec // a prefix of trusted HTML
}

// popTo removes the innermost open element named name and those inside it;
// an end tag with nothing to match changes nothing.
func popTo(open []string, name string) []string {
	for i := len(open) - 1; i >= 0; i-- {
		if open[i] == name {
			return open[:i]
		}
	}
	return open
}

// hasWords reports whether the HTML s has any word in its text.
func hasWords(s string) bool {
	tz := newTokenizer(s)
	for {
		tok, ok := tz.Next()
		if !ok {
			return false
		}
		if tok.Kind != textToken {
			continue
		}
		for _, r := range tok.Data {
			if summaryClass(r) != classSpaceRune {
				return true
			}
		}
	}
}

const (
	classWordRune = iota
	classSpaceRune
	classCJKRune
)

// summaryClass sorts runes as post.CountWords does: white space and CJK
// punctuation separate words, each Han, Hiragana, Katakana or Hangul
// character is a word, everything else is part of one.
func summaryClass(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		if r == ' ' || r >= '\t' && r <= '\r' {
			return classSpaceRune
		}
		return classWordRune
	case r == 0x30FB, r >= 0x3000 && r <= 0x303F && r != 0x3005 && r != 0x3006 && r != 0x3007:
		return classSpaceRune
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return classSpaceRune
	case unicode.IsSpace(r):
		return classSpaceRune
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return classCJKRune
	}
	return classWordRune
}

// Description makes a meta description from a summary: its plain text, at
// most about 160 characters, cut between words (inside a word of more,
// at a character boundary) and then ending with Ellipsis.
func Description(summary template.HTML) string {
	text := strings.Join(strings.Fields(post.PlainText(post.Body{Format: post.HTML, Text: string(summary)})), " ")
	const limit = 160
	if len(text) <= limit {
		return text
	}
	cut := strings.LastIndexByte(text[:limit], ' ')
	if cut <= 0 {
		cut = limit
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return strings.TrimRight(text[:cut], " ,;:") + Ellipsis
}

// MaxSummaryBytes bounds the source text of a summary, which every list
// showing its post repeats: post.Summarize keeps a first paragraph of
// fewer words than the summary's length whole, and a paragraph of one
// 10 MB word (10 MB of `<`) has one. Real summaries are a few hundred
// bytes.
const MaxSummaryBytes = 16 << 10

// ClipSummary returns the start of a summary b whose text is past
// MaxSummaryBytes, as plain text cut at a character boundary and ending
// with Ellipsis, and true: cut anywhere, Markdown or HTML could be left in
// any state, and a reader still learns what the post is. A summary within
// the bound comes back as it is, with false.
func ClipSummary(b post.Body) (post.Body, bool) {
	if len(b.Text) <= MaxSummaryBytes {
		return b, false
	}
	cut := MaxSummaryBytes
	for cut > 0 && !utf8.RuneStart(b.Text[cut]) {
		cut--
	}
	return post.Body{Format: post.Text, Text: b.Text[:cut] + Ellipsis}, true
}
