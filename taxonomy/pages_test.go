package taxonomy_test

import (
	"path"
	"strconv"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/taxonomy"
	"github.com/google/go-cmp/cmp"
)

// TestBuildPages: pages keep unique slugs but are in no list.
func TestBuildPages(t *testing.T) {
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	about := &post.Post{Title: "About", Slug: "about", Kind: post.KindPage, Date: day, Tags: []post.Term{{Name: "x", Slug: "x"}}}
	a := &post.Post{Title: "A", Slug: "a", Date: day, Tags: []post.Term{{Name: "x", Slug: "x"}}}
	b := &post.Post{Title: "About too", Slug: "about", Date: day.AddDate(0, 0, 1)}
	idx, err := taxonomy.Build([]*post.Post{about, a, b}, taxonomy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]*post.Post{b, a}, idx.Posts()); diff != "" {
		t.Errorf("posts (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]*post.Post{about}, idx.Pages()); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
	if tag := idx.Tags.Get("x"); tag == nil || len(tag.Posts) != 1 || tag.Posts[0] != a {
		t.Errorf("tag x lists %v, want only the post", tag)
	}
	if b.Slug != "about-2" {
		t.Errorf("the post sharing the page's slug has %q, want about-2", b.Slug)
	}
	n := 0
	for y := range idx.Years() {
		n += y.Count()
	}
	if n != 2 {
		t.Errorf("archive counts %d posts, want 2", n)
	}
}

// TestBuildSlugScope: a slug need only be unique within its scope.
func TestBuildSlugScope(t *testing.T) {
	var posts []*post.Post
	for i, y := range []int{2019, 2020, 2020} {
		posts = append(posts, &post.Post{Title: "GC", Slug: "gc-candidates", Date: time.Date(y, 1, i+1, 0, 0, 0, 0, time.UTC)})
	}
	scope := func(p *post.Post) string { return path.Join("/news", strconv.Itoa(p.Date.Year())) }
	if _, err := taxonomy.Build(posts, taxonomy.Options{SlugScope: scope}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range posts {
		got = append(got, p.Slug)
	}
	if diff := cmp.Diff([]string{"gc-candidates", "gc-candidates", "gc-candidates-2"}, got); diff != "" {
		t.Errorf("slugs (-want +got):\n%s", diff)
	}
}
