package post

import (
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// plainTextSeeds are bodies that reach the corners of the Markdown and
// HTML code: fences, indented code, HTML blocks, links, code spans,
// emphasis, entities, tables, CRLF and invalid UTF-8.
var plainTextSeeds = []string{
	"",
	"plain words only\nand a second line\n",
	"# A *Title* #\n\nSome **bold**, _em_ and ~~gone~~ text with a [link](https://example.com \"t\") and ![an image](x.png).",
	"A snake_case_name, 2 * 3 and `code *here*` stay. \\*escaped\\*\n<!--more-->\n",
	"> quoted line\n> - nested item\n\n- one\n* two\n1. three\n- [x] done\n",
	"```go\nx := 1 // code kept\n```\n\nSetext\n======\n\n---\n",
	"| a | b |\n|---|:-:|\n| 1 | 2 |\n\n[ref]: https://example.com\nSee [text][ref], <https://go.dev> and &copy; <span class=\"x\">span</span>.",
	"[not a link and *x",
	"~~~\n# not a heading\n~~~",
	"Para:\n\n    x := *p // [a](b)\n\n    y\nlazy *text*",
	"<style>\n.x { color: red }\n\np {}\n</style>\nText\n<!-- a\n\nnote -->\n<!--more-->\nafter <!-- c --> it\n<script>x()</script> y",
	"**a**\r\n\r\nb\r\n",
	"<p>Hello <strong>big</strong> world.</p><p>Second&nbsp;para &amp; more &#8212; done</p>",
	"<pre>a  b\nc</pre> line one<br/>line\n   two <a href=\"x\" title=\"a>b\">link</a>",
	"Q&A &unknown; &#0; a < b and c<d",
	"&amp;&lt;&gt;&quot;&nbsp;&apos;&#39;&#x27;&AMP;&LT &amp &copy;&nbsp &mdash;&hellip;&#128;&#xD800;&NotAnEntity;",
	"<p>one  two\tthree \n four\u00a0five \u3000six  </p>  <pre> a  b \n\n c\t</pre> x<PRE>y</pre>z",
	"`` a ` b `` and ``` x ``` `unclosed and [[[[]]]] (((x))) ![a]([b](c))",
	"東アジアの*経済*ニュース、今日の話題。 Go言語 **太字** 한국어\n",
	"\xff\xfe bad *x\xff* _\xff_ [\xff](\xff)",
	"\t\tindented tab\n  \n    \n\tcode\n  # h ###\n#notheading\n####### seven",
	"1) first\n2. second\n123456789. long\n1234567890. too long\n+ plus\n- [ ] open\n",
	"*** \n___\n- - -\n===\n--\n|--|\n|:-|-:|\n",
	"<me@example.com> <http://x/y> <not a link> <a:b> <a@b/c>",
	"<div>\n*not*\n</div>\n<textarea>\nhidden\n</textarea>after\n<template>x</template>",
	"a ~~b~~ ~~~c~~~ ~d~ _a_b_ __strong__ *a**b* ** ***x***",
	"foo\\\nbar\\ baz \\\\ \\a",
}

// FuzzPlainTextSame holds the tuned PlainText, CountWords and WordCount
// to the frozen reference copy: the output must be byte-identical for
// every format and every input.
func FuzzPlainTextSame(f *testing.F) {
	for _, s := range plainTextSeeds {
		f.Add(s)
	}
	f.Add(proseMarkdown())
	for _, b := range goldenBodies(f) {
		f.Add(b.Text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlainTextSame(t, s)
	})
}

// TestPlainTextSame runs the equivalence check over the seeds and the
// golden bodies, with each line ending in LF, CRLF and none, so that it
// runs without -fuzz too.
func TestPlainTextSame(t *testing.T) {
	inputs := append([]string(nil), plainTextSeeds...)
	inputs = append(inputs, proseMarkdown())
	for _, b := range goldenBodies(t) {
		inputs = append(inputs, b.Text)
	}
	for _, s := range inputs {
		checkPlainTextSame(t, s)
		checkPlainTextSame(t, strings.ReplaceAll(s, "\n", "\r\n"))
		checkPlainTextSame(t, strings.TrimRight(s, "\n"))
		// Every prefix of the seeds, to reach the ends of constructs.
		if len(s) < 400 {
			for i := range len(s) {
				checkPlainTextSame(t, s[:i])
			}
		}
	}
}

func checkPlainTextSame(t *testing.T, s string) {
	t.Helper()
	for _, format := range []Format{Markdown, HTML, Text} {
		b := Body{Format: format, Text: s}
		want := plainTextRef(b)
		got := PlainText(b)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("PlainText(%s %q) differs from the reference (-want +got):\n%s", format, s, diff)
		}
		p := &Post{Body: b}
		if w, g := countWordsRef(want), p.WordCount(); w != g {
			t.Fatalf("WordCount of %s %q = %d, the reference gives %d", format, s, g, w)
		}
	}
	if w, g := countWordsRef(s), CountWords(s); w != g {
		t.Fatalf("CountWords(%q) = %d, the reference gives %d", s, g, w)
	}
}

// BenchmarkWordCount measures a whole Markdown post, as a site build
// counts it: the golden Markdown guide body.
func BenchmarkWordCount(b *testing.B) {
	bodies := goldenBodies(b)
	body, ok := bodies["testdata/bodies/markdown-guide.md"]
	if !ok {
		b.Fatal("no testdata/bodies/markdown-guide.md")
	}
	p := &Post{Body: body}
	b.SetBytes(int64(len(body.Text)))
	b.ReportAllocs()
	for b.Loop() {
		p.WordCount()
	}
}

