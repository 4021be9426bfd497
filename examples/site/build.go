package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/source"
)

// sample is the blog built when -src is not given: Hugo- and Jekyll-style
// Markdown, plain-text WordPress posts and a WXR export, by three authors.
// "all:" keeps the _posts folder, which go:embed would otherwise leave out.
//
//go:embed all:content
var sample embed.FS

// config is what the flags ask for.
type config struct {
	src     string
	out     string
	baseURL string
	drafts  bool
	days    bool
	serve   string
	watch   bool
	workers int

	cpuprofile string
	memprofile string

	title       string
	description string
	permalink   string // the pattern of post paths; empty for render's default

	verbose   bool     // list every warning, not only a summary per kind
	protected bool     // publish the text of password-protected posts
	types     []string // the WordPress post types to read
	origin    string   // the site the content came from, for links to it

	// readFile reads a file of the loaded tree, for bodies that include
	// files ({{code}}, {% include %}); nil reads none.
	readFile func(name string) ([]byte, error)
	// warns collects the warnings of the build; nil drops them.
	warns *warnLog

	static string // the folder of files copied as they are; empty for the default
	// fsys and root are where the posts were loaded from, for their
	// assets; fsys is nil when no posts were loaded from files.
	fsys fs.FS
	root string
}

// run is the whole program; main only wires it to the process. It returns
// the exit status: 0 when every input was read and every page written, 1
// when something failed (the rest is still built), 2 for bad usage.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	start := time.Now()
	prog := newProgress(stderr)
	if cfg.cpuprofile != "" {
		stop, err := startCPUProfile(cfg.cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "site: %v\n", err)
			return 1
		}
		defer stop()
	}

	if err := checkOut(cfg.src, cfg.out); err != nil {
		fmt.Fprintf(stderr, "site: %v\n", err)
		return 2
	}
	fsys, root, err := inputFS(cfg.src)
	if err != nil {
		fmt.Fprintf(stderr, "site: %v\n", err)
		return 1
	}
	warns := &warnLog{}
	set, loadErr := source.LoadSet(ctx, fsys, root, source.Options{
		Drafts:    cfg.drafts,
		Now:       start,
		Workers:   cfg.workers,
		Progress:  prog.reading,
		PostTypes: cfg.types,
		Warn:      warns.add,
	})
	posts := set.Posts()
	failed := printErrors(stderr, loadErr)
	nameSite(&cfg, fsys, root)
	if len(posts) == 0 && loadErr == nil {
		fmt.Fprintf(stderr, "site: warning: no posts found (folio reads .md, .markdown, .txt, .xml, and .html with front matter)\n")
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "site: %v\n", ctx.Err())
		return 1
	}

	cfg.fsys, cfg.root = fsys, root
	out, err := openOutDir(cfg.out)
	if err != nil {
		fmt.Fprintf(stderr, "site: %v\n", err)
		return 1
	}
	defer out.Close()
	cfg.readFile = func(name string) ([]byte, error) { return fs.ReadFile(fsys, path.Join(root, name)) }
	cfg.warns = warns
	res, state, buildErr := build(ctx, cfg, posts, out, prog, nil, nil)
	prog.done()
	if printErrors(stderr, buildErr) {
		failed = true
	}
	warns.write(stderr, cfg.verbose)

	if res.written+res.unchanged == 0 {
		fmt.Fprintf(stderr, "site: nothing written to %s\n", cfg.out)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files (%d unchanged, %d removed) for %d posts to %s in %.2fs — %s\n",
		res.written, res.unchanged, res.removed, len(posts), cfg.out, time.Since(start).Seconds(), viewHint(cfg))
	if cfg.serve != "" {
		p := &preview{cfg: cfg, set: set, out: out, state: state, stdout: stdout, stderr: stderr}
		if buildErr != nil && writeFailed([]error{buildErr}) {
			p.problem = buildErr.Error()
		}
		if err := p.run(ctx); err != nil {
			fmt.Fprintf(stderr, "site: %v\n", err)
			return 1
		}
	}
	if failed {
		return 1
	}
	return 0
}

