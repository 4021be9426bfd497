package markup

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/htmltest"
	"github.com/google/go-cmp/cmp"
)

func renderBody(t *testing.T, r BodyRenderer, b post.Body, unsafe bool) string {
	t.Helper()
	h, err := BodyHTML(r, b, unsafe)
	if err != nil {
		t.Fatal(err)
	}
	return string(h)
}

func TestBodyMarkdown(t *testing.T) {
	src := "# Title\n\nSome *emphasis*, ~~gone~~ and https://example.com/.\n\n" +
		"| a | b |\n|:--|--:|\n| 1 | 2 |\n\nA note.[^1]\n\n[^1]: The note.\n"
	want := `<h1>Title</h1>
<p>Some <em>emphasis</em>, <del>gone</del> and <a href="https://example.com/">https://example.com/</a>.</p>
<table>
<thead>
<tr>
<th align="left">a</th>
<th align="right">b</th>
</tr>
</thead>
<tbody>
<tr>
<td align="left">1</td>
<td align="right">2</td>
</tr>
</tbody>
</table>
<p>A note.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
<div class="footnotes" role="doc-endnotes">
<hr />
<ol>
<li id="fn:1">
<p>The note.` + "\u00a0" + `<a href="#fnref:1" class="footnote-backref" role="doc-backlink">` + "\u21a9\ufe0e" + `</a></p>
</li>
</ol>
</div>
`
	got := renderBody(t, nil, post.Body{Format: post.Markdown, Text: src}, false)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestBodyMarkdownDangerousLinks checks goldmark's own filter of link
// destinations, the sanitizer behind it, and that raw HTML is omitted.
func TestBodyMarkdownDangerousLinks(t *testing.T) {
	src := "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](<java\tscript:alert(1)>) " +
		"![d](javascript:alert(1)) <javascript:alert(1)> [e](vbscript:x) [f](data:text/html,x)\n\n" +
		"<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nok <b onclick=x>b</b>\n"
	for _, r := range []BodyRenderer{nil, New(Options{})} {
		var direct strings.Builder
		if err := New(Options{}).Render(&direct, post.Body{Format: post.Markdown, Text: src}); err != nil {
			t.Fatal(err)
		}
		for _, out := range []string{renderBody(t, r, post.Body{Format: post.Markdown, Text: src}, false), direct.String()} {
			htmltest.AssertInert(t, out, 0)
			if strings.Contains(out, "onerror") && !strings.Contains(out, "raw HTML omitted") {
				t.Errorf("raw HTML kept: %s", out)
			}
		}
	}
}

func TestBodyMarkdownUnsafe(t *testing.T) {
	got := renderBody(t, nil, post.Body{Format: post.Markdown, Text: "<b>bold</b> <span class=x>s</span>\n"}, true)
	if want := "<p><b>bold</b> <span class=x>s</span></p>\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBodyText(t *testing.T) {
	got := renderBody(t, nil, post.Body{Format: post.Text, Text: "a < b & c\nsecond line\n\n\n<script>x</script>\r\n\r\nlast"}, false)
	want := "<p>a &lt; b &amp; c\nsecond line</p>\n<p>&lt;script&gt;x&lt;/script&gt;</p>\n<p>last</p>\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestBodyHTML(t *testing.T) {
	src := "Para one\nline two\n\n<div>Block</div>\n<script>alert(1)</script>\n<a href=\"javascript:alert(1)\" onclick=\"x\">l</a>"
	got := renderBody(t, nil, post.Body{Format: post.HTML, Text: src}, false)
	want := "<p>Para one<br />\nline two</p>\n<div>Block</div>\n<p><br />\n<a>l</a></p>\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	unsafe := renderBody(t, New(Options{UnsafeHTML: true}), post.Body{Format: post.HTML, Text: "<b onclick=x>b</b>"}, true)
	if unsafe != "<p><b onclick=x>b</b></p>\n" {
		t.Errorf("unsafe: %q", unsafe)
	}
}

func TestBodyUnknownFormat(t *testing.T) {
	var b strings.Builder
	err := New(Options{}).Render(&b, post.Body{Format: "rst", Text: "x"})
	if err == nil || !strings.HasPrefix(err.Error(), "markup: ") {
		t.Errorf("err = %v", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// rawRenderer is a plugged-in renderer that copies the body as it is.
type rawRenderer struct{}

func (rawRenderer) Render(w io.Writer, b post.Body) error {
	if b.Text == "fail" {
		return errors.New("failed")
	}
	_, err := io.WriteString(w, b.Text)
	return err
}

func TestBodyHTMLSanitizesPluggedRenderer(t *testing.T) {
	got := renderBody(t, rawRenderer{}, post.Body{Format: "custom", Text: `<p onclick="x">hi<script>alert(1)</script>`}, false)
	if got != "<p>hi</p>" {
		t.Errorf("got %q", got)
	}
	if _, err := BodyHTML(rawRenderer{}, post.Body{Text: "fail"}, false); err == nil {
		t.Error("renderer error lost")
	}
}
