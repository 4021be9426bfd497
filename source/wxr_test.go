package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const wxrSample = "testdata/wxr/sample.xml"

// wxrDump is the golden form of what ReadWXR returns: plain values, dates
// as RFC 3339 (which shows the zone offset), errors as their text.
type wxrDump struct {
	Title       string
	Link        string
	Version     string
	BaseSiteURL string
	BaseBlogURL string
	Authors     []WXRAuthor
	Categories  []post.Term
	Tags        []post.Term
	Terms       map[string][]post.Term
	Items       int
	Skips       []Skip
	Errors      []string
	Posts       []wxrPostDump
}

type wxrPostDump struct {
	ID         string
	Title      string
	Slug       string
	Date       string `json:",omitempty"`
	Updated    string `json:",omitempty"`
	Status     post.Status
	Authors    []post.Author
	Categories []post.Term
	Tags       []post.Term
	Taxonomies map[string][]post.Term `json:",omitempty"`
	Summary    string
	Body       post.Body
	Params     map[string]any
	Source     post.Source
}

func dumpWXR(w *WXR, err error) wxrDump {
	d := wxrDump{
		Title: w.Title, Link: w.Link, Version: w.Version,
		BaseSiteURL: w.BaseSiteURL, BaseBlogURL: w.BaseBlogURL,
		Authors: w.Authors, Categories: w.Categories, Tags: w.Tags, Terms: w.Terms,
		Items: w.Items, Skips: w.Skips(), Errors: errorLines(err),
	}
	for _, p := range w.Posts {
		d.Posts = append(d.Posts, wxrPostDump{
			ID: p.ID, Title: p.Title, Slug: p.Slug,
			Date: rfc3339(p.Date), Updated: rfc3339(p.Updated), Status: p.Status,
			Authors: p.Authors, Categories: p.Categories, Tags: p.Tags, Taxonomies: p.Taxonomies,
			Summary: p.Summary, Body: p.Body, Params: p.Params, Source: p.Source,
		})
	}
	return d
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// errorLines splits a joined error into its parts' texts.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range j.Unwrap() {
			lines = append(lines, errorLines(e)...)
		}
		return lines
	}
	return []string{err.Error()}
}

