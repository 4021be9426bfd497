package render

import (
	"io"
	"testing"

	"github.com/folio-go/folio/taxonomy"
)

// listRenderer is a Renderer over 1,000 generated posts with relative
// links, as examples/site writes them, with every body already rendered
// once (so list benchmarks measure the list page, not the bodies).
func listRenderer(b *testing.B) *Renderer {
	site := sampleSite()
	site.PerPage = 10
	r := sampleRenderer(b, site, generatedPosts(1000))
	for pg := range r.Pages() {
		if err := pg.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	return r
}

func benchmarkPage(b *testing.B, write func(io.Writer) error) {
	var cw countingWriter
	if err := write(&cw); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(cw.n)
	b.ReportAllocs()
	for b.Loop() {
		if err := write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHomePage renders page 2 of the home page: ten summaries, the
// pager, the navigation and the archive links.
func BenchmarkHomePage(b *testing.B) {
	r := listRenderer(b)
	benchmarkPage(b, func(w io.Writer) error { return r.WriteHome(w, 2) })
}

// BenchmarkTermPage renders page 2 of a tag's page.
func BenchmarkTermPage(b *testing.B) {
	r := listRenderer(b)
	benchmarkPage(b, func(w io.Writer) error { return r.WriteTerm(w, taxonomy.Tags, "tag-3", 2) })
}

// BenchmarkTaxonomyPage renders the page listing every tag.
func BenchmarkTaxonomyPage(b *testing.B) {
	r := listRenderer(b)
	benchmarkPage(b, func(w io.Writer) error { return r.WriteTaxonomy(w, taxonomy.Tags) })
}

// BenchmarkSite10000 renders every page of a generated site of 10,000
// posts, bodies included, from a fresh Renderer each iteration.
func BenchmarkSite10000(b *testing.B) { benchSite(b, generatedPosts(10000)) }