// viewHint says how to look at the site just built. Without -base-url the
// links are relative and the site opens from disk; with one they are
// root-absolute, for a web server, so it says how to serve it instead.
func viewHint(cfg config) string {
	switch {
	case cfg.serve != "":
		return "serving it next"
	case cfg.baseURL == "":
		return "open " + filepath.Join(cfg.out, "index.html")
	}
	return fmt.Sprintf("its links are for %s: preview it over HTTP with -serve localhost:8080, not from disk", cfg.baseURL)
}

// parseFlags reads the command line; the error is already reported to
// stderr.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fl := flag.NewFlagSet("site", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprint(stderr, `usage: site [flags]

Site builds a static blog from -src (default: the sample embedded in the
program) into -out: post pages, home, archives, category, tag and author
pages, feeds, a sitemap and a 404 page. Without -base-url the links are
relative and the result opens from disk; with it, serve it (-serve).

Flags:
`)
		fl.PrintDefaults()
		fmt.Fprint(stderr, `
Examples:
  go run ./examples/site
  go run ./examples/site -serve localhost:8080
  go run ./examples/site -src ~/blog/content -out /tmp/blog -base-url https://blog.example.org/
`)
	}
	fl.StringVar(&cfg.src, "src", "", "`folder` (or single file) of posts: Markdown, plain-text .txt or WXR .xml; empty builds the embedded sample")
	fl.StringVar(&cfg.out, "out", "public", "`folder` to write the site into")
	fl.StringVar(&cfg.baseURL, "base-url", "", "absolute `URL` the site will be served from; empty writes relative links that also work from file://\n(feeds and the sitemap, which need absolute URLs, then use "+placeholderURL+")")
	fl.StringVar(&cfg.title, "title", "", "site `title` (default: \"The Slow Compile\" for the sample, a WordPress export's own title, the folder name otherwise)")
	fl.StringVar(&cfg.description, "description", "", "site `description` shown under the title")
	fl.StringVar(&cfg.permalink, "permalink", "", "`pattern` of post paths, such as /:year/:month/:slug/ (the default) or /posts/:slug/")
	fl.StringVar(&cfg.static, "static", "", "`folder` of files copied into -out as they are (default: a static/ folder, whose files go to the site's root, or an assets/ folder, copied as /assets/, in -src or beside it)")
	fl.BoolVar(&cfg.days, "day-archives", false, "also write a page for each day (year and month archives are always written)")
	fl.BoolVar(&cfg.drafts, "drafts", false, "include drafts, pending and private posts")
	fl.BoolVar(&cfg.verbose, "v", false, "list every warning, not only a summary of each kind")
	fl.BoolVar(&cfg.protected, "protected", false, "publish the text of password-protected posts (by default their pages show the title and a notice, feeds the notice, and the sitemap leaves them out)")
	types := fl.String("types", "post,page", "comma-separated WordPress post `types` to build: posts are the blog, pages stand alone (nav_menu_item, attachment and custom types only when named)")
	fl.StringVar(&cfg.origin, "origin", "", "absolute `URL` of the site the content came from: root-relative links that match no page of the new site point there")
	fl.StringVar(&cfg.serve, "serve", "", "after building, serve -out over HTTP on this loopback `address` (e.g. localhost:8080),\nrebuild what changes in -src and reload the open pages")
	fl.BoolVar(&cfg.watch, "watch", true, "with -serve, watch -src and rebuild on every change; -watch=false only serves")
	fl.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "`number` of files read and pages written at once")
	fl.StringVar(&cfg.cpuprofile, "cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	fl.StringVar(&cfg.memprofile, "memprofile", "", "write a heap profile at the end of the build to `file`")
	if err := fl.Parse(args); err != nil {
		return cfg, err
	}
	for _, t := range strings.Split(*types, ",") {
		if t = strings.TrimSpace(t); t != "" {
			cfg.types = append(cfg.types, t)
		}
	}
	if cfg.types == nil {
		cfg.types = []string{}
	}
	if cfg.origin != "" {
		u, err := url.Parse(cfg.origin)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fmt.Fprintf(stderr, "site: -origin %q is not an absolute http or https URL\n", cfg.origin)
			return cfg, errors.New("usage")
		}
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "site: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return cfg, errors.New("usage")
	}
	if cfg.out == "" {
		fmt.Fprintln(stderr, "site: -out must not be empty")
		return cfg, errors.New("usage")
	}
	if cfg.baseURL != "" {
		u, err := url.Parse(cfg.baseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fmt.Fprintf(stderr, "site: -base-url %q is not an absolute http or https URL\n", cfg.baseURL)
			return cfg, errors.New("usage")
		}
	}
	if cfg.workers < 1 {
		cfg.workers = 1
	}
	if cfg.serve != "" {
		if err := checkLoopback(cfg.serve); err != nil {
			fmt.Fprintf(stderr, "site: -serve: %v\n", err)
			return cfg, err
		}
	}
	if cfg.src == "" && cfg.description == "" {
		cfg.description = "Code, bread and trains, written slowly."
	}
	if cfg.title == "" && cfg.src == "" {
		cfg.title = "The Slow Compile"
	}
	return cfg, nil
}

// nameSite gives the site the title and description a WordPress export
// names itself by, when the flags gave none; else the title is the
// folder's name.
func nameSite(cfg *config, fsys fs.FS, root string) {
	if cfg.title != "" && cfg.description != "" {
		return
	}
	if w := exportOf(fsys, root); w != nil {
		if cfg.title == "" {
			cfg.title = w.Title
		}
		if cfg.description == "" {
			cfg.description = w.Description
		}
	}
	if cfg.title == "" {
		cfg.title = filepath.Base(filepath.Clean(cfg.src))
	}
}

// exportOf reads the channel of the WordPress export root names, or of
// the only one at the top of the folder it names; nil when there is none.
func exportOf(fsys fs.FS, root string) *source.WXR {
	name := root
	if info, err := fs.Stat(fsys, root); err != nil {
		return nil
	} else if info.IsDir() {
		matches, _ := fs.Glob(fsys, path.Join(root, "*.xml"))
		if len(matches) != 1 {
			return nil
		}
		name = matches[0]
	} else if !strings.EqualFold(path.Ext(root), ".xml") {
		return nil
	}
	// Only a regular file: opening a FIFO named x.xml would block, and
	// a link to /dev/zero would never end.
	if info, err := fs.Stat(fsys, name); err != nil || !info.Mode().IsRegular() {
		return nil
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	// The channel's fields come before the items: stop at the first.
	stop := errors.New("stop")
	w, _ := source.ScanWXR(name, f, source.Options{}, func(*post.Post) error { return stop })
	return w
}

// inputFS returns the file system and root to load: the embedded sample,
// a folder, or the folder holding a single file, opened as an os.Root so
// that no symbolic link leads out of it.
func inputFS(src string) (fs.FS, string, error) {
	if src == "" {
		return sample, "content", nil
	}
	info, err := os.Stat(src)
	if err != nil {
		return nil, "", err
	}
	if info.IsDir() {
		fsys, err := sourceFS(src)
		return fsys, ".", err
	}
	fsys, err := sourceFS(filepath.Dir(src))
	return fsys, filepath.Base(src), err
}

// printErrors prints each error joined in err on its own line (a
// source.Error prints as path:line:column: message) and reports whether
// any of them was more than a warning.
func printErrors(w io.Writer, err error) bool {
	if err == nil {
		return false
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		failed := false
		for _, e := range j.Unwrap() {
			if printErrors(w, e) {
				failed = true
			}
		}
		return failed
	}
	fmt.Fprintln(w, err)
	var warn warning
	return !errors.As(err, &warn)
}

// checkLoopback refuses any address but a loopback one: the preview
// server is for the person at the keyboard, not the network.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%q is not a loopback address (use localhost, 127.0.0.1 or [::1])", addr)
	}
	return nil
}
