package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// hostileFiles are the rows of the hostile-input table that are one
// file each: Markdown bodies goldmark once took minutes on, 10 MB of `<`,
// a 50,000-column table, a byline of a million names, a million tags on
// one line and 2,000 tags on a post. Each is generated, never checked in.
func hostileFiles() map[string]string {
	md := func(title, body string) string {
		return "---\ntitle: " + title + "\ndate: 2024-02-02\n---\n" + body + "\n"
	}
	var footnotes, deepList, ticks strings.Builder
	for i := range 50000 {
		fmt.Fprintf(&footnotes, "x[^%d]\n", i)
	}
	footnotes.WriteString("\n")
	for i := range 50000 {
		fmt.Fprintf(&footnotes, "[^%d]: note\n", i)
	}
	for i := range 2000 {
		deepList.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	for i := 1; ticks.Len() < 400000; i++ {
		ticks.WriteString(strings.Repeat("`", i) + " a ")
	}
	names := make([]string, 1000000)
	for i := range names {
		names[i] = "Al"
	}
	tags := make([]string, 2000)
	for i := range tags {
		tags[i] = fmt.Sprintf("t%d", i)
	}
	return map[string]string{
		"links.md":     md("Link openers", strings.Repeat("[a](", 100000)),
		"footnotes.md": md("Footnotes", footnotes.String()),
		"list.md":      md("Deep list", deepList.String()),
		"quotes.md":    md("Quotes", strings.Repeat(">", 100000)+" x"),
		"brackets.md":  md("Brackets", strings.Repeat("[", 200000)),
		"ticks.md":     md("Backticks", ticks.String()),
		"lt.md":        md("Less than", strings.Repeat("<", 10<<20)),
		"table.md":     md("Table", "|"+strings.Repeat("a|", 50000)+"\n|"+strings.Repeat("-|", 50000)),
		"tags.html":    "---\ntitle: HTML tags\ndate: 2024-02-03\n---\n" + strings.Repeat("<div>", 200000),
		"byline.txt":   "Many authors\n\nBy " + strings.Join(names, ", ") + "\nMarch 3, 2017\n\nA paragraph.\n",
		"sametags.md":  "---\ntitle: Same tags\ndate: 2024-02-04\ntags: [" + strings.Repeat("same, ", 1000000) + "same]\n---\nx\n",
		"manytags.md":  "---\ntitle: Many tags\ndate: 2024-02-05\ntags: [" + strings.Join(tags, ", ") + "]\n---\nx\n",
	}
}

// TestHostileBodies builds every hostile file beside the good posts: the
// build ends within seconds, the good posts are written, each hostile
// post is kept (its text as plain paragraphs where a body is past a
// limit, with a warning), and the site stays small.
func TestHostileBodies(t *testing.T) {
	if testing.Short() || slowdown > 1 {
		t.Skip("builds 25 MB of hostile input; too slow with -short or the race detector")
	}
	src := writeTree(t, withGood(hostileFiles()))
	out := filepath.Join(t.TempDir(), "public")
	if dir := os.Getenv("FOLIO_HOSTILE_OUT"); dir != "" {
		out = dir // to look at the site after the test
	}
	var o, e bytes.Buffer
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	code := run(context.Background(), []string{"-v", "-src", src, "-out", out}, &o, &e)
	took := time.Since(start)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	t.Logf("built in %v, %.0f MB allocated; stderr:\n%s", took, float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), e.String())
	if code != 0 {
		t.Errorf("exit %d, want 0 (limits give warnings); stderr:\n%s", code, e.String())
	}
	if took > 30*time.Second {
		t.Errorf("the build took %v", took)
	}
	checkGood(t, out)
	pages := files(t, out)
	for _, title := range []string{"Link openers", "Footnotes", "Deep list", "Quotes", "Brackets", "Backticks", "Less than", "Table", "HTML tags", "Many authors", "Same tags", "Many tags"} {
		if !pageWithTitle(t, out, pages, title) {
			t.Errorf("the post %q was not kept", title)
		}
	}
	for _, name := range []string{"links.md", "footnotes.md", "quotes.md", "brackets.md", "lt.md", "table.md", "tags.html"} {
		if !strings.Contains(e.String(), name+":1: render: markup: body past a limit") {
			t.Errorf("no warning for %s", name)
		}
	}
	var total int64
	sizes := map[string]int64{}
	for _, f := range pages {
		info, err := os.Stat(filepath.Join(out, f))
		if err == nil {
			total += info.Size()
			sizes[f] = info.Size()
		}
	}
	slices.SortFunc(pages, func(a, b string) int { return cmp.Compare(sizes[b], sizes[a]) })
	for _, f := range pages[:5] {
		t.Logf("%8d KB %s", sizes[f]>>10, f)
	}
	// The inputs are about 25 MB; each body is on its page and, escaped,
	// in the site's three feeds.
	if total > 300<<20 {
		t.Errorf("the site is %d MB in %d files", total>>20, len(pages))
	}
	t.Logf("%d files, %d MB", len(pages), total>>20)
}
