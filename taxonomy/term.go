package taxonomy

import (
	"iter"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/folio-go/folio/post"
)

// Term is one category, tag, author or custom taxonomy term with the posts
// filed under it. Build makes it; callers must not modify it.
type Term struct {
	// Taxonomy is the name of the taxonomy the term belongs to.
	Taxonomy string
	// Name is the term's most used spelling; see Spellings.
	Name string
	// Slug identifies the term: two terms with the same slug are one.
	Slug string
	// Parent is the parent term in a hierarchical taxonomy; nil for a
	// top-level term.
	Parent *Term
	// Children are the terms whose parent this is, ordered by name.
	Children []*Term
	// Posts are the posts filed directly under the term, in the index's
	// order: newest first, undated last. A post listing the term twice
	// appears once. Only a term added from Options.Terms as the ancestor
	// of another has none.
	Posts []*post.Post
	// Spellings are every name the term was written as, with how many times
	// each was used, most used first (ties by name). More than one means
	// the index merged them; see Index.Merges.
	Spellings []Spelling

	key   string             // lower-case name, for ordering by name
	first int                // rank of Posts[0]
	ranks []int              // rank of each of Posts, ascending
	rank  map[*post.Post]int // the index's ranks, shared
	all   []*post.Post       // Posts plus every descendant's, in index order
}

// Spelling is one way a term's name was written and how many times it was.
type Spelling struct {
	Name  string
	Count int
}

// Merge reports a slug under which terms with different names were merged,
// so that a site owner can make the spelling consistent.
type Merge struct {
	Taxonomy string
	Slug     string
	// Names are the spellings merged, most used first; Names[0] is the
	// name the term kept.
	Names []Spelling
}

// Count is the number of posts filed directly under the term.
func (t *Term) Count() int { return len(t.Posts) }

// AllPosts returns the posts filed under the term or any of its
// descendants, each once, in the index's order (newest first, undated
// last). For a term without children it is Posts.
func (t *Term) AllPosts() []*post.Post { return t.all }

// CountAll is the number of posts filed under the term or any of its
// descendants, each counted once.
func (t *Term) CountAll() int { return len(t.all) }

// Latest returns the date of the term's newest post; the zero time when
// all its posts are undated or it has none (a declared ancestor).
func (t *Term) Latest() time.Time {
	if len(t.Posts) == 0 {
		return time.Time{}
	}
	return t.Posts[0].Date
}

// Ancestors returns the term's parent, its parent's parent and so on up to
// a top-level term; empty for a top-level term. Build breaks every cycle,
// so this always ends.
func (t *Term) Ancestors() []*Term {
	var out []*Term
	for a := t.Parent; a != nil; a = a.Parent {
		out = append(out, a)
	}
	return out
}

// Descendants returns every term below t, depth first, children by name.
func (t *Term) Descendants() []*Term {
	var out []*Term
	for _, d := range t.walk(0) {
		out = append(out, d)
	}
	return out[1:]
}

// walk yields t and everything below it, depth first, with its depth
// relative to t (t itself at depth).
func (t *Term) walk(depth int) iter.Seq2[int, *Term] {
	return func(yield func(int, *Term) bool) {
		t.visit(depth, yield)
	}
}

func (t *Term) visit(depth int, yield func(int, *Term) bool) bool {
	if !yield(depth, t) {
		return false
	}
	for _, c := range t.Children {
		if !c.visit(depth+1, yield) {
			return false
		}
	}
	return true
}

// Newer returns the post filed directly under t that comes just before p
// in the index's order, or nil when there is none or p is not under t.
func (t *Term) Newer(p *post.Post) *post.Post {
	i, ok := t.find(p)
	if !ok || i == 0 {
		return nil
	}
	return t.Posts[i-1]
}

// Older returns the post filed directly under t that comes just after p in
// the index's order, or nil when there is none or p is not under t.
func (t *Term) Older(p *post.Post) *post.Post {
	i, ok := t.find(p)
	if !ok || i == len(t.Posts)-1 {
		return nil
	}
	return t.Posts[i+1]
}

