package source

import "github.com/folio-go/folio/post"

// ParseText reads one plain-text WordPress post. (Placeholder.)
func ParseText(path string, data []byte, opt Options) (*post.Post, error) {
	return nil, &Error{Path: path, Err: ErrUnsupported}
}
