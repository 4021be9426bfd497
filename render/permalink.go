package render

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/sitepath"
)

// ErrUnsafePath is matched (errors.Is) by every error about a permalink
// pattern or a path made from one that is not a safe site path.
var ErrUnsafePath = sitepath.ErrUnsafe

// ErrPathClash is matched by every error about two pages on one path.
var ErrPathClash = errors.New("two pages on one path")

// Check reports, before anything is written, every problem the permalink
// patterns give with posts: a pattern with an unknown token, an absolute
// URL or a backslash; a post, term or archive path with "..", a colon or
// another unsafe character; two posts on one path; a post on the path of
// the home page, a taxonomy, a term or a date archive; a post that
// uses one of SiteFiles as a folder or file name. The errors are
// joined, in post order, and match ErrUnsafePath or ErrPathClash. A nil
// error means every page of these posts has a path of its own. Admit
// does the same checks and returns the posts that pass.
func (s *Site) Check(posts []*post.Post) error {
	if err := s.checkPatterns(); err != nil {
		return err
	}
	_, errs := s.admit(posts, nil)
	return errors.Join(errs...)
}

// checkPatterns expands every pattern with sample values, so that a bad
// pattern is reported even when no post reaches it.
func (s *Site) checkPatterns() error {
	sample := &post.Post{
		Title: "t", Slug: "s", Date: time.Date(2006, 1, 2, 0, 0, 0, 0, time.UTC),
		Categories: []post.Term{{Slug: "c"}}, Authors: []post.Author{{Slug: "a"}},
		Source: post.Source{Path: "d/f"},
	}
	undated := *sample
	undated.Date = time.Time{}
	var errs []error
	for _, f := range []func() (string, error){
		func() (string, error) { return s.postPath(sample) },
		func() (string, error) { return s.postPath(&undated) },
		func() (string, error) { return s.termPath("tags", "t") },
		func() (string, error) { return s.taxonomyPath("tags") },
		func() (string, error) { return s.archivePath(2006, 1, 0) },
		func() (string, error) { return s.archivePath(2006, 1, 2) },
		func() (string, error) { return s.archivePath(2006, 0, 0) },
		func() (string, error) { return s.pagePath("/", 2) },
	} {
		if _, err := f(); err != nil {
			errs = append(errs, fmt.Errorf("render: %w", err))
		}
	}
	return errors.Join(errs...)
}

// postName names a post in an error: its source and title.
func postName(p *post.Post) string {
	name := fmt.Sprintf("post %q", p.Title)
	if p.Source.Path != "" {
		name = p.Source.Path + ": " + name
	}
	return name
}

type siteTaxonomy struct {
	name  string
	terms []string // slugs, sorted
}

// siteTaxonomies lists the taxonomies of posts with their term slugs:
// categories, tags and authors always, then custom ones by name.
func siteTaxonomies(posts []*post.Post) []siteTaxonomy {
	sets := map[string]map[string]bool{"categories": {}, "tags": {}, "authors": {}}
	addTerms := func(name string, terms []post.Term) {
		if sets[name] == nil {
			sets[name] = map[string]bool{}
		}
		for _, t := range terms {
			sets[name][termSlug(t)] = true
		}
	}
	for _, p := range posts {
		addTerms("categories", p.Categories)
		addTerms("tags", p.Tags)
		for _, a := range p.Authors {
			sets["authors"][authorSlug(a)] = true
		}
		for name, terms := range p.Taxonomies {
			addTerms(name, terms)
		}
	}
	var out []siteTaxonomy
	for _, name := range sortedTaxonomyNames(sets) {
		var terms []string
		for t := range sets[name] {
			terms = append(terms, t)
		}
		sort.Strings(terms)
		out = append(out, siteTaxonomy{name, terms})
	}
	return out
}

// sortedTaxonomyNames puts the three built-in taxonomies first.
func sortedTaxonomyNames[V any](sets map[string]V) []string {
	names := []string{"categories", "tags", "authors"}
	var custom []string
	for name := range sets {
		switch name {
		case "categories", "tags", "authors":
		default:
			custom = append(custom, name)
		}
	}
	sort.Strings(custom)
	return append(names, custom...)
}

// archiveDays lists the distinct [year, month, day] of the dated posts in
// the site's zone, sorted.
func archiveDays(s *Site, posts []*post.Post) [][3]int {
	set := map[[3]int]bool{}
	for _, p := range posts {
		if p.Date.IsZero() {
			continue
		}
		t := s.inZone(p.Date)
		set[[3]int{t.Year(), int(t.Month()), t.Day()}] = true
	}
	var out [][3]int
	for d := range set {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		if a[1] != b[1] {
			return a[1] < b[1]
		}
		return a[2] < b[2]
	})
	return out
}
