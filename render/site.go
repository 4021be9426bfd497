package render

import (
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/sitepath"
)

// Site describes a whole site: its name, where it is served, and the
// patterns its pages' paths are made from. The zero value is a site served
// at the root of an unknown host, with the default permalinks.
type Site struct {
	Title string
	// BaseURL is the absolute URL of the site's home page, such as
	// "https://example.com/blog/". Its path is put in front of every
	// root-relative link; AbsURL joins it to site paths. Empty means
	// links stay site-relative and AbsURL returns paths unchanged.
	BaseURL string
	// Language is the BCP 47 tag of the content ("en", "pt-BR"), written
	// as the pages' lang attribute; empty means "en".
	Language string
	// Location is the zone dates are shown and filed in; nil keeps each
	// date in the zone it was written in.
	Location    *time.Location
	Description string
	// Author is the site's own author, used when a post has none.
	Author post.Author

	// Permalinks are the patterns of page paths.
	Permalinks Permalinks

	// UnsafeHTML lets raw HTML in bodies through unsanitized: Markdown's
	// inline HTML is kept and HTML bodies are not cleaned. Only for
	// content you trust as much as your templates.
	UnsafeHTML bool
	// RelativeURLs makes every internal link relative to the page it is
	// on and end in "index.html", so that the written site works opened
	// from disk (file://) as well as served. The 404 page is the
	// exception: a server shows it at whatever path was missing, so its
	// links start at the site root (BaseURL's path).
	RelativeURLs bool
	// PerPage is the number of posts on a page of the index, a term or an
	// archive period; 0 or less means 10.
	PerPage int
}

// Permalinks holds the patterns page paths are made from. A pattern is a
// slash-separated path with tokens, as Hugo and Jekyll write them:
//
//	:year :month :day  the post's date (4, 2 and 2 digits) or the period's
//	:slug              the post's slug
//	:title             the slug of the post's title
//	:category          the slug of the post's first category
//	:author            the slug of the post's first author
//	:section           the slug of the first folder of the post's source path
//	:taxonomy :term    the slug of a taxonomy's name ("tags") and a term's slug
//	:num               a page number
//
// A token whose value is empty (a post without a category, say) is left
// out along with its slash. A path ending in "/" is written as
// "index.html" inside that folder. An empty pattern means its default.
type Permalinks struct {
	// Post is the path of a dated post; default "/:year/:month/:slug/".
	Post string
	// Undated is the path of an undated post, of a dated one whose
	// pattern needs no date, and of a page (post.KindPage), which stands
	// outside the blog's dates; default "/:slug/". A Post pattern that uses
	// no date token applies to undated posts too unless Undated is set.
	Undated string
	// Term is the path of a term's page; default "/:taxonomy/:term/".
	Term string
	// Taxonomy is the path of the page listing a taxonomy's terms;
	// default "/:taxonomy/".
	Taxonomy string
	// Page is appended to a list's path for its pages after the first;
	// default "page/:num/".
	Page string
	// Year, Month and Day are the paths of date archives; defaults
	// "/:year/", "/:year/:month/" and "/:year/:month/:day/".
	Year, Month, Day string
}

// The default permalink patterns.
const (
	DefaultPostPattern     = "/:year/:month/:slug/"
	DefaultUndatedPattern  = "/:slug/"
	DefaultTermPattern     = "/:taxonomy/:term/"
	DefaultTaxonomyPattern = "/:taxonomy/"
	DefaultPagePattern     = "page/:num/"
	DefaultYearPattern     = "/:year/"
	DefaultMonthPattern    = "/:year/:month/"
	DefaultDayPattern      = "/:year/:month/:day/"
)

// withDefaults returns p with every empty pattern set to its default.
func (p Permalinks) withDefaults() Permalinks {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	undatedFromPost := p.Undated == "" && p.Post != "" && !usesDate(p.Post)
	def(&p.Post, DefaultPostPattern)
	if undatedFromPost {
		p.Undated = p.Post
	}
	def(&p.Undated, DefaultUndatedPattern)
	def(&p.Term, DefaultTermPattern)
	def(&p.Taxonomy, DefaultTaxonomyPattern)
	def(&p.Page, DefaultPagePattern)
	def(&p.Year, DefaultYearPattern)
	def(&p.Month, DefaultMonthPattern)
	def(&p.Day, DefaultDayPattern)
	return p
}

