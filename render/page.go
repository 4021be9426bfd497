package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"iter"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/sitepath"
	"github.com/folio-go/folio/render/markup"
	"github.com/folio-go/folio/taxonomy"
)

// PageOptions tune a Renderer. The zero value renders with the default
// theme and body renderer.
type PageOptions struct {
	// Templates replaces theme files by name: a base.html, partials.html,
	// home.html, post.html, taxonomy.html, term.html, author.html,
	// archive.html, 404.html or style.css found here is used instead of
	// the default theme's (see DefaultTheme), so a site can change one
	// template or all of them. Its other top-level *.html files are
	// parsed into every page's template set. The templates rendered once
	// for many pages, "header", "footer" and "entry" (see ChromeData and
	// PostData.Entry), are taken from base.html, partials.html and those
	// other files, never from a page's own file. Nil uses the default
	// theme.
	Templates fs.FS
	// Body renders post bodies; nil means markup.New with Site.UnsafeHTML.
	// Its output is sanitized unless Site.UnsafeHTML is set.
	Body markup.BodyRenderer
	// SummaryWords is the length of a derived summary; 0 or less means
	// DefaultSummaryWords.
	SummaryWords int
	// Related is how many related posts a post page lists; 0 means 5 and
	// a negative number none.
	Related int
	// Feeds, when set, names the feeds a page links to in its head, so
	// that feed readers find them from the page. It is called with the
	// page's kind and the site path of what the page shows: the list's
	// first page for every page of a paginated list ("/", "/tags/go/",
	// "/2017/"), the post's path for a post page. A FeedLink whose URL is
	// neither a site path nor a safe http or https URL is left out. Nil
	// links no feeds, since only the site builder knows which it writes.
	// Pages written in parallel call it at the same time, so it must be
	// safe for concurrent use (a lookup in a map made beforehand is).
	Feeds func(kind Kind, base string) []FeedLink
	// ImageSize, when set, gives the width and height in pixels of an
	// image a post's body shows, src as the body wrote it ("harbour.jpg",
	// "/assets/map.png"), or false when unknown; post pages then write
	// them on <img> tags that have neither, so the page does not jump as
	// images load. Pages written in parallel call it at the same time,
	// so it must be safe for concurrent use.
	ImageSize func(p *post.Post, src string) (width, height int, ok bool)
	// NoDayArchives leaves out the page of each day (year and month
	// archives stay); a big blog has nearly as many days as posts, and few
	// readers browse by day.
	NoDayArchives bool
	// Limits bound each body's size and shape before the body renderer
	// sees it (see markup.Limits; the zero value uses its defaults, which
	// no real post reaches). A body past one is shown, on its page, in
	// lists and in feeds, as its text in escaped plain paragraphs, and
	// Warn is told, once per post.
	Limits markup.Limits
	// Origin is the absolute URL of the site the content came from
	// ("https://go.dev/"). A root-relative link in a body that leads to
	// no page of this site (nor, with SiteHas, to a file the builder
	// writes) becomes an absolute link there, so that links to the rest
	// of the old site keep working. Empty leaves such links alone. Links
	// to a post's old address (post.Post.Aliases, root-relative or on
	// Origin's host) always lead to the post's new page.
	Origin string
	// Protected publishes the text of protected posts
	// (post.Post.Protected). Without it a protected post's page shows its
	// title and markup.ProtectedNotice in place of its body, its summary
	// everywhere (lists, the page's description and JSON-LD, Summary) is
	// that notice, and its word count is 0.
	Protected bool
	// SiteHas, when set, reports whether the builder writes a file at a
	// site path beyond the pages (a feed, an image), so that Origin
	// leaves links to it alone. It must be safe for concurrent use.
	SiteHas func(sitePath string) bool

	// Shortcodes expands the shortcodes and template actions of each
	// body's dialect (post.Body.Dialect) before it is rendered; nil means
	// markup.NewHandlers(), the built-ins of every dialect. Register a
	// site's own shortcodes there.
	Shortcodes *markup.Handlers
	// ReadFile reads a file of the loaded tree by its slash-separated
	// path relative to the root, for Go blog {{code}} and Liquid
	// {% include %}; nil reads none (those calls then warn).
	ReadFile func(name string) ([]byte, error)
	// Warn receives the problems found while expanding bodies (unknown
	// shortcodes, links to posts that are not loaded), each with its
	// place in the post's file, and each body past Limits. Pages written in parallel call it at the
	// same time, so it must be safe for concurrent use. Nil drops them.
	Warn func(post.Warning)
}

