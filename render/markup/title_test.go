package markup

import (
	"strings"
	"testing"
)

func TestTitle(t *testing.T) {
	for _, c := range []struct{ in, html, text string }{
		{"Plain & simple", "Plain &amp; simple", "Plain & simple"},
		{"<em>Go</em> in production", "<em>Go</em> in production", "Go in production"},
		{"List<T> and Map<K, V>", "List&lt;T&gt; and Map&lt;K, V&gt;", "List<T> and Map<K, V>"},
		{`<strong class="x" onclick="y">Bold</strong> <a href="javascript:z">link</a>`, "<strong>Bold</strong> link", "Bold link"},
		{"<em>never closed", "<em>never closed</em>", "never closed"},
		{"a <script>alert(1)</script>b", "a b", "a b"},
		{"Caf&eacute; &amp; <code>&lt;br&gt;</code>", "Café &amp; <code>&lt;br&gt;</code>", "Café & <br>"},
		{"x</em>y", "xy", "xy"},
	} {
		if got := TitleHTML(c.in); got != c.html {
			t.Errorf("TitleHTML(%q) = %q, want %q", c.in, got, c.html)
		}
		if got := TitleText(c.in); got != c.text {
			t.Errorf("TitleText(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}

func FuzzTitleHTML(f *testing.F) {
	f.Add("<em>Go</em> <script>x</script> List<T>")
	f.Add("<b><i>x</b>")
	f.Fuzz(func(t *testing.T, s string) {
		h := TitleHTML(s)
		low := strings.ToLower(h)
		if strings.Contains(low, "<script") || strings.Contains(low, "<a ") || strings.Contains(low, "onclick") && strings.Contains(low, "<em ") {
			t.Errorf("TitleHTML(%q) = %q", s, h)
		}
	})
}

func TestShownTitle(t *testing.T) {
	for _, c := range []struct{ title, text, html string }{
		{"Plain", "Plain", "Plain"},
		{"List<T> & Map", "List<T> & Map", "List&lt;T&gt; &amp; Map"},
		{"<em>Go</em> in production", "Go in production", "<em>Go</em> in production"},
		{"", "Untitled", "Untitled"},
		{" \t ", "Untitled", "Untitled"},
		{"<b> </b>", "Untitled", "Untitled"},
		{" padded ", " padded ", " padded "},
	} {
		if got := ShownTitle(c.title); got != c.text {
			t.Errorf("ShownTitle(%q) = %q, want %q", c.title, got, c.text)
		}
		if got := ShownTitleHTML(c.title); got != c.html {
			t.Errorf("ShownTitleHTML(%q) = %q, want %q", c.title, got, c.html)
		}
	}
}
