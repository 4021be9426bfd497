package markup

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
)

// hostileShapes are the Markdown shapes on which goldmark's time grows
// with the square of the input, each at a size that took it seconds.
func hostileShapes() map[string]string {
	var footnotes, deepList, refs strings.Builder
	for i := range 50000 {
		fmt.Fprintf(&footnotes, "x[^%d]\n", i)
	}
	footnotes.WriteString("\n")
	for i := range 50000 {
		fmt.Fprintf(&footnotes, "[^%d]: note\n", i)
	}
	for i := range 2000 {
		deepList.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	for i := range 20000 {
		fmt.Fprintf(&refs, "[r%d]: /u%d\n\n", i, i)
	}
	var ticks strings.Builder
	for i := 1; ticks.Len() < 400000; i++ {
		ticks.WriteString(strings.Repeat("`", i) + " a ")
	}
	return map[string]string{
		"link openers":     strings.Repeat("[a](", 100000),
		"footnotes":        footnotes.String(),
		"deep list":        deepList.String(),
		"lazy list":        strings.Repeat("- ", 2000) + "x\n",
		"block quotes":     strings.Repeat(">", 100000) + " x\n",
		"brackets":         strings.Repeat("[", 200000),
		"backtick runs":    ticks.String(),
		"table columns":    "|" + strings.Repeat("a|", 50000) + "\n|" + strings.Repeat("-|", 50000) + "\n",
		"emphasis":         strings.Repeat("*a ", 100000),
		"html openers":     strings.Repeat("<a ", 100000),
		"definitions":      refs.String(),
		"bytes":            strings.Repeat("plain words ", 300000),
		"fence then quote": "- ```\n" + strings.Repeat("[a](", 100000),
	}
}

func TestLimitsCatchHostileShapes(t *testing.T) {
	for name, body := range hostileShapes() {
		err := Limits{}.Check(body, "markdown")
		if !errors.Is(err, ErrLimit) {
			t.Errorf("%s (%d bytes): Check = %v, want ErrLimit", name, len(body), err)
		}
	}
}

// TestLimitsKeepRealPosts checks that what real posts hold passes: a
// long post with code fences full of markup, nested lists, quotes, a
// table and footnotes.
func TestLimitsKeepRealPosts(t *testing.T) {
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "## Part %d\n\nSome *emphasis*, a [link](https://example.org/%d) and `code`, with a note[^%d].\n\n", i, i, i)
		b.WriteString("```html\n" + strings.Repeat("<p><a href=\"x\">[*_`|]</a></p>\n", 200) + "```\n\n")
		b.WriteString("- one\n  - two\n    - three\n      > quoted\n      > > twice\n\n")
		b.WriteString("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n\n")
		b.WriteString("    indented <code> with [brackets]\n\n")
	}
	for i := range 200 {
		fmt.Fprintf(&b, "[^%d]: The note.\n", i)
	}
	if err := (Limits{}).Check(b.String(), "markdown"); err != nil {
		t.Errorf("a long real-looking post: %v", err)
	}
	if err := (Limits{}).Check(strings.Repeat("<div>", 100000), "html"); !errors.Is(err, ErrLimit) {
		t.Errorf("an HTML body of 100,000 tags: %v, want ErrLimit", err)
	}
	if err := (Limits{}).Check(strings.Repeat("<p>A paragraph of <em>HTML</em>.</p>\n", 2000), "html"); err != nil {
		t.Errorf("an HTML body of 6,000 tags: %v", err)
	}
	if err := (Limits{MaxBytes: 10}).Check(strings.Repeat("<", 11), "html"); !errors.Is(err, ErrLimit) {
		t.Errorf("an HTML body past MaxBytes: %v, want ErrLimit", err)
	}
	if err := (Limits{MaxDepth: -1, MaxMarkup: -1, MaxDefinitions: -1}).Check(strings.Repeat("[", 200000), "markdown"); err != nil {
		t.Errorf("negative limits are off, got %v", err)
	}
}