// Renderer writes the HTML pages of a site: one per post, the paginated
// home page, a page per taxonomy, per term and per archive period, a 404
// page, and the stylesheet. Make one with NewRenderer; it is safe for
// concurrent use, so pages can be written in parallel.
type Renderer struct {
	site    Site
	idx     *taxonomy.Index
	body    markup.BodyRenderer
	markup  *markup.Renderer // body when PageOptions.Body is nil
	opt     PageOptions
	theme   *theme
	pages   []Page
	posts   map[*post.Post]*postCache
	authors map[string]post.Author // by slug: the details of each author
	// termURLs holds the site path of every term's page, made once
	// rather than on each page that links to the term.
	termURLs map[*taxonomy.Term]sitePath
	// refs maps the names bodies use for posts to their permalinks (see
	// refIndex), made on first use.
	refsOnce sync.Once
	refs     func(string, *post.Post) (string, bool)
	// bufs holds the buffers pages are executed into, so that a page does
	// not grow a buffer of its own from nothing.
	bufs sync.Pool
	// nav and years are the site-wide links every page carries, with
	// site paths for URLs; each page makes them relative to itself.
	nav, years []Link
	// basePath is Site.basePath, put in front of root-relative links.
	basePath string
	// aliases maps the old addresses of posts (post.Post.Aliases, by
	// links.Key) to the posts; sitePaths holds the pages' paths by
	// links.Key when PageOptions.Origin is set; see rewriteLinks.
	aliases    map[string]*post.Post
	sitePaths  map[string]bool
	originHost string
	// chromes holds the header and footer of each chromeKey; an
	// EditedPostPage Renderer shares its maker's.
	chromes *sync.Map
	// sentinel stands for the root of a page's links in entries rendered
	// once for every list page (see entry); it is random so that no
	// content can hold it.
	sentinel string
	// keys are the digests of what each page shows, for Changes; made on
	// first use.
	keys pageKeys
	// standIn is the edited copy of a post this Renderer writes in the
	// place of one of the index's (see EditedPostPage); nil otherwise.
	standIn *standIn
}

// themeIDs are the ids the default theme's pages use around a post's
// body, which no heading of the body may take.
var themeIDs = []string{"main", "toc-heading", "related-heading"}

// postCache holds what every list showing a post needs of it, made once
// however many pages show it: its path, word count and rendered summary.
// The body is rendered only for the post's own page and not kept, so
// that a big site does not hold every body as HTML at once.
type postCache struct {
	sitePath // from Site.PostURL
	// date and updated are the post's dates as pages show them; zero
	// when unknown (updated also when it is the date).
	date, updated shownDate
	once          sync.Once
	words         int
	summary       template.HTML
	truncated     bool
	err           error
	// entry is the post as the theme's "entry" template shows it, with
	// links starting at the Renderer's entryRoot.
	entryOnce sync.Once
	entry     string
	entryErr  error
	// body is the rendered body, kept only once Renderer.Body has been
	// asked for it (see there); bodyDone says it is set.
	bodyOnce sync.Once
	bodyDone atomic.Bool
	body     template.HTML
	bodyErr  error
	// guarded is the post's body as Limits allow it to be rendered.
	guardOnce sync.Once
	guarded   post.Body
	past      bool
	// content and shown are the digests Changes compares (see changes.go).
	contentOnce, shownOnce sync.Once
	content, shown         digest
	hasContent             bool
	rank                   int32 // in the index's order, for Changes
}

// Page is one file of the site: where it goes and how to write it.
type Page struct {
	// Path is the page's site path, such as "/2017/03/hello/".
	Path string
	Kind Kind
	// Post is the post of a KindPost page; nil otherwise.
	Post  *post.Post
	write func(io.Writer) error
	// in is what the page shows, for Changes to compare.
	in pageIn
	// file is FilePath(filePath), made once when the Renderer lists the
	// page; it stands while Path is filePath.
	file, filePath string
}

// File is the slash-separated file the page is written to, relative to
// the output folder; see FilePath.
func (p Page) File() string {
	if p.file != "" && p.filePath == p.Path {
		return p.file
	}
	return FilePath(p.Path)
}

