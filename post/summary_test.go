package post

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSummarize(t *testing.T) {
	long := strings.Repeat("word ", 80) // 80 words
	tests := []struct {
		name          string
		p             *Post
		max           int
		want          string
		wantTruncated bool
	}{
		{"nil post", nil, 0, "", false},
		{"empty body", &Post{}, 0, "", false},
		{
			"explicit summary wins",
			&Post{Summary: "  Given summary. ", Body: Body{Format: Text, Text: "Body text.<!--more-->More."}},
			0, "Given summary.", true,
		},
		{
			"explicit summary equal to body",
			&Post{Summary: "Same.", Body: Body{Format: Text, Text: "Same.\n"}},
			0, "Same.", false,
		},
		{
			"more divider text",
			&Post{Body: Body{Format: Text, Text: "Intro line.\n\n<!--more-->\n\nThe rest."}},
			0, "Intro line.", true,
		},
		{
			"more divider with label, nothing after",
			&Post{Body: Body{Format: HTML, Text: "<p>Intro</p>\n<!-- more Keep reading -->\n  "}},
			0, "<p>Intro</p>", false,
		},
		{
			"more divider ignores budget",
			&Post{Body: Body{Format: Text, Text: long + "<!--more-->tail"}},
			3, strings.TrimSpace(long), true,
		},
		{
			"moreover is not a divider",
			&Post{Body: Body{Format: Text, Text: "A b.<!--moreover-->\n\nC d."}},
			0, "A b.<!--moreover-->\n\nC d.", false,
		},
		{
			"divider at the start is ignored",
			&Post{Body: Body{Format: Text, Text: "<!--more-->\n\nFirst.\n\nSecond."}},
			2, "<!--more-->\n\nFirst.", true, // in Text the divider is a word
		},
		{
			"markdown divider in code span is not a divider",
			&Post{Body: Body{Format: Markdown, Text: "Use `<!--more-->` to split.\n\nSecond para.\n\n<!--more-->\n\nRest."}},
			0, "Use `<!--more-->` to split.\n\nSecond para.", true,
		},
		{
			"markdown divider in fenced code is not a divider",
			&Post{Body: Body{Format: Markdown, Text: "Intro.\n\n```html\n<!--more-->\n```\n\nAfter."}},
			0, "Intro.\n\n```html\n<!--more-->\n```\n\nAfter.", false,
		},
		{
			"markdown divider in indented code is not a divider",
			&Post{Body: Body{Format: Markdown, Text: "Intro.\n\n    <!--more-->\n\nAfter."}},
			0, "Intro.\n\n    <!--more-->\n\nAfter.", false,
		},
		{
			"html divider in pre is not a divider",
			&Post{Body: Body{Format: HTML, Text: "<p>Write</p><pre>\n<!--more-->\n</pre><p>then</p><!--more--><p>rest</p>"}},
			0, "<p>Write</p><pre>\n<!--more-->\n</pre><p>then</p>", true,
		},
		{
			"html divider in code is not a divider",
			&Post{Body: Body{Format: HTML, Text: "<p>Type <code>&lt;!--more--&gt;<!--more--></code> here.</p>"}},
			0, "<p>Type <code>&lt;!--more--&gt;<!--more--></code> here.</p>", false,
		},
		{
			"whole paragraphs within budget",
			&Post{Body: Body{Format: Text, Text: "One two three.\n\nFour five.\n\nSix seven eight nine."}},
			5, "One two three.\n\nFour five.", true,
		},
		{
			"all paragraphs fit",
			&Post{Body: Body{Format: Text, Text: "One two.\n\n\n\nThree.\r\n"}},
			5, "One two.\n\nThree.", false,
		},
		{
			"first paragraph cut at a word",
			&Post{Body: Body{Format: Text, Text: "Alpha beta gamma delta epsilon.\n\nZeta."}},
			3, "Alpha beta gamma…", true,
		},
		{
			"cjk cut between characters",
			&Post{Body: Body{Format: Text, Text: "東アジアの経済"}},
			3, "東アジ…", true,
		},
		{
			"markdown link kept whole",
			&Post{Body: Body{Format: Markdown, Text: "Read [the long guide here](https://example.com/guide) today please."}},
			3, "Read…", true,
		},
		{
			"markdown first link longer than budget kept",
			&Post{Body: Body{Format: Markdown, Text: "[one two three four](https://example.com) five"}},
			2, "[one two three four](https://example.com)…", true,
		},
		{
			"markdown image and code span whole",
			&Post{Body: Body{Format: Markdown, Text: "A `go test ./...` run ![alt text](x.png) ok."}},
			6, "A `go test ./...` run…", true,
		},
		{
			"markdown emphasis closed",
			&Post{Body: Body{Format: Markdown, Text: "**Bold start of a long** sentence _with em words_ here."}},
			3, "**Bold start of…**", true,
		},
		{
			"markdown nested emphasis closed",
			&Post{Body: Body{Format: Markdown, Text: "*One **two three** four*"}},
			2, "*One **two…***", true,
		},
		{
			"markdown fence kept whole as a paragraph",
			&Post{Body: Body{Format: Markdown, Text: "Intro words.\n\n```\ncode\n\nmore code\n```\n\nAfter."}},
			5, "Intro words.\n\n```\ncode\n\nmore code\n```", true,
		},
		{
			"html cut closes elements",
			&Post{Body: Body{Format: HTML, Text: `<p>Some <a href="https://example.com/a b">linked words here</a> and more</p>`}},
			3, `<p>Some <a href="https://example.com/a b">linked words…</a></p>`, true,
		},
		{
			"html closing tag after last word kept",
			&Post{Body: Body{Format: HTML, Text: "<p><strong>Bold</strong> <em>next</em> words</p>"}},
			1, "<p><strong>Bold</strong>…</p>", true,
		},
		{
			"html entity not split",
			&Post{Body: Body{Format: HTML, Text: "<p>Fish&nbsp;&amp;&nbsp;chips are great</p>"}},
			2, "<p>Fish&nbsp;&amp;…</p>", true,
		},
		{
			"html void and raw elements",
			&Post{Body: Body{Format: HTML, Text: "<p>A<br>b <img src=x> <script>if (a<b) {}</script>c d</p>"}},
			3, "<p>A<br>b <img src=x> <script>if (a<b) {}</script>c…</p>", true,
		},
		{
			"html pre with blank lines is one paragraph",
			&Post{Body: Body{Format: HTML, Text: "<pre>\nx\n\ny\n</pre>\n\n<p>after</p>"}},
			2, "<pre>\nx\n\ny\n</pre>", true,
		},
		{
			"html block tags separate words",
			&Post{Body: Body{Format: HTML, Text: "<p>one</p><p>two</p><p>three</p>"}},
			2, "<p>one</p><p>two…</p>", true,
		},
		{
			"paragraphs without words or images left out",
			&Post{Body: Body{Format: HTML, Text: "<style>\n.x { color: red }\n\np { margin: 0 }\n</style>\n\n<!-- note -->\n\n<p>Text here.</p>\n\n<hr>\n\n<p><img src=\"a.png\"></p>\n\n<p>More text.</p>"}},
			3, "<p>Text here.</p>\n\n<p><img src=\"a.png\"></p>", true,
		},
		{
			"default budget",
			&Post{Body: Body{Format: Text, Text: long}},
			0, strings.TrimSpace(strings.Repeat("word ", DefaultSummaryWords)) + "…", true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, truncated := Summarize(tt.p, tt.max)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Summarize summary mismatch (-want +got):\n%s", diff)
			}
			if truncated != tt.wantTruncated {
				t.Errorf("Summarize truncated = %v, want %v", truncated, tt.wantTruncated)
			}
		})
	}
}

