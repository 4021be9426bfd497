package taxonomy

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
)

// fuzzPosts decodes data into posts, 4 bytes each, over tiny alphabets so
// that slugs collide, names merge and parents form cycles often.
func fuzzPosts(data []byte) []*post.Post {
	var posts []*post.Post
	names := []string{"A", "a", "B", "b-c", "B C", "", " "}
	for i := 0; i+4 <= len(data) && i < 400; i += 4 {
		b := data[i : i+4]
		p := &post.Post{
			Title:  names[int(b[0])%len(names)],
			Slug:   names[int(b[0]>>3)%len(names)],
			Source: post.Source{Path: fmt.Sprintf("p%04d", i/4), Line: 1},
		}
		if b[1]%5 != 0 {
			p.Date = time.Date(2020, time.Month(b[1]%12+1), int(b[1]%28+1), int(b[2]%24), 0, 0, 0, time.FixedZone("z", (int(b[2]%5)-2)*3600))
		}
		for j := range int(b[3] % 4) {
			t := post.Term{Name: names[int(b[j])%len(names)], Parent: names[int(b[3]>>(2+j))%len(names)]}
			p.Categories = append(p.Categories, t)
			p.Tags = append(p.Tags, t)
		}
		posts = append(posts, p)
	}
	return posts
}

// FuzzBuild checks that Build never panics or hangs on odd input, hands out
// unique slugs, keeps every term reachable, and does not depend on the
// order of the posts given.
func FuzzBuild(f *testing.F) {
	f.Add([]byte("seed data for the taxonomy fuzzer"))
	f.Add([]byte{0, 1, 2, 3, 8, 9, 10, 11, 0, 0, 0, 0, 255, 255, 255, 255})
	f.Fuzz(func(t *testing.T, data []byte) {
		idx, err := Build(fuzzPosts(data), Options{})
		want := sortedLines(dump(idx, err))
		seen := map[string]bool{}
		for p := range idx.All() {
			if p.Slug == "" || seen[p.Slug] {
				t.Fatalf("slug %q empty or repeated", p.Slug)
			}
			seen[p.Slug] = true
		}
		for _, name := range idx.Taxonomies() {
			n := 0
			for range idx.Taxonomy(name).Tree() {
				n++
			}
			if n != idx.Taxonomy(name).Len() {
				t.Fatalf("%s: Tree yields %d of %d terms", name, n, idx.Taxonomy(name).Len())
			}
		}
		reversed := fuzzPosts(data)
		slices.Reverse(reversed)
		idx2, err2 := Build(reversed, Options{})
		if got := sortedLines(dump(idx2, err2)); got != want {
			t.Fatalf("Build depends on input order:\n%s\nvs\n%s", want, got)
		}
	})
}

// sortedLines sorts the lines of s: errors about posts come in input
// order, the rest of a dump does not depend on it.
func sortedLines(s string) string {
	lines := strings.Split(s, "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
