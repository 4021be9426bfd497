package render

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/taxonomy"
)

func TestNewRendererErrors(t *testing.T) {
	if _, err := NewRenderer(&Site{}, nil, PageOptions{}); err == nil {
		t.Error("nil index accepted")
	}
	idx, _ := taxonomy.Build(samplePosts(), taxonomy.Options{})
	bad := []fstest.MapFS{
		{"post.html": {Data: []byte(`{{define "main"}}{{.Nope`)}},
		{"base.html": {Data: []byte(`{{define "other"}}{{end}}`)}},
		{"partials.html": {Data: []byte(`{{if}}`)}},
		{"extra.html": {Data: []byte(`{{end}}`)}},
	}
	for i, fsys := range bad {
		_, err := NewRenderer(&Site{}, idx, PageOptions{Templates: fsys})
		if err == nil || !strings.HasPrefix(err.Error(), "render: ") {
			t.Errorf("%d: err = %v", i, err)
		}
	}
}

// TestPaginationClash builds a site where a post lands on the path of
// the home page's second page.
func TestPaginationClash(t *testing.T) {
	var posts []*post.Post
	for i := range 3 {
		posts = append(posts, &post.Post{Title: fmt.Sprint(i), Slug: fmt.Sprint(i + 1), Date: time.Date(2017, 1, 1+i, 0, 0, 0, 0, time.UTC)})
	}
	idx, _ := taxonomy.Build(posts, taxonomy.Options{})
	_, err := NewRenderer(&Site{PerPage: 1, Permalinks: Permalinks{Post: "/page/:slug/"}}, idx, PageOptions{})
	if !errors.Is(err, ErrPathClash) {
		t.Errorf("err = %v, want ErrPathClash", err)
	}
}

func TestWriteErrors(t *testing.T) {
	r := sampleRenderer(t, sampleSite(), samplePosts())
	checks := []error{
		r.WriteHome(io.Discard, 0),
		r.WriteHome(io.Discard, 99),
		r.WriteTaxonomy(io.Discard, "nope"),
		r.WriteTerm(io.Discard, "tags", "nope", 1),
		r.WriteTerm(io.Discard, "nope", "go", 1),
		r.WriteTerm(io.Discard, "tags", "go", 2),
		r.WriteArchive(io.Discard, 1999, 0, 0, 1),
		r.WritePost(io.Discard, &post.Post{Title: "stranger"}),
	}
	for i, err := range checks {
		if err == nil || !strings.HasPrefix(err.Error(), "render: ") {
			t.Errorf("%d: err = %v", i, err)
		}
	}
}

func TestBodyErrorStopsPage(t *testing.T) {
	posts := []*post.Post{{Title: "Odd", Slug: "odd", Body: post.Body{Format: "rst", Text: "x"}}}
	idx, _ := taxonomy.Build(posts, taxonomy.Options{})
	r, err := NewRenderer(&Site{}, idx, PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WritePost(&b, posts[0]); err == nil || b.Len() != 0 {
		t.Errorf("err = %v, wrote %d bytes", err, b.Len())
	}
}

// TestRootRelativeLinks renders with RelativeURLs off under a base path:
// links are root-relative and carry the base path.
func TestRootRelativeLinks(t *testing.T) {
	site := sampleSite()
	site.RelativeURLs = false
	site.BaseURL = "https://example.com/blog/"
	r := sampleRenderer(t, site, samplePosts())
	var b strings.Builder
	if err := r.WriteTerm(&b, "tags", "go", 1); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		`<link rel="canonical" href="https://example.com/blog/tags/go/">`,
		`<link rel="stylesheet" href="/blog/style.css">`,
		`<a href="/blog/2018/01/long-read/">A Long Read</a>`,
		`<a href="/blog/tags/">All Tags</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestJSONLDScriptBreakout puts a closing script tag in a title and checks
// that it stays inside the JSON string.
func TestJSONLDScriptBreakout(t *testing.T) {
	// A title that is no markup, so it stays as it is (tags of known
	// elements would be removed), yet would end a script element.
	posts := []*post.Post{{Title: `x </script y`, Slug: "x", Date: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)}}
	r := sampleRenderer(t, &Site{BaseURL: "https://example.com/"}, posts)
	var b strings.Builder
	if err := r.WritePost(&b, posts[0]); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if strings.Count(strings.ToLower(page), "<script") != 1 {
		t.Errorf("a second script element appeared:\n%s", page)
	}
	if !strings.Contains(page, `"headline":"x \u003c/script y"`) {
		t.Errorf("headline not escaped as expected:\n%s", page)
	}
}