// TestMeasureFast checks that Measure, one pass over its input, reads
// each hostile body (up to 4 MB) well within a second: what goldmark took
// 12 to 126 s on.
func TestMeasureFast(t *testing.T) {
	for name, body := range hostileShapes() {
		start := time.Now()
		Measure(body)
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: Measure of %d bytes took %v", name, len(body), d)
		}
	}
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		text string
		want Shape
	}{
		{"a *b* [c](d)\n", Shape{Bytes: 13, Markup: 25, Paragraph: 5}},
		{"a *b*\n\n[c](d)\n", Shape{Bytes: 14, Markup: 4 + 9, Paragraph: 3}},
		{"```\n[[[[\n```\nx\n", Shape{Bytes: 15}},
		{"> > x\n", Shape{Bytes: 6, Depth: 2, DepthLine: 1}},
		{"a\n      - x\n", Shape{Bytes: 12, Depth: 4, DepthLine: 2, Markup: 0}},
		{"[a]: /x\n[^b]: y\n[c](d): no\n", Shape{Bytes: 27, Definitions: 2, Markup: 49, Paragraph: 7}},
	}
	for _, tt := range tests {
		got := Measure(tt.text)
		if got != tt.want {
			t.Errorf("Measure(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func TestGuard(t *testing.T) {
	ok := post.Body{Format: post.Markdown, Text: "Some *words*.", Dialect: post.Hugo}
	if got, err := (Limits{}).Guard(ok); err != nil || got != ok {
		t.Errorf("Guard(ok) = %+v, %v; want it unchanged", got, err)
	}
	bad := post.Body{Format: post.Markdown, Text: strings.Repeat("[a](", 100000), Dialect: post.Hugo}
	got, err := (Limits{}).Guard(bad)
	if !errors.Is(err, ErrLimit) {
		t.Errorf("Guard(bad) error = %v, want ErrLimit", err)
	}
	if want := (post.Body{Format: post.Text, Text: bad.Text}); got != want {
		t.Errorf("Guard(bad) = %.40q…, want the text as plain text", got.Text)
	}
}

// TestRendererGuards renders a hostile body through the markup Renderer
// itself: it comes out as escaped text, quickly.
func TestRendererGuards(t *testing.T) {
	r := New(Options{})
	start := time.Now()
	h, err := r.HTML(post.Body{Format: post.Markdown, Text: strings.Repeat("[a](", 100000)})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v", d)
	}
	if !strings.HasPrefix(string(h), "<p>[a]([a](") {
		t.Errorf("got %.40q…, want the text as a paragraph", h)
	}
}

// FuzzLimits checks that Measure and Check never panic, that Check agrees
// with the Shape Measure reports, and that Guard keeps a body within the
// limits unchanged and turns any other into plain text.
func FuzzLimits(f *testing.F) {
	for _, s := range []string{"a *b* [c](d)\n", "```\n[[[\n```\n", "> > - 1. x\n", "[a]: /x\n", "\t\t- x", "<div><p>x</p></div>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := Limits{MaxBytes: 200, MaxDepth: 3, MaxMarkup: 50, MaxDefinitions: 1, MaxTags: 3}
		sh := Measure(s)
		if sh.Bytes != len(s) || sh.Markup < sh.Paragraph*sh.Paragraph {
			t.Fatalf("Measure(%q) = %+v", s, sh)
		}
		err := l.Check(s, "markdown")
		within := len(s) <= 200 && sh.Depth <= 3 && sh.Markup <= 50 && sh.Definitions <= 1
		if (err == nil) != within {
			t.Fatalf("Check(%q) = %v, shape %+v", s, err, sh)
		}
		b, gerr := l.Guard(post.Body{Format: post.Markdown, Text: s})
		if (gerr == nil) != within || gerr == nil && b.Text != s || gerr != nil && b.Format != post.Text {
			t.Fatalf("Guard(%q) = %+v, %v", s, b, gerr)
		}
	})
}
