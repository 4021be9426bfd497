package render

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/taxonomy"
)

// countingWriter counts bytes, so benchmarks report MB/s of HTML.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkPostPage renders one post page of the sample site: body, data,
// links and template. (The body is rendered for each page, not cached;
// the summaries and word counts lists use are.)
func BenchmarkPostPage(b *testing.B) {
	r := sampleRenderer(b, sampleSite(), samplePosts())
	var pg Page
	for p := range r.Pages() {
		if p.Kind == KindPost && p.Post.Slug == "hello-world" {
			pg = p
		}
	}
	var cw countingWriter
	if err := pg.Write(&cw); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(cw.n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := pg.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPostPageCold renders one post page including its body, with a
// fresh Renderer each time (the body cache empty).
func BenchmarkPostPageCold(b *testing.B) {
	posts := samplePosts()
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := NewRenderer(sampleSite(), idx, PageOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.WritePost(io.Discard, posts[0]); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSite renders every page of the site made of posts, from a fresh
// Renderer each iteration (NewRenderer's checks and body rendering
// included), and reports pages per second.
func benchSite(b *testing.B, posts []*post.Post) {
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		b.Fatal(err)
	}
	pages := 0
	var bytes int64
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		r, err := NewRenderer(sampleSite(), idx, PageOptions{})
		if err != nil {
			b.Fatal(err)
		}
		var cw countingWriter
		pages = 0
		for pg := range r.Pages() {
			if err := pg.Write(&cw); err != nil {
				b.Fatal(err)
			}
			pages++
		}
		bytes = cw.n
	}
	b.SetBytes(bytes)
	b.ReportMetric(float64(pages), "pages/op")
	b.ReportMetric(float64(pages)*float64(b.N)/time.Since(start).Seconds(), "pages/s")
}

// BenchmarkSite renders the whole sample site.
func BenchmarkSite(b *testing.B) { benchSite(b, samplePosts()) }

// BenchmarkSite1000 renders a generated site of 1,000 posts (Markdown,
// HTML and text bodies, 20 tags, 8 categories, 5 authors, 4 years).
func BenchmarkSite1000(b *testing.B) { benchSite(b, generatedPosts(1000)) }

func generatedPosts(n int) []*post.Post {
	var para strings.Builder
	for i := 0; i < 8; i++ {
		para.WriteString("A sentence of generated text with *some* emphasis and a [link](https://example.com/). ")
	}
	formats := []post.Format{post.Markdown, post.HTML, post.Text}
	posts := make([]*post.Post, n)
	for i := range posts {
		f := formats[i%3]
		text := para.String() + "\n\n" + para.String() + "\n\nLast paragraph.\n"
		posts[i] = &post.Post{
			Title:      fmt.Sprintf("Generated post %d", i),
			Slug:       fmt.Sprintf("post-%d", i),
			Status:     post.Published,
			Date:       time.Date(2020+i%4, time.Month(1+i%12), 1+i%28, 12, 0, 0, 0, time.UTC),
			Authors:    []post.Author{{Name: fmt.Sprintf("Author %d", i%5)}},
			Categories: []post.Term{{Name: fmt.Sprintf("Category %d", i%8)}},
			Tags:       []post.Term{{Name: fmt.Sprintf("Tag %d", i%20)}, {Name: fmt.Sprintf("Tag %d", (i*7)%20)}},
			Body:       post.Body{Format: f, Text: text},
		}
	}
	return posts
}
