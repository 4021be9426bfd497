// Command inspect reads blog posts with folio and prints what it found as
// one JSON document: the posts (in date order, undated last), the files
// that failed with their positions, the taxonomies and the date archive.
//
//	go run ./examples/inspect [-drafts] [-future] [-location Europe/Paris] PATH...
//
// Each PATH is a file or a folder. The document is
//
//	{
//	  "posts":      [ …each in postfile.JSONPost's form, in date order… ],
//	  "errors":     [ {"path", "line", "column", "message"} ],
//	  "warnings":   [ {"path", "line", "column", "kind", "message"} ],
//	  "taxonomies": {"categories": [{"name", "slug", "count"}], "tags": […], "authors": […]},
//	  "archive":    [ {"year", "count", "months": [{"month", "count"}]} ],
//	  "undated":    0
//	}
//
// An error is a file that gave no post. A warning is a problem that kept
// the post but changed or ignored something in it: an unknown key, a
// value of an unexpected shape, a date that could not be read, an item of
// an export that was skipped or recovered; "kind" names its class (see
// the source package's Warn constants) and line and column are 0 when
// unknown. A protected post is printed without its text. The exit status
// is 0 when every input parsed (warnings or not), 1 when some failed (the
// rest are still printed) and 2 for bad usage.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
	"github.com/folio-go/folio/source"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program, apart from the process: it returns the exit
// status so that tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("inspect", flag.ContinueOnError)
	flags.SetOutput(stderr)
	drafts := flags.Bool("drafts", false, "keep draft, pending and private posts")
	future := flags.Bool("future", false, "keep posts dated in the future")
	zone := flags.String("location", "UTC", "time `zone` (IANA name) for dates written without one")
	flags.Usage = func() {
		fmt.Fprint(stderr, `usage: inspect [flags] PATH...

Inspect reads the posts in each PATH (a file or a folder) and prints what
folio found as one JSON document: the posts, the files that failed with
their path:line:column, the taxonomies and the date archive (docs/inspect.md
describes it). The exit status is 0 when every input parsed, 1 when some
failed, 2 for bad usage.

Flags:
`)
		flags.PrintDefaults()
		fmt.Fprint(stderr, `
Example:
  go run ./examples/inspect examples/site/content
`)
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return 2
	}
	loc, err := time.LoadLocation(*zone)
	if err != nil {
		fmt.Fprintf(stderr, "inspect: -location: %v\n", err)
		return 2
	}
	// A program, unlike the library, may read the clock: it decides
	// which posts are still in the future.
	var r report
	opt := source.Options{Location: loc, Drafts: *drafts, Future: *future, Now: time.Now(), Warn: r.addWarning}

	var posts []*post.Post
	for _, path := range flags.Args() {
		ps, err := load(context.Background(), path, opt)
		posts = append(posts, ps...)
		r.addErrors(path, err)
	}
	r.setPosts(posts, stderr)
	var buf bytes.Buffer
	if err := postfile.WriteJSON(&buf, r); err != nil {
		// Print what can be printed: each post that cannot is an error.
		r.dropUnprintable()
		buf.Reset()
		if err := postfile.WriteJSON(&buf, r); err != nil {
			fmt.Fprintf(stderr, "inspect: %v\n", err)
			return 1
		}
	}
	if _, err := buf.WriteTo(stdout); err != nil {
		fmt.Fprintf(stderr, "inspect: %v\n", err)
		return 1
	}
	if len(r.Errors) > 0 {
		return 1
	}
	return 0
}

// load reads one command-line path: a whole folder, or a single file
// loaded from its parent folder so that source paths are file names.
func load(ctx context.Context, path string, opt source.Options) ([]*post.Post, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	dir, name := path, "."
	if !info.IsDir() {
		dir, name = filepath.Dir(path), filepath.Base(path)
	}
	// An os.Root follows no symbolic link out of dir.
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return source.Load(ctx, root.FS(), name, opt)
}
