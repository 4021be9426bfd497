// Command site builds a complete static blog with folio: a page per post,
// a paginated home page, year and month archives (day archives with
// -day-archives), category, tag and
// author pages (paginated), RSS, Atom and JSON feeds for the site and for
// every term, a sitemap and a 404 page. Without -base-url every link
// between pages is relative, so the result works opened straight from
// disk; with -base-url links are for a web server (preview with -serve).
//
// With no flags it builds the sample blog embedded in the program (the
// content folder: Hugo- and Jekyll-style Markdown, plain-text WordPress
// posts and a WXR export) into ./public:
//
//	go run ./examples/site                  # then open public/index.html
//	go run ./examples/site -src ~/blog/content -out /tmp/blog
//	go run ./examples/site -serve localhost:8080
//	go run ./examples/site -src ~/blog/content -serve localhost:8080   # rebuilds as you write
//	go run ./examples/site -base-url https://blog.example.com/ -serve localhost:8080
//
// Flags: -src, -out, -base-url, -title, -description, -permalink, -drafts,
// -types, -origin, -v, -serve, -watch, -workers, -cpuprofile, -memprofile;
// run with -h for details. Bad files are reported as path:line:column and the
// rest is still built; the exit status is then 1 (2 for bad usage).
// Problems that kept a post but changed something in it (an unknown key,
// a skipped export item) are warnings: one line per kind on stderr
// (warnings.go), every one with -v; they do not change the exit status.
// WordPress pages (-types post,page, the default) are written at their
// own path and left out of lists, archives and feeds; a WordPress export
// names the site when -title and -description are not given.
//
// Nothing is exposed by default: a password-protected post's page shows
// its title and a notice, its summary and feed entries the notice, and
// the sitemap leaves it out (-protected publishes its text; the password
// is never kept); drafts, pending and private posts are not read at all
// unless -drafts asks for them.
//
// Links survive the move: a body link to a post's old address (the Go
// blog's /blog/SLUG, a WordPress link or ?p=ID, a Hugo or Jekyll url,
// permalink, aliases or redirect_from) leads to the post's new page, each
// old address that is a path of this site gets a redirect page, and with
// -origin URL, root-relative links (and relative ones, resolved against
// the post's old address) that lead to no page of the new site become
// absolute links to the old one.
//
// A build into a folder that holds an earlier one writes only the files
// whose bytes changed, each to a temporary file renamed into place, so a
// build stopped at any moment leaves every file old or new; it removes the
// files it wrote before and no longer writes, listed in .folio-manifest,
// and never overwrites or removes a file it did not write (a CNAME, a
// .git folder): a build that would have to stops before writing anything
// and names the file. .folio-lock keeps a second build from writing at
// the same time. The summary line counts only files really written.
//
// -serve previews the site on a loopback address: it watches -src
// (fsnotify), rebuilds only the pages an edit changes, prints one line per
// rebuild, and reloads open pages through Server-Sent Events; an edit that
// does not read is shown in the terminal and over the page while the last
// good site stays served. It answers only Host values naming its own
// address (421 otherwise), serves only regular files inside -out (no
// symbolic links, no names starting with ".", no folder listings), and
// answers a missing page with the site's 404.html and status 404.
//
// Nothing is ever written
// outside -out, whatever the slugs or permalink patterns say.
//
// It uses only folio's public API and is meant to be read: build.go holds
// the flags and the run from start to end, site.go the build (taxonomy
// index, render.Renderer pages written in parallel, feeds, sitemap), out.go
// the one gate every output path goes through and the writer that keeps a
// rebuild from damaging the site, serve.go and watch.go the preview.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
)

// gcPercent is the garbage collector's target unless GOGC says otherwise.
// The build holds every post while it writes, so the heap is mostly live
// data; Go's default of 100 lets it grow to twice that before collecting.
// 75 keeps the peak about 25 MB lower at 10,000 posts (226-231 MB
// instead of 251-255 MB) for about 3% more CPU (see BENCHMARKS.md).
const gcPercent = 75

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
