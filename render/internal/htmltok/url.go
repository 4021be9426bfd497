package htmltok

import "strings"

// StripURLNoise removes what browsers ignore or strip inside a URL before
// they look at its scheme: ASCII whitespace and control characters
// anywhere ("java\tscript:" is "javascript:" to a browser).
func StripURLNoise(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// Scheme returns the lower-cased scheme of u and whether u has a colon
// before its first '/', '?' or '#' at all. A URL with a colon there but an
// odd scheme ("ja\u200bvascript:") reports ok with that odd scheme, so that
// callers reject it instead of treating it as a relative path.
func Scheme(u string) (scheme string, ok bool) {
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case ':':
			return strings.ToLower(u[:i]), true
		case '/', '?', '#':
			return "", false
		}
	}
	return "", false
}

// SafeURL reports whether s, a URL taken from content with its entities
// already decoded, may become an href or src: http, https, mailto, or a
// relative reference (path, query or fragment). javascript:, data:,
// vbscript: and every other scheme are refused, however they are spelled
// or padded.
func SafeURL(s string) bool {
	u := StripURLNoise(s)
	scheme, ok := Scheme(u)
	if !ok {
		return true
	}
	switch scheme {
	case "http", "https", "mailto":
		return true
	}
	return false
}
