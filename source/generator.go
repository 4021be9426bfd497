package source

import (
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// This file holds the rules a generator applies to every post because of
// where the file is, not what it says: Jekyll's categories from folders
// and titles from file names, Hugo's lower-cased URLs, the Go blog's
// addresses and list pages.

// jekyllDir returns the folders above a Jekyll `_posts` or `_drafts`
// folder in name ("en/news/_posts/x.md" gives ["en", "news"]), and
// whether there is such a folder.
func jekyllDir(name string) ([]string, bool) {
	parts := strings.Split(path.Dir(name), "/")
	for i, p := range parts {
		if p == "_posts" || p == "_drafts" {
			var dirs []string
			for _, d := range parts[:i] {
				if d != "" && d != "." {
					dirs = append(dirs, d)
				}
			}
			return dirs, true
		}
	}
	return nil, false
}

// isJekyllName reports whether a file's stem starts with a Jekyll date,
// "2006-01-02-".
func isJekyllName(stem string) bool {
	if len(stem) < 12 || stem[10] != '-' {
		return false
	}
	for i, c := range stem[:10] {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// titleizeSlug makes a title of a file's slug as Jekyll does for a post
// without one: each word between dashes capitalised ("edge-case-no-title"
// gives "Edge Case No Title").
func titleizeSlug(slug string) string {
	words := strings.Split(slug, "-")
	out := words[:0]
	for _, w := range words {
		if w == "" {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		out = append(out, string(unicode.ToUpper(r))+strings.ToLower(w[n:]))
	}
	return strings.Join(out, " ")
}

// generatorRules applies the rules of the post's generator, known from
// its path and front matter (see ParseMarkdown).
func (m *fmMapper) generatorRules(name string, slugGiven bool) {
	p := m.p
	base := path.Base(name)
	stem := strings.TrimSuffix(base, path.Ext(base))
	dirs, inPosts := jekyllDir(name)
	jekyll := inPosts || isJekyllName(stem)
	if jekyll {
		// Jekyll: the folders above _posts are categories, before the
		// front matter's own.
		if len(dirs) > 0 {
			cats := make([]post.Term, 0, len(dirs)+len(p.Categories))
			for _, d := range dirs {
				cats = append(cats, post.Term{Name: d, Slug: post.Slugify(d)})
			}
			for _, c := range p.Categories {
				if !slices.ContainsFunc(cats, func(t post.Term) bool { return t.Slug == c.Slug }) {
					cats = append(cats, c)
				}
			}
			p.Categories = cats
		}
		if p.Title == "" && m.doc.flavour != flavourNone && isJekyllName(stem) {
			p.Title = titleizeSlug(stem[11:])
		}
	}
	if m.goBlog() && !m.claimed[groupAliases] {
		// Its address on go.dev, unless the file says its own (as a file
		// written back by postfile.Markdown does).
		p.Aliases = addAlias(p.Aliases, "/blog/"+stem)
	}
	for _, key := range []string{"url", "permalink"} {
		if u, ok := m.param(key); ok && isAddress(u) {
			p.Aliases = append([]string{u}, slices.DeleteFunc(p.Aliases, func(a string) bool { return a == u })...)
			break
		}
	}
	if !jekyll && !slugGiven && p.Slug != "" {
		// Hugo lower-cases the URLs it makes from file names.
		p.Slug = strings.ToLower(p.Slug)
	}
}

// goBlog reports whether the file is written in the Go blog's layout: its
// authors under `by`, or `template: true` (golang.org/x/website's mark of
// a body that is a template), keys no other generator uses.
func (m *fmMapper) goBlog() bool {
	if strings.EqualFold(m.authorsKey, "by") {
		return true
	}
	t, _ := m.p.Params["template"].(bool)
	return t
}

// param returns a top-level front-matter key's text, if it is a string.
func (m *fmMapper) param(key string) (string, bool) {
	for _, f := range m.doc.fields {
		if strings.EqualFold(f.key, key) && f.val.kind == kindString {
			return f.val.text, true
		}
	}
	return "", false
}

// isAddress reports whether s is a root-relative path or an absolute
// http(s) URL, rather than a pattern (":year/:title") or anything else.
func isAddress(s string) bool {
	if strings.Contains(s, "/:") || strings.ContainsAny(s, " \t\n") {
		return false
	}
	return strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") ||
		strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// addAlias appends a to aliases unless it is there.
func addAlias(aliases []string, a string) []string {
	if slices.Contains(aliases, a) {
		return aliases
	}
	return append(aliases, a)
}

// isGoBlogListPage reports whether p is one of the Go blog's list pages
// (its index.md and all.md): a template (`template: true`) without a date
// whose body lists the blog's pages. Such a file is a page of the site's
// machinery, not a post; Load skips it with a warning.
func isGoBlogListPage(p *post.Post) bool {
	t, _ := p.Params["template"].(bool)
	return t && p.Date.IsZero() && strings.Contains(p.Body.Text, `(pages "`)
}
