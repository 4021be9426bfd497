package render

import (
	"path"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/sitepath"
)

// FuzzPermalink checks that no pattern and slug make Check panic, and
// that when Check accepts them every path is clean and stays in the site.
func FuzzPermalink(f *testing.F) {
	for _, p := range []string{DefaultPostPattern, "/:category/:year/:month/:day/:title.html", "/:section/:author/:slug/", "//x/:slug", "/../:slug/", "/:nope/", ":slug", "/a:/b", `\:slug`} {
		f.Add(p, "hello", "Go")
	}
	f.Add("/:slug/", "..", "../x")
	f.Add("/:slug/", "javascript:alert(1)", "C#")
	f.Fuzz(func(t *testing.T, pattern, slug, term string) {
		s := &Site{Permalinks: Permalinks{Post: pattern, Term: "/:taxonomy/:term/" + pattern}}
		p := &post.Post{Title: slug, Slug: slug, Date: time.Date(2017, 3, 4, 0, 0, 0, 0, time.UTC),
			Categories: []post.Term{{Name: term, Slug: term}}, Tags: []post.Term{{Name: term}}}
		if err := s.Check([]*post.Post{p}); err != nil {
			return
		}
		for _, u := range []string{s.PostURL(p), s.TermURL("categories", term)} {
			if sitepath.CheckPath(u) != nil {
				t.Fatalf("Check accepted %q -> %q", pattern, u)
			}
			f := FilePath(u)
			if strings.HasPrefix(f, "/") || path.Clean(f) != f || f == ".." || strings.HasPrefix(f, "../") {
				t.Fatalf("FilePath(%q) = %q", u, f)
			}
		}
	})
}
