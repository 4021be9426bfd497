package post

import (
	"strconv"
	"time"
)

// Status is a post's publish state.
type Status string

// The publish states a post can be in. The zero value of Status is not one
// of them; Validate accepts it, and readers and writers treat it as Published.
const (
	Published Status = "published"
	Draft     Status = "draft"
	Scheduled Status = "scheduled" // dated in the future; WordPress's "future"
	Private   Status = "private"
	Pending   Status = "pending" // awaiting review (WordPress)
)

// Format names the markup of a body.
type Format string

// The body formats folio reads and writes.
const (
	Text     Format = "text"     // plain paragraphs separated by blank lines
	Markdown Format = "markdown" // CommonMark
	HTML     Format = "html"     // HTML, as WordPress stores it (no automatic paragraphs applied)
)

// Post is one blog post: what it says, who wrote it, how it is filed and
// where it came from. The zero value is an empty, undated post.
type Post struct {
	// ID is a stable identity that survives a change of title or slug
	// (an explicit id, a WordPress guid). Empty when the source has none.
	ID    string
	Title string
	// Slug is the URL-safe name of the post; see Slugify.
	Slug string
	// Date is when the post was published, in the zone it was written in.
	// The zero time means undated.
	Date time.Time
	// Updated is when the post was last changed; zero when unknown.
	Updated time.Time
	// Expiry is when the post stops being shown; zero when never.
	Expiry time.Time
	Status Status

	Authors    []Author
	Categories []Term
	Tags       []Term
	// Taxonomies holds terms of custom taxonomies (e.g. "series"), keyed by
	// the taxonomy's name. Nil when the post has none.
	Taxonomies map[string][]Term
	Citations  []Citation

	Body Body
	// Summary is the explicit summary given by the source, in the body's
	// format; empty when none was given. See Summarize for the derived one.
	Summary string

	// Params holds every source field the model has no field for, as the
	// source decoded it, never dropped. Nil when there are none.
	Params map[string]any

	// Kind says whether this is a blog post (KindPost, also the zero
	// value) or a stand-alone page (KindPage: a WordPress page, an "about"
	// page) that has a path of its own but is left out of lists, archives
	// and feeds.
	Kind Kind
	// Protected reports that the author hid the body behind a password
	// (WordPress's post_password). The password itself is never kept.
	// Renderers publish no text of a protected post unless asked to.
	Protected bool
	// Aliases are the addresses the post was published at before moving
	// to folio, most important first: its original permalink (the Go
	// blog's /blog/SLUG, WordPress's link and ?p=ID, a Jekyll or Hugo
	// permalink or url) and any redirects (Hugo aliases, Jekyll
	// redirect_from). Each is a root-relative path or an absolute URL.
	// Body links to an alias can be rewritten to the post's new page.
	Aliases []string
	// Assets are the files that belong to the post (a page bundle's
	// resources, files its body links to that exist in the loaded tree),
	// in the order the source found them. Their bytes are not read.
	Assets []Asset
	// Attachments are the media a WordPress export knows by id that
	// belong to the post: its child attachments, then any other the
	// body's [gallery ids] or [caption] name, in id order within each.
	// Shortcodes resolve against them.
	Attachments []Attachment

	// Source says where the post was read from.
	Source Source
}

// Kind is what a post is for: a dated entry of the blog or a page of
// the site.
type Kind string

// The kinds of post. The zero value is read as KindPost.
const (
	KindPost Kind = "post"
	KindPage Kind = "page"
)

// Asset is a file that belongs to a post.
type Asset struct {
	// Path is where the file is: slash-separated and relative to the
	// loaded root.
	Path string
	// Link is the address the body uses for it, as written there
	// ("harbour.jpg", "/assets/map.png"); empty for a bundle resource
	// the body does not name.
	Link string
}

// Attachment is a media file the source knows by id, such as a
// WordPress attachment.
type Attachment struct {
	ID       string // the exporter's id (WordPress's wp:post_id)
	URL      string // where the file is (wp:attachment_url), as exported
	Title    string
	Caption  string // the excerpt WordPress shows under an image
	Alt      string // _wp_attachment_image_alt
	MimeType string // e.g. "image/jpeg"; empty when unknown
	Width    int    // in pixels; 0 when unknown
	Height   int    // in pixels; 0 when unknown
	Parent   string // the id of the post it was uploaded to; empty for none
}

// Warning is a problem that kept the post but changed or ignored
// something: an unknown key, a repaired date, an unknown shortcode.
// Line and Column are 1-based (Column in runes) and 0 when unknown.
type Warning struct {
	Path   string
	Line   int
	Column int
	// Kind names the class of problem in a few words ("unknown key",
	// "unknown shortcode"), so that a program can summarise warnings by
	// kind; Message says what happened to this post.
	Kind    string
	Message string
}

// String formats the warning as "path:line:column: message", leaving out
// a zero line or column.
func (w Warning) String() string {
	switch {
	case w.Line == 0:
		return w.Path + ": " + w.Message
	case w.Column == 0:
		return w.Path + ":" + strconv.Itoa(w.Line) + ": " + w.Message
	}
	return w.Path + ":" + strconv.Itoa(w.Line) + ":" + strconv.Itoa(w.Column) + ": " + w.Message
}

// Author is a person credited with a post.
type Author struct {
	Name  string
	Slug  string
	Email string
	URL   string
	Bio   string
}

// Term is a category, tag or custom taxonomy term.
type Term struct {
	Name string
	Slug string
	// Parent is the slug of the parent term in a hierarchical taxonomy;
	// empty for a top-level term.
	Parent string
}

// Citation names a source a post draws on, such as "CNN".
type Citation struct {
	Source string
	URL    string
	Title  string
}

// Body is a post's content, the markup it is written in and the dialect
// of shortcodes and template actions it holds.
type Body struct {
	Format Format
	Text   string
	// Dialect says whose shortcodes and template actions Text holds, so
	// that a renderer can expand them as that generator did. The zero
	// value means none.
	Dialect Dialect
}

// Dialect names the generator whose shortcodes and template actions a
// body holds. It is a fact about where the body came from, recorded by
// the reader that found it.
type Dialect string

// The dialects folio knows. NoDialect (the zero value) holds none.
const (
	NoDialect Dialect = ""
	// WordPress is a classic-editor WordPress body: [shortcodes], oEmbed
	// URLs alone on a line, paragraphs made by autop.
	WordPress Dialect = "wordpress"
	// WordPressBlocks is a block-editor body (<!-- wp:... --> comments):
	// shortcodes and embeds as in WordPress, but no autop.
	WordPressBlocks Dialect = "wordpress-blocks"
	// Hugo holds Hugo shortcodes: {{< name >}} and {{% name %}}.
	Hugo Dialect = "hugo"
	// Liquid holds Jekyll's Liquid tags and output: {% tag %}, {{ page.x }}.
	Liquid Dialect = "liquid"
	// GoBlog holds the golang.org/x/tools/present actions of the Go
	// blog's Markdown: {{raw `...`}}, {{code "file"}}, {{image "file"}}.
	GoBlog Dialect = "goblog"
)

// Source records where a post was read from.
type Source struct {
	// Path is slash-separated and relative to the loaded root.
	Path string
	// Format is the input format: "text", "markdown", "html" or "wxr".
	Format string
	// Line is the 1-based line where the post starts in the file.
	Line int
	// BodyLine is the 1-based line of the file where Body.Text starts,
	// so that a problem inside the body can be reported where it is in
	// the file; 0 when unknown.
	BodyLine int
}