func TestSplitMore(t *testing.T) {
	tests := []struct {
		in     Body
		want   string
		wantOK bool
	}{
		{Body{Format: Text, Text: "no divider"}, "", false},
		{Body{Format: Text, Text: "a <!--MORE--> b"}, "a", true},
		{Body{Format: Markdown, Text: "a\n<!--more-->\nb"}, "a", true},
		{Body{Format: Markdown, Text: "`<!--more-->`"}, "", false},
		{Body{Format: Markdown, Text: "<pre>\n<!--more-->\n</pre>\nx <!--more--> y"}, "<pre>\n<!--more-->\n</pre>\nx", true},
		{Body{Format: Markdown, Text: "<!-- note\nspanning -->\n<!--more-->"}, "<!-- note\nspanning -->", true},
		{Body{Format: HTML, Text: "<p>a</p><!--more--><p>b</p>"}, "<p>a</p>", true},
		{Body{Format: HTML, Text: "<textarea><!--more--></textarea>"}, "", false},
		{Body{Format: HTML, Text: "<!--more"}, "", false},
	}
	for _, tt := range tests {
		got, ok := SplitMore(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" || ok != tt.wantOK {
			t.Errorf("SplitMore(%+v) = %q, %v; want %q, %v (-want +got):\n%s", tt.in, got, ok, tt.want, tt.wantOK, diff)
		}
	}
}

func FuzzSummarize(f *testing.F) {
	for _, s := range []string{
		"", "a b c", "<p>a <b>b</b> c</p>", "[x](y) `z`", "**a b**", "<!--more-->", "```\n<!--more-->\n```",
		"<pre>\n\n</pre>", "&amp; &nbsp;", "東アジア", "<a href='>'>x</a>", "x\\*y", "<![CDATA[x]]>",
	} {
		f.Add(s, 2)
	}
	for _, b := range goldenBodies(f) {
		f.Add(b.Text, goldenSummaryWords)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = max%50 + 1
		if max <= 0 {
			max += 50
		}
		for _, format := range []Format{Text, Markdown, HTML} {
			p := &Post{Body: Body{Format: format, Text: s}}
			sum, truncated := Summarize(p, max)
			if _, ok := SplitMore(p.Body); ok || !truncated || format != Text {
				continue
			}
			// A cut plain-text summary is a prefix of the body within budget.
			if n := CountWords(sum); n > max && strings.Contains(sum, " ") {
				t.Errorf("Summarize(%q, %d) = %q has %d words", s, max, sum, n)
			}
		}
	})
}

func BenchmarkSummarize(b *testing.B) {
	p := &Post{Body: Body{Format: Markdown, Text: strings.Repeat("Some **bold** text with a [link](https://example.com) and `code` here. ", 20) +
		"\n\nSecond paragraph."}}
	b.SetBytes(int64(len(p.Body.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Summarize(p, 0)
	}
}
