package source_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// loaded is what a load gave, in a form cmp can compare.
func loaded(posts []*post.Post, err error) (got []post.Post, errText string) {
	for _, p := range posts {
		got = append(got, *p)
	}
	if err != nil {
		errText = err.Error()
	}
	return got, errText
}

// TestSetReloadMatchesLoad edits, adds, removes and breaks files of a
// tree at random, reloads the paths touched, and checks that the Set's
// posts and errors are what a fresh Load of the tree gives.
func TestSetReloadMatchesLoad(t *testing.T) {
	ctx := context.Background()
	fsys := loadTree()
	set, err := source.LoadSet(ctx, fsys, "site", source.Options{})
	wantPosts, wantErr := source.Load(ctx, fsys, "site", source.Options{})
	check := func(when string) {
		t.Helper()
		g, ge := loaded(set.Posts(), set.Err())
		w, we := loaded(wantPosts, wantErr)
		if diff := cmp.Diff(w, g, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("%s: posts (-Load +Set):\n%s", when, diff)
		}
		if ge != we {
			t.Fatalf("%s: errors:\nLoad: %s\nSet:  %s", when, we, ge)
		}
	}
	if (err == nil) != (wantErr == nil) {
		t.Fatalf("LoadSet error %v, Load error %v", err, wantErr)
	}
	check("after LoadSet")

	r := rand.New(rand.NewPCG(1, 2))
	names := []string{"site/_posts/2020-01-02-first.md", "site/new.md", "site/deep/er/one.md", "site/deep/two.txt",
		"site/.hidden/x.md", "site/_site/x.md", "site/notes.rst", "site/news/_index.md", "site/a-b.md",
		"site/img/map.png", "site/deep/er/pic.png", "site/deep/pic.png"}
	for step := range 150 {
		name := names[r.IntN(len(names))]
		touched := name[len("site/"):]
		image := name[len(name)-4:] == ".png"
		switch r.IntN(4) {
		case 0:
			if image {
				fsys[name] = &fstest.MapFile{Data: []byte("not really a PNG")}
				break
			}
			// Links to files that come and go: the reloaded posts'
			// Assets must be what a full Load finds.
			fsys[name] = mdFile(fmt.Sprintf("title: Step %d\ndate: 2022-02-%02d", step, 1+r.IntN(20)),
				"Body with ![a map](/img/map.png) and ![a picture](pic.png).")
		case 1:
			fsys[name] = mdFile("title: [broken", "")
		case 2:
			delete(fsys, name)
		case 3: // a whole folder goes
			for n := range fsys {
				if len(n) > len("site/deep/") && n[:len("site/deep/")] == "site/deep/" {
					delete(fsys, n)
				}
			}
			touched = "deep"
		}
		reload := []string{touched}
		if image || touched == "deep" {
			// A post sees a new or removed file when it is read again.
			for _, n := range names {
				reload = append(reload, n[len("site/"):])
			}
		}
		if _, err := set.Reload(ctx, reload...); err != nil && step < 0 {
			t.Fatal(err)
		}
		wantPosts, wantErr = source.Load(ctx, fsys, "site", source.Options{})
		check(fmt.Sprintf("step %d (%s)", step, touched))
	}
}

// TestSetReloadKeepsOthers: posts of files not reloaded are the same
// values; a reloaded file gives new ones.
func TestSetReloadKeepsOthers(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": mdFile("title: A", "a"),
		"b.md": mdFile("title: B", "b"),
	}
	set, err := source.LoadSet(context.Background(), fsys, ".", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := set.Posts()
	fsys["b.md"] = mdFile("title: B2", "b")
	n, err := set.Reload(context.Background(), "b.md", "b.md", "../x.md")
	if n != 1 || err == nil {
		t.Errorf("Reload = %d, %v; want 1 and an error for ../x.md", n, err)
	}
	after := set.Posts()
	if got := set.FilePosts("b.md"); len(got) != 1 || got[0] != after[1] {
		t.Errorf("FilePosts(b.md) = %v, want the reloaded post", got)
	}
	if got := set.FilePosts("./a.md"); len(got) != 1 || got[0] != before[0] {
		t.Errorf("FilePosts(./a.md) = %v, want a's post", got)
	}
	if got := set.FilePosts("missing.md"); got != nil {
		t.Errorf("FilePosts(missing.md) = %v, want nil", got)
	}
	if after[0] != before[0] || after[1] == before[1] || after[1].Title != "B2" {
		t.Errorf("after Reload: %q (same a: %v), %q (same b: %v)", after[0].Title, after[0] == before[0], after[1].Title, after[1] == before[1])
	}
}

// TestSetReloadWarnings: a reloaded file gives Options.Warn the warnings a
// full Load gives for it, and only its own.
func TestSetReloadWarnings(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": mdFile("title: A\ndate: 2024-13-45", "a"),
		"b.md": mdFile("title: B", "b"),
	}
	var got []post.Warning
	opt := source.Options{Warn: func(w post.Warning) { got = append(got, w) }}
	if _, err := source.LoadSet(context.Background(), fsys, ".", opt); err != nil {
		t.Fatal(err)
	}
	var want []post.Warning
	source.Load(context.Background(), fsys, ".", source.Options{Warn: func(w post.Warning) { want = append(want, w) }})
	if len(want) == 0 {
		t.Fatal("the sample gives no warning to compare")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LoadSet warnings (-Load +LoadSet):\n%s", diff)
	}
	got = nil
	set2, _ := source.LoadSet(context.Background(), fsys, ".", opt)
	got = nil
	set2.Reload(context.Background(), "a.md", "b.md")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Reload warnings (-Load +Reload):\n%s", diff)
	}
}
