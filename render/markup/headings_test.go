package markup

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark"
)

func convertWith(t *testing.T, md goldmark.Markdown, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestHeadingIDs(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(HeadingIDs{Reserved: []string{"main"}}))
	for _, c := range []struct{ name, src, want string }{
		{"slug", "## Why Go?\n", "<h2 id=\"why-go\">Why Go?</h2>\n"},
		{"repeats", "# Notes\n## Notes\n### Notes\n", "<h1 id=\"notes\">Notes</h1>\n<h2 id=\"notes-1\">Notes</h2>\n<h3 id=\"notes-2\">Notes</h3>\n"},
		{"explicit wins, even later", "## Install\n## Setup {#install}\n", "<h2 id=\"install-1\">Install</h2>\n<h2 id=\"install\">Setup</h2>\n"},
		{"reserved", "## Main\n", "<h2 id=\"main-1\">Main</h2>\n"},
		{"markup in the text", "## The `go` *command* [docs](x)\n", "<h2 id=\"the-go-command-docs\">The <code>go</code> <em>command</em> <a href=\"x\">docs</a></h2>\n"},
		{"setext", "Title\n=====\n", "<h1 id=\"title\">Title</h1>\n"},
		{"nothing to slug", "## !!!\n", ""},
		{"long", "## " + "word " + "another word that goes on and on and on and on and on and on and on\n", "<h2 id=\"word-another-word-that-goes-on-and-on-and-on-and-on-and-on-and\">word another word that goes on and on and on and on and on and on and on</h2>\n"},
	} {
		got := convertWith(t, md, c.src)
		if c.want == "" {
			if !bytes.Contains([]byte(got), []byte(`id="x-`)) {
				t.Errorf("%s: %q gave %q, want a hashed id", c.name, c.src, got)
			}
			continue
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", c.name, diff)
		}
	}
}

func TestHTMLHeadingIDs(t *testing.T) {
	in := `<h2>Notes &amp; links</h2><p id="notes-and-links">x</p><h2 id="keep">Kept</h2><h3 class="c">Notes &amp; links</h3><header>no</header><h4>open`
	want := `<h2 id="notes-and-links-1">Notes &amp; links</h2><p id="notes-and-links">x</p><h2 id="keep">Kept</h2><h3 class="c" id="notes-and-links-2">Notes &amp; links</h3><header>no</header><h4>open`
	if diff := cmp.Diff(want, HTMLHeadingIDs(in, nil)); diff != "" {
		t.Errorf("HTMLHeadingIDs (-want +got):\n%s", diff)
	}
}

func FuzzHTMLHeadingIDs(f *testing.F) {
	f.Add(`<h2>A</h2><h2>A</h2><h3 id="a">B</h3>`)
	f.Add(`<h1>x`)
	f.Fuzz(func(t *testing.T, h string) {
		got := HTMLHeadingIDs(h, []string{"main"})
		if strings.Count(got, "<") != strings.Count(h, "<") {
			t.Errorf("HTMLHeadingIDs(%q) = %q changed the tags", h, got)
		}
	})
}
