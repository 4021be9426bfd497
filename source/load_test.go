package source_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
)

func mdFile(front, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + front + "\n---\n" + body)}
}

// loadTree is a small site: Jekyll posts, a Hugo bundle and section page,
// HTML with and without front matter, hidden folders, a bad file and one
// too large.
func loadTree() fstest.MapFS {
	return fstest.MapFS{
		"site/_posts/2020-01-02-first.md":  mdFile("title: First", "One."),
		"site/_posts/2020-01-03-second.md": mdFile("title: Second\ndate: 2020-01-03 08:00:00 +0100", "Two."),
		"site/_posts/2020-01-04-bad.md":    mdFile("title: [unclosed", "Bad."),
		"site/a-b.md":                      mdFile("title: A dash B", ""),
		"site/a/x.markdown":                mdFile("title: In a", ""),
		"site/news/_index.md":              mdFile("title: News section", ""),
		"site/news/bundle/index.md":        mdFile("title: Bundle\ndate: 2021-05-05", "Text."),
		"site/news/bundle/cover.png":       {Data: []byte("\x89PNG")},
		"site/page.html":                   mdFile("title: HTML post", "<p>hi</p>"),
		"site/static/plain.html":           {Data: []byte("<html><body>not a post</body></html>")},
		"site/.git/HEAD.md":                mdFile("title: hidden", ""),
		"site/.draft.md":                   mdFile("title: hidden file", ""),
		"site/node_modules/pkg/README.md":  mdFile("title: dependency", ""),
		"site/_layouts/default.html":       mdFile("layout: base", "<main>{{ content }}</main>"),
		"site/_drafts/idea.md":             mdFile("title: An idea", ""),
		"site/z-date.md":                   mdFile("title: Bad date\ndate: 2020-02-31", ""),
		"site/big.md":                      {Data: []byte("---\ntitle: big\n---\n" + strings.Repeat("x", 2000))},
	}
}

func paths(posts []*post.Post) []string {
	var out []string
	for _, p := range posts {
		out = append(out, p.Source.Path)
	}
	return out
}

// errorPlaces lists "path:line" of each *source.Error joined in err.
func errorPlaces(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var se *source.Error
		if errors.As(e, &se) {
			out = append(out, fmt.Sprintf("%s:%d", se.Path, se.Line))
		} else if e != nil {
			out = append(out, e.Error())
		}
	}
	walk(err)
	return out
}

func TestLoadOrderAndErrors(t *testing.T) {
	for _, workers := range []int{1, 3, 16} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			posts, err := source.Load(context.Background(), loadTree(), "site", source.Options{Workers: workers, MaxFileSize: 1000})
			want := []string{
				"_posts/2020-01-02-first.md",
				"_posts/2020-01-03-second.md",
				"a-b.md",
				"a/x.markdown",
				"news/bundle/index.md",
				"page.html",
				"z-date.md",
			}
			if diff := cmp.Diff(want, paths(posts)); diff != "" {
				t.Errorf("posts (-want +got):\n%s", diff)
			}
			// z-date.md's bad date keeps the post, with a warning.
			wantErrs := []string{"_posts/2020-01-04-bad.md:3", "big.md:0"}
			if diff := cmp.Diff(wantErrs, errorPlaces(err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
			if !errors.Is(err, source.ErrTooLarge) || !errors.Is(err, source.ErrFrontMatter) {
				t.Errorf("err = %v, want it to match ErrTooLarge and ErrFrontMatter", err)
			}
			if len(posts) == 7 {
				first, bundle := posts[0], posts[4]
				if first.Slug != "first" || first.Date.Format("2006-01-02") != "2020-01-02" {
					t.Errorf("Jekyll post: slug %q, date %v", first.Slug, first.Date)
				}
				if bundle.Slug != "bundle" {
					t.Errorf("bundle slug %q", bundle.Slug)
				}
				if posts[5].Body.Format != post.HTML {
					t.Errorf("page.html format %q", posts[5].Body.Format)
				}
			}
		})
	}
}

func TestLoadJekyllDrafts(t *testing.T) {
	posts, err := source.Load(context.Background(), loadTree(), "site", source.Options{Drafts: true, MaxFileSize: 1000})
	if err == nil {
		t.Fatal("want the errors of the bad files")
	}
	for _, p := range posts {
		if p.Source.Path == "_drafts/idea.md" {
			if p.Status != post.Draft {
				t.Errorf("_drafts/idea.md status %q, want draft", p.Status)
			}
			return
		}
	}
	t.Errorf("_drafts/idea.md not loaded with Drafts: %v", paths(posts))
}

