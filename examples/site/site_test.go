package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"html"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/pages.golden")

// buildSite runs the program with args plus -out into a new temporary
// folder, fails the test on an exit status other than want, and returns
// the folder and what went to stdout and stderr.
func buildSite(t *testing.T, want int, args ...string) (out, stdout, stderr string) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "public")
	var o, e bytes.Buffer
	code := run(context.Background(), append(args, "-out", out), &o, &e)
	if code != want {
		t.Fatalf("run(%q) = %d, want %d; stdout:\n%s\nstderr:\n%s", args, code, want, o.String(), e.String())
	}
	return out, o.String(), e.String()
}

// files lists every file under dir as sorted slash-separated paths,
// leaving out the manifest and the lock.
func files(t *testing.T, dir string) []string {
	t.Helper()
	return walkFiles(t, dir)
}

func walkFiles(t testing.TB, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if p == filepath.Join(dir, manifestName) || p == filepath.Join(dir, lockName) {
			return nil // folio's own bookkeeping, not the site
		}
		rel, err := filepath.Rel(dir, p)
		list = append(list, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(list)
	return list
}

// TestSample builds the embedded sample and checks the set of files
// against testdata/pages.golden, every internal link, and every feed.
func TestSample(t *testing.T) {
	out, _, stderr := buildSite(t, 0)
	if stderr != "" {
		t.Errorf("stderr not empty for a clean build:\n%s", stderr)
	}
	got := files(t, out)

	golden := filepath.Join("testdata", "pages.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	want := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files written (-want +got):\n%s", diff)
	}

	checkLinks(t, out, got)
	checkFeeds(t, out, got)
}

// TestBaseURL builds the sample for https://example.com/blog/ and checks
// that every link under that URL, absolute or root-relative, leads to a
// file that was written.
func TestBaseURL(t *testing.T) {
	out, _, _ := buildSite(t, 0, "-base-url", "https://example.com/blog/")
	pages := files(t, out)
	checkLinksUnder(t, out, pages, "https://example.com/blog/")
	checkFeeds(t, out, pages)
}

// attrURL finds the URLs of href and src attributes; html/template always
// quotes attribute values with double quotes.
var attrURL = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// checkLinks checks that every internal link of every HTML page leads to a
// file that was written, as a browser opening the site from disk would
// resolve it.
func checkLinks(t *testing.T, out string, pages []string) {
	t.Helper()
	checkLinksUnder(t, out, pages, "")
}

// checkLinksUnder is checkLinks for a site served at base: links to base
// and to its path are internal too.
func checkLinksUnder(t *testing.T, out string, pages []string, base string) {
	t.Helper()
	exists := map[string]bool{}
	for _, p := range pages {
		exists[p] = true
	}
	checked := 0
	for _, page := range pages {
		if !strings.HasSuffix(page, ".html") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range attrURL.FindAllStringSubmatch(string(data), -1) {
			ref := html.UnescapeString(m[1])
			target, internal, err := resolveLink(page, ref, base)
			if err != nil {
				t.Errorf("%s: link %q: %v", page, ref, err)
				continue
			}
			if !internal {
				continue
			}
			checked++
			if !exists[target] {
				t.Errorf("%s: link %q leads to %s, which was not written", page, ref, target)
			}
		}
	}
	if checked == 0 {
		t.Error("no internal links found")
	}
}

