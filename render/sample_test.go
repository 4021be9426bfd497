package render

import (
	"bytes"
	"html"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/htmltest"
	"github.com/folio-go/folio/render/internal/htmltok"
	"github.com/folio-go/folio/taxonomy"
)

// samplePosts is the small site the page tests render: three authors,
// nested categories, tags with odd characters, a custom taxonomy, dated
// posts in several zones and undated ones, and bodies in all three
// formats. Every call returns fresh posts.
func samplePosts() []*post.Post {
	ana := post.Author{Name: "Ana Lima", URL: "https://ana.example/", Bio: "Ana writes compilers & tools."}
	bruno := post.Author{Name: "Bruno Costa"}
	chen := post.Author{Name: "Chen Wei", URL: "javascript:alert('not a site')", Bio: "Chen <3 types."}
	minus5 := time.FixedZone("-0500", -5*3600)
	plus9 := time.FixedZone("+0900", 9*3600)
	programming := post.Term{Name: "Programming"}
	goCat := post.Term{Name: "Go", Parent: "programming"}
	generics := post.Term{Name: "Generics", Parent: "go"}
	travel := post.Term{Name: "Travel"}
	tag := func(name string) post.Term { return post.Term{Name: name} }
	return []*post.Post{
		{
			Title: "Hello, World", Slug: "hello-world", Status: post.Published,
			Date:       time.Date(2017, 3, 4, 9, 30, 0, 0, time.UTC),
			Authors:    []post.Author{ana},
			Categories: []post.Term{goCat}, Tags: []post.Term{tag("Go"), tag("Q&A")},
			Body: post.Body{Format: post.Markdown, Text: "Welcome to *the kitchen*. Here is a table:\n\n" +
				"| Dish | Time |\n|:-----|-----:|\n| Soup | 20m |\n\n" +
				"Some `code` and a [link](https://go.dev/).[^1]\n\n```go\nfmt.Println(\"hi\")\n```\n\n[^1]: A footnote.\n"},
			Source: post.Source{Path: "posts/hello.md", Format: "markdown", Line: 1},
		},
		{
			Title: "Same Day, Second Post", Slug: "second", Status: post.Published,
			Date:    time.Date(2017, 3, 4, 18, 0, 0, 0, time.UTC),
			Authors: []post.Author{ana}, Tags: []post.Term{tag("C#")},
			Summary: "An *explicit* summary.",
			Body:    post.Body{Format: post.Markdown, Text: "The body says more than the summary does."},
		},
		{
			Title: "Generics in Practice", Slug: "generics", Status: post.Published,
			Date:       time.Date(2017, 3, 20, 12, 0, 0, 0, plus9),
			Updated:    time.Date(2017, 4, 2, 8, 0, 0, 0, plus9),
			Authors:    []post.Author{ana, bruno},
			Categories: []post.Term{generics}, Tags: []post.Term{tag("Go"), tag("naïve")},
			Taxonomies: map[string][]post.Term{"series": {{Name: "Deep Dives"}}},
			Body: post.Body{Format: post.Markdown, Text: "Type parameters arrived in Go 1.18.\n\n<!--more-->\n\n" +
				"## Constraints\n\nA constraint is an interface. ~~Not a class.~~ See https://go.dev/doc/.\n"},
		},
		{
			Title: "C++ and C# Side by Side", Slug: "cpp-csharp", Status: post.Published,
			Date:       time.Date(2017, 7, 1, 8, 0, 0, 0, time.UTC),
			Authors:    []post.Author{chen},
			Categories: []post.Term{programming}, Tags: []post.Term{tag("C++"), tag("C#")},
			Citations: []post.Citation{
				{Source: "CNN", URL: "https://edition.cnn.example/2017/06/30/tech/", Title: "Languages in 2017"},
				{Source: "Internal memo"},
				{Source: "Blog", URL: "javascript:alert(1)", Title: "Not linked"},
			},
			Body: post.Body{Format: post.HTML, Text: "Two languages with a <em>plus</em>.\nOr a sharp.\n\n" +
				"<figure><img src=\"/img/langs.png\" alt=\"Two logos\">\n<figcaption>Side by side</figcaption></figure>\n\n" +
				"<pre>int main() {\n\n  return 0;\n}</pre>\nThe end."},
		},
		{
			Title: "Notes from the Road", Slug: "road-notes", Status: post.Published,
			Date:       time.Date(2016, 12, 31, 23, 30, 0, 0, minus5),
			Authors:    []post.Author{bruno},
			Categories: []post.Term{travel}, Tags: []post.Term{tag("naïve"), tag("Q&A")},
			Body: post.Body{Format: post.Text, Text: "We drove north.\nThe road was long & the coffee <bad>.\n\nWe arrived."},
		},
		{
			Title: "A Long Read", Slug: "long-read", Status: post.Published,
			Date:       time.Date(2018, 1, 15, 7, 0, 0, 0, time.UTC),
			Authors:    []post.Author{chen},
			Categories: []post.Term{goCat}, Tags: []post.Term{tag("Go")},
			Taxonomies: map[string][]post.Term{"series": {{Name: "Deep Dives"}}},
			Body:       post.Body{Format: post.Markdown, Text: longText()},
		},
		{
			Title: "About This Blog", Slug: "about", Status: post.Published,
			Body: post.Body{Format: post.Text, Text: "This blog is a test kitchen for folio."},
		},
		{
			Title: "Colophon", Slug: "colophon", Status: post.Published,
			Authors: []post.Author{bruno},
			Body:    post.Body{Format: post.HTML, Text: "Set in <strong>system fonts</strong>.\n\n<ul>\n<li>No tracking</li>\n<li>No script</li>\n</ul>"},
		},
	}
}

