package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinksSurviveTheMove: posts that link each other by their old
// addresses and the rest of their old site by root paths build into a
// site with no broken internal link; old addresses get redirect pages.
func TestLinksSurviveTheMove(t *testing.T) {
	src := writeTree(t, map[string]string{
		"kiln.md": "---\ntitle: Firing the Kiln\ndate: 2021-04-02\nby:\n- Mo Reyes\n---\n\n" +
			"Before firing, read [the glaze notes](/blog/glazes#cones) and the [reference](/doc/cones.html#table).\n" +
			"The [list of posts](/blog/all) is elsewhere. [Glazes again](glazes.md), [the program](kiln/fire.go).\n",
		"glazes.md": "---\ntitle: Glaze Notes\ndate: 2021-03-01\nby:\n- Mo Reyes\n---\n\n## Cones\n\nSee [the kiln post](/blog/kiln/).\n",
		"hugo.md":   "---\ntitle: Moved\ndate: 2021-05-01\naliases: [/old/moved/]\nurl: /2021/moved.html\n---\nLinks to [kiln](/blog/kiln).\n",
		"clay.md":   "---\nredirect: /blog/glazes\n---\n",
	})
	out, _, stderr := buildSite(t, 0, "-src", src, "-origin", "https://pottery.example/")
	if strings.Contains(stderr, "site:") {
		t.Logf("stderr:\n%s", stderr)
	}
	got := files(t, out)
	checkLinks(t, out, got)
	for _, f := range []string{"blog/kiln/index.html", "blog/glazes/index.html", "old/moved/index.html", "2021/moved.html", "clay/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f)))
		if err != nil || !strings.Contains(string(data), `http-equiv="refresh"`) {
			t.Errorf("%s: no redirect page (%v)", f, err)
		}
	}
	kiln, err := os.ReadFile(filepath.Join(out, "2021", "04", "kiln", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="../../../2021/03/glazes/index.html#cones"`, `href="https://pottery.example/doc/cones.html#table"`, `href="https://pottery.example/blog/all"`,
		`href="../../../2021/03/glazes/index.html">Glazes again`, `href="https://pottery.example/blog/kiln/fire.go"`} {
		if !strings.Contains(string(kiln), want) {
			t.Errorf("kiln page lacks %s", want)
		}
	}
}

// TestCorpusLinks builds a real blog (FOLIO_LINK_CORPUS names its folder,
// FOLIO_LINK_ORIGIN its old site) and checks every internal link. It is
// for local checks only; without the variables it is skipped.
func TestCorpusLinks(t *testing.T) {
	src, origin := os.Getenv("FOLIO_LINK_CORPUS"), os.Getenv("FOLIO_LINK_ORIGIN")
	if src == "" || origin == "" {
		t.Skip("set FOLIO_LINK_CORPUS and FOLIO_LINK_ORIGIN to check a real blog")
	}
	out, _, _ := buildSite(t, 0, "-src", src, "-origin", origin)
	checkLinks(t, out, files(t, out))
}

// TestSlugsUniquePerFolder: two posts of one slug in different years are
// no clash, since their paths differ; two in one month are.
func TestSlugsUniquePerFolder(t *testing.T) {
	src := writeTree(t, map[string]string{
		"news/2019/gc-candidates.md":   "---\ntitle: GC 2019\ndate: 2019-05-01\n---\nA.\n",
		"news/2020/gc-candidates.md":   "---\ntitle: GC 2020\ndate: 2020-05-01\n---\nB.\n",
		"news/2020/b/gc-candidates.md": "---\ntitle: GC 2020 again\ndate: 2020-05-02\n---\nC.\n",
	})
	out, _, _ := buildSite(t, 0, "-src", src)
	for _, f := range []string{"2019/05/gc-candidates/index.html", "2020/05/gc-candidates/index.html", "2020/05/gc-candidates-2/index.html"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
