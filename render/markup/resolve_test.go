package markup

import (
	"testing"

	"github.com/folio-go/folio/post"
)

func TestNewResolver(t *testing.T) {
	posts := []*post.Post{
		{Slug: "relaunch", Source: post.Source{Path: "content/posts/relaunch.md"}},
		{Slug: "tides", Source: post.Source{Path: "content/posts/tides/index.md"}},
		{Slug: "rigging", Source: post.Source{Path: "_posts/2024-03-01-rigging.markdown"}},
		{Slug: "relaunch-2", Source: post.Source{Path: "other/relaunch.md"}},
	}
	resolve := NewResolver(posts, func(p *post.Post) string { return "/p/" + p.Slug + "/" })
	from := posts[0]
	for ref, want := range map[string]string{
		"content/posts/relaunch.md":          "/p/relaunch/",
		"/posts/relaunch":                    "/p/relaunch/",
		"relaunch.md":                        "/p/relaunch/", // the first post of that name
		"tides":                              "/p/tides/",    // a bundle by its folder
		"posts/tides/index.md#high-water":    "/p/tides/#high-water",
		"_posts/2024-03-01-rigging.markdown": "/p/rigging/",
		"2024-03-01-rigging":                 "/p/rigging/", // post_url
		"relaunch-2":                         "/p/relaunch-2/",
		"#top":                               "#top",
	} {
		if got, ok := resolve(ref, from); !ok || got != want {
			t.Errorf("%q: got %q, %v; want %q", ref, got, ok, want)
		}
	}
	if got, ok := resolve("nowhere.md", from); ok {
		t.Errorf("nowhere.md resolved to %q", got)
	}
}
