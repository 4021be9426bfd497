package taxonomy

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

func TestEmpty(t *testing.T) {
	for _, posts := range [][]*post.Post{nil, {}} {
		idx, err := Build(posts, Options{})
		if err != nil {
			t.Fatalf("Build(empty) error: %v", err)
		}
		if idx.Len() != 0 || len(idx.Posts()) != 0 || len(idx.Undated()) != 0 || len(idx.Archive()) != 0 {
			t.Errorf("empty index has posts or periods")
		}
		if diff := cmp.Diff([]string{"categories", "tags", "authors"}, idx.Taxonomies()); diff != "" {
			t.Errorf("Taxonomies (-want +got):\n%s", diff)
		}
		for name, term := range idx.Terms() {
			t.Errorf("empty index has term %s/%s", name, term.Slug)
		}
		if idx.Tags.Get("x") != nil || idx.Taxonomy("series") != nil || idx.Year(2020) != nil {
			t.Errorf("lookups in an empty index found something")
		}
		if got := Paginate(idx.Posts(), 10, "/", "/page/:num/"); len(got) != 1 || len(got[0].Items) != 0 || got[0].Path != "/" {
			t.Errorf("Paginate(empty) = %+v, want one empty page at /", got)
		}
	}
}

func TestTermIdentity(t *testing.T) {
	tests := []struct {
		names    []string // one post per name, all in tags
		wantName map[string]string
		merged   []string
	}{
		{[]string{"Community", "community"}, map[string]string{"community": "Community"}, []string{"community"}},
		{[]string{"go", "Go", "go"}, map[string]string{"go": "go"}, []string{"go"}},
		{[]string{"Kim Jong Un", "Kim Jong-un"}, map[string]string{"kim-jong-un": "Kim Jong Un"}, []string{"kim-jong-un"}},
		{[]string{"C", "C++", "C#"}, map[string]string{"c": "C", "c-plus-plus": "C++", "c-sharp": "C#"}, nil},
		{[]string{"News", "News"}, map[string]string{"news": "News"}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.names, "|"), func(t *testing.T) {
			var posts []*post.Post
			for i, n := range tt.names {
				p := mk(t, fmt.Sprintf("p%d", i), "2020-01-01", nil, nil)
				p.Tags = []post.Term{{Name: n}} // no slug: Build slugifies
				posts = append(posts, p)
			}
			idx, err := Build(posts, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for term := range idx.Tags.All() {
				got[term.Slug] = term.Name
			}
			if diff := cmp.Diff(tt.wantName, got); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
			var merged []string
			for _, m := range idx.Merges() {
				merged = append(merged, m.Slug)
			}
			if diff := cmp.Diff(tt.merged, merged); diff != "" {
				t.Errorf("merges (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDuplicateSlugs(t *testing.T) {
	type in struct{ slug, date, path string }
	tests := []struct {
		name string
		in   []in
		want []Rename
	}{
		{"date order", []in{{"x", "2021-01-01", "b"}, {"x", "2020-01-01", "c"}, {"x", "2022-01-01", "a"}},
			[]Rename{{Path: "b", Line: 1, Old: "x", New: "x-2"}, {Path: "a", Line: 1, Old: "x", New: "x-3"}}},
		{"undated after dated", []in{{"x", "", "a"}, {"x", "2020-01-01", "b"}},
			[]Rename{{Path: "a", Line: 1, Old: "x", New: "x-2"}}},
		{"ties by path", []in{{"x", "2020-01-01", "b"}, {"x", "2020-01-01", "a"}},
			[]Rename{{Path: "b", Line: 1, Old: "x", New: "x-2"}}},
		{"numbered slug taken", []in{{"x", "2020-01-01", "a"}, {"x", "2021-01-01", "b"}, {"x-2", "2022-01-01", "c"}},
			[]Rename{{Path: "b", Line: 1, Old: "x", New: "x-3"}}},
		{"empty slug takes title", []in{{"", "2020-01-01", "a"}},
			[]Rename{{Path: "a", Line: 1, Old: "", New: "title"}}},
		{"no duplicates", []in{{"x", "2020-01-01", "a"}, {"y", "2020-01-01", "b"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var posts []*post.Post
			for _, p := range tt.in {
				posts = append(posts, &post.Post{Title: "Title", Slug: p.slug, Date: date(t, p.date), Source: post.Source{Path: p.path, Line: 1}})
			}
			idx, err := Build(posts, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, idx.Renamed()); diff != "" {
				t.Errorf("Renamed (-want +got):\n%s", diff)
			}
			seen := map[string]bool{}
			for _, p := range posts {
				if seen[p.Slug] {
					t.Errorf("slug %q used twice after Build", p.Slug)
				}
				seen[p.Slug] = true
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	p := mk(t, "a", "2020-01-01", nil, nil)
	p.Tags = []post.Term{{Name: "  "}, {Name: "Ok"}}
	idx, err := Build([]*post.Post{p, nil, p}, Options{})
	for _, want := range []error{ErrNilPost, ErrDuplicatePost, ErrEmptyTerm} {
		if !errors.Is(err, want) {
			t.Errorf("Build error %v does not wrap %v", err, want)
		}
	}
	if err != nil && !strings.HasPrefix(err.Error(), "taxonomy: ") {
		t.Errorf("error %q does not start with the package name", err)
	}
	if idx.Len() != 1 || idx.Tags.Len() != 1 || idx.Tags.Get("ok") == nil {
		t.Errorf("index after bad input: %d posts, %d tags; want 1 and 1 (ok)", idx.Len(), idx.Tags.Len())
	}
}

func TestHierarchyErrors(t *testing.T) {
	posts := []*post.Post{
		mk(t, "a", "2020-01-01", []string{"A>c", "B>a", "C>b"}, nil),
		mk(t, "b", "2020-01-02", []string{"Self>self", "Orphan>nowhere", "D>a", "E>b"}, nil),
		mk(t, "c", "2020-01-03", []string{"D>b"}, nil),
	}
	idx, err := Build(posts, Options{})
	for _, want := range []error{ErrCycle, ErrMissingParent, ErrParentConflict} {
		if !errors.Is(err, want) {
			t.Errorf("Build error %v does not wrap %v", err, want)
		}
	}
	for _, s := range []string{`"nowhere"`, `"orphan"`, "a -> c -> b -> a", "self -> self", `"d" has parents "a", "b"`} {
		if err == nil || !strings.Contains(err.Error(), s) {
			t.Errorf("Build error %v does not name %s", err, s)
		}
	}
	// The index stays usable: every term is reachable from a root, and
	// walking up always ends.
	n := 0
	for _, term := range idx.Categories.Tree() {
		n++
		if len(term.Ancestors()) > idx.Categories.Len() {
			t.Errorf("%s has more ancestors than terms", term.Slug)
		}
	}
	if n != idx.Categories.Len() {
		t.Errorf("Tree yields %d terms, want %d", n, idx.Categories.Len())
	}
	if got := idx.Categories.Get("d").Parent.Slug; got != "a" {
		t.Errorf("conflicting term's parent = %s, want a (smallest slug of the two used once each)", got)
	}
}

func TestDeepHierarchy(t *testing.T) {
	const depth = 2000
	var posts []*post.Post
	for i := range depth {
		parent := ""
		if i > 0 {
			parent = fmt.Sprintf("level-%d", i-1)
		}
		p := mk(t, fmt.Sprintf("p%d", i), "2020-01-01", nil, nil)
		p.Categories = []post.Term{{Name: fmt.Sprintf("Level %d", i), Slug: fmt.Sprintf("level-%d", i), Parent: parent}}
		posts = append(posts, p)
	}
	idx, err := Build(posts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	root, leaf := idx.Categories.Get("level-0"), idx.Categories.Get(fmt.Sprintf("level-%d", depth-1))
	if got := len(leaf.Ancestors()); got != depth-1 {
		t.Errorf("leaf has %d ancestors, want %d", got, depth-1)
	}
	if got := len(root.Descendants()); got != depth-1 {
		t.Errorf("root has %d descendants, want %d", got, depth-1)
	}
	if root.Count() != 1 || root.CountAll() != depth || leaf.CountAll() != 1 {
		t.Errorf("counts: root %d/%d leaf %d, want 1/%d 1", root.Count(), root.CountAll(), leaf.CountAll(), depth)
	}
	if len(idx.Categories.Roots()) != 1 {
		t.Errorf("%d roots, want 1", len(idx.Categories.Roots()))
	}
}

func TestAllPostsCountsOnce(t *testing.T) {
	posts := []*post.Post{
		mk(t, "both", "2020-01-02", []string{"Parent", "Child>parent"}, nil),
		mk(t, "child", "2020-01-01", []string{"Child>parent"}, nil),
		mk(t, "grand", "2020-01-03", []string{"Grandchild>child"}, nil),
	}
	idx, err := Build(posts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	parent := idx.Categories.Get("parent")
	if diff := cmp.Diff([]string{"grand", "both", "child"}, slugsOf(parent.AllPosts())); diff != "" {
		t.Errorf("AllPosts (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"both"}, slugsOf(parent.Posts)); diff != "" {
		t.Errorf("Posts (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"child", "grandchild"}, termSlugs(parent.Descendants())); diff != "" {
		t.Errorf("Descendants (-want +got):\n%s", diff)
	}
}

func TestLocation(t *testing.T) {
	// 23:30 on 31 March in New York is 04:30 on 1 April in UTC (EDT, -04:00).
	p := mk(t, "late", "2021-03-31T23:30:00-04:00", nil, nil)
	tests := []struct {
		loc  *time.Location
		want string
	}{
		{nil, "2021-03-31"},
		{time.UTC, "2021-04-01"},
		{time.FixedZone("far-west", -10*3600), "2021-03-31"},
	}
	for _, tt := range tests {
		idx, err := Build([]*post.Post{p}, Options{Location: tt.loc})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for d := range idx.Days() {
			got = append(got, d.String())
		}
		if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
			t.Errorf("Location %v: days (-want +got):\n%s", tt.loc, diff)
		}
		y, m, d := date(t, tt.want).Date()
		if idx.Day(y, m, d) == nil || idx.Month(y, m) == nil || idx.Year(y) == nil {
			t.Errorf("Location %v: lookups of %s failed", tt.loc, tt.want)
		}
	}
}

func TestPeriodLookups(t *testing.T) {
	idx, _ := Build([]*post.Post{mk(t, "a", "2020-02-29", nil, nil)}, Options{})
	for _, bad := range []*Period{idx.Month(2020, 0), idx.Month(2020, 13), idx.Day(2020, 2, 0), idx.Day(2020, 2, 32), idx.Year(2019)} {
		if bad != nil {
			t.Errorf("lookup out of range found %s", bad)
		}
	}
	y := idx.Year(2020)
	var days []string
	for d := range y.Days() {
		days = append(days, d.String())
	}
	for m := range idx.Month(2020, 2).Months() {
		t.Errorf("a month yields month %s", m)
	}
	for d := range idx.Day(2020, 2, 29).Days() {
		t.Errorf("a day yields day %s", d)
	}
	if diff := cmp.Diff([]string{"2020-02-29"}, days); diff != "" {
		t.Errorf("year's days (-want +got):\n%s", diff)
	}
}

func TestCustomTaxonomies(t *testing.T) {
	a := mk(t, "a", "2020-01-01", nil, []string{"Go"})
	a.Taxonomies = map[string][]post.Term{"series": terms("Intro"), "tags": terms("Extra"), "zones": terms("Z")}
	b := mk(t, "b", "2020-01-02", nil, nil)
	b.Taxonomies = map[string][]post.Term{"series": terms("Intro", "intro")}
	tests := []struct {
		only []string
		want []string
	}{
		{nil, []string{"categories", "tags", "authors", "series", "zones"}},
		{[]string{"series"}, []string{"categories", "tags", "authors", "series"}},
		{[]string{}, []string{"categories", "tags", "authors"}},
		{[]string{"zones", "absent"}, []string{"categories", "tags", "authors", "absent", "zones"}},
	}
	for _, tt := range tests {
		idx, err := Build([]*post.Post{a, b}, Options{Taxonomies: tt.only})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, idx.Taxonomies()); diff != "" {
			t.Errorf("Taxonomies %v (-want +got):\n%s", tt.only, diff)
		}
		if idx.Tags.Get("extra") == nil {
			t.Errorf("custom taxonomy named tags did not join Tags")
		}
		if s := idx.Taxonomy("series"); s != nil && s.Get("intro").Count() != 2 {
			t.Errorf("series/intro count = %d, want 2", s.Get("intro").Count())
		}
	}
}

func TestManyTerms(t *testing.T) {
	p := mk(t, "busy", "2020-01-01", nil, nil)
	for i := range 300 {
		p.Tags = append(p.Tags, post.Term{Name: fmt.Sprintf("Tag %d", i), Slug: fmt.Sprintf("tag-%d", i)})
	}
	p.Tags = append(p.Tags, p.Tags[0]) // listed twice: filed once
	q := mk(t, "quiet", "2019-01-01", nil, []string{"Tag 7"})
	idx, err := Build([]*post.Post{p, q}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if idx.Tags.Len() != 300 {
		t.Errorf("%d tags, want 300", idx.Tags.Len())
	}
	if got := idx.Tags.Get("tag-0").Count(); got != 1 {
		t.Errorf("tag listed twice counts %d, want 1", got)
	}
	if got := len(idx.TermsOf(p, Tags)); got != 300 {
		t.Errorf("TermsOf = %d terms, want 300", got)
	}
	if diff := cmp.Diff([]string{"tag-7", "tag-0"}, termSlugs(idx.Tags.ByCount()[:2])); diff != "" {
		t.Errorf("ByCount head (-want +got):\n%s", diff)
	}
}

func TestNewerOlder(t *testing.T) {
	posts := []*post.Post{
		mk(t, "a", "2020-01-01", nil, []string{"X"}),
		mk(t, "b", "2020-01-02", nil, nil),
		mk(t, "c", "2020-01-03", nil, []string{"X"}),
		mk(t, "u", "", nil, []string{"X"}),
	}
	idx, _ := Build(posts, Options{})
	x := idx.Tags.Get("x")
	tests := []struct {
		p                                  *post.Post
		newer, older, termNewer, termOlder string
	}{
		{posts[2], "-", "b", "-", "a"},
		{posts[1], "c", "a", "-", "-"},
		{posts[0], "b", "u", "c", "u"},
		{posts[3], "a", "-", "a", "-"},
		{&post.Post{Slug: "stranger"}, "-", "-", "-", "-"},
	}
	for _, tt := range tests {
		got := []string{slugOr(idx.Newer(tt.p)), slugOr(idx.Older(tt.p)), slugOr(x.Newer(tt.p)), slugOr(x.Older(tt.p))}
		want := []string{tt.newer, tt.older, tt.termNewer, tt.termOlder}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: newer, older, in term (-want +got):\n%s", tt.p.Slug, diff)
		}
	}
}

func TestRelated(t *testing.T) {
	posts := []*post.Post{
		mk(t, "me", "2020-01-10", []string{"Cat"}, []string{"A", "B"}, "Ann"),
		mk(t, "two-tags", "2020-01-01", nil, []string{"A", "B"}),
		mk(t, "tag-and-cat", "2020-01-02", []string{"Cat"}, []string{"A"}),
		mk(t, "one-tag-new", "2020-01-05", nil, []string{"B"}),
		mk(t, "one-tag-old", "2019-01-05", nil, []string{"A"}),
		mk(t, "cat-only", "2020-01-03", []string{"Cat"}, nil),
		mk(t, "author-only", "2020-01-04", nil, nil, "Ann"),
	}
	tests := []struct {
		name    string
		weights map[string]float64
		n       int
		want    []string
	}{
		{"defaults", nil, 10, []string{"two-tags", "tag-and-cat", "one-tag-new", "one-tag-old", "cat-only"}},
		{"top 2", nil, 2, []string{"two-tags", "tag-and-cat"}},
		{"categories weigh most", map[string]float64{Categories: 5, Tags: 1}, 3, []string{"tag-and-cat", "cat-only", "two-tags"}},
		{"authors only", map[string]float64{Authors: 1}, 10, []string{"author-only"}},
		{"nothing weighs", map[string]float64{}, 10, []string{}},
		{"n zero", nil, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx, _ := Build(posts, Options{Weights: tt.weights})
			got := idx.Related(posts[0], tt.n)
			if tt.want == nil {
				if got != nil {
					t.Errorf("Related = %v, want nil", slugsOf(got))
				}
				return
			}
			if diff := cmp.Diff(tt.want, slugsOf(got)); diff != "" {
				t.Errorf("Related (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRelatedFanout(t *testing.T) {
	var posts []*post.Post
	for i := range 100 {
		posts = append(posts, mk(t, fmt.Sprintf("p%03d", i), time.Date(2020, 1, 1, 0, i, 0, 0, time.UTC).Format(time.RFC3339), nil, []string{"All"}))
	}
	idx, _ := Build(posts, Options{MaxFanout: 10})
	// p050 sits in the middle: only the 10 posts nearest it in date are
	// scanned, and all score the same, so the newest of them come first.
	got := slugsOf(idx.Related(posts[50], 100))
	want := []string{"p055", "p054", "p053", "p052", "p051", "p049", "p048", "p047", "p046"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Related with MaxFanout 10 (-want +got):\n%s", diff)
	}
}

func TestPaginate(t *testing.T) {
	type pg struct {
		Number, Total, Offset int
		Items                 []int
		Path, First, Last     string
		Newer, Older          string
	}
	tests := []struct {
		name           string
		n, size        int
		first, pattern string
		want           []pg
	}{
		{"empty", 0, 10, "/", "/page/:num/", []pg{{1, 1, 0, nil, "/", "/", "/", "", ""}}},
		{"size zero", 3, 0, "/", "/page/:num/", []pg{{1, 1, 0, []int{0, 1, 2}, "/", "/", "/", "", ""}}},
		{"exact", 4, 2, "/", "/page/:num/", []pg{
			{1, 2, 0, []int{0, 1}, "/", "/", "/page/2/", "", "/page/2/"},
			{2, 2, 2, []int{2, 3}, "/page/2/", "/", "/page/2/", "/", ""},
		}},
		{"no first, no :num", 3, 2, "", "/tags/go/", []pg{
			{1, 2, 0, []int{0, 1}, "/tags/go/1", "/tags/go/1", "/tags/go/2", "", "/tags/go/2"},
			{2, 2, 2, []int{2}, "/tags/go/2", "/tags/go/1", "/tags/go/2", "/tags/go/1", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var items []int
			for i := range tt.n {
				items = append(items, i)
			}
			var got []pg
			for _, p := range Paginate(items, tt.size, tt.first, tt.pattern) {
				got = append(got, pg{p.Number, p.Total, p.Offset, p.Items, p.Path, p.First, p.Last, p.Newer, p.Older})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Paginate (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDeclaredTerms(t *testing.T) {
	posts := []*post.Post{
		mk(t, "a", "2020-01-01", []string{"Dinghies>boats"}, nil),
		mk(t, "b", "2020-01-02", []string{"Keelboats"}, nil),
	}
	declared := map[string][]post.Term{Categories: {
		{Name: "Boats", Slug: "boats", Parent: "Sport"}, // a parent by name
		{Name: "Sport", Slug: "sport"},
		{Name: "Keelboats", Slug: "keelboats", Parent: "boats"},
		{Name: "Unused", Slug: "unused"},
	}}
	if _, err := Build(posts, Options{}); !errors.Is(err, ErrMissingParent) {
		t.Errorf("without declared terms: error %v, want ErrMissingParent", err)
	}
	idx, err := Build(posts, Options{Terms: declared})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for depth, term := range idx.Categories.Tree() {
		got = append(got, fmt.Sprintf("%d %s %d/%d", depth, term.Name, term.Count(), term.CountAll()))
	}
	want := []string{"0 Sport 0/2", "1 Boats 0/2", "2 Dinghies 1/1", "2 Keelboats 1/1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tree (-want +got):\n%s", diff)
	}
	if !idx.Categories.Get("sport").Latest().IsZero() || len(idx.Merges()) != 0 {
		t.Errorf("a declared ancestor has a date or a merge")
	}
	if diff := cmp.Diff([]string{"keelboats", "dinghies", "boats", "sport"}, termSlugs(idx.Categories.ByLatest())); diff != "" {
		t.Errorf("ByLatest (-want +got):\n%s", diff)
	}
}
