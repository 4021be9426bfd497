package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
)

// onlyUnder fails the test when any file or folder under root is not
// inside root/public.
func onlyUnder(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel != "." && rel != "public" && !strings.HasPrefix(rel, "public/") {
			t.Errorf("written outside -out: %s", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestHostileSlugs builds posts made directly (the loader would already
// clean some of these) whose slugs and terms try to climb out of -out.
func TestHostileSlugs(t *testing.T) {
	date := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	mk := func(title, slug string) *post.Post {
		return &post.Post{
			Title: title, Slug: slug, Date: date, Status: post.Published,
			Body:   post.Body{Format: post.Text, Text: "Words."},
			Source: post.Source{Path: title + ".md", Format: "markdown", Line: 1},
		}
	}
	posts := []*post.Post{
		mk("good", "good"),
		mk("up", "../../../../etc"),
		mk("abs", "/etc/passwd"),
		mk("dots", ".."),
		mk("back", `..\..\windows`),
		mk("drive", "C:/x"),
		mk("nul", "a\x00b"),
		mk("encoded", "%2e%2e/%2e%2e/x"),
	}
	undated := mk("undated-up", "../../../outside")
	undated.Date = time.Time{}
	posts = append(posts, undated)
	terms := mk("terms", "terms")
	terms.Categories = []post.Term{{Name: "up", Slug: "../../../../cat"}, {Name: "child", Slug: "child", Parent: "../.."}}
	terms.Tags = []post.Term{{Name: "..", Slug: ".."}, {Name: "abs", Slug: "/abs"}}
	terms.Authors = []post.Author{{Name: "Mallory", Slug: "../../../mallory"}}
	posts = append(posts, terms)

	root := t.TempDir()
	out, err := openOutDir(filepath.Join(root, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cfg := config{title: "Hostile", workers: 4}
	res, _, err := build(context.Background(), cfg, posts, out, &progress{}, nil, nil)
	if err == nil {
		t.Error("build of hostile posts reported no error")
	}
	if res.written == 0 {
		t.Errorf("build wrote nothing; the good post should still be written (err: %v)", err)
	}
	if _, serr := os.Stat(filepath.Join(root, "public", "2024", "05", "good", "index.html")); serr != nil {
		t.Errorf("the good post was not written: %v (build error: %v)", serr, err)
	}
	onlyUnder(t, root)
}

// TestHostilePatterns runs the program with permalink patterns that try to
// leave -out.
func TestHostilePatterns(t *testing.T) {
	for _, pattern := range []string{
		"/../../:slug/",
		"../../:slug/",
		"/:slug/../../../../",
		"//evil.example/:slug/",
		"https://evil.example/:slug/",
		`/..\..\:slug/`,
		"C:/:slug/",
		"/:year/../../../../:slug",
		"/%2e%2e/%2e%2e/:slug/",
	} {
		root := t.TempDir()
		out := filepath.Join(root, "public")
		var stdout, stderr strings.Builder
		code := run(context.Background(), []string{"-permalink", pattern, "-out", out}, &stdout, &stderr)
		if code == 0 {
			t.Errorf("-permalink %q: exit status 0", pattern)
		}
		if !strings.Contains(stderr.String(), "render") {
			t.Errorf("-permalink %q: stderr does not say what failed:\n%s", pattern, stderr.String())
		}
		onlyUnder(t, root)
	}
}
