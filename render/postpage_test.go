package render

import (
	"bytes"
	"testing"

	"github.com/folio-go/folio/post"
)

// TestPostPageMatchesPages checks that PostPage gives, for every post, the
// page Pages lists for it, writing the same bytes.
func TestPostPageMatchesPages(t *testing.T) {
	r := sampleRenderer(t, sampleSite(), samplePosts())
	n := 0
	for pg := range r.Pages() {
		if pg.Kind != KindPost {
			continue
		}
		n++
		got, ok := r.PostPage(pg.Post)
		if !ok || got.Path != pg.Path || got.Kind != KindPost || got.Post != pg.Post {
			t.Errorf("PostPage(%q) = %+v, %v; Pages has %+v", pg.Post.Title, got, ok, pg)
			continue
		}
		var a, b bytes.Buffer
		if err := pg.Write(&a); err != nil {
			t.Fatal(err)
		}
		if err := got.Write(&b); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("PostPage(%q) writes other bytes than Pages' page", pg.Post.Title)
		}
	}
	if n == 0 {
		t.Fatal("the sample has no post pages")
	}
	if _, ok := r.PostPage(&post.Post{Title: "Not here"}); ok {
		t.Error("PostPage of a post outside the index: ok")
	}
	if _, ok := r.PostPage(nil); ok {
		t.Error("PostPage(nil): ok")
	}
}
