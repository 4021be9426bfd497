package render_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing/fstest"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/taxonomy"
)

func ExampleSite_PostURL() {
	site := &render.Site{
		BaseURL:    "https://example.com/blog/",
		Permalinks: render.Permalinks{Post: "/:year/:month/:day/:slug/"},
	}
	p := &post.Post{Title: "Fog & Ferries", Slug: "fog-ferries", Date: time.Date(2017, 3, 3, 9, 0, 0, 0, time.UTC)}
	u := site.PostURL(p)
	fmt.Println(u)
	fmt.Println(site.AbsURL(u))
	fmt.Println(render.FilePath(u))
	fmt.Println(site.TermURL("tags", "c-sharp"))
	fmt.Println(site.PageURL("/", 2))
	// Output:
	// /2017/03/03/fog-ferries/
	// https://example.com/blog/2017/03/03/fog-ferries/
	// 2017/03/03/fog-ferries/index.html
	// /tags/c-sharp/
	// /page/2/
}

func ExampleSite_Check() {
	site := &render.Site{Permalinks: render.Permalinks{Post: "/:year/"}}
	posts := []*post.Post{{Title: "One", Slug: "one", Date: time.Date(2017, 3, 3, 0, 0, 0, 0, time.UTC)}}
	fmt.Println(site.Check(posts))
	// Output:
	// render: post "One" has path /2017/, which is the archive 2017's: two pages on one path
}

func ExampleNewRenderer() {
	posts := []*post.Post{
		{Title: "Hello", Slug: "hello", Date: time.Date(2017, 3, 3, 0, 0, 0, 0, time.UTC),
			Tags: []post.Term{{Name: "Go"}}, Body: post.Body{Format: post.Text, Text: "Hi."}},
	}
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := render.NewRenderer(&render.Site{Title: "Example", RelativeURLs: true}, idx, render.PageOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for pg := range r.Pages() {
		// A site builder would create pg.File() under its output folder
		// and call pg.Write on it, possibly in parallel.
		fmt.Println(pg.Kind, pg.File())
	}
	// Output:
	// home index.html
	// post 2017/03/hello/index.html
	// taxonomy categories/index.html
	// taxonomy tags/index.html
	// term tags/go/index.html
	// taxonomy authors/index.html
	// year 2017/index.html
	// month 2017/03/index.html
	// day 2017/03/03/index.html
	// 404 404.html
	// asset style.css
}

// A site can replace one template and keep the rest of the theme.
func ExamplePageOptions_templates() {
	posts := []*post.Post{{Title: "Hello", Slug: "hello", Body: post.Body{Format: post.Text, Text: "Hi."}}}
	idx, _ := taxonomy.Build(posts, taxonomy.Options{})
	theme := fstest.MapFS{
		"post.html": {Data: []byte(`{{define "main"}}<h1>{{.Post.Title}}!</h1>{{.Post.Body}}{{end}}`)},
	}
	r, err := render.NewRenderer(&render.Site{Title: "Example"}, idx, render.PageOptions{Templates: theme})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	if err := r.WritePost(&b, posts[0]); err != nil {
		fmt.Println(err)
		return
	}
	page := b.String()
	main := page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
	fmt.Println(main)
	// Output:
	// <main id="main" class="wrap" tabindex="-1">
	// <h1>Hello!</h1><p>Hi.</p>
}

// One post's page, without walking every page of the site.
func ExampleRenderer_PostPage() {
	p := &post.Post{Title: "Hello", Slug: "hello", Date: time.Date(2017, 3, 3, 0, 0, 0, 0, time.UTC),
		Body: post.Body{Format: post.Markdown, Text: "Hi, *world*."}}
	idx, err := taxonomy.Build([]*post.Post{p}, taxonomy.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := render.NewRenderer(&render.Site{Title: "Example", RelativeURLs: true}, idx, render.PageOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	pg, ok := r.PostPage(p)
	if !ok {
		fmt.Println("not in the index")
		return
	}
	var b bytes.Buffer
	if err := pg.Write(&b); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pg.Kind, pg.Path, pg.File())
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, "<title>") || strings.Contains(line, "<em>") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	_, ok = r.PostPage(&post.Post{Title: "Elsewhere"})
	fmt.Println(ok)
	// Output:
	// post /2017/03/hello/ 2017/03/hello/index.html
	// <title>Hello – Example</title>
	// <p>Hi, <em>world</em>.</p>
	// false
}
