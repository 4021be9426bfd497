package render

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/markup"
	"github.com/folio-go/folio/taxonomy"
)

// Changes is what turns the files one Renderer wrote into the files
// another writes: the pages to write and the files to remove.
type Changes struct {
	// Write holds the pages of the new Renderer that the old one did not
	// have, or whose content may differ from the old one's page at the
	// same file, in the order of Pages.
	Write []Page
	// Remove holds the files (as Page.File names them) of the old
	// Renderer's pages that the new one does not have, sorted.
	Remove []string
}

// Diff compares the pages of old and new, two Renderers of the same site
// made before and after an edit, and returns which of new's pages must be
// written and which of old's files removed so that a folder holding old's
// pages holds exactly new's. A page is written when anything it shows may
// have changed: a post's page when its post, its neighbours' titles or
// its related posts change; a list (home, term, archive) when a post on
// it changes or moves; every page when something all pages show changes
// (the site's settings, the navigation, the years and their counts, and
// where links to posts' old addresses lead).
//
// Diff never renders a page: it compares digests of what each page
// shows, made from the index and the posts, so it costs a small part of
// writing the site. It errs on the side of writing: a page in Write may
// come out byte for byte as before, but a page left out of Write never
// differs from what new would write. That holds when both Renderers were
// made with the same PageOptions (theme, body renderer, summary length,
// SiteHas; Feeds may return other links) and when a post given to both (the same
// *post.Post) was not changed in between, apart from its Slug, which
// taxonomy.Build may set; a program that edits a post makes a new one,
// as source.Set does. Nil for old writes every page of new.
//
// The digests are made once per Renderer and kept, so a program that
// will compare against r later (a watcher, after each build) can call
// Diff(r, r) in the background to have them ready.
func Diff(old, new *Renderer) Changes {
	var ch Changes
	if old == nil {
		ch.Write = slices.Clone(new.pages)
		return ch
	}
	oldKeys := old.pageKeys()
	for p, c := range new.posts {
		if oc, ok := old.posts[p]; ok && oc.hasContent {
			c.contentOnce.Do(func() { c.content, c.hasContent = oc.content, true })
		}
	}
	if old != new && new.structureDigest() == old.structureDigest() {
		// The same posts in the same order with the same dates, slugs and
		// terms: every post has the same related posts as before.
		new.keys.sameAs = old
	}
	newKeys := new.pageKeys()
	for i, pg := range new.pages {
		if k, ok := oldKeys[pg.File()]; !ok || k != newKeys[pg.File()] {
			ch.Write = append(ch.Write, new.pages[i])
		}
	}
	for _, pg := range old.pages {
		if _, ok := newKeys[pg.File()]; !ok {
			ch.Remove = append(ch.Remove, pg.File())
		}
	}
	slices.Sort(ch.Remove)
	return ch
}

// Fingerprint returns a digest of everything a page of r shows of p: its
// fields, its path, and what the index says of its authors and terms
// (their names and paths). Two Renderers give p, or an edited copy of it,
// the same fingerprint when it shows the same; a program that writes
// other files from posts (feeds, say) can compare fingerprints to learn
// which to write again. A post not in r's index has the zero digest.
func (r *Renderer) Fingerprint(p *post.Post) [sha256.Size]byte {
	if _, ok := r.posts[p]; !ok {
		return digest{}
	}
	return r.shownDigest(p)
}

// digest is a SHA-256 sum of what something shows.
type digest = [sha256.Size]byte

// pageKeys are a Renderer's page digests, by file.
type pageKeys struct {
	once   sync.Once
	global digest
	byFile map[string]digest
	// related holds the related posts of each post, by rank in the
	// index, as the digests found them.
	related [][]int32
	// sameAs, when set, is a Renderer whose index has the same structure
	// (see structureDigest), whose related posts are taken instead of
	// ranking them again.
	sameAs *Renderer

	structOnce sync.Once
	structure  digest
}

// structureDigest covers what decides each post's place and its related
// posts: every post in the index's order with its source, slug, date and
// terms as written.
func (r *Renderer) structureDigest() digest {
	r.keys.structOnce.Do(func() {
		k := keyBuf{b: make([]byte, 0, 96*len(r.idx.Posts()))}
		terms := func(ts []post.Term) {
			k.int(len(ts))
			for _, t := range ts {
				k.str(t.Name)
				k.str(t.Slug)
				k.str(t.Parent)
			}
		}
		for _, p := range r.idx.Posts() {
			k.str(p.Source.Path)
			k.int(p.Source.Line)
			k.str(p.Slug)
			// The instant, its offset and its zone's name: what places the
			// post in an archive, without formatting the date.
			_, off := p.Date.Zone()
			k.int(int(p.Date.Unix()))
			k.int(p.Date.Nanosecond())
			k.int(off)
			k.str(p.Date.Location().String())
			terms(p.Categories)
			terms(p.Tags)
			k.int(len(p.Authors))
			for _, a := range p.Authors {
				k.str(a.Name)
				k.str(a.Slug)
			}
			k.int(len(p.Taxonomies))
			if len(p.Taxonomies) == 0 {
				continue
			}
			for _, name := range sortedTaxonomyNames(p.Taxonomies) {
				k.str(name)
				terms(p.Taxonomies[name])
			}
		}
		r.keys.structure = k.sum()
	})
	return r.keys.structure
}

