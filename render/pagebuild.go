package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/sitepath"
	"github.com/folio-go/folio/render/markup"
	"github.com/folio-go/folio/taxonomy"
)

// newPage fills what every page has: the site, the navigation, the
// header and footer and the head links, all relative to path; base is
// the site path of what the page shows (see PageOptions.Feeds).
func (r *Renderer) newPage(kind Kind, path, base string) (*PageData, error) {
	s := &r.site
	root := r.rootOf(path)
	if kind == KindNotFound && s.RelativeURLs {
		// A server shows the 404 page at whatever path was missing, at
		// any depth, so links relative to /404.html would break; and a
		// site opened from disk never shows it. Its links start at the
		// site root instead.
		root = r.basePath + "/"
	}
	d := &PageData{Kind: kind, Path: path}
	if s.BaseURL != "" {
		d.Canonical = s.AbsURL(path)
	}
	if r.opt.Feeds != nil {
		d.Feeds = r.feedLinks(root, r.opt.Feeds(kind, base))
	}
	current := -1
	if kind == KindHome {
		current = 0
	}
	for i, l := range r.nav {
		if l.URL == path {
			current = i + 1
		}
	}
	ch, err := r.chrome(root, current)
	if err != nil {
		return nil, err
	}
	d.Site, d.HomeURL, d.StylesheetURL = ch.Site, ch.HomeURL, ch.StylesheetURL
	d.Nav, d.Years, d.Header, d.Footer = ch.Nav, ch.Years, ch.header, ch.footer
	return d, nil
}

// feedLinks links feeds from a page whose links start with root,
// leaving out any whose URL is neither a site path nor a safe web URL.
func (r *Renderer) feedLinks(root string, feeds []FeedLink) []FeedLink {
	var out []FeedLink
	for _, f := range feeds {
		u := strings.TrimSpace(f.URL)
		switch {
		case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && sitepath.CheckPath(u) == nil:
			u = r.link(root, u)
		case markup.IsWebURL(u):
		default:
			continue
		}
		out = append(out, FeedLink{Type: f.Type, Title: f.Title, URL: u})
	}
	return out
}

func (r *Renderer) siteData() SiteData {
	s := &r.site
	return SiteData{
		Title: r.siteTitle(), Description: s.Description, Language: s.lang(),
		BaseURL: s.BaseURL, Author: s.Author.Name,
	}
}

// chromeKey names one variant of the header and footer: the root of the
// pages' links and which navigation link is current (-1 none, 0 home,
// i+1 the i-th taxonomy).
type chromeKey struct {
	root    string
	current int
}

// chrome is the navigation, archive links, header and footer shared by
// the pages of one chromeKey, made on first use and then read-only.
type chrome struct {
	ChromeData
	header, footer template.HTML
}

// chrome returns the header and footer for pages whose links start with
// root, executing the theme's "header" and "footer" templates the first
// time a variant is asked for. A site has a handful of variants (its
// page depths times the navigation links), against thousands of pages.
func (r *Renderer) chrome(root string, current int) (*chrome, error) {
	key := chromeKey{root, current}
	if ch, ok := r.chromes.Load(key); ok {
		return ch.(*chrome), nil
	}
	ch := &chrome{ChromeData: ChromeData{Site: r.siteData(), HomeURL: r.link(root, "/"), StylesheetURL: r.link(root, "/"+StylesheetName)}}
	ch.Nav = make([]Link, 0, 1+len(r.nav))
	ch.Nav = append(ch.Nav, Link{Text: "Home", URL: ch.HomeURL, Current: current == 0})
	for i, l := range r.nav {
		ch.Nav = append(ch.Nav, Link{Text: l.Text, URL: r.link(root, l.URL), Current: current == i+1})
	}
	if len(r.years) > 0 {
		ch.Years = make([]Link, len(r.years))
		for i, l := range r.years {
			ch.Years[i] = Link{Text: l.Text, URL: r.link(root, l.URL), Count: l.Count}
		}
	}
	var err error
	if ch.header, err = r.executePart(r.theme.header, &ch.ChromeData); err != nil {
		return nil, err
	}
	if ch.footer, err = r.executePart(r.theme.footer, &ch.ChromeData); err != nil {
		return nil, err
	}
	got, _ := r.chromes.LoadOrStore(key, ch)
	return got.(*chrome), nil
}

