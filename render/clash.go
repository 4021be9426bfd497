package render

import (
	"fmt"
	"path"
	"strings"

	"github.com/folio-go/folio/post"
)

// SiteFiles are the names of the files a site writes beside its pages:
// the feeds beside the home page and every term's page, the stylesheet,
// the 404 page and the sitemap. No post's path may use one as a folder or
// as its own file, or the site's file could not be written.
func SiteFiles() []string {
	return []string{"index.html", "index.xml", "atom.xml", "feed.json", "sitemap.xml", StylesheetName, "404.html"}
}

// Admit returns the posts whose pages can all be written, in their
// order, and an error for each post it leaves out, naming the post and
// what it clashes with: a post whose path is unsafe (see Check), is taken
// by a post before it, by the home page, a taxonomy, a term or a date
// archive, or uses one of SiteFiles as a folder or as its file. One bad
// post costs only itself: the pages its siblings make (archives, terms)
// are judged with every post, so a post on the path of an archive is the
// one left out, not the archive. A bad permalink pattern fails every post
// alike and is returned alone, with no posts.
func (s *Site) Admit(posts []*post.Post) ([]*post.Post, []error) {
	if err := s.checkPatterns(); err != nil {
		return nil, []error{err}
	}
	bad, errs := s.admit(posts, nil)
	if len(bad) == 0 && len(errs) == 0 {
		return posts, nil
	}
	ok := make([]*post.Post, 0, len(posts))
	for _, p := range posts {
		if !bad[p] {
			ok = append(ok, p)
		}
	}
	return ok, errs
}

// admit finds every problem Check reports, and the posts to blame. An
// unsafe term or archive path is reported and blamed on every post that
// has it.
//
// When urls is not nil, it receives the site path of every post whose
// path is safe, so that a caller need not expand it again.
func (s *Site) admit(posts []*post.Post, urls map[*post.Post]string) (map[*post.Post]bool, []error) {
	var errs []error
	bad := map[*post.Post]bool{}
	// others maps a file path to what is there; the names are made only
	// for an error.
	others := map[string]func() string{}
	add := func(p string, what func() string, err error) {
		if err != nil {
			errs = append(errs, fmt.Errorf("render: %s: %w", what(), err))
			return
		}
		if _, ok := others[FilePath(p)]; !ok {
			others[FilePath(p)] = what
		}
	}
	add("/", func() string { return "home page" }, nil)
	unsafeTerm := map[string]bool{} // taxonomy + "\x00" + slug
	for _, tax := range siteTaxonomies(posts) {
		p, err := s.taxonomyPath(tax.name)
		add(p, func() string { return "taxonomy " + tax.name }, err)
		for _, t := range tax.terms {
			p, err := s.termPath(tax.name, t)
			if err != nil {
				unsafeTerm[tax.name+"\x00"+t] = true
			}
			add(p, func() string { return fmt.Sprintf("%s %q", tax.name, t) }, err)
		}
	}
	for _, d := range archiveDays(s, posts) {
		p, err := s.archivePath(d[0], 0, 0)
		add(p, func() string { return fmt.Sprintf("archive %04d", d[0]) }, err)
		p, err = s.archivePath(d[0], d[1], 0)
		add(p, func() string { return fmt.Sprintf("archive %04d-%02d", d[0], d[1]) }, err)
		p, err = s.archivePath(d[0], d[1], d[2])
		add(p, func() string { return fmt.Sprintf("archive %04d-%02d-%02d", d[0], d[1], d[2]) }, err)
	}
	if len(unsafeTerm) > 0 {
		for _, p := range posts {
			if postHasTerm(p, unsafeTerm) {
				bad[p] = true
			}
		}
	}
	reserved := map[string]bool{}
	for _, f := range SiteFiles() {
		reserved[f] = true
	}
	seen := map[string]*post.Post{}
	for _, p := range posts {
		u, err := s.postPath(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("render: %s: %w", postName(p), err))
			bad[p] = true
			continue
		}
		f := FilePath(u)
		if q, ok := seen[f]; ok {
			errs = append(errs, fmt.Errorf("render: %s and %s both have path %s: %w", postName(q), postName(p), u, ErrPathClash))
			bad[p] = true
			continue
		}
		seen[f] = p
		if urls != nil {
			urls[p] = u
		}
		if what, ok := others[f]; ok {
			errs = append(errs, fmt.Errorf("render: %s has path %s, which is the %s's: %w", postName(p), u, what(), ErrPathClash))
			bad[p] = true
			continue
		}
		if name := reservedIn(f, reserved); name != "" {
			errs = append(errs, fmt.Errorf("render: %s has path %s, which would take the name of the site's own %s: %w", postName(p), u, name, ErrPathClash))
			bad[p] = true
		}
	}
	return bad, errs
}

// reservedIn returns the site file name that the file path f uses as a
// folder, or as its own name where that is not a page's index.html, or
// "".
func reservedIn(f string, reserved map[string]bool) string {
	dir, base := path.Split(f)
	for _, seg := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if reserved[seg] {
			return seg
		}
	}
	if base != "index.html" && reserved[base] {
		return base
	}
	return ""
}

// postHasTerm reports whether p has a term of a taxonomy in set (keys
// taxonomy + "\x00" + slug).
func postHasTerm(p *post.Post, set map[string]bool) bool {
	has := func(name string, ts []post.Term) bool {
		for _, t := range ts {
			if set[name+"\x00"+termSlug(t)] {
				return true
			}
		}
		return false
	}
	if has("categories", p.Categories) || has("tags", p.Tags) {
		return true
	}
	for _, a := range p.Authors {
		if set["authors\x00"+authorSlug(a)] {
			return true
		}
	}
	for name, ts := range p.Taxonomies {
		if has(name, ts) {
			return true
		}
	}
	return false
}
