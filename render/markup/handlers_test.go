package markup

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

func expandText(t *testing.T, d post.Dialect, in string, opt ExpandOptions) (string, []post.Warning) {
	t.Helper()
	var mu sync.Mutex
	var warns []post.Warning
	opt.Warn = func(w post.Warning) {
		mu.Lock()
		warns = append(warns, w)
		mu.Unlock()
	}
	p := &post.Post{Title: "Tides", Source: post.Source{Path: "posts/tides.md", BodyLine: 10}}
	e := Expand(p, post.Body{Format: post.Markdown, Text: in, Dialect: d}, opt)
	return e.Fill(e.Body.Text), warns
}

// TestRegisterOwnHandler: a program's handler gets the parsed call and
// replaces a built-in of the same name.
func TestRegisterOwnHandler(t *testing.T) {
	h := NewHandlers()
	var got *Call
	h.Register(post.Hugo, "tip", func(c *Call) (Result, error) {
		got = c
		return Join(HTML(`<aside class="tip">`), Text(c.ExpandInner()), HTML("</aside>")), nil
	})
	h.Register(post.Hugo, "youtube", func(c *Call) (Result, error) {
		return HTML("<p>video " + c.Get("id", 0) + "</p>"), nil
	})
	out, warns := expandText(t, post.Hugo, "Intro\n\n{{% tip level=2 \"Mind the tide\" %}}\nInner *text* {{< youtube abc >}}\n{{% /tip %}}\n", ExpandOptions{Handlers: h})
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	want := "Intro\n\n\n<aside class=\"tip\">\nInner *text* <p>video abc</p>\n</aside>\n\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got == nil {
		t.Fatal("handler not called")
	}
	if diff := cmp.Diff([]Arg{{Name: "level", Value: "2"}, {Value: "Mind the tide"}}, got.Args); diff != "" {
		t.Errorf("args (-want +got):\n%s", diff)
	}
	if !got.Markdown || !got.Closed || got.Line != 12 || got.Column != 1 || got.Post.Title != "Tides" {
		t.Errorf("call = markdown %v closed %v at %d:%d post %q", got.Markdown, got.Closed, got.Line, got.Column, got.Post.Title)
	}
	if got.Get("level", 5) != "2" || got.Get("", 0) != "Mind the tide" || got.Get("none", -1) != "" {
		t.Errorf("Get: %q %q", got.Get("level", 5), got.Get("", 0))
	}
	// Removing a handler makes the name unknown again.
	h.Register(post.Hugo, "youtube", nil)
	if _, ok := h.Lookup(post.Hugo, "youtube"); ok {
		t.Error("youtube still registered")
	}
}

// TestWordPressNamesOnlyRegistered: WordPress's parser matches only
// registered names, so registering one makes its tags expand.
func TestWordPressNamesOnlyRegistered(t *testing.T) {
	in := "[tide port=Leith]High at noon[/tide]"
	out, _ := expandText(t, post.WordPress, in, ExpandOptions{})
	if out != in {
		t.Errorf("unregistered tag changed: %q", out)
	}
	h := NewHandlers()
	h.Register(post.WordPress, "TIDE", func(c *Call) (Result, error) {
		return Text(c.Get("port", -1) + ": " + c.Inner), nil
	})
	out, _ = expandText(t, post.WordPressBlocks, in, ExpandOptions{Handlers: h})
	if out != "Leith: High at noon" {
		t.Errorf("registered tag: %q", out)
	}
}

// TestHandlerError: a failing handler keeps the call's content and
// warns at the call.
func TestHandlerError(t *testing.T) {
	h := NewHandlers()
	h.Register(post.Liquid, "tide", func(c *Call) (Result, error) { return Result{}, errors.New("no tables") })
	out, warns := expandText(t, post.Liquid, "a {% tide %} b", ExpandOptions{Handlers: h})
	if out != "a  b" || len(warns) != 1 || warns[0].Kind != "shortcode error" || warns[0].Column != 3 || warns[0].Line != 10 {
		t.Errorf("out %q, warnings %+v", out, warns)
	}
}

