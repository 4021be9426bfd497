// Command site builds a complete static blog with folio: post pages, a
// paginated home page, year and month archives, category, tag and author
// pages, RSS, Atom and JSON feeds, a sitemap and a 404 page.
//
// With no flags it builds the sample blog embedded in the program into
// ./public:
//
//	go run ./examples/site
//	go run ./examples/site -src ~/blog/content -out /tmp/blog
//	go run ./examples/site -serve localhost:8080
//
// Run it with -h for the flags. It is written only with folio's public API
// (source, taxonomy, render), and is meant to be read: build.go holds the
// whole program, out.go the code that keeps every file inside -out.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