// pageKeys returns the digest of every page, making them on first use,
// in parallel.
func (r *Renderer) pageKeys() map[string]digest {
	r.keys.once.Do(func() {
		r.keys.global = r.globalDigest()
		r.keys.related = make([][]int32, len(r.idx.Posts()))
		for _, c := range r.posts {
			c.rank = -1 // pages (post.KindPage) are in no list
		}
		for i, p := range r.idx.Posts() {
			r.posts[p].rank = int32(i)
		}
		if old := r.keys.sameAs; old != nil && old != r {
			old.pageKeys() // its related lists
		}
		keys := make([]digest, len(r.pages))
		var next atomic.Int64
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var k keyBuf
				for {
					j := int(next.Add(1)) - 1
					if j >= len(r.pages) {
						return
					}
					keys[j] = r.pageDigest(&k, r.pages[j])
				}
			}()
		}
		wg.Wait()
		r.keys.byFile = make(map[string]digest, len(r.pages))
		for j, pg := range r.pages {
			r.keys.byFile[pg.File()] = keys[j]
		}
	})
	return r.keys.byFile
}

// keyBuf gathers what a digest covers before it is hashed at once: many
// short strings cost less appended to one buffer than hashed one by one.
type keyBuf struct{ b []byte }

func (k *keyBuf) reset()          { k.b = k.b[:0] }
func (k *keyBuf) str(s string)    { k.b = append(append(k.b, s...), 0) }
func (k *keyBuf) int(n int)       { k.b = append(strconv.AppendInt(k.b, int64(n), 10), 0) }
func (k *keyBuf) digest(d digest) { k.b = append(k.b, d[:]...) }
func (k *keyBuf) sum() digest     { return sha256.Sum256(k.b) }

func (k *keyBuf) links(ls []Link) {
	k.int(len(ls))
	for _, l := range ls {
		k.str(l.Text)
		k.str(l.URL)
		k.int(l.Count)
	}
}

// linksMore adds the links a list shows and the count of those it
// leaves out (see MaxTermLinks).
func (k *keyBuf) linksMore(ls []Link, more int) {
	k.links(ls)
	k.int(more)
}

func (k *keyBuf) term(td *TermData) {
	k.str(td.Name)
	k.str(td.Slug)
	k.str(td.URL)
	k.int(td.Count)
	k.links(td.Parents)
	k.int(len(td.Children))
	for _, c := range td.Children {
		k.term(c)
	}
}

func (k *keyBuf) author(a AuthorData) {
	k.str(a.Name)
	k.str(a.Slug)
	k.str(a.URL)
	k.str(a.Website)
	k.str(a.Bio)
}

// globalDigest covers what every page shows or is shaped by: the site's
// settings, the options, the navigation and the years with their counts,
// and the stylesheet.
func (r *Renderer) globalDigest() digest {
	h := sha256.New()
	s := &r.site
	loc := "<nil>"
	if s.Location != nil {
		loc = s.Location.String()
	}
	fmt.Fprintf(h, "%q %q %q %q %q %q %+v %v %v %d %q\n", r.siteTitle(), s.BaseURL, s.Language, loc, s.Description, r.basePath,
		s.Permalinks, s.UnsafeHTML, s.RelativeURLs, s.perPage(), authorKey(s.Author))
	fmt.Fprintf(h, "%d %d %v\n", r.opt.SummaryWords, r.opt.Related, r.opt.NoDayArchives)
	var k keyBuf
	k.links(r.nav)
	k.links(r.years)
	// Bodies and summaries link to other posts through their old
	// addresses, and with Origin to whatever the site lacks: what those
	// links lead to is in every page that shows a body or a summary.
	k.str(r.opt.Origin)
	k.str(strconv.FormatBool(r.opt.Protected))
	for _, a := range slices.Sorted(maps.Keys(r.aliases)) {
		k.str(a)
		if c, ok := r.posts[r.aliases[a]]; ok {
			k.str(c.url)
		} else {
			k.str(r.site.PostURL(r.aliases[a]))
		}
	}
	for _, p := range slices.Sorted(maps.Keys(r.sitePaths)) {
		k.str(p)
	}
	h.Write(k.b)
	h.Write(r.theme.css)
	return sum(h)
}

