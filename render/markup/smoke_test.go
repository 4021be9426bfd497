package markup

import (
	"fmt"
	"testing"

	"github.com/folio-go/folio/post"
)

func TestSmoke(t *testing.T) {
	for _, tc := range []struct{ d post.Dialect; s string }{
		{post.Hugo, "a {{< figure src=\"x.png\" caption=\"Hi\" >}} b\n\n{{% tip %}}**bold**{{% /tip %}}\n\n{{</* youtube x */>}}\n{{< youtube \"x\\\" onload=alert(1)\" >}}"},
		{post.WordPress, "[caption id=\"a\" align=\"alignleft\" width=\"300\"]<img src=\"a.jpg\" /> The caption[/caption]\n\nhttps://www.youtube.com/watch?v=abc\n\n[[gallery]] [unknown]"},
		{post.Liquid, "{% assign xs = \"1|2\" | split: \"|\" %}{% for i in xs %}[#{{ i }}]: /issues/{{ i }}\n{% endfor %}{% raw %}{{ site.url }}{% endraw %} {{ page.title | upcase }} {% highlight ruby %}\n# c\n>> x\n{% endhighlight %}"},
		{post.GoBlog, "x {{raw `\n\tcode }} here\n`}}\n{{image \"a.png\" 600}}\n{{code \"a.go\" `/START/` `/END/`}}\n{{with .by}}{{by .}}{{end}}"},
	} {
		p := &post.Post{Title: "T", Source: post.Source{Path: "p.md", BodyLine: 5}}
		e := Expand(p, post.Body{Format: post.Markdown, Text: tc.s, Dialect: tc.d}, ExpandOptions{Warn: func(w post.Warning) { fmt.Println("  warn:", w.String(), "[", w.Kind, "]") }})
		fmt.Printf("%s:\n%s\n---fill: %s\n\n", tc.d, e.Body.Text, e.Fill(e.Body.Text))
	}
}