// longText is a Markdown body longer than the summary budget, with the
// cut landing inside a link.
func longText() string {
	var b strings.Builder
	b.WriteString("This post goes on for a while. ")
	for i := 0; i < 12; i++ {
		b.WriteString("Every sentence adds five words. ")
	}
	b.WriteString("Then [a link with several words in it](https://example.com/long) ends the first paragraph.\n\n")
	b.WriteString("A second paragraph nobody sees in the summary.\n")
	return b.String()
}

func sampleSite() *Site {
	return &Site{
		Title: "The Test Kitchen", BaseURL: "https://blog.example/", Language: "en",
		Description: "Recipes for a Go blog library.", Author: post.Author{Name: "The Cooks"},
		RelativeURLs: true, PerPage: 3,
	}
}

func sampleRenderer(t testing.TB, site *Site, posts []*post.Post) *Renderer {
	t.Helper()
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(site, idx, PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// renderAll writes every page into a map from file path to content.
func renderAll(t testing.TB, r *Renderer) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for pg := range r.Pages() {
		var b bytes.Buffer
		if err := pg.Write(&b); err != nil {
			t.Fatalf("%s: %v", pg.Path, err)
		}
		out[pg.File()] = b.Bytes()
	}
	return out
}

// TestPagesGolden renders the sample site and compares every file with
// testdata/pages/, which is itself a browsable copy of the site.
func TestPagesGolden(t *testing.T) {
	r := sampleRenderer(t, sampleSite(), samplePosts())
	files := renderAll(t, r)
	root := filepath.Join("testdata", "pages")
	if *update {
		if err := os.RemoveAll(root); err != nil {
			t.Fatal(err)
		}
	}
	for name, got := range files {
		checkGolden(t, filepath.Join(root, filepath.FromSlash(name)), got)
	}
	// Every golden file must still be a page.
	var stale []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			if _, ok := files[filepath.ToSlash(rel)]; !ok {
				stale = append(stale, rel)
			}
		}
		return nil
	})
	if len(stale) > 0 {
		t.Errorf("golden files for no page (run -update): %v", stale)
	}
}

// TestPagesKinds checks that the sample site has every kind of page.
func TestPagesKinds(t *testing.T) {
	r := sampleRenderer(t, sampleSite(), samplePosts())
	have := map[Kind]int{}
	for pg := range r.Pages() {
		have[pg.Kind]++
	}
	for _, k := range allKinds {
		if have[k] == 0 {
			t.Errorf("no %s page", k)
		}
	}
}

// TestPagesDeterministic renders the site twice, from separately built
// posts and indexes, and wants the same bytes.
func TestPagesDeterministic(t *testing.T) {
	a := renderAll(t, sampleRenderer(t, sampleSite(), samplePosts()))
	b := renderAll(t, sampleRenderer(t, sampleSite(), samplePosts()))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between runs", name)
		}
	}
}

