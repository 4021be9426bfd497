package post_test

import (
	"errors"
	"fmt"

	"github.com/folio-go/folio/post"
)

func ExampleSlugify() {
	for _, title := range []string{"Hello, World!", "C", "C++", "C#", ".NET", "Q&A", "Kim Jong-un", "東アジア", "", "???"} {
		fmt.Printf("%q -> %s\n", title, post.Slugify(title))
	}
	// Output:
	// "Hello, World!" -> hello-world
	// "C" -> c
	// "C++" -> c-plus-plus
	// "C#" -> c-sharp
	// ".NET" -> dotnet
	// "Q&A" -> q-and-a
	// "Kim Jong-un" -> kim-jong-un
	// "東アジア" -> dong-azia
	// "" -> untitled
	// "???" -> x-7bcac794
}

func ExampleSlugger_Slug() {
	german := post.Slugger{Lang: "de"}
	fmt.Println(german.Slug("Müller & Söhne"))

	unicode := post.Slugger{KeepUnicode: true}
	fmt.Println(unicode.Slug("東アジア Today"))

	short := post.Slugger{MaxLength: 20}
	fmt.Println(short.Slug("The quick brown fox jumps over the lazy dog"))

	custom := post.Slugger{Substitutions: map[string]string{"C++": "cpp"}}
	fmt.Println(custom.Slug("Modern C++ in Practice"))
	// Output:
	// mueller-und-soehne
	// 東アジア-today
	// the-quick-brown-fox
	// modern-cpp-in-practice
}

func ExampleSlugSet() {
	var set post.SlugSet
	set.Reserve("hello-2") // an explicit slug claimed first
	for _, title := range []string{"Hello", "Hello", "Hello", "Other"} {
		fmt.Println(set.Unique(post.Slugify(title)))
	}
	// Output:
	// hello
	// hello-3
	// hello-4
	// other
}

func ExampleCountWords() {
	fmt.Println(post.CountWords("The quick brown fox"))
	fmt.Println(post.CountWords("東アジア"))
	fmt.Println(post.CountWords("Go言語"))
	// Output:
	// 4
	// 4
	// 3
}

func ExamplePlainText() {
	fmt.Println(post.PlainText(post.Body{Format: post.HTML, Text: "<p>Fish &amp; <em>chips</em></p><p>Tea</p>"}))
	fmt.Println(post.PlainText(post.Body{Format: post.Markdown, Text: "## A **bold** [link](https://example.com)"}))
	// Output:
	// Fish & chips
	//
	// Tea
	// A bold link
}

func ExampleSummarize() {
	p := &post.Post{Body: post.Body{
		Format: post.Markdown,
		Text:   "A first paragraph with a [link to more](https://example.com) and **bold words** in it.\n\nA second one.",
	}}
	// The first paragraph fits in 14 words; the second does not.
	summary, truncated := post.Summarize(p, 14)
	fmt.Printf("%q %v\n", summary, truncated)

	// Cut inside the first paragraph: the link is never split, and
	// emphasis left open is closed.
	summary, truncated = post.Summarize(p, 5)
	fmt.Printf("%q %v\n", summary, truncated)
	summary, truncated = post.Summarize(p, 10)
	fmt.Printf("%q %v\n", summary, truncated)

	p.Body.Text = "Only the intro.\n\n<!--more-->\n\nThe rest of the story."
	summary, truncated = post.Summarize(p, 0)
	fmt.Printf("%q %v\n", summary, truncated)
	// Output:
	// "A first paragraph with a [link to more](https://example.com) and **bold words** in it." true
	// "A first paragraph with a…" true
	// "A first paragraph with a [link to more](https://example.com) and **bold…**" true
	// "Only the intro." true
}

func ExamplePost_Validate() {
	p := &post.Post{Title: "", Slug: "../Secret", Status: "live"}
	err := p.Validate()
	fmt.Println(errors.Is(err, post.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// post: title: empty
	// post: slug: "../Secret" is not a safe slug: it contains ".."
	// post: status: unknown status "live"
}
