package markup

import (
	"github.com/folio-go/folio/render/internal/htmltest"
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "<p>Hello <em>world</em></p>", "<p>Hello <em>world</em></p>"},
		{"script dropped with content", "a<script>alert(1)</script>b", "ab"},
		{"script case and spaces", "a<SCRIPT type=x>alert(1)</script >b", "ab"},
		{"script not closed", "a<script>alert(1)", "a"},
		{"scripts is not script end", "<script>x</scripts>y</script>z", "z"},
		{"style", "<style>p{}</style>t", "t"},
		{"iframe", `<iframe src="https://x"></iframe>ok`, "ok"},
		{"svg onload", `<svg onload=alert(1)><circle/></svg>x`, "x"},
		{"event handler", `<img src=x onerror=alert(1)>`, `<img src="x" />`},
		{"event handler slash", `<img/src=x/onerror=alert(1)>`, `<img src="x/onerror=alert(1)" />`},
		{"javascript href", `<a href="javascript:alert(1)">x</a>`, `<a>x</a>`},
		{"javascript upper", `<a href="JaVaScRiPt:alert(1)">x</a>`, `<a>x</a>`},
		{"javascript entity", `<a href="javascript&#58;alert(1)">x</a>`, `<a>x</a>`},
		{"javascript named entity", `<a href="javascript&colon;alert(1)">x</a>`, `<a>x</a>`},
		{"javascript tab", "<a href=\"java\tscript:alert(1)\">x</a>", `<a>x</a>`},
		{"javascript entity tab", `<a href="java&#x09;script:alert(1)">x</a>`, `<a>x</a>`},
		{"javascript leading space", `<a href="  javascript:alert(1)">x</a>`, `<a>x</a>`},
		{"javascript control", "<a href=\"\x01javascript:alert(1)\">x</a>", `<a>x</a>`},
		{"data src", `<img src="data:text/html;base64,PHNjcmlwdD4=">`, `<img />`},
		{"vbscript", `<a href="vbscript:msgbox(1)">x</a>`, `<a>x</a>`},
		{"odd scheme", "<a href=\"ja\u200bvascript:alert(1)\">x</a>", `<a>x</a>`},
		{"https kept", `<a href="https://example.com/?a=1&amp;b=2">x</a>`, `<a href="https://example.com/?a=1&amp;b=2">x</a>`},
		{"relative kept", `<a href="../x#y">x</a>`, `<a href="../x#y">x</a>`},
		{"mailto kept", `<a href="mailto:a@example.com">x</a>`, `<a href="mailto:a@example.com">x</a>`},
		{"style attr", `<p style="background:url(javascript:alert(1))">x</p>`, `<p>x</p>`},
		{"unknown tag kept text", `<marquee>x</marquee>`, `x`},
		{"stray end tags", `</div></article><p>x</p></main>`, `<p>x</p>`},
		{"unclosed closed", `<p><em>x`, `<p><em>x</em></p>`},
		{"misnested", `<b><i>x</b>y</i>`, `<b><i>x</i></b>y`},
		{"comment", `a<!-- <script>alert(1)</script> -->b`, `ab`},
		{"comment trick", `a<!--><script>alert(1)</script>-->b`, `a--&gt;b`},
		{"lone lt", `a < b <3`, `a &lt; b &lt;3`},
		{"text entities", `Q&A &amp; &lt;tag&gt; &nbsp;`, "Q&amp;A &amp; &lt;tag&gt; \u00a0"},
		{"quote break", `<a title='"><script>alert(1)</script>'>x</a>`, `<a title="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</a>`},
		{"duplicate attr first wins", `<a href="/ok" href="javascript:alert(1)">x</a>`, `<a href="/ok">x</a>`},
		{"bad id", `<p id="a b">x</p>`, `<p>x</p>`},
		{"template braces", `{{.}} <p>{{template "x"}}</p>`, `{{.}} <p>{{template &#34;x&#34;}}</p>`},
		{"unterminated tag", `x<a href="`, `x`},
		{"form", `<form action="javascript:alert(1)"><input></form>y`, `y`},
		{"object", `<object data="x.swf"><param name=a></object>y`, `y`},
		{"void self closing", `<br/><hr>`, `<br /><hr />`},
		{"noscript", `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`, `<img src="x" />&#34;&gt;`},
		// Implied end tags are written out, so that no end tag Sanitize
		// writes can close an element of the page around the content.
		{"li in div in li", `<ul><li><div><li>x</li></div></li></ul>`, `<ul><li><div></div></li><li>x</li></ul>`},
		{"li outside list", `<li>x</li></li>`, `x`},
		{"li in div", `<div><li>x</li></div>`, `<div>x</div>`},
		{"unclosed li", `<ol><li>a<li>b</ol>`, `<ol><li>a</li><li>b</li></ol>`},
		{"dd closes dd", `<dl><dt>a<dd>b<dd>c</dl>`, `<dl><dt>a</dt><dd>b</dd><dd>c</dd></dl>`},
		{"dd outside dl", `<dd>x</dd>`, `x`},
		{"div closes p", `<p>a<span>b<div>c</div></p>`, `<p>a<span>b</span></p><div>c</div>`},
		{"heading closes heading", `<h2>a<h3>b</h3></h2>`, `<h2>a</h2><h3>b</h3>`},
		{"link closes link", `<a href=x>a<a href=y>b</a></a>`, `<a href="x">a</a><a href="y">b</a>`},
		{"table in table", `<table><div><table></table></div></table>`, `<table></table>`},
		{"div in table dropped", `<table><tr><div>x</div><td>y</td></tr></table>`, `<table><tr>x<td>y</td></tr></table>`},
		{"cells close cells", `<table><tr><td>a<td>b<tr><td>c</table>`, `<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>`},
		{"cell without row", `<table><td>a</td></table>`, `<table>a</table>`},
		{"table part outside table", `<td>a</td><tr>b`, `ab`},
		{"table in cell", `<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>`, `<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>`},
		{"self-closed script", `a<script/>alert(1)</script>b`, `ab`},
		{"self-closed svg", `a<svg/>b`, `ab`},
		{"raw text end any case", "<svg>x</SVG >y<STYLE>z</sTyLe\t>w", "yw"},
		{"bang comment only before end", "a<!--x-->b<!--y--!>c", "abc"},
		{"nul and bad utf-8", "a\x00b\xffc<a title=\"\x01\">x</a>", "a\ufffdb\ufffdc<a title=\"\ufffd\">x</a>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSanitizeIdempotent checks that sanitizing twice changes nothing, so
// sanitized output is a fixed point a second pass cannot reinterpret.
func TestSanitizeIdempotent(t *testing.T) {
	for _, in := range htmltest.HostileBodies {
		once := Sanitize(in)
		if twice := Sanitize(once); twice != once {
			t.Errorf("Sanitize not idempotent on %q:\nonce  %q\ntwice %q", in, once, twice)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		in      string
		safe    bool
		safeWeb bool
	}{
		{"https://example.com/", true, true},
		{"http://example.com", true, true},
		{"HTTP://EXAMPLE.COM", true, true},
		{"/x/y", true, false},
		{"x/y:z", true, false},
		{"#frag", true, false},
		{"?q=1", true, false},
		{"mailto:a@example.com", true, false},
		{"//example.com/x", true, false},
		{"https:///x", true, false},
		{"https:", true, false},
		{"javascript:alert(1)", false, false},
		{" javascript:alert(1)", false, false},
		{"java\nscript:alert(1)", false, false},
		{"data:text/html,x", false, false},
		{"vbscript:x", false, false},
		{"file:///etc/passwd", false, false},
		{"https://exa mple.com", true, false},
	}
	for _, tt := range tests {
		if got := safeURL(tt.in); got != tt.safe {
			t.Errorf("safeURL(%q) = %v, want %v", tt.in, got, tt.safe)
		}
		if got := IsWebURL(tt.in); got != tt.safeWeb {
			t.Errorf("IsWebURL(%q) = %v, want %v", tt.in, got, tt.safeWeb)
		}
	}
}

// TestSanitizeDepth checks that nesting is bounded: start tags past
// maxOpen open elements are dropped with their content kept.
func TestSanitizeDepth(t *testing.T) {
	got := Sanitize(strings.Repeat("<b>", 3*maxOpen) + "x")
	if n := strings.Count(got, "<b>"); n != maxOpen {
		t.Errorf("%d <b> kept, want %d", n, maxOpen)
	}
	if !strings.HasSuffix(got, "x"+strings.Repeat("</b>", maxOpen)) {
		t.Errorf("content or end tags lost: ...%s", got[len(got)-40:])
	}
}

// BenchmarkSanitizeHostile sanitizes bodies built to make a sanitizer
// work in the square of their length: thousands of raw text elements,
// unclosed tags, list items in divs, comments and stray end tags.
func BenchmarkSanitizeHostile(b *testing.B) {
	for _, unit := range []string{"<svg></svg>", "<b>", "<div><li>", "<ul><li>", "<!--more--><b>", "<i></b>", "<table><tr><td>"} {
		s := strings.Repeat(unit, 20000)
		b.Run(strings.Trim(unit, "<>"), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				Sanitize(s)
			}
		})
	}
}

// TestWebURL checks the URLs a feed may write as an author's uri.
func TestWebURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://ok.example/a", "https://ok.example/a"},
		{" http://ok.example/ ", "http://ok.example/"},
		{`https://ok.example/a"b<c>`, "https://ok.example/a%22b%3Cc%3E"},
		{"https://ok.example/a b", ""},
		{"javascript://ok.example/%0aalert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{"data://ok.example/", ""},
		{"//ok.example/", ""},
		{"https:///x", ""},
		{"java\x00script://x/", ""},
	}
	for _, tt := range tests {
		got, ok := WebURL(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("WebURL(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}
