package render

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/markup"
	"github.com/folio-go/folio/taxonomy"
)

// TestProtectedPosts: no page of the site carries a protected post's text
// (its page, lists, description, JSON-LD), unless PageOptions.Protected
// asks for it.
func TestProtectedPosts(t *testing.T) {
	const secret = "The boathouse key is under the third stone."
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	locked := &post.Post{Title: "Members Only", Slug: "members", Date: day, Protected: true, Summary: "Key: third stone.",
		Tags: []post.Term{{Name: "club", Slug: "club"}}, Body: post.Body{Format: post.HTML, Text: "<p>" + secret + "</p>"}}
	open := &post.Post{Title: "Open Day", Slug: "open-day", Date: day.AddDate(0, 0, 1),
		Tags: []post.Term{{Name: "club", Slug: "club"}}, Body: post.Body{Format: post.HTML, Text: "<p>All welcome.</p>"}}
	for _, show := range []bool{false, true} {
		idx, err := taxonomy.Build([]*post.Post{locked, open}, taxonomy.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := NewRenderer(&Site{Title: "Harbour", BaseURL: "https://harbour.example/"}, idx, PageOptions{Protected: show})
		if err != nil {
			t.Fatal(err)
		}
		all := ""
		for pg := range r.Pages() {
			var buf bytes.Buffer
			if err := pg.Write(&buf); err != nil {
				t.Fatal(err)
			}
			if !show && (strings.Contains(buf.String(), "third stone") || strings.Contains(buf.String(), "boathouse key")) {
				t.Errorf("%s carries the protected post's text", pg.Path)
			}
			all += buf.String()
		}
		var page bytes.Buffer
		if err := r.WritePost(&page, locked); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(page.String(), "Members Only") {
			t.Errorf("the protected post's page lacks its title")
		}
		if got := strings.Contains(page.String(), "password protected"); got == show {
			t.Errorf("Protected %v: notice shown %v", show, got)
		}
		if got := strings.Contains(all, secret); got != show {
			t.Errorf("Protected %v: text published %v", show, got)
		}
		h, _, _ := r.Summary(locked)
		if !show && h != markup.ProtectedNotice {
			t.Errorf("Summary = %q, want the notice", h)
		}
	}
}