func authorKey(a post.Author) string {
	return a.Name + "\x00" + a.Slug + "\x00" + a.Email + "\x00" + a.URL + "\x00" + a.Bio
}

// pageDigest is the digest of what pg shows.
func (r *Renderer) pageDigest(k *keyBuf, pg Page) digest {
	k.reset()
	k.digest(r.keys.global)
	k.str(string(pg.Kind))
	k.str(pg.Path)
	base := pg.in.base
	if base == "" {
		base = pg.Path
	}
	if r.opt.Feeds != nil && pg.Kind != KindAsset {
		for _, f := range r.opt.Feeds(pg.Kind, base) {
			k.str(f.Type)
			k.str(f.Title)
			k.str(f.URL)
		}
	}
	switch pg.Kind {
	case KindPost:
		p := pg.Post
		k.digest(r.shownDigest(p))
		link := func(q *post.Post) {
			if q == nil {
				k.str("-")
				return
			}
			k.str(markup.ShownTitle(q.Title))
			k.str(r.posts[q].url)
		}
		link(r.idx.Newer(p))
		link(r.idx.Older(p))
		for _, q := range r.relatedOf(p) {
			link(r.idx.Posts()[q])
		}
	case KindTaxonomy:
		name := pg.in.taxonomy
		tx := r.idx.Taxonomy(name)
		if name == taxonomy.Categories {
			for _, t := range tx.Roots() {
				k.term(r.termTree("", t))
			}
		} else {
			for t := range tx.All() {
				k.term(r.termData("", t))
			}
		}
	case KindHome, KindTerm, KindAuthor, KindYear, KindMonth, KindDay:
		items, total := pageOf(pg.in.posts, r.site.perPage(), pg.in.n)
		k.str(pg.in.base)
		k.int(pg.in.n)
		k.int(total)
		k.int(len(items))
		for _, q := range items {
			k.digest(r.shownDigest(q))
		}
		if t := pg.in.term; t != nil {
			td := r.termData("", t)
			for _, c := range t.Children {
				td.Children = append(td.Children, r.termData("", c))
			}
			k.term(td)
			if pg.Kind == KindAuthor {
				k.author(r.authorData("", post.Author{Name: t.Name, Slug: t.Slug}))
			}
		}
		if p := pg.in.period; p != nil {
			pd := r.periodData("", p)
			k.str(pd.Title)
			if pd.Up != nil {
				k.links([]Link{*pd.Up})
			}
			k.links(pd.Children)
		}
	}
	return k.sum()
}

// relatedOf returns the ranks of p's related posts: the lists of sameAs,
// whose posts sit at the same ranks, or the index's ranking.
func (r *Renderer) relatedOf(p *post.Post) []int32 {
	n := r.opt.Related
	if n == 0 {
		n = 5
	}
	rank := r.posts[p].rank
	if old := r.keys.sameAs; rank >= 0 && old != nil && old.keys.related != nil && old.keys.related[rank] != nil {
		r.keys.related[rank] = old.keys.related[rank]
		return r.keys.related[rank]
	}
	list := []int32{}
	for _, q := range r.idx.Related(p, n) {
		list = append(list, r.posts[q].rank)
	}
	if rank >= 0 {
		r.keys.related[rank] = list
	}
	return list
}

// shownDigest is the digest of what pages of r show of p; see
// Fingerprint.
func (r *Renderer) shownDigest(p *post.Post) digest {
	c := r.posts[p]
	c.shownOnce.Do(func() {
		var k keyBuf
		k.digest(r.contentDigest(p))
		k.str(c.url)
		k.int(len(p.Authors))
		for _, a := range p.Authors {
			k.author(r.authorData("", a))
		}
		k.linksMore(r.termLinks("", taxonomy.Categories, p.Categories))
		k.linksMore(r.termLinks("", taxonomy.Tags, p.Tags))
		for _, name := range r.idx.Taxonomies() {
			if terms := p.Taxonomies[name]; len(terms) > 0 {
				k.str(name)
				k.linksMore(r.termLinks("", name, terms))
			}
		}
		c.shown = k.sum()
	})
	return c.shown
}

// contentDigest is the digest of p's own fields but its Slug, which the
// index may have set (the path, which the slug makes, is in shownDigest).
func (r *Renderer) contentDigest(p *post.Post) digest {
	c := r.posts[p]
	c.contentOnce.Do(func() {
		h := sha256.New()
		q := *p
		q.Slug = ""
		q.Body.Text = ""
		io.WriteString(h, p.Body.Text)
		fmt.Fprintf(h, "\x00%#v", q)
		c.content, c.hasContent = sum(h), true
	})
	return c.content
}

func sum(h hash.Hash) digest {
	var d digest
	h.Sum(d[:0])
	return d
}