func usesDate(pattern string) bool {
	for _, t := range []string{":year", ":month", ":day"} {
		if strings.Contains(pattern, t) {
			return true
		}
	}
	return false
}

// lang returns the page language.
func (s *Site) lang() string {
	if s.Language == "" {
		return "en"
	}
	return s.Language
}

func (s *Site) perPage() int {
	if s.PerPage <= 0 {
		return 10
	}
	return s.PerPage
}

// inZone returns t in the site's location, or as written when there is
// none.
func (s *Site) inZone(t time.Time) time.Time {
	if s.Location == nil {
		return t
	}
	return t.In(s.Location)
}

// basePath is the path of BaseURL without its trailing slash ("" for a
// site at the root or with no BaseURL).
func (s *Site) basePath() string {
	u, err := url.Parse(s.BaseURL)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.EscapedPath(), "/")
}

// PostURL returns the site-relative path of p's page, such as
// "/2017/03/hello/", from the Post pattern (Undated for an undated post).
// A pattern or post that gives an unsafe path is reported by Check; on
// such input PostURL still returns a cleaned path that stays inside the
// site.
func (s *Site) PostURL(p *post.Post) string {
	u, _ := s.postPath(p)
	return u
}

func (s *Site) postPath(p *post.Post) (string, error) {
	pl := s.Permalinks.withDefaults()
	pattern := pl.Post
	if p.Date.IsZero() || p.Kind == post.KindPage {
		pattern = pl.Undated
	}
	return sitepath.Expand(pattern, s.postTokens(p))
}

// postTokens returns the value of each post token for p.
func (s *Site) postTokens(p *post.Post) func(string) (string, bool) {
	return func(tok string) (string, bool) {
		switch tok {
		case "year", "month", "day":
			if p.Date.IsZero() {
				return "", true
			}
			return dateToken(s.inZone(p.Date), tok), true
		case "slug":
			if p.Slug != "" {
				return p.Slug, true
			}
			return post.Slugify(p.Title), true
		case "title":
			return post.Slugify(p.Title), true
		case "category":
			if len(p.Categories) == 0 {
				return "", true
			}
			return termSlug(p.Categories[0]), true
		case "author":
			if len(p.Authors) == 0 {
				return "", true
			}
			return authorSlug(p.Authors[0]), true
		case "section":
			dir, _, ok := strings.Cut(p.Source.Path, "/")
			if !ok || dir == "" {
				return "", true
			}
			return post.Slugify(dir), true
		}
		return "", false
	}
}

func dateToken(t time.Time, tok string) string {
	switch tok {
	case "year":
		return zeroPad(t.Year(), 4)
	case "month":
		return zeroPad(int(t.Month()), 2)
	}
	return zeroPad(t.Day(), 2)
}

// zeroPad is fmt.Sprintf("%0*d", width, n) without fmt's cost, which
// every post's path paid.
func zeroPad(n, width int) string {
	if n < 0 {
		return fmt.Sprintf("%0*d", width, n)
	}
	var b [20]byte
	s := strconv.AppendInt(b[:0], int64(n), 10)
	for len(s) < width {
		s = append([]byte{'0'}, s...)
	}
	return string(s)
}

// termSlug is t's slug, or the slug of its name when it has none.
func termSlug(t post.Term) string {
	if t.Slug != "" {
		return t.Slug
	}
	return post.Slugify(t.Name)
}

func authorSlug(a post.Author) string {
	if a.Slug != "" {
		return a.Slug
	}
	return post.Slugify(a.Name)
}

// taxonomySlug is the path segment of a taxonomy: its name when that is
// already a slug ("categories"), else the name's slug, since custom
// taxonomy names come from front-matter keys and may hold anything.
func taxonomySlug(name string) string {
	if s := post.Slugify(name); s != name {
		return s
	}
	return name
}

// TermURL returns the site-relative path of the page of the term with
// slug term in taxonomy ("categories", "tags", "authors" or a custom
// one), from the Term pattern.
func (s *Site) TermURL(taxonomy, term string) string {
	u, _ := s.termPath(taxonomy, term)
	return u
}

func (s *Site) termPath(taxonomy, term string) (string, error) {
	return sitepath.Expand(s.Permalinks.withDefaults().Term, func(tok string) (string, bool) {
		switch tok {
		case "taxonomy":
			return taxonomySlug(taxonomy), true
		case "term":
			return term, true
		}
		return "", false
	})
}

