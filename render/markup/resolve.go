package markup

import (
	"path"
	"strings"

	"github.com/folio-go/folio/post"
)

// NewResolver returns a resolver for ExpandOptions.Resolve that knows
// posts, each at permalink(p). A post is found by the names bodies use
// for it (Hugo ref and relref, Jekyll link and post_url): its source
// path, with or without extension and with or without its leading
// folders ("content/posts/x.md", "posts/x.md", "x.md", "x"), a bundle's
// folder for its index file, and its slug. Where two posts share a name
// the first of posts keeps it. The resolver tries a ref relative to the
// calling post's folder first, keeps a "#fragment", and reports false for
// a ref no post answers to. It is safe for concurrent use.
func NewResolver(posts []*post.Post, permalink func(*post.Post) string) func(ref string, from *post.Post) (string, bool) {
	refs := map[string]string{}
	add := func(k, u string) {
		if k == "" || k == "." {
			return
		}
		if _, ok := refs[k]; !ok {
			refs[k] = u
		}
	}
	for _, p := range posts {
		u := permalink(p)
		src := p.Source.Path
		noExt := strings.TrimSuffix(src, path.Ext(src))
		add(src, u)
		add(noExt, u)
		if path.Base(noExt) == "index" || path.Base(noExt) == "_index" {
			add(path.Dir(src), u)
		}
		for _, rest := range [...]string{src, noExt} {
			// Paths below a content or site root the loader was not
			// pointed at: "content/posts/x.md", "_posts/x.md".
			for i := strings.IndexByte(rest, '/'); i >= 0; i = strings.IndexByte(rest, '/') {
				rest = rest[i+1:]
				add(rest, u)
			}
		}
	}
	for _, p := range posts {
		add(p.Slug, permalink(p))
	}
	return func(ref string, from *post.Post) (string, bool) {
		ref = strings.TrimSpace(ref)
		frag := ""
		if i := strings.IndexByte(ref, '#'); i >= 0 {
			ref, frag = ref[:i], ref[i:]
		}
		if ref == "" {
			return frag, frag != ""
		}
		var tries []string
		if from != nil && !strings.HasPrefix(ref, "/") {
			tries = append(tries, path.Join(path.Dir(from.Source.Path), ref))
		}
		clean := strings.Trim(path.Clean("/"+ref), "/")
		base := path.Base(clean)
		tries = append(tries, clean, strings.TrimSuffix(clean, path.Ext(clean)), base, strings.TrimSuffix(base, path.Ext(base)))
		for _, k := range tries {
			if u, ok := refs[k]; ok {
				return u + frag, true
			}
		}
		return "", false
	}
}