// TestPagesLinksResolve follows every relative href and src of every page
// as a browser opening the files from disk would, and wants each to reach
// a file the site has. The 404 page, which only a server shows and at any
// depth, links from the site root instead; its links must reach files
// from there.
func TestPagesLinksResolve(t *testing.T) {
	files := renderAll(t, sampleRenderer(t, sampleSite(), samplePosts()))
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, ref := range pageRefs(string(files[name])) {
			if ref == "" || strings.HasPrefix(ref, "#") || strings.Contains(ref, ":") {
				continue
			}
			if strings.HasPrefix(ref, "/") != (name == "404.html") {
				t.Errorf("%s: link %q: want root-relative links on the 404 page only", name, ref)
				continue
			}
			target := path.Clean(path.Join(path.Dir(name), strings.SplitN(ref, "#", 2)[0]))
			if name == "404.html" {
				target = strings.TrimPrefix(target, "/")
			}
			if strings.HasPrefix(target, "img/") {
				continue // an image the content refers to; not the site's to write
			}
			if !strings.HasSuffix(target, ".html") && !strings.HasSuffix(target, ".css") {
				t.Errorf("%s: link %q does not name a file", name, ref)
				continue
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: link %q reaches %s, which is not a page", name, ref, target)
			}
		}
	}
}

// pageRefs lists the href and src values of a page.
func pageRefs(page string) []string {
	var out []string
	tz := htmltok.New(page)
	for {
		tok, ok := tz.Next()
		if !ok {
			return out
		}
		if tok.Name == "script" && tok.Kind == htmltok.StartTag {
			tz.SkipPast("script")
		}
		for _, a := range tok.Attrs {
			if a.Key == "href" || a.Key == "src" {
				out = append(out, html.UnescapeString(a.Val))
			}
		}
	}
}

// TestPagesStructure checks what every HTML page must have: a lang
// attribute, one h1, the landmarks and the skip link, and alt text on
// every image.
func TestPagesStructure(t *testing.T) {
	files := renderAll(t, sampleRenderer(t, sampleSite(), samplePosts()))
	for name, b := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(b)
		counts := map[string]int{}
		imgsWithoutAlt := 0
		tz := htmltok.New(page)
		for {
			tok, ok := tz.Next()
			if !ok {
				break
			}
			if tok.Kind != htmltok.StartTag && tok.Kind != htmltok.SelfClosingTag {
				continue
			}
			counts[tok.Name]++
			if tok.Name == "img" && !hasAttr(tok, "alt") {
				imgsWithoutAlt++
			}
			if tok.Name == "html" && !hasAttr(tok, "lang") {
				t.Errorf("%s: <html> without lang", name)
			}
			if tok.Name == "script" {
				tz.SkipPast("script")
			}
		}
		for _, want := range []string{"html", "header", "main", "footer", "h1", "nav", "title"} {
			if want == "h1" && counts[want] != 1 {
				t.Errorf("%s: %d h1 elements, want 1", name, counts[want])
			}
			if counts[want] == 0 {
				t.Errorf("%s: no <%s>", name, want)
			}
		}
		if imgsWithoutAlt > 0 {
			t.Errorf("%s: %d images without alt", name, imgsWithoutAlt)
		}
		if !strings.Contains(page, `<a class="skip-link" href="#main">`) {
			t.Errorf("%s: no skip link", name)
		}
		htmltest.AssertInert(t, page, strings.Count(page, `<script type="application/ld+json">`))
	}
}

func hasAttr(tok htmltok.Token, key string) bool {
	for _, a := range tok.Attrs {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestPagesConcurrent writes every page from many goroutines at once and
// wants the same bytes as one at a time (run with -race).
func TestPagesConcurrent(t *testing.T) {
	r := sampleRenderer(t, sampleSite(), samplePosts())
	want := renderAll(t, sampleRenderer(t, sampleSite(), samplePosts()))
	var pages []Page
	for pg := range r.Pages() {
		pages = append(pages, pg, pg)
	}
	got := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	done := make(chan struct{})
	for i, pg := range pages {
		go func() {
			defer func() { done <- struct{}{} }()
			var b bytes.Buffer
			errs[i] = pg.Write(&b)
			got[i] = b.Bytes()
		}()
	}
	for range pages {
		<-done
	}
	for i, pg := range pages {
		if errs[i] != nil {
			t.Fatalf("%s: %v", pg.Path, errs[i])
		}
		if !bytes.Equal(got[i], want[pg.File()]) {
			t.Errorf("%s differs when written concurrently", pg.Path)
		}
	}
}
