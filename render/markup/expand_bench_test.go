package markup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-go/folio/post"
)

// benchGoBlogText is benchBodyText with Go blog actions between its
// paragraphs: a {{raw}} code block, images, a missing {{code}} file.
func benchGoBlogText() string {
	paras := strings.Split(benchBodyText(), "\n\n")
	var b strings.Builder
	for i, p := range paras {
		b.WriteString(p + "\n\n")
		switch i % 3 {
		case 0:
			b.WriteString("{{raw `\n\tfor i := range 10 {\n\t\tfmt.Println(i)\n\t}\n`}}\n\n")
		case 1:
			b.WriteString("{{image \"tides/chart.png\" 600}}\n\n")
		case 2:
			b.WriteString("{{code \"tides/main.go\" `/START/` `/END/`}}\n\n")
		}
	}
	return b.String()
}

func benchmarkPostBody(b *testing.B, p *post.Post) {
	r := New(Options{})
	b.SetBytes(int64(len(p.Body.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.PostHTML(p, p.Body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBodyGoBlogExpanded renders a Go blog body with its actions
// expanded, as its page does.
func BenchmarkBodyGoBlogExpanded(b *testing.B) {
	benchmarkPostBody(b, &post.Post{Body: post.Body{Format: post.Markdown, Dialect: post.GoBlog, Text: benchGoBlogText()}})
}

// BenchmarkBodyGoBlogNoActions renders a Go blog body that holds no
// actions: the dialect costs nothing.
func BenchmarkBodyGoBlogNoActions(b *testing.B) {
	benchmarkPostBody(b, &post.Post{Body: post.Body{Format: post.Markdown, Dialect: post.GoBlog, Text: benchBodyText()}})
}

// BenchmarkBodyCorpusGoBlog renders every body of the Go blog corpus,
// when it is there (../shared/corpora/go-blog; skipped otherwise), with
// and without expanding its actions, so that expansion's share of body
// rendering can be read off.
func BenchmarkBodyCorpusGoBlog(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "corpora", "go-blog", "*.md"))
	if len(files) == 0 {
		files, _ = filepath.Glob("/work/shared/corpora/go-blog/*.md")
	}
	if len(files) == 0 {
		b.Skip("no go-blog corpus")
	}
	var posts []*post.Post
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		if _, body, ok := strings.Cut(text, "\n---\n"); ok && strings.HasPrefix(text, "---\n") {
			text = body
		}
		size += len(text)
		posts = append(posts, &post.Post{Body: post.Body{Format: post.Markdown, Dialect: post.GoBlog, Text: text}})
	}
	b.Run("expand-only", func(b *testing.B) {
		opt := ExpandOptions{Handlers: NewHandlers()}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range posts {
				e := Expand(p, p.Body, opt)
				_ = e.Fill(e.Body.Text)
			}
		}
	})
	for _, expand := range []bool{false, true} {
		name := "plain"
		if expand {
			name = "expanded"
		}
		b.Run(name, func(b *testing.B) {
			r := New(Options{})
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range posts {
					body := p.Body
					if !expand {
						body.Dialect = post.NoDialect
					}
					if _, err := r.PostHTML(p, body); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
