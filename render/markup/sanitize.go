package markup

import (
	"html"
	"strings"
	"unicode/utf8"
)

// allowedTags lists the elements Sanitize keeps, each with the attributes
// it may carry besides the global ones in globalAttrs.
var allowedTags = map[string][]string{
	"a": {"href", "rel", "name"}, "abbr": nil, "b": nil, "blockquote": {"cite"},
	"br": nil, "caption": nil, "cite": nil, "code": nil, "dd": nil, "del": {"datetime"}, "details": {"open"},
	"div": nil, "dl": nil, "dt": nil, "em": nil, "figcaption": nil, "figure": nil,
	"h1": nil, "h2": nil, "h3": nil, "h4": nil, "h5": nil, "h6": nil, "hr": nil,
	"i": nil, "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"}, "ins": {"datetime"},
	"kbd": nil, "li": {"value"}, "mark": nil, "ol": {"start", "reversed", "type"},
	"p": nil, "picture": nil, "pre": nil, "q": {"cite"}, "s": nil, "samp": nil, "section": nil,
	"small": nil, "source": {"srcset", "sizes", "media", "type"}, "span": nil, "strong": nil, "sub": nil, "summary": nil, "sup": nil,
	"table": nil, "tbody": nil, "td": {"colspan", "rowspan", "align"},
	"tfoot": nil, "th": {"colspan", "rowspan", "align", "scope"}, "thead": nil,
	"tr": nil, "u": nil, "ul": nil, "var": nil,
}

// globalAttrs may appear on any allowed element. id is kept because
// footnotes link to it; its value is restricted by safeID.
var globalAttrs = []string{"title", "class", "id", "lang", "dir", "role"}

// voidTags never have content or an end tag.
var voidTags = map[string]bool{"br": true, "hr": true, "img": true, "source": true, "wbr": true}

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

// maxOpen is how deeply Sanitize lets elements nest; deeper start tags
// are dropped (their content kept). Real content never nests this deep,
// and the bound keeps the work per tag constant, so that a body of
// thousands of unclosed tags cannot take time in the square of its
// length. Browsers bound nesting too.
const maxOpen = 128

// sanitizeURLAttrs are the attributes whose value is a URL.
var sanitizeURLAttrs = map[string]bool{"href": true, "src": true, "cite": true}

