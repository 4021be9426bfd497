package feed

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/markup"
)

// The media types of the feeds this package writes, for a page's
// <link rel="alternate"> (render.FeedLink.Type) or an HTTP Content-Type.
const (
	RSSType      = "application/rss+xml"
	AtomType     = "application/atom+xml"
	JSONFeedType = "application/feed+json"
)

// Feed describes one feed: the whole site's, a category's, a tag's, an
// author's or that of any list of posts. RSS, Atom and JSONFeed write it in
// their formats; the same Feed gives the same entries, ids and dates in all
// three.
//
// Which posts appear, and in what order:
//   - Posts whose Status is Draft, Private, Pending or Scheduled are left
//     out; Published and the zero Status are kept. (A scheduled post whose
//     time has come should be marked Published by the caller, who knows the
//     time.)
//   - A post's feed date is its Date; an undated post (zero Date) takes its
//     Updated date, then UndatedFallback; when all three are zero the post is
//     left out. The feeds never invent a date: no clock, no Unix epoch.
//   - Entries are newest first by feed date, then by permalink, so output is
//     the same for the same input. Of posts that share an id, only the one
//     updated last is kept, as a reader takes them for versions of one
//     entry. Then Limit applies.
//
// Identity: an entry's id is the post's ID when it has one (an explicit id,
// a WordPress guid), which survives a change of title or slug; otherwise it
// is the post's absolute permalink. Atom needs an IRI, so an ID without a
// URI scheme is written there as a tag URI (RFC 4151):
// tag:HOST,YYYY:ID, with the host of Link and the year of the feed date.
//
// Dates: an entry's updated date is the post's Updated, or its feed date when
// Updated is zero or earlier. The feed's own updated date (Atom <updated>,
// RSS <lastBuildDate>) is the newest entry's updated date; with no entries it
// is Updated, and Atom reports an error when that is zero too.
//
// Text is made safe for XML: invalid UTF-8 becomes U+FFFD and the control
// characters XML 1.0 forbids are removed, in every format. Relative URLs in
// href, src, srcset, poster, cite and action attributes of the HTML content
// are resolved against the post's permalink. The HTML of bodies and
// summaries is sanitized (markup.Sanitize) unless UnsafeHTML is set, and
// the fields readers treat as HTML that hold text (RSS's channel
// description) are escaped, so no feed carries markup a reader would run.
// An entry lists at most MaxEntryTerms categories and tags.
type Feed struct {
	// Title names the feed. Required.
	Title string
	// Description says what the feed is about; RSS requires one, and Title
	// stands in when it is empty.
	Description string
	// Language is the feed's language as a BCP 47 tag ("en", "pt-BR");
	// empty leaves it out, and anything not shaped like a tag is an error.
	Language string
	// Link is the absolute URL of the HTML page the feed belongs to (the
	// site's home page, a tag's page). Required.
	Link string
	// FeedURL is the absolute URL the feed itself is served at, written as
	// Atom and RSS rel="self" and JSON Feed feed_url. Empty leaves those out.
	FeedURL string
	// Authors are the feed's own authors. Atom requires an author for every
	// entry: when an entry has none and Authors is empty, the distinct
	// authors of the feed's entries are used, and when no entry has one
	// either, the feed's Title.
	Authors []post.Author
	// Posts are the candidates for entries, in any order.
	Posts []*post.Post
	// Limit is the most entries written; 0 or less means all.
	Limit int
	// FullContent puts each post's whole body in the feed (RSS
	// content:encoded, Atom content, JSON Feed content_html); otherwise
	// entries carry only the summary.
	FullContent bool
	// Updated is the feed's updated date when it has no dated entries.
	Updated time.Time
	// UndatedFallback dates posts that have neither Date nor Updated; zero
	// leaves them out of the feed.
	UndatedFallback time.Time

	// Permalink returns a post's URL. A relative URL is resolved against
	// Link as a browser would (RFC 3986), so "/2024/01/x/" starts at the
	// host's root: a site under a sub-path should return absolute URLs,
	// as render's Site.AbsURL(Site.PostURL(p)) does. Required; an empty or
	// unparsable result is an error.
	Permalink func(*post.Post) string
	// Body returns a post's body as HTML, for full-content feeds and for
	// summaries made from the body. When nil, markup.BodyHTML renders it with
	// the default, sanitizing renderer (markup.New(markup.Options{})).
	Body func(*post.Post) (string, error)
	// UnsafeHTML passes the HTML of Body and Summary on as given. Without
	// it (the safe default) that HTML goes through markup.Sanitize, as
	// feed readers show it as HTML.
	UnsafeHTML bool
	// Summary returns a post's summary as HTML, or "" for none. When nil,
	// the post's explicit Summary is rendered like a body of the body's
	// format, and a post without one gets markup.Summary of its body
	// (markup.DefaultSummaryWords words, or up to <!--more-->).
	Summary func(*post.Post) (string, error)

	// Protected puts the text of protected posts (post.Post.Protected)
	// in the feed. Without it such a post's entry has its title and link
	// and markup.ProtectedNotice for its summary and content; Body and
	// Summary are not called for it.
	Protected bool
}

