package source_test

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/render/feed"
	"github.com/folio-go/folio/render/markup"
	"github.com/folio-go/folio/source"
	"github.com/folio-go/folio/taxonomy"
)

// The benchmarks in this file measure the whole pipeline a site generator
// runs (Load, taxonomy.Build, every page and feed rendered), so the cost
// of one stage can be read against the whole. They live in source's
// external test package because only a test may join all three packages;
// render never imports source.
//
// BenchmarkLoadCorpus and BenchmarkPipelineCorpus read a generated corpus
// from disk when FOLIO_BENCH_CORPUS names its content folder, e.g.
//
//	python3 ../shared/bench/gencorpus.py /tmp/folio-bench-10000 10000
//	FOLIO_BENCH_CORPUS=/tmp/folio-bench-10000/content go test -run='^$' -bench=Corpus ./source
//
// and are skipped otherwise, so that the tests need nothing outside the
// repository.

// corpus returns the folder FOLIO_BENCH_CORPUS names and its total size
// in bytes, or skips the benchmark.
func corpus(b *testing.B) (fs.FS, int64) {
	dir := os.Getenv("FOLIO_BENCH_CORPUS")
	if dir == "" {
		b.Skip("FOLIO_BENCH_CORPUS not set")
	}
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			size += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return os.DirFS(dir), size
}

// BenchmarkLoadCorpus loads the corpus FOLIO_BENCH_CORPUS names from disk
// (after the first run, from the page cache) and reports posts/s.
func BenchmarkLoadCorpus(b *testing.B) {
	fsys, size := corpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	start := time.Now()
	for b.Loop() {
		posts, err := source.Load(context.Background(), fsys, ".", source.Options{})
		if err != nil {
			b.Fatal(err)
		}
		n = len(posts)
	}
	b.ReportMetric(float64(n)*float64(b.N)/time.Since(start).Seconds(), "posts/s")
}

// BenchmarkPipeline10000 loads 10,000 generated posts from memory, builds
// the taxonomies and renders every page, the site's feeds and one RSS
// feed per term to io.Discard. Bytes are the Markdown read; pages/s
// counts pages and feeds.
func BenchmarkPipeline10000(b *testing.B) {
	fsys := generatedTree(10000)
	var size int64
	for _, f := range fsys {
		size += int64(len(f.Data))
	}
	benchPipeline(b, fsys, size)
}

// BenchmarkPipelineCorpus is BenchmarkPipeline10000 over the corpus
// FOLIO_BENCH_CORPUS names.
func BenchmarkPipelineCorpus(b *testing.B) {
	fsys, size := corpus(b)
	benchPipeline(b, fsys, size)
}

func benchPipeline(b *testing.B, fsys fs.FS, size int64) {
	b.SetBytes(size)
	b.ReportAllocs()
	pages := 0
	start := time.Now()
	for b.Loop() {
		pages = pipeline(b, fsys)
	}
	b.ReportMetric(float64(pages), "pages/op")
	b.ReportMetric(float64(pages)*float64(b.N)/time.Since(start).Seconds(), "pages/s")
}

// pipeline runs every stage once, serially, and returns how many pages
// and feeds it rendered.
func pipeline(b *testing.B, fsys fs.FS) int {
	posts, err := source.Load(context.Background(), fsys, ".", source.Options{})
	if err != nil {
		b.Fatal(err)
	}
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		b.Fatal(err)
	}
	// Relative links, as examples/site writes them without -base-url.
	site := &render.Site{Title: "Bench", BaseURL: "https://example.org/", RelativeURLs: true}
	r, err := render.NewRenderer(site, idx, render.PageOptions{})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for pg := range r.Pages() {
		if err := pg.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
		n++
	}
	permalink := func(p *post.Post) string { return site.AbsURL(site.PostURL(p)) }
	// Each post's feed summary is made once, however many term feeds show
	// it, as examples/site does; without Summary a feed renders the whole
	// body of each entry to cut a summary from it.
	body := markup.New(markup.Options{})
	sums := map[*post.Post]string{}
	summary := func(p *post.Post) (string, error) {
		if h, ok := sums[p]; ok {
			return h, nil
		}
		text, _ := post.Summarize(p, 0)
		h, err := body.PostHTML(p, post.Body{Format: p.Body.Format, Text: text})
		sums[p] = string(h)
		return string(h), err
	}
	writeFeed := func(title, link string, posts []*post.Post, full bool) {
		f := &feed.Feed{Title: title, Link: site.AbsURL(link), Posts: posts, Limit: 20, FullContent: full, Permalink: permalink, Summary: summary}
		if err := feed.RSS(io.Discard, f); err != nil {
			b.Fatal(err)
		}
		n++
	}
	writeFeed(site.Title, "/", idx.Posts(), true)
	for _, name := range idx.Taxonomies() {
		for t := range idx.Taxonomy(name).All() {
			writeFeed(t.Name, site.TermURL(name, t.Slug), t.Posts, false)
		}
	}
	return n
}