// executePart executes one of the theme's shared templates; a theme
// without it gives "".
func (r *Renderer) executePart(t *template.Template, data any) (template.HTML, error) {
	if t == nil {
		return "", nil
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("render: theme: %w", err)
	}
	return template.HTML(b.String()), nil //nolint:gosec // html/template wrote it
}

// entry returns p as the theme's "entry" template shows it on a list
// page whose links start with root. The template is executed once per
// post: under RelativeURLs with the Renderer's sentinel standing for the
// root, which each page then replaces with its own (the sentinel is
// letters and digits, which no escaper changes). A theme without "entry"
// gives "".
func (r *Renderer) entry(root string, p *post.Post) (template.HTML, error) {
	if r.theme.entry == nil {
		return "", nil
	}
	c := r.cacheOf(p)
	c.entryOnce.Do(func() {
		pd, err := r.postData(r.entryRoot(), p, false)
		if err != nil {
			c.entryErr = err
			return
		}
		h, err := r.executePart(r.theme.entry, pd)
		if err != nil {
			c.entryErr = fmt.Errorf("render: %s: %w", postName(p), err)
			return
		}
		c.entry = string(h)
	})
	if c.entryErr != nil {
		return "", c.entryErr
	}
	if !r.site.RelativeURLs {
		return template.HTML(c.entry), nil //nolint:gosec // html/template wrote it
	}
	return template.HTML(strings.ReplaceAll(c.entry, r.sentinel, root)), nil //nolint:gosec // only the root changed
}

// entryRoot is the root entries are rendered with: the sentinel under
// RelativeURLs, else the root every page shares.
func (r *Renderer) entryRoot() string {
	if r.site.RelativeURLs {
		return r.sentinel
	}
	return r.basePath
}

// listPage makes page n of a list of posts published at base.
func (r *Renderer) listPage(kind Kind, base string, posts []*post.Post, n int) (*PageData, error) {
	items, total := pageOf(posts, r.site.perPage(), n)
	if n < 1 || n > total {
		return nil, fmt.Errorf("render: %s %s has %d pages, not page %d", kind, base, total, n)
	}
	path := r.site.PageURL(base, n)
	root := r.rootOf(path)
	d, err := r.newPage(kind, path, base)
	if err != nil {
		return nil, err
	}
	d.Posts = make([]*PostData, 0, len(items))
	for _, p := range items {
		pd, err := r.postData(root, p, false)
		if err != nil {
			return nil, err
		}
		if pd.Entry, err = r.entry(root, p); err != nil {
			return nil, err
		}
		d.Posts = append(d.Posts, pd)
	}
	pg := &Pager{Number: n, Total: total}
	pg.First = r.link(root, base)
	pg.Last = r.link(root, r.site.PageURL(base, total))
	if n > 1 {
		pg.Newer = r.link(root, r.site.PageURL(base, n-1))
	}
	if n < total {
		pg.Older = r.link(root, r.site.PageURL(base, n+1))
	}
	d.Pager = pg
	return d, nil
}

// pageOf returns the posts on page n (from 1) of posts split into pages
// of size, and how many pages there are: at least 1, an empty list having
// one empty page. It splits as taxonomy.Paginate does, but works out only
// the page asked for: making every page's Page for each page written cost
// time in the square of a list's length (the home page of 100,000 posts
// has 10,000 pages).
func pageOf(posts []*post.Post, size, n int) ([]*post.Post, int) {
	total := pageTotal(len(posts), size)
	if n < 1 || n > total {
		return nil, total
	}
	if size <= 0 {
		return posts, total
	}
	lo, hi := (n-1)*size, min(n*size, len(posts))
	return posts[lo:hi:hi], total
}

// pageTotal is how many pages of size a list of n items takes, as
// taxonomy.Paginate counts them: at least 1; size 0 or less puts
// everything on one page.
func pageTotal(n, size int) int {
	if size <= 0 || n == 0 {
		return 1
	}
	return (n + size - 1) / size
}

