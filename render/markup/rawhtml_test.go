package markup

import (
	"testing"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

// TestMarkdownRawHTMLKeptSanitized checks that raw HTML in a Markdown
// body reaches the page as the post's old site showed it (figures,
// anchors to link to), with what could run taken out.
func TestMarkdownRawHTMLKeptSanitized(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"figure block",
			"Before.\n\n<figure><img src=\"kiln.png\" alt=\"The kiln\"><figcaption>Our kiln</figcaption></figure>\n\nAfter.",
			"<p>Before.</p>\n<figure><img src=\"kiln.png\" alt=\"The kiln\" /><figcaption>Our kiln</figcaption></figure>\n<p>After.</p>\n"},
		{"anchor target",
			"<p id=\"glaze\">Glazes come last.</p>\n\nSee [glazes](#glaze).",
			"<p id=\"glaze\">Glazes come last.</p>\n<p>See <a href=\"#glaze\">glazes</a>.</p>\n"},
		{"inline handler dropped",
			"A <img src=\"x.png\" onerror=\"steal()\"> picture.",
			"<p>A <img src=\"x.png\" /> picture.</p>\n"},
		{"script dropped",
			"Text.\n\n<script>steal()</script>\n\nMore.",
			"<p>Text.</p>\n\n<p>More.</p>\n"},
	}
	d := New(Options{NoHighlight: true})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := d.HTML(post.Body{Format: post.Markdown, Text: tt.src})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestDetailsKept checks that a disclosure block (Hugo's details
// shortcode, or raw <details> in a post) keeps its folding.
func TestDetailsKept(t *testing.T) {
	got := Sanitize(`<p>Intro<details open onclick="x()"><summary>More</summary><p>Hidden</p></details>`)
	want := `<p>Intro</p><details open><summary>More</summary><p>Hidden</p></details>`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