func (t *Term) find(p *post.Post) (int, bool) {
	r, ok := t.rank[p]
	if !ok {
		return 0, false
	}
	return slices.BinarySearch(t.ranks, r)
}

// Taxonomy is one grouping of posts (categories, tags, authors or a custom
// one) and its terms. Build makes it; it is safe for concurrent use.
type Taxonomy struct {
	Name string

	bySlug   map[string]*Term
	slugs    []*Term // ordered by slug
	byName   []*Term
	byCount  []*Term
	byLatest []*Term
	roots    []*Term
}

// Get returns the term with the given slug, or nil when there is none.
func (tx *Taxonomy) Get(slug string) *Term { return tx.bySlug[slug] }

// Len is the number of terms.
func (tx *Taxonomy) Len() int { return len(tx.byName) }

// ByName returns every term ordered by name, ignoring case (ties by exact
// name, then slug).
func (tx *Taxonomy) ByName() []*Term { return tx.byName }

// ByCount returns every term with the most posts first (ties by name as in
// ByName). It counts the posts filed directly under each term.
func (tx *Taxonomy) ByCount() []*Term { return tx.byCount }

// ByLatest returns every term ordered by its newest post, newest first;
// terms whose posts are all undated come next, then terms without posts
// (ties by name as in ByName).
func (tx *Taxonomy) ByLatest() []*Term { return tx.byLatest }

// Roots returns the top-level terms ordered by name; for a taxonomy without
// parents that is every term.
func (tx *Taxonomy) Roots() []*Term { return tx.roots }

// All yields every term in the order of ByName.
func (tx *Taxonomy) All() iter.Seq[*Term] { return slices.Values(tx.byName) }

// Tree yields every term with its depth (0 for a top-level term), depth
// first: top-level terms by name, each followed by its children by name.
func (tx *Taxonomy) Tree() iter.Seq2[int, *Term] {
	return func(yield func(int, *Term) bool) {
		for _, r := range tx.roots {
			if !r.visit(0, yield) {
				return
			}
		}
	}
}

// Terms yields every taxonomy's name with each of its terms: taxonomies in
// the order of Taxonomies, terms by name.
func (idx *Index) Terms() iter.Seq2[string, *Term] {
	return func(yield func(string, *Term) bool) {
		for _, name := range idx.names {
			for _, t := range idx.Taxonomy(name).byName {
				if !yield(name, t) {
					return
				}
			}
		}
	}
}

// byNameOrder orders terms by lower-case name, then name, then slug.
func byNameOrder(a, b *Term) int {
	if c := strings.Compare(a.key, b.key); c != 0 {
		return c
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}

// pending collects one taxonomy's terms while Build reads the posts.
type pending struct {
	name  string
	terms map[string]*draft
}

type draft struct {
	slug string
	// names counts spellings; a term nearly always has one or two, so a
	// short slice beats hashing each name, with a map past manyNames.
	names     []Spelling
	moreNames map[string]int
	parents   map[string]int
	ranks     []int
}

const manyNames = 8

func (d *draft) addName(name string) {
	for i := range d.names {
		if d.names[i].Name == name {
			d.names[i].Count++
			return
		}
	}
	if len(d.names) < manyNames {
		d.names = append(d.names, Spelling{Name: name, Count: 1})
		return
	}
	if d.moreNames == nil {
		d.moreNames = map[string]int{}
	}
	d.moreNames[name]++
}

func newPending(name string) *pending {
	return &pending{name: name, terms: map[string]*draft{}}
}

// add files the post of rank r under term; finish sorts the ranks and
// drops repeats.
func (pd *pending) add(r int, slug, name, parent string) {
	d := pd.terms[slug]
	if d == nil {
		d = &draft{slug: slug}
		pd.terms[slug] = d
	}
	if name != "" {
		d.addName(name)
	}
	if parent != "" {
		if d.parents == nil {
			d.parents = map[string]int{}
		}
		d.parents[parent]++
	}
	d.ranks = append(d.ranks, r)
}

// spellings returns the draft's names by count, most used first, ties by
// name.
func (d *draft) spellings() []Spelling {
	out := slices.Clone(d.names)
	for n, c := range d.moreNames {
		out = append(out, Spelling{Name: n, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}
