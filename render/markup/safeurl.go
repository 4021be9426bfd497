package markup

import (
	"net/url"
	"strings"

	"github.com/folio-go/folio/render/internal/htmltok"
)

// IsWebURL reports whether s is an absolute http or https URL with a
// host, the only kind folio links to from citations and author pages.
func IsWebURL(s string) bool {
	u := htmltok.StripURLNoise(s)
	if u != strings.TrimSpace(s) {
		// Something a browser would strip was inside: not a URL anyone
		// typed, and not worth the risk.
		return false
	}
	scheme, ok := htmltok.Scheme(u)
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
