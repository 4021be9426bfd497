package post

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\t ", 0},
		{"one", 1},
		{"one two  three\nfour\tfive", 5},
		{"don't stop-believing", 2},
		{"— dash", 2},
		{"東アジア", 4},
		{"Go言語", 3},
		{"Go 言語 and 한국어", 1 + 2 + 1 + 3},
		{"北朝鮮のニュース。今日は、晴れ。", 4 + 4 + 3 + 2},
		{"コーヒー・ブレイク", 4 + 4},
		{"日本　語", 3}, // ideographic space
		{"１０ｋｍ", 1}, // full-width letters and digits are not CJK
		{"word\u00a0word", 2},
		{"\xff\xfe bad", 2},
		{"々 〇", 2},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, CountWords(tt.in)); diff != "" {
			t.Errorf("CountWords(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestReadingMinutes(t *testing.T) {
	tests := []struct{ words, wpm, want int }{
		{0, 0, 0}, {-5, 0, 0}, {1, 0, 1}, {200, 0, 1}, {201, 0, 2}, {450, 150, 3}, {10, -1, 1},
	}
	for _, tt := range tests {
		if got := ReadingMinutes(tt.words, tt.wpm); got != tt.want {
			t.Errorf("ReadingMinutes(%d, %d) = %d, want %d", tt.words, tt.wpm, got, tt.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		name string
		in   Body
		want string
	}{
		{"text unchanged", Body{Format: Text, Text: "A *star* & <b>tag</b>\n\nSecond."}, "A *star* & <b>tag</b>\n\nSecond."},
		{"unknown format unchanged", Body{Format: "rst", Text: "**x**"}, "**x**"},
		{
			"html blocks and inline",
			Body{Format: HTML, Text: "<p>Hello <strong>big</strong> world.</p><p>Second&nbsp;para &amp; more &#8212; done</p>"},
			"Hello big world.\n\nSecond para & more — done",
		},
		{
			"html script style comment",
			Body{Format: HTML, Text: "<style>p{color:red}</style>Before<!--more-->after<script>var x = '</p>';</script> end"},
			"Beforeafter end",
		},
		{"html br and whitespace", Body{Format: HTML, Text: "line one<br/>line\n   two"}, "line one\nline two"},
		{"html pre keeps lines", Body{Format: HTML, Text: "<pre>a  b\nc</pre>"}, "a  b\nc"},
		{"html inline tag inside word", Body{Format: HTML, Text: "<b>wo</b>rd"}, "word"},
		{"html lone less-than", Body{Format: HTML, Text: "a < b and c<d"}, "a < b and c<d"},
		{"html attribute with >", Body{Format: HTML, Text: `<a href="x" title="a>b">link</a>`}, "link"},
		{"html bare ampersand", Body{Format: HTML, Text: "Q&A &unknown; &#0;"}, "Q&A &unknown; \ufffd"},
		{"html list", Body{Format: HTML, Text: "<ul><li>one</li><li>two</li></ul>"}, "one\n\ntwo"},
		{
			"markdown",
			Body{Format: Markdown, Text: strings.Join([]string{
				"# A *Title* #",
				"",
				"Some **bold**, _em_ and ~~gone~~ text with a [link](https://example.com \"t\") and ![an image](x.png).",
				"A snake_case_name, 2 * 3 and `code *here*` stay. \\*escaped\\*",
				"<!--more-->",
				"",
				"> quoted line",
				"> - nested item",
				"",
				"- one",
				"* two",
				"1. three",
				"- [x] done",
				"",
				"```go",
				"x := 1 // code kept",
				"```",
				"",
				"Setext",
				"======",
				"",
				"---",
				"",
				"| a | b |",
				"|---|:-:|",
				"| 1 | 2 |",
				"",
				"[ref]: https://example.com",
				"See [text][ref], <https://go.dev> and &copy; <span class=\"x\">span</span>.",
			}, "\n")},
			strings.Join([]string{
				"A Title",
				"",
				"Some bold, em and gone text with a link and an image.",
				"A snake_case_name, 2 * 3 and code *here* stay. *escaped*",
				"",
				"quoted line",
				"nested item",
				"",
				"one",
				"two",
				"three",
				"done",
				"",
				"x := 1 // code kept",
				"",
				"Setext",
				"",
				"a   b",
				"1   2",
				"",
				"See text, https://go.dev and © span.",
			}, "\n"),
		},
		{"markdown unclosed link kept", Body{Format: Markdown, Text: "[not a link and *x"}, "[not a link and *x"},
		{"markdown tilde fence", Body{Format: Markdown, Text: "~~~\n# not a heading\n~~~"}, "# not a heading"},
		{"markdown indented code kept raw", Body{Format: Markdown, Text: "Para:\n\n    x := *p // [a](b)\n\n    y\nlazy *text*"}, "Para:\n\nx := *p // [a](b)\n\ny\nlazy text"},
		{"markdown html blocks dropped", Body{Format: Markdown, Text: "<style>\n.x { color: red }\n\np {}\n</style>\nText\n<!-- a\n\nnote -->\n<!--more-->\nafter <!-- c --> it\n<script>x()</script> y"}, "Text\n\nafter  it\ny"},
		{"markdown crlf", Body{Format: Markdown, Text: "**a**\r\n\r\nb\r\n"}, "a\n\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, PlainText(tt.in)); diff != "" {
				t.Errorf("PlainText(%+v) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestWordCount(t *testing.T) {
	p := &Post{Body: Body{Format: HTML, Text: "<p>One <em>two</em></p><p>three 東京</p>"}}
	if got := p.WordCount(); got != 5 {
		t.Errorf("WordCount() = %d, want 5", got)
	}
}

func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"", "one two", "東アジア", "Go言語", "\xff", "、。", "コーヒー・ブレイク"} {
		f.Add(s)
	}
	for _, b := range goldenBodies(f) {
		f.Add(b.Text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := CountWords(s)
		if n < 0 || n > len(s) {
			t.Fatalf("CountWords(%q) = %d, outside [0, %d]", s, n, len(s))
		}
		if ascii := strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) < 0; ascii {
			if f := len(strings.Fields(s)); n != f {
				t.Fatalf("CountWords(%q) = %d, but the ASCII text has %d fields", s, n, f)
			}
		}
		for _, format := range []Format{Text, Markdown, HTML} {
			CountWords(PlainText(Body{Format: format, Text: s}))
		}
	})
}

var benchText = strings.Repeat("The quick brown fox jumps over the lazy dog, again and again. ", 40) +
	strings.Repeat("東アジアの経済ニュース、今日の話題。", 10)

func BenchmarkCountWords(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		CountWords(benchText)
	}
}

func BenchmarkPlainTextMarkdown(b *testing.B) {
	src := strings.Repeat("## Heading\n\nSome **bold** text with a [link](https://example.com) and `code`.\n\n- item one\n- item two\n\n", 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		PlainText(Body{Format: Markdown, Text: src})
	}
}

func BenchmarkPlainTextHTML(b *testing.B) {
	src := strings.Repeat("<h2>Heading</h2><p>Some <strong>bold</strong> text with a <a href=\"https://example.com\">link</a> &amp; more.</p>\n", 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		PlainText(Body{Format: HTML, Text: src})
	}
}
