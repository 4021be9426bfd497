package source_test

import (
	"context"
	"fmt"
	"testing/fstest"

	"github.com/folio-go/folio/post"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/source"
)

// hostileSources are front-matter and text shapes that were once slow,
// each at the size in the hostile-input table (or with n items).
func hostileSources() []struct {
	name  string
	n     int
	gen   func(n int) []byte
	parse func([]byte) error
} {
	md := func(data []byte) error {
		_, err := source.ParseMarkdown("p.md", data, source.Options{})
		return err
	}
	return []struct {
		name  string
		n     int
		gen   func(n int) []byte
		parse func([]byte) error
	}{
		{"flow sequence", 250000, func(n int) []byte {
			return []byte("---\ntitle: t\ntags: [" + strings.Repeat("same, ", n) + "x]\n---\nbody\n")
		}, md},
		{"block sequence", 250000, func(n int) []byte {
			return []byte("---\ntitle: t\ntags:\n" + strings.Repeat("  - same\n", n) + "---\nbody\n")
		}, md},
		{"toml tables", 200000, func(n int) []byte {
			var b strings.Builder
			b.WriteString("+++\ntitle = \"t\"\n")
			for i := range n {
				fmt.Fprintf(&b, "[t%d]\n", i)
			}
			b.WriteString("+++\nbody\n")
			return []byte(b.String())
		}, md},
		{"toml array", 250000, func(n int) []byte {
			return []byte("+++\ntitle = \"t\"\ntags = [" + strings.Repeat("\"same\", ", n) + "\"x\"]\n+++\nbody\n")
		}, md},
		{"json array", 250000, func(n int) []byte {
			return []byte("{\"title\": \"t\", \"tags\": [" + strings.Repeat("\"same\", ", n) + "\"x\"]}\nbody\n")
		}, md},
		{"text byline", 1000000, func(n int) []byte {
			return []byte("A title\n\nBy " + strings.Repeat("Ann Lee, ", n) + "Bo Chan\nMarch 3, 2017\n\nA paragraph of text.\n")
		}, func(data []byte) error {
			_, err := source.ParseText("p.txt", data, source.Options{})
			return err
		}},
		{"text body of <", 10000000, func(n int) []byte {
			return []byte("A title\n\nBy Ann Lee\nMarch 3, 2017\n\n" + strings.Repeat("<", n) + "\n")
		}, func(data []byte) error {
			_, err := source.ParseText("p.txt", data, source.Options{})
			return err
		}},
	}
}

// TestHostileSources parses each shape at a size where quadratic cost
// shows (250,000 tags on one line, a byline of a million names, 10 MB of
// `<`) and fails past a bound that linear cost meets many times over:
// the quadratic fast path took about 50 s on the 250,000 tags. Under the
// race detector, which slows code about 20 times, the inputs are a
// quarter as large and the bound 5 times as long: quadratic cost still
// takes many times longer than it.
func TestHostileSources(t *testing.T) {
	n, bound := 1, 5*time.Second
	if slowdown > 1 {
		n, bound = 4, 25*time.Second
	}
	for _, c := range hostileSources() {
		data := c.gen(c.n / n)
		start := time.Now()
		err := c.parse(data)
		d := time.Since(start)
		t.Logf("%s: %d bytes in %v (%v)", c.name, len(data), d, err)
		if d > bound {
			t.Errorf("%s: %d bytes took %v", c.name, len(data), d)
		}
	}
}

// BenchmarkHostileSources parses each shape at a quarter, a half and all
// of its size; ns/op growing in step with the size shows linear time.
func BenchmarkHostileSources(b *testing.B) {
	for _, c := range hostileSources() {
		for _, div := range []int{4, 2, 1} {
			data := c.gen(c.n / div)
			b.Run(fmt.Sprintf("%s/%d", c.name, c.n/div), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					c.parse(data)
				}
			})
		}
	}
}

