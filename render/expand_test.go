package render

import (
	"html"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/htmltok"
	"github.com/folio-go/folio/render/postfile"
	"github.com/folio-go/folio/taxonomy"
)

// dialectPosts are posts in each dialect, in our own words, holding
// every kind of call the generators' readers must never see raw.
func dialectPosts() []*post.Post {
	day := func(d int) time.Time { return time.Date(2024, 4, d, 9, 0, 0, 0, time.UTC) }
	mk := func(title, path string, d int, b post.Body) *post.Post {
		return &post.Post{Title: title, Slug: post.Slugify(title), Date: day(d), Status: post.Published, Body: b,
			Source: post.Source{Path: path, BodyLine: 5}, Params: map[string]any{"boat": "Petrel", "wp_post_id": d}}
	}
	gob := mk("Constant tides", "blog/tides.md", 1, post.Body{Format: post.Markdown, Dialect: post.GoBlog, Text: `The tide tables are constants:

{{raw ` + "`" + `
	const Spring = 2 * Neap // << not a quote
	# not a heading
` + "`" + `}}
{{code "tides/main.go" ` + "`/START/` `/END/`" + `}}
{{play "tides/missing.go"}}
{{image "tides/chart.png" 600}}
{{video "https://www.youtube.com/embed/tide42"}}
{{link "https://harbour.example.org/tables" "the tables"}}
{{html "tides/table.html"}}
`})
	hugo := mk("Hugo at sea", "content/posts/hugo-at-sea.md", 2, post.Body{Format: post.Markdown, Dialect: post.Hugo, Text: `{{< figure src="/img/sea.jpg" caption="Open water" >}}

{{% tip %}}
Reef **early**.
{{% /tip %}}

{{< code-toggle file="config" >}}
sail = "main"
{{< /code-toggle >}}

{{< highlight toml >}}
# a comment line
>> redirected
{{< /highlight >}}

See [the Liquid post]({{< relref "jekyll-ashore.md" >}}) and [a param]({{% param boat %}}).

{{< youtube tide42 >}} {{< gh 1234 >}}
`})
	jek := mk("Jekyll ashore", "_posts/2024-04-03-jekyll-ashore.md", 3, post.Body{Format: post.Markdown, Dialect: post.Liquid, Text: `Written {{ page.date | date: "%B %d" }} for {{ site.url }}{{ site.baseurl }}.

[Hugo post]({% link content/posts/hugo-at-sea.md %}) and [Go post]({% post_url tides %}).

{% highlight ruby %}
# comment, not heading
puts ">> kept"
<tag/>
{% endhighlight %}

{% raw %}` + "`{{ not expanded }}`" + `{% endraw %}

{% include nowhere.html %}
`})
	wp := mk("WordPress afloat", "export.xml", 4, post.Body{Format: post.HTML, Dialect: post.WordPress, Text: `Out on the water.

[caption id="attachment_9" align="aligncenter" width="300"]<img src="https://harbour.example.org/a.jpg" alt="" /> The harbour[/caption]

[gallery ids="9"]

https://vimeo.com/424242

[embed]https://www.youtube.com/watch?v=tide42[/embed]

[audio src="https://harbour.example.org/horn.mp3"] [video mp4="https://harbour.example.org/v.mp4"] [playlist ids="9"]
`})
	wp.Attachments = []post.Attachment{{ID: "9", URL: "https://harbour.example.org/a.jpg", MimeType: "image/jpeg", Parent: "4"}}
	blocks := mk("Blocks on deck", "export.xml", 5, post.Body{Format: post.HTML, Dialect: post.WordPressBlocks, Text: `<!-- wp:paragraph -->
<p>First block.</p>
<!-- /wp:paragraph -->

<!-- wp:archives /-->

<!-- wp:heading -->
<h2>Second</h2>
<!-- /wp:heading -->

<!-- wp:shortcode -->
[gallery ids="9"]
<!-- /wp:shortcode -->
`})
	blocks.Attachments = wp.Attachments
	return []*post.Post{gob, hugo, jek, wp, blocks}
}

var sampleFiles = map[string]string{
	"blog/tides/main.go":    "package main\n\n// START OMIT\nfunc ebb() {} // HL\n// END OMIT\n",
	"blog/tides/table.html": "<table><tr><td>Leith</td></tr></table>\n",
}

