package post

import "github.com/gosimple/slug"

// Slugify returns the default slug of text. (Placeholder; replaced by the
// full Slugger.)
func Slugify(text string) string {
	s := slug.Make(text)
	if s == "" {
		return "untitled"
	}
	return s
}
