package render

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
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
	p.Taxonomies = map[string][]post.Term{"series": p.Tags[:40]}
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
	for _, want := range []string{"and 1970 more", "and 70 more", "and 10 more"} {
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
