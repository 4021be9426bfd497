// Command wxr2md converts a WordPress export (WXR) into a folder of
// front-matter Markdown files, one per post, that source.Load reads back
// into the same posts. Bodies stay HTML inside the files, marked with
// `format: html`.
//
// Usage:
//
//	go run ./examples/wxr2md [-out DIR] [-types post,page] [-protected] [-private] [-force] export.xml
//
// Password-protected posts are left out unless -protected asks for them
// (their text would become public), and so are private posts unless
// -private does (a generator that does not know `status: private`
// publishes them); drafts and pending posts are written with their
// status, which generators do not publish. Pages (-types page) are
// written with `kind: page`. It prints a summary of what was converted,
// what was skipped and why, and the reading's warnings on stderr.
// Exit status: 0 when everything read was converted, 1 when the export is
// damaged or a post could not be written (the rest are still written), 2
// for bad usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
