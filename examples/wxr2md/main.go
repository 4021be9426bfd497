// Command wxr2md converts a WordPress export (WXR) into a folder of
// front-matter Markdown files, one per post, that source.Load reads back
// into the same posts. Bodies stay HTML inside the files, marked with
// `format: html`.
//
// Usage:
//
//	go run ./examples/wxr2md [-out DIR] [-types post,page] [-protected] [-force] [-uploads DIR] export.xml
//
// With -uploads (a copy of the blog's wp-content/uploads folder, as
// WordPress backups hold it) every uploads address in the bodies, the
// feature image (front-matter "image") and the attachments galleries use
// (front-matter "attachments") is rewritten to /wp-content/uploads/...
// and the file copied into -out there; a file the folder lacks is
// reported and its address kept. Without it addresses stay as they are.
//
// It prints a summary of what was converted, what was skipped and why.
// Exit status: 0 when everything read was converted, 1 when the export is
// damaged or a post could not be written (the rest are still written), 2
// for bad usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
