package markup

import (
	"strings"
)

// tokenKind says what an htmlToken is.
type tokenKind int

const (
	textToken tokenKind = iota
	startTagToken
	endTagToken
	selfClosingTagToken
	commentToken
	// otherToken is a doctype, processing instruction or CDATA section;
	// nothing folio writes needs one.
	otherToken
)

// htmlAttr is one attribute of a tag. Val is as written, entities not yet
// decoded; HasVal is false for a bare attribute such as "reversed".
type htmlAttr struct {
	Key    string
	Val    string
	HasVal bool
}

// htmlToken is one piece of an HTML document. Raw is the exact source text
// of the token; Name is the lower-cased tag name of a tag; Data is the text
// of a text token and the inside of a comment.
type htmlToken struct {
	Kind  tokenKind
	Raw   string
	Name  string
	Attrs []htmlAttr
	Data  string
}

// htmlTokenizer splits HTML into tokens following the HTML5 tokenizer's
// rules closely enough to agree with browsers on where tags and attribute
// values start and end, which is what the sanitizer's safety rests on. It
// never fails: anything that is not a tag is text.
type htmlTokenizer struct {
	s   string
	pos int
}

func newTokenizer(s string) *htmlTokenizer { return &htmlTokenizer{s: s} }

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isHTMLSpace reports the characters HTML treats as whitespace between
// attributes.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// next returns the next token and false at the end of input.
func (t *htmlTokenizer) next() (htmlToken, bool) {
	if t.pos >= len(t.s) {
		return htmlToken{}, false
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
	case len(rest) >= 3 && rest[1] == '/' && isASCIILetter(rest[2]):
		return t.tag(start, true), true
	case len(rest) >= 3 && rest[1] == '/' && rest[2] == '>':
		// "</>" is dropped by browsers.
		t.pos = start + 3
		return htmlToken{Kind: otherToken, Raw: rest[:3]}, true
	case len(rest) >= 2 && rest[1] == '/':
		// "</" followed by a non-letter starts a bogus comment.
		return t.bogus(start, 2), true
	case len(rest) >= 2 && isASCIILetter(rest[1]):
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
	return htmlToken{Kind: textToken, Raw: t.s[start:end], Data: t.s[start:end]}, true
}

func (t *htmlTokenizer) text(start int) htmlToken {
	end := strings.IndexByte(t.s[start:], '<')
	if end < 0 {
		end = len(t.s)
	} else {
		end += start
	}
	t.pos = end
	return htmlToken{Kind: textToken, Raw: t.s[start:end], Data: t.s[start:end]}
}

func (t *htmlTokenizer) comment(start int) htmlToken {
	body := start + 4
	// "<!-->" and "<!--->" are complete (empty) comments in HTML5.
	for _, short := range []string{">", "->"} {
		if strings.HasPrefix(t.s[body:], short) {
			t.pos = body + len(short)
			return htmlToken{Kind: commentToken, Raw: t.s[start:t.pos]}
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
		return htmlToken{Kind: commentToken, Raw: t.s[start:], Data: t.s[body:]}
	case end < 0 || (bang >= 0 && bang < end):
		t.pos = body + bang + 4
		return htmlToken{Kind: commentToken, Raw: t.s[start:t.pos], Data: t.s[body : body+bang]}
	}
	t.pos = body + end + 3
	return htmlToken{Kind: commentToken, Raw: t.s[start:t.pos], Data: t.s[body : body+end]}
}

// bogus consumes a bogus comment ("<!doctype ...>", "<?php ...>", "</ x>")
// up to the next ">".
func (t *htmlTokenizer) bogus(start, skip int) htmlToken {
	end := strings.IndexByte(t.s[start+skip:], '>')
	if end < 0 {
		t.pos = len(t.s)
	} else {
		t.pos = start + skip + end + 1
	}
	return htmlToken{Kind: otherToken, Raw: t.s[start:t.pos]}
}

// tag reads a start or end tag. An unterminated tag at the end of input is
// dropped as browsers do.
func (t *htmlTokenizer) tag(start int, end bool) htmlToken {
	i := start + 1
	if end {
		i++
	}
	nameStart := i
	for i < len(t.s) && !isHTMLSpace(t.s[i]) && t.s[i] != '/' && t.s[i] != '>' {
		i++
	}
	tok := htmlToken{Kind: startTagToken, Name: asciiLower(t.s[nameStart:i])}
	if end {
		tok.Kind = endTagToken
	}
	for {
		for i < len(t.s) && (isHTMLSpace(t.s[i]) || t.s[i] == '/') {
			if t.s[i] == '/' && i+1 < len(t.s) && t.s[i+1] == '>' {
				if tok.Kind == startTagToken {
					tok.Kind = selfClosingTagToken
				}
				i++
				break
			}
			i++
		}
		if i >= len(t.s) {
			t.pos = len(t.s)
			return htmlToken{Kind: otherToken, Raw: t.s[start:]}
		}
		if t.s[i] == '>' {
			t.pos = i + 1
			tok.Raw = t.s[start:t.pos]
			return tok
		}
		var a htmlAttr
		a, i = t.attr(i)
		if !end {
			tok.Attrs = append(tok.Attrs, a)
		}
	}
}

// attr reads one attribute starting at i, which is not space, '/' or '>'.
func (t *htmlTokenizer) attr(i int) (htmlAttr, int) {
	keyStart := i
	// The first character is part of the name even if it is '='.
	i++
	for i < len(t.s) && !isHTMLSpace(t.s[i]) && t.s[i] != '/' && t.s[i] != '>' && t.s[i] != '=' {
		i++
	}
	a := htmlAttr{Key: asciiLower(t.s[keyStart:i])}
	j := i
	for j < len(t.s) && isHTMLSpace(t.s[j]) {
		j++
	}
	if j >= len(t.s) || t.s[j] != '=' {
		return a, i
	}
	j++
	for j < len(t.s) && isHTMLSpace(t.s[j]) {
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
	for j < len(t.s) && !isHTMLSpace(t.s[j]) && t.s[j] != '>' {
		j++
	}
	a.Val = t.s[valStart:j]
	return a, j
}