// Write writes the page to w. The page is rendered in full before
// anything is written, so an error leaves w untouched unless w itself
// fails.
func (p Page) Write(w io.Writer) error { return p.write(w) }

// NewRenderer checks site against the posts of idx and parses the theme.
// It returns an error, before anything is written, when BaseURL is set
// but is not an absolute http or https URL without query or fragment
// (every canonical link and feed URL is built on it), when a permalink
// pattern or a post gives an unsafe path, when two pages would be written
// to one file (see Site.Check, ErrUnsafePath and ErrPathClash), when idx
// is nil, or when a template does not parse. A nil site is the zero Site.
func NewRenderer(site *Site, idx *taxonomy.Index, opt PageOptions) (*Renderer, error) {
	if idx == nil {
		return nil, errors.New("render: NewRenderer: nil taxonomy index")
	}
	if site == nil {
		site = &Site{}
	}
	if err := checkBaseURL(site.BaseURL); err != nil {
		return nil, err
	}
	r := &Renderer{site: *site, idx: idx, opt: opt, body: opt.Body, basePath: site.basePath(), chromes: &sync.Map{},
		sentinel: fmt.Sprintf("folioroot%016x", rand.Uint64())}
	if r.opt.Shortcodes == nil {
		r.opt.Shortcodes = markup.NewHandlers()
	}
	if r.body == nil {
		r.markup = markup.New(markup.Options{UnsafeHTML: site.UnsafeHTML, Expand: r.expandOptions(), Limits: opt.Limits, ReservedIDs: themeIDs})
		r.body = r.markup
	}
	// Site.Check, keeping the paths it expands.
	if err := r.site.checkPatterns(); err != nil {
		return nil, err
	}
	all := append(slices.Clip(idx.Posts()), idx.Pages()...)
	urls := make(map[*post.Post]string, len(all))
	if _, errs := r.site.admit(all, urls); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	th, err := loadTheme(opt.Templates)
	if err != nil {
		return nil, err
	}
	r.theme = th
	r.posts = make(map[*post.Post]*postCache, len(all))
	caches := make([]postCache, len(all))
	for i, p := range all {
		caches[i].sitePath = r.sitePath(urls[p])
		r.posts[p] = &caches[i]
	}
	r.termURLs = map[*taxonomy.Term]sitePath{}
	for _, name := range idx.Taxonomies() {
		for t := range idx.Taxonomy(name).All() {
			r.termURLs[t] = r.sitePath(r.site.TermURL(name, t.Slug))
		}
	}
	r.authors = collectAuthors(idx.Posts())
	for _, name := range idx.Taxonomies() {
		r.nav = append(r.nav, Link{Text: taxonomyTitle(name), URL: r.site.TaxonomyURL(name)})
	}
	for y := range idx.Years() {
		r.years = append(r.years, Link{Text: fmt.Sprintf("%04d", y.Year), URL: r.site.ArchiveURL(y.Year, 0, 0), Count: y.Count()})
	}
	if err := r.enumerate(); err != nil {
		return nil, err
	}
	r.buildLinkMaps(append(slices.Clip(idx.Posts()), idx.Pages()...))
	return r, nil
}

// collectAuthors merges what the posts say about each author: the first
// URL and bio found, newest post first.
func collectAuthors(posts []*post.Post) map[string]post.Author {
	out := map[string]post.Author{}
	for _, p := range posts {
		for _, a := range p.Authors {
			slug := authorSlug(a)
			have := out[slug]
			if have.URL == "" {
				have.URL = a.URL
			}
			if have.Bio == "" {
				have.Bio = a.Bio
			}
			out[slug] = have
		}
	}
	return out
}

// Pages yields every page of the site, in this order: the home pages,
// the posts (newest first, undated last), the site's pages
// (taxonomy.Index.Pages: a post.KindPage post is written like a post, at
// its own path, without newer, older or related links, and is in no
// list, archive or feed), then for each taxonomy its page
// and its terms' pages (terms by name), then the archives (each year,
// newest first, followed by its months and their days), the 404 page and
// the stylesheet. Every page has a file of its own.
func (r *Renderer) Pages() iter.Seq[Page] { return slices.Values(r.pages) }

