package taxonomy

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	gocmp "github.com/google/go-cmp/cmp"
)

// generate makes n posts deterministically from seed: dates over 20 years
// in a few zones (one in 50 undated), 1-2 of 30 categories in a two-level
// hierarchy, 0-5 of 2,000 tags with the odd case-changed spelling, 1-2 of
// 50 authors, and colliding slugs now and then.
func generate(n int, seed uint64) []*post.Post {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	zones := []*time.Location{time.UTC, time.FixedZone("east", 9*3600), time.FixedZone("west", -7*3600)}
	start := time.Date(2006, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	posts := make([]*post.Post, n)
	for i := range posts {
		p := &post.Post{
			Title:  fmt.Sprintf("Post %d", i),
			Slug:   fmt.Sprintf("post-%d", i),
			Source: post.Source{Path: fmt.Sprintf("content/%06d.md", i), Line: 1},
		}
		if r.IntN(100) == 0 { // about 1% collide with another
			p.Slug = fmt.Sprintf("post-%d", r.IntN(n))
		}
		if r.IntN(50) != 0 {
			p.Date = time.Unix(start+r.Int64N(20*365*24*3600), 0).In(zones[r.IntN(len(zones))])
		}
		for range 1 + r.IntN(2) {
			c := r.IntN(30)
			t := post.Term{Name: fmt.Sprintf("Category %d", c), Slug: fmt.Sprintf("category-%d", c)}
			if c >= 5 {
				t.Parent = fmt.Sprintf("category-%d", c%5) // 0-4 are top-level
			}
			p.Categories = append(p.Categories, t)
		}
		for range r.IntN(6) {
			g := r.IntN(2000)
			name := fmt.Sprintf("Tag %d", g)
			if r.IntN(20) == 0 {
				name = fmt.Sprintf("tag %d", g)
			}
			p.Tags = append(p.Tags, post.Term{Name: name, Slug: fmt.Sprintf("tag-%d", g)})
		}
		for range 1 + r.IntN(2) {
			a := r.IntN(50)
			p.Authors = append(p.Authors, post.Author{Name: fmt.Sprintf("Author %d", a), Slug: fmt.Sprintf("author-%d", a)})
		}
		posts[i] = p
	}
	return posts
}

// TestProperties checks, over generated sets, that every post is in
// exactly the archive period of its date (or undated), in every term it
// carries and in no other, and that slugs end up unique.
func TestProperties(t *testing.T) {
	for seed := range uint64(5) {
		posts := generate(3000, seed)
		var loc *time.Location
		if seed%2 == 1 {
			loc = time.FixedZone("opt", 3*3600)
		}
		idx, err := Build(posts, Options{Location: loc})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		checkArchive(t, idx, posts, loc)
		checkTerms(t, idx, posts)
		slugs := map[string]bool{}
		for _, p := range posts {
			if slugs[p.Slug] {
				t.Errorf("seed %d: slug %s twice", seed, p.Slug)
			}
			slugs[p.Slug] = true
		}
	}
}

func checkArchive(t *testing.T, idx *Index, posts []*post.Post, loc *time.Location) {
	t.Helper()
	where := map[*post.Post][]string{}
	for y := range idx.Years() {
		for _, p := range y.Posts {
			where[p] = append(where[p], y.String())
		}
		for m := range y.Months() {
			for _, p := range m.Posts {
				where[p] = append(where[p], m.String())
			}
			for d := range m.Days() {
				for _, p := range d.Posts {
					where[p] = append(where[p], d.String())
				}
			}
		}
	}
	for _, p := range idx.Undated() {
		where[p] = append(where[p], "undated")
	}
	for _, p := range posts {
		want := []string{"undated"}
		if !p.Date.IsZero() {
			d := p.Date
			if loc != nil {
				d = d.In(loc)
			}
			want = []string{d.Format("2006"), d.Format("2006-01"), d.Format("2006-01-02")}
		}
		if got := where[p]; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s dated %v is in %v, want %v", p.Slug, p.Date, got, want)
		}
	}
}

