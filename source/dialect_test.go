package source

import (
	"testing"

	"github.com/folio-go/folio/post"
)

// TestMarkdownDialect checks the rules that say whose syntax a
// front-matter file's body holds: place and front matter first, then the
// body's own syntax.
func TestMarkdownDialect(t *testing.T) {
	tests := []struct {
		name, path, file string
		want             post.Dialect
	}{
		{"go blog template", "blog/walks.md", "---\ntitle: Walks\ntemplate: true\n---\n\nHello.\n", post.GoBlog},
		{"go blog template false", "blog/walks.md", "---\ntitle: Walks\ntemplate: false\n---\n\nHello.\n", post.NoDialect},
		{"jekyll posts folder", "site/_posts/2020-01-02-walks.md", "---\ntitle: Walks\n---\n\nHello.\n", post.Liquid},
		{"jekyll drafts folder", "_drafts/walks.md", "---\ntitle: Walks\n---\n\nHello.\n", post.Liquid},
		{"hugo content folder", "content/posts/walks.md", "---\ntitle: Walks\n---\n\nHello.\n", post.Hugo},
		{"hugo toml", "walks.md", "+++\ntitle = \"Walks\"\n+++\n\nHello.\n", post.Hugo},
		{"hugo bundle", "walks/index.md", "---\ntitle: Walks\n---\n\nHello.\n", post.Hugo},
		{"hugo syntax", "walks.md", "---\ntitle: Walks\n---\n\n{{< figure src=\"a.png\" >}}\n", post.Hugo},
		{"hugo markdown syntax", "walks.md", "---\ntitle: Walks\n---\n\n{{% note %}}x{{% /note %}}\n", post.Hugo},
		{"liquid tag", "walks.md", "---\ntitle: Walks\n---\n\n{% raw %}x{% endraw %}\n", post.Liquid},
		{"liquid output", "walks.md", "---\ntitle: Walks\n---\n\nSee {{ site.url }}.\n", post.Liquid},
		{"liquid trimmed output", "walks.md", "---\ntitle: Walks\n---\n\nSee {{- page.title -}}.\n", post.Liquid},
		{"jekyll file name", "2020-01-02-walks.markdown", "---\ntitle: Walks\n---\n\nSee {{ x }}.\n", post.Liquid},
		{"plain", "walks.md", "---\ntitle: Walks\n---\n\nNo braces {at all}.\n", post.NoDialect},
		{"explicit wins", "content/walks.md", "---\ntitle: Walks\ndialect: wordpress\n---\n\n[caption]x[/caption]\n", post.WordPress},
		{"explicit none", "content/walks.md", "---\ntitle: Walks\ndialect: none\n---\n\n{{< x >}}\n", post.NoDialect},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseMarkdown(tc.path, []byte(tc.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Body.Dialect != tc.want {
				t.Errorf("dialect %q, want %q", p.Body.Dialect, tc.want)
			}
		})
	}
}

func TestHTMLDialect(t *testing.T) {
	if got := htmlDialect("<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->"); got != post.WordPressBlocks {
		t.Errorf("block body: %q", got)
	}
	if got := htmlDialect("<p>x</p> [gallery]"); got != post.WordPress {
		t.Errorf("classic body: %q", got)
	}
}
