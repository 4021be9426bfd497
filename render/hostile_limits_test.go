package render

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/markup"
	"github.com/folio-go/folio/taxonomy"
)

// TestManyTermsBounded renders a post with 2,000 tags and 100 authors
// (more than the loader keeps, to test the renderer alone): its page and
// every term page that lists it show at most MaxTermLinks of each, with
// "and N more", so that the site grows linearly with its terms.
func TestManyTermsBounded(t *testing.T) {
	p := &post.Post{Title: "Many", Slug: "many", Date: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC),
		Body: post.Body{Format: post.Text, Text: "x"}}
	for i := range 2000 {
		p.Tags = append(p.Tags, post.Term{Name: fmt.Sprintf("tag %d", i), Slug: fmt.Sprintf("tag-%d", i)})
	}
	for i := range 100 {
		p.Authors = append(p.Authors, post.Author{Name: fmt.Sprintf("Author %d", i), Slug: fmt.Sprintf("author-%d", i)})
	}
	p.Taxonomies = map[string][]post.Term{"series": p.Tags[:100]}
	idx, err := taxonomy.Build([]*post.Post{p}, taxonomy.Options{Taxonomies: []string{"series"}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(&Site{Title: "T"}, idx, PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var page strings.Builder
	if err := r.WritePost(&page, p); err != nil {
		t.Fatal(err)
	}
	got := page.String()
	for _, want := range []string{"and 1950 more", "and 50 more"} {
		if !strings.Contains(got, want) {
			t.Errorf("the post page does not say %q", want)
		}
	}
	if n := strings.Count(got, `tags/tag-`); n != MaxTermLinks {
		t.Errorf("the post page links %d tags, want %d", n, MaxTermLinks)
	}
	if len(got) > 64<<10 {
		t.Errorf("the post page is %d bytes", len(got))
	}
	var term strings.Builder
	if err := r.WriteTerm(&term, "tags", "tag-1999", 1); err != nil {
		t.Fatal(err)
	}
	if term.Len() > 32<<10 {
		t.Errorf("a term page is %d bytes; the post's 2,000 tags should not all be on it", term.Len())
	}
}

// countingBody counts the renderings of whole bodies (not summaries).
type countingBody struct {
	mu    sync.Mutex
	whole int
}

func (c *countingBody) Render(w io.Writer, b post.Body) error {
	c.mu.Lock()
	if b.Text == wholeBody {
		c.whole++
	}
	c.mu.Unlock()
	_, err := io.WriteString(w, "<p>"+b.Text+"</p>")
	return err
}

const wholeBody = "Every word of the whole body."

// TestBodyRenderedOnce checks that a body asked for by Body (as the
// site's feeds do) is shared with the post's page: rendered once however
// many times feeds and the page ask.
func TestBodyRenderedOnce(t *testing.T) {
	p := &post.Post{Title: "Once", Slug: "once", Summary: "Short.", Body: post.Body{Format: post.Text, Text: wholeBody}}
	idx, _ := taxonomy.Build([]*post.Post{p}, taxonomy.Options{})
	cb := &countingBody{}
	r, err := NewRenderer(&Site{}, idx, PageOptions{Body: cb})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 { // RSS, Atom, JSON Feed
		if h, err := r.Body(p); err != nil || !strings.Contains(string(h), wholeBody) {
			t.Fatalf("Body = %q, %v", h, err)
		}
	}
	var page strings.Builder
	if err := r.WritePost(&page, p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), wholeBody) {
		t.Error("the page lost its body")
	}
	if cb.whole != 1 {
		t.Errorf("the body was rendered %d times, want 1", cb.whole)
	}
}

// hostileMarkdown are bodies goldmark takes time on that grows with the
// square of their size, each made with n repeats.
var hostileMarkdown = []struct {
	name string
	n    int
	gen  func(n int) string
}{
	{"link openers", 100000, func(n int) string { return strings.Repeat("[a](", n) }},
	{"footnotes", 50000, func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "x[^%d]\n", i)
		}
		b.WriteString("\n")
		for i := range n {
			fmt.Fprintf(&b, "[^%d]: note\n", i)
		}
		return b.String()
	}},
	{"deep list", 2000, func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}},
	{"block quotes", 100000, func(n int) string { return strings.Repeat(">", n) + " x\n" }},
	{"brackets", 200000, func(n int) string { return strings.Repeat("[", n) }},
	{"backtick runs", 900, func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			b.WriteString(strings.Repeat("`", i) + " a ")
		}
		return b.String()
	}},
	{"table columns", 50000, func(n int) string {
		return "|" + strings.Repeat("a|", n) + "\n|" + strings.Repeat("-|", n) + "\n"
	}},
	{"emphasis", 100000, func(n int) string { return strings.Repeat("*a ", n) }},
	{"html openers", 100000, func(n int) string { return strings.Repeat("<a ", n) }},
	{"less than", 10 << 20, func(n int) string { return strings.Repeat("<", n) }},
}

// renderHostile renders a post with body text through a Renderer with
// the default limits, as a build does: its page and its summary.
func renderLimited(t testing.TB, format post.Format, text string) (page string, warned int) {
	p := &post.Post{Title: "Hostile", Slug: "hostile", Date: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC),
		Body: post.Body{Format: format, Text: text}, Source: post.Source{Path: "h.md", Line: 1}}
	idx, _ := taxonomy.Build([]*post.Post{p}, taxonomy.Options{})
	var mu sync.Mutex
	r, err := NewRenderer(&Site{}, idx, PageOptions{Warn: func(post.Warning) { mu.Lock(); warned++; mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WritePost(&b, p); err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Summary(p); err != nil {
		t.Fatal(err)
	}
	return b.String(), warned
}

// TestHostileMarkdown renders each hostile body at the size that once
// took goldmark from 12 s to 126 s: each is past a limit, shown as plain
// text with one warning, quickly.
func TestHostileMarkdown(t *testing.T) {
	for _, h := range hostileMarkdown {
		text := h.gen(h.n)
		start := time.Now()
		page, warned := renderLimited(t, post.Markdown, text)
		d := time.Since(start)
		t.Logf("%s: %d bytes in %v", h.name, len(text), d)
		// Quadratic cost took 12 to 126 s; a loaded machine may take a
		// few seconds for the 10 MB.
		if d > slowdown*10*time.Second {
			t.Errorf("%s: %d bytes took %v", h.name, len(text), d)
		}
		if warned != 1 {
			t.Errorf("%s: %d warnings, want 1", h.name, warned)
		}
		if len(page) > 10*min(len(text), markup.DefaultMaxBytes)+64<<10 {
			t.Errorf("%s: a page of %d bytes for %d bytes of body", h.name, len(page), len(text))
		}
	}
}

// BenchmarkHostileMarkdown renders each hostile body at a quarter, a half
// and all of its size; ns/op in step with the size shows linear time.
func BenchmarkHostileMarkdown(b *testing.B) {
	for _, h := range hostileMarkdown {
		for _, div := range []int{4, 2, 1} {
			text := h.gen(h.n / div)
			b.Run(fmt.Sprintf("%s/%d", h.name, h.n/div), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					renderLimited(b, post.Markdown, text)
				}
			})
		}
	}
}
