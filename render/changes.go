package render

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"runtime"
	"slices"
	"sync"

	"github.com/folio-go/folio/post"
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
// (the site's settings, the navigation, the years and their counts).
//
// Diff never renders a page: it compares digests of what each page
// shows, made from the index and the posts, so it costs a small part of
// writing the site. It errs on the side of writing: a page in Write may
// come out byte for byte as before, but a page left out of Write never
// differs from what new would write. That holds when both Renderers were
// made with the same PageOptions (theme, body renderer, summary length;
// Feeds may return other links) and when a post given to both (the same
// *post.Post) was not changed in between, apart from its Slug, which
// taxonomy.Build may set; a program that edits a post makes a new one,
// as source.Set does. Nil for old writes every page of new.
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
}

// pageKeys returns the digest of every page, making them on first use,
// in parallel.
func (r *Renderer) pageKeys() map[string]digest {
	r.keys.once.Do(func() {
		r.keys.global = r.globalDigest()
		keys := make([]digest, len(r.pages))
		var next sync.Mutex
		i := 0
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				h := sha256.New()
				for {
					next.Lock()
					j := i
					i++
					next.Unlock()
					if j >= len(r.pages) {
						return
					}
					keys[j] = r.pageDigest(h, r.pages[j])
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
	writeJSON(h, r.nav)
	writeJSON(h, r.years)
	h.Write(r.theme.css)
	return sum(h)
}

func authorKey(a post.Author) string {
	return a.Name + "\x00" + a.Slug + "\x00" + a.Email + "\x00" + a.URL + "\x00" + a.Bio
}

// pageDigest is the digest of what pg shows, made with h.
func (r *Renderer) pageDigest(h hash.Hash, pg Page) digest {
	h.Reset()
	h.Write(r.keys.global[:])
	fmt.Fprintf(h, "%s\x00%s\x00", pg.Kind, pg.Path)
	base := pg.in.base
	if base == "" {
		base = pg.Path
	}
	if r.opt.Feeds != nil && pg.Kind != KindAsset {
		writeJSON(h, r.opt.Feeds(pg.Kind, base))
	}
	switch pg.Kind {
	case KindPost:
		p := pg.Post
		d := r.shownDigest(p)
		h.Write(d[:])
		link := func(q *post.Post) {
			if q == nil {
				io.WriteString(h, "\x00-\x00")
				return
			}
			fmt.Fprintf(h, "\x00%q %q\x00", postTitle(q), r.posts[q].url)
		}
		link(r.idx.Newer(p))
		link(r.idx.Older(p))
		n := r.opt.Related
		if n == 0 {
			n = 5
		}
		for _, q := range r.idx.Related(p, n) {
			link(q)
		}
	case KindTaxonomy:
		name := pg.in.taxonomy
		tx := r.idx.Taxonomy(name)
		var terms []*TermData
		if name == taxonomy.Categories {
			for _, t := range tx.Roots() {
				terms = append(terms, r.termTree("", t))
			}
		} else {
			for t := range tx.All() {
				terms = append(terms, r.termData("", t))
			}
		}
		writeJSON(h, terms)
	case KindHome, KindTerm, KindAuthor, KindYear, KindMonth, KindDay:
		items, total := pageOf(pg.in.posts, r.site.perPage(), pg.in.n)
		fmt.Fprintf(h, "%q %d %d %d\x00", pg.in.base, pg.in.n, total, len(items))
		for _, q := range items {
			d := r.shownDigest(q)
			h.Write(d[:])
		}
		if t := pg.in.term; t != nil {
			td := r.termData("", t)
			for _, c := range t.Children {
				td.Children = append(td.Children, r.termData("", c))
			}
			writeJSON(h, td)
			if pg.Kind == KindAuthor {
				writeJSON(h, r.authorData("", post.Author{Name: t.Name, Slug: t.Slug}))
			}
		}
		if p := pg.in.period; p != nil {
			writeJSON(h, r.periodData("", p))
		}
	}
	return sum(h)
}

// shownDigest is the digest of what pages of r show of p; see
// Fingerprint.
func (r *Renderer) shownDigest(p *post.Post) digest {
	c := r.posts[p]
	c.shownOnce.Do(func() {
		h := sha256.New()
		d := r.contentDigest(p)
		h.Write(d[:])
		fmt.Fprintf(h, "%q\x00", c.url)
		for _, a := range p.Authors {
			writeJSON(h, r.authorData("", a))
		}
		writeJSON(h, r.termLinks("", taxonomy.Categories, p.Categories))
		writeJSON(h, r.termLinks("", taxonomy.Tags, p.Tags))
		for _, name := range r.idx.Taxonomies() {
			if terms := p.Taxonomies[name]; len(terms) > 0 {
				io.WriteString(h, name)
				writeJSON(h, r.termLinks("", name, terms))
			}
		}
		c.shown = sum(h)
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

// writeJSON writes v's JSON form to h: a deterministic encoding that,
// unlike fmt's, follows pointers.
func writeJSON(h io.Writer, v any) {
	if err := json.NewEncoder(h).Encode(v); err != nil {
		fmt.Fprintf(h, "%v", err) // no value of ours fails; if one did, it differs
	}
}

func sum(h hash.Hash) digest {
	var d digest
	h.Sum(d[:0])
	return d
}
