// Package htmltok splits HTML into tokens the way a browser's tokenizer
// does, and checks URLs taken from content. render/markup's sanitizer and
// summaries are built on it, and the tests of render and render/markup read
// the pages they write with it, so that a page is checked by the same rules
// the sanitizer applies. It is internal: its API may change with them.
package htmltok

import (
	"strings"
)

// Kind says what an Token is.
type Kind int

const (
	Text Kind = iota
	StartTag
	EndTag
	SelfClosingTag
	Comment
	// Other is a doctype, processing instruction or CDATA section;
	// nothing folio writes needs one.
	Other
)

// Attr is one attribute of a tag. Val is as written, entities not yet
// decoded; HasVal is false for a bare attribute such as "reversed".
type Attr struct {
	Key    string
	Val    string
	HasVal bool
}

// Token is one piece of an HTML document. Raw is the exact source text
// of the token; Name is the lower-cased tag name of a tag; Data is the text
// of a text token and the inside of a comment.
type Token struct {
	Kind  Kind
	Raw   string
	Name  string
	Attrs []Attr
	Data  string
}

// Tokenizer splits HTML into tokens following the HTML5 tokenizer's
// rules closely enough to agree with browsers on where tags and attribute
// values start and end, which is what the sanitizer's safety rests on. It
// never fails: anything that is not a tag is text.
type Tokenizer struct {
	s   string
	pos int
}

func New(s string) *Tokenizer { return &Tokenizer{s: s} }

// IsASCIILetter reports whether c is an ASCII letter, the first character
// of a tag name.
func IsASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// IsSpace reports the characters HTML treats as whitespace between
// attributes.
func IsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// Next returns the next token and false at the end of input.
func (t *Tokenizer) Next() (Token, bool) {
	if t.pos >= len(t.s) {
		return Token{}, false
	}
	start := t.pos
	if t.s[start] != '<' {
		return t.text(start), true
	}
	rest := t.s[start:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		return t.comment(start), true
	case len(rest) >= 2 && (rest[1] == '!' || rest[1] == '?'):
		return t.bogus(start, 2), true
	case len(rest) >= 3 && rest[1] == '/' && IsASCIILetter(rest[2]):
		return t.tag(start, true), true
	case len(rest) >= 3 && rest[1] == '/' && rest[2] == '>':
		// "</>" is dropped by browsers.
		t.pos = start + 3
		return Token{Kind: Other, Raw: rest[:3]}, true
	case len(rest) >= 2 && rest[1] == '/':
		// "</" followed by a non-letter starts a bogus comment.
		return t.bogus(start, 2), true
	case len(rest) >= 2 && IsASCIILetter(rest[1]):
		return t.tag(start, false), true
	}
	// A lone "<" is text; find the next "<" after it.
	end := strings.IndexByte(t.s[start+1:], '<')
	if end < 0 {
		end = len(t.s)
	} else {
		end += start + 1
	}
	t.pos = end
	return Token{Kind: Text, Raw: t.s[start:end], Data: t.s[start:end]}, true
}

func (t *Tokenizer) text(start int) Token {
	end := strings.IndexByte(t.s[start:], '<')
	if end < 0 {
		end = len(t.s)
	} else {
		end += start
	}
	t.pos = end
	return Token{Kind: Text, Raw: t.s[start:end], Data: t.s[start:end]}
}

func (t *Tokenizer) comment(start int) Token {
	body := start + 4
	// "<!-->" and "<!--->" are complete (empty) comments in HTML5.
	for _, short := range []string{">", "->"} {
		if strings.HasPrefix(t.s[body:], short) {
			t.pos = body + len(short)
			return Token{Kind: Comment, Raw: t.s[start:t.pos]}
		}
	}
	end := strings.Index(t.s[body:], "-->")
	// "--!>" counts only before the first "-->": looking past it would
	// read the rest of the input again for every comment.
	within := t.s[body:]
	if end >= 0 {
		within = t.s[body : body+end]
	}
	bang := strings.Index(within, "--!>")
	switch {
	case end < 0 && bang < 0:
		t.pos = len(t.s)
		return Token{Kind: Comment, Raw: t.s[start:], Data: t.s[body:]}
	case end < 0 || (bang >= 0 && bang < end):
		t.pos = body + bang + 4
		return Token{Kind: Comment, Raw: t.s[start:t.pos], Data: t.s[body : body+bang]}
	}
	t.pos = body + end + 3
	return Token{Kind: Comment, Raw: t.s[start:t.pos], Data: t.s[body : body+end]}
}