// Sanitize returns s reduced to an allow-list of elements and attributes,
// for HTML that comes from content and must not run script: scripts,
// styles, frames and embedded objects are removed with their content;
// event handler, style and unknown attributes are dropped; URLs other than
// http, https, mailto and relative ones are dropped; comments are removed;
// every open element is closed, stray end tags are dropped, and the end
// tags a browser would imply are written out (a start tag a browser would
// move or ignore, such as a <li> outside a list or a <div> between table
// rows, is dropped), so the result cannot close an element of the page
// around it. Text is re-escaped, with NUL, control characters and bytes
// that are not UTF-8 replaced by U+FFFD. Sanitize never fails: malformed
// markup becomes text or is dropped.
func Sanitize(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	var open []string
	tz := newTokenizer(s)
	for {
		tok, ok := tz.Next()
		if !ok {
			break
		}
		switch tok.Kind {
		case textToken:
			b.WriteString(html.EscapeString(CleanText(html.UnescapeString(tok.Data))))
		case startTagToken, selfClosingTagToken:
			if droppedWithContent[tok.Name] {
				// A browser ignores "/>" on an HTML element, so "<script/>"
				// still starts a script; only in SVG and MathML does it
				// close the element.
				if tok.Kind == startTagToken || (tok.Name != "svg" && tok.Name != "math") {
					tz.SkipPast(tok.Name)
				}
				continue
			}
			if _, ok := allowedTags[tok.Name]; !ok {
				continue
			}
			var place bool
			if open, place = placeStart(&b, open, tok.Name); !place {
				continue
			}
			if len(open) >= maxOpen && !voidTags[tok.Name] {
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
		val := CleanText(html.UnescapeString(a.Val))
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
	case key == "srcset":
		return safeSrcset(val)
	case key == "loading":
		return val == "lazy" || val == "eager"
	case key == "decoding":
		return val == "async" || val == "sync" || val == "auto"
	case key == "id":
		return safeID(val)
	}
	return true
}

// safeSrcset checks each candidate URL of a srcset ("a.png 1x, b.png
// 2x") as safeURL checks a src; one bad URL drops the whole attribute.
func safeSrcset(s string) bool {
	for _, cand := range strings.Split(s, ",") {
		f := strings.Fields(cand)
		if len(f) == 0 {
			continue
		}
		if len(f) > 2 || !safeURL(f[0]) {
			return false
		}
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

// The rules below keep Sanitize's idea of which elements are open equal
// to a browser's. An HTML parser closes some elements without an end tag
// (a <li> closes the open <li>, a <div> closes an open <p>, a <table>
// inside a table's rows closes that table) and moves or ignores others;
// if Sanitize did not know, an end tag it later wrote for an element the
// browser had already closed would close an element of the page around
// the content instead ("<ul><li><div><li>x</li></div>" would end the
// page's <div>). So placeStart writes those end tags itself, before the
// browser would imply them, and drops a start tag the browser would
// ignore, move out of a table or use to close elements outside the
// content (a <li> that is not in a list). Every end tag Sanitize writes
// then closes the innermost element, in the browser too.

// pClosers are the allowed elements whose start tag closes an open <p>.
var pClosers = map[string]bool{
	"blockquote": true, "dd": true, "details": true, "div": true, "dl": true, "dt": true,
	"figcaption": true, "figure": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "hr": true, "li": true, "ol": true,
	"p": true, "pre": true, "section": true, "summary": true, "table": true, "ul": true,
}

// specialTags are the allowed elements of the HTML parser's "special"
// category, where its search for an <li>, <dd> or <dt> to close stops.
var specialTags = map[string]bool{
	"blockquote": true, "caption": true, "dd": true, "details": true, "div": true, "dl": true,
	"dt": true, "figcaption": true, "figure": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "li": true, "ol": true,
	"p": true, "pre": true, "section": true, "summary": true, "table": true, "tbody": true,
	"td": true, "tfoot": true, "th": true, "thead": true, "tr": true, "ul": true,
}

// tableDepth gives each table element its level: table 0, caption and
// row groups 1, rows 2, cells 3.
var tableDepth = map[string]int{
	"table": 0, "caption": 1, "thead": 1, "tbody": 1, "tfoot": 1, "tr": 2, "td": 3, "th": 3,
}

// tableParents lists where each table part may be opened.
var tableParents = map[string][]string{
	"caption": {"table"}, "thead": {"table"}, "tbody": {"table"}, "tfoot": {"table"},
	"tr": {"table", "thead", "tbody", "tfoot"}, "td": {"tr"}, "th": {"tr"},
}

func isHeading(name string) bool {
	return len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'
}

// closeFrom writes the end tags of open[i:], innermost first, and
// returns open[:i].
func closeFrom(b *strings.Builder, open []string, i int) []string {
	for j := len(open) - 1; j >= i; j-- {
		b.WriteString("</" + open[j] + ">")
	}
	return open[:i]
}

// nearestTable returns the index of the innermost open table element,
// or -1.
func nearestTable(open []string) int {
	for i := len(open) - 1; i >= 0; i-- {
		switch open[i] {
		case "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th":
			return i
		}
	}
	return -1
}

// placeStart prepares open for a start tag of the allowed element name:
// it writes the end tags a browser would imply before it, and reports
// false when the tag must be dropped because a browser would not open it
// where it stands (its content is kept).
func placeStart(b *strings.Builder, open []string, name string) ([]string, bool) {
	if _, ok := tableDepth[name]; ok && name != "table" {
		return placeTablePart(b, open, name)
	}
	// Inside a table but outside its cells and caption a browser moves
	// elements in front of the table yet keeps parsing in table mode;
	// nothing can be placed there safely.
	if i := nearestTable(open); i >= 0 && open[i] != "td" && open[i] != "th" && open[i] != "caption" {
		return open, false
	}
	switch name {
	case "li":
		open = closeItem(b, open, func(n string) bool { return n == "li" })
		if len(open) == 0 || (open[len(open)-1] != "ul" && open[len(open)-1] != "ol") {
			return open, false
		}
	case "dd", "dt":
		open = closeItem(b, open, func(n string) bool { return n == "dd" || n == "dt" })
		if len(open) == 0 || open[len(open)-1] != "dl" {
			return open, false
		}
	case "a":
		// A link inside a link closes the outer one (the adoption
		// agency); table cells are the boundary.
		for i := len(open) - 1; i >= 0 && open[i] != "td" && open[i] != "th" && open[i] != "caption"; i-- {
			if open[i] == "a" {
				open = closeFrom(b, open, i)
				break
			}
		}
	}
	if pClosers[name] {
		// A <p> in "button scope": cells, captions and tables bound it.
		for i := len(open) - 1; i >= 0; i-- {
			if n := open[i]; n == "td" || n == "th" || n == "caption" || n == "table" {
				break
			}
			if open[i] == "p" {
				open = closeFrom(b, open, i)
				break
			}
		}
	}
	if isHeading(name) && len(open) > 0 && isHeading(open[len(open)-1]) {
		open = closeFrom(b, open, len(open)-1)
	}
	return open, true
}

// closeItem closes the innermost open list item (or definition) that a
// browser's search from the current element would find: it looks past
// phrasing elements, <div> and <p>, and stops at other special ones.
func closeItem(b *strings.Builder, open []string, item func(string) bool) []string {
	for i := len(open) - 1; i >= 0; i-- {
		n := open[i]
		if item(n) {
			return closeFrom(b, open, i)
		}
		if specialTags[n] && n != "div" && n != "p" {
			break
		}
	}
	return open
}

// placeTablePart prepares open for a caption, row group, row or cell:
// it closes the cells, rows, groups or caption a browser would close
// before it, and reports false when there is no table to put it in or
// a level is missing (a cell straight in a table), which browsers would
// make up.
func placeTablePart(b *strings.Builder, open []string, name string) ([]string, bool) {
	for {
		i := nearestTable(open)
		if i < 0 {
			return open, false
		}
		e := open[i]
		for _, p := range tableParents[name] {
			if p == e {
				return closeFrom(b, open, i+1), true
			}
		}
		if e == "caption" || tableDepth[e] >= tableDepth[name] {
			open = closeFrom(b, open, i)
			continue
		}
		return open, false
	}
}

// CleanText replaces what HTML and XML forbid in text with U+FFFD:
// NUL and the other control characters but tab, line feed, form feed
// and carriage return, the C1 controls, the noncharacters U+FFFE and
// U+FFFF, and bytes that are not UTF-8. Browsers would show most of
// these as U+FFFD themselves; written out they make a page invalid.
func CleanText(s string) string {
	if !needsClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if badTextRune(r, size) {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsClean reports whether CleanText would change s.
func needsClean(s string) bool { return needsCleanIn(s) }

// needsCleanBytes is needsClean for a byte slice, so that a page in a
// buffer is checked without a copy.
func needsCleanBytes(s []byte) bool { return needsCleanIn(s) }

// CleanBytes is CleanText for a byte slice, such as a page in a buffer:
// b itself when it needs no change (checked without a copy), else a
// cleaned copy.
func CleanBytes(b []byte) []byte {
	if !needsCleanBytes(b) {
		return b
	}
	return []byte(CleanText(string(b)))
}

// needsCleanIn is needsClean for a string or a byte slice. Every page goes
// through it, so it skips eight bytes at a time while they are printable
// ASCII; a group holding anything else (a newline, a tab, a multi-byte
// character) is checked byte by byte.
func needsCleanIn[T string | []byte](s T) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			// A high bit in x|(x+ones) marks a byte of 0x7f or more; in
			// (x-0x20*ones)&^x one below 0x20. Carries and borrows can
			// only mark more, never fewer.
			if ((x|(x+ones))|((x-0x20*ones)&^x))&highs == 0 {
				i += 8
				continue
			}
		}
		end := min(i+8, len(s))
		for i < end {
			c := s[i]
			if c < utf8.RuneSelf {
				if c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7f {
					return true
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
			if badTextRune(r, size) {
				return true
			}
			i += size
		}
	}
	return false
}

func badTextRune(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return true
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\f' && r != '\r'
	case r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
		return true
	}
	return false
}
