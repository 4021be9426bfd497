package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

// sitemapSample lists the sample site's pages, out of order and with one
// page given twice.
func sitemapSample() []SitemapURL {
	urls := []SitemapURL{
		{Loc: "https://notes.example.org/"},
		{Loc: "https://notes.example.org/categories/birds/", LastMod: time.Date(2024, 1, 14, 9, 30, 0, 0, cet)},
		{Loc: "https://notes.example.org/search?q=rooks&lang=en"},
		{Loc: "https://notes.example.org/tags/ice/", LastMod: time.Date(2024, 3, 10, 18, 0, 0, 0, time.UTC)},
		{Loc: "https://notes.example.org/categories/birds/", LastMod: time.Date(2023, 11, 20, 16, 0, 0, 0, time.UTC)},
		{Loc: "https://notes.example.org/2024/02/fleurs de givre/"},
	}
	for _, p := range feedSamplePosts() {
		if p.Status == post.Draft {
			continue
		}
		urls = append(urls, SitemapURL{Loc: "https://notes.example.org" + feedPermalink(p), LastMod: cmpOr(p.Updated, p.Date)})
	}
	return urls
}

func cmpOr(a, b time.Time) time.Time {
	if a.IsZero() {
		return b
	}
	return a
}

type sitemapDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

type sitemapIndexDoc struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

// parseSitemap checks a urlset strictly and returns its locs.
func parseSitemap(t *testing.T, data []byte) []string {
	t.Helper()
	if err := checkXMLStrict(data); err != nil {
		t.Fatalf("sitemap is not well-formed: %v", err)
	}
	var doc sitemapDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var locs []string
	for _, u := range doc.URLs {
		if !strings.HasPrefix(u.Loc, "https://") || len(u.Loc) > 2048 {
			t.Errorf("bad loc %q", u.Loc)
		}
		if u.LastMod != "" {
			checkTime(t, "lastmod", time.RFC3339, u.LastMod)
		}
		locs = append(locs, u.Loc)
	}
	return locs
}

func TestSitemapGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Sitemap(&buf, sitemapSample()); err != nil {
		t.Fatal(err)
	}
	locs := parseSitemap(t, buf.Bytes())
	if !slices.IsSorted(locs) || len(slices.Compact(slices.Clone(locs))) != len(locs) {
		t.Errorf("locs not sorted and distinct: %q", locs)
	}
	checkGolden(t, filepath.Join("testdata", "feeds", "sitemap.xml"), buf.Bytes())

	// Sitemaps writes the same single file when everything fits.
	files := map[string]*bytes.Buffer{}
	names, err := Sitemaps(sitemapSample(), SitemapOptions{BaseURL: "https://notes.example.org"}, memCreate(files))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"sitemap.xml"}, names); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(buf.String(), files["sitemap.xml"].String()); diff != "" {
		t.Errorf("Sitemaps vs Sitemap (-want +got):\n%s", diff)
	}
}

// memCreate collects written files in memory.
func memCreate(files map[string]*bytes.Buffer) func(string) (io.WriteCloser, error) {
	return func(name string) (io.WriteCloser, error) {
		if files[name] != nil {
			return nil, fmt.Errorf("%s written twice", name)
		}
		b := &bytes.Buffer{}
		files[name] = b
		return nopCloser{b}, nil
	}
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func TestSitemapsSplit(t *testing.T) {
	tests := []struct {
		name      string
		opts      SitemapOptions
		wantFiles int
	}{
		{"by count", SitemapOptions{BaseURL: "https://notes.example.org/maps/", MaxURLs: 3}, 4},
		{"by bytes", SitemapOptions{BaseURL: "https://notes.example.org/maps/", MaxBytes: 400}, 5},
		{"one byte", SitemapOptions{BaseURL: "https://notes.example.org/maps/", MaxBytes: 1}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]*bytes.Buffer{}
			names, err := Sitemaps(sitemapSample(), tt.opts, memCreate(files))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for i := range tt.wantFiles {
				want = append(want, fmt.Sprintf("sitemap-%d.xml", i+1))
			}
			want = append(want, "sitemap.xml")
			if diff := cmp.Diff(want, names); diff != "" {
				t.Fatalf("names (-want +got):\n%s", diff)
			}
			checkSplit(t, files, names, tt.opts)
		})
	}
}