func checkTerms(t *testing.T, idx *Index, posts []*post.Post) {
	t.Helper()
	in := map[string]int{} // "taxonomy/slug/post" -> times listed
	for name, term := range idx.Terms() {
		for _, p := range term.Posts {
			in[name+"/"+term.Slug+"/"+p.Slug]++
		}
	}
	want := map[string]int{}
	for _, p := range posts {
		for _, c := range p.Categories {
			want[Categories+"/"+c.Slug+"/"+p.Slug] = 1
		}
		for _, g := range p.Tags {
			want[Tags+"/"+g.Slug+"/"+p.Slug] = 1
		}
		for _, a := range p.Authors {
			want[Authors+"/"+a.Slug+"/"+p.Slug] = 1
		}
	}
	if len(in) != len(want) {
		t.Errorf("index files %d (term, post) pairs, posts carry %d", len(in), len(want))
	}
	for k, n := range in {
		if want[k] != n {
			t.Errorf("%s listed %d times, want %d", k, n, want[k])
		}
	}
}

// TestConcurrentReads runs every reader at once; go test -race checks it.
func TestConcurrentReads(t *testing.T) {
	posts := generate(500, 42)
	idx, err := Build(posts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := dump(idx, nil)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := dump(idx, nil); got != want {
				t.Errorf("goroutine %d: dump differs", g)
			}
			for i, p := range posts {
				if i%(g+1) == 0 {
					idx.Related(p, 5)
					idx.TermsOf(p, Tags)
				}
			}
			for _, term := range idx.Categories.ByCount() {
				term.Ancestors()
				term.Descendants()
				Paginate(term.AllPosts(), 10, "/c/", "/c/page/:num/")
			}
		}()
	}
	wg.Wait()
}

func benchmarkBuild(b *testing.B, n int) {
	posts := generate(n, 1)
	slugs := make([]string, n)
	for i, p := range posts {
		slugs[i] = p.Slug
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		for i, p := range posts { // Build renames duplicates; start each run alike
			p.Slug = slugs[i]
		}
		b.StartTimer()
		if _, err := Build(posts, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "posts/op")
}

func BenchmarkBuild10k(b *testing.B)  { benchmarkBuild(b, 10_000) }
func BenchmarkBuild100k(b *testing.B) { benchmarkBuild(b, 100_000) }

func BenchmarkRelated(b *testing.B) {
	posts := generate(100_000, 1)
	idx, err := Build(posts, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		idx.Related(posts[i%len(posts)], 5)
		i++
	}
}

// TestRelatedBruteForce compares Related with scoring every pair of posts.
func TestRelatedBruteForce(t *testing.T) {
	posts := generate(1500, 7)
	idx, err := Build(posts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := DefaultWeights()
	keys := func(p *post.Post) map[string]float64 {
		m := map[string]float64{}
		for _, c := range p.Categories {
			m["c/"+c.Slug] = w[Categories]
		}
		for _, g := range p.Tags {
			m["t/"+g.Slug] = w[Tags]
		}
		return m
	}
	for _, p := range posts[:100] {
		mine := keys(p)
		type cand struct {
			p     *post.Post
			score float64
		}
		var all []cand
		for _, q := range idx.Posts() {
			s := 0.0
			for k := range keys(q) {
				s += mine[k]
			}
			if q != p && s > 0 {
				all = append(all, cand{q, s})
			}
		}
		slices.SortStableFunc(all, func(a, b cand) int { return cmp.Compare(b.score, a.score) }) // Posts() is the tie order
		var want []string
		for _, c := range all[:min(7, len(all))] {
			want = append(want, c.p.Slug)
		}
		if diff := gocmp.Diff(want, slugsOf(idx.Related(p, 7))); diff != "" {
			t.Errorf("Related(%s) (-want +got):\n%s", p.Slug, diff)
		}
	}
}
