package postfile

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

// jsonDoc is the page that documents the JSON form of a post.
const jsonDoc = "../../docs/json.md"

// jsonDocPost is the post docs/json.md shows in JSON: every field set, so
// that every key of the form appears in the example.
func jsonDocPost() *post.Post {
	return &post.Post{
		Title:   "Fog & Ferries",
		Slug:    "fog-ferries",
		Date:    time.Date(2017, 3, 3, 9, 30, 0, 0, time.FixedZone("", 3600)),
		Updated: time.Date(2017, 3, 4, 8, 0, 0, 0, time.UTC),
		Status:  post.Published,
		Authors: []post.Author{{Name: "Ann Lee", Slug: "ann-lee", Email: "ann@example.org"}},
		Categories: []post.Term{
			{Name: "Travel", Slug: "travel"},
			{Name: "Boats", Slug: "boats", Parent: "travel"},
		},
		Tags:      []post.Term{{Name: "fog", Slug: "fog"}},
		Aliases:   []string{"/2017/03/fog/"},
		Citations: []post.Citation{{Source: "Harbour News", URL: "https://news.example.org/fog", Title: "Ferries stay in port"}},
		Body: post.Body{Format: post.Markdown, Dialect: post.Hugo,
			Text: "The morning ferry was cancelled.\n\n<!--more-->\n\nBy noon the fog had lifted."},
		Source: post.Source{Path: "2017/fog-ferries.md", Format: "markdown", Line: 1},
		Params: map[string]any{"mood": "grey", "rating": 4},
	}
}

// jsonBlock finds the first ```json block of the doc.
var jsonBlock = regexp.MustCompile("(?s)```json\n(.*?)```")

// TestJSONDoc checks docs/json.md against JSON: its example is exactly what
// JSON writes for jsonDocPost (go test ./render/postfile -update rewrites it), and
// its table has a row for every key JSON writes.
func TestJSONDoc(t *testing.T) {
	doc, err := os.ReadFile(jsonDoc)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := JSON(&got, jsonDocPost()); err != nil {
		t.Fatal(err)
	}
	m := jsonBlock.FindSubmatchIndex(doc)
	if m == nil {
		t.Fatalf("%s has no ```json block", jsonDoc)
	}
	if *update {
		out := append(append(append([]byte{}, doc[:m[2]]...), got.Bytes()...), doc[m[3]:]...)
		if err := os.WriteFile(jsonDoc, out, 0o644); err != nil {
			t.Fatal(err)
		}
		doc = out
		m = jsonBlock.FindSubmatchIndex(doc)
	}
	if diff := cmp.Diff(string(doc[m[2]:m[3]]), got.String()); diff != "" {
		t.Errorf("%s's example is not what postfile.JSON writes (-doc +JSON); go test ./render/postfile -update rewrites it:\n%s", jsonDoc, diff)
	}
	var v map[string]any
	if err := json.Unmarshal(got.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	table := string(doc[m[3]:])
	for _, key := range jsonKeys("", v) {
		if !strings.Contains(table, "| `"+key+"` |") {
			t.Errorf("%s has no table row for %q", jsonDoc, key)
		}
	}
}

// jsonKeys lists the keys of v and of the objects inside it, inner keys as
// "outer.inner" (in a list, "outer[].inner"), params' own keys left out.
func jsonKeys(prefix string, v any) []string {
	var keys []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			keys = append(keys, prefix+k)
			if prefix+k != "params" {
				keys = append(keys, jsonKeys(prefix+k+".", x)...)
			}
		}
	case []any:
		for _, x := range v {
			keys = append(keys, jsonKeys(strings.TrimSuffix(prefix, ".")+"[].", x)...)
		}
	}
	sort.Strings(keys)
	return slices.Compact(keys)
}
