package markup

import (
	stdhtml "html"
	"strings"
	"testing"
)

// assertInert fails t when page, an HTML document or fragment, holds
// anything a browser would run: a script element other than the
// ldJSON JSON-LD ones allowed, an event handler attribute, a javascript:,
// vbscript: or data: URL in a URL attribute, or an element that embeds
// other documents. The page is read with the same tokenizer rules as a
// browser's, so a payload that broke out of its context shows up as a
// tag here.
func assertInert(t *testing.T, page string, ldJSON int) {
	t.Helper()
	tz := newTokenizer(page)
	scripts := 0
	for {
		tok, ok := tz.next()
		if !ok {
			break
		}
		if tok.Kind != startTagToken && tok.Kind != selfClosingTagToken {
			continue
		}
		switch tok.Name {
		case "script":
			scripts++
			if !isLDJSON(tok) {
				t.Errorf("executable script element %q", tok.Raw)
			}
			// The JSON-LD content is raw text up to </script.
			tz.skipPast("script")
		case "iframe", "object", "embed", "frame", "svg", "math", "base", "form", "meta":
			if tok.Name == "meta" && metaIsHarmless(tok) {
				break
			}
			t.Errorf("dangerous element %q", tok.Raw)
		case "style":
			tz.skipPast("style")
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
				if !inertURL(a.Val) {
					t.Errorf("dangerous URL %s=%q in %q", a.Key, a.Val, tok.Raw)
				}
			}
		}
	}
	if scripts != ldJSON {
		t.Errorf("%d script elements, want %d (JSON-LD)", scripts, ldJSON)
	}
}

func isLDJSON(tok htmlToken) bool {
	for _, a := range tok.Attrs {
		if a.Key == "type" && a.Val == "application/ld+json" {
			return true
		}
	}
	return false
}

// metaIsHarmless allows the meta elements the theme writes (charset,
// viewport, description, Open Graph) and refuses http-equiv refreshes.
func metaIsHarmless(tok htmlToken) bool {
	for _, a := range tok.Attrs {
		if a.Key == "http-equiv" {
			return false
		}
	}
	return true
}

// inertURL decodes the value as a browser would and looks at its scheme.
func inertURL(raw string) bool {
	u := strings.ToLower(stripURLNoise(htmlUnescape(raw)))
	for _, bad := range []string{"javascript:", "vbscript:", "data:", "livescript:"} {
		if strings.HasPrefix(u, bad) {
			return false
		}
	}
	return safeURL(htmlUnescape(raw))
}

func htmlUnescape(s string) string { return stdhtml.UnescapeString(s) }