// PostPage returns the page of p, one of the index's posts, as Pages
// lists it; ok is false for a post the index does not hold.
func (r *Renderer) PostPage(p *post.Post) (pg Page, ok bool) {
	c := r.cacheOf(p)
	if c == nil {
		return Page{}, false
	}
	return Page{Path: c.url, Kind: KindPost, Post: p, write: func(w io.Writer) error { return r.WritePost(w, p) }}, true
}

// enumerate lists every page and checks that no two share a file.
func (r *Renderer) enumerate() error {
	var errs []error
	// seen maps each file to the page written there; what names a page
	// only for an error.
	seen := map[string]Page{}
	what := func(pg Page) string {
		switch {
		case pg.Post != nil:
			return postName(pg.Post)
		case pg.Kind == KindHome:
			return fmt.Sprintf("home page %d", pg.in.n)
		case pg.Kind == KindTaxonomy:
			return "taxonomy " + pg.in.taxonomy
		case pg.in.term != nil:
			return fmt.Sprintf("%s %q page %d", pg.in.taxonomy, pg.in.term.Slug, pg.in.n)
		case pg.in.period != nil:
			return fmt.Sprintf("archive %s page %d", pg.in.period, pg.in.n)
		case pg.Kind == KindNotFound:
			return "404 page"
		}
		return "stylesheet"
	}
	add := func(pg Page) {
		if pg.Post == nil || pg.Post.Kind == post.KindPage {
			// A post's path was checked when it was expanded.
			if err := sitepath.CheckPath(pg.Path); err != nil {
				errs = append(errs, fmt.Errorf("render: %s: path %q: %w", what(pg), pg.Path, err))
				return
			}
		}
		f := pg.File()
		pg.file, pg.filePath = f, pg.Path
		if prev, ok := seen[f]; ok {
			errs = append(errs, fmt.Errorf("render: %s and %s are both written to %s: %w", what(prev), what(pg), f, ErrPathClash))
			return
		}
		seen[f] = pg
		r.pages = append(r.pages, pg)
	}
	for n := range r.pageCount(r.idx.Posts()) {
		add(Page{Path: r.site.PageURL("/", n+1), Kind: KindHome, write: func(w io.Writer) error { return r.WriteHome(w, n+1) },
			in: pageIn{base: "/", n: n + 1, posts: r.idx.Posts()}})
	}
	for _, p := range r.idx.Posts() {
		pg, _ := r.PostPage(p)
		add(pg)
	}
	for _, p := range r.idx.Pages() {
		add(Page{Path: r.cacheOf(p).url, Kind: KindPost, Post: p, write: func(w io.Writer) error { return r.WritePost(w, p) }})
	}
	for _, name := range r.idx.Taxonomies() {
		add(Page{Path: r.site.TaxonomyURL(name), Kind: KindTaxonomy, write: func(w io.Writer) error { return r.WriteTaxonomy(w, name) },
			in: pageIn{base: r.site.TaxonomyURL(name), taxonomy: name}})
		kind := KindTerm
		if name == taxonomy.Authors {
			kind = KindAuthor
		}
		for t := range r.idx.Taxonomy(name).All() {
			base := r.termURLs[t].url
			for n := range r.pageCount(r.termPosts(t)) {
				add(Page{Path: r.site.PageURL(base, n+1), Kind: kind, write: func(w io.Writer) error { return r.WriteTerm(w, name, t.Slug, n+1) },
					in: pageIn{base: base, n: n + 1, posts: r.termPosts(t), taxonomy: name, term: t}})
			}
		}
	}
	for y := range r.idx.Years() {
		r.addPeriod(y, add)
		for m := range y.Months() {
			r.addPeriod(m, add)
			if r.opt.NoDayArchives {
				continue
			}
			for d := range m.Days() {
				r.addPeriod(d, add)
			}
		}
	}
	add(Page{Path: "/404.html", Kind: KindNotFound, write: r.WriteNotFound})
	add(Page{Path: "/" + StylesheetName, Kind: KindAsset, write: r.WriteStylesheet})
	return errors.Join(errs...)
}

func (r *Renderer) addPeriod(p *taxonomy.Period, add func(Page)) {
	kind := periodKind(p)
	base := r.site.ArchiveURL(p.Year, int(p.Month), p.Day)
	for n := range r.pageCount(p.Posts) {
		add(Page{Path: r.site.PageURL(base, n+1), Kind: kind, write: func(w io.Writer) error {
			return r.WriteArchive(w, p.Year, int(p.Month), p.Day, n+1)
		}, in: pageIn{base: base, n: n + 1, posts: p.Posts, period: p}})
	}
}

