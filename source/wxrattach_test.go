package source

import (
	"strings"
	"testing"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

// attachmentExport is a small export of my own: a post with a child
// image, a gallery naming another post's image, and a caption.
const attachmentExport = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Harbour notes</title>
<wp:wxr_version>1.2</wp:wxr_version>
<item>
  <title>Boats</title>
  <wp:post_id>10</wp:post_id>
  <wp:post_type>post</wp:post_type>
  <wp:status>publish</wp:status>
  <content:encoded><![CDATA[[gallery ids="31, 20"] [caption id="attachment_32" align="alignleft" width="300"]<img src="x.jpg"> A gull[/caption]]]></content:encoded>
</item>
<item>
  <title>Red boat</title>
  <wp:post_id>20</wp:post_id>
  <wp:post_type>attachment</wp:post_type>
  <wp:status>inherit</wp:status>
  <wp:post_parent>10</wp:post_parent>
  <excerpt:encoded><![CDATA[The red one]]></excerpt:encoded>
  <wp:attachment_url>https://example.org/wp-content/uploads/2020/05/red-boat.jpg</wp:attachment_url>
  <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[A red boat]]></wp:meta_value></wp:postmeta>
  <wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key><wp:meta_value><![CDATA[a:4:{s:5:"width";i:1200;s:6:"height";i:800;s:4:"file";s:20:"2020/05/red-boat.jpg";s:5:"sizes";a:1:{s:9:"thumbnail";a:2:{s:5:"width";i:150;s:6:"height";i:150;}}}]]></wp:meta_value></wp:postmeta>
</item>
<item>
  <title>Harbour at dusk</title>
  <wp:post_id>31</wp:post_id>
  <wp:post_type>attachment</wp:post_type>
  <wp:status>inherit</wp:status>
  <wp:post_parent>99</wp:post_parent>
  <wp:attachment_url>https://example.org/wp-content/uploads/2020/06/dusk.png</wp:attachment_url>
  <wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key><wp:meta_value><![CDATA[a:1:{s:5:"width";i:-4;]]></wp:meta_value></wp:postmeta>
</item>
<item>
  <title>Gull</title>
  <wp:post_id>32</wp:post_id>
  <wp:post_type>attachment</wp:post_type>
  <wp:status>inherit</wp:status>
  <wp:post_parent>0</wp:post_parent>
  <wp:attachment_url>https://example.org/wp-content/uploads/2020/06/gull.gif</wp:attachment_url>
</item>
</channel>
</rss>
`

func TestReadWXRAttachments(t *testing.T) {
	w, err := ReadWXR("harbour.xml", strings.NewReader(attachmentExport), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Posts) != 1 {
		t.Fatalf("%d posts, want 1", len(w.Posts))
	}
	red := post.Attachment{ID: "20", URL: "https://example.org/wp-content/uploads/2020/05/red-boat.jpg", Title: "Red boat",
		Caption: "The red one", Alt: "A red boat", MimeType: "image/jpeg", Width: 1200, Height: 800, Parent: "10"}
	dusk := post.Attachment{ID: "31", URL: "https://example.org/wp-content/uploads/2020/06/dusk.png", Title: "Harbour at dusk",
		MimeType: "image/png", Parent: "99"}
	gull := post.Attachment{ID: "32", URL: "https://example.org/wp-content/uploads/2020/06/gull.gif", Title: "Gull", MimeType: "image/gif"}
	if diff := cmp.Diff([]post.Attachment{red, dusk, gull}, w.Attachments); diff != "" {
		t.Errorf("WXR.Attachments (-want +got):\n%s", diff)
	}
	// The child first, then the ones the gallery and caption name.
	if diff := cmp.Diff([]post.Attachment{red, dusk, gull}, w.Posts[0].Attachments); diff != "" {
		t.Errorf("Post.Attachments (-want +got):\n%s", diff)
	}
}

func TestPHPUnserialize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want any
	}{
		{`i:42;`, 42},
		{`b:1;`, true},
		{`d:1.5;`, 1.5},
		{`N;`, nil},
		{`s:5:"héllo";`, nil}, // the length counts bytes: "héllo" is 6
		{`s:6:"héllo";`, "héllo"},
		{`a:2:{i:0;s:1:"a";s:1:"k";a:0:{}}`, map[string]any{"0": "a", "k": map[string]any{}}},
		{`a:1:{i:0;s:1:"a";`, nil},
		{`O:8:"stdClass":0:{}`, nil},
		{`a:99999999999:{}`, nil},
		{strings.Repeat(`a:1:{i:0;`, 40) + `i:1;` + strings.Repeat(`}`, 40), nil},
	} {
		if diff := cmp.Diff(c.want, phpUnserialize(c.in)); diff != "" {
			t.Errorf("phpUnserialize(%q) (-want +got):\n%s", c.in, diff)
		}
	}
}

func FuzzPHPUnserialize(f *testing.F) {
	f.Add(`a:2:{s:5:"width";i:1200;s:6:"height";i:800;}`)
	f.Add(`a:1:{s:5:"sizes";a:1:{s:5:"thumb";a:1:{s:4:"file";s:5:"a.jpg";}}}`)
	f.Add(`s:3:"abc";`)
	f.Fuzz(func(t *testing.T, s string) {
		phpUnserialize(s)
	})
}
