package markup

import (
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-go/folio/render/internal/htmltest"
)

// addHTMLSeeds adds every autop and summary test input and the hostile
// bodies to f's corpus.
func addHTMLSeeds(f *testing.F) {
	for _, dir := range []string{"autop", "summary"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.html"))
		for _, name := range files {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(string(b))
		}
	}
	for _, s := range htmltest.HostileBodies {
		f.Add(s)
	}
}

// FuzzSanitize checks that Sanitize never panics, is idempotent, and never
// lets through anything a browser would run.
func FuzzSanitize(f *testing.F) {
	addHTMLSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if again := Sanitize(out); again != out {
			t.Fatalf("not idempotent:\nonce  %q\ntwice %q", out, again)
		}
		htmltest.AssertInert(t, out, 0)
		checkWellFormed(t, out)
	})
}

// FuzzAutop checks that Autop never panics and that the sanitized result
// stays inert.
func FuzzAutop(f *testing.F) {
	addHTMLSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		htmltest.AssertInert(t, Sanitize(Autop(s)), 0)
	})
}

// FuzzSummaryHTML checks that summaries of sanitized HTML are well-formed
// and are prefixes of their input's text.
func FuzzSummaryHTML(f *testing.F) {
	addHTMLSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		h := Sanitize(s)
		for _, n := range []int{1, 3, 10} {
			got, truncated := Summary(template.HTML(h), n)
			checkWellFormed(t, string(got))
			if !truncated && string(got) != h {
				t.Fatalf("not truncated but changed: %q -> %q", h, got)
			}
			if truncated && !strings.Contains(h, "more") && countSummaryWords(strings.ReplaceAll(plainOf(string(got)), Ellipsis, "")) > n+countSummaryWords(Ellipsis) {
				t.Fatalf("n=%d: too many words in %q", n, got)
			}
		}
	})
}
