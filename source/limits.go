package source

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/folio-go/folio/post"
)

// Default limits on what one post may hold. Each is far beyond real
// posts: over the Go blog, Hugo's news, Jekyll's news and the WordPress
// theme test data (689 posts), the most terms in one list is 63 (a
// WordPress test post made to have many tags; the most elsewhere is 9),
// the most authors 6, and no front matter nests more than 2 deep or
// holds a TOML table.
const (
	// DefaultMaxTerms is Options.MaxTerms when that is 0.
	DefaultMaxTerms = 500
	// DefaultMaxDepth is Options.MaxDepth when that is 0.
	DefaultMaxDepth = 64
	// DefaultMaxItemBytes is Options.MaxItemBytes when that is 0: 16
	// MiB, like DefaultMaxFileSize. The largest item of WordPress's
	// theme test data is 40,695 bytes, and a post's body is already
	// cut at 2 MiB when rendered; the limit is there so that one huge
	// item (a 200 MB export of one post) cannot hold memory without
	// bound.
	DefaultMaxItemBytes = 16 << 20
	// maxTOMLTables bounds the [table] headers of TOML front matter,
	// counted before go-toml reads it: go-toml's time grows with the
	// square of their number (200,000 take 80 s; 1,000 take 3 ms).
	maxTOMLTables = 1000
)

// The kinds of warning (post.Warning.Kind) Load reports about limits and
// files it does not read.
const (
	// WarnSkippedFile: a file Load did not open: a named pipe, a device,
	// a socket, or a symbolic link fsys will not follow or that leads to
	// anything but a regular file.
	WarnSkippedFile = "skipped file"
	// WarnTooManyTerms: a post with more than Options.MaxTerms terms in
	// one list; the first ones are kept.
	WarnTooManyTerms = "too many terms"
)

func (o Options) maxTerms() int {
	if o.MaxTerms <= 0 {
		return DefaultMaxTerms
	}
	return o.MaxTerms
}

func (o Options) maxItemBytes() int64 {
	if o.MaxItemBytes <= 0 {
		return DefaultMaxItemBytes
	}
	return o.MaxItemBytes
}

func (o Options) maxDepth() int {
	if o.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return o.MaxDepth
}

// checkTOMLShape refuses TOML front matter with more table headers than
// maxTOMLTables, before go-toml reads it. The count is of lines that
// start with `[`, an upper bound of the headers.
func (d *fmDocument) checkTOMLShape(block string, openLine int) error {
	n := 0
	for line := range strings.Lines(block) {
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "[") {
			n++
		}
	}
	if n > maxTOMLTables {
		return d.errAt(openLine, 1, fmt.Errorf("source: %w: toml: %d tables, past the limit of %d", ErrFrontMatter, n, maxTOMLTables))
	}
	return nil
}

// checkDepth refuses front matter whose values nest deeper than max: such
// a value cannot be written back, nor as JSON (encoding/json stops at
// 10,000), and no real post holds one.
func (d *fmDocument) checkDepth(max int) error {
	var depth func(v *fmValue, n int) bool // reports whether v is within
	depth = func(v *fmValue, n int) bool {
		if v == nil {
			return true
		}
		if n > max {
			return false
		}
		for _, it := range v.items {
			if !depth(it, n+1) {
				return false
			}
		}
		for _, f := range v.fields {
			if !depth(f.val, n+1) {
				return false
			}
		}
		return true
	}
	for _, f := range d.fields {
		if !depth(f.val, 1) {
			return d.errAt(f.line, f.col, fmt.Errorf("source: %w: %s nests more than %d deep", ErrFrontMatter, f.key, max))
		}
	}
	return nil
}

// limitTerms keeps at most opt's MaxTerms terms in each of a post's
// lists (categories, tags, each custom taxonomy), and reports what it
// dropped as warnings. A post with 2,000 tags would otherwise make 2,000
// term pages and feeds that each list it.
func limitTerms(p *post.Post, opt Options) []post.Warning {
	max := opt.maxTerms()
	var warns []post.Warning
	cut := func(name string, ts []post.Term) []post.Term {
		if len(ts) <= max {
			return ts
		}
		warns = append(warns, post.Warning{
			Path: p.Source.Path, Line: p.Source.Line, Kind: WarnTooManyTerms,
			Message: fmt.Sprintf("source: %d %s, past the limit of %d: the first %d kept", len(ts), name, max, max),
		})
		return ts[:max:max]
	}
	p.Categories = cut("categories", p.Categories)
	p.Tags = cut("tags", p.Tags)
	for name, ts := range p.Taxonomies {
		p.Taxonomies[name] = cut(name, ts)
	}
	if len(p.Authors) > max {
		warns = append(warns, post.Warning{
			Path: p.Source.Path, Line: p.Source.Line, Kind: WarnTooManyTerms,
			Message: fmt.Sprintf("source: %d authors, past the limit of %d: the first %d kept", len(p.Authors), max, max),
		})
		p.Authors = p.Authors[:max:max]
	}
	return warns
}

// irregular says why Load must not read the file name, whose directory
// entry is d, or returns "" for a regular file. Only regular files are
// read: opening a FIFO blocks until someone writes to it and a device
// such as /dev/zero never ends. A symbolic link is followed through fsys
// (fs.Stat), so it is read only when fsys lets it be: an os.Root's FS
// refuses links that leave the root, while os.DirFS follows any link.
func irregular(fsys fs.FS, name string, d fs.DirEntry) string {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		info, err := fs.Stat(fsys, name)
		if err != nil {
			return "a link whose target cannot be read here (" + linkReason(err) + ")"
		}
		mode = info.Mode()
		if mode.IsRegular() {
			return ""
		}
		return "a link to " + fileType(mode)
	}
	if mode.IsRegular() {
		return ""
	}
	return fileType(mode)
}

// linkReason is the short form of why a link could not be followed.
func linkReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// fileType names a file mode that is not a regular file.
func fileType(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a regular file"
}
