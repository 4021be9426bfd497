package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWarningSummary: expansion problems are summed up one line per
// kind, and -v lists each at its place in the file.
func TestWarningSummary(t *testing.T) {
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
	out, _, stderr := buildSite(t, 0, "-src", src)
	want := "site: 3 unknown shortcodes in 2 posts; first: content/posts/anchors.md:6:1: markup: unknown shortcode \"note\""
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if strings.Contains(stderr, "reefing.md:8:1") {
		t.Errorf("without -v, each warning was listed:\n%s", stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "2024", "04", "reefing", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "{{") || !strings.Contains(string(page), "Reef early.") {
		t.Errorf("page shows raw syntax or lost the content:\n%s", page)
	}
	_, _, stderr = buildSite(t, 0, "-src", src, "-v")
	for _, w := range []string{"content/posts/reefing.md:8:1:", "content/posts/reefing.md:10:1:", "content/posts/anchors.md:6:1:"} {
		if !strings.Contains(stderr, "  "+w) {
			t.Errorf("-v does not list %s:\n%s", w, stderr)
		}
	}
}
