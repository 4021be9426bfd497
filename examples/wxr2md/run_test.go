package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// sample is the WXR sample of package source: every element and damage
// case the reader handles.
const sample = "../../source/testdata/wxr/sample.xml"

// loadOptions reads back everything wxr2md writes.
var loadOptions = source.Options{Drafts: true, Future: true, Taxonomies: []string{"post_format", "series"}}

// TestRoundTrip converts the sample and loads the folder back: the posts
// must be those ReadWXR read (less the password-protected one), apart
// from where they came from.
func TestRoundTrip(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, sample}, &stdout, &stderr); code != 0 {
		// The sample's damaged date keeps its post, with a warning.
		t.Fatalf("exit status %d, want 0; stderr:\n%s", code, stderr.String())
	}
	f, err := os.Open(sample)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, _ := source.ReadWXR("sample.xml", f, source.Options{})
	var want []*post.Post
	for _, p := range w.Posts {
		if !p.Protected && p.Status != post.Private {
			want = append(want, p)
		}
	}
	got, err := source.Load(context.Background(), os.DirFS(out), ".", loadOptions)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	bySlug := func(ps []*post.Post) {
		sort.Slice(ps, func(i, j int) bool { return ps[i].Slug < ps[j].Slug })
	}
	bySlug(want)
	bySlug(got)
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(post.Post{}, "Source")); diff != "" {
		t.Errorf("WXR -> wxr2md -> Load (-want +got):\n%s", diff)
	}
	// 11 posts less the protected and the private one.
	if len(got) != 9 {
		t.Errorf("got %d posts back, want 9", len(got))
	}
	for _, name := range []string{"mooring-fees-2025.md"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("%s written: the protected post's text is public", name)
		}
	}
}

func TestSummary(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	run([]string{"-out", out, "-protected", "-private", "-types", "post,page", sample}, &stdout, &stderr)
	want := `read 17 items from "Harbour Notes & Knots" (WXR 1.2)
converted 11 posts into ` + out + `
  published      7
  scheduled      1
  draft          1
  pending        1
  private        1
  custom taxonomies written: post_format, series (read them back with source.Options.Taxonomies)
skipped:
  auto-draft     1  (status never published content)
  trash          1  (status never published content)
  (none)         1  (type missing: not a WordPress post)
  attachment     1  (type not asked for; -types chooses)
  nav_menu_item  1  (type not asked for; -types chooses)
  revision       1  (type not asked for; -types chooses)
`
	if diff := cmp.Diff(want, stdout.String()); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if !strings.Contains(stderr.String(), "warning: sample.xml:223: wp:post_date") {
		t.Errorf("stderr does not report the bad date:\n%s", stderr.String())
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.md"))
	if len(files) != 11 {
		t.Errorf("%d files written, want 11", len(files))
	}
	// A second run refuses to overwrite without -force.
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"-out", out, sample}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "-force") {
		t.Errorf("second run: exit %d, stderr %q; want 1 and a hint at -force", code, stderr.String())
	}
	if code := run([]string{"-out", out, "-force", "-protected", "-types", "post,page", sample}, &stdout, &stderr); code != 0 {
		t.Errorf("-force run: exit %d, want 0 (the damaged date is a warning)", code)
	}
}

func TestDuplicateSlugs(t *testing.T) {
	export := `<?xml version="1.0"?>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<item><title>Same</title><wp:status>draft</wp:status></item>
<item><title>Same</title><wp:status>draft</wp:status></item>
</channel></rss>`
	dir := t.TempDir()
	in := filepath.Join(dir, "export.xml")
	if err := os.WriteFile(in, []byte(export), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, in}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.md"))
	for i := range files {
		files[i] = filepath.Base(files[i])
	}
	if diff := cmp.Diff([]string{"same-2.md", "same.md"}, files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"a.xml", "b.xml"}, {"-nope", "a.xml"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("run(%q) = %d, want 2", args, code)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", t.TempDir(), "does-not-exist.xml"}, &stdout, &stderr); code != 1 {
		t.Errorf("missing input: exit %d, want 1", code)
	}
}
