package render

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/feed"
	"github.com/folio-go/folio/taxonomy"
)

// directTheme is the default theme changed to execute "header", "footer"
// and "entry" in place on every page instead of using what the Renderer
// made once: the slow way, which the shared parts must match byte for
// byte.
func directTheme(t *testing.T) fstest.MapFS {
	t.Helper()
	read := func(name string) string {
		b, err := fs.ReadFile(DefaultTheme(), name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	base := read("base.html")
	partials := read("partials.html")
	for _, r := range []struct {
		file     *string
		old, new string
	}{
		{&base, "{{.Header}}", `{{template "header" .}}`},
		{&base, "{{.Footer}}", `{{template "footer" .}}`},
		{&partials, `{{with .Entry}}{{.}}{{else}}{{template "entry" .}}{{end}}`, `{{template "entry" .}}`},
	} {
		if !strings.Contains(*r.file, r.old) {
			t.Fatalf("default theme lacks %s", r.old)
		}
		*r.file = strings.Replace(*r.file, r.old, r.new, 1)
	}
	return fstest.MapFS{"base.html": {Data: []byte(base)}, "partials.html": {Data: []byte(partials)}}
}

// TestSharedPartsMatchDirect renders every page of the sample site with
// the shared header, footer and entries and with the theme executing
// them on each page, with relative links (where each entry's links are
// spliced per page) and root-relative ones.
func TestSharedPartsMatchDirect(t *testing.T) {
	for _, relative := range []bool{true, false} {
		site := sampleSite()
		site.RelativeURLs = relative
		site.PerPage = 2
		idx, err := taxonomy.Build(samplePosts(), taxonomy.Options{})
		if err != nil {
			t.Fatal(err)
		}
		shared, err := NewRenderer(site, idx, PageOptions{})
		if err != nil {
			t.Fatal(err)
		}
		direct, err := NewRenderer(site, idx, PageOptions{Templates: directTheme(t)})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for pg := range direct.Pages() {
			var b strings.Builder
			if err := pg.Write(&b); err != nil {
				t.Fatal(err)
			}
			want[pg.Path] = b.String()
		}
		n := 0
		for pg := range shared.Pages() {
			var b strings.Builder
			if err := pg.Write(&b); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(b.String(), shared.sentinel) {
				t.Errorf("relative=%v %s: the sentinel reached the page", relative, pg.Path)
			}
			if b.String() != want[pg.Path] {
				t.Errorf("relative=%v %s differs from executing the parts in place", relative, pg.Path)
			}
			n++
		}
		if n != len(want) || n < 20 {
			t.Errorf("relative=%v: %d pages against %d", relative, n, len(want))
		}
	}
}

// TestChromeFieldError: a header asking for a page's own field, which
// ChromeData lacks, fails the page with the template's error.
func TestChromeFieldError(t *testing.T) {
	idx, _ := taxonomy.Build(samplePosts(), taxonomy.Options{})
	theme := fstest.MapFS{"base.html": {Data: []byte(`{{define "base"}}{{.Header}}{{template "main" .}}{{end}}{{define "header"}}<h1>{{.Title}}</h1>{{end}}`)}}
	r, err := NewRenderer(sampleSite(), idx, PageOptions{Templates: theme})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	err = r.WriteHome(&b, 1)
	if err == nil || !strings.HasPrefix(err.Error(), "render: ") || !strings.Contains(err.Error(), "Title") || b.Len() != 0 {
		t.Errorf("err = %v, wrote %d bytes", err, b.Len())
	}
}

// TestThemeWithoutSharedParts: a theme whose templates define no header,
// footer or entry gets empty ones and renders.
func TestThemeWithoutSharedParts(t *testing.T) {
	idx, _ := taxonomy.Build(samplePosts(), taxonomy.Options{})
	theme := fstest.MapFS{
		"base.html":     {Data: []byte(`{{define "base"}}[{{.Header}}|{{.Footer}}]{{template "main" .}}{{end}}`)},
		"partials.html": {Data: []byte(`{{define "postlist"}}{{range .}}<p>{{.Title}}:{{.Entry}}</p>{{end}}{{end}}{{define "pager"}}{{end}}{{define "termtree"}}{{end}}{{define "byline"}}{{end}}{{define "termlinks"}}{{end}}`)},
	}
	r, err := NewRenderer(sampleSite(), idx, PageOptions{Templates: theme})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteHome(&b, 1); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.HasPrefix(got, "[|]") || !strings.Contains(got, "<p>A Long Read:</p>") {
		t.Errorf("page = %q", got)
	}
}

func TestRendererSummary(t *testing.T) {
	posts := samplePosts()
	r := sampleRenderer(t, sampleSite(), posts)
	for _, p := range posts {
		got, more, err := r.Summary(p)
		if err != nil {
			t.Fatal(err)
		}
		want, wantMore, err := r.summary(p)
		if err != nil {
			t.Fatal(err)
		}
		if got != want || more != wantMore {
			t.Errorf("%s: Summary = %q, %v; want %q, %v", p.Title, got, more, want, wantMore)
		}
	}
	stranger := &post.Post{Title: "Stranger", Body: post.Body{Format: post.Markdown, Text: "Not *indexed*."}}
	if got, _, err := r.Summary(stranger); err != nil || !strings.Contains(string(got), "<em>indexed</em>") {
		t.Errorf("Summary of a post outside the index = %q, %v", got, err)
	}
}

// TestFeedsOption: PageOptions.Feeds is asked with the page's kind and the
// path of its list, site paths are linked from the page, absolute web
// URLs kept, and anything else left out.
func TestFeedsOption(t *testing.T) {
	idx, _ := taxonomy.Build(samplePosts(), taxonomy.Options{})
	type call struct {
		kind Kind
		base string
	}
	var mu sync.Mutex
	calls := map[call]bool{}
	opt := PageOptions{Feeds: func(kind Kind, base string) []FeedLink {
		mu.Lock()
		calls[call{kind, base}] = true
		mu.Unlock()
		if kind != KindTerm {
			return nil
		}
		return []FeedLink{
			{Type: feed.RSSType, Title: "Here", URL: base + "index.xml"},
			{Type: feed.AtomType, Title: "Elsewhere", URL: "https://feeds.example/go.atom"},
			{Type: feed.RSSType, Title: "Script", URL: "javascript:alert(1)"},
			{Type: feed.RSSType, Title: "Up", URL: "/tags/../../etc/passwd"},
			{Type: feed.RSSType, Title: "Host", URL: "//evil.example/feed"},
		}
	}}
	site := sampleSite()
	site.PerPage = 1
	r, err := NewRenderer(site, idx, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteTerm(&b, "tags", "go", 2); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		`<link rel="alternate" type="application/rss&#43;xml" title="Here" href="../../../../tags/go/index.xml">`,
		`<link rel="alternate" type="application/atom&#43;xml" title="Elsewhere" href="https://feeds.example/go.atom">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, bad := range []string{"Script", "Up", "Host"} {
		if strings.Contains(page, `title="`+bad+`"`) {
			t.Errorf("feed link %q was kept", bad)
		}
	}
	if !calls[call{KindTerm, "/tags/go/"}] {
		t.Errorf("Feeds not asked for the term's list path; asked %v", calls)
	}
	b.Reset()
	if err := r.WriteHome(&b, 1); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `rel="alternate"`) || !calls[call{KindHome, "/"}] {
		t.Errorf("home page: feed links %v, calls %v", strings.Contains(b.String(), `rel="alternate"`), calls)
	}
}
