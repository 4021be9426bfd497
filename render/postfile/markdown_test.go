package postfile_test

import (
	"bytes"
	"flag"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// markdownFileUpdate reports whether -update was given (the flag lives in
// the package's internal test files).
func markdownFileUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// fullPost uses every field Markdown writes, in the shapes that need
// a mapping rather than a string.
func fullPost() *post.Post {
	zone := time.FixedZone("", -4*3600)
	return &post.Post{
		ID:      "wp-1234",
		Title:   "Everything: a \"post\" with # and ---",
		Slug:    "everything",
		Date:    time.Date(2011, 3, 4, 5, 6, 7, 0, zone),
		Updated: time.Date(2012, 1, 1, 0, 0, 0, 500, time.UTC),
		Expiry:  time.Date(2031, 1, 1, 0, 0, 0, 0, zone),
		Status:  post.Pending,
		Authors: []post.Author{
			{Name: "Jo Writer", Slug: "jo-writer"},
			{Name: "Admin", Slug: "admin", Email: "admin@example.com", URL: "https://example.com", Bio: "Runs things."},
		},
		Categories: []post.Term{
			{Name: "Parent", Slug: "parent"},
			{Name: "Child & Co", Slug: "child", Parent: "parent"},
		},
		Tags:       []post.Term{{Name: "47", Slug: "47"}, {Name: "true", Slug: "true"}, {Name: "a, b", Slug: "a-b"}},
		Taxonomies: map[string][]post.Term{"series": {{Name: "Long Series", Slug: "long-series"}}},
		Citations: []post.Citation{
			{Source: "Gazette"},
			{Source: "Wire", URL: "https://wire.example/1", Title: "Story"},
			{URL: "https://only-a-url.example"},
		},
		Summary: "Line one.\nLine two.",
		Body:    post.Body{Format: post.HTML, Text: "<p>WordPress body</p>\n\n---\n<p>after a rule</p>\n"},
		Params: map[string]any{
			"wp_post_id":  1234,
			"ratio":       1.0,
			"big":         1e21,
			"nan":         math.NaN(),
			"when":        "2020-01-01",
			"nested":      map[string]any{"list": []any{1, "two", nil, 3.5}},
			"sticky":      true,
			"description": "a second summary, kept as a param",
			"Title":       "a case-variant title key",
		},
	}
}

func TestMarkdownGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := postfile.Markdown(&buf, fullPost()); err != nil {
		t.Fatal(err)
	}
	golden := "testdata/markdownfile/full.md"
	if markdownFileUpdate() {
		if err := os.MkdirAll("testdata/markdownfile", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("Markdown mismatch (-want +got):\n%s", diff)
	}
}

// TestMarkdownRoundTrip reads what Markdown writes with
// source.ParseMarkdown and expects the same post back.
func TestMarkdownRoundTrip(t *testing.T) {
	opt := source.Options{} // files name their own custom taxonomies
	posts := map[string]*post.Post{
		"full":  fullPost(),
		"empty": {Slug: "empty", Status: post.Published, Body: post.Body{Format: post.Markdown}},
		"draft": {Title: "Draft", Slug: "draft", Status: post.Draft, Body: post.Body{Format: post.Text, Text: "Plain text.\n"}},
		// Params keys that ParseMarkdown would take for a field: the writer
		// must write those fields so that the keys stay params.
		"shadowed": {Slug: "shadowed", Status: post.Published, Body: post.Body{Format: post.Markdown, Text: "x"},
			Params: map[string]any{"published": true, "publishDate": "2020-01-01", "tag": "solo", "format": "html", "BY": []any{"someone"}}},
	}
	for name, p := range posts {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := postfile.Markdown(&buf, p); err != nil {
				t.Fatal(err)
			}
			back, err := source.ParseMarkdown(name+".md", buf.Bytes(), opt)
			if err != nil {
				t.Fatalf("reading back:\n%s\n%v", buf.String(), err)
			}
			diff := cmp.Diff(p, back, cmpopts.IgnoreFields(post.Post{}, "Source"), cmpopts.EquateNaNs())
			if diff != "" {
				t.Errorf("round trip (-want +got):\n%s\nfile:\n%s", diff, buf.String())
			}
		})
	}
}

func TestMarkdownRefuses(t *testing.T) {
	tests := map[string]*post.Post{
		"author without name": {Authors: []post.Author{{Email: "x@example.com"}}},
		"term without name":   {Tags: []post.Term{{Slug: "x"}}},
		"empty citation":      {Citations: []post.Citation{{}}},
		"year 10000":          {Date: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		"unencodable param":   {Params: map[string]any{"ch": make(chan int)}},
	}
	for name, p := range tests {
		var buf bytes.Buffer
		err := postfile.Markdown(&buf, p)
		if err == nil || !strings.HasPrefix(err.Error(), "postfile: ") {
			t.Errorf("%s: err = %v, want a postfile: error", name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %q despite the error", name, buf.String())
		}
	}
}

func ExampleMarkdown() {
	p := &post.Post{
		Title:      "Hello",
		Slug:       "hello",
		Date:       time.Date(2024, 3, 1, 9, 30, 0, 0, time.FixedZone("", 3600)),
		Status:     post.Draft,
		Authors:    []post.Author{{Name: "Sam", Slug: "sam"}},
		Categories: []post.Term{{Name: "Go", Slug: "go"}, {Name: "Generics", Slug: "generics", Parent: "go"}},
		Body:       post.Body{Format: post.Markdown, Text: "First post.\n"},
	}
	if err := postfile.Markdown(os.Stdout, p); err != nil {
		panic(err)
	}
	// Output:
	// ---
	// title: Hello
	// slug: hello
	// date: "2024-03-01T09:30:00+01:00"
	// draft: true
	// authors:
	//   - Sam
	// categories:
	//   - Go
	//   - {name: Generics, slug: generics, parent: go}
	// ---
	//
	// First post.
}
