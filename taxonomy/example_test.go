package taxonomy_test

import (
	"fmt"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/taxonomy"
)

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func examplePosts() []*post.Post {
	return []*post.Post{
		{Title: "Seeds", Slug: "seeds", Date: day("2024-03-02"),
			Categories: []post.Term{{Name: "Garden", Slug: "garden"}},
			Tags:       []post.Term{{Name: "Spring", Slug: "spring"}, {Name: "Tomatoes", Slug: "tomatoes"}}},
		{Title: "Frost", Slug: "frost", Date: day("2024-01-15"),
			Categories: []post.Term{{Name: "garden", Slug: "garden"}},
			Tags:       []post.Term{{Name: "Winter", Slug: "winter"}}},
		{Title: "Trellis", Slug: "trellis", Date: day("2023-06-30"),
			Categories: []post.Term{{Name: "Garden", Slug: "garden"}},
			Tags:       []post.Term{{Name: "Tomatoes", Slug: "tomatoes"}}},
		{Title: "Someday", Slug: "someday"},
	}
}

func ExampleBuild() {
	idx, err := taxonomy.Build(examplePosts(), taxonomy.Options{})
	if err != nil {
		fmt.Println(err)
	}
	for t := range idx.Tags.All() {
		fmt.Println(t.Name, t.Count())
	}
	for _, m := range idx.Merges() {
		fmt.Println("merged:", m.Taxonomy, m.Slug, m.Names)
	}
	// Output:
	// Spring 1
	// Tomatoes 2
	// Winter 1
	// merged: categories garden [{Garden 2} {garden 1}]
}

func ExampleIndex_Years() {
	idx, _ := taxonomy.Build(examplePosts(), taxonomy.Options{})
	for y := range idx.Years() {
		fmt.Println(y, y.Count())
		for m := range y.Months() {
			fmt.Println(" ", m, m.Count())
		}
	}
	fmt.Println("undated", len(idx.Undated()))
	// Output:
	// 2024 2
	//   2024-03 1
	//   2024-01 1
	// 2023 1
	//   2023-06 1
	// undated 1
}

func ExampleIndex_Related() {
	posts := examplePosts()
	idx, _ := taxonomy.Build(posts, taxonomy.Options{})
	for _, p := range idx.Related(posts[0], 2) {
		fmt.Println(p.Slug)
	}
	// Output:
	// trellis
	// frost
}

func ExampleTerm_Ancestors() {
	posts := []*post.Post{{Slug: "p", Date: day("2024-01-01"), Categories: []post.Term{
		{Name: "Europe", Slug: "europe"},
		{Name: "France", Slug: "france", Parent: "europe"},
		{Name: "Paris", Slug: "paris", Parent: "france"},
	}}}
	idx, _ := taxonomy.Build(posts, taxonomy.Options{})
	for _, a := range idx.Categories.Get("paris").Ancestors() {
		fmt.Println(a.Name)
	}
	for depth, t := range idx.Categories.Tree() {
		fmt.Printf("%*s%s\n", 2*depth, "", t.Name)
	}
	// Output:
	// France
	// Europe
	// Europe
	//   France
	//     Paris
}

func ExamplePaginate() {
	posts := []string{"e", "d", "c", "b", "a"}
	for _, pg := range taxonomy.Paginate(posts, 2, "/", "/page/:num/") {
		fmt.Println(pg.Number, pg.Path, pg.Items, "newer:", pg.Newer, "older:", pg.Older)
	}
	// Output:
	// 1 / [e d] newer:  older: /page/2/
	// 2 /page/2/ [c b] newer: / older: /page/3/
	// 3 /page/3/ [a] newer: /page/2/ older:
}