// rendered returns p's summary and word count, making them on first use.
// The body is not rendered here, since only p's own page needs it (see
// postBody), except to learn its error when the summary fails or is
// empty: a body that does not render stops every page showing the post.
func (r *Renderer) rendered(p *post.Post) *postCache {
	c := r.cacheOf(p)
	c.once.Do(func() {
		s := &r.site
		if !p.Date.IsZero() {
			c.date = s.shownDate(p.Date)
		}
		if !p.Updated.IsZero() && !p.Updated.Equal(p.Date) {
			c.updated = s.shownDate(p.Updated)
		}
		if r.hidden(p) {
			c.summary, c.truncated, c.err = r.summary(p)
			return
		}
		h, words, expanded, err := r.expandedText(p)
		switch {
		case err != nil:
			c.err = err
		case expanded:
			c.words = words
			c.summary, c.truncated, c.err = r.summaryOf(p, h, true)
		default:
			c.words = r.wordCount(p)
			c.summary, c.truncated, c.err = r.summaryOf(p, "", false)
		}
		if c.err != nil || c.summary == "" {
			if _, err := r.postBody(p); err != nil {
				c.err = err
			}
		}
	})
	return c
}

// Summary returns p's summary as list pages show it, HTML with
// root-relative links (not yet made relative to any page), and whether
// the body goes on past it. It is rendered once per post of the index and
// kept, so a feed can share it instead of rendering it again:
//
//	feed.Summary = func(p *post.Post) (string, error) {
//		h, _, err := r.Summary(p)
//		return string(h), err
//	}
//
// A post not in the index is rendered each time it is asked for. An error
// is the body renderer's.
func (r *Renderer) Summary(p *post.Post) (template.HTML, bool, error) {
	if r.cacheOf(p) == nil {
		return r.summary(p)
	}
	c := r.rendered(p)
	return c.summary, c.truncated, c.err
}

// hidden reports whether p's text is withheld: it is protected and
// PageOptions.Protected does not ask for it.
func (r *Renderer) hidden(p *post.Post) bool { return p.Protected && !r.opt.Protected }

// postBody renders p's body for its own page: the one Body kept, or a
// new rendering that is not kept. A hidden post's body is
// markup.ProtectedNotice.
func (r *Renderer) postBody(p *post.Post) (template.HTML, error) {
	if r.hidden(p) {
		return markup.ProtectedNotice, nil
	}
	if c := r.cacheOf(p); c != nil && c.bodyDone.Load() {
		return c.body, c.bodyErr
	}
	b, _ := r.guardedBody(p)
	h, err := r.bodyHTML(p, b)
	if err != nil {
		return "", fmt.Errorf("render: %s: %w", postName(p), err)
	}
	return h, nil
}

// Body returns p's body as HTML with root-relative links, as its own
// page shows it. The first call renders it and the Renderer keeps it, so
// that the page and the feeds carrying the whole post (RSS, Atom, JSON
// Feed) share one rendering: ask for the posts a feed will carry before
// writing the pages, and every body is rendered once per build. Bodies
// not asked for are rendered for their page and not kept, so that a big
// site does not hold every body at once. A post not in the index is
// rendered each time. An error is the body renderer's.
func (r *Renderer) Body(p *post.Post) (template.HTML, error) {
	c := r.cacheOf(p)
	if c == nil {
		return r.postBody(p)
	}
	c.bodyOnce.Do(func() {
		c.body, c.bodyErr = r.postBody(p)
		c.bodyDone.Store(true)
	})
	return c.body, c.bodyErr
}

// summary renders p's summary as post.Summarize chooses it: the explicit
// summary, else the body before <!--more-->, else the leading paragraphs
// that fit in SummaryWords words (the first one cut between words when it
// alone is longer).
func (r *Renderer) summary(p *post.Post) (template.HTML, bool, error) {
	if r.hidden(p) {
		return markup.ProtectedNotice, false, nil
	}
	h, _, expanded, err := r.expandedText(p)
	if err != nil {
		return "", false, err
	}
	return r.summaryOf(p, h, expanded)
}

