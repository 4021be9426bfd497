package render

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/taxonomy"
)

// clonePosts copies posts, as a reload makes new values for edited files.
func clonePosts(posts []*post.Post) []*post.Post {
	out := make([]*post.Post, len(posts))
	for i, p := range posts {
		q := *p
		out[i] = &q
	}
	return out
}

// checkDiff renders old and new in full and checks that Diff's pages
// cover every file that differs, and its removals every file that went.
func checkDiff(t *testing.T, what string, old, new *Renderer) Changes {
	t.Helper()
	ch := Diff(old, new)
	before, after := renderAll(t, old), renderAll(t, new)
	write := map[string]bool{}
	for _, pg := range ch.Write {
		write[pg.File()] = true
	}
	for f, data := range after {
		if !write[f] && !bytes.Equal(before[f], data) {
			t.Errorf("%s: %s changed but Diff does not write it", what, f)
		}
	}
	var gone []string
	for f := range before {
		if _, ok := after[f]; !ok {
			gone = append(gone, f)
		}
	}
	slices.Sort(gone)
	if !slices.Equal(gone, ch.Remove) {
		t.Errorf("%s: Remove = %v, want %v", what, ch.Remove, gone)
	}
	return ch
}

func TestDiff(t *testing.T) {
	site := sampleSite()
	posts := samplePosts()
	old := sampleRenderer(t, site, posts)

	same := sampleRenderer(t, site, posts)
	if ch := checkDiff(t, "no change", old, same); len(ch.Write) != 0 || len(ch.Remove) != 0 {
		t.Errorf("no change: Diff writes %d pages and removes %v", len(ch.Write), ch.Remove)
	}
	// The same posts, copied as a reload copies them: still nothing.
	if ch := checkDiff(t, "copied", old, sampleRenderer(t, site, clonePosts(posts))); len(ch.Write) != 0 {
		t.Errorf("copied posts: Diff writes %d pages", len(ch.Write))
	}

	// A body edit writes the post's page and the lists that show it, not
	// every page.
	edited := clonePosts(posts)
	edited[0].Body.Text += "\n\nOne more line."
	ch := checkDiff(t, "body edit", old, sampleRenderer(t, site, edited))
	if len(ch.Write) == 0 || len(ch.Write) >= len(old.pages)/2 {
		t.Errorf("body edit: Diff writes %d of %d pages", len(ch.Write), len(old.pages))
	}

	// Random edits of every kind: Diff always covers what changed.
	r := rand.New(rand.NewPCG(3, 4))
	cur := posts
	prev := old
	for step := range 60 {
		next := clonePosts(cur)
		p := next[r.IntN(len(next))]
		switch r.IntN(6) {
		case 0:
			p.Title += " again"
		case 1:
			p.Tags = append(p.Tags, post.Term{Name: "Added"})
		case 2:
			p.Date = p.Date.Add(time.Duration(r.IntN(800)-400) * time.Hour)
		case 3:
			p.Summary = "A summary of step."
		case 4:
			if len(next) > 2 {
				i := slices.Index(next, p)
				next = slices.Delete(next, i, i+1)
			}
		case 5:
			q := *p
			q.Slug, q.Source.Path = "", q.Source.Path+"-copy"
			next = append(next, &q)
		}
		idx, _ := taxonomy.Build(next, taxonomy.Options{}) // a lost parent is repaired
		nr, err := NewRenderer(site, idx, PageOptions{})
		if err != nil {
			t.Fatal(err)
		}
		checkDiff(t, "random step", prev, nr)
		if t.Failed() {
			t.Fatalf("failed at step %d", step)
		}
		prev, cur = nr, next
	}
}

// TestDiffNil writes everything when there is nothing to compare with.
func TestDiffNil(t *testing.T) {
	r := sampleRenderer(t, sampleSite(), samplePosts())
	if ch := Diff(nil, r); len(ch.Write) != len(r.pages) {
		t.Errorf("Diff(nil, r) writes %d of %d pages", len(ch.Write), len(r.pages))
	}
}
