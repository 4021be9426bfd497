package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// goodPosts are the two posts every hostile build must still publish.
var goodPosts = map[string]string{
	"good-one.md": "---\ntitle: Good one\ndate: 2024-03-01\ntags: [bread]\n---\nFirst good post.\n",
	"good-two.md": "---\ntitle: Good two\ndate: 2024-04-01\n---\nSecond good post.\n",
}

// withGood returns files with the good posts added.
func withGood(files map[string]string) map[string]string {
	all := map[string]string{}
	for k, v := range goodPosts {
		all[k] = v
	}
	for k, v := range files {
		all[k] = v
	}
	return all
}

// checkGood fails unless both good posts got their pages.
func checkGood(t *testing.T, out string) {
	t.Helper()
	pages := files(t, out)
	for _, title := range []string{"Good one", "Good two"} {
		if !pageWithTitle(t, out, pages, title) {
			t.Errorf("the good post %q was not written", title)
		}
	}
}

// TestPathClashCostsOnlyThePost builds an undated 2024.md, whose path is
// the 2024 archive's, and posts whose slugs are the site's own file names:
// each is left out with an error naming it and what it clashes with, and
// the rest of the site, feeds and stylesheet included, is written.
func TestPathClashCostsOnlyThePost(t *testing.T) {
	files := map[string]string{
		"2024.md":    "---\ntitle: Year in review\n---\nx\n",
		"tagpage.md": "---\ntitle: All the tags\nslug: tags\ndate: 2024-05-01\n---\nx\n",
	}
	reserved := []string{"index.html", "index.xml", "atom.xml", "feed.json", "sitemap.xml", "style.css", "404.html"}
	for i, name := range reserved {
		files["clash"+string(rune('a'+i))+".md"] = "---\ntitle: Clash " + name + "\nslug: " + name + "\n---\nx\n"
	}
	src := writeTree(t, withGood(files))
	out, _, stderr := buildSite(t, 1, "-src", src, "-permalink", "/:slug/")
	checkGood(t, out)
	if !strings.Contains(stderr, "2024.md") || !strings.Contains(stderr, "archive 2024") {
		t.Errorf("stderr does not name 2024.md and the archive:\n%s", stderr)
	}
	if !strings.Contains(stderr, "tagpage.md") || !strings.Contains(stderr, "taxonomy tags") {
		t.Errorf("stderr does not name tagpage.md and the tags page:\n%s", stderr)
	}
	if !pageWithTitle(t, out, walkFiles(t, out), "Tags") {
		t.Error("the tags page was not written")
	}
	for _, name := range reserved {
		if !strings.Contains(stderr, "Clash "+name) {
			t.Errorf("stderr does not name the post with slug %s:\n%s", name, stderr)
		}
		info, err := os.Stat(filepath.Join(out, name))
		if err != nil || !info.Mode().IsRegular() {
			t.Errorf("the site's own %s is not a file: %v", name, err)
		}
	}
}

// TestOutRefused checks that -out is refused, before anything is read
// or written, when it is -src, inside it, a root folder or the home
// folder.
func TestOutRefused(t *testing.T) {
	src := writeTree(t, goodPosts)
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, out := range []string{src, filepath.Join(src, "public"), filepath.Join(src, "a", "b"), "/", home, src + string(filepath.Separator)} {
		var o, e bytes.Buffer
		if code := run(context.Background(), []string{"-src", src, "-out", out}, &o, &e); code != 2 {
			t.Errorf("-out %s: exit %d, want 2; stderr:\n%s", out, code, e.String())
		}
	}
	entries, _ := os.ReadDir(src)
	if len(entries) != 2 {
		t.Errorf("-src holds %d entries after refused builds, want 2", len(entries))
	}
	// Beside -src is fine.
	out, _, _ := buildSite(t, 0, "-src", src)
	checkGood(t, out)
}

// TestManyTags builds a post with 2,000 tags beside the good posts: it
// keeps source.DefaultMaxTerms of them (with a warning), and each term's
// page and feeds stay small, so the site grows linearly with the terms
// (it once made 8,013 files and 384 MB).
func TestManyTags(t *testing.T) {
	tags := make([]string, 2000)
	for i := range tags {
		tags[i] = "tag" + strconv.Itoa(i)
	}
	src := writeTree(t, withGood(map[string]string{
		"many.md": "---\ntitle: Many tags\ndate: 2024-01-01\ntags: [" + strings.Join(tags, ", ") + "]\n---\nx\n",
	}))
	out, _, stderr := buildSite(t, 0, "-v", "-src", src)
	checkGood(t, out)
	if !strings.Contains(stderr, "many.md:1: source: 2000 tags") {
		t.Errorf("no warning about the tags:\n%s", stderr)
	}
	pages := files(t, out)
	var total int64
	for _, f := range pages {
		if info, err := os.Stat(filepath.Join(out, f)); err == nil {
			total += info.Size()
		}
	}
	if len(pages) > 2100 || total > 16<<20 {
		t.Errorf("%d files, %d bytes", len(pages), total)
	}
}
