package taxonomy

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/folio-go/folio/post"
)

// entry is a post with the keys Build sorts and files it by, read once in
// input order so that sorting 100,000 posts compares compact values
// instead of chasing a pointer per comparison.
type entry struct {
	p     *post.Post
	sec   int64
	nsec  int32
	dated bool
	line  int
	in    int // position among the posts Build kept, for stable ties
	slug  string
	orig  string // the slug the post came with
	scope string // where the slug must be unique (Options.SlugScope)
	path  string
	y, d  int
	m     time.Month
}

func entries(ps []*post.Post, loc *time.Location) []entry {
	es := make([]entry, len(ps))
	for i, p := range ps {
		e := entry{p: p, line: p.Source.Line, in: i, slug: p.Slug, orig: p.Slug, path: p.Source.Path}
		if y, m, d, ok := periodOf(p, loc); ok {
			e.dated, e.y, e.m, e.d = true, y, m, d
			e.sec, e.nsec = p.Date.Unix(), int32(p.Date.Nanosecond())
		}
		es[i] = e
	}
	return es
}

// instant compares the dates of two dated entries.
func instant(a, b *entry) int {
	if a.sec != b.sec {
		return cmp.Compare(a.sec, b.sec)
	}
	return cmp.Compare(a.nsec, b.nsec)
}

// undatedLast puts dated entries first.
func undatedLast(a, b *entry) int {
	switch {
	case a.dated == b.dated:
		return 0
	case a.dated:
		return -1
	}
	return 1
}

// newestFirst is the index's order of posts: dated before undated, newer
// before older, then by slug, source path and line, and last by input
// order, so the order hardly ever depends on the input's.
//
// (cmp.Or would evaluate every comparison; early returns keep the sort
// cheap.)
func newestFirst(a, b entry) int {
	if c := undatedLast(&a, &b); c != 0 {
		return c
	}
	if c := instant(&b, &a); c != 0 {
		return c
	}
	if c := strings.Compare(a.slug, b.slug); c != 0 {
		return c
	}
	return sourceOrder(&a, &b)
}

// sourceOrder breaks ties by source path, line and input order.
func sourceOrder(a, b *entry) int {
	if c := strings.Compare(a.path, b.path); c != 0 {
		return c
	}
	if a.line != b.line {
		return cmp.Compare(a.line, b.line)
	}
	return cmp.Compare(a.in, b.in)
}

// oldestFirst orders posts for handing out slugs: dated before undated,
// older before newer, then by source path and line, and input order.
func oldestFirst(a, b entry) int {
	if c := undatedLast(&a, &b); c != 0 {
		return c
	}
	if c := instant(&a, &b); c != 0 {
		return c
	}
	return sourceOrder(&a, &b)
}

// Rename records a post whose slug Build set: Old is the slug it had (empty
// when it had none), New the one it has now, Path and Line where it was
// read from.
type Rename struct {
	Path string
	Line int
	Old  string
	New  string
}

// uniqueSlugs gives every post a slug no other post of its scope has
// (Options.SlugScope; one scope for all without it): an empty slug becomes
// the title's slug; of the posts sharing a slug the oldest keeps it and
// the others get "-2", "-3", ... in date order (undated after dated, ties
// by source path and line, then input order). A numbered slug that
// another post already has is skipped, so "x", "x", "x-2" gives "x",
// "x-3", "x-2".
//
// Only posts whose slug is shared are sorted, so the usual set with few
// duplicates costs one map of slugs.
func uniqueSlugs(es []entry) ([]Rename, []*post.Post) {
	key := func(scope, slug string) string {
		if scope == "" {
			return slug
		}
		return scope + "\x00" + slug
	}
	count := make(map[string]int, len(es))
	for i := range es {
		e := &es[i]
		if e.slug == "" {
			e.slug = post.Slugify(e.p.Title)
		}
		count[key(e.scope, e.slug)]++
	}
	var dups []*entry
	for i := range es {
		if count[key(es[i].scope, es[i].slug)] > 1 || es[i].slug != es[i].orig {
			dups = append(dups, &es[i])
		}
	}
	slices.SortFunc(dups, func(a, b *entry) int { return oldestFirst(*a, *b) })

	owned := map[string]bool{}
	next := map[string]int{}
	var renamed []Rename
	var posts []*post.Post
	for _, e := range dups {
		if owned[key(e.scope, e.slug)] {
			base := e.slug
			n := max(next[key(e.scope, base)], 2)
			for count[key(e.scope, base+"-"+strconv.Itoa(n))] > 0 {
				n++
			}
			next[key(e.scope, base)] = n + 1
			e.slug = base + "-" + strconv.Itoa(n)
			count[key(e.scope, e.slug)] = 1
		}
		owned[key(e.scope, e.slug)] = true
		if e.slug != e.orig {
			e.p.Slug = e.slug
			renamed = append(renamed, Rename{Path: e.path, Line: e.line, Old: e.orig, New: e.slug})
			posts = append(posts, e.p)
		}
	}
	return renamed, posts
}
