package render

import (
	"html"
	"strings"
)

// allowedTags lists the elements Sanitize keeps, each with the attributes
// it may carry besides the global ones in globalAttrs.
var allowedTags = map[string][]string{
	"a": {"href", "rel", "name"}, "abbr": nil, "b": nil, "blockquote": {"cite"},
	"br": nil, "caption": nil, "cite": nil, "code": nil, "dd": nil, "del": {"datetime"},
	"div": nil, "dl": nil, "dt": nil, "em": nil, "figcaption": nil, "figure": nil,
	"h1": nil, "h2": nil, "h3": nil, "h4": nil, "h5": nil, "h6": nil, "hr": nil,
	"i": nil, "img": {"src", "alt", "width", "height"}, "ins": {"datetime"},
	"kbd": nil, "li": {"value"}, "mark": nil, "ol": {"start", "reversed", "type"},
	"p": nil, "pre": nil, "q": {"cite"}, "s": nil, "samp": nil, "section": nil,
	"small": nil, "span": nil, "strong": nil, "sub": nil, "sup": nil,
	"table": nil, "tbody": nil, "td": {"colspan", "rowspan", "align"},
	"tfoot": nil, "th": {"colspan", "rowspan", "align", "scope"}, "thead": nil,
	"tr": nil, "u": nil, "ul": nil, "var": nil,
}

// globalAttrs may appear on any allowed element. id is kept because
// footnotes link to it; its value is restricted by safeID.
var globalAttrs = []string{"title", "class", "id", "lang", "dir", "role"}

// voidTags never have content or an end tag.
var voidTags = map[string]bool{"br": true, "hr": true, "img": true, "wbr": true}

// droppedWithContent lists the elements whose whole content Sanitize
// removes, not just their tags: script and style would otherwise leave
// code as visible text, and the rest embed other documents or switch the
// parser into modes (raw text, foreign content) the allow-list does not
// model.
var droppedWithContent = map[string]bool{
	"script": true, "style": true, "iframe": true, "object": true, "embed": true,
	"applet": true, "frame": true, "frameset": true, "noscript": true, "noembed": true,
	"noframes": true, "template": true, "textarea": true, "title": true, "xmp": true,
	"svg": true, "math": true, "select": true, "plaintext": true, "head": true,
	"form": true, "button": true, "audio": true, "video": true, "canvas": true,
}

// sanitizeURLAttrs are the attributes whose value is a URL.
var sanitizeURLAttrs = map[string]bool{"href": true, "src": true, "cite": true}

// Sanitize returns s reduced to an allow-list of elements and attributes,
// for HTML that comes from content and must not run script: scripts,
// styles, frames and embedded objects are removed with their content;
// event handler, style and unknown attributes are dropped; URLs other than
// http, https, mailto and relative ones are dropped; comments are removed;
// every open element is closed and stray end tags are dropped, so the
// result cannot close an element of the page around it. Text is
// re-escaped. Sanitize never fails: malformed markup becomes text or is
// dropped.
func Sanitize(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	var open []string
	tz := newTokenizer(s)
	for {
		tok, ok := tz.next()
		if !ok {
			break
		}
		switch tok.Kind {
		case textToken:
			b.WriteString(html.EscapeString(html.UnescapeString(tok.Data)))
		case startTagToken, selfClosingTagToken:
			if droppedWithContent[tok.Name] {
				if tok.Kind == startTagToken {
					tz.skipPast(tok.Name)
				}
				continue
			}
			if _, ok := allowedTags[tok.Name]; !ok {
				continue
			}
			writeStartTag(&b, tok)
			if !voidTags[tok.Name] {
				open = append(open, tok.Name)
			}
		case endTagToken:
			open = closeTo(&b, open, tok.Name)
		}
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i] + ">")
	}
	return b.String()
}

// skipPast moves the tokenizer past the end tag of name (or to the end of
// input when there is none), as a browser does for a raw text element.
func (t *htmlTokenizer) skipPast(name string) {
	closing := "</" + name
	rest := t.s[t.pos:]
	lower := asciiLower(rest)
	for off := 0; ; {
		i := strings.Index(lower[off:], closing)
		if i < 0 {
			t.pos = len(t.s)
			return
		}
		j := off + i + len(closing)
		// "</scripts" does not end a script.
		if j < len(rest) && !isHTMLSpace(rest[j]) && rest[j] != '/' && rest[j] != '>' {
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

// asciiLower lower-cases ASCII letters only, keeping every byte offset
// (strings.ToLower can change lengths on invalid UTF-8).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// closeTo closes the open elements down to and including the innermost
// open name; an end tag with no matching open element is dropped.
func closeTo(b *strings.Builder, open []string, name string) []string {
	for i := len(open) - 1; i >= 0; i-- {
		if open[i] != name {
			continue
		}
		for j := len(open) - 1; j >= i; j-- {
			b.WriteString("</" + open[j] + ">")
		}
		return open[:i]
	}
	return open
}

func writeStartTag(b *strings.Builder, tok htmlToken) {
	b.WriteString("<" + tok.Name)
	seen := map[string]bool{}
	for _, a := range tok.Attrs {
		if seen[a.Key] || !attrAllowed(tok.Name, a.Key) {
			continue
		}
		// Browsers keep the first of repeated attributes; so do we.
		seen[a.Key] = true
		val := html.UnescapeString(a.Val)
		if !safeAttrValue(a.Key, val) {
			continue
		}
		b.WriteString(" " + a.Key)
		if a.HasVal {
			b.WriteString(`="` + html.EscapeString(val) + `"`)
		}
	}
	if voidTags[tok.Name] {
		b.WriteString(" />")
		return
	}
	b.WriteString(">")
}

func attrAllowed(tag, key string) bool {
	for _, k := range globalAttrs {
		if k == key {
			return true
		}
	}
	for _, k := range allowedTags[tag] {
		if k == key {
			return true
		}
	}
	return false
}

// safeAttrValue checks an allowed attribute's decoded value.
func safeAttrValue(key, val string) bool {
	switch {
	case sanitizeURLAttrs[key]:
		return safeURL(val)
	case key == "id":
		return safeID(val)
	}
	return true
}

// safeID allows the characters ids made by goldmark and WordPress use.
func safeID(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for _, c := range []byte(s) {
		if !(isASCIILetter(c) || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.') {
			return false
		}
	}
	return true
}
