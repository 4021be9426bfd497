package taxonomy_test

import (
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/taxonomy"
)

// TestUndoRenames: posts kept between builds get the slugs a first Build
// would give them once the post that held their slug is gone.
func TestUndoRenames(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	older := &post.Post{Title: "Old", Slug: "x", Date: day(1), Source: post.Source{Path: "old.md"}}
	newer := &post.Post{Title: "New", Slug: "x", Date: day(2), Source: post.Source{Path: "new.md"}}
	idx, _ := taxonomy.Build([]*post.Post{older, newer}, taxonomy.Options{})
	if newer.Slug != "x-2" {
		t.Fatalf("the newer post's slug = %q, want x-2", newer.Slug)
	}
	// Without undoing, the kept post would stay x-2 after the other goes.
	idx.UndoRenames()
	if newer.Slug != "x" || older.Slug != "x" {
		t.Fatalf("after UndoRenames: %q, %q; want x, x", older.Slug, newer.Slug)
	}
	idx2, _ := taxonomy.Build([]*post.Post{newer}, taxonomy.Options{})
	if newer.Slug != "x" || len(idx2.Renamed()) != 0 {
		t.Errorf("rebuilt without the older post: slug %q, renamed %v", newer.Slug, idx2.Renamed())
	}
	idx.UndoRenames() // twice, and after another Build: changes nothing
	if newer.Slug != "x" {
		t.Errorf("a second UndoRenames changed the slug to %q", newer.Slug)
	}
}
