package post

import "time"

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

	// Source says where the post was read from.
	Source Source
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

// Body is a post's content and the markup it is written in.
type Body struct {
	Format Format
	Text   string
}

// Source records where a post was read from.
type Source struct {
	// Path is slash-separated and relative to the loaded root.
	Path string
	// Format is the input format: "text", "markdown", "html" or "wxr".
	Format string
	// Line is the 1-based line where the post starts in the file.
	Line int
}
