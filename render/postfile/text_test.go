package postfile

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
)

// textSamples are the posts of the plain-text golden files in
// testdata/text.
func textSamples() map[string]*post.Post {
	march3 := time.Date(2017, 3, 3, 0, 0, 0, 0, time.UTC)
	return map[string]*post.Post{
		"title-only": {Title: "Just a Title", Body: post.Body{Format: post.Text}},
		"full": {
			Title:      "Council Approves the Harbour Budget",
			Date:       march3,
			Authors:    []post.Author{{Name: "Priya Nair"}, {Name: "Bo Chen"}},
			Categories: []post.Term{{Name: "Politics"}, {Name: "Stand by Me"}},
			Tags:       []post.Term{{Name: "budget"}, {Name: "Focus on 2017"}},
			Citations:  []post.Citation{{Source: "Harbour Board"}, {Source: "Minutes", URL: "https://council.example.org/m?id=3"}},
			Body:       post.Body{Format: post.Text, Text: "The vote passed seven to two.\n\nRepairs to the [north] wall come first."},
		},
		"no-meta": {
			Title: "Notes Without a Footer",
			Body:  post.Body{Format: post.Text, Text: "A post from a theme that shows no entry meta."},
		},
		"footer-like-last-paragraph": {
			Title: "Paragraphs That Look Like a Footer",
			Body:  post.Body{Format: post.Text, Text: "Posted on the fridge by my sister.\n\nThis entry was posted as a joke."},
		},
		"tags-and-date": {
			Title: "A Fox on the Tram Platform",
			Date:  time.Date(2017, 5, 9, 0, 0, 0, 0, time.FixedZone("CEST", 2*60*60)),
			Tags:  []post.Term{{Name: "foxes"}, {Name: "urban wildlife"}},
			Body:  post.Body{Format: post.Text, Text: "Commuters filmed the fox."},
		},
	}
}

func TestTextGolden(t *testing.T) {
	for name, p := range textSamples() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Text(&buf, p); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "testdata/text/"+name+".txt", buf.Bytes())
		})
	}
}

