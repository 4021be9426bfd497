package source

import (
	"errors"
	"fmt"
)

// Sentinel errors that a *Error wraps; match them with errors.Is.
var (
	ErrEmpty       = errors.New("empty post")            // no content, or only white space
	ErrEncoding    = errors.New("invalid UTF-8")         // bytes that are not UTF-8
	ErrSyntax      = errors.New("syntax error")          // malformed markup or front matter
	ErrDate        = errors.New("bad date")              // a date that cannot be read unambiguously
	ErrTooLarge    = errors.New("file too large")        // past Options.MaxFileSize
	ErrFrontMatter = errors.New("bad front matter")      // front matter that does not decode
	ErrField       = errors.New("bad field value")       // a known field with a value of the wrong shape
	ErrUnsupported = errors.New("unsupported file type") // nothing in folio reads it
)

// Error is a parse error with its position. Line and Column are 1-based;
// Column counts runes (not bytes) from the start of the line, and is 0 when
// only the line is known. Line is 0 when the error concerns the whole file.
type Error struct {
	Path   string
	Line   int
	Column int
	Err    error
}

// Error formats the error as "path:line:column: message", leaving out a
// zero line or column.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Column, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// The kinds of warning (post.Warning.Kind) the readers report through
// Options.Warn.
const (
	// WarnUnknownKey: a key inside a known field (an author's "twitch")
	// that the model has no place for; kept in the post's Params.
	WarnUnknownKey = "unknown key"
	// WarnValue: a value of an unexpected shape or an unknown word (a
	// mapping for a title, a status "maybe"); kept in Params, the field
	// read as far as it could be.
	WarnValue = "unexpected value"
	// WarnDate: a date that could not be read; kept in Params, the post
	// undated (or dated by its file name).
	WarnDate = "bad date"
	// WarnSkipped: an item of an export that is not a post (an invalid
	// post type, a foreign wp: namespace) and was left out.
	WarnSkipped = "skipped item"
	// WarnRecovered: an item of an export that is not well-formed XML,
	// read by the fallback reader.
	WarnRecovered = "recovered item"
)
