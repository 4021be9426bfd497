package render

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/taxonomy"
)

// TestRewriteLinks: links to a post's old addresses lead to its new page;
// with an origin, root-relative links to no page lead back there.
func TestRewriteLinks(t *testing.T) {
	day := time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)
	old := &post.Post{Title: "Survey", Slug: "survey", Date: day, Aliases: []string{"/blog/survey", "https://old.example/?p=12"},
		Body: post.Body{Format: post.HTML, Text: "<p>Results.</p>"}}
	linker := &post.Post{Title: "Linker", Slug: "linker", Date: day.AddDate(0, 0, 1), Body: post.Body{Format: post.HTML,
		Text: `<p><a href="/blog/survey#results">a</a> <a href="https://old.example/?p=12">b</a> <a href="/pkg/context">c</a> ` +
			`<a href="/2019/03/survey/">d</a> <a href="https://elsewhere.example/x">e</a> <a href="/blog/survey/">f</a> <img src="/img/chart.png" alt="chart"></p>`}}
	for _, tc := range []struct {
		name string
		site Site
		opt  PageOptions
		want []string
	}{
		{"relative, with origin", Site{RelativeURLs: true}, PageOptions{Origin: "https://old.example/"}, []string{
			`href="../../../2019/03/survey/index.html#results"`, `href="../../../2019/03/survey/index.html">b`,
			`href="https://old.example/pkg/context"`, `href="../../../2019/03/survey/index.html">d`,
			`href="https://elsewhere.example/x"`, `href="../../../2019/03/survey/index.html">f`, `src="https://old.example/img/chart.png"`}},
		{"absolute, no origin", Site{BaseURL: "https://new.example/"}, PageOptions{}, []string{
			`href="/2019/03/survey/#results"`, `href="/pkg/context"`, `href="/2019/03/survey/">b`, `src="/img/chart.png"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			idx, err := taxonomy.Build([]*post.Post{old, linker}, taxonomy.Options{})
			if err != nil {
				t.Fatal(err)
			}
			r, err := NewRenderer(&tc.site, idx, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.WritePost(&buf, linker); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("page lacks %s", w)
				}
			}
			if t.Failed() {
				i := strings.Index(buf.String(), "<a href")
				t.Logf("page: %s", buf.String()[max(0, i-100):min(len(buf.String()), i+900)])
			}
		})
	}
}
