package render

import (
	"io"
	"reflect"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/taxonomy"
)

// EditedPostPage returns the page edited, a new version of old (one of
// r's posts), has in r's site, made without indexing the posts again: the
// edited post keeps old's place (its path, newer and older posts, related
// posts and terms), so only its own content is rendered. It is for a
// program that shows an edit at once, a preview server, and then makes a
// new index and Renderer for the rest: the pages that show the post
// elsewhere (lists, feeds, its neighbours' links) are not covered, nor
// what the edit changes for the site as a whole (an author's details, an
// alias), which only the new Renderer shows.
//
// ok is false when old is not one of r's posts, or when the edit may move
// the post: another source, kind, date, slug (or title, when the slug is
// made from it), or other terms or authors. Then only a new index says
// what its page is.
//
// The page's Post is a copy of edited carrying the slug r's index gave
// old; edited itself is not changed.
func (r *Renderer) EditedPostPage(old, edited *post.Post) (pg Page, ok bool) {
	oc, ok := r.posts[old]
	if !ok || edited == nil || !samePlace(r.idx, old, edited) {
		return Page{}, false
	}
	q := *edited
	q.Slug = old.Slug
	// A Renderer sharing r's, with q standing in for old: the maps are
	// not copied, since on a big site that memory has gone cold since the
	// last build.
	e := &Renderer{site: r.site, idx: r.idx, body: r.body, markup: r.markup, opt: r.opt, theme: r.theme,
		authors: r.authors, termURLs: r.termURLs, nav: r.nav, years: r.years, basePath: r.basePath,
		aliases: r.aliases, sitePaths: r.sitePaths, originHost: r.originHost, sentinel: r.sentinel,
		posts: r.posts, chromes: r.chromes, standIn: &standIn{edited: &q, old: old, c: &postCache{sitePath: oc.sitePath}}}
	return Page{Path: oc.url, Kind: KindPost, Post: &q, write: func(w io.Writer) error { return e.WritePost(w, &q) }}, true
}

// standIn is an edited copy of a post put in the place of the post old
// of the index, with its own cache (see EditedPostPage).
type standIn struct {
	edited, old *post.Post
	c           *postCache
}

// placeOf is the post of the index whose place p takes: p itself, or the
// post an EditedPostPage copy stands in for.
func (r *Renderer) placeOf(p *post.Post) *post.Post {
	if r.standIn != nil && p == r.standIn.edited {
		return r.standIn.old
	}
	return p
}

// cacheOf is what r keeps of p, one of its posts (or the copy standing
// in for one); nil for a post r does not hold.
func (r *Renderer) cacheOf(p *post.Post) *postCache {
	if r.standIn != nil && p == r.standIn.edited {
		return r.standIn.c
	}
	return r.posts[p]
}

// samePlace reports whether edited, put in old's stead, would have old's
// place in idx: the same source, kind, date, slug and terms.
func samePlace(idx *taxonomy.Index, old, edited *post.Post) bool {
	if old.Source.Path != edited.Source.Path || old.Source.Line != edited.Source.Line || old.Kind != edited.Kind ||
		!old.Date.Equal(edited.Date) || old.Date.Location().String() != edited.Date.Location().String() {
		return false
	}
	given := old.Slug // what old's slug was before the index renamed it
	for _, rn := range idx.Renamed() {
		if rn.Path == old.Source.Path && rn.Line == old.Source.Line && rn.New == old.Slug {
			given = rn.Old
			break
		}
	}
	if given == "" && edited.Slug == "" {
		if post.Slugify(edited.Title) != post.Slugify(old.Title) {
			return false
		}
	} else if given != edited.Slug {
		return false
	}
	return reflect.DeepEqual(old.Categories, edited.Categories) && reflect.DeepEqual(old.Tags, edited.Tags) &&
		reflect.DeepEqual(old.Authors, edited.Authors) && reflect.DeepEqual(old.Taxonomies, edited.Taxonomies)
}
