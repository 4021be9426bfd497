// Command feeds writes the RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds of a
// folder of posts, and nothing else: the smallest program that puts
// source.Load and render's feeds together.
//
//	go run ./examples/feeds                      # the two posts embedded here
//	go run ./examples/feeds -src ~/blog -out /tmp/feeds -base-url https://blog.example.com/
//
// It writes index.xml (RSS), atom.xml and feed.json into -out. Errors in
// the posts are printed as path:line:column and the others still go in;
// the exit status is then 1 (2 for bad usage).
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/render/feed"
	"github.com/folio-go/folio/render/markup"
	"github.com/folio-go/folio/source"
)

//go:embed content
var sample embed.FS

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("feeds", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", "", "`folder` of posts; empty reads the two embedded ones")
	out := fl.String("out", "feeds", "`folder` to write index.xml, atom.xml and feed.json into")
	base := fl.String("base-url", "https://example.org/", "absolute `URL` the site is served from")
	title := fl.String("title", "Station Road Notices", "feed `title`")
	limit := fl.Int("limit", 20, "most `entries` per feed; 0 for all")
	full := fl.Bool("full", true, "put whole posts in the feeds, not just summaries")
	fl.Usage = func() {
		fmt.Fprint(stderr, `usage: feeds [flags]

Feeds writes the RSS 2.0, Atom and JSON Feed 1.1 feeds of a folder of posts
(default: the two embedded in the program) into -out: index.xml, atom.xml
and feed.json. Bad files are reported as path:line:column and the rest
still go in; the exit status is then 1 (2 for bad usage).

Flags:
`)
		fl.PrintDefaults()
		fmt.Fprint(stderr, `
Examples:
  go run ./examples/feeds
  go run ./examples/feeds -src ~/blog -out /tmp/feeds -base-url https://blog.example.com/
`)
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "feeds: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return 2
	}

	var fsys fs.FS = sample
	root := "content"
	if *src != "" {
		fsys, root = os.DirFS(*src), "."
	}
	posts, loadErr := source.Load(ctx, fsys, root, source.Options{})
	status := 0
	if loadErr != nil {
		printErrors(stderr, loadErr)
		status = 1
	}

	site := &render.Site{Title: *title, BaseURL: *base}
	body := markup.New(markup.Options{}) // one renderer for every post
	all := &feed.Feed{
		Title:       *title,
		Link:        site.AbsURL("/"),
		Posts:       posts,
		Limit:       *limit,
		FullContent: *full,
		Permalink:   func(p *post.Post) string { return site.AbsURL(site.PostURL(p)) },
		Body: func(p *post.Post) (string, error) {
			h, err := body.PostHTML(p, p.Body)
			return string(h), err
		},
		Summary: func(p *post.Post) (string, error) { return summary(body, p) },
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "feeds: %v\n", err)
		return 1
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer, *feed.Feed) error
	}{
		{"index.xml", feed.RSS},
		{"atom.xml", feed.Atom},
		{"feed.json", feed.JSONFeed},
	} {
		all.FeedURL = site.AbsURL("/" + f.name)
		if err := writeFile(filepath.Join(*out, f.name), all, f.write); err != nil {
			fmt.Fprintf(stderr, "feeds: %s: %v\n", f.name, err)
			status = 1
			continue
		}
		fmt.Fprintln(stdout, filepath.Join(*out, f.name))
	}
	return status
}

// writeFile writes one feed to name.
func writeFile(name string, fd *feed.Feed, write func(io.Writer, *feed.Feed) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	err = write(f, fd)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// summary is p's explicit summary, or else the first 50 words of its body,
// as HTML.
func summary(body *markup.Renderer, p *post.Post) (string, error) {
	if p.Summary != "" {
		h, err := body.PostHTML(p, post.Body{Format: p.Body.Format, Text: p.Summary})
		return string(h), err
	}
	h, err := body.PostHTML(p, p.Body)
	if err != nil {
		return "", err
	}
	s, _ := markup.Summary(h, 50)
	return string(s), nil
}

// printErrors prints each error of a joined error on a line of its own.
func printErrors(w io.Writer, err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			printErrors(w, e)
		}
		return
	}
	fmt.Fprintln(w, err)
}
