package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

// TestWarnLog: one line per kind, every warning with -v, in an order that
// does not depend on the order they came in.
func TestWarnLog(t *testing.T) {
	var log warnLog
	ws := []post.Warning{
		{Path: "b.md", Line: 3, Column: 1, Kind: "unknown key", Message: "author: unknown key \"shoe\""},
		{Path: "a.md", Line: 14, Column: 3, Kind: "unknown key", Message: "author: unknown key \"hat\""},
		{Path: "a.md", Line: 20, Column: 3, Kind: "unknown key", Message: "author: unknown key \"scarf\""},
		{Path: "x.xml", Line: 7, Kind: "skipped item", Message: "no post type"},
	}
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func() { defer wg.Done(); log.add(w) }()
	}
	wg.Wait()
	var short, long bytes.Buffer
	log.write(&short, false)
	log.write(&long, true)
	want := "warning: 1 skipped item in 1 file; first: x.xml:7: no post type\n" +
		"warning: 3 unknown key in 2 files; first: a.md:14:3: author: unknown key \"hat\"\n"
	if diff := cmp.Diff(want, short.String()); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if n := strings.Count(long.String(), "\n  "); n != 4 {
		t.Errorf("-v lists %d warnings, want 4:\n%s", n, long.String())
	}
}

// TestSiteWarningsAndExportName: a build over content with a kept-but-odd
// post summarises its warning, and an export names the site.
func TestSiteWarningsAndExportName(t *testing.T) {
	src := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("odd.md", "---\ntitle: Odd Author\ndate: 2024-01-02\nauthor:\n  name: Ana\n  shoe: 38\n---\nKept.\n")
	write("blog.xml", `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Lighthouse Log</title>
<description>Notes from the keeper</description>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>Lamp</title><content:encoded><![CDATA[<p>Lit at dusk.</p>]]></content:encoded><wp:post_date>2024-01-03 10:00:00</wp:post_date><wp:post_name>lamp</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Keepers</title><content:encoded><![CDATA[<p>Who we are.</p>]]></content:encoded><wp:post_name>keepers</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
<item><title>Menu</title><wp:status>publish</wp:status></item>
</channel>
</rss>
`)
	out, _, stderr := buildSite(t, 0, "-src", src)
	for _, want := range []string{"warning: 1 unknown key in 1 file; first: odd.md:6:3:", "warning: 1 skipped item in 1 file; first: blog.xml:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(home), "Lighthouse Log") || !strings.Contains(string(home), "Notes from the keeper") {
		t.Errorf("home page not named by the export:\n%s", home)
	}
	if strings.Contains(string(home), "Keepers") {
		t.Errorf("the home page lists the page")
	}
	if _, err := os.Stat(filepath.Join(out, "keepers", "index.html")); err != nil {
		t.Errorf("the page is not written: %v", err)
	}
	out, _, _ = buildSite(t, 0, "-src", src, "-types", "post")
	if _, err := os.Stat(filepath.Join(out, "keepers", "index.html")); err == nil {
		t.Errorf("-types post wrote the page")
	}
}

// TestBodyWarnings: problems found expanding bodies join the summary,
// each once, at their place in the file.
func TestBodyWarnings(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"content/posts/reefing.md": "---\ntitle: Reefing\ndate: 2024-04-01\n---\n\nIntro.\n\n{{< tip >}}Reef early.{{< /tip >}}\n\n{{< callout >}}\n",
		"content/posts/anchors.md": "---\ntitle: Anchors\ndate: 2024-04-02\n---\n\n{{< note >}}Set it twice.{{< /note >}}\n\n[back]({{< ref \"reefing.md\" >}})\n",
	}
	for name, body := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, stderr := buildSite(t, 0, "-src", src, "-v")
	want := "warning: 3 unknown shortcode in 2 files; first: content/posts/anchors.md:6:1: markup: unknown shortcode \"note\""
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	for _, w := range []string{"content/posts/reefing.md:8:1:", "content/posts/reefing.md:10:1:", "content/posts/anchors.md:6:1:"} {
		if strings.Count(stderr, "  "+w) != 1 {
			t.Errorf("-v does not list %s once:\n%s", w, stderr)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "2024", "04", "reefing", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "{{") || !strings.Contains(string(page), "Reef early.") {
		t.Errorf("page shows raw syntax or lost the content:\n%s", page)
	}
}