// TaxonomyURL returns the site-relative path of the page listing every
// term of taxonomy, from the Taxonomy pattern.
func (s *Site) TaxonomyURL(taxonomy string) string {
	u, _ := s.taxonomyPath(taxonomy)
	return u
}

func (s *Site) taxonomyPath(taxonomy string) (string, error) {
	return sitepath.Expand(s.Permalinks.withDefaults().Taxonomy, func(tok string) (string, bool) {
		if tok == "taxonomy" {
			return taxonomySlug(taxonomy), true
		}
		return "", false
	})
}

// ArchiveURL returns the site-relative path of a date archive: the year's
// when month is 0, the month's when day is 0, otherwise the day's.
func (s *Site) ArchiveURL(year, month, day int) string {
	u, _ := s.archivePath(year, month, day)
	return u
}

func (s *Site) archivePath(year, month, day int) (string, error) {
	pl := s.Permalinks.withDefaults()
	pattern := pl.Day
	switch {
	case month == 0:
		pattern = pl.Year
	case day == 0:
		pattern = pl.Month
	}
	vals := map[string]string{
		"year":  fmt.Sprintf("%04d", year),
		"month": fmt.Sprintf("%02d", month),
		"day":   fmt.Sprintf("%02d", day),
	}
	return sitepath.Expand(pattern, func(tok string) (string, bool) {
		v, ok := vals[tok]
		return v, ok
	})
}

// PageURL returns the path of page n (counting from 1) of the list whose
// first page is at base: base itself for n <= 1, otherwise base with the
// Page pattern appended.
func (s *Site) PageURL(base string, n int) string {
	u, _ := s.pagePath(base, n)
	return u
}

func (s *Site) pagePath(base string, n int) (string, error) {
	if n <= 1 {
		return base, nil
	}
	dir := base
	if !strings.HasSuffix(dir, "/") {
		// A list written as a file ("/tags.html") pages beside it.
		dir = path.Dir(dir) + "/"
	}
	return sitepath.Expand(dir+s.Permalinks.withDefaults().Page, func(tok string) (string, bool) {
		if tok == "num" {
			return fmt.Sprint(n), true
		}
		return "", false
	})
}

// AbsURL returns the absolute URL of the site path p (BaseURL joined with
// p). With no BaseURL it returns p. p is taken as site-relative even
// without a leading slash.
func (s *Site) AbsURL(p string) string {
	if s.BaseURL == "" {
		return p
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return strings.TrimSuffix(s.BaseURL, "/") + p
}

// FilePath returns the slash-separated file, relative to the output root,
// that serves the site path urlPath: "x/y/index.html" for "/x/y/" or
// "/x/y", and "404.html" for "/404.html". A query or fragment is ignored,
// backslashes count as slashes, and ".." cannot climb above the root, so
// the result never escapes the output folder; Check reports the paths
// that would need such cleaning.
func FilePath(urlPath string) string { return sitepath.FilePath(urlPath) }

// linkTail is what a link to the site path to puts after the linking
// page's root (see Renderer.rootOf): under RelativeURLs the file serving
// to, relative to the site root ("tags/go/index.html"), otherwise to
// itself. A fragment is kept.
func (s *Site) linkTail(to string) string {
	frag := ""
	if i := strings.IndexByte(to, '#'); i >= 0 {
		to, frag = to[:i], to[i:]
	}
	switch {
	case !s.RelativeURLs:
		return to + frag
	case cleanDir(to):
		return to[1:] + "index.html" + frag
	}
	return FilePath(to) + frag
}

// ups holds the "../" steps rootPrefix slices from, enough for the
// folders of every path folio makes.
const ups = "../../../../../../../../../../../../../../../../"

// rootPrefix is how the page at site path from reaches the site root
// under RelativeURLs: "./" for a page in the top folder, else one "../"
// per folder below it. Relative links always climb to the root and go
// down from there, as Hugo's do, rather than taking the shortest way:
// a link to a given path is then the same on every page of the same
// depth, so what lists share (a post's entry, the header, the footer)
// is rendered once, not once per page.
func rootPrefix(from string) string {
	dir := path.Dir(FilePath(from))
	if dir == "." {
		return "./"
	}
	n := strings.Count(dir, "/") + 1
	if 3*n <= len(ups) {
		return ups[:3*n]
	}
	return strings.Repeat("../", n)
}
