package markup

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// ErrLimit is what Limits.Check wraps when a body is past one of its
// limits.
var ErrLimit = errors.New("markup: body past a limit")

// Default limits, each far beyond anything in real posts. Over the 792
// Markdown posts of the Go blog, Hugo's news, Jekyll's news and the
// WordPress theme test data, the largest body is 52 KB (1/40 of
// DefaultMaxBytes), the deepest line nests 11 (1/6 of DefaultMaxDepth),
// the most markup is 316,838 (1/200 of DefaultMaxMarkup; 550 characters
// in one paragraph) and the most definitions 19 (1/100); the largest
// HTML body of the WordPress exports is 39 KB with 737 tags (1/27 of
// DefaultMaxTags).
const (
	DefaultMaxBytes       = 2 << 20 // 2 MiB of body text
	DefaultMaxDepth       = 64      // block quotes and list levels
	DefaultMaxMarkup      = 1 << 26 // sum over paragraphs of (markup characters)²
	DefaultMaxDefinitions = 2000    // link reference and footnote definitions
	DefaultMaxTags        = 20000   // `<` in an HTML body
)

// Limits bound the shape of a body before it reaches a Markdown parser,
// so that every body costs time linear in its size. goldmark, like most
// CommonMark parsers, takes time that grows with the square of the
// delimiters in one paragraph (`[a](` repeated, runs of `[`, `*`, `<`),
// of the nesting depth and of the number of reference and footnote
// definitions; a body within these limits converts in tens of
// milliseconds at most. The zero value uses the defaults; a negative
// field turns that check off.
type Limits struct {
	// MaxBytes is the largest body, in bytes, of any format.
	MaxBytes int
	// MaxDepth bounds how deeply Markdown block quotes and lists nest:
	// the `>` and list markers at the start of a line, and the
	// indentation before them in steps of two spaces.
	MaxDepth int
	// MaxMarkup bounds the sum, over the paragraphs of a Markdown body
	// (its runs of lines between blank lines, fenced code left out), of
	// the square of the markup characters ([ ] ( * _ ~ < ` ! |) in each.
	MaxMarkup int
	// MaxDefinitions bounds the lines of a Markdown body that define a
	// link reference or a footnote (`[x]: …`, `[^x]: …`).
	MaxDefinitions int
	// MaxTags bounds the `<` of an HTML body: autop and the sanitizer
	// take about 15 µs a tag, and WordPress's own test data has at most
	// 737 in one post.
	MaxTags int
}

func limit(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return int(^uint(0) >> 1)
	}
	return v
}

// Shape is what Measure found in a body: the figures Limits bound.
type Shape struct {
	Bytes       int
	Depth       int // the deepest line, with the line number (1-based)
	DepthLine   int
	Markup      int // the sum of squares
	Paragraph   int // the most markup characters in one paragraph
	Definitions int
}

// Check reports whether text, a body in the given format ("markdown",
// "html", "text" or empty), is within l: its size, the tags of HTML and
// the shape of Markdown; text is escaped and has no shape. The error wraps ErrLimit and says which limit
// and where. Check takes time linear in len(text).
func (l Limits) Check(text, format string) error {
	maxBytes := limit(l.MaxBytes, DefaultMaxBytes)
	if len(text) > maxBytes {
		return fmt.Errorf("%w: %d bytes, past the limit of %d", ErrLimit, len(text), maxBytes)
	}
	if format == "html" {
		if n, m := strings.Count(text, "<"), limit(l.MaxTags, DefaultMaxTags); n > m {
			return fmt.Errorf("%w: %d tags, past the limit of %d", ErrLimit, n, m)
		}
		return nil
	}
	if format != "markdown" {
		return nil
	}
	s := Measure(text)
	if d := limit(l.MaxDepth, DefaultMaxDepth); s.Depth > d {
		return fmt.Errorf("%w: line %d nests %d deep, past the limit of %d", ErrLimit, s.DepthLine, s.Depth, d)
	}
	if m := limit(l.MaxMarkup, DefaultMaxMarkup); s.Markup > m {
		return fmt.Errorf("%w: too much markup, up to %d markup characters in one paragraph (a cost of %d, the sum of their squares, past the limit of %d)", ErrLimit, s.Paragraph, s.Markup, m)
	}
	if d := limit(l.MaxDefinitions, DefaultMaxDefinitions); s.Definitions > d {
		return fmt.Errorf("%w: %d link or footnote definitions, past the limit of %d", ErrLimit, s.Definitions, d)
	}
	return nil
}

