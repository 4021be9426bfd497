package markup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// fuzzExpand expands in as a body of dialect d and checks what must
// hold for any input: no panic, every placeholder filled, and a body
// without the dialect's opening characters left as it is.
func fuzzExpand(f *testing.F, dir string, d post.Dialect, seeds ...string) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", dir, "*.input"))
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		opt := sampleOptions(func(w post.Warning) {
			if w.Kind == "" || !strings.HasPrefix(w.Message, "markup: ") {
				t.Errorf("warning without kind or prefix: %+v", w)
			}
		})
		for _, format := range []post.Format{post.Markdown, post.HTML} {
			b := post.Body{Format: format, Text: in, Dialect: d}
			e := Expand(samplePost("fuzz"), b, opt)
			if !NeedsExpand(b) && e.Body.Text != in {
				t.Fatalf("body without calls changed: %q -> %q", in, e.Body.Text)
			}
			out := e.Fill(e.Body.Text)
			if e.prefix != "" && strings.Contains(out, e.prefix) && !strings.Contains(in, placeholderStart) {
				t.Fatalf("placeholder left in %q -> %q", in, out)
			}
			if utf8.ValidString(in) && !utf8.ValidString(out) {
				t.Fatalf("valid UTF-8 %q became invalid %q", in, out)
			}
		}
	})
}

func FuzzExpandWordPress(f *testing.F) {
	fuzzExpand(f, "wordpress", post.WordPress, "[caption]x[/caption", "[[gallery]", "[embed]http://[/embed]", "[caption a='1' b=\"2\" c=3 /]")
}

func FuzzExpandWordPressBlocks(f *testing.F) {
	fuzzExpand(f, "wordpress", post.WordPressBlocks, "<!-- wp:archives /--><!-- wp:", "<!-- wp:x /-->")
}

func FuzzExpandHugo(f *testing.F) {
	fuzzExpand(f, "hugo", post.Hugo, "{{< a b=\"c\\\"d\" e=`f` >}}{{< /a >}}", "{{</* x */>}}", "{{% a %}}{{% a %}}{{% /a %}}", "{{<", "{{< x />}}")
}

func FuzzExpandLiquid(f *testing.F) {
	fuzzExpand(f, "liquid", post.Liquid, "{% raw %}{% raw %}{% endraw %}", "{%- if x -%}a{% else %}b{% endif %}", "{{ a | date: \"%-d %B\" | default: 'x' }}", "{% for a in b %}{% for c in a %}")
}

func FuzzExpandGoBlog(f *testing.F) {
	fuzzExpand(f, "goblog", post.GoBlog, "{{raw `a}}b`}}", "{{- x -}}", "{{code \"a\" `/(/`}}", "{{/* c */}}", "{{\"", "{{if x}}{{end}}{{end}}")
}
