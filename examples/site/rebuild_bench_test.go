package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/source"
)

// BenchmarkRebuild is one turn of -serve's authoring loop on the corpus
// FOLIO_BENCH_CORPUS names (../shared/bench/gencorpus.py's content
// folder), read into memory: a post's body (or its title and tags) is
// edited, the Set reloads the file, the edited post's page is written
// when the edit keeps its place (showEdits) and the site is built again
// into a folder that holds the last build, as preview.rebuild does. It
// reports page-ms, from the reload to the edited page on disk when
// showEdits wrote it (a body edit; a title and tags edit moves the post,
// and build writes its page once the index is made), and build-ms, from
// the reload to the end of the build. Skipped without the corpus.
//
//	FOLIO_BENCH_CORPUS=/tmp/folio-bench-10000/content go test -run='^$' -bench=Rebuild -benchtime=20x ./examples/site
func BenchmarkRebuild(b *testing.B) {
	for _, mode := range []string{"body", "title-tags"} {
		b.Run(mode, func(b *testing.B) { benchRebuild(b, mode) })
	}
}

func benchRebuild(b *testing.B, mode string) {
	dir := os.Getenv("FOLIO_BENCH_CORPUS")
	if dir == "" {
		b.Skip("FOLIO_BENCH_CORPUS names no corpus")
	}
	fsys := fstest.MapFS{}
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		fsys[rel] = &fstest.MapFile{Data: data, Mode: 0o644}
		if strings.HasSuffix(rel, ".md") {
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	set, err := source.LoadSet(ctx, fsys, ".", source.Options{})
	if err != nil {
		b.Fatal(err)
	}
	out, err := openOutDir(filepath.Join(b.TempDir(), "public"))
	if err != nil {
		b.Fatal(err)
	}
	defer out.Close()
	cfg := config{title: "Bench", workers: 2, serve: "127.0.0.1:0", fsys: fsys, root: "."}
	_, state, err := build(ctx, cfg, set.Posts(), out, nil, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	p := &preview{cfg: cfg, set: set, out: out, state: state, stdout: io.Discard, stderr: io.Discard}
	render.Diff(state.r, state.r)
	var page, all time.Duration
	shown := 0
	for i := 0; b.Loop(); i++ {
		name := names[(i*997)%len(names)]
		f := fsys[name]
		marker := fmt.Sprintf("edit%d", i)
		if mode == "body" {
			f.Data = bytes.Replace(f.Data, []byte("\n\n"), []byte("\n\n"+marker+" "), 1)
		} else {
			f.Data = bytes.Replace(f.Data, []byte("title: \""), []byte("title: \""+marker+" "), 1)
			f.Data = bytes.Replace(f.Data, []byte("tags: ["), []byte("tags: [\"t"+marker+"\", "), 1)
		}
		t0 := time.Now()
		before := p.postsOf([]string{name})
		if _, err := set.Reload(ctx, name); err != nil {
			b.Fatal(err)
		}
		if len(p.showEdits(ctx, before)) > 0 {
			page += time.Since(t0)
			shown++
		}
		posts := set.Posts()
		_, p.state, err = build(ctx, cfg, posts, out, nil, p.state, []string{name})
		if err != nil {
			b.Fatal(err)
		}
		all += time.Since(t0)
		// As -serve does between edits: the digests the next build
		// compares against are made while the author types.
		b.StopTimer()
		render.Diff(p.state.r, p.state.r)
		b.StartTimer()
	}
	if shown > 0 {
		b.ReportMetric(float64(page.Microseconds())/1000/float64(shown), "page-ms")
	}
	b.ReportMetric(float64(all.Microseconds())/1000/float64(b.N), "build-ms")
}