// checkSplit checks a split sitemap: the index lists every part under the
// base URL, each part keeps the limits, and together they hold every URL
// once, in order.
func checkSplit(t *testing.T, files map[string]*bytes.Buffer, names []string, opts SitemapOptions) {
	t.Helper()
	index := files["sitemap.xml"].Bytes()
	if err := checkXMLStrict(index); err != nil {
		t.Fatal(err)
	}
	var idx sitemapIndexDoc
	if err := xml.Unmarshal(index, &idx); err != nil {
		t.Fatal(err)
	}
	var listed, all []string
	for _, s := range idx.Sitemaps {
		listed = append(listed, s.Loc)
	}
	var want []string
	for _, n := range names[:len(names)-1] {
		want = append(want, strings.TrimSuffix(opts.BaseURL, "/")+"/"+n)
		data := files[n].Bytes()
		if opts.MaxBytes > 1 && len(data) > opts.MaxBytes {
			t.Errorf("%s: %d bytes, limit %d", n, len(data), opts.MaxBytes)
		}
		locs := parseSitemap(t, data)
		if opts.MaxURLs > 0 && len(locs) > opts.MaxURLs {
			t.Errorf("%s: %d URLs, limit %d", n, len(locs), opts.MaxURLs)
		}
		if len(locs) == 0 {
			t.Errorf("%s is empty", n)
		}
		all = append(all, locs...)
	}
	if diff := cmp.Diff(want, listed); diff != "" {
		t.Errorf("index (-want +got):\n%s", diff)
	}
	var single bytes.Buffer
	if err := Sitemap(&single, sitemapSample()); err != nil && len(all) < SitemapMaxURLs {
		t.Fatal(err)
	}
	if single.Len() > 0 {
		if diff := cmp.Diff(parseSitemap(t, single.Bytes()), all); diff != "" {
			t.Errorf("split URLs vs one sitemap (-want +got):\n%s", diff)
		}
	}
}

func TestSitemapsIndexGolden(t *testing.T) {
	files := map[string]*bytes.Buffer{}
	if _, err := Sitemaps(sitemapSample(), SitemapOptions{BaseURL: "https://notes.example.org/", MaxURLs: 4}, memCreate(files)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "feeds", "sitemap-index.xml"), files["sitemap.xml"].Bytes())
}

func TestSitemapsOverLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50,001 URLs")
	}
	urls := make([]SitemapURL, SitemapMaxURLs+1)
	for i := range urls {
		urls[i] = SitemapURL{Loc: fmt.Sprintf("https://example.com/p/%06d/", i)}
	}
	urls[0].LastMod = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	if err := Sitemap(io.Discard, urls); err == nil {
		t.Errorf("Sitemap of %d URLs: no error", len(urls))
	}
	files := map[string]*bytes.Buffer{}
	names, err := Sitemaps(urls, SitemapOptions{BaseURL: "https://example.com/"}, memCreate(files))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"}, names); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	if n := len(parseSitemap(t, files["sitemap-1.xml"].Bytes())); n != SitemapMaxURLs {
		t.Errorf("sitemap-1.xml holds %d URLs, want %d", n, SitemapMaxURLs)
	}
	if got := parseSitemap(t, files["sitemap-2.xml"].Bytes()); len(got) != 1 || got[0] != "https://example.com/p/050000/" {
		t.Errorf("sitemap-2.xml holds %q", got)
	}
	var idx sitemapIndexDoc
	if err := xml.Unmarshal(files["sitemap.xml"].Bytes(), &idx); err != nil {
		t.Fatal(err)
	}
	if got := idx.Sitemaps[0].LastMod; got != "2024-06-01T00:00:00Z" {
		t.Errorf("index lastmod of sitemap-1.xml = %q", got)
	}
}

