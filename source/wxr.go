package source

import (
	"io"

	"github.com/folio-go/folio/post"
)

// WXR is what ReadWXR found in a WordPress export. (Placeholder.)
type WXR struct {
	Posts []*post.Post
}

// ReadWXR streams a WordPress WXR export. (Placeholder.)
func ReadWXR(path string, r io.Reader, opt Options) (*WXR, error) {
	return nil, &Error{Path: path, Err: ErrUnsupported}
}
