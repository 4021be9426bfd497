package markup

import (
	"net/url"
	"strings"
)

// stripURLNoise removes what browsers ignore or strip inside a URL before
// they look at its scheme: ASCII whitespace and control characters
// anywhere ("java\tscript:" is "javascript:" to a browser).
func stripURLNoise(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// urlScheme returns the lower-cased scheme of u and whether u has a colon
// before its first '/', '?' or '#' at all. A URL with a colon there but an
// odd scheme ("ja\u200bvascript:") reports ok with that odd scheme, so that
// callers reject it instead of treating it as a relative path.
func urlScheme(u string) (scheme string, ok bool) {
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

// safeURL reports whether s, a URL taken from content with its entities
// already decoded, may become an href or src: http, https, mailto, or a
// relative reference (path, query or fragment). javascript:, data:,
// vbscript: and every other scheme are refused, however they are spelled
// or padded.
func safeURL(s string) bool {
	u := stripURLNoise(s)
	scheme, ok := urlScheme(u)
	if !ok {
		return true
	}
	switch scheme {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// IsWebURL reports whether s is an absolute http or https URL with a
// host, the only kind folio links to from citations and author pages.
func IsWebURL(s string) bool {
	u := stripURLNoise(s)
	if u != strings.TrimSpace(s) {
		// Something a browser would strip was inside: not a URL anyone
		// typed, and not worth the risk.
		return false
	}
	scheme, ok := urlScheme(u)
	if !ok || (scheme != "http" && scheme != "https") {
		return false
	}
	rest := u[len(scheme)+1:]
	return strings.HasPrefix(rest, "//") && len(rest) > 2 && rest[2] != '/'
}

// WebURL returns s, when IsWebURL accepts it, as net/url writes it back
// (spaces, quotes and angle brackets percent-encoded), for places that
// need a valid absolute URI such as a feed's author uri; ok is false for
// anything else, "javascript://host/" included.
func WebURL(s string) (u string, ok bool) {
	if !IsWebURL(s) {
		return "", false
	}
	parsed, err := url.Parse(strings.TrimSpace(s))
	if err != nil || parsed.Host == "" {
		return "", false
	}
	return parsed.String(), true
}