// TestLoadGolden loads a small tree on disk with every kind of file Load
// reads (Markdown, plain text, a WXR export) and some it skips, and
// compares a listing of the posts and errors with testdata/load/blog.golden.
func TestLoadGolden(t *testing.T) {
	var warns []string
	opt := source.Options{Drafts: true, Workers: 3, Warn: func(w post.Warning) { warns = append(warns, w.Kind+": "+w.String()) }}
	posts, err := source.Load(context.Background(), os.DirFS("testdata/load"), "blog", opt)
	var b strings.Builder
	for _, p := range posts {
		date := "undated"
		if !p.Date.IsZero() {
			date = p.Date.Format(time.RFC3339)
		}
		fmt.Fprintf(&b, "%s:%d %s %q %s %s %s\n", p.Source.Path, p.Source.Line, p.Source.Format, p.Title, p.Slug, date, p.Status)
	}
	for _, e := range errorPlaces(err) {
		fmt.Fprintf(&b, "error %s\n", e)
	}
	for _, w := range warns {
		fmt.Fprintf(&b, "warning %s\n", w)
	}
	golden := "testdata/load/blog.golden"
	if mdUpdate() {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, rerr := os.ReadFile(golden)
	if rerr != nil {
		t.Fatalf("%v (run go test -update to write it)", rerr)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("Load(testdata/load/blog) mismatch (-want +got):\n%s\nerrors: %v", diff, err)
	}
}

func TestLoadRoots(t *testing.T) {
	fsys := loadTree()
	posts, err := source.Load(context.Background(), fsys, "site/news/bundle/index.md", source.Options{})
	if err != nil || len(posts) != 1 || posts[0].Source.Path != "index.md" || posts[0].Slug != "bundle" {
		t.Errorf("single file: %v, %v", paths(posts), err)
	}
	// Named directly, an HTML file without front matter is an error, not
	// silently nothing.
	if _, err := source.Load(context.Background(), fsys, "site/static/plain.html", source.Options{}); !errors.Is(err, source.ErrUnsupported) {
		t.Errorf("plain HTML root: err = %v, want ErrUnsupported", err)
	}
	if _, err := source.Load(context.Background(), fsys, "site/news/bundle/cover.png", source.Options{}); !errors.Is(err, source.ErrUnsupported) {
		t.Errorf("png root: err = %v, want ErrUnsupported", err)
	}
	if _, err := source.Load(context.Background(), fsys, "nowhere", source.Options{}); err == nil {
		t.Error("missing root: no error")
	}
	posts, _ = source.Load(context.Background(), fsys, ".", source.Options{})
	if len(posts) == 0 || !strings.HasPrefix(posts[0].Source.Path, "site/") {
		t.Errorf("root \".\": %v", paths(posts))
	}
}

func TestLoadFilters(t *testing.T) {
	fsys := fstest.MapFS{
		"draft.md":     mdFile("draft: true", ""),
		"jekyll.md":    mdFile("published: false", ""),
		"private.md":   mdFile("status: private", ""),
		"future.md":    mdFile("date: 2030-01-01", ""),
		"past.md":      mdFile("date: 2020-01-01", ""),
		"expired.md":   mdFile("date: 2020-01-01\nexpiryDate: 2024-01-01", ""),
		"undated.md":   mdFile("title: no date", ""),
		"scheduled.md": mdFile("status: scheduled", ""),
	}
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		opt  source.Options
		want []string
	}{
		{"zero options: no clock, no drafts", source.Options{},
			[]string{"expired.md", "future.md", "past.md", "undated.md"}},
		{"now set", source.Options{Now: now},
			[]string{"past.md", "undated.md"}},
		{"future", source.Options{Now: now, Future: true},
			[]string{"future.md", "past.md", "scheduled.md", "undated.md"}},
		{"drafts", source.Options{Now: now, Drafts: true},
			[]string{"draft.md", "jekyll.md", "past.md", "private.md", "undated.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts, err := source.Load(context.Background(), fsys, ".", tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, paths(posts)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			for _, p := range posts {
				if !tt.opt.Now.IsZero() && p.Source.Path == "future.md" && p.Status != post.Scheduled {
					t.Errorf("future.md status %q, want scheduled", p.Status)
				}
			}
		})
	}
}

