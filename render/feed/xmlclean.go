package feed

import (
	"html"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Feeds and sitemaps are XML, and one bad byte makes a reader drop the whole
// document. Everything that reaches them goes through xmlSafe first, then
// through the escaping of xmlWriter (or encoding/json for JSON Feed).

// xmlSafe returns s with what XML 1.0 cannot carry taken out:
// invalid UTF-8 bytes become U+FFFD (so the reader sees that something was
// there), and the characters XML 1.0 forbids — C0 controls other than tab,
// newline and carriage return, U+FFFE and U+FFFF — are removed. Surrogate
// code points cannot occur in valid UTF-8, so they arrive here as invalid
// bytes and become U+FFFD too. A clean string is returned unchanged, without
// allocating.
func xmlSafe(s string) string {
	i := xmlDirtyAt(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case xmlChar(r):
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// xmlDirtyAt returns the index of the first byte of s that xmlSafe would
// change, or -1 when s is clean.
func xmlDirtyAt(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !xmlChar(r) {
			return i
		}
		i += size
	}
	return -1
}

// xmlChar reports whether r is in the Char production of XML 1.0.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// feedURLAttrs are the HTML attributes whose value is a URL that a feed reader,
// showing the content away from the site, would resolve wrongly.
var feedURLAttrs = [...]string{"href", "src", "poster", "cite", "action", "srcset"}

// absolutizeHTML returns the HTML fragment s with every relative URL in an
// href, src, poster, cite, action or srcset attribute resolved against base,
// so that links and images still work in a feed reader. Absolute URLs,
// fragments ("#x"), empty values and values that do not parse as URLs are
// left as they are; so are comments, text and everything else. s is
// expected to be clean (see xmlSafe); malformed markup is copied through
// rather than rejected, since feeds must be written for any content.
func absolutizeHTML(s string, base *url.URL) string {
	if base == nil || !strings.Contains(s, "=") {
		return s
	}
	var b strings.Builder
	last := 0 // s[:last] is already in b (or unchanged so far)
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		switch {
		case strings.HasPrefix(s[i:], "<!--"):
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				i = len(s)
			} else {
				i += 4 + end + 3
			}
			continue
		case i+1 < len(s) && feedLetter(s[i+1]):
			i = absolutizeTag(s, i, base, &b, &last)
		default:
			i++
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// absolutizeTag scans the start tag at s[i] ('<' then a letter), rewriting URL
// attributes into b (which holds s[:*last]), and returns the index just
// past the tag.
func absolutizeTag(s string, i int, base *url.URL, b *strings.Builder, last *int) int {
	i++ // '<'
	for i < len(s) && !feedAttrEnd(s[i]) {
		i++ // the tag name
	}
	for i < len(s) {
		for i < len(s) && feedSpace(s[i]) || i < len(s) && s[i] == '/' {
			i++
		}
		if i >= len(s) || s[i] == '>' {
			return i + 1
		}
		nameStart := i
		for i < len(s) && !feedAttrEnd(s[i]) && s[i] != '=' {
			i++
		}
		name := s[nameStart:i]
		j := i
		for j < len(s) && feedSpace(s[j]) {
			j++
		}
		if j >= len(s) || s[j] != '=' {
			i = j
			continue // an attribute without a value
		}
		j++
		for j < len(s) && feedSpace(s[j]) {
			j++
		}
		vStart, vEnd, next := feedAttrValue(s, j)
		if isFeedURLAttr(name) {
			absolutizeValue(s, vStart, vEnd, name, base, b, last)
		}
		i = next
	}
	return i
}

// feedAttrValue finds the attribute value starting at s[j]: quoted with " or ',
// or unquoted. It returns the value's bounds (without quotes) and the index
// after it. An unterminated quote runs to the end of s.
func feedAttrValue(s string, j int) (start, end, next int) {
	if j < len(s) && (s[j] == '"' || s[j] == '\'') {
		q := s[j]
		k := strings.IndexByte(s[j+1:], q)
		if k < 0 {
			return j + 1, len(s), len(s)
		}
		return j + 1, j + 1 + k, j + 1 + k + 1
	}
	k := j
	for k < len(s) && !feedSpace(s[k]) && s[k] != '>' {
		k++
	}
	return j, k, k
}

// absolutizeValue writes the resolved form of the attribute value s[start:end]
// into b when it differs, keeping the value's quoting.
func absolutizeValue(s string, start, end int, name string, base *url.URL, b *strings.Builder, last *int) {
	raw := html.UnescapeString(s[start:end])
	var abs string
	if strings.EqualFold(name, "srcset") {
		abs = resolveSrcsetRefs(raw, base)
	} else {
		abs = resolveRef(raw, base)
	}
	if abs == raw {
		return
	}
	b.WriteString(s[*last:start])
	b.WriteString(feedEscapeAttr(abs))
	*last = end
}

// resolveRef returns ref resolved against base, or ref itself when it is
// already absolute, a fragment, empty, or not a URL.
func resolveRef(ref string, base *url.URL) string {
	t := strings.TrimSpace(ref)
	if t == "" || t[0] == '#' {
		return ref
	}
	u, err := url.Parse(t)
	if err != nil || u.Scheme != "" {
		return ref
	}
	return base.ResolveReference(u).String()
}

// resolveSrcsetRefs resolves each URL of an srcset list ("a.png 1x,
// b.png 2x"), changing nothing else, so that the separators and
// descriptors, and an unquoted value's lack of spaces, stay as written. As
// in HTML, a URL runs to the next whitespace, less any trailing commas.
func resolveSrcsetRefs(v string, base *url.URL) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(v); {
		for i < len(v) && (feedSpace(v[i]) || v[i] == ',') {
			i++
		}
		start := i
		for i < len(v) && !feedSpace(v[i]) {
			i++
		}
		end := i
		for end > start && v[end-1] == ',' {
			end--
		}
		if ref := v[start:end]; ref != "" {
			if abs := resolveRef(ref, base); abs != ref {
				b.WriteString(v[last:start])
				b.WriteString(abs)
				last = end
			}
		}
		if end == i { // descriptors follow, up to the next comma
			for i < len(v) && v[i] != ',' {
				i++
			}
		}
	}
	if last == 0 {
		return v
	}
	b.WriteString(v[last:])
	return b.String()
}

// feedEscapeAttr escapes a resolved value for an attribute in any quoting.
// Resolved URLs hold no spaces (url.URL.String escapes them) except
// between the entries of an srcset, which is quoted in any HTML where it
// worked before.
func feedEscapeAttr(v string) string { return html.EscapeString(v) }

func isFeedURLAttr(name string) bool {
	for _, a := range feedURLAttrs {
		if strings.EqualFold(name, a) {
			return true
		}
	}
	return false
}

func feedLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func feedSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func feedAttrEnd(c byte) bool { return feedSpace(c) || c == '>' || c == '/' }