func periodKind(p *taxonomy.Period) Kind {
	switch {
	case p.Month == 0:
		return KindYear
	case p.Day == 0:
		return KindMonth
	}
	return KindDay
}

// pageCount is the number of pages a list of posts takes: at least 1.
func (r *Renderer) pageCount(posts []*post.Post) int {
	return pageTotal(len(posts), r.site.perPage())
}

// termPosts are the posts a term's page lists: for a category those of
// its sub-categories too, as WordPress does.
func (r *Renderer) termPosts(t *taxonomy.Term) []*post.Post {
	if t.Taxonomy == taxonomy.Categories {
		return t.AllPosts()
	}
	return t.Posts
}

// execute renders kind's template with d and copies the result to w.
func (r *Renderer) execute(w io.Writer, kind Kind, d *PageData) error {
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		buf.Reset()
		r.bufs.Put(buf)
	}()
	if err := r.theme.pages[kind].Execute(buf, d); err != nil {
		return fmt.Errorf("render: %s page %s: %w", kind, d.Path, err)
	}
	out := buf.Bytes()
	// Titles, names and the rest reach the page through html/template,
	// which escapes markup but passes on NUL, control characters and
	// bytes that are not UTF-8; a valid page has none of them.
	out = markup.CleanBytes(out)
	_, err := w.Write(out)
	return err
}

// WritePost writes the page of p, which must be one of the index's posts.
// An error from the body renderer is returned and nothing is written.
func (r *Renderer) WritePost(w io.Writer, p *post.Post) error {
	if r.cacheOf(p) == nil {
		return fmt.Errorf("render: %s is not in the index", postName(p))
	}
	path := r.cacheOf(p).url
	d, err := r.newPage(KindPost, path, path)
	if err != nil {
		return err
	}
	pd, err := r.postData(r.rootOf(path), p, true)
	if err != nil {
		return err
	}
	d.Post = pd
	d.Title = pd.Title
	d.DocTitle = pd.Title + " – " + r.siteTitle()
	d.Description = markup.Description(pd.Summary)
	d.JSONLD = r.blogPosting(pd, d.Description)
	return r.execute(w, KindPost, d)
}

// WriteHome writes page n (from 1) of the home page. A page number out of
// range is an error.
func (r *Renderer) WriteHome(w io.Writer, n int) error {
	posts := r.idx.Posts()
	d, err := r.listPage(KindHome, "/", posts, n)
	if err != nil {
		return err
	}
	d.Title = r.siteTitle()
	d.DocTitle = pagedTitle(r.siteTitle(), "", n)
	d.Description = r.site.Description
	return r.execute(w, KindHome, d)
}

// WriteTaxonomy writes the page listing every term of the named
// taxonomy. An unknown taxonomy is an error.
func (r *Renderer) WriteTaxonomy(w io.Writer, name string) error {
	tx := r.idx.Taxonomy(name)
	if tx == nil {
		return fmt.Errorf("render: no taxonomy %q", name)
	}
	path := r.site.TaxonomyURL(name)
	d, err := r.newPage(KindTaxonomy, path, path)
	if err != nil {
		return err
	}
	d.Taxonomy = r.taxonomyData(r.rootOf(path), name)
	d.Title = d.Taxonomy.Title
	d.DocTitle = d.Title + " – " + r.siteTitle()
	d.Description = fmt.Sprintf("%s of %s.", d.Taxonomy.Title, r.siteTitle())
	if name == taxonomy.Categories {
		for _, t := range tx.Roots() {
			d.Terms = append(d.Terms, r.termTree(r.rootOf(path), t))
		}
	} else {
		for t := range tx.All() {
			d.Terms = append(d.Terms, r.termData(r.rootOf(path), t))
		}
	}
	return r.execute(w, KindTaxonomy, d)
}