// feedEntry is one post as all three formats write it, with every string
// cleaned and every URL absolute.
type feedEntry struct {
	post      *post.Post
	id        string // post.ID or the permalink
	idIsLink  bool   // id is the permalink
	atomID    string
	link      string
	title     string
	published time.Time
	updated   time.Time
	authors   []post.Author
	terms     []post.Term     // categories, then tags
	related   []post.Citation // citations with an absolute http(s) URL
	summary   string          // HTML
	content   string          // HTML; empty unless FullContent
}

// feedData is a Feed checked and resolved, ready to write.
type feedData struct {
	title, description, language string
	link, feedURL                string
	authors                      []post.Author
	updated                      time.Time
	entries                      []feedEntry
}

// errNoPermalink reports a Feed without its Permalink callback.
var errNoPermalink = errors.New("feed: Permalink is nil")

// prepare checks f and builds the entries the writers share.
func (f *Feed) prepare() (*feedData, error) {
	if f == nil {
		return nil, errors.New("feed: nil Feed")
	}
	if f.Permalink == nil {
		return nil, errNoPermalink
	}
	d := &feedData{
		title:       xmlSafeLine(f.Title),
		description: xmlSafeLine(f.Description),
		language:    xmlSafeLine(f.Language),
		authors:     feedAuthors(f.Authors),
	}
	if d.title == "" {
		return nil, errors.New("feed: Title is empty")
	}
	if d.description == "" {
		d.description = d.title
	}
	if !languageTag(d.language) {
		return nil, fmt.Errorf("feed: Language %q is not a language tag", f.Language)
	}
	base, err := feedAbsURL("Link", f.Link)
	if err != nil {
		return nil, err
	}
	d.link = base.String()
	if f.FeedURL != "" {
		self, err := feedAbsURL("FeedURL", f.FeedURL)
		if err != nil {
			return nil, err
		}
		d.feedURL = self.String()
	}
	for _, p := range f.Posts {
		e, ok, err := f.entry(p, base)
		if err != nil {
			return nil, err
		}
		if ok {
			d.entries = append(d.entries, e)
		}
	}
	slices.SortStableFunc(d.entries, func(a, b feedEntry) int {
		if c := b.published.Compare(a.published); c != 0 {
			return c
		}
		return cmp.Compare(a.link, b.link)
	})
	d.entries = latestVersions(d.entries)
	if f.Limit > 0 && len(d.entries) > f.Limit {
		d.entries = d.entries[:f.Limit]
	}
	// Content is rendered only for the entries that are written.
	var r markup.BodyRenderer
	for i := range d.entries {
		if err := f.fillContent(&d.entries[i], &r); err != nil {
			return nil, err
		}
	}
	for _, e := range d.entries {
		if e.updated.After(d.updated) {
			d.updated = e.updated
		}
	}
	if d.updated.IsZero() {
		d.updated = f.Updated
	}
	if !d.updated.IsZero() {
		if err := checkFeedYear(d.updated); err != nil {
			return nil, fmt.Errorf("feed: Updated: %w", err)
		}
	}
	return d, nil
}

// entry builds p's entry, or reports ok == false when p is left out.
func (f *Feed) entry(p *post.Post, base *url.URL) (e feedEntry, ok bool, err error) {
	if p == nil || !feedListed(p.Status) {
		return feedEntry{}, false, nil
	}
	published := p.Date
	for _, t := range []time.Time{p.Updated, f.UndatedFallback} {
		if published.IsZero() {
			published = t
		}
	}
	if published.IsZero() {
		return feedEntry{}, false, nil
	}
	updated := published
	if p.Updated.After(updated) {
		updated = p.Updated
	}
	for _, t := range []time.Time{published, updated} {
		if err := checkFeedYear(t); err != nil {
			return feedEntry{}, false, fmt.Errorf("feed: post %q: %w", p.Title, err)
		}
	}
	link, err := f.permalink(p, base)
	if err != nil {
		return feedEntry{}, false, err
	}
	e = feedEntry{
		post:      p,
		link:      link,
		title:     xmlSafeLine(markup.TitleText(p.Title)), // plain text: a title's markup removed
		published: published,
		updated:   updated,
		authors:   feedAuthors(p.Authors),
		terms:     feedTerms(p.Categories, p.Tags),
		related:   feedCitations(p.Citations),
	}
	e.id = xmlSafeLine(p.ID)
	if e.id == "" {
		e.id, e.idIsLink = link, true
	}
	e.atomID = atomID(e.id, base.Host, published)
	return e, true, nil
}

