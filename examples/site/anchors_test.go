package main

import (
	"html"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	idAttrRE   = regexp.MustCompile(`<[a-zA-Z][^<>]*?\sid="([^"]*)"`)
	fragLinkRE = regexp.MustCompile(`<a\s[^<>]*?href="#([^"]*)"`)
	// A fragment also finds an <a name>, as browsers have always let it
	// (HTML's "indicated part of the document").
	aNameRE = regexp.MustCompile(`<a\s[^<>]*?name="([^"]*)"`)
)

// checkAnchors reports, for every HTML page under dir, each id that
// appears twice and each in-page "#fragment" link that names no id.
func checkAnchors(t *testing.T, dir string) (pages int) {
	t.Helper()
	for _, rel := range walkFiles(t, dir) {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		pages++
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		ids := map[string]bool{}
		for _, m := range idAttrRE.FindAllStringSubmatch(page, -1) {
			id := html.UnescapeString(m[1])
			if ids[id] {
				t.Errorf("%s: id %q appears more than once", rel, id)
			}
			ids[id] = true
		}
		targets := maps.Clone(ids)
		for _, m := range aNameRE.FindAllStringSubmatch(page, -1) {
			targets[html.UnescapeString(m[1])] = true
		}
		for _, m := range fragLinkRE.FindAllStringSubmatch(page, -1) {
			frag := html.UnescapeString(m[1])
			if f, err := url.PathUnescape(frag); err == nil {
				frag = f
			}
			if frag != "" && !targets[frag] {
				t.Errorf("%s: link to #%s, which the page does not have", rel, frag)
			}
		}
	}
	return pages
}

// TestAnchors builds the sample: heading ids are unique on every page and
// every in-page link finds its target.
func TestAnchors(t *testing.T) {
	out, _, _ := buildSite(t, 0)
	if n := checkAnchors(t, out); n < 10 {
		t.Errorf("checked %d pages", n)
	}
}

// TestCorporaAnchors does the same over real blogs, when
// FOLIO_CORPORA names a folder of them (each a subfolder).
func TestCorporaAnchors(t *testing.T) {
	dir := os.Getenv("FOLIO_CORPORA")
	if dir == "" {
		t.Skip("FOLIO_CORPORA not set")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if info, err := os.Stat(filepath.Join(dir, e.Name())); err != nil || !info.IsDir() {
			continue // a file, or a link to one
		}
		t.Run(e.Name(), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			var o, errb strings.Builder
			run(t.Context(), []string{"-src", filepath.Join(dir, e.Name()), "-out", out}, &o, &errb)
			t.Logf("%s: %d pages checked", e.Name(), checkAnchors(t, out))
		})
	}
}
