// Package htmltest holds what the tests of render and render/markup share
// to prove their output inert: the hostile payloads every content field is
// fed, and AssertInert, which reads a page with htmltok as a browser would.
// It is for tests only.
package htmltest

import (
	stdhtml "html"
	"strings"
	"testing"

	"github.com/folio-go/folio/render/internal/htmltok"
)

// AssertInert fails t when page, an HTML document or fragment, holds
// anything a browser would run: a script element other than the
// ldJSON JSON-LD ones allowed, an event handler attribute, a javascript:,
// vbscript: or data: URL in a URL attribute, or an element that embeds
// other documents. The page is read with the same tokenizer rules as a
// browser's, so a payload that broke out of its context shows up as a
// tag here.
func AssertInert(t testing.TB, page string, ldJSON int) {
	t.Helper()
	tz := htmltok.New(page)
	scripts := 0
	for {
		tok, ok := tz.Next()
		if !ok {
			break
		}
		if tok.Kind != htmltok.StartTag && tok.Kind != htmltok.SelfClosingTag {
			continue
		}
		switch tok.Name {
		case "script":
			scripts++
			if !IsLDJSON(tok) {
				t.Errorf("executable script element %q", tok.Raw)
			}
			// The JSON-LD content is raw text up to </script.
			tz.SkipPast("script")
		case "iframe", "object", "embed", "frame", "svg", "math", "base", "form", "meta":
			if tok.Name == "meta" && MetaIsHarmless(tok) {
				break
			}
			t.Errorf("dangerous element %q", tok.Raw)
		case "style":
			tz.SkipPast("style")
		}
		for _, a := range tok.Attrs {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("event handler %q in %q", a.Key, tok.Raw)
			}
			if a.Key == "style" {
				t.Errorf("style attribute in %q", tok.Raw)
			}
			switch a.Key {
			case "href", "src", "action", "formaction", "cite", "poster", "srcset", "xlink:href", "data", "background":
				if !InertURL(a.Val) {
					t.Errorf("dangerous URL %s=%q in %q", a.Key, a.Val, tok.Raw)
				}
			}
		}
	}
	if scripts != ldJSON {
		t.Errorf("%d script elements, want %d (JSON-LD)", scripts, ldJSON)
	}
}

// IsLDJSON reports whether tok is a JSON-LD script element.
func IsLDJSON(tok htmltok.Token) bool {
	for _, a := range tok.Attrs {
		if a.Key == "type" && a.Val == "application/ld+json" {
			return true
		}
	}
	return false
}

// MetaIsHarmless allows the meta elements the theme writes (charset,
// viewport, description, Open Graph) and refuses http-equiv refreshes.
func MetaIsHarmless(tok htmltok.Token) bool {
	for _, a := range tok.Attrs {
		if a.Key == "http-equiv" {
			return false
		}
	}
	return true
}

// InertURL decodes the value as a browser would and looks at its scheme.
func InertURL(raw string) bool {
	u := strings.ToLower(htmltok.StripURLNoise(htmlUnescape(raw)))
	for _, bad := range []string{"javascript:", "vbscript:", "data:", "livescript:"} {
		if strings.HasPrefix(u, bad) {
			return false
		}
	}
	return htmltok.SafeURL(htmlUnescape(raw))
}

func htmlUnescape(s string) string { return stdhtml.UnescapeString(s) }