// summaryOf is summary given what expandedText said of p.
// A body with shortcodes or template actions (expanded true, body its
// rendered HTML) and neither an explicit summary nor a divider is cut
// from its rendered HTML by SummaryHTML instead, so that no summary
// shows a shortcode half expanded; an explicit summary or the text
// before the divider is expanded like a body.
func (r *Renderer) summaryOf(p *post.Post, body template.HTML, expanded bool) (template.HTML, bool, error) {
	if expanded && strings.TrimSpace(p.Summary) == "" {
		if _, ok := post.SplitMore(p.Body); !ok {
			h, truncated := markup.Summary(body, r.opt.SummaryWords)
			if h == "" {
				return h, truncated, nil
			}
			return r.listSummary(p, h, r.pageURL(p)), truncated, nil
		}
	}
	src := p // what to summarize: the body as the limits let it be shown
	if b, past := r.guardedBody(p); past {
		q := *p
		q.Body = b
		src = &q
	}
	text, truncated := post.Summarize(src, r.opt.SummaryWords)
	if text == "" {
		return "", truncated, nil
	}
	b := post.Body{Format: src.Body.Format, Text: text, Dialect: src.Body.Dialect}
	if clipped, ok := markup.ClipSummary(b); ok {
		b, truncated = clipped, true
	}
	h, err := r.bodyHTML(p, b)
	if err != nil || h == "" {
		return h, truncated, err
	}
	return r.listSummary(p, h, r.pageURL(p)), truncated, nil
}

// pageURL is the site path of p's page.
func (r *Renderer) pageURL(p *post.Post) string {
	if c := r.cacheOf(p); c != nil {
		return c.url
	}
	return r.site.PostURL(p)
}

// bodyHTML renders b, p's body or summary: with the default renderer
// through PostHTML, which sees the post, else with markup.BodyHTML.
func (r *Renderer) bodyHTML(p *post.Post, b post.Body) (template.HTML, error) {
	if r.markup != nil {
		return r.markup.PostHTML(p, b)
	}
	return markup.ExpandHTML(r.body, p, b, r.expandOptions(), r.site.UnsafeHTML)
}

// postData builds what templates show of p on a page whose links start
// with root; full adds the body, newer/older and related posts.
func (r *Renderer) postData(root string, p *post.Post, full bool) (*PostData, error) {
	var body template.HTML
	if full {
		var err error
		if body, err = r.postBody(p); err != nil {
			return nil, err
		}
	}
	c := r.rendered(p)
	if c.err != nil {
		return nil, c.err
	}
	s := &r.site
	pd := &PostData{
		Title:     markup.ShownTitle(p.Title),
		TitleHTML: template.HTML(markup.ShownTitleHTML(p.Title)), //nolint:gosec // escaped, or only bare inline tags
		URL:       root + c.tail,
		Permalink: s.AbsURL(c.url),
		Summary:   r.contentLinks(root, p, c.summary),
		Truncated: c.truncated,
		WordCount: c.words,
	}
	pd.ReadingMinutes = max(post.ReadingMinutes(pd.WordCount, 0), min(pd.WordCount, 1))
	pd.Date, pd.DateISO, pd.DateText = c.date.t, c.date.iso, c.date.text
	pd.Updated, pd.UpdatedISO, pd.UpdatedText = c.updated.t, c.updated.iso, c.updated.text
	for i, a := range p.Authors {
		if i == MaxTermLinks {
			pd.MoreAuthors = len(p.Authors) - i
			break
		}
		pd.Authors = append(pd.Authors, r.authorData(root, a))
	}
	pd.Categories, pd.MoreCategories = r.termLinks(root, taxonomy.Categories, p.Categories)
	pd.Tags, pd.MoreTags = r.termLinks(root, taxonomy.Tags, p.Tags)
	for _, name := range r.idx.Taxonomies() {
		if terms := p.Taxonomies[name]; len(terms) > 0 && r.idx.Taxonomy(name) != nil {
			switch name {
			case taxonomy.Categories, taxonomy.Tags, taxonomy.Authors:
				continue
			}
			links, more := r.termLinks(root, name, terms)
			pd.Taxonomies = append(pd.Taxonomies, TaxonomyLinks{Name: name, Title: taxonomyTitle(name), Terms: links, More: more})
		}
	}
	for _, ct := range p.Citations {
		cd := CitationData{Source: ct.Source, Title: ct.Title}
		if markup.IsWebURL(ct.URL) {
			cd.URL = strings.TrimSpace(ct.URL)
		}
		pd.Citations = append(pd.Citations, cd)
	}
	if !full {
		return pd, nil
	}
	pd.Body = r.contentLinks(root, p, r.pageBody(p, body))
	pd.TOC, pd.Headings = tableOfContents(markup.Headings(string(body)))
	place := r.placeOf(p)
	if q := r.idx.Newer(place); q != nil {
		pd.Newer = &Link{Text: markup.ShownTitle(q.Title), URL: r.postLink(root, q)}
	}
	if q := r.idx.Older(place); q != nil {
		pd.Older = &Link{Text: markup.ShownTitle(q.Title), URL: r.postLink(root, q)}
	}
	n := r.opt.Related
	if n == 0 {
		n = 5
	}
	for _, q := range r.idx.Related(place, n) {
		pd.Related = append(pd.Related, Link{Text: markup.ShownTitle(q.Title), URL: r.postLink(root, q)})
	}
	return pd, nil
}

