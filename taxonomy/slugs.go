package taxonomy

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/folio-go/folio/post"
)

// Rename records a post whose slug Build set: Old is the slug it had (empty
// when it had none), New the one it has now, Path and Line where it was
// read from.
type Rename struct {
	Path string
	Line int
	Old  string
	New  string
}

// uniqueSlugs gives every post a slug no other post has, as DESIGN.md asks:
// an empty slug becomes the title's slug; of the posts sharing a slug the
// oldest keeps it and the others get "-2", "-3", ... in date order
// (undated after dated, ties by source path and line, then input order). A numbered slug that
// another post already has is skipped, so "x", "x", "x-2" gives "x",
// "x-3", "x-2".
func uniqueSlugs(ps []*post.Post) []Rename {
	orig := make(map[*post.Post]string, len(ps))
	for _, p := range ps {
		orig[p] = p.Slug
		if p.Slug == "" {
			p.Slug = post.Slugify(p.Title)
		}
	}
	byDate := slices.Clone(ps)
	slices.SortStableFunc(byDate, oldestFirst)

	taken := make(map[string]bool, len(ps))
	for _, p := range ps {
		taken[p.Slug] = true
	}
	owner := make(map[string]*post.Post, len(ps))
	next := map[string]int{}
	for _, p := range byDate {
		if owner[p.Slug] == nil {
			owner[p.Slug] = p
			continue
		}
		old := p.Slug
		n := max(next[old], 2)
		for taken[old+"-"+strconv.Itoa(n)] {
			n++
		}
		next[old] = n + 1
		p.Slug = old + "-" + strconv.Itoa(n)
		taken[p.Slug] = true
		owner[p.Slug] = p
	}
	var renamed []Rename
	for _, p := range byDate {
		if p.Slug != orig[p] {
			renamed = append(renamed, Rename{Path: p.Source.Path, Line: p.Source.Line, Old: orig[p], New: p.Slug})
		}
	}
	return renamed
}

// oldestFirst orders posts for handing out slugs: dated before undated,
// older before newer, then by source path and line.
func oldestFirst(a, b *post.Post) int {
	az, bz := a.Date.IsZero(), b.Date.IsZero()
	if az != bz {
		if az {
			return 1
		}
		return -1
	}
	return cmp.Or(
		a.Date.Compare(b.Date),
		strings.Compare(a.Source.Path, b.Source.Path),
		cmp.Compare(a.Source.Line, b.Source.Line),
	)
}
