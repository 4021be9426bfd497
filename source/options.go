package source

import (
	"time"

	"github.com/folio-go/folio/post"
)

// Options controls how posts are read. The zero value works: dates without
// a zone are UTC, drafts and future posts are kept by the parsers (Load
// filters them; see Load), no custom taxonomies are read.
type Options struct {
	// Location is the zone for dates written without one; nil means UTC.
	Location *time.Location
	// Taxonomies lists front-matter keys read as custom taxonomies
	// (e.g. "series") into post.Post.Taxonomies, beyond categories and tags.
	Taxonomies []string

	// Drafts makes Load keep draft, pending and private posts.
	Drafts bool
	// Future makes Load keep posts dated after Now.
	Future bool
	// Now is the time Future and expiry are judged against. The zero
	// value disables both checks (every dated post counts as past), since
	// library code never reads the clock itself.
	Now time.Time

	// MaxFileSize is the largest file Load reads, in bytes; 0 means
	// DefaultMaxFileSize. WXR exports are streamed and not limited as a
	// whole; MaxItemBytes bounds each of their items.
	MaxFileSize int64
	// MaxItemBytes is the largest <item> of a WXR export that is read,
	// in bytes from its "<item" to its "</item>"; 0 means
	// DefaultMaxItemBytes. A larger item is skipped without being held
	// in memory, with a *Error wrapping ErrTooLarge at its line, and the
	// items after it are read. An export that declares an encoding other
	// than UTF-8 is decoded through a converter and is not limited.
	MaxItemBytes int64
	// MaxTerms is the most terms Load keeps in each of a post's lists
	// (categories, tags, authors, each custom taxonomy); 0 means
	// DefaultMaxTerms. Load keeps the first MaxTerms and reports the rest
	// through Warn.
	MaxTerms int
	// MaxDepth is how deeply front-matter values may nest (a list in a
	// map is 2); 0 means DefaultMaxDepth. A file past it fails with
	// ErrFrontMatter.
	MaxDepth int
	// Workers bounds the files parsed at once; 0 means runtime.GOMAXPROCS.
	Workers int
	// Progress, when set, is called after each file with the number of
	// files done and the total found. Calls come from one goroutine at a
	// time.
	Progress func(done, total int)

	// PostTypes lists the WordPress post types read from WXR exports;
	// nil means just "post". Items of type "page" become posts of
	// post.KindPage.
	PostTypes []string

	// Warn, when set, is told of every problem that kept a post but
	// changed or ignored something in it: an unknown key inside a known
	// field, a value of an unexpected shape, a date that could not be
	// read, an item of an export that was skipped or recovered. Each
	// warning has the path, line and column where known, and a Kind from
	// the list in the package documentation. Calls come from one
	// goroutine at a time: the parser's own for ParseMarkdown, ParseText
	// and ReadWXR, Load's own (after the files are parsed, in path order)
	// for Load. Nil ignores warnings.
	Warn func(post.Warning)
}

// warn reports w through o.Warn, if set.
func (o Options) warn(w post.Warning) {
	if o.Warn != nil {
		o.Warn(w)
	}
}

// DefaultMaxFileSize is the file size limit when Options.MaxFileSize is 0.
const DefaultMaxFileSize = 16 << 20

func (o Options) location() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}
