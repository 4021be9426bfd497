package render

import (
	"html/template"
	"time"
)

// Kind names a type of page.
type Kind string

// The kinds of page a Renderer writes.
const (
	KindHome     Kind = "home"     // the index of all posts, paginated
	KindPost     Kind = "post"     // one post
	KindTaxonomy Kind = "taxonomy" // every term of a taxonomy
	KindTerm     Kind = "term"     // the posts of a category, tag or custom term, paginated
	KindAuthor   Kind = "author"   // an author and their posts, paginated
	KindYear     Kind = "year"     // the posts of a year, paginated
	KindMonth    Kind = "month"    // the posts of a month, paginated
	KindDay      Kind = "day"      // the posts of a day, paginated
	KindNotFound Kind = "404"      // the page a server shows for a missing path
	KindAsset    Kind = "asset"    // the stylesheet
)

// allKinds is every Kind in the order Pages yields them.
var allKinds = []Kind{KindHome, KindPost, KindTaxonomy, KindTerm, KindAuthor, KindYear, KindMonth, KindDay, KindNotFound, KindAsset}

// PageData is what a page template is executed with. Every URL in it is a
// link ready for an href: relative to the page when Site.RelativeURLs is
// set, root-relative otherwise, and checked safe; every string is plain
// text that the template escapes; only Body and Summary are HTML, and they
// come from markup.BodyHTML and markup.Summary.
type PageData struct {
	Site SiteData
	Kind Kind
	// Path is the site path of the page ("/tags/go/").
	Path string
	// Title is the page's heading; DocTitle its <title>.
	Title, DocTitle string
	// Description is plain text for <meta name="description">.
	Description string
	// Canonical is the page's absolute URL; empty without Site.BaseURL.
	Canonical string
	// HomeURL and StylesheetURL link to the home page and /style.css.
	HomeURL, StylesheetURL string
	// Feeds are the feeds the page points feed readers to, from
	// PageOptions.Feeds, with URLs ready for an href.
	Feeds []FeedLink
	// Nav links to the home page and the taxonomy pages.
	Nav []Link
	// Years links to the year archives, newest first, for the footer.
	Years []Link
	// Header and Footer are the theme's "header" and "footer" templates
	// executed with this page's ChromeData (see ChromeData); empty when
	// the theme defines no such template.
	Header, Footer template.HTML

	// Post is the post of a post page; nil on other pages.
	Post *PostData
	// JSONLD is the schema.org BlogPosting of a post page; nil elsewhere.
	// Put it in a <script type="application/ld+json"> as {{.JSONLD}}:
	// html/template writes it as JSON with "<" escaped.
	JSONLD *BlogPosting

	// Posts are the posts of a list page (home, term, author, archive).
	Posts []*PostData
	// Pager links a list's pages; nil on pages that are not lists.
	Pager *Pager

	// Taxonomy is the taxonomy of a taxonomy, term or author page
	// ("categories").
	Taxonomy *TaxonomyData
	// Terms are the terms of a taxonomy page: a tree for categories, by
	// name otherwise.
	Terms []*TermData
	// Term is the term of a term or author page.
	Term *TermData
	// Author is the author of an author page.
	Author *AuthorData
	// Period is the period of an archive page, with links to its months
	// or days.
	Period *PeriodData
}

// ChromeData is what the theme's "header" and "footer" templates are
// executed with: the parts of a page that many pages share. The Renderer
// executes each of them once for every combination of link root and
// current navigation link that a page needs (a handful for a whole site)
// and hands the result to the pages as PageData.Header and
// PageData.Footer, so that they cost nothing per page. A template that
// asks for a field ChromeData lacks fails the first page that uses it.
type ChromeData struct {
	Site SiteData
	// HomeURL and StylesheetURL link to the home page and /style.css.
	HomeURL, StylesheetURL string
	// Nav links to the home page and the taxonomy pages; the link to the
	// page itself has Current set.
	Nav []Link
	// Years links to the year archives, newest first.
	Years []Link
}

// FeedLink is a feed a page points feed readers to, which a theme writes
// as <link rel="alternate" type="…" title="…" href="…"> in its head.
type FeedLink struct {
	// Type is the feed's media type: feed.RSSType, AtomType or JSONFeedType.
	Type string
	// Title names the feed in a reader's list.
	Title string
	// URL is where the feed is. PageOptions.Feeds gives it as a site path
	// ("/tags/go/index.xml"), linked from each page like every other
	// link, or as an absolute http or https URL, kept as it is.
	URL string
}

// SiteData is the part of Site a template sees.
type SiteData struct {
	Title, Description, Language string
	// BaseURL is the site's absolute URL, or empty.
	BaseURL string
	// Author is the site author's name, or empty.
	Author string
}

// Link is a piece of text and where it links to.
type Link struct {
	Text string
	URL  string
	// Count is a number to show beside the link (posts in a term or
	// period); 0 when none.
	Count int
	// Current marks the link to the page it is on.
	Current bool
}