// WriteTerm writes page n (from 1) of the term with the given slug in the
// named taxonomy; for "authors" that is the author's page. An unknown
// taxonomy or term, or a page number out of range, is an error.
func (r *Renderer) WriteTerm(w io.Writer, name, slug string, n int) error {
	tx := r.idx.Taxonomy(name)
	if tx == nil {
		return fmt.Errorf("render: no taxonomy %q", name)
	}
	t := tx.Get(slug)
	if t == nil {
		return fmt.Errorf("render: no %s term %q", name, slug)
	}
	kind := KindTerm
	if name == taxonomy.Authors {
		kind = KindAuthor
	}
	d, err := r.listPage(kind, r.site.TermURL(name, slug), r.termPosts(t), n)
	if err != nil {
		return err
	}
	d.Taxonomy = r.taxonomyData(r.rootOf(d.Path), name)
	d.Term = r.termData(r.rootOf(d.Path), t)
	for _, c := range t.Children {
		d.Term.Children = append(d.Term.Children, r.termData(r.rootOf(d.Path), c))
	}
	d.Title = t.Name
	if kind == KindAuthor {
		ad := r.authorData(r.rootOf(d.Path), post.Author{Name: t.Name, Slug: t.Slug})
		d.Author = &ad
		d.Description = fmt.Sprintf("Posts by %s.", t.Name)
	} else {
		d.Title = d.Taxonomy.Singular + ": " + t.Name
		d.Description = fmt.Sprintf("Posts filed under %s.", t.Name)
	}
	d.DocTitle = pagedTitle(d.Title, r.siteTitle(), n)
	return r.execute(w, kind, d)
}

// WriteArchive writes page n (from 1) of a date archive: the year's when
// month is 0, the month's when day is 0, else the day's. A period with no
// posts, or a page number out of range, is an error.
func (r *Renderer) WriteArchive(w io.Writer, year, month, day, n int) error {
	var p *taxonomy.Period
	switch {
	case month == 0:
		p = r.idx.Year(year)
	case day == 0:
		p = r.idx.Month(year, time.Month(month))
	default:
		p = r.idx.Day(year, time.Month(month), day)
	}
	if p == nil {
		return fmt.Errorf("render: no posts in %04d-%02d-%02d", year, month, day)
	}
	kind := periodKind(p)
	d, err := r.listPage(kind, r.site.ArchiveURL(year, month, day), p.Posts, n)
	if err != nil {
		return err
	}
	d.Period = r.periodData(r.rootOf(d.Path), p)
	d.Title = "Posts from " + d.Period.Title
	d.DocTitle = pagedTitle(d.Title, r.siteTitle(), n)
	d.Description = fmt.Sprintf("Posts of %s published in %s.", r.siteTitle(), d.Period.Title)
	return r.execute(w, kind, d)
}

// WriteNotFound writes the 404 page, at /404.html.
func (r *Renderer) WriteNotFound(w io.Writer) error {
	d, err := r.newPage(KindNotFound, "/404.html", "/404.html")
	if err != nil {
		return err
	}
	d.Title = "Page not found"
	d.DocTitle = d.Title + " – " + r.siteTitle()
	d.Canonical = ""
	return r.execute(w, KindNotFound, d)
}

// WriteStylesheet writes the theme's style.css.
func (r *Renderer) WriteStylesheet(w io.Writer) error {
	_, err := w.Write(r.theme.css)
	return err
}

func (r *Renderer) siteTitle() string {
	if strings.TrimSpace(r.site.Title) == "" {
		return "Untitled site"
	}
	return r.site.Title
}

// pagedTitle is "title – site", with "page n" for pages after the first.
func pagedTitle(title, site string, n int) string {
	if n > 1 {
		title += fmt.Sprintf(" (page %d)", n)
	}
	if site != "" {
		title += " – " + site
	}
	return title
}

// checkBaseURL accepts an empty base URL or an absolute http or https one
// with a host and neither query nor fragment, which paths can be joined to.
func checkBaseURL(base string) error {
	if base == "" {
		return nil
	}
	u, err := url.Parse(base)
	if !markup.IsWebURL(base) || err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || strings.TrimSpace(base) != base {
		return fmt.Errorf("render: NewRenderer: BaseURL %q: want an absolute http or https URL without query or fragment", base)
	}
	return nil
}

// pageIn is what a page shows beyond its kind and path, for Changes: the
// list it pages through (base, page number, all the list's posts), the
// taxonomy and term, or the archive period.
type pageIn struct {
	base     string
	n        int
	posts    []*post.Post
	taxonomy string
	term     *taxonomy.Term
	period   *taxonomy.Period
}