// rawSyntax is what readers must never see outside pre and code: the
// calls of every dialect.
var rawSyntax = regexp.MustCompile(`\{\{[<%]|[>%]\}\}|\{%|\{\{ ?(site|page|post)\.|\{\{(raw|code|image|play|video|html|link)\b|` + "`" + `\}\}|\[/?(caption|gallery|embed|audio|video|playlist)\b`)

// readerText is the text of h outside pre and code elements, entities
// decoded.
func readerText(h string) string {
	var b strings.Builder
	depth := 0
	tz := htmltok.New(h)
	for {
		tok, ok := tz.Next()
		if !ok {
			break
		}
		switch tok.Kind {
		case htmltok.StartTag:
			if tok.Name == "pre" || tok.Name == "code" {
				depth++
			}
		case htmltok.EndTag:
			if (tok.Name == "pre" || tok.Name == "code") && depth > 0 {
				depth--
			}
		case htmltok.Text:
			if depth == 0 {
				b.WriteString(html.UnescapeString(tok.Data))
			}
		}
	}
	return b.String()
}

// TestExpandedPagesShowNoRawSyntax is the check over our own
// sample content: every page of a site of the five dialects is free of
// raw syntax outside pre and code, of empty paragraphs and of links made
// of shortcodes, and the code of raw and highlight blocks is the code
// as written.
func TestExpandedPagesShowNoRawSyntax(t *testing.T) {
	posts := dialectPosts()
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	kinds := map[string]int{}
	r, err := NewRenderer(sampleSite(), idx, PageOptions{
		ReadFile: func(name string) ([]byte, error) {
			if s, ok := sampleFiles[name]; ok {
				return []byte(s), nil
			}
			return nil, errNoFile
		},
		Warn: func(w post.Warning) {
			mu.Lock()
			kinds[w.Kind]++
			mu.Unlock()
			if w.Path == "" || w.Line == 0 || w.Column == 0 {
				t.Errorf("warning without a place: %v", w)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	pages := renderAll(t, r)
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	for name, data := range pages {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		s := string(data)
		if m := rawSyntax.FindString(readerText(s)); m != "" {
			t.Errorf("%s: reader sees %q", name, m)
		}
		if regexp.MustCompile(`<p>\s*</p>`).MatchString(s) {
			t.Errorf("%s: empty paragraph", name)
		}
		if regexp.MustCompile(`(?i)(href|src)="[^"]*%7B(%7B|%25)`).MatchString(s) {
			t.Errorf("%s: a shortcode inside a link", name)
		}
	}
	body := func(i int) string {
		h, err := r.Body(posts[i])
		if err != nil {
			t.Fatal(err)
		}
		return string(h)
	}
	for _, tc := range []struct {
		post int
		code string
	}{
		// {{raw}} writes an indented code block into the Markdown; its
		// code is the lines less that indentation.
		{0, "<pre><code>const Spring = 2 * Neap // &lt;&lt; not a quote\n# not a heading\n</code></pre>"},
		// A bare "// HL" mark is highlighted when no name is asked for,
		// as in present.
		{0, "<pre><code><b>func ebb() {}</b>\n</code></pre>"},
		{1, "# a comment line\n&gt;&gt; redirected\n"},
		{2, "# comment, not heading\nputs &#34;&gt;&gt; kept&#34;\n&lt;tag/&gt;\n"},
	} {
		// Highlighted code has the same text inside its spans.
		if h := body(tc.post); !strings.Contains(h, tc.code) && !strings.Contains(tagRE.ReplaceAllString(h, ""), tc.code) {
			t.Errorf("%s: code not kept as written: want %q in\n%s", posts[tc.post].Title, tc.code, h)
		}
	}
	// Links resolve to the posts' pages.
	if h := body(1); !strings.Contains(h, `href="`+sampleSite().PostURL(posts[2])+`"`) {
		t.Errorf("relref not resolved:\n%s", h)
	}
	if h := body(2); !strings.Contains(h, `href="`+sampleSite().PostURL(posts[1])+`"`) || !strings.Contains(h, `href="`+sampleSite().PostURL(posts[0])+`"`) {
		t.Errorf("link/post_url not resolved:\n%s", h)
	}
	// Block-editor bodies are not run through autop, and their dynamic
	// blocks are dropped with a warning.
	if h := body(4); strings.Contains(h, "<p><h2>") || !strings.Contains(h, `<h2 id="second">Second</h2>`) || !strings.Contains(h, "gallery-item") {
		t.Errorf("block body:\n%s", h)
	}
	for _, k := range []string{"unknown shortcode", "missing file", "dynamic block", "shortcode error"} {
		if kinds[k] == 0 {
			t.Errorf("no %q warning; got %v", k, kinds)
		}
	}
	// Summaries and word counts read the expanded body.
	sum, _, err := r.Summary(posts[3])
	if err != nil || rawSyntax.MatchString(readerText(string(sum))) || !strings.Contains(string(sum), "Out on the water") {
		t.Errorf("summary %q, %v", sum, err)
	}
	c := r.rendered(posts[1])
	if raw := posts[1].WordCount(); c.words >= raw || c.words == 0 {
		t.Errorf("word count %d, raw body %d: the expanded body has fewer words", c.words, raw)
	}
	// The writer back keeps the syntax as written.
	var buf strings.Builder
	if err := postfile.Markdown(&buf, posts[1]); err != nil || !strings.Contains(buf.String(), "{{< code-toggle") || !strings.Contains(buf.String(), "dialect: hugo") {
		t.Errorf("postfile.Markdown lost the shortcodes: %v\n%s", err, buf.String())
	}
}

type noFileError struct{}

func (noFileError) Error() string { return "no such file" }

var errNoFile error = noFileError{}

// TestExpandHostileArguments: attacker-chosen arguments end up escaped
// or sanitized away, never as script or event handlers.
func TestExpandHostileArguments(t *testing.T) {
	hostile := []post.Body{
		{Format: post.HTML, Dialect: post.WordPress, Text: `[caption caption="<script>alert(1)</script><img src=x onerror=alert(2)>"]<img src="a.jpg" onload="alert(3)">[/caption]`},
		{Format: post.HTML, Dialect: post.WordPress, Text: `[embed]javascript:alert(1)[/embed] [audio src="javascript:alert(1)"] [caption align='"><script>alert(1)</script>']x[/caption]`},
		{Format: post.Markdown, Dialect: post.Hugo, Text: `{{< youtube "x\" onload=alert(1)" >}} {{< figure src="javascript:alert(1)" link="javascript:alert(2)" caption="<script>alert(3)</script>" class="\"><script>" >}}`},
		{Format: post.Markdown, Dialect: post.Hugo, Text: `{{< gist "a\"><script>" "b" >}} {{< details summary="<script>alert(1)</script>" >}}x{{< /details >}} {{< x user="<b>" id="<script>" >}}`},
		{Format: post.Markdown, Dialect: post.Liquid, Text: `{% highlight "><script>alert(1)</script> %}x{% endhighlight %} {{ "<script>alert(1)</script>" }}`},
		{Format: post.Markdown, Dialect: post.GoBlog, Text: "{{image \"x\\\" onerror=alert(1)\" 600}} {{link \"javascript:alert(1)\" \"<script>\"}} {{video \"javascript:alert(1)\"}} {{html \"../../etc/passwd\"}}"},
	}
	idx, err := taxonomy.Build(nil, taxonomy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(sampleSite(), idx, PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range hostile {
		p := &post.Post{Title: "Hostile", Body: b}
		h, err := r.bodyHTML(p, b)
		if err != nil {
			t.Fatal(err)
		}
		tz := htmltok.New(string(h))
		for {
			tok, ok := tz.Next()
			if !ok {
				break
			}
			if tok.Kind != htmltok.StartTag && tok.Kind != htmltok.SelfClosingTag {
				continue
			}
			if tok.Name == "script" || tok.Name == "iframe" {
				t.Errorf("%s body %q gave <%s>:\n%s", b.Dialect, b.Text, tok.Name, h)
			}
			for _, a := range tok.Attrs {
				v := strings.ToLower(html.UnescapeString(a.Val))
				if strings.HasPrefix(a.Key, "on") || (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.TrimSpace(v), "javascript:") {
					t.Errorf("%s body %q gave %s=%q:\n%s", b.Dialect, b.Text, a.Key, a.Val, h)
				}
			}
		}
		if regexp.MustCompile(`<p>\s*</p>`).MatchString(string(h)) {
			t.Errorf("%s body %q: empty paragraph:\n%s", b.Dialect, b.Text, h)
		}
	}
}

// tagRE matches a tag, to compare the text of highlighted code.
var tagRE = regexp.MustCompile(`<[^<>]*>`)
