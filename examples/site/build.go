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
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
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
	workers int

	cpuprofile string
	memprofile string

	title       string
	description string
	permalink   string // the pattern of post paths; empty for render's default
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
	posts, loadErr := source.Load(ctx, fsys, root, source.Options{
		Drafts:   cfg.drafts,
		Now:      start,
		Workers:  cfg.workers,
		Progress: prog.reading,
		Warn:     func(w post.Warning) { fmt.Fprintf(stderr, "warning: %s\n", w) },
	})
	failed := printErrors(stderr, loadErr)
	if len(posts) == 0 && loadErr == nil {
		fmt.Fprintf(stderr, "site: warning: no posts found (folio reads .md, .markdown, .txt, .xml, and .html with front matter)\n")
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "site: %v\n", ctx.Err())
		return 1
	}

	out, err := openOutDir(cfg.out)
	if err != nil {
		fmt.Fprintf(stderr, "site: %v\n", err)
		return 1
	}
	defer out.Close()
	n, buildErr := build(ctx, cfg, posts, out, prog)
	prog.done()
	if printErrors(stderr, buildErr) {
		failed = true
	}

	if n == 0 {
		fmt.Fprintf(stderr, "site: nothing written to %s\n", cfg.out)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files for %d posts to %s in %.2fs — open %s\n",
		n, len(posts), cfg.out, time.Since(start).Seconds(), filepath.Join(cfg.out, "index.html"))
	if cfg.serve != "" {
		if err := serve(ctx, cfg.serve, cfg.out, stdout); err != nil {
			fmt.Fprintf(stderr, "site: %v\n", err)
			return 1
		}
	}
	if failed {
		return 1
	}
	return 0
}

// parseFlags reads the command line; the error is already reported to
// stderr.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fl := flag.NewFlagSet("site", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintf(stderr, "usage: site [flags]\n\nBuilds a static blog from -src (default: the embedded sample) into -out.\n\n")
		fl.PrintDefaults()
	}
	fl.StringVar(&cfg.src, "src", "", "`folder` (or single file) of posts: Markdown, plain-text .txt or WXR .xml; empty builds the embedded sample")
	fl.StringVar(&cfg.out, "out", "public", "`folder` to write the site into")
	fl.StringVar(&cfg.baseURL, "base-url", "", "absolute `URL` the site will be served from; empty writes relative links that also work from file://\n(feeds and the sitemap, which need absolute URLs, then use "+placeholderURL+")")
	fl.StringVar(&cfg.title, "title", "", "site `title` (default: \"The Slow Compile\" for the sample, the folder name otherwise)")
	fl.StringVar(&cfg.description, "description", "", "site `description` shown under the title")
	fl.StringVar(&cfg.permalink, "permalink", "", "`pattern` of post paths, such as /:year/:month/:slug/ (the default) or /posts/:slug/")
	fl.BoolVar(&cfg.days, "day-archives", false, "also write a page for each day (year and month archives are always written)")
	fl.BoolVar(&cfg.drafts, "drafts", false, "include drafts, pending and private posts")
	fl.StringVar(&cfg.serve, "serve", "", "after building, serve -out over HTTP on this loopback `address` (e.g. localhost:8080)")
	fl.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "`number` of files read and pages written at once")
	fl.StringVar(&cfg.cpuprofile, "cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	fl.StringVar(&cfg.memprofile, "memprofile", "", "write a heap profile at the end of the build to `file`")
	if err := fl.Parse(args); err != nil {
		return cfg, err
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
	if cfg.title == "" {
		cfg.title = "The Slow Compile"
		if cfg.src != "" {
			cfg.title = filepath.Base(filepath.Clean(cfg.src))
		}
	}
	return cfg, nil
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

// serve serves dir over HTTP on addr until ctx is done.
func serve(ctx context.Context, addr, dir string, stdout io.Writer) error {
	if err := checkLoopback(addr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir)), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %s at http://%s/ — press Ctrl-C to stop\n", dir, ln.Addr())
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