// shownDate is a date as pages show it: in the site's zone, as RFC 3339
// for <time datetime> and as text for reading.
type shownDate struct {
	t         time.Time
	iso, text string
}

func (s *Site) shownDate(t time.Time) shownDate {
	t = s.inZone(t)
	return shownDate{t: t, iso: t.Format(time.RFC3339), text: t.Format("2 January 2006")}
}

// sitePath is the site path of a page ("/tags/go/") and what a link to
// it puts after a page's root ("tags/go/index.html" under RelativeURLs),
// made once for each post and term rather than on every page that links
// to it.
type sitePath struct {
	url, tail string
}

func (r *Renderer) sitePath(url string) sitePath {
	return sitePath{url: url, tail: r.site.linkTail(url)}
}

// postLink links to p from a page whose links start with root.
func (r *Renderer) postLink(root string, p *post.Post) string {
	if c := r.cacheOf(p); c != nil {
		return root + c.tail
	}
	return r.link(root, r.site.PostURL(p))
}

// termLink links to t from a page whose links start with root.
func (r *Renderer) termLink(root string, t *taxonomy.Term) string {
	if u, ok := r.termURLs[t]; ok {
		return root + u.tail
	}
	return r.link(root, r.site.TermURL(t.Taxonomy, t.Slug))
}

// contentLinks points the links of rendered content of p at their new places
// (see rewriteLinks) and makes its root-relative links relative to the
// page whose links start with root when the site asks for relative URLs.
func (r *Renderer) contentLinks(root string, p *post.Post, h template.HTML) template.HTML {
	h = r.rewriteLinks(root, p, h)
	if !r.site.RelativeURLs {
		return h
	}
	return markup.RelativizeLinks(h, func(u string) string {
		end := strings.IndexAny(u, "?#")
		if end < 0 {
			return r.link(root, u)
		}
		return r.link(root, u[:end]) + u[end:]
	})
}

// pageBody is a post's body as its own page shows it: a link on each
// heading that has an id, and images with their sizes and loading hints.
func (r *Renderer) pageBody(p *post.Post, body template.HTML) template.HTML {
	o := markup.ImageOptions{EagerFirst: true}
	if size := r.opt.ImageSize; size != nil {
		o.Size = func(src string) (int, int, bool) { return size(p, src) }
	}
	return template.HTML(markup.HeadingAnchors(markup.Images(string(body), o))) //nolint:gosec // both only add attributes and links of their own, escaped, to trusted HTML
}

// listSummary prepares a summary for pages other than the post's own:
// its images get their sizes and lazy loading, and its relative links,
// written for the post's page at url, become root-relative, so that they
// still lead to the post's files from a list or a feed.
func (r *Renderer) listSummary(p *post.Post, h template.HTML, url string) template.HTML {
	var o markup.ImageOptions
	if size := r.opt.ImageSize; size != nil {
		o.Size = func(src string) (int, int, bool) { return size(p, src) }
	}
	// Ids go: two summaries on one list could share one.
	return template.HTML(markup.DropIDs(markup.ResolveRelative(markup.Images(string(h), o), url))) //nolint:gosec // these only change attributes, escaped, of trusted HTML
}