// latestVersions keeps, of entries that share an id, the one updated last
// (the first of them on a tie), keeping the order. Entries with one id are
// versions of one entry to a feed reader (RFC 4287 4.1.1), and validators
// reject a feed that lists an id twice; a WordPress export can hold the
// same guid twice.
func latestVersions(entries []feedEntry) []feedEntry {
	best := make(map[string]int, len(entries))
	for i, e := range entries {
		j, seen := best[e.id]
		if !seen || e.updated.After(entries[j].updated) {
			best[e.id] = i
		}
	}
	if len(best) == len(entries) {
		return entries
	}
	out := entries[:0:0]
	for i, e := range entries {
		if best[e.id] == i {
			out = append(out, e)
		}
	}
	return out
}

// permalink resolves p's permalink against base.
func (f *Feed) permalink(p *post.Post, base *url.URL) (string, error) {
	raw := strings.TrimSpace(xmlSafe(f.Permalink(p)))
	if raw == "" {
		return "", fmt.Errorf("feed: post %q has no permalink", p.Title)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("feed: post %q: permalink: %w", p.Title, err)
	}
	return base.ResolveReference(u).String(), nil
}

// fillContent renders e's summary and, for full-content feeds, its body.
// r is the default body renderer, made on first use and shared by the
// entries of one write.
func (f *Feed) fillContent(e *feedEntry, r *markup.BodyRenderer) error {
	base, err := url.Parse(e.link)
	if err != nil {
		return fmt.Errorf("feed: post %q: %w", e.post.Title, err)
	}
	if e.post.Protected && !f.Protected {
		e.summary = markup.ProtectedNotice
		if f.FullContent {
			e.content = markup.ProtectedNotice
		}
		return nil
	}
	var body string
	if f.FullContent || (f.Summary == nil && e.post.Summary == "") {
		if body, err = f.body(e.post, r); err != nil {
			return fmt.Errorf("feed: post %q: body: %w", e.post.Title, err)
		}
	}
	summary, err := f.summary(e.post, body, r)
	if err != nil {
		return fmt.Errorf("feed: post %q: summary: %w", e.post.Title, err)
	}
	if !f.UnsafeHTML {
		// Readers show these as HTML: whatever the callbacks gave,
		// only sanitized HTML goes out.
		summary = markup.Sanitize(summary)
		if f.FullContent {
			body = markup.Sanitize(body)
		}
	}
	// Renderers end blocks with newlines a feed has no use for.
	e.summary = absolutizeHTML(xmlSafe(strings.TrimSpace(summary)), base)
	if f.FullContent {
		e.content = absolutizeHTML(xmlSafe(strings.TrimSpace(body)), base)
	}
	return nil
}

// summary returns p's summary HTML; body is p's body HTML when the
// summary is to be made from it.
func (f *Feed) summary(p *post.Post, body string, r *markup.BodyRenderer) (string, error) {
	if f.Summary != nil {
		return f.Summary(p)
	}
	if p.Summary != "" {
		return defaultHTML(post.Body{Format: p.Body.Format, Text: p.Summary}, r)
	}
	h, _ := markup.Summary(template.HTML(body), 0)
	return string(h), nil
}

func (f *Feed) body(p *post.Post, r *markup.BodyRenderer) (string, error) {
	if f.Body != nil {
		return f.Body(p)
	}
	return defaultHTML(p.Body, r)
}

// defaultHTML renders b with the default renderer, making it on first use.
func defaultHTML(b post.Body, r *markup.BodyRenderer) (string, error) {
	if *r == nil {
		*r = markup.New(markup.Options{})
	}
	h, err := markup.BodyHTML(*r, b, false)
	return string(h), err
}

