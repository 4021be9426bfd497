package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A Go-blog redirect stub becomes a page that sends readers to the post it
// names, never a listed "Untitled" post; a stub naming nothing in the build
// writes no page.
func TestRedirectStubs(t *testing.T) {
	src := writeTree(t, map[string]string{
		"new-name.md":  "---\ntitle: The new name\ndate: 2020-03-04\n---\n\nHere now.\n",
		"old-name.md":  "---\nredirect: /blog/new-name\n---\n",
		"elsewhere.md": "---\nredirect: https://example.com/somewhere\n---\n",
	})
	out, _, _ := buildSite(t, 0, "-src", src)
	pages := files(t, out)
	page, err := os.ReadFile(filepath.Join(out, "old-name", "index.html"))
	if err != nil {
		t.Fatalf("no redirect page: %v", err)
	}
	for _, want := range []string{`http-equiv="refresh"`, `href="../2020/03/new-name/index.html"`, "The new name"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("redirect page lacks %s:\n%s", want, page)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "elsewhere")); err == nil {
		t.Error("a stub pointing outside the build got a page")
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(home), "Untitled") {
		t.Error("a redirect stub is listed on the home page")
	}
	checkLinks(t, out, pages)
}