// resolveLink returns the file a link on page refers to, and whether the
// link is internal at all (not an external URL, mailto: or a bare
// fragment). base is the site's URL, or "" for a site of relative links.
func resolveLink(page, ref, base string) (string, bool, error) {
	u, err := url.Parse(ref)
	if err != nil {
		return "", false, err
	}
	if base != "" {
		b, _ := url.Parse(base)
		u = b.ResolveReference(u)
		if u.Scheme != b.Scheme || u.Host != b.Host || !strings.HasPrefix(u.Path, b.Path) {
			return "", false, nil
		}
		return fileOf(strings.TrimPrefix(u.Path, b.Path)), true, nil
	}
	switch {
	case u.Scheme != "" || u.Host != "":
		return "", false, nil
	case u.Path == "":
		return "", false, nil // "#top", "?q"
	case strings.HasPrefix(u.Path, "/") && page == "404.html":
		// Only a server shows the 404 page, at any depth, so its links
		// start at the site root.
		return fileOf(strings.TrimPrefix(u.Path, "/")), true, nil
	case strings.HasPrefix(u.Path, "/"):
		// A root-relative link does not work from file://.
		return "", true, errRootRelative
	}
	target := path.Join(path.Dir(page), u.Path)
	if strings.HasPrefix(target, "../") || target == ".." {
		return "", true, errOutside
	}
	if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
		target = path.Join(target, "index.html")
	}
	return target, true, nil
}

// fileOf maps a path relative to the site's root to the file serving it.
func fileOf(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

var errRootRelative = errorString("root-relative link, which does not work from file://")

type errorString string

func (e errorString) Error() string { return string(e) }

// checkFeeds parses every XML and JSON file: RSS, Atom, sitemaps and JSON
// Feed documents.
func checkFeeds(t *testing.T, out string, pages []string) {
	t.Helper()
	kinds := map[string]int{}
	for _, page := range pages {
		name := filepath.Join(out, filepath.FromSlash(page))
		switch path.Ext(page) {
		case ".xml":
			kinds[xmlRoot(t, name)]++
		case ".json":
			checkJSONFeed(t, name)
			kinds["jsonfeed"]++
		}
	}
	for _, k := range []string{"rss", "feed", "urlset", "jsonfeed"} {
		if kinds[k] == 0 {
			t.Errorf("no %s document written; found %v", k, kinds)
		}
	}
}

// xmlRoot reads the XML file name to its end, so that any syntax error is
// found, and returns the name of its root element.
func xmlRoot(t *testing.T, name string) string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	if root == "" {
		t.Errorf("%s: no root element", name)
	}
	return root
}

func checkJSONFeed(t *testing.T, name string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var feed struct {
		Version string `json:"version"`
		Title   string `json:"title"`
		Items   []struct {
			ID  string `json:"id"`
			URL string `json:"url"`
		} `json:"items"`
	}
	if err := json.Unmarshal(data, &feed); err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	if feed.Version != "https://jsonfeed.org/version/1.1" || feed.Title == "" || len(feed.Items) == 0 {
		t.Errorf("%s: version %q, title %q, %d items", name, feed.Version, feed.Title, len(feed.Items))
	}
	for _, it := range feed.Items {
		if it.ID == "" || it.URL == "" {
			t.Errorf("%s: item without id or url: %+v", name, it)
		}
	}
}

// TestFeedLinks: the home page and a term's pages point feed readers to
// the feeds written beside them, and a post page to none.
func TestFeedLinks(t *testing.T) {
	out, _, _ := buildSite(t, 0)
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	alternates := regexp.MustCompile(`<link rel="alternate" type="([^"]*)" title="[^"]*" href="([^"]*)">`)
	for _, tt := range []struct {
		page string
		want []string // type and href of each link, in order
	}{
		{"index.html", []string{"application/rss&#43;xml ./index.xml", "application/atom&#43;xml ./atom.xml", "application/feed&#43;json ./feed.json"}},
		{"tags/bread/index.html", []string{"application/rss&#43;xml ../../tags/bread/index.xml", "application/atom&#43;xml ../../tags/bread/atom.xml", "application/feed&#43;json ../../tags/bread/feed.json"}},
		{"2019/10/the-first-loaf/index.html", nil},
	} {
		var got []string
		for _, m := range alternates.FindAllStringSubmatch(read(tt.page), -1) {
			got = append(got, m[1]+" "+m[2])
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: feed links (-want +got):\n%s", tt.page, diff)
		}
	}
}