// languageTag reports whether s is empty or has the shape of a BCP 47
// language tag: subtags of 1 to 8 letters and digits joined by hyphens.
// Whether the subtags are registered is not checked.
func languageTag(s string) bool {
	if s == "" {
		return true
	}
	for sub := range strings.SplitSeq(s, "-") {
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for i := 0; i < len(sub); i++ {
			if c := sub[i]; !feedLetter(c) && (c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// feedListed reports whether a post with status s belongs in a feed.
func feedListed(s post.Status) bool { return s == "" || s == post.Published }

// checkFeedYear rejects times that RFC 3339 and RFC 822 cannot write.
func checkFeedYear(t time.Time) error {
	if y := t.Year(); y < 1 || y > 9999 {
		return fmt.Errorf("year %d cannot be written in a feed", y)
	}
	return nil
}

// feedTime returns t in a zone the date formats can write exactly: their
// offsets have whole minutes, so a zone with seconds in its offset (local
// mean time in old tz data) is written in UTC instead.
func feedTime(t time.Time) time.Time {
	if _, off := t.Zone(); off%60 != 0 {
		return t.UTC()
	}
	return t
}

// w3cTime formats t for Atom, JSON Feed and sitemaps.
func w3cTime(t time.Time) string { return feedTime(t).Format(time.RFC3339) }

// feedAbsURL parses an absolute URL given in the Feed.
func feedAbsURL(field, raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(xmlSafe(raw)))
	if err != nil {
		return nil, fmt.Errorf("feed: %s: %w", field, err)
	}
	if u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("feed: %s %q is not an absolute URL", field, raw)
	}
	return u, nil
}

// atomID returns id when it is an absolute URI, else a tag URI built from
// it, since atom:id must be an IRI.
func atomID(id, host string, date time.Time) string {
	if u, err := url.Parse(id); err == nil && u.Scheme != "" && !strings.ContainsAny(id, " \t\n\r") {
		return id
	}
	if host == "" {
		host = "localhost"
	}
	return fmt.Sprintf("tag:%s,%04d:%s", host, date.Year(), url.PathEscape(id))
}

// xmlSafeLine cleans s for XML and folds its whitespace to single spaces, as
// titles and names are single lines.
func xmlSafeLine(s string) string {
	s = xmlSafe(s)
	if !strings.ContainsAny(s, "\t\n\r") && !strings.Contains(s, "  ") &&
		strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// feedAuthors cleans the authors' fields and drops authors without a name.
// An email that is not a plain address, or a URL that is not an absolute
// http or https URL, is dropped, as feed validators reject the one and
// readers would link the other.
func feedAuthors(as []post.Author) []post.Author {
	var out []post.Author
	for _, a := range as {
		a = post.Author{
			Name:  xmlSafeLine(a.Name),
			Email: xmlSafeLine(a.Email),
			URL:   xmlSafeLine(a.URL),
		}
		if a.Name == "" {
			continue
		}
		if addr, err := mail.ParseAddress(a.Email); err != nil || addr.Address != a.Email {
			a.Email = ""
		}
		// Readers link the author: only http(s), and written as a valid URI.
		a.URL, _ = markup.WebURL(a.URL)
		out = append(out, a)
	}
	return out
}

// feedTerms returns the named terms of every list, cleaned, each name once.
func feedTerms(lists ...[]post.Term) []post.Term {
	var out []post.Term
	seen := map[string]bool{}
	for _, l := range lists {
		for _, t := range l {
			if len(out) == MaxEntryTerms {
				return out
			}
			t = post.Term{Name: xmlSafeLine(t.Name), Slug: xmlSafeLine(t.Slug)}
			if t.Name == "" || seen[t.Name] {
				continue
			}
			seen[t.Name] = true
			out = append(out, t)
		}
	}
	return out
}

// MaxEntryTerms is the most categories and tags an entry lists. Every
// term's feed lists the post, so a post with thousands of terms would
// otherwise repeat them all in thousands of feeds. Of the 689 posts of the
// Go blog, Hugo's and Jekyll's news and the WordPress theme test data,
// only the WordPress post made to test many tags (63) has more.
const MaxEntryTerms = 50

// feedCitations returns the citations that have an absolute http(s) URL,
// cleaned, each URL once; the others have nothing to link to.
func feedCitations(cs []post.Citation) []post.Citation {
	var out []post.Citation
	seen := map[string]bool{}
	for _, c := range cs {
		u, err := url.Parse(strings.TrimSpace(xmlSafe(c.URL)))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || seen[u.String()] {
			continue
		}
		seen[u.String()] = true
		out = append(out, post.Citation{Source: xmlSafeLine(c.Source), URL: u.String(), Title: xmlSafeLine(c.Title)})
	}
	return out
}

// atomAuthors returns the authors an Atom feed names at feed level:
// Feed.Authors; else, when some entry has no author of its own (RFC 4287
// then requires a feed-level one), the distinct authors of all entries, or
// failing those the feed's title.
func (d *feedData) atomAuthors() []post.Author {
	if len(d.authors) > 0 {
		return d.authors
	}
	missing := false
	for _, e := range d.entries {
		if len(e.authors) == 0 {
			missing = true
		}
	}
	if !missing {
		return nil
	}
	var out []post.Author
	seen := map[string]bool{}
	for _, e := range d.entries {
		for _, a := range e.authors {
			if !seen[a.Name] {
				seen[a.Name] = true
				out = append(out, a)
			}
		}
	}
	if len(out) == 0 {
		out = []post.Author{{Name: d.title}}
	}
	return out
}
