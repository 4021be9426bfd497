package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeTree writes files (slash-separated name -> content) under a new
// temporary folder and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSourceKinds builds a small folder of each input kind with -src and
// checks each post got its page, found by its title.
func TestSourceKinds(t *testing.T) {
	kinds := map[string]struct {
		files map[string]string
		posts []string // titles
	}{
		"hugo": {
			files: map[string]string{
				"content/posts/first.md":        "---\ntitle: Hugo first\ndate: 2020-01-02\ntags: [a]\n---\n\nBody *one*.\n",
				"content/posts/bundle/index.md": "+++\ntitle = \"Hugo bundle\"\ndate = 2021-05-06T07:08:09Z\n+++\n\nBody two.\n",
			},
			posts: []string{"Hugo first", "Hugo bundle"},
		},
		"jekyll": {
			files: map[string]string{
				"_posts/2019-03-04-hello-world.md":  "---\nlayout: post\ntitle: Jekyll hello\ncategories: news\n---\n\nHello.\n",
				"_posts/2019-03-05-second.markdown": "---\ntitle: Jekyll second\n---\n\nAgain.\n",
			},
			posts: []string{"Jekyll hello", "Jekyll second"},
		},
		"goblog": {
			files: map[string]string{
				"first.md": "---\ntitle: \"Go blog first\"\ndate: 2010-11-10\nby:\n- Ann Author\n- Bo Writer\ntags:\n- birthday\nsummary: One line.\n---\n\nText.\n",
			},
			posts: []string{"Go blog first"},
		},
		"text": {
			files: map[string]string{
				"001_abc.txt": "Plain title\nFirst paragraph.\nSecond paragraph.\n[Source](https://example.org/s)\nThis entry was posted in News and tagged x on March 3, 2021 by Pat Doe.\n",
			},
			posts: []string{"Plain title"},
		},
		"wxr": {
			files: map[string]string{
				"export.xml": `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>WXR item</title><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[<p>Hello <em>there</em>.</p>]]></content:encoded>
<wp:post_id>7</wp:post_id><wp:post_date>2018-07-08 09:10:11</wp:post_date>
<wp:post_name>wxr-item</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="news"><![CDATA[News]]></category>
</item></channel></rss>
`,
			},
			posts: []string{"WXR item"},
		},
	}
	for name, k := range kinds {
		t.Run(name, func(t *testing.T) {
			src := writeTree(t, k.files)
			out, stdout, _ := buildSite(t, 0, "-src", src)
			pages := files(t, out)
			var found []string
			for _, title := range k.posts {
				if pageWithTitle(t, out, pages, title) {
					found = append(found, title)
				}
			}
			if diff := cmp.Diff(k.posts, found); diff != "" {
				t.Errorf("posts with a page (-want +got):\n%s\nstdout: %s", diff, stdout)
			}
			checkLinks(t, out, pages)
			checkFeeds(t, out, pages)
		})
	}
}

// pageWithTitle reports whether some HTML page has title in its <title>.
func pageWithTitle(t *testing.T, out string, pages []string, title string) bool {
	t.Helper()
	for _, p := range pages {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("<title>"+title)) {
			return true
		}
	}
	return false
}

// TestBadFiles checks that the build goes on past a bad file, names it
// with its line, and exits with status 1.
func TestBadFiles(t *testing.T) {
	src := writeTree(t, map[string]string{
		"good.md":   "---\ntitle: Good\ndate: 2020-01-01\n---\n\nFine.\n",
		"bad.md":    "---\ntitle: Bad\ndate: [not, a, date\n---\n\nBroken front matter.\n",
		"empty.txt": "  \n",
	})
	out, _, stderr := buildSite(t, 1, "-src", src)
	for _, name := range []string{"bad.md:", "empty.txt"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
	if !pageWithTitle(t, out, files(t, out), "Good") {
		t.Error("the good post got no page")
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-nope"},
		{"extra-arg"},
		{"-serve", "0.0.0.0:8080"},
		{"-serve", ":8080"},
		{"-serve", "example.com:80"},
		{"-out", ""},
		{"-base-url", "example.com"},
		{"-base-url", "javascript:alert(1)"},
		{"-base-url", "/blog/"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != 2 {
			t.Errorf("run(%q) = %d, want 2", args, code)
		}
	}
}

func TestCheckLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"localhost:8080": true, "127.0.0.1:0": true, "[::1]:80": true, "127.1.2.3:80": true,
		":8080": false, "0.0.0.0:80": false, "[::]:80": false, "192.168.1.2:80": false, "example.com:80": false, "nonsense": false,
	} {
		if err := checkLoopback(addr); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v", addr, err)
		}
	}
}

// TestDeterministic builds the sample twice and compares every byte.
func TestDeterministic(t *testing.T) {
	a, _, _ := buildSite(t, 0)
	b, _, _ := buildSite(t, 0, "-workers", "1")
	fa, fb := files(t, a), files(t, b)
	if diff := cmp.Diff(fa, fb); diff != "" {
		t.Fatalf("file sets differ (-first +second):\n%s", diff)
	}
	for _, f := range fa {
		x, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

// TestWarnings checks that a problem the build repairs (a category whose
// parent no post has) is printed as a warning and does not fail the build.
func TestWarnings(t *testing.T) {
	src := writeTree(t, map[string]string{
		"a.md": "---\ntitle: Orphan\ndate: 2020-01-01\ncategories:\n  - {name: Child, parent: nowhere}\n---\n\nText.\n",
	})
	out, _, stderr := buildSite(t, 0, "-src", src)
	if !strings.Contains(stderr, "warning:") || !strings.Contains(stderr, "nowhere") {
		t.Errorf("stderr does not warn about the missing parent:\n%s", stderr)
	}
	if !pageWithTitle(t, out, files(t, out), "Orphan") {
		t.Error("the post got no page")
	}
}

// TestNoPosts checks that a folder with nothing to read still gives a
// working (empty) site, with a warning.
func TestNoPosts(t *testing.T) {
	src := writeTree(t, map[string]string{"notes.article": "Title\n\nText.\n"})
	out, _, stderr := buildSite(t, 0, "-src", src)
	if !strings.Contains(stderr, "no posts found") {
		t.Errorf("stderr does not warn:\n%s", stderr)
	}
	pages := files(t, out)
	checkLinks(t, out, pages)
	for _, want := range []string{"index.html", "index.xml", "feed.json", "404.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Error(err)
		}
	}
}
