package source

import "github.com/folio-go/folio/post"

// ParseMarkdown reads one front-matter Markdown (or HTML) file. (Placeholder.)
func ParseMarkdown(path string, data []byte, opt Options) (*post.Post, error) {
	return nil, &Error{Path: path, Err: ErrUnsupported}
}