// tableOfContents nests headings by level: each heading goes under the
// nearest earlier one of a smaller level.
func tableOfContents(hs []markup.Heading) ([]*TOCEntry, int) {
	var top []*TOCEntry
	var stack []*TOCEntry
	for _, h := range hs {
		e := &TOCEntry{Text: h.Text, URL: "#" + h.ID, Level: h.Level}
		for len(stack) > 0 && stack[len(stack)-1].Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			top = append(top, e)
		} else {
			parent := stack[len(stack)-1]
			parent.Children = append(parent.Children, e)
		}
		stack = append(stack, e)
	}
	return top, len(hs)
}

// termLinks links a post's terms of one taxonomy, in the post's order,
// by the index's name for each; a term the index dropped is left out.
func (r *Renderer) termLinks(root, name string, terms []post.Term) ([]Link, int) {
	tx := r.idx.Taxonomy(name)
	if tx == nil {
		return nil, 0
	}
	var out []Link
	// A post has a handful of terms: a slice finds repeated slugs faster
	// than a map made for each post on each page. Past MaxTermLinks only
	// the count matters, and repeats among the rest are not looked for.
	var seenBuf [8]string
	seen := seenBuf[:0]
	for i, t := range terms {
		if len(out) == MaxTermLinks {
			return out, len(terms) - i
		}
		slug := termSlug(t)
		it := tx.Get(slug)
		if it == nil || slices.Contains(seen, slug) {
			continue
		}
		seen = append(seen, slug)
		if out == nil {
			out = make([]Link, 0, min(len(terms), MaxTermLinks))
		}
		out = append(out, Link{Text: it.Name, URL: r.termLink(root, it)})
	}
	return out, 0
}

// authorData describes a as a post credits them, linking to their page
// and, when it is a safe web URL, to their own site.
func (r *Renderer) authorData(root string, a post.Author) AuthorData {
	slug := authorSlug(a)
	ad := AuthorData{Name: a.Name, Slug: slug}
	if t := r.idx.Authors.Get(slug); t != nil {
		ad.Name = t.Name
		ad.URL = r.termLink(root, t)
	}
	known := r.authors[slug]
	if u := strings.TrimSpace(known.URL); markup.IsWebURL(u) {
		ad.Website = u
	}
	ad.Bio = known.Bio
	return ad
}

func (r *Renderer) taxonomyData(root, name string) *TaxonomyData {
	return &TaxonomyData{
		Name: name, Title: taxonomyTitle(name), Singular: taxonomySingular(name),
		URL: r.link(root, r.site.TaxonomyURL(name)),
	}
}

func (r *Renderer) termData(root string, t *taxonomy.Term) *TermData {
	td := &TermData{
		Name: t.Name, Slug: t.Slug, Count: len(r.termPosts(t)),
		URL: r.termLink(root, t),
	}
	for _, a := range t.Ancestors() {
		td.Parents = append(td.Parents, Link{Text: a.Name, URL: r.termLink(root, a)})
	}
	return td
}

// termTree is t with its descendants nested.
func (r *Renderer) termTree(root string, t *taxonomy.Term) *TermData {
	td := r.termData(root, t)
	td.Parents = nil
	for _, c := range t.Children {
		td.Children = append(td.Children, r.termTree(root, c))
	}
	return td
}

func (r *Renderer) periodData(root string, p *taxonomy.Period) *PeriodData {
	s := &r.site
	pd := &PeriodData{Year: p.Year, Month: int(p.Month), Day: p.Day}
	switch {
	case p.Month == 0:
		pd.Title = fmt.Sprintf("%04d", p.Year)
		for m := range p.Months() {
			pd.Children = append(pd.Children, Link{Text: m.Month.String(), URL: r.link(root, s.ArchiveURL(m.Year, int(m.Month), 0)), Count: m.Count()})
		}
	case p.Day == 0:
		pd.Title = fmt.Sprintf("%s %04d", p.Month, p.Year)
		pd.Up = &Link{Text: fmt.Sprintf("%04d", p.Year), URL: r.link(root, s.ArchiveURL(p.Year, 0, 0))}
		for d := range p.Days() {
			if r.opt.NoDayArchives {
				break
			}
			pd.Children = append(pd.Children, Link{Text: fmt.Sprintf("%d %s", d.Day, d.Month), URL: r.link(root, s.ArchiveURL(d.Year, int(d.Month), d.Day)), Count: d.Count()})
		}
	default:
		pd.Title = fmt.Sprintf("%d %s %04d", p.Day, p.Month, p.Year)
		pd.Up = &Link{Text: fmt.Sprintf("%s %04d", p.Month, p.Year), URL: r.link(root, s.ArchiveURL(p.Year, int(p.Month), 0))}
	}
	return pd
}

