package taxonomy

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/folio-go/folio/post"
)

// The names of the taxonomies every Index has.
const (
	Categories = "categories"
	Tags       = "tags"
	Authors    = "authors"
)

// Sentinel errors that Build's errors wrap; match them with errors.Is.
var (
	ErrNilPost        = errors.New("nil post")                     // a nil entry in the posts given to Build
	ErrDuplicatePost  = errors.New("post given more than once")    // the same *post.Post twice
	ErrEmptyTerm      = errors.New("term with no name or slug")    // a term nothing can identify
	ErrMissingParent  = errors.New("missing parent")               // a parent slug no term has
	ErrCycle          = errors.New("cycle of parents")             // a term that is its own ancestor
	ErrParentConflict = errors.New("conflicting parents for term") // one term filed under two parents
)

// Options tune Build. The zero value works: archives by each post's own
// zone, every custom taxonomy indexed, DefaultWeights for related posts.
type Options struct {
	// Location, when not nil, is the zone whose calendar places posts in
	// years, months and days. Nil places each post by its date as written,
	// in its own zone (a post dated 2017-03-31T23:30:00-05:00 is in March
	// even though that instant is April in UTC).
	Location *time.Location

	// Taxonomies lists the custom taxonomies (keys of post.Post.Taxonomies)
	// to index; each one listed is in the index, even with no terms. Nil
	// indexes every one present. Terms of a custom taxonomy named like a
	// built-in one ("categories", "tags", "authors") join the built-in
	// taxonomy rather than being dropped.
	Taxonomies []string

	// Terms declares terms by taxonomy name, as a WordPress export declares
	// its categories. A declared term gives its parent to a term that no
	// post gives one, and a declared ancestor of a term with posts joins
	// the index with no posts of its own, so a hierarchy whose upper
	// levels have no posts is still whole. Declared terms no ancestor
	// chain reaches are left out. Nil declares none.
	Terms map[string][]post.Term

	// Weights is how much a shared term of each taxonomy counts when
	// ranking related posts. Nil means DefaultWeights; a taxonomy missing
	// from a non-nil map, or weighted 0 or less, does not count.
	Weights map[string]float64

	// MaxFanout caps how many posts of one term Related looks at: for a term
	// with more posts, only the MaxFanout posts nearest in date to the post
	// asked about are scanned, so a catch-all term such as "Uncategorized"
	// on a site of 100,000 posts does not make every call scan them all.
	// 0 or less means DefaultMaxFanout.
	MaxFanout int

	// SlugScope, when set, says where a post's slug must be unique: two
	// posts clash only when their slugs are equal and SlugScope gives them
	// the same scope. Give it the post's output path with the slug left
	// out, and two posts with one slug in different folders (two
	// gc-candidates.md in different years) keep their slugs. Nil makes
	// every slug unique across all the posts.
	SlugScope func(*post.Post) string
}

// DefaultWeights is the weighting of shared terms that Related uses when
// Options.Weights is nil: a shared tag counts 1, a shared category 0.5;
// authors and custom taxonomies do not count.
func DefaultWeights() map[string]float64 {
	return map[string]float64{Tags: 1, Categories: 0.5}
}

// DefaultMaxFanout is the per-term scan limit of Related when
// Options.MaxFanout is 0 or less.
const DefaultMaxFanout = 2000

// Index groups a set of posts by taxonomy term and by date. Build makes it;
// afterwards it is never changed, so every method is safe for concurrent
// use. Slices it returns are shared: callers must not modify them.
type Index struct {
	// Categories, Tags and Authors are the built-in taxonomies; never nil.
	Categories *Taxonomy
	Tags       *Taxonomy
	Authors    *Taxonomy

	posts   []*post.Post       // date order: newest first, undated last
	rank    map[*post.Post]int // position in posts
	custom  map[string]*Taxonomy
	names   []string // every taxonomy name, built-ins first then custom sorted
	years   []*Period
	months  []*Period
	days    []*Period
	byKey   map[int]*Period // year*10000 + month*100 + day
	undated []*post.Post
	merges  []Merge
	renamed []Rename
	weights map[string]float64
	fanout  int
	pages   []*post.Post
	// renamedPosts are the posts of renamed, in its order, for UndoRenames.
	renamedPosts []*post.Post
	// postTerms are the terms each post is filed under, by rank, in the
	// order of names and then by slug.
	postTerms [][]*Term
	scores    sync.Pool // of *scoreBuf, for Related
}