func readSample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(wxrSample)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readWXRDump(t *testing.T, data []byte, opt Options) wxrDump {
	t.Helper()
	w, err := ReadWXR("sample.xml", bytes.NewReader(data), opt)
	// Round-trip the dump through JSON so that it compares like the
	// golden file (ints as float64, nil maps as absent).
	b, jerr := json.Marshal(dumpWXR(w, err))
	if jerr != nil {
		t.Fatal(jerr)
	}
	var d wxrDump
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReadWXRGolden(t *testing.T) {
	golden := "testdata/wxr/sample.golden.json"
	w, err := ReadWXR("sample.xml", bytes.NewReader(readSample(t)), Options{})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep the HTML of bodies readable
	enc.SetIndent("", "\t")
	if err := enc.Encode(dumpWXR(w, err)); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, rerr := os.ReadFile(golden)
	if rerr != nil {
		t.Fatalf("%v (run go test ./source -run ReadWXRGolden -update to create it)", rerr)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("ReadWXR(sample.xml) mismatch (-want +got):\n%s", diff)
	}
}

// TestReadWXRSample states the sample's key facts outright, so that a
// wrong golden file cannot hide them.
func TestReadWXRSample(t *testing.T) {
	var warns []post.Warning
	w, err := ReadWXR("sample.xml", bytes.NewReader(readSample(t)), Options{Warn: func(w post.Warning) { warns = append(warns, w) }})
	bySlug := map[string]*post.Post{}
	for _, p := range w.Posts {
		bySlug[p.Slug] = p
	}
	var slugs []string
	for _, p := range w.Posts {
		slugs = append(slugs, p.Slug)
	}
	wantSlugs := []string{
		"relaunching-the-committee-boat", "notes-for-the-agm", "café-opening", "mooring-fees-2025",
		"post-105", "knots-and-splices-part-2", "rope-care-and-storage", "tide-tables",
		"up-the-mast", "winter-lay-up-checklist",
	}
	if diff := cmp.Diff(wantSlugs, slugs); diff != "" {
		t.Fatalf("slugs (-want +got):\n%s", diff)
	}

	// No error; item 9's month 13 is a warning at its line (the post is
	// kept), and "Lost Property", which has no wp:post_type, is skipped
	// with a warning as the importer skips it.
	if err != nil {
		t.Errorf("error = %v, want none", err)
	}
	var got []string
	for _, w := range warns {
		got = append(got, fmt.Sprintf("%d %s", w.Line, w.Kind))
	}
	want := []string{fmt.Sprint(lineOf(t, "<title>Lost Property")-1, " ", WarnSkipped), fmt.Sprint(lineOf(t, "2024-13-45"), " ", WarnDate)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s\n%v", diff, warns)
	}

	relaunch := bySlug["relaunching-the-committee-boat"]
	wantDate := time.Date(2024, 6, 14, 16, 30, 0, 0, time.UTC)
	if !relaunch.Date.Equal(wantDate) || relaunch.Date.Hour() != 18 {
		t.Errorf("date = %v, want 18:30 wall clock at the instant %v", relaunch.Date, wantDate)
	}
	if _, off := relaunch.Date.Zone(); off != 2*3600 {
		t.Errorf("zone offset = %d, want +02:00", off)
	}
	if relaunch.Source.Line != lineOf(t, "<!-- 1:")+1 {
		t.Errorf("Source.Line = %d, want the <item> line %d", relaunch.Source.Line, lineOf(t, "<!-- 1:")+1)
	}
	wantCats := []post.Term{{Name: "One-Designs", Slug: "one-designs", Parent: "dinghies"}, {Name: "Club News", Slug: "club-news"}}
	if diff := cmp.Diff(wantCats, relaunch.Categories); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	wantParams := map[string]any{
		"wp_post_id": 101, "wp_link": "https://harbour.example.org/2024/06/14/relaunching-the-committee-boat/",
		"sticky": true, "comment_count": 2,
		"meta": map[string]any{"_thumbnail_id": "205", "crew": []any{"Maren", "Tomas"}},
	}
	if diff := cmp.Diff(wantParams, relaunch.Params); diff != "" {
		t.Errorf("params (-want +got):\n%s", diff)
	}

	draft := bySlug["notes-for-the-agm"]
	if draft.Status != post.Draft || !draft.Date.Equal(time.Date(2025, 1, 20, 19, 45, 0, 0, time.UTC)) {
		t.Errorf("draft: status %q date %v", draft.Status, draft.Date)
	}
	private := bySlug["mooring-fees-2025"]
	if private.Params["password_protected"] != true || strings.Contains(fmt.Sprint(private.Params), "bowline") {
		t.Errorf("password-protected post params = %v: want marked, password not kept", private.Params)
	}
	if got := private.Authors; len(got) != 1 || got[0].Name != "treasurer" {
		t.Errorf("unknown creator: authors = %v, want it kept as written", got)
	}
	if got := bySlug["post-105"].Authors[0].Name; got != "Maren Holt" {
		t.Errorf("creator \">skipper\" maps to %q, want Maren Holt", got)
	}
	if got := bySlug["knots-and-splices-part-2"].Title; got != "Knots & <em>Splices</em> – Part 2" {
		t.Errorf("title = %q", got)
	}
	layUp := bySlug["winter-lay-up-checklist"]
	wantTerms := [][]post.Term{{{Name: "Boats", Slug: "boats"}}, {{Name: "rigging", Slug: "rigging-2"}}}
	if diff := cmp.Diff(wantTerms, [][]post.Term{layUp.Categories, layUp.Tags}); diff != "" {
		t.Errorf("WXR 1.0 terms (-want +got):\n%s", diff)
	}
	if private.Protected != true || !strings.Contains(private.Body.Text, "Members") {
		t.Errorf("password-protected post: Protected %v, body %q; want it marked and the body kept", private.Protected, private.Body.Text)
	}
	if got, want := relaunch.Aliases, []string{"https://harbour.example.org/2024/06/14/relaunching-the-committee-boat/", "https://harbour.example.org/?p=101"}; !cmp.Equal(want, got) {
		t.Errorf("aliases (-want +got):\n%s", cmp.Diff(want, got))
	}
	if got, want := w.Skips(), []Skip{
		{"status", "auto-draft", 1}, {"status", "trash", 1},
		{"type", "", 1}, {"type", "attachment", 1}, {"type", "nav_menu_item", 1}, {"type", "page", 1}, {"type", "revision", 1},
	}; !cmp.Equal(want, got) {
		t.Errorf("skips (-want +got):\n%s", cmp.Diff(want, got))
	}
}

// lineOf is the 1-based line of the sample where s first occurs.
func lineOf(t *testing.T, s string) int {
	t.Helper()
	data := readSample(t)
	i := bytes.Index(data, []byte(s))
	if i < 0 {
		t.Fatalf("%q not in the sample", s)
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// TestReadWXRVariants reads the sample as other exporters and editors
// write it: it must give the same posts.
func TestReadWXRVariants(t *testing.T) {
	data := readSample(t)
	want := readWXRDump(t, data, Options{})
	for _, tc := range []struct {
		name string
		edit func(string) string
	}{
		{"CRLF", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{"CR", func(s string) string { return strings.ReplaceAll(s, "\n", "\r") }},
		{"wp 1.0 http", func(s string) string {
			return strings.ReplaceAll(s, "https://wordpress.org/export/1.2/", "http://wordpress.org/export/1.0/")
		}},
		{"wp 1.1 https, excerpt 1.2", func(s string) string {
			s = strings.ReplaceAll(s, "https://wordpress.org/export/1.2/", "https://wordpress.org/export/1.1/")
			return strings.ReplaceAll(s, "http://wordpress.org/export/1.1/excerpt/", "https://wordpress.org/export/1.2/excerpt/")
		}},
		{"undeclared prefixes", func(s string) string {
			for _, ns := range []string{
				` xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/"`, ` xmlns:content="http://purl.org/rss/1.0/modules/content/"`,
				` xmlns:dc="http://purl.org/dc/elements/1.1/"`, ` xmlns:wp="https://wordpress.org/export/1.2/"`,
			} {
				s = strings.Replace(s, strings.TrimPrefix(ns, " "), "", 1)
			}
			return s
		}},
		{"BOM", func(s string) string { return "\uFEFF" + s }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := readWXRDump(t, []byte(tc.edit(string(data))), Options{})
			if tc.name == "CR" {
				// A lone CR is a line end to the XML decoder's reader,
				// but its line count only follows LF; positions differ.
				for i := range got.Posts {
					got.Posts[i].Source.Line = want.Posts[i].Source.Line
					got.Posts[i].Source.BodyLine = want.Posts[i].Source.BodyLine
				}
				got.Errors = want.Errors
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadWXRLocation: a zero GMT date means the zone is unknown, and the
// wall clock is read in Options.Location.
func TestReadWXRLocation(t *testing.T) {
	loc := time.FixedZone("harbour", 3600)
	w, _ := ReadWXR("sample.xml", bytes.NewReader(readSample(t)), Options{Location: loc})
	draft := w.Posts[1]
	if want := time.Date(2025, 1, 20, 19, 45, 0, 0, loc); !draft.Date.Equal(want) || draft.Date.Location() != loc {
		t.Errorf("draft date = %v, want %v", draft.Date, want)
	}
	// A known GMT date still wins over the location.
	if _, off := w.Posts[0].Date.Zone(); off != 7200 {
		t.Errorf("post with a GMT date: offset %d, want 7200", off)
	}
}

func TestReadWXRPostTypes(t *testing.T) {
	w, _ := ReadWXR("sample.xml", bytes.NewReader(readSample(t)), Options{PostTypes: []string{"page", "post"}})
	var pages []string
	for _, p := range w.Posts {
		if p.Params["wp_post_type"] == "page" {
			pages = append(pages, p.Slug)
			if p.Kind != post.KindPage {
				t.Errorf("page %q has Kind %q", p.Slug, p.Kind)
			}
		} else if p.Kind != "" {
			t.Errorf("post %q has Kind %q", p.Slug, p.Kind)
		}
	}
	if diff := cmp.Diff([]string{"about"}, pages); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
	if len(w.Posts) != 11 || w.Skipped["page"] != 0 {
		t.Errorf("got %d posts, skipped %v; want 11 and no page skipped", len(w.Posts), w.Skipped)
	}
	w, _ = ReadWXR("sample.xml", bytes.NewReader(readSample(t)), Options{PostTypes: []string{}})
	if len(w.Posts) != 0 || w.Skipped["post"] != 12 {
		t.Errorf("no types: got %d posts, skipped %v", len(w.Posts), w.Skipped)
	}
}

// TestReadWXRDamage: malformed or truncated exports keep every item
// before the damage and report where it is.
func TestReadWXRDamage(t *testing.T) {
	data := string(readSample(t))
	item6 := strings.Index(data, "<!-- 6:")
	for _, tc := range []struct {
		name      string
		input     string
		wantPosts int
		wantErr   error
		wantLine  int
	}{
		{"truncated inside item 6", data[:item6+300], 5, ErrSyntax, strings.Count(data[:item6+300], "\n") + 1},
		{"truncated between items", data[:item6], 5, ErrSyntax, strings.Count(data[:item6], "\n") + 1},
		{"empty", "", 0, ErrEmpty, 0},
		{"white space", " \n\t\n", 0, ErrEmpty, 0},
		{"not rss", "<?xml version=\"1.0\"?>\n<urlset><url/></urlset>", 0, ErrUnsupported, 2},
		{"unsupported encoding", `<?xml version="1.0" encoding="EBCDIC"?><rss/>`, 0, ErrSyntax, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ReadWXR("x.xml", strings.NewReader(tc.input), Options{})
			if w == nil {
				t.Fatal("ReadWXR returned a nil *WXR")
			}
			if len(w.Posts) != tc.wantPosts {
				t.Errorf("got %d posts, want %d", len(w.Posts), tc.wantPosts)
			}
			var perr *Error
			if !errors.Is(err, tc.wantErr) || !errors.As(err, &perr) {
				t.Fatalf("error = %v, want an *Error wrapping %v", err, tc.wantErr)
			}
			if perr.Path != "x.xml" || perr.Line != tc.wantLine {
				t.Errorf("error at %s:%d, want x.xml:%d (%v)", perr.Path, perr.Line, tc.wantLine, err)
			}
		})
	}
}

func TestReadWXRLatin1(t *testing.T) {
	in := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><item><title>Caf\xe9</title></item></channel></rss>"
	w, err := ReadWXR("x.xml", strings.NewReader(in), Options{})
	if err != nil || len(w.Posts) != 1 || w.Posts[0].Title != "Café" {
		t.Fatalf("got %v, %v; want one post titled Café", w.Posts, err)
	}
}

func TestScanWXRStops(t *testing.T) {
	stop := errors.New("enough")
	n := 0
	w, err := ScanWXR("sample.xml", bytes.NewReader(readSample(t)), Options{}, func(p *post.Post) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 || w.Posts != nil {
		t.Errorf("ScanWXR: err %v after %d posts (Posts %v); want it to stop at 3 with fn's error", err, n, w.Posts)
	}
}

// wxrGenerator writes an export of n items on the fly, never holding more
// than one item, so that a test can read a huge export in little memory.
type wxrGenerator struct {
	n, i       int
	head, done bool
	buf        bytes.Buffer
}

const wxrGenHead = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated</title>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>gen</wp:author_login><wp:author_display_name>Generator</wp:author_display_name></wp:author>
<wp:category><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>News</wp:cat_name></wp:category>
`

func (g *wxrGenerator) Read(p []byte) (int, error) {
	if g.buf.Len() == 0 {
		switch {
		case !g.head:
			g.buf.WriteString(wxrGenHead)
			g.head = true
		case g.i < g.n:
			g.item(g.i)
			g.i++
		case !g.done:
			g.buf.WriteString("</channel>\n</rss>\n")
			g.done = true
		default:
			return 0, io.EOF
		}
	}
	return g.buf.Read(p)
}

func (g *wxrGenerator) item(i int) {
	typ := "post"
	if i%10 == 9 {
		typ = "attachment"
	}
	fmt.Fprintf(&g.buf, `<item>
	<title>Generated post number %[1]d</title>
	<link>https://example.org/?p=%[1]d</link>
	<dc:creator><![CDATA[gen]]></dc:creator>
	<guid isPermaLink="false">https://example.org/?p=%[1]d</guid>
	<content:encoded><![CDATA[<p>Paragraph one of post %[1]d, with a few words in it to make it look like a post.</p>
<p>Paragraph two, a little longer than the first one, so that the body is a few hundred bytes in all. %[2]s</p>]]></content:encoded>
	<excerpt:encoded><![CDATA[]]></excerpt:encoded>
	<wp:post_id>%[1]d</wp:post_id>
	<wp:post_date>2020-01-02 03:04:05</wp:post_date>
	<wp:post_date_gmt>2020-01-02 01:04:05</wp:post_date_gmt>
	<wp:post_name>generated-%[1]d</wp:post_name>
	<wp:status>publish</wp:status>
	<wp:post_type>%[3]s</wp:post_type>
	<category domain="category" nicename="news"><![CDATA[News]]></category>
	<wp:postmeta><wp:meta_key>views</wp:meta_key><wp:meta_value>%[1]d</wp:meta_value></wp:postmeta>
	<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content><![CDATA[A comment that is read and dropped.]]></wp:comment_content></wp:comment>
</item>
`, i, strings.Repeat("Lorem ipsum dolor sit amet. ", 4), typ)
}

// TestReadWXRStreaming reads a generated export of 100,000 items through
// a reader that never holds more than one item, and reports the memory
// used: ScanWXR's heap must not grow with the export.
func TestReadWXRStreaming(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a generated 100,000-item export; skipped in -short")
	}
	const items = 100_000
	counter := &countingReader{r: &wxrGenerator{n: items}}
	var before, m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var maxHeap uint64
	n := 0
	w, err := ScanWXR("gen.xml", counter, Options{}, func(p *post.Post) error {
		n++
		if n%5000 == 0 {
			runtime.ReadMemStats(&m)
			maxHeap = max(maxHeap, m.HeapInuse)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&m)
	if n != items*9/10 || w.Skipped["attachment"] != items/10 || w.Items != items {
		t.Errorf("got %d posts, %d items, skipped %v", n, w.Items, w.Skipped)
	}
	t.Logf("ScanWXR: %d items, %.1f MB read, heap in use at most %.1f MB (%.1f MB before), %.1f MB allocated in all",
		items, mb(counter.n), mb(int64(maxHeap)), mb(int64(before.HeapInuse)), mb(int64(m.TotalAlloc-before.TotalAlloc)))
	// Loose: the heap holds one item at a time (a few KB); 64 MB leaves
	// room for the runtime and the race detector, yet is far below the
	// ~100 MB the export would need if it were held.
	if maxHeap > 64<<20 {
		t.Errorf("heap in use reached %.1f MB while streaming", mb(int64(maxHeap)))
	}

	// ReadWXR keeps the posts; its heap grows with them, not with the
	// comments, attachments and markup around them.
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, err := ReadWXR("gen.xml", &wxrGenerator{n: items}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m)
	t.Logf("ReadWXR: %d posts kept, heap in use %.1f MB after GC, %.1f MB allocated in all",
		len(r.Posts), mb(int64(m.HeapInuse)), mb(int64(m.TotalAlloc-before.TotalAlloc)))
	runtime.KeepAlive(r)
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func BenchmarkReadWXR(b *testing.B) {
	var data bytes.Buffer
	if _, err := io.Copy(&data, &wxrGenerator{n: 1000}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(data.Len()))
	b.ReportAllocs()
	for b.Loop() {
		w, err := ReadWXR("bench.xml", bytes.NewReader(data.Bytes()), Options{})
		if err != nil || len(w.Posts) != 900 {
			b.Fatalf("got %d posts, %v", len(w.Posts), err)
		}
	}
}

func FuzzReadWXR(f *testing.F) {
	files, _ := filepath.Glob("testdata/wxr/*.xml")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(wxrGenHead + "<item><title>x</title></item></channel></rss>"))
	f.Add([]byte(fallbackExport(true))) // read by the fallback reader
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := ReadWXR("fuzz.xml", bytes.NewReader(data), Options{PostTypes: []string{"post", "page"}})
		if w == nil {
			t.Fatal("nil *WXR")
		}
		for _, e := range errorLines(err) {
			if !strings.HasPrefix(e, "fuzz.xml") {
				t.Errorf("error without the path: %q", e)
			}
		}
		for _, p := range w.Posts {
			if p.Slug == "" || p.Slug == "." || strings.ContainsAny(p.Slug, `/\`) || strings.Contains(p.Slug, "..") {
				t.Errorf("unsafe slug %q", p.Slug)
			}
			if p.Source.Line < 1 || p.Status == "" || p.Body.Format != post.HTML {
				t.Errorf("post %+v: bad line, status or format", p.Source)
			}
			wxrRoundTrip(t, p)
			for _, ts := range [][]post.Term{p.Categories, p.Tags} {
				for _, term := range ts {
					if term.Slug == "" || strings.ContainsAny(term.Slug, `/\`) || strings.Contains(term.Slug, "..") {
						t.Errorf("unsafe term slug %q", term.Slug)
					}
				}
			}
		}
		// With a small MaxItemBytes, items are skipped as they are read.
		w, err = ReadWXR("fuzz.xml", bytes.NewReader(data), Options{MaxItemBytes: 300})
		for _, e := range errorLines(err) {
			if !strings.HasPrefix(e, "fuzz.xml") {
				t.Errorf("MaxItemBytes: error without the path: %q", e)
			}
		}
		for _, p := range w.Posts {
			if p.Source.Line < 1 || p.Source.Line > bytes.Count(data, []byte("\n"))+1 {
				t.Errorf("MaxItemBytes: post at line %d of %d", p.Source.Line, bytes.Count(data, []byte("\n"))+1)
			}
		}
	})
}

// TestReadWXRLenient: damage the decoder can read past is read, and
// reported when something was wrong.
func TestReadWXRLenient(t *testing.T) {
	head := "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n<item><title>A</title></item>\n"
	tail := "\n<item><title>C</title></item>\n</channel></rss>"
	for _, tc := range []struct {
		name, item string
		want       []string // title|body of each post
		wantErr    error
		wantLine   int
	}{
		{"raw ampersand", "<item><title>B & co</title></item>", []string{"A|", "B & co|", "C|"}, nil, 0},
		{"HTML entities outside CDATA", "<item><title>B&nbsp;&amp;&nbsp;co &unknown; x</title></item>", []string{"A|", "B\u00a0&\u00a0co &unknown; x|", "C|"}, nil, 0},
		{"unescaped HTML body", "<item><title>B</title><content:encoded><p>x<br>y <em>z</em></p></content:encoded></item>", []string{"A|", "B|<p>x<br>y <em>z</em></p>", "C|"}, nil, 0},
		{"unclosed item", "<item><title>B</title>", []string{"A|", "B|", "C|"}, nil, 0},
		{"raw <", "<item><title>B < co</title></item>", []string{"A|"}, ErrSyntax, 3},
		{"unclosed CDATA", "<item><title><![CDATA[B</title></item>", []string{"A|"}, ErrSyntax, 5},
		{"extra end tag", "<item><title>B</title></item></item>", []string{"A|", "B|"}, ErrSyntax, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ReadWXR("m.xml", strings.NewReader(head+tc.item+tail), Options{})
			var got []string
			for _, p := range w.Posts {
				got = append(got, p.Title+"|"+p.Body.Text)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("posts (-want +got):\n%s", diff)
			}
			var perr *Error
			switch {
			case tc.wantErr == nil && err != nil:
				t.Errorf("error %v, want none", err)
			case tc.wantErr != nil && (!errors.Is(err, tc.wantErr) || !errors.As(err, &perr) || perr.Line != tc.wantLine):
				t.Errorf("error %v, want an *Error at line %d wrapping %v", err, tc.wantLine, tc.wantErr)
			}
		})
	}
}

func ExampleReadWXR() {
	export := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <wp:author><wp:author_login>ana</wp:author_login><wp:author_display_name>Ana Lima</wp:author_display_name></wp:author>
  <item>
    <title>First light</title>
    <dc:creator>ana</dc:creator>
    <wp:post_date>2024-03-01 08:30:00</wp:post_date>
    <wp:post_date_gmt>2024-03-01 11:30:00</wp:post_date_gmt>
    <wp:post_name>first-light</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <category domain="post_tag" nicename="dawn">Dawn</category>
  </item>
  <item><title>logo.png</title><wp:post_type>attachment</wp:post_type></item>
</channel>
</rss>`
	w, err := ReadWXR("export.xml", strings.NewReader(export), Options{})
	if err != nil {
		fmt.Println(err)
	}
	for _, p := range w.Posts {
		fmt.Println(p.Title, p.Slug, p.Date.Format(time.RFC3339), p.Authors[0].Name, p.Tags[0].Slug)
	}
	fmt.Println(w.Skips())
	// Output:
	// First light first-light 2024-03-01T08:30:00-03:00 Ana Lima dawn
	// [{type attachment 1}]
}

// wxrRoundTrip checks that a post ReadWXR made survives the writer
// examples/wxr2md uses: postfile.Markdown, then ParseMarkdown, gives it
// back apart from Source. A post the writer refuses is not an error here.
func wxrRoundTrip(t *testing.T, p *post.Post) {
	t.Helper()
	var buf bytes.Buffer
	if err := postfile.Markdown(&buf, p); err != nil {
		return
	}
	opt := Options{}
	for name := range p.Taxonomies {
		opt.Taxonomies = append(opt.Taxonomies, name)
	}
	sort.Strings(opt.Taxonomies)
	back, err := ParseMarkdown(p.Slug+".md", buf.Bytes(), opt)
	if err != nil {
		t.Fatalf("ParseMarkdown of postfile.Markdown's output: %v\n%s", err, buf.String())
	}
	if diff := cmp.Diff(p, back, cmpopts.IgnoreFields(post.Post{}, "Source")); diff != "" {
		t.Errorf("WXR post -> postfile.Markdown -> ParseMarkdown (-want +got):\n%s\n%s", diff, buf.String())
	}
}

// fallbackExport is an export of five posts whose second holds "]]>" in
// its CDATA body, unescaped, which is not well-formed XML.
func fallbackExport(version bool) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Pond Life</title>
`)
	if version {
		b.WriteString("<wp:wxr_version>1.2</wp:wxr_version>\n")
	}
	for i := 1; i <= 5; i++ {
		body := fmt.Sprintf("<p>Entry %d.</p>", i)
		if i == 2 {
			body = "<p>Code: a[b[0]]> c</p><script>if (x < 1) {}</script>"
		}
		fmt.Fprintf(&b, `<item>
	<title>Frogs &amp; toads %d</title>
	<link>https://pond.example/frogs-%d/</link>
	<dc:creator><![CDATA[kit]]></dc:creator>
	<content:encoded><![CDATA[%s]]></content:encoded>
	<wp:post_id>%d</wp:post_id>
	<wp:post_date><![CDATA[2024-05-0%d 10:00:00]]></wp:post_date>
	<wp:post_date_gmt><![CDATA[2024-05-0%d 08:00:00]]></wp:post_date_gmt>
	<wp:post_name><![CDATA[frogs-%d]]></wp:post_name>
	<wp:status><![CDATA[publish]]></wp:status>
	<wp:post_type><![CDATA[post]]></wp:post_type>
	<category domain="category" nicename="amphibians"><![CDATA[Amphibians]]></category>
	<wp:postmeta><wp:meta_key>mood</wp:meta_key><wp:meta_value><![CDATA[wet]]></wp:meta_value></wp:postmeta>
</item>
`, i, i, body, i, i, i, i)
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

// TestReadWXRFallback: when the XML decoder fails inside an item, the
// rest is read item by item as WordPress's importer reads it, the damaged
// item and those after it are kept, and each says so in a warning.
func TestReadWXRFallback(t *testing.T) {
	in := fallbackExport(true)
	var warns []post.Warning
	w, err := ReadWXR("pond.xml", strings.NewReader(in), Options{Warn: func(w post.Warning) { warns = append(warns, w) }})
	if err != nil {
		t.Errorf("error = %v, want none: every item was recovered", err)
	}
	var got []string
	for _, p := range w.Posts {
		got = append(got, fmt.Sprintf("%s|%s|%s|%d|%v", p.Title, p.Slug, p.Body.Text, p.Source.Line, p.Categories))
	}
	line := func(i int) int {
		return strings.Count(in[:strings.Index(in, fmt.Sprintf("<title>Frogs &amp; toads %d", i))], "\n")
	}
	var want []string
	for i := 1; i <= 5; i++ {
		body := fmt.Sprintf("<p>Entry %d.</p>", i)
		if i == 2 {
			body = "<p>Code: a[b[0]]> c</p><script>if (x < 1) {}</script>"
		}
		want = append(want, fmt.Sprintf("Frogs & toads %d|frogs-%d|%s|%d|[{Amphibians amphibians }]", i, i, body, line(i)))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("posts (-want +got):\n%s", diff)
	}
	if len(w.Posts) == 5 {
		if w.Posts[3].Params["meta"].(map[string]any)["mood"] != "wet" || w.Posts[3].Date.Hour() != 10 {
			t.Errorf("recovered post: params %v date %v", w.Posts[3].Params, w.Posts[3].Date)
		}
	}
	var kinds []string
	for _, w := range warns {
		kinds = append(kinds, fmt.Sprintf("%d %s", w.Line, w.Kind))
	}
	wantKinds := []string{}
	for i := 2; i <= 5; i++ {
		wantKinds = append(wantKinds, fmt.Sprintf("%d %s", line(i), WarnRecovered))
	}
	if len(kinds) > 0 {
		kinds = kinds[1:] // the decoder's own error, now a warning
	}
	if diff := cmp.Diff(wantKinds, kinds); diff != "" {
		t.Errorf("warnings (-want +got):\n%s\n%v", diff, warns)
	}

	// The importer refuses a file without a wp:wxr_version, whatever its
	// items: so does folio, keeping what it read before the damage.
	w, err = ReadWXR("pond.xml", strings.NewReader(fallbackExport(false)), Options{})
	if !errors.Is(err, ErrSyntax) || len(w.Posts) != 1 {
		t.Errorf("no version: %d posts, error %v; want 1 and ErrSyntax", len(w.Posts), err)
	}

	// An item cut off by the end of the file is lost: an error.
	cut := in[:strings.Index(in, "Frogs &amp; toads 4")]
	w, err = ReadWXR("pond.xml", strings.NewReader(cut), Options{})
	if !errors.Is(err, ErrSyntax) || len(w.Posts) != 3 {
		t.Errorf("cut: %d posts, error %v; want 3 and ErrSyntax", len(w.Posts), err)
	}

	// The sample with a control character in item 6 keeps every post.
	data := string(readSample(t))
	item6 := strings.Index(data, "<!-- 6:")
	w, err = ReadWXR("x.xml", strings.NewReader(data[:item6+200]+"\x01"+data[item6+200:]), Options{})
	if err != nil || len(w.Posts) != 10 {
		t.Errorf("control character: %d posts, error %v; want 10 and none", len(w.Posts), err)
	}
}

// TestReadWXRUnicodeSlug: a post_name WordPress percent-encoded keeps its
// letters, not transliterated, whatever their case.
func TestReadWXRUnicodeSlug(t *testing.T) {
	in := wxrGenHead + "<item><title>x</title><wp:post_name>%e6%97%a5%e6%9c%ac-%c3%84rger</wp:post_name><wp:post_type>post</wp:post_type></item></channel></rss>"
	w, err := ReadWXR("u.xml", strings.NewReader(in), Options{})
	if err != nil || len(w.Posts) != 1 {
		t.Fatalf("%d posts, %v", len(w.Posts), err)
	}
	if got := w.Posts[0].Slug; got != "日本-Ärger" {
		t.Errorf("slug %q, want 日本-Ärger", got)
	}
}