// bogus consumes a bogus comment ("<!doctype ...>", "<?php ...>", "</ x>")
// up to the next ">".
func (t *Tokenizer) bogus(start, skip int) Token {
	end := strings.IndexByte(t.s[start+skip:], '>')
	if end < 0 {
		t.pos = len(t.s)
	} else {
		t.pos = start + skip + end + 1
	}
	return Token{Kind: Other, Raw: t.s[start:t.pos]}
}

// tag reads a start or end tag. An unterminated tag at the end of input is
// dropped as browsers do.
func (t *Tokenizer) tag(start int, end bool) Token {
	i := start + 1
	if end {
		i++
	}
	nameStart := i
	for i < len(t.s) && !IsSpace(t.s[i]) && t.s[i] != '/' && t.s[i] != '>' {
		i++
	}
	tok := Token{Kind: StartTag, Name: ASCIILower(t.s[nameStart:i])}
	if end {
		tok.Kind = EndTag
	}
	for {
		for i < len(t.s) && (IsSpace(t.s[i]) || t.s[i] == '/') {
			if t.s[i] == '/' && i+1 < len(t.s) && t.s[i+1] == '>' {
				if tok.Kind == StartTag {
					tok.Kind = SelfClosingTag
				}
				i++
				break
			}
			i++
		}
		if i >= len(t.s) {
			t.pos = len(t.s)
			return Token{Kind: Other, Raw: t.s[start:]}
		}
		if t.s[i] == '>' {
			t.pos = i + 1
			tok.Raw = t.s[start:t.pos]
			return tok
		}
		var a Attr
		a, i = t.attr(i)
		if !end {
			tok.Attrs = append(tok.Attrs, a)
		}
	}
}

// attr reads one attribute starting at i, which is not space, '/' or '>'.
func (t *Tokenizer) attr(i int) (Attr, int) {
	keyStart := i
	// The first character is part of the name even if it is '='.
	i++
	for i < len(t.s) && !IsSpace(t.s[i]) && t.s[i] != '/' && t.s[i] != '>' && t.s[i] != '=' {
		i++
	}
	a := Attr{Key: ASCIILower(t.s[keyStart:i])}
	j := i
	for j < len(t.s) && IsSpace(t.s[j]) {
		j++
	}
	if j >= len(t.s) || t.s[j] != '=' {
		return a, i
	}
	j++
	for j < len(t.s) && IsSpace(t.s[j]) {
		j++
	}
	a.HasVal = true
	if j >= len(t.s) {
		return a, j
	}
	if q := t.s[j]; q == '"' || q == '\'' {
		end := strings.IndexByte(t.s[j+1:], q)
		if end < 0 {
			a.Val = t.s[j+1:]
			return a, len(t.s)
		}
		a.Val = t.s[j+1 : j+1+end]
		return a, j + 1 + end + 1
	}
	valStart := j
	for j < len(t.s) && !IsSpace(t.s[j]) && t.s[j] != '>' {
		j++
	}
	a.Val = t.s[valStart:j]
	return a, j
}

// SkipPast moves the tokenizer past the end tag of name (or to the end of
// input when there is none), as a browser does for a raw text element.
// It reads only up to that end tag, so many such elements in a row cost
// time in proportion to their length.
func (t *Tokenizer) SkipPast(name string) {
	rest := t.s[t.pos:]
	for off := 0; ; {
		i := strings.Index(rest[off:], "</")
		if i < 0 {
			t.pos = len(t.s)
			return
		}
		j := off + i + 2
		if len(rest)-j < len(name) || ASCIILower(rest[j:j+len(name)]) != name {
			off = j
			continue
		}
		j += len(name)
		// "</scripts" does not end a script.
		if j < len(rest) && !IsSpace(rest[j]) && rest[j] != '/' && rest[j] != '>' {
			off = j
			continue
		}
		end := strings.IndexByte(rest[j:], '>')
		if end < 0 {
			t.pos = len(t.s)
			return
		}
		t.pos += j + end + 1
		return
	}
}

// ASCIILower lower-cases ASCII letters only, keeping every byte offset
// (strings.ToLower can change lengths on invalid UTF-8).
func ASCIILower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Offset returns the byte offset in the input where the next token starts.
func (t *Tokenizer) Offset() int { return t.pos }