// TestHostileFrontMatter checks the rows of the hostile-input table that
// the front matter meets: each is refused or cut quickly, and the good
// post beside it is read.
func TestHostileFrontMatter(t *testing.T) {
	var tables strings.Builder
	tables.WriteString("+++\ntitle = \"t\"\n")
	for i := range 200000 {
		fmt.Fprintf(&tables, "[t%d]\n", i)
	}
	tables.WriteString("+++\nbody\n")
	deepTable := "+++\ntitle = \"deep\"\n[" + strings.Repeat("a.", 10000) + "a]\n+++\nbody\n"
	deepInline := "+++\ntitle = \"deep\"\nx = " + strings.Repeat("{a = ", 1000) + "1" + strings.Repeat("}", 1000) + "\n+++\nbody\n"
	deepYAML := "---\ntitle: deep\nx: " + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + "\n---\nbody\n"
	for name, text := range map[string]string{
		"200,000 TOML tables":      tables.String(),
		"10,001-level TOML table":  deepTable,
		"1,000-level inline table": deepInline,
		"1,000-level YAML list":    deepYAML,
	} {
		start := time.Now()
		_, err := source.ParseMarkdown("p.md", []byte(text), source.Options{})
		if d := time.Since(start); d > slowdown*2*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
		if err == nil || !strings.Contains(err.Error(), "bad front matter") {
			t.Errorf("%s: err = %v, want a front-matter error", name, err)
		}
	}
	ok := "+++\ntitle = \"ok\"\n[a]\nb = 1\n[c.d]\ne = [[1, 2], {f = 3}]\n+++\nbody\n"
	if _, err := source.ParseMarkdown("p.md", []byte(ok), source.Options{}); err != nil {
		t.Errorf("ordinary tables: %v", err)
	}
}

// TestLoadLimitsTerms loads a post with 2,000 tags beside a good one: the
// first MaxTerms are kept, with one warning, and the good post is read.
func TestLoadLimitsTerms(t *testing.T) {
	tags := make([]string, 2000)
	for i := range tags {
		tags[i] = fmt.Sprintf("t%d", i)
	}
	fsys := fstest.MapFS{
		"many.md": {Data: []byte("---\ntitle: Many\ntags: [" + strings.Join(tags, ", ") + "]\n---\nx\n")},
		"good.md": {Data: []byte("---\ntitle: Good\ntags: [a, b]\n---\ny\n")},
	}
	var warns []post.Warning
	posts, err := source.Load(context.Background(), fsys, ".", source.Options{Warn: func(w post.Warning) { warns = append(warns, w) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 2 {
		t.Fatalf("got %d posts, want 2", len(posts))
	}
	if got := len(posts[1].Tags); got != source.DefaultMaxTerms {
		t.Errorf("many.md kept %d tags, want %d", got, source.DefaultMaxTerms)
	}
	if len(posts[0].Tags) != 2 {
		t.Errorf("good.md has %d tags, want 2", len(posts[0].Tags))
	}
	if len(warns) != 1 || warns[0].Path != "many.md" || !strings.Contains(warns[0].Message, "2000 tags") {
		t.Errorf("warnings = %+v, want one about many.md's 2000 tags", warns)
	}
}

// TestLoadSetWarnsTerms checks that LoadSet and Reload pass on what Load
// does: the warning for a post past MaxTerms, once per reading.
func TestLoadSetWarnsTerms(t *testing.T) {
	tags := make([]string, 600)
	for i := range tags {
		tags[i] = fmt.Sprintf("t%d", i)
	}
	fsys := fstest.MapFS{
		"many.md": {Data: []byte("---\ntitle: Many\ntags: [" + strings.Join(tags, ", ") + "]\n---\nx\n")},
		"good.md": {Data: []byte("---\ntitle: Good\n---\ny\n")},
	}
	var warns []string
	set, err := source.LoadSet(context.Background(), fsys, ".", source.Options{Warn: func(w post.Warning) { warns = append(warns, w.String()) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "600 tags") {
		t.Errorf("LoadSet warnings = %q, want one about 600 tags", warns)
	}
	if _, err := set.Reload(context.Background(), "many.md"); err != nil {
		t.Fatal(err)
	}
	if len(warns) != 2 {
		t.Errorf("after Reload, warnings = %q, want the same warning again", warns)
	}
	for _, p := range set.Posts() {
		if len(p.Tags) > source.DefaultMaxTerms {
			t.Errorf("%s keeps %d tags", p.Title, len(p.Tags))
		}
	}
}