// TestByteClass checks the byteClass table against the sets it stands for.
func TestByteClass(t *testing.T) {
	if len(byteClass) != 256 {
		t.Fatalf("len(byteClass) = %d, want 256", len(byteClass))
	}
	for c := range 256 {
		var want byte
		if strings.IndexByte("\\`![<&*_~|", byte(c)) >= 0 {
			want |= byteInline
		}
		if strings.IndexByte("\\`[]()", byte(c)) >= 0 {
			want |= byteIndex
		}
		if isASCIISpace(byte(c)) {
			want |= byteSpace
		}
		if c >= 0x80 {
			want |= byteHigh
		}
		if c == '<' || c == '&' {
			want |= byteMarkup
		}
		if got := byteClass[c]; got != want {
			t.Errorf("byteClass[%#02x] = %#02x, want %#02x", c, got, want)
		}
	}
}

// proseMarkdown is a Markdown post as most are: long paragraphs of prose
// with a little emphasis and a few links, under a heading or two.
func proseMarkdown() string {
	words := strings.Fields("the harbour council voted on a new plan for ferry routes while " +
		"residents asked about fares timetables and the old pier which needs repair before winter")
	var b strings.Builder
	seed := uint32(1)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>16) % n
	}
	for p := range 12 {
		if p%4 == 0 {
			b.WriteString("## Section heading\n\n")
		}
		for s := range 6 {
			for w := range 16 {
				word := words[next(len(words))]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				} else {
					b.WriteByte(' ')
				}
				switch next(40) {
				case 0:
					b.WriteString("*" + word + "*")
				case 1:
					b.WriteString("[" + word + "](https://example.com/" + word + ")")
				default:
					b.WriteString(word)
				}
			}
			b.WriteString(".")
			if s < 5 {
				b.WriteByte(' ')
			}
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkPlainTextMarkdownProse(b *testing.B) {
	src := proseMarkdown()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		PlainText(Body{Format: Markdown, Text: src})
	}
}

func BenchmarkWordCountProse(b *testing.B) {
	p := &Post{Body: Body{Format: Markdown, Text: proseMarkdown()}}
	b.SetBytes(int64(len(p.Body.Text)))
	b.ReportAllocs()
	for b.Loop() {
		p.WordCount()
	}
}

// TestScanTo checks that scanTo, which skips prose eight bytes at a
// time, finds every byte of its class wherever it is, and skips the bytes
// it takes as prose.
func TestScanTo(t *testing.T) {
	for c := range 256 {
		for _, class := range []byte{byteInline, byteIndex, byteMarkup} {
			for pos := range 24 {
				s := []byte(strings.Repeat("a", 24))
				s[pos] = byte(c)
				want := 24
				if byteClass[c]&class != 0 {
					want = pos
				}
				if got := scanTo(string(s), 0, len(s), class); got != want {
					t.Errorf("scanTo(%q, class %d) = %d, want %d", s, class, got, want)
				}
			}
		}
	}
	// Between byte 8 and 16 the text is checked a byte at a time only if
	// the block is not taken as prose: here '$' stops the skipping, 'x'
	// does not, and the '*' is found either way.
	for _, s := range []string{"aaaaaaaa$aaaaaaa*", "aaaaaaaaxaaaaaaa*", "it's a, b-c. d/e:f;g+h 12 *"} {
		if got, want := scanTo(s, 0, len(s), byteInline), strings.IndexByte(s, '*'); got != want {
			t.Errorf("scanTo(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestIsProse8 checks isProse8 with each byte in each position against
// the set it stands for.
func TestIsProse8(t *testing.T) {
	const prose = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,-./"
	for c := range 256 {
		want := strings.IndexByte(prose, byte(c)) >= 0
		for pos := range 8 {
			w := uint64(0x6161616161616161) // "aaaaaaaa"
			w = w&^(0xff<<(8*pos)) | uint64(c)<<(8*pos)
			if got := isProse8(w); got != want {
				t.Errorf("isProse8 with %#02x at byte %d = %v, want %v", c, pos, got, want)
			}
		}
	}
}

// TestPlainTextConcurrent runs PlainText and WordCount from several
// goroutines at once, as a site build does: the scratch space they share
// through a pool must never mix two bodies (run with -race).
func TestPlainTextConcurrent(t *testing.T) {
	var bodies []Body
	for _, s := range append(plainTextSeeds, proseMarkdown()) {
		bodies = append(bodies, Body{Format: Markdown, Text: s}, Body{Format: HTML, Text: s})
	}
	type result struct {
		text  string
		words int
	}
	results := make([][]result, 8)
	var wg sync.WaitGroup
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				results[g] = results[g][:0]
				for _, b := range bodies {
					p := &Post{Body: b}
					results[g] = append(results[g], result{PlainText(b), p.WordCount()})
				}
			}
		}()
	}
	wg.Wait()
	for g, rs := range results {
		for i, b := range bodies {
			want := plainTextRef(b)
			if diff := cmp.Diff(want, rs[i].text); diff != "" {
				t.Fatalf("goroutine %d: PlainText(%s %q) mismatch (-want +got):\n%s", g, b.Format, b.Text, diff)
			}
			if w := countWordsRef(want); rs[i].words != w {
				t.Fatalf("goroutine %d: WordCount of %s %q = %d, want %d", g, b.Format, b.Text, rs[i].words, w)
			}
		}
	}
}