// Build indexes posts. It sets the Slug of any post whose slug is empty or
// taken by another post (see Rename) — that is the one change it makes to
// the posts — and reports each change in Index.Renamed. Pages
// (post.KindPage) are kept apart, in Pages. Drafts and other
// unpublished posts are indexed like any other; filter them out first if
// they should not appear.
//
// Bad input never stops Build: a nil or repeated post, a term with neither
// name nor slug, a missing parent, a cycle of parents or a term filed under
// two parents is reported in the returned error (errors.Join of one error
// per problem, each wrapping one of the Err... sentinels and naming the
// taxonomy and slugs involved), and the returned index is still complete
// and usable: nil and repeated posts are skipped, empty terms dropped, a
// term with a missing parent becomes top-level, the term of a cycle with the
// smallest slug becomes top-level, and a conflicting term keeps its most
// used parent.
func Build(posts []*post.Post, opt Options) (*Index, error) {
	var errs []error
	ps := uniquePosts(posts, &errs)

	idx := &Index{
		custom:  map[string]*Taxonomy{},
		rank:    make(map[*post.Post]int, len(ps)),
		weights: maps.Clone(opt.Weights), // the caller may change theirs later
		fanout:  opt.MaxFanout,
	}
	idx.scores.New = func() any { return new(scoreBuf) }
	if idx.weights == nil {
		idx.weights = DefaultWeights()
	}
	if idx.fanout <= 0 {
		idx.fanout = DefaultMaxFanout
	}
	all := entries(ps, opt.Location)
	if opt.SlugScope != nil {
		for i := range all {
			all[i].scope = opt.SlugScope(all[i].p)
		}
	}
	idx.renamed, idx.renamedPosts = uniqueSlugs(all)
	// Pages share the slugs' namespace but none of the lists.
	es := all[:0:0]
	for _, e := range all {
		if e.p.Kind == post.KindPage {
			idx.pages = append(idx.pages, e.p)
			continue
		}
		e.in = len(es)
		es = append(es, e)
	}
	ps = slices.DeleteFunc(slices.Clone(ps), func(p *post.Post) bool { return p.Kind == post.KindPage })
	slices.SortFunc(es, newestFirst)

	idx.posts = make([]*post.Post, len(es))
	rankOf := make([]int, len(es)) // by position in ps
	for r, e := range es {
		idx.posts[r] = e.p
		idx.rank[e.p] = r
		rankOf[e.in] = r
	}

	slugs := map[string]string{} // name -> slug, so each distinct name is slugified once
	idx.buildTaxonomies(ps, rankOf, opt, slugs, &errs)
	idx.buildArchive(es)
	return idx, errors.Join(errs...)
}

// uniquePosts drops nil and repeated posts, reporting each.
func uniquePosts(posts []*post.Post, errs *[]error) []*post.Post {
	seen := make(map[*post.Post]bool, len(posts))
	out := make([]*post.Post, 0, len(posts))
	for i, p := range posts {
		switch {
		case p == nil:
			*errs = append(*errs, fmt.Errorf("taxonomy: post %d: %w", i, ErrNilPost))
		case seen[p]:
			*errs = append(*errs, fmt.Errorf("taxonomy: post %d (%s): %w", i, where(p), ErrDuplicatePost))
		default:
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// where names a post in an error: its source path and line, else its slug.
func where(p *post.Post) string {
	switch {
	case p.Source.Path != "" && p.Source.Line > 0:
		return fmt.Sprintf("%s:%d", p.Source.Path, p.Source.Line)
	case p.Source.Path != "":
		return p.Source.Path
	case p.Slug != "":
		return "slug " + p.Slug
	}
	return "title " + fmt.Sprintf("%q", p.Title)
}

// Len is the number of posts indexed.
func (idx *Index) Len() int { return len(idx.posts) }

// Posts returns every indexed post, newest first, undated last (ties by
// slug, then source path and line).
func (idx *Index) Posts() []*post.Post { return idx.posts }

// Pages returns the posts of post.KindPage, in the order they were given
// to Build. They have unique slugs like every post, but are in none of
// the index's lists: not in Posts, terms, archives, newer and older
// links or related posts.
func (idx *Index) Pages() []*post.Post { return idx.pages }

// All yields every indexed post in the order of Posts.
func (idx *Index) All() iter.Seq[*post.Post] { return slices.Values(idx.posts) }

// Newer returns the post just before p in the order of Posts (the next
// newer one), or nil when p is the newest or not indexed. Undated posts
// come after every dated one, so an undated post's newer post may be dated.
func (idx *Index) Newer(p *post.Post) *post.Post {
	i, ok := idx.rank[p]
	if !ok || i == 0 {
		return nil
	}
	return idx.posts[i-1]
}

// Older returns the post just after p in the order of Posts (the next
// older one), or nil when p is the last or not indexed.
func (idx *Index) Older(p *post.Post) *post.Post {
	i, ok := idx.rank[p]
	if !ok || i == len(idx.posts)-1 {
		return nil
	}
	return idx.posts[i+1]
}

// Taxonomy returns the taxonomy called name ("categories", "tags",
// "authors" or a custom one), or nil when the index has none by that name.
func (idx *Index) Taxonomy(name string) *Taxonomy {
	switch name {
	case Categories:
		return idx.Categories
	case Tags:
		return idx.Tags
	case Authors:
		return idx.Authors
	}
	return idx.custom[name]
}

// Taxonomies returns the names of every taxonomy in the index: categories,
// tags and authors, then the custom ones sorted by name.
func (idx *Index) Taxonomies() []string { return idx.names }

// Merges returns every slug under which distinct spellings of a term were
// merged, ordered like Taxonomies and then by slug.
func (idx *Index) Merges() []Merge { return idx.merges }

// Renamed returns every post whose slug Build set, oldest first, undated
// last (the order in which the slugs were handed out).
func (idx *Index) Renamed() []Rename { return idx.renamed }