// taxonomyTitle is the heading of a taxonomy's page: "Categories",
// "Series", "Post format" for "post_format".
func taxonomyTitle(name string) string {
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '-' || unicode.IsSpace(r) }), " ")
	if name == "" {
		return ""
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// taxonomySingular names one term of a taxonomy: "Category", "Tag",
// "Author"; a custom taxonomy keeps its title, since plurals vary.
func taxonomySingular(name string) string {
	switch name {
	case taxonomy.Categories:
		return "Category"
	case taxonomy.Tags:
		return "Tag"
	case taxonomy.Authors:
		return "Author"
	}
	return taxonomyTitle(name)
}

// blogPosting is the JSON-LD of a post page.
func (r *Renderer) blogPosting(pd *PostData, description string) *BlogPosting {
	s := &r.site
	bp := &BlogPosting{
		Context: "https://schema.org", Type: "BlogPosting",
		Headline: pd.Title, DatePublished: pd.DateISO, DateModified: pd.UpdatedISO,
		Description: description, WordCount: pd.WordCount, InLanguage: s.lang(),
		Publisher: &SchemaOrg{Type: "Organization", Name: r.siteTitle()},
	}
	if s.BaseURL != "" {
		bp.URL = pd.Permalink
		bp.MainEntityOfPage = pd.Permalink
		bp.Publisher.URL = s.AbsURL("/")
	}
	if bp.DateModified == "" {
		bp.DateModified = bp.DatePublished
	}
	for _, a := range pd.Authors {
		sp := SchemaPerson{Type: "Person", Name: a.Name, URL: a.Website}
		if sp.URL == "" && s.BaseURL != "" && a.URL != "" {
			sp.URL = s.AbsURL(s.TermURL(taxonomy.Authors, a.Slug))
		}
		bp.Author = append(bp.Author, sp)
	}
	if len(bp.Author) == 0 && s.Author.Name != "" {
		bp.Author = []SchemaPerson{{Type: "Person", Name: s.Author.Name, URL: safeWebURLOrEmpty(s.Author.URL)}}
	}
	for _, t := range pd.Tags {
		bp.Keywords = append(bp.Keywords, t.Text)
	}
	for _, c := range pd.Categories {
		bp.ArticleSection = append(bp.ArticleSection, c.Text)
	}
	for _, c := range pd.Citations {
		if c.URL != "" {
			bp.Citation = append(bp.Citation, c.URL)
		}
	}
	return bp
}

func safeWebURLOrEmpty(u string) string {
	if markup.IsWebURL(u) {
		return strings.TrimSpace(u)
	}
	return ""
}

// rootOf is what every link on the page at site path p starts with:
// under RelativeURLs the way up to the site root (see rootPrefix), else
// BaseURL's path. Pages at the same depth share it, and with it every
// link they make.
func (r *Renderer) rootOf(p string) string {
	if !r.site.RelativeURLs {
		return r.basePath
	}
	return rootPrefix(p)
}

// link links to the site path to from a page whose links start with
// root (from rootOf).
func (r *Renderer) link(root, to string) string { return root + r.site.linkTail(to) }

// cleanDir reports whether p is a clean folder path: starting and ending
// with "/", with no empty, "." or ".." segment and none of the characters
// FilePath treats specially (backslash, '?', '#').
func cleanDir(p string) bool {
	if len(p) == 0 || p[0] != '/' || p[len(p)-1] != '/' || strings.ContainsAny(p, `\?#`) {
		return false
	}
	if p == "/" {
		return true
	}
	for seg := range strings.SplitSeq(p[1:len(p)-1], "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}
