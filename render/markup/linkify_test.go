package markup

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/folio-go/folio/post"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// linkifyAlways renders src the way the Renderer did before it learned to
// skip Linkify: always through it, then Sanitize.
func linkifyAlways(t testing.TB, src string) string {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough, extension.Linkify, extension.Footnote,
		),
		goldmark.WithRendererOptions(gmhtml.WithXHTML(), gmhtml.WithUnsafe()),
	)
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return Sanitize(b.String())
}

var linkifySeeds = []string{
	"plain words only",
	"see http://example.org/x and https://example.org/y",
	"mail me at someone@example.org today",
	"www.example.org is a site",
	"ftp://files.example.org/a",
	"[a link](https://example.org/) with no bare address",
	"*http://example.org/*",
	"_www.example.org_",
	"~~https://example.org~~",
	"(https://example.org)",
	"`http://example.org` in code",
	"    http://example.org in a code block",
	"| a | b |\n|---|---|\n|www.example.org|x@y.org|",
	"- http://example.org\n- www.example.org",
	"> someone@example.org",
	"![http://example.org](https://example.org/i.png)",
	"<a href=\"http://example.org\">raw</a> http://example.org",
	"foo](http://example.org",
	"text[^1]\n\n[^1]: see www.example.org",
	"a@b",
	"x @ y",
	"h&#116;tp://example.org",
	"a hard break    \nafter four spaces",
	"tabs at the end\t\t\nof a line",
	"- a list item    \n  with a break",
	"> quoted \t \n> text",
	"two spaces  \r\nand CRLF",
}

func TestMarkdownSkipsLinkifyOnlyWhenSame(t *testing.T) {
	d := New(Options{})
	for _, src := range linkifySeeds {
		got, err := d.html(post.Body{Format: post.Markdown, Text: src})
		if err != nil {
			t.Fatal(err)
		}
		if want := linkifyAlways(t, src); got != want {
			t.Errorf("%q:\n got %q\nwant %q", src, got, want)
		}
	}
}

func FuzzMarkdownSkipLinkify(f *testing.F) {
	for _, s := range linkifySeeds {
		f.Add(s)
	}
	if files, _ := filepath.Glob("testdata/*/*.md"); len(files) > 0 {
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(string(b))
			}
		}
	}
	d := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		got, err := d.html(post.Body{Format: post.Markdown, Text: src})
		if err != nil {
			t.Fatal(err)
		}
		if want := linkifyAlways(t, src); got != want {
			t.Fatalf("%q:\n got %q\nwant %q", src, got, want)
		}
	})
}

func TestMayLinkify(t *testing.T) {
	tests := []struct {
		h    string
		want bool
	}{
		{"", false},
		{"<p>plain</p>", false},
		{`<p><a href="https://example.org/">a link</a></p>`, false},
		{`<p><a href="https://example.org/">https://example.org/</a></p>`, true},
		{"<p>http: is a scheme</p>", true},
		{"<p>https: too</p>", true},
		{"<p>httpx and https without colons</p>", false},
		{"<p>mail a@b.org</p>", true},
		{`<img alt="x@y.org" src="i.png">`, false},
		{`<img alt="www.example.org" src="i.png"> www.example.org`, true},
		{`<a href="http://a/" title="http://b/ http://c/">text</a> ftp://files/`, true},
		{"www.example.org at the start", true},
		{`<a href="http://unclosed`, false},
	}
	for _, tt := range tests {
		if got := mayLinkify(tt.h); got != tt.want {
			t.Errorf("mayLinkify(%q) = %v, want %v", tt.h, got, tt.want)
		}
	}
}

func TestTrailingBlanks(t *testing.T) {
	tests := map[string]bool{
		"":                false,
		"a b":             false,
		"a \nb":           false,
		"a":               false,
		"a  \nb":          true,
		"a\t\nb":          true,
		"a \r\nb":         false,
		"a  \r\nb":        true,
		"a\nb    ":        true,
		"a\n\n    code\n": false,
		"a\r \nb":         true,
		"a\f\nb":          true,
	}
	for src, want := range tests {
		if got := trailingBlanks(src); got != want {
			t.Errorf("trailingBlanks(%q) = %v, want %v", src, got, want)
		}
	}
}
