package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
)

const (
	hostileTerm  = `<img src=x onerror=alert(1)>`
	hostileDesc  = `<script>alert(2)</script> & <b onmouseover=alert(3)>bold</b>`
	hostileHTML  = `<p>ok</p><img src=x onerror=alert(4)><script>alert(5)</script><a href="javascript:alert(6)">x</a>`
	hostileTitle = `Tag ` + hostileTerm
)

// hostileFeed is a term's feed as a site makes it (the term's name in
// its title, no description of its own, so the title stands in), with a
// post tagged by the term, and callbacks that hand over unsafe HTML.
func hostileFeed(desc string, full bool) *Feed {
	p := &post.Post{Title: "A post", Slug: "a", Date: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC),
		Tags: []post.Term{{Name: hostileTerm, Slug: "img"}}, Body: post.Body{Format: post.HTML, Text: "x"}}
	for i := range 2000 {
		p.Tags = append(p.Tags, post.Term{Name: fmt.Sprintf("t%d", i), Slug: fmt.Sprintf("t%d", i)})
	}
	return &Feed{
		Title: hostileTitle, Description: desc, Link: "https://example.org/tags/img/",
		Posts: []*post.Post{p}, FullContent: full,
		Permalink: func(*post.Post) string { return "https://example.org/a/" },
		Summary:   func(*post.Post) (string, error) { return hostileHTML, nil },
		Body:      func(*post.Post) (string, error) { return hostileHTML, nil },
	}
}

// unsafeHTML reports markup a reader showing s as HTML would run.
func unsafeHTML(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "<script") || strings.Contains(l, "onerror") && strings.Contains(l, "<img") ||
		strings.Contains(l, "onmouseover") && strings.Contains(l, "<b ") || strings.Contains(l, "javascript:")
}

// TestHostileFeedFields writes hostile feeds in all three formats and
// reads back every field readers show as HTML: each holds escaped text
// or sanitized HTML, never the markup that was put in; and an entry
// lists at most MaxEntryTerms of its post's 2,001 tags.
func TestHostileFeedFields(t *testing.T) {
	for _, desc := range []string{"", hostileDesc} {
		for _, full := range []bool{false, true} {
			f := hostileFeed(desc, full)
			name := fmt.Sprintf("desc=%v full=%v", desc != "", full)

			var rss bytes.Buffer
			if err := RSS(&rss, f); err != nil {
				t.Fatal(err)
			}
			var r struct {
				Channel struct {
					Description string `xml:"description"`
					Items       []struct {
						Description string   `xml:"description"`
						Content     string   `xml:"encoded"`
						Categories  []string `xml:"category"`
					} `xml:"item"`
				} `xml:"channel"`
			}
			if err := xml.Unmarshal(rss.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			if d := r.Channel.Description; strings.Contains(d, "<") {
				t.Errorf("%s: RSS channel description holds markup: %q", name, d)
			}
			for _, it := range r.Channel.Items {
				for field, v := range map[string]string{"description": it.Description, "content:encoded": it.Content} {
					if unsafeHTML(v) {
						t.Errorf("%s: RSS item %s is unsafe: %q", name, field, v)
					}
				}
				if len(it.Categories) != MaxEntryTerms {
					t.Errorf("%s: RSS item has %d categories, want %d", name, len(it.Categories), MaxEntryTerms)
				}
			}

			var atom bytes.Buffer
			if err := Atom(&atom, f); err != nil {
				t.Fatal(err)
			}
			var a struct {
				Subtitle struct {
					Type string `xml:"type,attr"`
					Text string `xml:",chardata"`
				} `xml:"subtitle"`
				Entries []struct {
					Summary string `xml:"summary"`
					Content string `xml:"content"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal(atom.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			if a.Subtitle.Type == "html" && unsafeHTML(a.Subtitle.Text) {
				t.Errorf("%s: Atom subtitle is unsafe HTML: %q", name, a.Subtitle.Text)
			}
			for _, e := range a.Entries {
				if unsafeHTML(e.Summary) || unsafeHTML(e.Content) {
					t.Errorf("%s: Atom entry is unsafe: %q %q", name, e.Summary, e.Content)
				}
			}

			var js bytes.Buffer
			if err := JSONFeed(&js, f); err != nil {
				t.Fatal(err)
			}
			var j struct {
				Items []struct {
					ContentHTML string `json:"content_html"`
				} `json:"items"`
			}
			if err := json.Unmarshal(js.Bytes(), &j); err != nil {
				t.Fatal(err)
			}
			for _, it := range j.Items {
				if unsafeHTML(it.ContentHTML) {
					t.Errorf("%s: JSON Feed content_html is unsafe: %q", name, it.ContentHTML)
				}
			}
		}
	}
}
