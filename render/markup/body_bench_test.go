package markup

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/folio-go/folio/post"
)

// benchBodyText is about 4 KB of prose shaped like a generated blog post:
// paragraphs with emphasis, links, a list and a code span.
func benchBodyText() string {
	var b strings.Builder
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "Paragraph %d talks about *budgets* and [reports](https://example.org/r/%d) at some length, ", i, i)
		b.WriteString("with `code`, **strong words** and plain sentences that carry on for a while. ")
		b.WriteString("Another sentence keeps the paragraph near the length of a real one in a real post.\n\n")
		if i == 3 {
			b.WriteString("- one item\n- another item\n- a [linked](https://example.org/) item\n\n")
		}
	}
	return b.String()
}

func benchmarkBody(b *testing.B, f post.Format, text string) {
	body := New(Options{})
	in := post.Body{Format: f, Text: text}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BodyHTML(body, in, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBodyMarkdown renders a Markdown body with goldmark and
// sanitizes it, as every post page does once.
func BenchmarkBodyMarkdown(b *testing.B) { benchmarkBody(b, post.Markdown, benchBodyText()) }

// BenchmarkBodyHTML runs an HTML body through Autop and Sanitize.
func BenchmarkBodyHTML(b *testing.B) {
	var h strings.Builder
	for _, para := range strings.Split(benchBodyText(), "\n\n") {
		h.WriteString(para + "\n\n")
	}
	benchmarkBody(b, post.HTML, strings.ReplaceAll(h.String(), "*budgets*", "<em>budgets</em>"))
}

// BenchmarkBodyText writes a plain-text body as escaped paragraphs.
func BenchmarkBodyText(b *testing.B) { benchmarkBody(b, post.Text, benchBodyText()) }

// BenchmarkSanitize cleans rendered HTML of about 4 KB.
func BenchmarkSanitize(b *testing.B) {
	h, err := BodyHTML(New(Options{UnsafeHTML: true}), post.Body{Format: post.Markdown, Text: benchBodyText()}, true)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(h)))
	b.ReportAllocs()
	for b.Loop() {
		io.WriteString(io.Discard, Sanitize(string(h)))
	}
}
