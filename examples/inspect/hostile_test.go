package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
)

// TestDeepFrontMatter inspects a 10,001-level TOML table beside a good
// post: the good post is printed, the deep one is an error.
func TestDeepFrontMatter(t *testing.T) {
	dir := t.TempDir()
	deep := "+++\ntitle = \"deep\"\n[" + strings.Repeat("a.", 10000) + "a]\n+++\nbody\n"
	os.WriteFile(filepath.Join(dir, "deep.md"), []byte(deep), 0o644)
	os.WriteFile(filepath.Join(dir, "good.md"), []byte("---\ntitle: Good\n---\nText.\n"), 0o644)
	code, out, _ := runInspect(t, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if len(out.Posts) != 1 || out.Posts[0].Title != "Good" {
		t.Errorf("posts = %+v, want the good one", out.Posts)
	}
	if len(out.Errors) != 1 || out.Errors[0].Path != "deep.md" {
		t.Errorf("errors = %+v, want one for deep.md", out.Errors)
	}
}

// TestDropUnprintable checks that a post JSON cannot hold (params nested
// past encoding/json's limit) becomes an error and the rest still prints.
func TestDropUnprintable(t *testing.T) {
	var v any = 1
	for range 10001 {
		v = map[string]any{"a": v}
	}
	good := &post.Post{Title: "Good", Source: post.Source{Path: "good.md"}}
	bad := &post.Post{Title: "Bad", Params: map[string]any{"x": v}, Source: post.Source{Path: "bad.md", Line: 1}}
	r := report{Posts: []postfile.JSONPost{postfile.NewJSONPost(good), postfile.NewJSONPost(bad)}}
	r.dropUnprintable()
	if len(r.Posts) != 1 || r.Posts[0].Title != "Good" {
		t.Errorf("posts after dropUnprintable: %d, want the good one", len(r.Posts))
	}
	if len(r.Errors) != 1 || r.Errors[0].Path != "bad.md" {
		t.Errorf("errors = %+v, want one for bad.md", r.Errors)
	}
}
