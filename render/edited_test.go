package render

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

// TestEditedPostPage edits each post of the sample in several ways: an
// edit that keeps the post's place gives, from the old Renderer, the page
// a new index and Renderer give; one that may move it is refused.
func TestEditedPostPage(t *testing.T) {
	site := sampleSite()
	edits := []struct {
		name  string
		edit  func(*post.Post)
		place bool // whether the post keeps its place
	}{
		{"body", func(p *post.Post) { p.Body.Text += "\n\nOne more line, with *emphasis*." }, true},
		{"summary", func(p *post.Post) { p.Summary = "Said again, shorter." }, true},
		{"protected", func(p *post.Post) { p.Protected = !p.Protected }, true},
		{"tag added", func(p *post.Post) { p.Tags = append(p.Tags, post.Term{Name: "Added"}) }, false},
		{"date moved", func(p *post.Post) { p.Date = p.Date.Add(-400 * 24 * time.Hour) }, false},
		{"author", func(p *post.Post) { p.Authors = append(p.Authors, post.Author{Name: "New Hand"}) }, false},
		{"slug", func(p *post.Post) { p.Slug = "moved-elsewhere" }, false},
	}
	checked := 0
	for i := range samplePosts() {
		for _, e := range edits {
			before := samplePosts()
			old := sampleRenderer(t, site, before) // sets the slugs of before
			if _, ok := old.PostPage(before[i]); !ok {
				continue // not in the index (a draft)
			}
			after := samplePosts()
			e.edit(after[i])
			edited := *after[i]
			pg, ok := old.EditedPostPage(before[i], after[i])
			if !reflect.DeepEqual(edited, *after[i]) {
				t.Errorf("post %d, %s: EditedPostPage changed the edited post", i, e.name)
			}
			if ok != e.place {
				t.Errorf("post %d, %s: EditedPostPage ok = %v, want %v", i, e.name, ok, e.place)
				continue
			}
			if !ok {
				continue
			}
			nr := sampleRenderer(t, site, after)
			want, ok := nr.PostPage(after[i])
			if !ok {
				t.Fatalf("post %d, %s: not in the new index", i, e.name)
			}
			if pg.File() != want.File() {
				t.Errorf("post %d, %s: file %s, want %s", i, e.name, pg.File(), want.File())
			}
			var got, exp bytes.Buffer
			if err := pg.Write(&got); err != nil {
				t.Fatal(err)
			}
			if err := want.Write(&exp); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(exp.String(), got.String()); diff != "" {
				t.Errorf("post %d, %s: page (-new Renderer +EditedPostPage):\n%s", i, e.name, diff)
			}
			checked++
		}
	}
	if checked < 6 {
		t.Errorf("only %d edits compared", checked)
	}

	// A title edit keeps the place of a post whose slug is its own, and
	// moves one whose slug comes from its title.
	before := samplePosts()
	old := sampleRenderer(t, site, before)
	for i, p := range samplePosts() {
		if _, ok := old.PostPage(before[i]); !ok {
			continue
		}
		p.Title += " revised"
		if _, ok := old.EditedPostPage(before[i], p); ok != (p.Slug != "") {
			t.Errorf("post %d (slug %q): title edit ok = %v", i, p.Slug, ok)
		}
	}
	if _, ok := old.EditedPostPage(&post.Post{Title: "Not indexed"}, before[0]); ok {
		t.Error("EditedPostPage accepted a post the index does not hold")
	}
}
