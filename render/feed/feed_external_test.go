package feed

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// These tests hand the feeds to independent readers when the machine has
// them, and skip otherwise: xmllint (Debian libxml2-utils) and Python's
// feedparser (Debian python3-feedparser), which reports a feed it had to
// repair as "bozo".

// feedparserCheck prints, per file, bozo (1 when the feed was not
// well-formed or its dates did not parse), the format it recognized, the
// entry count and how many entries lack an id, title, link or date.
const feedparserCheck = `
import sys, feedparser
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    bad = sum(1 for e in d.entries
              if not e.get("id") or "title" not in e or not e.get("link")
              or not (e.get("published_parsed") or e.get("updated_parsed")))
    print(path.rsplit("/", 1)[-1], int(d.bozo), d.version, len(d.entries), bad, d.get("bozo_exception", ""))
`

// externalFeeds writes the sample feeds and the hostile one into a
// temporary folder and returns their paths.
func externalFeeds(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	hostileFeed := feedSampleSite()
	hostileFeed.Posts = append(hostileFeed.Posts, hostilePost())
	feeds := map[string]*Feed{"site": feedSampleSite(), "tag": feedSampleTag(), "hostile": hostileFeed}
	var paths []string
	for _, name := range []string{"site", "tag", "hostile"} {
		for _, fw := range feedWriters() {
			if fw.ext != ".xml" {
				continue
			}
			var buf bytes.Buffer
			if err := fw.write(&buf, feeds[name]); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, name+"-"+fw.name+".xml")
			if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
	}
	return paths
}

func TestFeedsXMLLint(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (Debian: libxml2-utils)")
	}
	paths := externalFeeds(t)
	sitemaps, err := filepath.Glob(filepath.Join("testdata", "feeds", "sitemap*.xml"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, append([]string{"--noout"}, append(paths, sitemaps...)...)...).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}

func TestFeedsFeedparser(t *testing.T) {
	// Debian's package installs for the system Python, which a PATH
	// python3 (pyenv, a venv) may not be.
	python := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import feedparser").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		t.Skip("Python feedparser not installed (Debian: python3-feedparser)")
	}
	paths := externalFeeds(t)
	out, err := exec.Command(python, append([]string{"-c", feedparserCheck}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("feedparser: %v\n%s", err, out)
	}
	t.Logf("feedparser (file bozo version entries incomplete):\n%s", out)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) < 5 {
			t.Errorf("feedparser said %q", line)
			continue
		}
		name, bozo, version, entries, bad := f[0], f[1], f[2], f[3], f[4]
		wantVersion := "rss20"
		if strings.Contains(name, "atom") {
			wantVersion = "atom10"
		}
		if bozo != "0" || version != wantVersion || entries == "0" || bad != "0" {
			t.Errorf("feedparser on %s: bozo %s, version %s, %s entries, %s incomplete: %s", name, bozo, version, entries, bad, line)
		}
	}
}