// TestTextRefuses lists posts the format cannot carry: Text must say so
// rather than write something that reads back differently.
func TestTextRefuses(t *testing.T) {
	ok := func() *post.Post {
		return &post.Post{Title: "T", Body: post.Body{Format: post.Text, Text: "p"}}
	}
	tests := map[string]func(p *post.Post){
		"empty title":            func(p *post.Post) { p.Title = "" },
		"title line break":       func(p *post.Post) { p.Title = "a\nb" },
		"title carriage return":  func(p *post.Post) { p.Title = "a\rb" },
		"title white space":      func(p *post.Post) { p.Title = " a" },
		"title BOM":              func(p *post.Post) { p.Title = "\ufeffa" },
		"title not UTF-8":        func(p *post.Post) { p.Title = "a\xff" },
		"markdown body":          func(p *post.Post) { p.Body.Format = post.Markdown },
		"empty paragraph":        func(p *post.Post) { p.Body.Text = "a\n\n\n\nb" },
		"paragraph line break":   func(p *post.Post) { p.Body.Text = "a\nb" },
		"paragraph white space":  func(p *post.Post) { p.Body.Text = "a \n\nb" },
		"byline paragraph":       func(p *post.Post) { p.Body.Text = "Posted on May 1, 2017 by Ann\n\nb" },
		"citation paragraph":     func(p *post.Post) { p.Body.Text = "a\n\n[CNN]" },
		"citation-URL paragraph": func(p *post.Post) { p.Body.Text = "[CNN](http://x)" },
		"category comma":         func(p *post.Post) { p.Categories = []post.Term{{Name: "A, B"}} },
		"tag bar":                func(p *post.Post) { p.Tags = []post.Term{{Name: "A | B"}} },
		"category and tagged": func(p *post.Post) {
			p.Categories = []post.Term{{Name: "x and tagged"}}
			p.Tags = []post.Term{{Name: "y"}}
		},
		"empty tag": func(p *post.Post) { p.Tags = []post.Term{{Name: ""}} },
		"author by": func(p *post.Post) { p.Authors = []post.Author{{Name: "Ann by the Sea"}} },
		"category ends by, date": func(p *post.Post) {
			p.Categories = []post.Term{{Name: "Stand by"}}
			p.Date = time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC)
		},
		"tag starts and tagged":      func(p *post.Post) { p.Categories = []post.Term{{Name: "A"}, {Name: "and tagged B"}} },
		"category starts and tagged": func(p *post.Post) { p.Categories = []post.Term{{Name: "and tagged B"}} },
		"author starts by":           func(p *post.Post) { p.Authors = []post.Author{{Name: "by 0"}} },
		"second author by":           func(p *post.Post) { p.Authors = []post.Author{{Name: "A"}, {Name: "by B"}} },
		"category by, no author":     func(p *post.Post) { p.Categories = []post.Term{{Name: "Stand by Me"}} },
		"category on digits":         func(p *post.Post) { p.Categories = []post.Term{{Name: "Focus on 2017"}} },
		"permalink name":             func(p *post.Post) { p.Authors = []post.Author{{Name: "X. Bookmark the permalink"}} },
		"permalink name, no space":   func(p *post.Post) { p.Authors = []post.Author{{Name: "X.Bookmark the permalink"}} },
		"no-break space in name":     func(p *post.Post) { p.Authors = []post.Author{{Name: "Ann\u00a0Lee"}} },
		"two spaces in name":         func(p *post.Post) { p.Categories = []post.Term{{Name: "A  B"}} },
		"footer paragraph last":      func(p *post.Post) { p.Body.Text = "x\n\nThis entry was posted in X."; p.Citations = nil },
		"author box last":            func(p *post.Post) { p.Body.Text = "About A\n\nbio\n\nView all posts by A"; p.Citations = nil },
		"posted-in sentence last":    func(p *post.Post) { p.Body.Text = "x\n\nPosted in News."; p.Citations = nil },
		"tagged sentence last":       func(p *post.Post) { p.Body.Text = "x\n\nThis entry was tagged a."; p.Citations = nil },
		"updated without date":       func(p *post.Post) { p.Date = time.Time{}; p.Updated = time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC) },
		"comments link first":        func(p *post.Post) { p.Body.Text = "Leave a reply\n\nx" },
		"published byline first":     func(p *post.Post) { p.Body.Text = "Published May 1, 2017\n\nx" },
		"spaced byline first":        func(p *post.Post) { p.Body.Text = "Posted\ton May 1, 2017\n\nx" },
		"kubrick words":              func(p *post.Post) { p.Authors = []post.Author{{Name: "x and is filed under y"}} },
		"seconds":                    func(p *post.Post) { p.Date = time.Date(2017, 1, 2, 3, 4, 5, 0, time.UTC) },
		"year 10000":                 func(p *post.Post) { p.Date = time.Date(10000, 1, 2, 0, 0, 0, 0, time.UTC) },
		"citation bracket":           func(p *post.Post) { p.Citations = []post.Citation{{Source: "a]b"}} },
		"citation URL space":         func(p *post.Post) { p.Citations = []post.Citation{{Source: "a", URL: "http://x/a b"}} },
		"citation URL paren":         func(p *post.Post) { p.Citations = []post.Citation{{Source: "a", URL: "http://x/(b)"}} },
		"citation title":             func(p *post.Post) { p.Citations = []post.Citation{{Source: "a", Title: "t"}} },
		"draft":                      func(p *post.Post) { p.Status = post.Draft },
		"id":                         func(p *post.Post) { p.ID = "7" },
		"updated":                    func(p *post.Post) { p.Updated = time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC) },
		"expiry":                     func(p *post.Post) { p.Expiry = time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC) },
		"summary":                    func(p *post.Post) { p.Summary = "s" },
		"params":                     func(p *post.Post) { p.Params = map[string]any{"k": 1} },
		"taxonomies":                 func(p *post.Post) { p.Taxonomies = map[string][]post.Term{"series": {{Name: "s"}}} },
		"author email":               func(p *post.Post) { p.Authors = []post.Author{{Name: "A", Email: "a@example.org"}} },
		"term parent":                func(p *post.Post) { p.Categories = []post.Term{{Name: "A", Parent: "b"}} },
	}
	for name, spoil := range tests {
		t.Run(name, func(t *testing.T) {
			p := ok()
			spoil(p)
			var buf bytes.Buffer
			err := Text(&buf, p)
			if !errors.Is(err, ErrText) {
				t.Fatalf("Text error = %v, want ErrText", err)
			}
			if !strings.HasPrefix(err.Error(), "postfile: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
			if buf.Len() != 0 {
				t.Errorf("Text wrote %q on error, want nothing", buf.String())
			}
		})
	}
	if err := Text(&bytes.Buffer{}, ok()); err != nil {
		t.Fatalf("the unspoilt post fails: %v", err)
	}
	if err := Text(&bytes.Buffer{}, nil); !errors.Is(err, ErrText) {
		t.Errorf("Text(nil) = %v, want ErrText", err)
	}
}

