package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/htmltest"
	"github.com/folio-go/folio/render/markup"
	"github.com/folio-go/folio/taxonomy"
)

// hostilePosts puts every payload in every field a post has: title,
// author name, URL and bio, category, tag and custom terms, citation
// source, URL and title, explicit summary, and bodies in all three
// formats.
func hostilePosts() []*post.Post {
	formats := []post.Format{post.Markdown, post.Text, post.HTML}
	var posts []*post.Post
	for i, pl := range htmltest.HostilePayloads {
		for j, f := range formats {
			p := &post.Post{
				Title:      pl,
				Slug:       fmt.Sprintf("p%d-%d", i, j),
				Status:     post.Published,
				Date:       time.Date(2020, time.Month(1+i%12), 1+j, 12, 0, 0, 0, time.UTC),
				Authors:    []post.Author{{Name: pl, URL: pl, Bio: pl}, {Name: "Plain Author", URL: pl}},
				Categories: []post.Term{{Name: pl}},
				Tags:       []post.Term{{Name: pl}, {Name: "t" + pl}},
				Taxonomies: map[string][]post.Term{"series": {{Name: pl}}},
				Citations:  []post.Citation{{Source: pl, URL: pl, Title: pl}, {Source: pl, URL: "https://ok.example/" + pl}},
				Body:       hostileBody(f, pl),
			}
			if j == 1 {
				p.Summary = pl
			}
			if i%5 == 0 {
				p.Date = time.Time{} // some undated too
			}
			posts = append(posts, p)
		}
	}
	return posts
}

func hostileBody(f post.Format, pl string) post.Body {
	switch f {
	case post.Markdown:
		return post.Body{Format: f, Text: "Text " + pl + "\n\n[link](" + pl + ") ![img](" + pl + ")\n\n<" + pl + ">\n\n" +
			"[ref][r]\n\n[r]: " + pl + "\n\n<div onclick=\"" + pl + "\">" + pl + "</div>\n\n```\n" + pl + "\n```\n"}
	case post.HTML:
		return post.Body{Format: f, Text: "Intro " + pl + "\n\n<a href=\"" + pl + "\">a</a><img src=\"" + pl + "\" alt=\"" + pl + "\">" +
			"<p title='" + pl + "'>" + pl + "</p><pre>" + pl + "</pre><!--more-->" + pl}
	}
	return post.Body{Format: f, Text: pl + "\n\n" + pl}
}

func hostileSite(relative bool) *Site {
	pl := `"><script>alert(1)</script>`
	return &Site{
		Title: "Site " + pl, Description: pl, Language: `en" onload="alert(1)`,
		Author: post.Author{Name: pl, URL: "javascript:alert(1)"}, BaseURL: "https://safe.example/",
		RelativeURLs: relative, PerPage: 4,
	}
}

// TestHostileContent renders a site made of payloads and checks that no
// page can run script: no script element but the JSON-LD one, no event
// handler, no javascript:, vbscript: or data: URL, no embedded document;
// that the JSON-LD stays valid JSON holding the title; and that the
// output is byte-identical across two runs.
func TestHostileContent(t *testing.T) {
	for _, relative := range []bool{true, false} {
		t.Run(fmt.Sprintf("relative=%v", relative), func(t *testing.T) {
			first := renderHostile(t, relative)
			second := renderHostile(t, relative)
			for name, page := range first {
				if !bytes.Equal(page, second[name]) {
					t.Errorf("%s differs between runs", name)
				}
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				s := string(page)
				ld := strings.Count(s, `<script type="application/ld+json">`)
				htmltest.AssertInert(t, s, ld)
				checkLDJSON(t, name, s)
			}
		})
	}
}

func renderHostile(t *testing.T, relative bool) map[string][]byte {
	t.Helper()
	idx, err := taxonomy.Build(hostilePosts(), taxonomy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(hostileSite(relative), idx, PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return renderAll(t, r)
}

// checkLDJSON parses each JSON-LD block of page and wants a BlogPosting
// whose headline is one of the payloads, intact.
func checkLDJSON(t *testing.T, name, page string) {
	t.Helper()
	const open = `<script type="application/ld+json">`
	for rest := page; ; {
		i := strings.Index(rest, open)
		if i < 0 {
			return
		}
		rest = rest[i+len(open):]
		end := strings.Index(strings.ToLower(rest), "</script")
		if end < 0 {
			t.Fatalf("%s: JSON-LD not closed", name)
		}
		var bp BlogPosting
		if err := json.Unmarshal([]byte(rest[:end]), &bp); err != nil {
			t.Fatalf("%s: JSON-LD: %v\n%s", name, err, rest[:end])
		}
		found := false
		for _, pl := range htmltest.HostilePayloads {
			found = found || bp.Headline == pl
		}
		if !found {
			t.Errorf("%s: JSON-LD headline %q is not a payload", name, bp.Headline)
		}
		for _, a := range bp.Author {
			if a.URL != "" && !markup.IsWebURL(a.URL) {
				t.Errorf("%s: JSON-LD author URL %q", name, a.URL)
			}
		}
	}
}

// TestHostileSlugsRefused checks that a post whose slug would climb out
// of the site or carry a scheme stops NewRenderer before anything is
// written.
func TestHostileSlugsRefused(t *testing.T) {
	for _, slug := range []string{"..", "../../etc", "javascript:alert(1)", `a\b`, "a b", "%2e%2e", "x?y", "<script>"} {
		p := &post.Post{Title: "x", Slug: slug}
		idx, err := taxonomy.Build([]*post.Post{p}, taxonomy.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NewRenderer(&Site{}, idx, PageOptions{}); err == nil {
			t.Errorf("slug %q: NewRenderer accepted it", slug)
		}
	}
}
