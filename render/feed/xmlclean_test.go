package feed

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestXMLSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text, été, 日本", "plain text, été, 日本"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"nul\x00 bell\x07 vt\x0b ff\x0c esc\x1b del\x7f", "nul bell vt ff esc del\x7f"},
		{"bad \xff\xfe bytes", "bad \uFFFD\uFFFD bytes"},
		{"cut \xe2\x82", "cut \uFFFD\uFFFD"},
		{"surrogate \xed\xa0\x80", "surrogate \uFFFD\uFFFD\uFFFD"},
		{"non-chars \uFFFE\uFFFF ok \uFFFD", "non-chars  ok \uFFFD"},
		{"astral 😀", "astral 😀"},
		{"cdata ]]> stays", "cdata ]]> stays"},
	}
	for _, tt := range tests {
		if got := xmlSafe(tt.in); got != tt.want {
			t.Errorf("xmlSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestXMLEscape(t *testing.T) {
	tests := []struct {
		in   string
		attr bool
		want string
	}{
		{`a & b < c > d ]]> "q" 'a'`, false, `a &amp; b &lt; c &gt; d ]]&gt; "q" 'a'`},
		{`a & "q"`, true, `a &amp; &quot;q&quot;`},
		{"l1\r\nl2\tx", false, "l1&#xD;\nl2\tx"},
		{"l1\r\nl2\tx", true, "l1&#xD;&#xA;l2&#x9;x"},
		{"x\x00\xffy", false, "x\uFFFDy"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		xmlEscape(&b, tt.in, tt.attr)
		if got := b.String(); got != tt.want {
			t.Errorf("xmlEscape(%q, %v) = %q, want %q", tt.in, tt.attr, got, tt.want)
		}
	}
}

func TestAbsolutizeHTML(t *testing.T) {
	base, err := url.Parse("https://example.com/2024/01/post/")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{`no links here`, `no links here`},
		{`<a href="/about/">a</a>`, `<a href="https://example.com/about/">a</a>`},
		{`<a href="photo.jpg">a</a>`, `<a href="https://example.com/2024/01/post/photo.jpg">a</a>`},
		{`<a href="../">up</a>`, `<a href="https://example.com/2024/01/">up</a>`},
		{`<a href='x?a=1&amp;b=2'>`, `<a href='https://example.com/2024/01/post/x?a=1&amp;b=2'>`},
		{`<A HREF=x.html>`, `<A HREF=https://example.com/2024/01/post/x.html>`},
		{`<img src = "i.png" alt="a href=/no">`, `<img src = "https://example.com/2024/01/post/i.png" alt="a href=/no">`},
		{`<img srcset="a.png 1x, /b.png 2x">`, `<img srcset="https://example.com/2024/01/post/a.png 1x, https://example.com/b.png 2x">`},
		// Without whitespace "a.png,/b.png" is one URL, as browsers read it.
		{`<img srcset=a.png,/b.png>`, `<img srcset=https://example.com/2024/01/post/a.png,/b.png>`},
		{`<img srcset=" a.png  1x ,b.png 2x,">`, `<img srcset=" https://example.com/2024/01/post/a.png  1x ,https://example.com/2024/01/post/b.png 2x,">`},
		{`<img srcset="https://x.example/a.png 1x, ,">`, `<img srcset="https://x.example/a.png 1x, ,">`},
		{`<a href="//cdn.example.net/x">`, `<a href="https://cdn.example.net/x">`},
		{`<a href="https://other.example/">`, `<a href="https://other.example/">`},
		{`<a href="mailto:a@example.com">`, `<a href="mailto:a@example.com">`},
		{`<a href="#top">`, `<a href="#top">`},
		{`<a href="">`, `<a href="">`},
		{`<a href="%zz">`, `<a href="%zz">`},
		{`<a title="x" hidden href=/p>`, `<a title="x" hidden href=https://example.com/p>`},
		{`<video poster="p.jpg" src="v.mp4"></video>`, `<video poster="https://example.com/2024/01/post/p.jpg" src="https://example.com/2024/01/post/v.mp4"></video>`},
		{`<!-- <a href="/c"> -->`, `<!-- <a href="/c"> -->`},
		{`text href="/t" 1 < 2`, `text href="/t" 1 < 2`},
		{`<a href="/q?x=<y>">`, `<a href="https://example.com/q?x=&lt;y&gt;">`},
		{`<a href="/unterminated`, `<a href="https://example.com/unterminated`},
		{`<a href=`, `<a href=`},
		{`<br/><img/src="s.png">`, `<br/><img/src="https://example.com/2024/01/post/s.png">`},
	}
	for _, tt := range tests {
		if got := absolutizeHTML(tt.in, base); got != tt.want {
			t.Errorf("absolutizeHTML(%q):\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"<p>One <em>two</em></p><p>three &amp; four</p>", "One two three & four"},
		{"a < b <!-- hidden --> c", "a < b c"},
		{"<p>unclosed <b", "unclosed"},
		{"<p>A <a href=x>link</a>.</p><ul><li>one<li>two</ul>", "A link. one two"},
		{"line<br>break<BR/>again", "line break again"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, plainText(tt.in)); diff != "" {
			t.Errorf("plainText(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// FuzzAbsolutizeHTML checks that resolving URLs never panics, leaves
// markup-free text alone, and that a second pass changes nothing.
func FuzzAbsolutizeHTML(f *testing.F) {
	f.Add(`<a href="/about/">a</a> <img srcset="a.png 1x, /b.png 2x" src=x.png>`)
	f.Add(`<a href='x?a=1&amp;b=2'><!-- <a href="/c"> --><a href="/unterminated`)
	f.Add(hostile)
	base, err := url.Parse("https://example.com/2024/01/post/")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := absolutizeHTML(s, base)
		if !strings.Contains(s, "<") && once != s {
			t.Fatalf("text without markup changed: %q -> %q", s, once)
		}
		if twice := absolutizeHTML(once, base); twice != once {
			t.Fatalf("second pass changed %q:\nonce  %q\ntwice %q", s, once, twice)
		}
	})
}