// TestUnknownDropsTagKeepsContent checks each dialect's unknown tags.
func TestUnknownDropsTagKeepsContent(t *testing.T) {
	tests := []struct {
		d      post.Dialect
		in     string
		want   string
		warned int
	}{
		{post.Hugo, "{{< note >}}Keep me{{< /note >}} and {{< stray >}}.", "Keep me and .", 2},
		{post.Hugo, "{{< /orphan >}}text", "text", 1},
		{post.Liquid, "{% callout %}x{% endcallout %}", "x", 2},
		{post.GoBlog, "{{by .Author}} wrote", " wrote", 1},
	}
	for _, tc := range tests {
		got, warns := expandText(t, tc.d, tc.in, ExpandOptions{})
		if got != tc.want || len(warns) != tc.warned {
			t.Errorf("%s %q: got %q with %d warnings %v, want %q with %d", tc.d, tc.in, got, len(warns), warns, tc.want, tc.warned)
		}
		for _, w := range warns {
			if w.Path != "posts/tides.md" || w.Line != 10 {
				t.Errorf("warning %v: want posts/tides.md:10", w)
			}
		}
	}
}

// TestNoDialectCostsNothing: a body without its dialect's opening
// characters is returned as it is, without a placeholder.
func TestNoDialectCostsNothing(t *testing.T) {
	for _, b := range []post.Body{
		{Format: post.Markdown, Text: "plain [text] {braces}", Dialect: post.Hugo},
		{Format: post.Markdown, Text: "plain text", Dialect: post.WordPress},
		{Format: post.Markdown, Text: "{{< x >}}", Dialect: post.NoDialect},
		{Format: post.Markdown, Text: "no actions {here}", Dialect: post.GoBlog},
	} {
		if NeedsExpand(b) {
			t.Errorf("NeedsExpand(%+v) = true", b)
		}
		e := Expand(nil, b, ExpandOptions{})
		if e.Body != b || e.Final {
			t.Errorf("Expand changed %+v into %+v", b, e.Body)
		}
	}
}

// TestPlaceholderClash: a body that already holds the placeholder text
// gets placeholders of another spelling.
func TestPlaceholderClash(t *testing.T) {
	in := "FoLiOxPaNd0DnApXoIlOf {{< youtube abc >}}"
	out, _ := expandText(t, post.Hugo, in, ExpandOptions{})
	if !strings.HasPrefix(out, "FoLiOxPaNd0DnApXoIlOf <figure") {
		t.Errorf("got %q", out)
	}
}

// TestLoopBudget: loops in loops stop at the call budget.
func TestLoopBudget(t *testing.T) {
	in := `{% assign xs = "a|b|c|d|e|f|g|h|i|j" | split: "|" %}` + strings.Repeat("{% for x in xs %}", 8) + "{{ x }}" + strings.Repeat("{% endfor %}", 8)
	out, warns := expandText(t, post.Liquid, in, ExpandOptions{})
	if len(out) > maxCalls*2 {
		t.Errorf("output of %d bytes", len(out))
	}
	found := false
	for _, w := range warns {
		found = found || w.Kind == "too many shortcodes"
	}
	if !found {
		t.Error("no warning about the budget")
	}
}

func ExampleHandlers_Register() {
	h := NewHandlers()
	h.Register(post.Hugo, "tide", func(c *Call) (Result, error) {
		return HTML(fmt.Sprintf(`<p class="tide">High water at %s</p>`, c.Get("port", 0))), nil
	})
	p := &post.Post{Source: post.Source{Path: "content/tides.md", BodyLine: 5}}
	e := Expand(p, post.Body{Format: post.Markdown, Text: "{{< tide port=\"Leith\" >}}", Dialect: post.Hugo}, ExpandOptions{Handlers: h})
	// The body is rendered (Markdown makes <p>placeholder</p>), then filled.
	fmt.Println(e.Fill("<p>" + strings.TrimSpace(e.Body.Text) + "</p>"))
	// Output:
	// <p class="tide">High water at Leith</p>
}