// isMarkup reports the characters that open or close inline markup.
func isMarkup(c byte) bool {
	switch c {
	case '[', ']', '(', '*', '_', '~', '<', '`', '!', '|':
		return true
	}
	return false
}

// Measure reads the shape of a Markdown body in one pass.
func Measure(text string) Shape {
	s := Shape{Bytes: len(text)}
	var para int // markup characters in the current paragraph
	endPara := func() {
		s.Markup += para * para
		if s.Markup < 0 { // overflow
			s.Markup = int(^uint(0) >> 1)
		}
		s.Paragraph = max(s.Paragraph, para)
		para = 0
	}
	var fence struct {
		on     bool
		char   byte
		n      int
		indent int // where the fence marker starts
		quotes int // `>` before it
	}
	lineNo := 0
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		lineNo++
		// The container prefix: blanks, `>` and list markers.
		depth, quotes, spaces, i := 0, 0, 0, 0
	prefix:
		for i < len(line) {
			switch c := line[i]; {
			case c == ' ' || c == '\t':
				// Indentation counts before the first marker; blanks
				// after one only separate it from the next.
				switch {
				case depth > 0:
				case c == '\t':
					spaces += 4
				default:
					spaces++
				}
				i++
			case c == '>':
				quotes++
				depth++
				i++
			case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
				depth++
				i++
			case c >= '0' && c <= '9':
				j := i
				for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
					j++
				}
				if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ') {
					depth++
					i = j + 1
					continue
				}
				break prefix
			default:
				break prefix
			}
		}
		rest := line[i:]
		if fence.on {
			// A fence ends at its closing marker, or where a line no
			// longer belongs to the container the fence opened in.
			if strings.TrimSpace(rest) == "" && quotes >= fence.quotes {
				continue
			}
			if quotes < fence.quotes || fence.quotes == 0 && i < fence.indent && spaces < fence.indent {
				fence.on = false
			} else {
				if n := run(rest, fence.char); n >= fence.n && strings.TrimSpace(rest[n:]) == "" {
					fence.on = false
				}
				continue
			}
		}
		if d := depth + spaces/2; d > s.Depth {
			s.Depth, s.DepthLine = d, lineNo
		}
		if strings.TrimSpace(rest) == "" {
			endPara()
			continue
		}
		if c := rest[0]; c == '`' || c == '~' {
			if n := run(rest, c); n >= 3 && (c == '~' || strings.IndexByte(rest[n:], '`') < 0) {
				endPara()
				fence.on, fence.char, fence.n, fence.indent, fence.quotes = true, c, n, i, quotes
				continue
			}
		}
		if rest[0] == '[' {
			if end := strings.Index(rest, "]:"); end > 0 && !strings.Contains(rest[:end], "](") {
				s.Definitions++
			}
		}
		for j := 0; j < len(line); j++ {
			if isMarkup(line[j]) {
				para++
			}
		}
	}
	endPara()
	return s
}

// run counts the bytes c at the start of s.
func run(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// Guard returns the body to render in place of b: b itself when it is
// within l, or else b's text as plain text, which a body renderer writes
// as escaped paragraphs in time linear in its size, with the error from
// Check saying which limit it is past. The post keeps its words, only
// their markup is lost; a body past MaxBytes keeps its first MaxBytes,
// cut at a character boundary and followed by a line saying so.
func (l Limits) Guard(b post.Body) (post.Body, error) {
	err := l.Check(b.Text, string(b.Format))
	if err == nil {
		return b, nil
	}
	text := b.Text
	if m := limit(l.MaxBytes, DefaultMaxBytes); len(text) > m {
		for m > 0 && !utf8.RuneStart(text[m]) {
			m--
		}
		text = text[:m] + fmt.Sprintf("\n\n[%d more bytes not shown]", len(b.Text)-m)
	}
	return post.Body{Format: post.Text, Text: text}, err
}
