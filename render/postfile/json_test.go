package postfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

// jsonSamples are the posts of the JSON golden files, one per file in
// testdata/json.
func jsonSamples() map[string]*post.Post {
	paris := time.FixedZone("CET", 60*60)
	return map[string]*post.Post{
		"zero": {},
		"text": {
			Title:      "Night Trains Return to the Coast Line",
			Slug:       "night-trains-return-to-the-coast-line",
			Date:       time.Date(2017, 3, 3, 0, 0, 0, 0, time.UTC),
			Status:     post.Published,
			Authors:    []post.Author{{Name: "Priya Nair", Slug: "priya-nair"}},
			Categories: []post.Term{{Name: "Transport", Slug: "transport"}},
			Tags:       []post.Term{{Name: "trains", Slug: "trains"}, {Name: "sleepers", Slug: "sleepers"}},
			Citations:  []post.Citation{{Source: "Rail Desk"}, {Source: "Timetable", URL: "https://rail.example.org/t?a=1&b=2"}},
			Body:       post.Body{Format: post.Text, Text: "After a gap of nine years, sleepers return.\n\nTickets go on sale soon."},
			Source:     post.Source{Path: "2017/night-trains.txt", Format: "text", Line: 1},
		},
		"full": {
			ID:         "post-17",
			Title:      "Tags <b> & \"Quotes\"",
			Slug:       "tags-b-quotes",
			Date:       time.Date(2020, 2, 29, 18, 30, 5, 250000000, paris),
			Updated:    time.Date(2021, 1, 1, 9, 0, 0, 0, time.UTC),
			Status:     post.Draft,
			Authors:    []post.Author{{Name: "Zoë Ångström", Slug: "zoe-angstrom", Email: "zoe@example.org"}},
			Categories: []post.Term{{Name: "Parent", Slug: "parent"}, {Name: "Child", Slug: "child", Parent: "parent"}},
			Citations:  []post.Citation{{Source: "Wire", URL: "https://wire.example.com/", Title: "A <wire> story"}},
			Summary:    "An explicit summary.",
			Body:       post.Body{Format: post.Markdown, Text: "Some *emphasis* and <br> & more.\n\nSecond paragraph."},
			Params:     map[string]any{"weight": 3, "draft_note": "x < y", "nested": map[string]any{"b": []any{1, "two"}, "a": true}},
			Source:     post.Source{Path: "content/posts/tags.md", Format: "markdown", Line: 1},
		},
	}
}

func TestJSONGolden(t *testing.T) {
	for name, p := range jsonSamples() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := JSON(&buf, p); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "testdata/json/"+name+".json", buf.Bytes())
		})
	}
}

// TestJSONShape checks the promises of the JSON form that goldens could
// hide: lists are [] and never null, params is {}, unknown dates are left
// out, and nothing is HTML-escaped.
func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, &post.Post{Title: "a < b & c"}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"authors", "categories", "tags", "citations"} {
		if list, ok := got[key].([]any); !ok || len(list) != 0 {
			t.Errorf("%s = %#v, want []", key, got[key])
		}
	}
	if params, ok := got["params"].(map[string]any); !ok || len(params) != 0 {
		t.Errorf("params = %#v, want {}", got["params"])
	}
	for _, key := range []string{"date", "updated"} {
		if _, ok := got[key]; ok {
			t.Errorf("%s present for a zero time", key)
		}
	}
	if got["status"] != "published" {
		t.Errorf("status = %v, want published for the zero Status", got["status"])
	}
	if !strings.Contains(buf.String(), `"title": "a < b & c"`) || !strings.HasSuffix(buf.String(), "}\n") {
		t.Errorf("want unescaped title, 2-space indent and a trailing newline:\n%s", buf.String())
	}
}

func TestJSONFieldOrder(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, &post.Post{}); err != nil {
		t.Fatal(err)
	}
	var keys []string
	dec := json.NewDecoder(&buf)
	if _, err := dec.Token(); err != nil { // the opening {
		t.Fatal(err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"title", "slug", "status", "kind", "protected", "aliases", "authors", "categories", "tags", "citations", "summary",
		"body_format", "dialect", "body", "word_count", "reading_minutes", "source", "params"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
}

func TestJSONBadParams(t *testing.T) {
	var buf bytes.Buffer
	err := JSON(&buf, &post.Post{Params: map[string]any{"x": math.NaN()}})
	var unsupported *json.UnsupportedValueError
	if !errors.As(err, &unsupported) || !strings.HasPrefix(err.Error(), "postfile: ") {
		t.Errorf("JSON error = %v, want a postfile: error wrapping *json.UnsupportedValueError", err)
	}
	if buf.Len() != 0 {
		t.Errorf("JSON wrote %q on error, want nothing", buf.String())
	}
}

func TestJSONNil(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, nil); err == nil || buf.Len() != 0 {
		t.Errorf("JSON(nil) = %v and wrote %q, want an error and nothing", err, buf.String())
	}
	if got := NewJSONPost(nil); got.Authors == nil || got.Params == nil || got.Status != post.Published {
		t.Errorf("NewJSONPost(nil) = %+v, want the form of an empty post", got)
	}
}

func BenchmarkJSON(b *testing.B) {
	p := jsonSamples()["text"]
	p.Body.Text = strings.Repeat("The harbour wall was rebuilt in stone after the storm.\n\n", 200)
	var buf bytes.Buffer
	if err := JSON(&buf, p); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := JSON(&buf, p); err != nil {
			b.Fatal(err)
		}
	}
}

// TestJSONProtected: a protected post's text is left out of its JSON form
// unless asked for; the rest of it says that it exists.
func TestJSONProtected(t *testing.T) {
	p := &post.Post{Title: "Members", Protected: true, Summary: "Secret summary.",
		Body: post.Body{Format: post.Text, Text: "The vault code is under the mat."}, Aliases: []string{"/?p=7"}}
	var buf bytes.Buffer
	if err := JSON(&buf, p); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "vault") || strings.Contains(buf.String(), "Secret") || !strings.Contains(buf.String(), `"protected": true`) {
		t.Errorf("protected post's JSON:\n%s", buf.String())
	}
	j := NewJSONPostWith(p, JSONOptions{Protected: true})
	if j.Body != p.Body.Text || j.Summary != p.Summary || j.WordCount != 7 || !cmp.Equal(j.Aliases, p.Aliases) {
		t.Errorf("opted in: %+v", j)
	}
}

// TestJSONWordCountExpanded: the JSON form counts the words of the
// expanded body, not the shortcodes' syntax.
func TestJSONWordCountExpanded(t *testing.T) {
	p := &post.Post{Body: post.Body{Format: post.Markdown, Dialect: post.Hugo,
		Text: "Three short words {{< figure src=\"a.png\" title=\"x\" class=\"y\" >}}"}}
	if got := NewJSONPost(p).WordCount; got != 4 {
		t.Errorf("word_count %d, want 4 (three words and the figure's title)", got)
	}
}
