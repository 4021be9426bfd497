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

// benchCodeBodyText is a code-heavy Markdown body of about 4 KB: short
// paragraphs between fenced Go, shell and YAML blocks, two of them the
// same, as a tutorial post has.
func benchCodeBodyText() string {
	var b strings.Builder
	goBlock := "```go\npackage main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n// Config is read from the environment.\ntype Config struct {\n\tAddr string\n\tDebug bool\n}\n\nfunc main() {\n\tcfg := Config{Addr: os.Getenv(\"ADDR\")}\n\tif cfg.Addr == \"\" {\n\t\tcfg.Addr = \":8080\"\n\t}\n\tfmt.Printf(\"listening on %s\\n\", cfg.Addr)\n}\n```\n\n"
	shBlock := "```sh\n$ go build -o app ./cmd/app\n$ ADDR=:9090 ./app --verbose 2>&1 | tee log.txt\nfor f in *.go; do gofmt -l \"$f\"; done\n```\n\n"
	yamlBlock := "```yaml {hl_lines=[2]}\nserver:\n  addr: \":8080\"\n  timeouts: {read: 5s, write: 10s}\nfeatures:\n  - search\n  - feeds\n```\n\n"
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "Step %d sets up the *service* with [a config](https://example.org/c/%d) and `go build`.\n\n", i, i)
		b.WriteString(goBlock)
		b.WriteString("Then run it from a shell:\n\n")
		b.WriteString(shBlock)
		b.WriteString(yamlBlock)
	}
	return b.String()
}

// BenchmarkBodyMarkdownCode renders a code-heavy Markdown body.
func BenchmarkBodyMarkdownCode(b *testing.B) { benchmarkBody(b, post.Markdown, benchCodeBodyText()) }
