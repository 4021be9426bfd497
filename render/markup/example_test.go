package markup_test

import (
	"fmt"
	"html/template"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/markup"
)

func ExampleAutop() {
	fmt.Println(markup.Autop("First line\nsecond line.\n\n<div>A block</div>\nLast."))
	// Output:
	// <p>First line<br />
	// second line.</p>
	// <div>A block</div>
	// <p>Last.</p>
}

func ExampleSanitize() {
	fmt.Println(markup.Sanitize(`<p onclick="steal()">Hi <a href="javascript:alert(1)">there</a><script>alert(1)</script>`))
	// Output:
	// <p>Hi <a>there</a></p>
}

func ExampleSummary() {
	h := template.HTML(`<p>One <em>two three</em> four.</p><p>Five.</p>`)
	s, truncated := markup.Summary(h, 2)
	fmt.Println(s, truncated)
	s, truncated = markup.Summary(h, 5)
	fmt.Println(s, truncated)
	// Output:
	// <p>One <em>two…</em></p> true
	// <p>One <em>two three</em> four.</p><p>Five.</p> false
}

func ExampleBodyHTML() {
	h, err := markup.BodyHTML(nil, post.Body{Format: post.Markdown, Text: "Hello *world* <abbr title=\"Hypertext\" onclick=\"steal()\">HTML</abbr><script>steal()</script>"}, false)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(h)
	// Output:
	// <p>Hello <em>world</em> <abbr title="Hypertext">HTML</abbr></p>
}

func ExampleRenderer_HTML() {
	r := markup.New(markup.Options{}) // once; safe for concurrent use
	for _, b := range []post.Body{
		{Format: post.Markdown, Text: "Read [the *notes*](https://example.org/notes)."},
		{Format: post.HTML, Text: "Line one\nline two<script>x()</script>"},
		{Format: post.Text, Text: "Plain <text> & more."},
	} {
		h, err := r.HTML(b)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Print(h)
	}
	// Output:
	// <p>Read <a href="https://example.org/notes">the <em>notes</em></a>.</p>
	// <p>Line one<br />
	// line two</p>
	// <p>Plain &lt;text&gt; &amp; more.</p>
}