// TestTextAccepts lists look-alikes that the reader reads as what they
// are, so Text must write them.
func TestTextAccepts(t *testing.T) {
	posts := []*post.Post{
		{Title: "[CNN]", Body: post.Body{Format: post.Text, Text: "Posted on the fridge by Ann"}},
		{Title: "T", Body: post.Body{Format: post.Text, Text: "[CNN]\n\nlast"}},
		{Title: "T", Date: time.Date(2017, 3, 3, 16, 5, 0, 0, time.UTC)},
		{Title: "T", Date: time.Date(2017, 3, 3, 0, 0, 0, 0, time.UTC), Updated: time.Date(2017, 3, 9, 13, 30, 0, 0, time.UTC)},
		{Title: "T", Body: post.Body{Format: post.Text, Text: "This entry was posted late."}},
		{Title: "T", Body: post.Body{Format: post.Text, Text: "This entry was posted in X"}},
		{Title: "T", Body: post.Body{Format: post.Text, Text: "This entry was posted in X.\n\nEdit"}},
		{Title: "T", Body: post.Body{Format: post.Text, Text: "Tagged b"}},
		{Title: "T", Body: post.Body{Format: post.Text, Text: "x\n\nLeave a comment"}},
		{Title: "T", Body: post.Body{Format: post.Text, Text: "x\n\nThis entry was posted in X."}, Citations: []post.Citation{{Source: "CNN"}}},
		{Title: "T", Authors: []post.Author{{Name: "Ann"}}, Categories: []post.Term{{Name: "Stand by Me"}}},
		{Title: "T", Categories: []post.Term{{Name: "Focus on Health"}}},
		{Title: "T", Categories: []post.Term{{Name: "x and tagged"}}},
		{Title: "T", Categories: []post.Term{{Name: "Stand by Me"}, {Name: "Focus on 2017"}}, Tags: []post.Term{{Name: "x"}}},
		{Title: "T", Date: time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC), Categories: []post.Term{{Name: "Route on 66"}}},
	}
	for _, p := range posts {
		if err := Text(&bytes.Buffer{}, p); err != nil {
			t.Errorf("Text(%+v) = %v, want no error", p, err)
		}
	}
}

func BenchmarkText(b *testing.B) {
	p := textSamples()["full"]
	p.Body.Text = strings.TrimSuffix(strings.Repeat("The harbour wall was rebuilt in stone after the storm.\n\n", 200), "\n\n")
	var buf bytes.Buffer
	if err := Text(&buf, p); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Text(&buf, p); err != nil {
			b.Fatal(err)
		}
	}
}
