package source

import (
	"context"
	"io/fs"

	"github.com/folio-go/folio/post"
)

// Load reads every post under root in fsys. root may name a folder or a
// single file. (Placeholder.)
func Load(ctx context.Context, fsys fs.FS, root string, opt Options) ([]*post.Post, error) {
	return nil, &Error{Path: root, Err: ErrUnsupported}
}
