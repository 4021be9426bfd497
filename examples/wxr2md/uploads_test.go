package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
)

// uploadsExport is my own small export: a post whose body links two
// uploads (one only as a resized copy, one missing), a gallery and a
// feature image.
const uploadsExport = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Harbour notes</title>
<item>
  <title>Boats</title>
  <wp:post_id>10</wp:post_id>
  <wp:post_name>boats</wp:post_name>
  <wp:post_type>post</wp:post_type>
  <wp:status>publish</wp:status>
  <content:encoded><![CDATA[<img src="https://blog.example.org/wp-content/uploads/2020/05/boat-300x200.jpg" width="300"> <a href="http://blog.example.org/wp-content/uploads/2020/05/map.pdf?v=2">map</a> <img src="https://blog.example.org/wp-content/uploads/2020/06/gone.png"> [gallery ids="20"] <a href="https://other.example.net/x.jpg">x</a>]]></content:encoded>
  <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[20]]></wp:meta_value></wp:postmeta>
</item>
<item>
  <title>Boat</title>
  <wp:post_id>20</wp:post_id>
  <wp:post_type>attachment</wp:post_type>
  <wp:status>inherit</wp:status>
  <wp:post_parent>10</wp:post_parent>
  <wp:attachment_url>https://blog.example.org/wp-content/uploads/2020/05/boat.jpg</wp:attachment_url>
</item>
</channel>
</rss>
`

func TestUploads(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "export.xml")
	uploadsDir := filepath.Join(dir, "uploads")
	out := filepath.Join(dir, "out")
	for name, data := range map[string]string{
		export: uploadsExport,
		filepath.Join(uploadsDir, "2020/05/boat.jpg"):   "jpeg bytes",
		filepath.Join(uploadsDir, "2020/05/map.pdf"):    "pdf bytes",
		filepath.Join(uploadsDir, "2020/05/unused.png"): "not linked",
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, "-uploads", uploadsDir, export}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr.String())
	}
	wantWarn := "wxr2md: export.xml:5: warning: 2020/06/gone.png is not in " + uploadsDir + "; the address stays https://blog.example.org/wp-content/uploads/2020/06/gone.png\n"
	if diff := cmp.Diff(wantWarn, stderr.String()); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	for _, rel := range []string{"wp-content/uploads/2020/05/boat.jpg", "wp-content/uploads/2020/05/map.pdf"} {
		if _, err := os.Stat(filepath.Join(out, rel)); err != nil {
			t.Errorf("%s not copied: %v", rel, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "wp-content/uploads/2020/05/unused.png")); err == nil {
		t.Errorf("an upload no post uses was copied")
	}
	posts, err := source.Load(context.Background(), os.DirFS(out), ".", source.Options{})
	if err != nil || len(posts) != 1 {
		t.Fatalf("Load: %d posts, %v", len(posts), err)
	}
	p := posts[0]
	body := p.Body.Text
	for _, want := range []string{`src="/wp-content/uploads/2020/05/boat.jpg"`, `href="/wp-content/uploads/2020/05/map.pdf"`,
		`src="https://blog.example.org/wp-content/uploads/2020/06/gone.png"`, `href="https://other.example.net/x.jpg"`} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s:\n%s", want, body)
		}
	}
	if got := p.Params["image"]; got != "/wp-content/uploads/2020/05/boat.jpg" {
		t.Errorf("image = %v, want the local feature image", got)
	}
	atts, _ := p.Params["attachments"].([]any)
	if len(atts) != 1 || atts[0].(map[string]any)["url"] != "/wp-content/uploads/2020/05/boat.jpg" {
		t.Errorf("attachments = %v", p.Params["attachments"])
	}
	if !strings.Contains(stdout.String(), "2 uploads copied") {
		t.Errorf("summary does not count the copies:\n%s", stdout.String())
	}

	// Again, with -force: nothing changed, nothing copied.
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"-out", out, "-force", "-uploads", uploadsDir, export}, &stdout, &stderr); code != 0 {
		t.Fatalf("second run: exit status %d; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "0 uploads copied") {
		t.Errorf("second run copied again:\n%s", stdout.String())
	}
}

func TestNoUploadsKeepsURLs(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "export.xml")
	if err := os.WriteFile(export, []byte(uploadsExport), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, export}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(out, "boats.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "https://blog.example.org/wp-content/uploads/2020/05/boat-300x200.jpg") {
		t.Errorf("without -uploads an address changed:\n%s", data)
	}
}