func TestSitemapErrors(t *testing.T) {
	tests := []struct {
		name string
		urls []SitemapURL
		want string
	}{
		{"relative", []SitemapURL{{Loc: "/about/"}}, `feed: sitemap: loc "/about/" is not an absolute http(s) URL`},
		{"ftp", []SitemapURL{{Loc: "ftp://example.com/x"}}, `feed: sitemap: loc "ftp://example.com/x" is not an absolute http(s) URL`},
		{"control", []SitemapURL{{Loc: "https://example.com/a\x00b"}}, `feed: sitemap: loc "https://example.com/a\x00b": parse "https://example.com/a\x00b": net/url: invalid control character in URL`},
		{"too long", []SitemapURL{{Loc: "https://example.com/" + strings.Repeat("a", 2048)}},
			`feed: sitemap: loc "https://example.com/aaaaaaaaaaaaaaaaaaaa"... is 2068 characters long, more than 2048`},
		{"year", []SitemapURL{{Loc: "https://example.com/", LastMod: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)}},
			`feed: sitemap: https://example.com/: lastmod: year -1 cannot be written in a feed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Sitemap(&buf, tt.urls)
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

func TestSitemapsErrors(t *testing.T) {
	boom := errors.New("boom")
	ok := SitemapOptions{BaseURL: "https://example.com/"}
	if _, err := Sitemaps(nil, SitemapOptions{BaseURL: "example.com"}, memCreate(map[string]*bytes.Buffer{})); err == nil {
		t.Errorf("relative BaseURL: no error")
	}
	_, err := Sitemaps(nil, ok, func(string) (io.WriteCloser, error) { return nil, boom })
	if !errors.Is(err, boom) || err.Error() != "feed: sitemap: sitemap.xml: boom" {
		t.Errorf("create error = %v", err)
	}
	_, err = Sitemaps(nil, ok, func(string) (io.WriteCloser, error) { return failClose{io.Discard, boom}, nil })
	if !errors.Is(err, boom) {
		t.Errorf("close error = %v", err)
	}
}

type failClose struct {
	io.Writer
	err error
}

func (f failClose) Close() error { return f.err }

func TestSitemapEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := Sitemap(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if locs := parseSitemap(t, buf.Bytes()); len(locs) != 0 {
		t.Errorf("locs = %q", locs)
	}
}

// FuzzSitemap checks that any Loc either is refused or gives a sitemap
// that parses and holds it.
func FuzzSitemap(f *testing.F) {
	for _, u := range sitemapSample() {
		f.Add(u.Loc, u.LastMod.Unix())
	}
	f.Add("https://example.com/]]><x>&amp;\xff", int64(-1))
	f.Fuzz(func(t *testing.T, loc string, lastmod int64) {
		var buf bytes.Buffer
		err := Sitemap(&buf, []SitemapURL{{Loc: loc, LastMod: time.Unix(lastmod, 0).UTC()}})
		if err != nil {
			return
		}
		if err := checkXMLStrict(buf.Bytes()); err != nil {
			t.Fatalf("%v\n%s", err, buf.Bytes())
		}
		var doc sitemapDoc
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil || len(doc.URLs) != 1 {
			t.Fatalf("%v %+v", err, doc)
		}
	})
}

func BenchmarkSitemap(b *testing.B) {
	urls := make([]SitemapURL, 10000)
	for i := range urls {
		urls[i] = SitemapURL{Loc: fmt.Sprintf("https://example.com/2024/%02d/post-%d/", i%12+1, i), LastMod: time.Date(2024, 1, 1, 0, 0, i, 0, time.UTC)}
	}
	var buf bytes.Buffer
	if err := Sitemap(&buf, urls); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if err := Sitemap(io.Discard, urls); err != nil {
			b.Fatal(err)
		}
	}
}
