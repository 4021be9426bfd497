// Command tour is the guided tour of the README as a program: it composes
// folio's four packages by hand. It reads a folder of posts, files them by
// category, tag, author and date, writes every page of a blog with the
// default theme, and an Atom feed beside them.
//
//	go run ./examples/tour -src examples/site/content -out /tmp/tour
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/render/feed"
	"github.com/folio-go/folio/source"
	"github.com/folio-go/folio/taxonomy"
)

func main() {
	src := flag.String("src", "examples/site/content", "`folder` of posts")
	out := flag.String("out", "tour-public", "`folder` to write into")
	flag.Parse()

	// 1. source: every post under the folder: front-matter Markdown,
	// plain-text .txt posts and WXR exports. A bad file is reported as
	// path:line:column and never costs the good ones.
	posts, err := source.Load(context.Background(), os.DirFS(*src), ".", source.Options{})
	if err != nil {
		log.Print(err)
	}

	// 2. taxonomy: categories, tags and authors, date archives,
	// newer/older links and related posts, computed once.
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		log.Print(err) // hierarchy problems; the index is still usable
	}
	for _, t := range idx.Tags.ByCount() {
		fmt.Printf("tag %-20s %d posts\n", t.Name, t.Count())
	}
	for year := range idx.Years() {
		fmt.Printf("%d: %d posts\n", year.Year, year.Count())
	}

	// 3. render: every page of the blog, with the default theme. Links are
	// relative, so the result opens from disk.
	site := &render.Site{Title: "Tour", BaseURL: "https://example.org/", RelativeURLs: true}
	r, err := render.NewRenderer(site, idx, render.PageOptions{})
	if err != nil {
		log.Fatal(err) // an unsafe or clashing path, found before writing
	}
	for page := range r.Pages() {
		if err := writeFile(filepath.Join(*out, page.File()), page.Write); err != nil {
			log.Fatal(err)
		}
	}

	// 4. render: an Atom feed of the ten newest posts.
	atom := &feed.Feed{
		Title:     site.Title,
		Link:      site.BaseURL,
		FeedURL:   site.AbsURL("/atom.xml"),
		Posts:     idx.Posts(),
		Limit:     10,
		Permalink: func(p *post.Post) string { return site.AbsURL(site.PostURL(p)) },
	}
	if err := writeFile(filepath.Join(*out, "atom.xml"), func(w io.Writer) error { return feed.Atom(w, atom) }); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %d posts to %s\n", idx.Len(), *out)
}

// writeFile creates name, with its folders, and fills it with write.
func writeFile(name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