func TestLoadCancel(t *testing.T) {
	fsys := generatedTree(200)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	posts, err := source.Load(ctx, fsys, ".", source.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if len(posts) == 200 {
		t.Error("a cancelled Load read every file")
	}

	// Cancelled from the progress callback, midway: the posts read so far
	// come back, in order.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	posts, err = source.Load(ctx, fsys, ".", source.Options{Workers: 2, Progress: func(done, total int) {
		if done == 50 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if len(posts) < 50 || len(posts) == 200 {
		t.Errorf("%d posts after cancelling at 50 of 200", len(posts))
	}
	for i := 1; i < len(posts); i++ {
		if posts[i-1].Source.Path >= posts[i].Source.Path {
			t.Fatalf("posts out of order: %s before %s", posts[i-1].Source.Path, posts[i].Source.Path)
		}
	}
}

func TestLoadProgress(t *testing.T) {
	var calls []int
	total := 0
	_, err := source.Load(context.Background(), generatedTree(40), ".", source.Options{Workers: 4, Progress: func(done, tot int) {
		calls = append(calls, done) // Load promises one goroutine at a time
		total = tot
	}})
	if err != nil {
		t.Fatal(err)
	}
	if total != 40 || len(calls) != 40 {
		t.Fatalf("%d calls, total %d; want 40, 40", len(calls), total)
	}
	for i, c := range calls {
		if c != i+1 {
			t.Fatalf("call %d reported done=%d", i, c)
		}
	}
}

// generatedTree is n invented posts in Jekyll-named files spread over
// year folders.
func generatedTree(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("%d/20%02d-%02d-%02d-post-%05d.md", 2010+i%15, 10+i%15, 1+i%12, 1+i%28, i)
		fsys[name] = &fstest.MapFile{Data: generatedPost(i)}
	}
	return fsys
}

// BenchmarkLoad loads a generated tree of 10,000 posts from memory.
func BenchmarkLoad(b *testing.B) {
	fsys := generatedTree(10000)
	var size int64
	for _, f := range fsys {
		size += int64(len(f.Data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		posts, err := source.Load(context.Background(), fsys, ".", source.Options{})
		if err != nil || len(posts) != 10000 {
			b.Fatalf("%d posts, %v", len(posts), err)
		}
	}
}

func ExampleLoad() {
	fsys := fstest.MapFS{
		"_posts/2024-03-01-hello.md": {Data: []byte("---\ntitle: Hello\ntags: [intro]\n---\nFirst post.\n")},
		"_posts/2024-03-02-wip.md":   {Data: []byte("---\ntitle: Not yet\npublished: false\n---\n")},
		"_posts/2024-03-03-oops.md":  {Data: []byte("---\ntitle: Oops\ndate: 2024-02-30\n---\n")},
	}
	opt := source.Options{Warn: func(w post.Warning) { fmt.Println("warning:", w) }}
	posts, err := source.Load(context.Background(), fsys, "_posts", opt)
	for _, p := range posts {
		fmt.Println(p.Slug, p.Date.Format("2006-01-02"), p.Title, len(p.Tags), p.Params)
	}
	fmt.Println(err)
	// Output:
	// warning: 2024-03-03-oops.md:3:7: date: bad date "2024-02-30": want YYYY-MM-DD, optionally followed by hh:mm[:ss[.frac]] and a zone (Z, UTC, GMT, ±hh, ±hhmm, ±hh:mm), or RFC 1123; the post keeps the value in its params and no date
	// hello 2024-03-01 Hello 1 map[]
	// oops 2024-03-03 Oops 0 map[date_as_written:2024-02-30]
	// <nil>
}

func ExampleParseMarkdown() {
	data := []byte(`---
title: Release 1.0
date: 2023-01-29 18:30:22 -0800
author: sam
category: release
tags: go tools
---
The notes.
`)
	p, err := source.ParseMarkdown("2023-01-29-release-1-0.md", data, source.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title, "|", p.Slug, "|", p.Date.Format(time.RFC3339))
	fmt.Println(p.Authors[0].Name, p.Categories[0].Name, p.Tags[0].Name, p.Tags[1].Name)
	// Output:
	// Release 1.0 | release-1-0 | 2023-01-29T18:30:22-08:00
	// sam release go tools
}

// A README without front matter describes the folder; one with front
// matter is a post like any other.
func TestLoadSkipsHousekeeping(t *testing.T) {
	fsys := fstest.MapFS{
		"blog/README.md":    {Data: []byte("These files are the blog's posts.\n")},
		"blog/LICENSE.md":   {Data: []byte("All rights reserved.\n")},
		"blog/readme.md":    mdFile("title: Read me first\ndate: 2020-01-02", "A post that happens to be called readme.\n"),
		"blog/first-day.md": mdFile("title: First day\ndate: 2020-01-01", "Hello.\n"),
	}
	posts, err := source.Load(context.Background(), fsys, "blog", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"first-day.md", "readme.md"}
	if diff := cmp.Diff(want, paths(posts)); diff != "" {
		t.Errorf("posts (-want +got):\n%s", diff)
	}
	// Named on its own, a README is read as asked.
	posts, err = source.Load(context.Background(), fsys, "blog/README.md", source.Options{})
	if err != nil || len(posts) != 1 {
		t.Errorf("README as root: %v, %v", paths(posts), err)
	}
}
