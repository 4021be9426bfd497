package markup

import (
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// TestSummaryGolden runs Summary over testdata/summary/*.html, whose
// first line is "words: N", and compares the summary and the truncated
// flag with the .golden file beside each.
func TestSummaryGolden(t *testing.T) {
	for _, in := range goldenInputs(t, filepath.Join("testdata", "summary"), ".html") {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			head, body, _ := strings.Cut(string(src), "\n")
			var n int
			if _, err := fmt.Sscanf(head, "words: %d", &n); err != nil {
				t.Fatalf("first line %q: %v", head, err)
			}
			got, truncated := Summary(template.HTML(body), n)
			checkWellFormed(t, string(got))
			out := fmt.Sprintf("%s\ntruncated: %v\n", got, truncated)
			checkGolden(t, goldenName(in, ".html", ".golden"), []byte(out))
		})
	}
}

// checkWellFormed fails when s closes an element it did not open or
// leaves one open.
func checkWellFormed(t *testing.T, s string) {
	t.Helper()
	var open []string
	tz := newTokenizer(s)
	for {
		tok, ok := tz.Next()
		if !ok {
			break
		}
		switch tok.Kind {
		case startTagToken:
			if !voidTags[tok.Name] {
				open = append(open, tok.Name)
			}
		case endTagToken:
			if len(open) == 0 || open[len(open)-1] != tok.Name {
				t.Fatalf("</%s> does not close the innermost open element %v in %q", tok.Name, open, s)
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		t.Fatalf("left open %v in %q", open, s)
	}
}

// TestSummaryWordCounts checks that a summary of n words has n words by
// the same count and that every budget below the total truncates.
func TestSummaryWordCounts(t *testing.T) {
	h := template.HTML(`<p>Alpha <em>beta gamma</em> delta.</p><ul><li>epsilon</li><li>zeta 言語</li></ul><p>eta <a href="/x">theta iota</a></p>`)
	total := 11
	for n := 1; n <= total+1; n++ {
		got, truncated := Summary(h, n)
		checkWellFormed(t, string(got))
		if want := n < total; truncated != want {
			t.Errorf("n=%d: truncated = %v, want %v", n, truncated, want)
		}
		text := strings.ReplaceAll(plainOf(string(got)), Ellipsis, "")
		if c := countSummaryWords(text); c != min(n, total) {
			t.Errorf("n=%d: %d words in %q", n, c, got)
		}
	}
}

// plainOf keeps the text of s, with a space for every tag that separates
// words.
func plainOf(s string) string {
	var b strings.Builder
	tz := newTokenizer(s)
	for {
		tok, ok := tz.Next()
		if !ok {
			return b.String()
		}
		switch {
		case tok.Kind == textToken:
			b.WriteString(tok.Data)
		case !inlineTags[tok.Name]:
			b.WriteString(" ")
		}
	}
}

func countSummaryWords(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		switch summaryClass(r) {
		case classSpaceRune:
			inWord = false
		case classCJKRune:
			n++
			inWord = false
		default:
			if !inWord {
				n++
			}
			inWord = true
		}
	}
	return n
}

func TestDescription(t *testing.T) {
	if got, want := Description("<p>Short <em>and</em>\n sweet.</p>"), "Short and sweet."; got != want {
		t.Errorf("Description = %q, want %q", got, want)
	}
	long := strings.Repeat("word, ", 40)
	got := Description(template.HTML("<p>" + long + "</p>"))
	if !strings.HasSuffix(got, "word"+Ellipsis) || len(got) > 160+len(Ellipsis) {
		t.Errorf("Description of a long summary = %q, want at most 160 bytes cut between words", got)
	}
	oneWord := strings.Repeat("é", 200)
	got = Description(template.HTML(oneWord))
	if !utf8.ValidString(got) || !strings.HasSuffix(got, Ellipsis) || len(got) > 160+len(Ellipsis) {
		t.Errorf("Description of one long word = %q, want it cut at a character boundary", got)
	}
}

func TestClipSummary(t *testing.T) {
	short := post.Body{Format: post.Markdown, Text: "*fine*"}
	if got, ok := ClipSummary(short); ok || got != short {
		t.Errorf("ClipSummary(short) = %v, %v; want it unchanged, false", got, ok)
	}
	long := post.Body{Format: post.Markdown, Text: "a" + strings.Repeat("€", MaxSummaryBytes)}
	got, ok := ClipSummary(long)
	if !ok || got.Format != post.Text || !utf8.ValidString(got.Text) || !strings.HasSuffix(got.Text, Ellipsis) || len(got.Text) > MaxSummaryBytes+len(Ellipsis) {
		t.Errorf("ClipSummary(long) = %d bytes %q..., %v; want plain text cut at a character boundary, true", len(got.Text), got.Text[:10], ok)
	}
}
