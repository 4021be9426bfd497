package markup

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark"
)

func TestHighlightUsesClassesOnly(t *testing.T) {
	got := Highlight("package main\n\nfunc main() {}\n", "go", HighlightOptions{})
	for _, want := range []string{`<pre class="chroma"><code class="language-go">`, `<span class="kd">func</span>`, `<span class="nf">main</span>`, "</code></pre>\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("Highlight: no %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "style=") {
		t.Errorf("Highlight wrote an inline style:\n%s", got)
	}
}

func TestHighlightPlain(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"", "<pre><code>a &lt;b&gt; &amp; c\n</code></pre>\n"},
		{"text", "<pre><code class=\"language-text\">a &lt;b&gt; &amp; c\n</code></pre>\n"},
		{"no-such-language", "<pre><code class=\"language-no-such-language\">a &lt;b&gt; &amp; c\n</code></pre>\n"},
		// A file name is not a language, though chroma would match it.
		{"main.go", "<pre><code class=\"language-main.go\">a &lt;b&gt; &amp; c\n</code></pre>\n"},
	} {
		if diff := cmp.Diff(c.want, Highlight("a <b> & c\n", c.lang, HighlightOptions{})); diff != "" {
			t.Errorf("Highlight(%q) (-want +got):\n%s", c.lang, diff)
		}
	}
}

func TestHighlightLines(t *testing.T) {
	code := "a: 1\nb: 2\nc: 3\n"
	got := Highlight(code, "yaml", HighlightOptions{Lines: []int{2}, LineNumbers: true, LineStart: 10})
	if n := strings.Count(got, `class="line hl"`); n != 1 {
		t.Fatalf("%d marked lines, want 1:\n%s", n, got)
	}
	if !strings.Contains(got, `<span class="line hl"><span class="ln">11</span><span class="cl"><span class="nt">b</span>`) {
		t.Errorf("line 2 (numbered 11) is not the marked one:\n%s", got)
	}
	// Line numbers on a block in no language still come out.
	if got := Highlight("x\ny\n", "", HighlightOptions{LineNumbers: true}); !strings.Contains(got, `<span class="ln">2</span>`) {
		t.Errorf("no line numbers on a plain block:\n%s", got)
	}
}

func TestHighlightHL(t *testing.T) {
	code := "func f() {\n\tdone <- true // HLdone\n\tx := 1 // HLother\n}\n"
	got := Highlight(code, "go", HighlightOptions{UseHL: true, HL: "done"})
	if strings.Contains(got, "HLdone") {
		t.Errorf("the HL comment stayed:\n%s", got)
	}
	if !strings.Contains(got, "HLother") {
		t.Errorf("another HL mark was removed:\n%s", got)
	}
	if n := strings.Count(got, `class="line hl"`); n != 1 {
		t.Errorf("%d marked lines, want 1:\n%s", n, got)
	}
}

func TestParseFenceInfo(t *testing.T) {
	for _, c := range []struct {
		info, lang string
		want       HighlightOptions
	}{
		{"go", "go", HighlightOptions{}},
		{"go {hl_lines=[2,3]}", "go", HighlightOptions{Lines: []int{2, 3}}},
		{`go {linenos=table,hl_lines=[8,"15-17"],linenostart=199}`, "go", HighlightOptions{LineNumbers: true, LineStart: 199, Lines: []int{8, 15, 16, 17}}},
		{`{linenos=true hl_lines="1 3"}`, "", HighlightOptions{LineNumbers: true, Lines: []int{1, 3}}},
		{"yaml {linenos=false, hl_lines=[x, 5-2, 0]}", "yaml", HighlightOptions{}},
		{"go {broken", "go", HighlightOptions{}},
	} {
		lang, o := parseFenceInfo(c.info)
		if lang != c.lang {
			t.Errorf("parseFenceInfo(%q) lang = %q, want %q", c.info, lang, c.lang)
		}
		if diff := cmp.Diff(c.want, o); diff != "" {
			t.Errorf("parseFenceInfo(%q) (-want +got):\n%s", c.info, diff)
		}
	}
	if _, o := parseFenceInfo("go {hl_lines=[1-20000]}"); len(o.Lines) != maxMarked {
		t.Errorf("a long range marked %d lines, want the bound %d", len(o.Lines), maxMarked)
	}
}

func TestHighlighterInGoldmark(t *testing.T) {
	var h Highlighter
	md := goldmark.New(goldmark.WithExtensions(&h))
	src := "```go {hl_lines=[1]}\nx := 1\n```\n\n```go {hl_lines=[1]}\nx := 1\n```\n\n    indented\n\n```\nplain\n```\n"
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	if n := strings.Count(got, `<pre class="chroma"><code class="language-go"><span class="line hl">`); n != 2 {
		t.Errorf("%d highlighted Go blocks, want 2:\n%s", n, got)
	}
	for _, want := range []string{"<pre><code>indented\n</code></pre>", "<pre><code>plain\n</code></pre>"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if len(h.cache) != 2 {
		t.Errorf("cache holds %d blocks, want 2 (one Go block twice, one plain)", len(h.cache))
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("go {hl_lines=[2,3] linenos=true}", "package main\nfunc main() {} // HL\n")
	f.Add("yaml", "a: [1, 2]\n")
	f.Add(`{linenostart=5 hl_lines="1-2"}`, "x\ny\n")
	f.Fuzz(func(t *testing.T, info, code string) {
		lang, o := parseFenceInfo(info)
		o.UseHL = strings.Contains(info, "HL")
		got := Highlight(code, lang, o)
		if !strings.HasSuffix(got, "</pre>\n") {
			t.Errorf("Highlight(%q, %q) does not end its <pre>: %q", code, lang, got)
		}
		if strings.Contains(got, "<script") || strings.Contains(got, "style=") {
			t.Errorf("Highlight(%q, %q) = %q", code, lang, got)
		}
	})
}