// PostData is a post as a template shows it, in full on its own page or
// as a summary in a list.
type PostData struct {
	// Title is the post's title as plain text (markup a WordPress title
	// holds removed); TitleHTML is the same title with its inline markup
	// (<em>, <code>, ...) kept, safe to write inside a heading or link.
	Title     string
	TitleHTML template.HTML
	// URL links to the post's page from the current page; Permalink is
	// its absolute URL (its site path without Site.BaseURL).
	URL, Permalink string
	// Date and Updated are zero when unknown. DateISO and UpdatedISO are
	// RFC 3339 for <time datetime>; DateText and UpdatedText for reading.
	Date, Updated           time.Time
	DateISO, DateText       string
	UpdatedISO, UpdatedText string
	// Authors, Categories and Tags hold at most MaxTermLinks each, in
	// the post's order; MoreAuthors, MoreCategories and MoreTags count
	// the ones left out, which a theme shows as "and N more". Every page
	// that lists a post shows its byline, so a post with thousands of
	// authors or terms would otherwise make each of those pages huge.
	Authors                               []AuthorData
	Categories, Tags                      []Link
	MoreAuthors, MoreCategories, MoreTags int
	// Taxonomies are the post's custom taxonomy terms, by taxonomy name.
	Taxonomies []TaxonomyLinks
	Citations  []CitationData
	// Body is the whole body (post pages only). Its headings carry ids
	// and a link to themselves (class "heading-anchor"), and its images
	// width, height (when PageOptions.ImageSize knows them), lazy loading
	// after the first and async decoding.
	Body template.HTML
	// TOC is the table of contents of Body (post pages only): its
	// headings that have an id, nested by level; Headings counts them.
	// The default theme shows it when there are at least three.
	TOC      []*TOCEntry
	Headings int
	// Summary is the start of the body; Truncated says the body has more.
	Summary   template.HTML
	Truncated bool
	// Entry is the post as the theme's "entry" template shows it, on list
	// pages only (empty elsewhere, or when the theme has no "entry").
	// The Renderer executes "entry" once per post, not once per list the
	// post is on, and fixes its links for each page; an "entry" must
	// therefore print the same for a post on every list, and use its
	// URLs as links, not as text to take apart.
	Entry     template.HTML
	WordCount int
	// ReadingMinutes is the reading time, at least 1 for a post with words.
	ReadingMinutes int
	// Newer, Older and Related are filled on post pages only.
	Newer, Older *Link
	Related      []Link
}

// TOCEntry is a heading in a post's table of contents.
type TOCEntry struct {
	Text string // the heading's text
	// URL links to the heading on the post's page ("#why-go").
	URL string
	// Level is the heading's level, 1 to 6.
	Level int
	// Children are the headings under it (of a deeper level), in order.
	Children []*TOCEntry
}

// TaxonomyLinks are a post's terms in one custom taxonomy.
type TaxonomyLinks struct {
	Name  string // the taxonomy's name ("series")
	Title string // its heading ("Series")
	Terms []Link // at most MaxTermLinks
	More  int    // the terms left out of Terms
}

// MaxTermLinks is the most authors, categories, tags or terms of one
// taxonomy a PostData holds. Of the 689 posts of the Go blog, Hugo's and
// Jekyll's news and the WordPress theme test data, only the WordPress
// post made to test many tags (63) has more; the most elsewhere is 9.
const MaxTermLinks = 50

// AuthorData is an author with links. URL links to the author's page;
// Website is the author's own http(s) site, empty when they have none or
// it is not a safe web URL. Email is never shown.
type AuthorData struct {
	Name, Slug, URL, Website, Bio string
}

// CitationData is a cited source. URL is empty unless the citation's URL
// is a safe http(s) URL.
type CitationData struct {
	Source, Title, URL string
}

// TaxonomyData names a taxonomy and links to its page.
type TaxonomyData struct {
	Name     string // "categories"
	Title    string // "Categories"
	Singular string // "Category"
	URL      string
}

// TermData is a term with its link, post count and place in a hierarchy.
type TermData struct {
	Name, Slug, URL string
	Count           int
	// Parents are the term's ancestors, outermost first (categories).
	Parents []Link
	// Children are the sub-terms, by name; on a taxonomy page they nest.
	Children []*TermData
}

// PeriodData is an archive period: its name and its months or days.
type PeriodData struct {
	Year, Month, Day int
	Title            string
	// Up links to the enclosing year or month; nil for a year.
	Up *Link
	// Children link to the months of a year or the days of a month.
	Children []Link
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int
	// Newer and Older link to the neighbouring pages; empty at the ends.
	Newer, Older string
	// First and Last link to the first and last pages.
	First, Last string
}

// BlogPosting is the schema.org BlogPosting a post page carries as
// JSON-LD, for search engines.
type BlogPosting struct {
	Context          string         `json:"@context"`
	Type             string         `json:"@type"`
	Headline         string         `json:"headline"`
	URL              string         `json:"url,omitempty"`
	MainEntityOfPage string         `json:"mainEntityOfPage,omitempty"`
	DatePublished    string         `json:"datePublished,omitempty"`
	DateModified     string         `json:"dateModified,omitempty"`
	Author           []SchemaPerson `json:"author,omitempty"`
	Description      string         `json:"description,omitempty"`
	Keywords         []string       `json:"keywords,omitempty"`
	ArticleSection   []string       `json:"articleSection,omitempty"`
	WordCount        int            `json:"wordCount"`
	InLanguage       string         `json:"inLanguage,omitempty"`
	Publisher        *SchemaOrg     `json:"publisher,omitempty"`
	Citation         []string       `json:"citation,omitempty"`
}

// SchemaPerson is a schema.org Person.
type SchemaPerson struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// SchemaOrg is a schema.org Organization.
type SchemaOrg struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}
