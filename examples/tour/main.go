// Command tour is the guided tour of the README as a program: it composes
// folio's packages by hand. It reads a folder of posts, files them by
// category, tag, author and date, writes every page of a blog with the
// default theme, and an Atom feed beside them. With -txt it prints one
// plain-text post as JSON instead.
//
//	go run ./examples/tour -src examples/site/content -out /tmp/tour
//	go run ./examples/tour -txt examples/site/content/text/001_7c1e04a2.txt
//
// The README's Go snippets are copied from this file, and a test checks
// that they still are.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/render/feed"
	"github.com/folio-go/folio/render/postfile"
	"github.com/folio-go/folio/source"
	"github.com/folio-go/folio/taxonomy"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program; it returns the exit status: 0 when everything
// was read and written, 1 when something failed, 2 for bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("tour", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", "examples/site/content", "`folder` of posts")
	out := fl.String("out", "tour-public", "`folder` to write the blog into")
	txt := fl.String("txt", "", "print the plain-text post in `file` as JSON, and build nothing")
	edited := fl.String("edited", "", "after building, say which pages an edit of `file` (relative to -src) would change")
	fl.Usage = func() {
		fmt.Fprint(stderr, `usage: tour [-src folder] [-out folder]
       tour -txt file

Tour is the README's tour of folio as a program: it reads every post under
-src, prints its tags and years, and writes every page of a blog with the
default theme, and an Atom feed, into -out.

Flags:
`)
		fl.PrintDefaults()
		fmt.Fprint(stderr, `
Examples:
  go run ./examples/tour -src examples/site/content -out /tmp/tour
  go run ./examples/tour -edited posts/cast-iron-notes.md
  go run ./examples/tour -txt examples/site/content/text/001_7c1e04a2.txt
`)
	}
	if err := fl.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "tour: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return 2
	}
	log.SetOutput(stderr)
	log.SetFlags(0)
	log.SetPrefix("tour: ")
	if *txt != "" {
		data, err := os.ReadFile(*txt)
		if err == nil {
			err = printPost(stdout, filepath.Base(*txt), data)
		}
		if err != nil {
			log.Print(err)
			return 1
		}
		return 0
	}
	n, err := tour(context.Background(), stdout, os.DirFS(*src), *out)
	if err != nil {
		log.Print(err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s to %s\n", plural(n, "file"), *out)
	if *edited != "" {
		ch, err := keepUpToDate(context.Background(), os.DirFS(*src), *edited)
		if err != nil {
			log.Print(err)
			return 1
		}
		fmt.Fprintf(stdout, "an edit of %s rewrites %s and removes %s\n", *edited, plural(len(ch.Write), "page"), plural(len(ch.Remove), "file"))
	}
	return 0
}

// tour is the README's tour: it reads src, prints what it found to stdout
// and writes the blog into the folder out. It returns how many files it
// wrote.
func tour(ctx context.Context, stdout io.Writer, src fs.FS, out string) (int, error) {
	// source: every post under a folder. A bad file is reported as
	// path:line:column and never costs the good ones.
	posts, err := source.Load(ctx, src, ".", source.Options{})
	if err != nil {
		log.Print(err) // errors.Join of every bad file's *source.Error
	}

	// taxonomy: terms, archives, newer/older and related posts, computed once.
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		log.Print(err) // hierarchy problems; the index is still usable
	}
	for _, t := range idx.Tags.ByCount() {
		fmt.Fprintf(stdout, "tag %s: %s\n", t.Name, plural(t.Count(), "post"))
	}
	for year := range idx.Years() {
		fmt.Fprintf(stdout, "%d: %s\n", year.Year, plural(year.Count(), "post"))
	}

	// render: every page of the blog with the default theme...
	site := &render.Site{Title: "Tour", BaseURL: "https://example.org/", RelativeURLs: true}
	r, err := render.NewRenderer(site, idx, render.PageOptions{})
	if err != nil {
		return 0, err // an unsafe or clashing path, found before anything is written
	}
	n := 0
	for page := range r.Pages() {
		if err := writeFile(filepath.Join(out, page.File()), page.Write); err != nil {
			return n, err
		}
		n++
	}

	// ...and a feed (package render/feed).
	atom := &feed.Feed{
		Title: site.Title, Link: site.BaseURL, FeedURL: site.AbsURL("/atom.xml"),
		Posts: idx.Posts(), Limit: 10,
		Permalink: func(p *post.Post) string { return site.AbsURL(site.PostURL(p)) },
	}
	err = writeFile(filepath.Join(out, "atom.xml"), func(w io.Writer) error {
		return feed.Atom(w, atom)
	})
	if err != nil {
		return n, err
	}
	return n + 1, nil
}

// writeFile creates the file name, and its folders, and fills it with write.
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

// printPost prints one plain-text WordPress post as JSON.
func printPost(w io.Writer, name string, data []byte) error {
	p, err := source.ParseText(name, data, source.Options{})
	if err != nil {
		return err // a *source.Error: path:line:column: message
	}
	return postfile.JSON(w, p) // the JSON form of a post: docs/json.md
}

// keepUpToDate is the README's "Keeping a site up to date": it loads src
// kept file by file, then reads the file edited again, as a watcher would
// after an edit, and returns which pages to write and which files to
// remove.
func keepUpToDate(ctx context.Context, src fs.FS, edited string) (render.Changes, error) {
	site := &render.Site{Title: "Tour", BaseURL: "https://example.org/", RelativeURLs: true}
	set, err := source.LoadSet(ctx, src, ".", source.Options{}) // like Load, kept by file
	if set == nil {
		return render.Changes{}, err
	}
	idx, _ := taxonomy.Build(set.Posts(), taxonomy.Options{})
	r, err := render.NewRenderer(site, idx, render.PageOptions{})
	if err != nil {
		return render.Changes{}, err
	}
	// ... write every page, then on each change a watcher reports:
	set.Reload(ctx, edited) // same errors as a full Load
	idx.UndoRenames()       // kept posts get their own slugs back
	idx2, _ := taxonomy.Build(set.Posts(), taxonomy.Options{})
	r2, err := render.NewRenderer(site, idx2, render.PageOptions{})
	if err != nil {
		return render.Changes{}, err
	}
	return render.Diff(r, r2), nil // Write: pages to write; Remove: files to delete
}

// plural says "1 post", "2 posts".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
