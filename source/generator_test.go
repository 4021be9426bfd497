package source_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
)

// TestGeneratorRules: the rules a generator applies because of where a
// file is.
func TestGeneratorRules(t *testing.T) {
	tests := []struct {
		name, path, in string
		check          func(*post.Post) string
	}{
		{"Jekyll folders above _posts are categories, first", "en/news/_posts/2001-01-18-launch.md",
			"---\ntitle: Launch\ncategories: [news, updates]\n---\n",
			func(p *post.Post) string {
				var got []string
				for _, c := range p.Categories {
					got = append(got, c.Slug)
				}
				return cmp.Diff([]string{"en", "news", "updates"}, got)
			}},
		{"untitled Jekyll post takes its file slug titleized", "_posts/2019-03-02-edge-case-no-yaml-title.md",
			"---\ntags: a b\n---\nBody.\n",
			func(p *post.Post) string {
				if p.Title != "Edge Case No Yaml Title" || len(p.Tags) != 2 {
					return "title " + p.Title
				}
				return ""
			}},
		{"Hugo lower-cases file-name slugs", "news/EarthquakeWarningNATS.md",
			"---\ntitle: Quake\n---\n",
			func(p *post.Post) string { return cmp.Diff("earthquakewarningnats", p.Slug) }},
		{"an explicit slug keeps its case", "news/x.md",
			"---\nslug: KeepMe\n---\n",
			func(p *post.Post) string { return cmp.Diff("KeepMe", p.Slug) }},
		{"Jekyll keeps a file name's case", "_posts/2020-01-01-MixedCase.md",
			"---\ntitle: M\n---\n",
			func(p *post.Post) string { return cmp.Diff("MixedCase", p.Slug) }},
		{"Go blog post: its old address", "blog/pipes.md",
			"---\ntitle: Pipes\ndate: 2014-03-13\nby:\n- Ann Example\n---\n",
			func(p *post.Post) string { return cmp.Diff([]string{"/blog/pipes"}, p.Aliases) }},
		{"Hugo url and aliases", "posts/a.md",
			"---\ntitle: A\nurl: /2019/old-a/\naliases: [/a-old/, /x/y]\n---\n",
			func(p *post.Post) string { return cmp.Diff([]string{"/2019/old-a/", "/a-old/", "/x/y"}, p.Aliases) }},
		{"Jekyll permalink and redirect_from", "_posts/2020-02-02-b.md",
			"---\ntitle: B\npermalink: /blog/b.html\nredirect_from:\n  - /b/\n---\n",
			func(p *post.Post) string { return cmp.Diff([]string{"/blog/b.html", "/b/"}, p.Aliases) }},
		{"a permalink pattern is no address", "_posts/2020-02-02-c.md",
			"---\ntitle: C\npermalink: /:year/:title/\n---\n",
			func(p *post.Post) string { return cmp.Diff([]string(nil), p.Aliases) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := source.ParseMarkdown(tt.path, []byte(tt.in), source.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(p); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestLoadGoBlogListPages: the Go blog's index.md and all.md list its
// posts; they are not posts, while a Hugo bundle's index.md is.
func TestLoadGoBlogListPages(t *testing.T) {
	list := "---\ntitle: The Blog\ntemplate: true\n---\n\n{{range newest (pages \"/blog/*.md\")}}{{.title}}{{end}}\n"
	fsys := fstest.MapFS{
		"blog/index.md":        {Data: []byte(list)},
		"blog/all.md":          {Data: []byte(strings.Replace(list, "The Blog", "Blog Index", 1))},
		"blog/pipes.md":        {Data: []byte("---\ntitle: Pipes\ndate: 2014-03-13\nby:\n- Ann\n---\nText.\n")},
		"blog/bundle/index.md": {Data: []byte("---\ntitle: Bundle\ndate: 2014-03-14\n---\nText.\n")},
	}
	var warns []string
	posts, err := source.Load(context.Background(), fsys, ".", source.Options{Warn: func(w post.Warning) { warns = append(warns, w.Path+" "+w.Kind) }})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range posts {
		got = append(got, p.Title)
	}
	if diff := cmp.Diff([]string{"Bundle", "Pipes"}, got); diff != "" {
		t.Errorf("posts (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"blog/all.md skipped item", "blog/index.md skipped item"}, warns); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}
