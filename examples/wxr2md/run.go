package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
	"github.com/folio-go/folio/source"
)

// summary counts what a conversion did.
type summary struct {
	written   int
	byStatus  map[post.Status]int
	protected int // password-protected posts left out
	private   int // private posts left out
	failed    int // posts postfile.Markdown or the file system refused
	renamed   int // posts whose file name had to differ from the slug
	taxonomy  map[string]bool
}

// run is the whole program, with its arguments, output and exit status
// passed in so that tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("wxr2md", flag.ContinueOnError)
	fl.SetOutput(stderr)
	out := fl.String("out", "posts", "`folder` to write the Markdown files to (created if missing)")
	types := fl.String("types", "post", "comma-separated WordPress post `types` to convert (post,page,...)")
	protected := fl.Bool("protected", false, "also convert password-protected posts (their text becomes public)")
	private := fl.Bool("private", false, "also convert private posts (a generator that does not know status: private publishes them)")
	force := fl.Bool("force", false, "overwrite files that already exist in -out")
	fl.Usage = func() {
		fmt.Fprint(stderr, `usage: wxr2md [-out folder] [-types post,page] [-protected] [-private] [-force] export.xml

Wxr2md turns a WordPress export (WXR) into a folder of Markdown files with
YAML front matter, one per post, that source.Load reads back into the same
posts. Private and password-protected posts are left out unless -private or
-protected asks for them; no file is overwritten unless -force is given.

Flags:
`)
		fl.PrintDefaults()
		fmt.Fprint(stderr, `
Example:
  go run ./examples/wxr2md -out posts export.xml
`)
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return 2
	}
	in := fl.Arg(0)
	f, err := os.Open(in)
	if err != nil {
		fmt.Fprintln(stderr, "wxr2md:", err)
		return 1
	}
	defer f.Close()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, "wxr2md:", err)
		return 1
	}

	opt := source.Options{PostTypes: splitList(*types), Warn: func(w post.Warning) {
		fmt.Fprintln(stderr, "wxr2md: warning:", w)
	}}
	c := &converter{dir: *out, force: *force, protected: *protected, private: *private, stderr: stderr,
		s: summary{byStatus: map[post.Status]int{}, taxonomy: map[string]bool{}}, names: map[string]bool{}}
	// ScanWXR hands over one post at a time, so a large export is
	// converted in the memory of its largest post.
	w, readErr := source.ScanWXR(filepath.Base(in), f, opt, c.write)
	if readErr != nil {
		for _, line := range errorLines(readErr) {
			fmt.Fprintln(stderr, "wxr2md:", line)
		}
	}
	c.report(stdout, w, readErr != nil)
	if readErr != nil || c.s.failed > 0 {
		return 1
	}
	return 0
}

// converter writes the posts ScanWXR hands it.
type converter struct {
	dir       string
	force     bool
	protected bool
	private   bool
	stderr    io.Writer
	s         summary
	names     map[string]bool // file names used, lower-cased
}

// write writes one post as DIR/<slug>.md. Failures are counted and told,
// never returned: one bad post must not stop the others.
func (c *converter) write(p *post.Post) error {
	if p.Protected && !c.protected {
		c.s.protected++
		return nil
	}
	if p.Status == post.Private && !c.private {
		c.s.private++
		return nil
	}
	var buf bytes.Buffer
	if err := postfile.Markdown(&buf, p); err != nil {
		c.s.failed++
		fmt.Fprintf(c.stderr, "wxr2md: %s:%d: %q not converted: %v\n", p.Source.Path, p.Source.Line, p.Title, err)
		return nil
	}
	name := c.fileName(p.Slug)
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if c.force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(filepath.Join(c.dir, name), flags, 0o644)
	if err == nil {
		_, err = f.Write(buf.Bytes())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		c.s.failed++
		if errors.Is(err, fs.ErrExist) {
			err = fmt.Errorf("%w (use -force to overwrite)", err)
		}
		fmt.Fprintf(c.stderr, "wxr2md: %s:%d: %q not converted: %v\n", p.Source.Path, p.Source.Line, p.Title, err)
		return nil
	}
	c.s.written++
	c.s.byStatus[p.Status]++
	for name := range p.Taxonomies {
		c.s.taxonomy[name] = true
	}
	return nil
}

// fileName is slug.md, or slug-2.md, slug-3.md, ... when two posts share a
// slug (drafts often do) or differ only in case, which some file systems
// do not tell apart. The slug inside the file stays as it was.
func (c *converter) fileName(slug string) string {
	name := slug
	for i := 2; c.names[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s-%d", slug, i)
	}
	if name != slug {
		c.s.renamed++
	}
	c.names[strings.ToLower(name)] = true
	return name + ".md"
}

// report prints the summary, in a fixed order.
func (c *converter) report(w io.Writer, x *source.WXR, damaged bool) {
	fmt.Fprintf(w, "read %d items from %q (WXR %s)\n", x.Items, x.Title, orNone(x.Version))
	fmt.Fprintf(w, "converted %d posts into %s\n", c.s.written, c.dir)
	for _, st := range []post.Status{post.Published, post.Scheduled, post.Draft, post.Pending, post.Private} {
		if n := c.s.byStatus[st]; n > 0 {
			fmt.Fprintf(w, "  %-14s %d\n", st, n)
		}
	}
	if c.s.renamed > 0 {
		fmt.Fprintf(w, "  %d files named slug-N.md because their slug was taken\n", c.s.renamed)
	}
	if len(c.s.taxonomy) > 0 {
		names := make([]string, 0, len(c.s.taxonomy))
		for n := range c.s.taxonomy {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(w, "  custom taxonomies written: %s (read them back with source.Options.Taxonomies)\n", strings.Join(names, ", "))
	}
	skips := x.Skips()
	if len(skips) > 0 || c.s.protected > 0 || c.s.private > 0 || c.s.failed > 0 {
		fmt.Fprintln(w, "skipped:")
	}
	for _, s := range skips {
		v := s.Value
		if v == "" {
			v = "(none)"
		}
		fmt.Fprintf(w, "  %-14s %d  (%s %s)\n", v, s.Count, s.Kind, skipReason(s))
	}
	if c.s.protected > 0 {
		fmt.Fprintf(w, "  %-14s %d  (password-protected; -protected converts them)\n", "protected", c.s.protected)
	}
	if c.s.private > 0 {
		fmt.Fprintf(w, "  %-14s %d  (private; -private converts them)\n", "private", c.s.private)
	}
	if c.s.failed > 0 {
		fmt.Fprintf(w, "  %-14s %d  (could not be written; see the errors)\n", "failed", c.s.failed)
	}
	if damaged {
		fmt.Fprintln(w, "the export is damaged: see the errors; every post before the damage was converted")
	}
}

func skipReason(s source.Skip) string {
	if s.Kind == "type" && s.Value == "" {
		return "missing: not a WordPress post"
	}
	if s.Kind == "type" {
		return "not asked for; -types chooses"
	}
	return "never published content"
}

func orNone(s string) string {
	if s == "" {
		return "version unknown"
	}
	return s
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// errorLines splits a joined error into its parts.
func errorLines(err error) []string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range j.Unwrap() {
			lines = append(lines, errorLines(e)...)
		}
		return lines
	}
	return []string{err.Error()}
}
