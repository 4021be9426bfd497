package feed

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
)

// TestProtectedEntries: a protected post's entry in RSS, Atom and JSON
// Feed has its title and link and the notice, never its text, unless
// Feed.Protected asks for it.
func TestProtectedEntries(t *testing.T) {
	const secret = "The code to the chandlery is 4417."
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	posts := []*post.Post{
		{Title: "Locked", Slug: "locked", Date: day, Protected: true, Summary: "Code 4417.", Body: post.Body{Format: post.HTML, Text: "<p>" + secret + "</p>"}},
		{Title: "Open", Slug: "open", Date: day, Body: post.Body{Format: post.HTML, Text: "<p>Hello.</p>"}},
	}
	for _, format := range []struct {
		name  string
		write func(io.Writer, *Feed) error
	}{{"RSS", RSS}, {"Atom", Atom}, {"JSON Feed", JSONFeed}} {
		for _, full := range []bool{false, true} {
			for _, show := range []bool{false, true} {
				f := &Feed{Title: "Harbour", Description: "Notes", Link: "https://harbour.example/", FeedURL: "https://harbour.example/feed",
					Posts: posts, FullContent: full, Protected: show,
					Permalink: func(p *post.Post) string { return "https://harbour.example/" + p.Slug + "/" }}
				var buf bytes.Buffer
				if err := format.write(&buf, f); err != nil {
					t.Fatal(err)
				}
				out := buf.String()
				leaked := strings.Contains(out, "4417")
				if leaked != show {
					t.Errorf("%s full=%v Protected=%v: text published %v\n%s", format.name, full, show, leaked, out)
				}
				if !strings.Contains(out, "Locked") || !strings.Contains(out, "harbour.example/locked/") {
					t.Errorf("%s: the protected post's entry lacks its title or link", format.name)
				}
			}
		}
	}
}
