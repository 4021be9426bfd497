package post

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenSummaryWords is a small budget, so that the golden bodies show cuts.
const goldenSummaryWords = 40

// bodyFormat picks a body's format from its file extension.
func bodyFormat(name string) Format {
	switch filepath.Ext(name) {
	case ".md":
		return Markdown
	case ".html":
		return HTML
	}
	return Text
}

// goldenBodies returns the bodies in testdata/bodies by file name.
func goldenBodies(t testing.TB) map[string]Body {
	paths, err := filepath.Glob(filepath.Join("testdata", "bodies", "*"))
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]Body{}
	for _, p := range paths {
		if strings.HasSuffix(p, ".golden") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		bodies[p] = Body{Format: bodyFormat(p), Text: string(data)}
	}
	if len(bodies) == 0 {
		t.Fatal("no bodies in testdata/bodies")
	}
	return bodies
}

// describeBody is what the golden file of a body holds: its word count,
// reading time, split, summary and plain text.
func describeBody(b Body) string {
	p := &Post{Body: b}
	var out strings.Builder
	fmt.Fprintf(&out, "== words\n%d\n", p.WordCount())
	fmt.Fprintf(&out, "== reading minutes\n%d\n", ReadingMinutes(p.WordCount(), 0))
	before, ok := SplitMore(b)
	fmt.Fprintf(&out, "== split more (ok=%v)\n%s\n", ok, before)
	if ok {
		sum, truncated := Summarize(&Post{Body: b}, goldenSummaryWords)
		fmt.Fprintf(&out, "== summary with divider (truncated=%v)\n%s\n", truncated, sum)
	}
	sum, truncated := Summarize(&Post{Body: Body{Format: b.Format, Text: withoutDivider(b)}}, goldenSummaryWords)
	fmt.Fprintf(&out, "== summary of %d words (truncated=%v)\n%s\n", goldenSummaryWords, truncated, sum)
	fmt.Fprintf(&out, "== plain text\n%s\n", PlainText(b))
	return out.String()
}

// withoutDivider disables the body's "more" divider, so that the golden
// file shows the budget cut as well.
func withoutDivider(b Body) string {
	return strings.ReplaceAll(b.Text, "<!--more", "<!--divider")
}

func TestGoldenBodies(t *testing.T) {
	for path, b := range goldenBodies(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := describeBody(b)
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
			}
		})
	}
}
