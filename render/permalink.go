package render

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/folio-go/folio/post"
)

// ErrUnsafePath is matched (errors.Is) by every error about a permalink
// pattern or a path made from one that is not a safe site path.
var ErrUnsafePath = errors.New("unsafe path")

// ErrPathClash is matched by every error about two pages on one path.
var ErrPathClash = errors.New("two pages on one path")

// expand replaces the tokens of pattern with the values lookup gives and
// checks that the result is a safe site path. lookup reports false for a
// token it does not know. Empty values are left out with their slash.
func expand(pattern string, lookup func(string) (string, bool)) (string, error) {
	if err := checkPattern(pattern); err != nil {
		return "/", err
	}
	var b strings.Builder
	for i := 0; i < len(pattern); {
		c := pattern[i]
		if c != ':' {
			b.WriteByte(c)
			i++
			continue
		}
		j := i + 1
		for j < len(pattern) && pattern[j] >= 'a' && pattern[j] <= 'z' {
			j++
		}
		tok := pattern[i+1 : j]
		val, ok := lookup(tok)
		if !ok {
			return "/", fmt.Errorf("permalink %q: unknown token :%s: %w", pattern, tok, ErrUnsafePath)
		}
		b.WriteString(val)
		i = j
	}
	p := collapseSlashes("/" + b.String())
	if err := checkPath(p); err != nil {
		return standInPath(p), fmt.Errorf("permalink %q gives %q: %w", pattern, p, err)
	}
	return p, nil
}

// standInPath is the site path of the file FilePath(p) names: the safe
// stand-in for a path that failed its check.
func standInPath(p string) string {
	f := FilePath(p)
	if f == "index.html" {
		return "/"
	}
	return "/" + strings.TrimSuffix(f, "index.html")
}

// checkPattern rejects patterns that are absolute URLs or climb out of the
// site before any token is filled in.
func checkPattern(pattern string) error {
	switch {
	case strings.HasPrefix(pattern, "//") || strings.Contains(pattern, "://"):
		return fmt.Errorf("permalink %q is an absolute URL: %w", pattern, ErrUnsafePath)
	case strings.Contains(pattern, `\`):
		return fmt.Errorf("permalink %q contains a backslash: %w", pattern, ErrUnsafePath)
	}
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == ':' && (i+1 == len(pattern) || pattern[i+1] < 'a' || pattern[i+1] > 'z') {
			return fmt.Errorf("permalink %q has a colon that starts no token: %w", pattern, ErrUnsafePath)
		}
	}
	return nil
}

func collapseSlashes(p string) string {
	for strings.Contains(p, "//") {
		p = strings.ReplaceAll(p, "//", "/")
	}
	return p
}

// checkPath reports whether p, a site path made from a pattern, is one
// FilePath maps to a file without cleaning and a browser reads as a path:
// no "." or ".." segments, no backslash, no colon (a scheme), no query,
// fragment or percent sign, no spaces or control characters.
func checkPath(p string) error {
	if !strings.HasPrefix(p, "/") {
		return fmt.Errorf("not rooted: %w", ErrUnsafePath)
	}
	for _, r := range p {
		if r < 0x80 && unsafeASCII[r] || r >= 0x80 && r <= 0x9f {
			return fmt.Errorf("character %q: %w", r, ErrUnsafePath)
		}
	}
	for rest := p; rest != ""; {
		seg := rest
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			seg, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if seg == "." || seg == ".." {
			return fmt.Errorf("segment %q: %w", seg, ErrUnsafePath)
		}
	}
	return nil
}

// unsafeASCII marks the ASCII characters no path may hold: controls,
// the space and those that mean something else in a URL or a file name.
var unsafeASCII = func() (t [0x80]bool) {
	for c := range t {
		t[c] = c <= ' ' || c == 0x7f || strings.ContainsRune(`\:?#%"<>|*`, rune(c))
	}
	return t
}()

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
