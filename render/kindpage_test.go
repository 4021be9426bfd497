package render

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/taxonomy"
)

// TestPagesOfKindPage: a page is written at its own path and is in no
// list of the site.
func TestPagesOfKindPage(t *testing.T) {
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	about := &post.Post{Title: "About the Club", Slug: "about", Kind: post.KindPage, Date: day,
		Tags: []post.Term{{Name: "club", Slug: "club"}}, Body: post.Body{Format: post.HTML, Text: "<p>We sail on Sundays.</p>"}}
	news := &post.Post{Title: "Regatta Results", Slug: "regatta", Date: day,
		Tags: []post.Term{{Name: "club", Slug: "club"}}, Body: post.Body{Format: post.HTML, Text: "<p>Petrel won.</p>"}}
	idx, err := taxonomy.Build([]*post.Post{about, news}, taxonomy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(&Site{Title: "Harbour", RelativeURLs: true}, idx, PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for pg := range r.Pages() {
		var buf bytes.Buffer
		if err := pg.Write(&buf); err != nil {
			t.Fatalf("%s: %v", pg.Path, err)
		}
		files[pg.Path] = buf.String()
	}
	page, ok := files["/about/"]
	if !ok || !strings.Contains(page, "We sail on Sundays.") {
		t.Fatalf("no page at /about/ with its body; paths: %v", keys(files))
	}
	for path, html := range files {
		if path == "/about/" {
			continue
		}
		if strings.Contains(html, "About the Club") {
			t.Errorf("%s lists the page", path)
		}
	}
	if !strings.Contains(files["/"], "Regatta Results") {
		t.Errorf("the home page does not list the post")
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
