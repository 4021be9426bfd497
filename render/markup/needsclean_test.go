package markup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// needsCleanRef is needsClean the plain way, one character at a time:
// the reference the fast check must agree with.
func needsCleanRef(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if badTextRune(r, size) {
			return true
		}
		i += size
	}
	return false
}

// needsClean and needsCleanBytes skip printable ASCII eight bytes at a
// time; they must still find every character the reference finds,
// wherever it sits in a group.
func TestNeedsCleanBytesEveryOffset(t *testing.T) {
	bad := []string{"\x00", "\x01", "\x08", "\x0b", "\x1f", "\x7f", "\xc2\x80", "\xc2\x9f", "\xff", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xe2\x82"}
	good := []string{"\t", "\n", "\f", "\r", " ", "~", "é", "€", "😀"}
	for n := 0; n < 20; n++ {
		for _, c := range append(bad, good...) {
			s := strings.Repeat("a", n) + c + strings.Repeat("b", 20-n)
			want := needsCleanRef(s)
			if got := needsCleanBytes([]byte(s)); got != want {
				t.Errorf("needsCleanBytes(%q) = %v, the reference says %v", s, got, want)
			}
			if got := needsClean(s); got != want {
				t.Errorf("needsClean(%q) = %v, the reference says %v", s, got, want)
			}
		}
	}
}

func FuzzNeedsCleanBytes(f *testing.F) {
	for _, s := range []string{"", "plain ascii text here", "tab\there", "nul\x00", "del\x7f", "é€😀", "\xff", "0123456789abcdef\x1f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := needsCleanRef(s)
		if got := needsCleanBytes([]byte(s)); got != want {
			t.Fatalf("needsCleanBytes(%q) = %v, the reference says %v", s, got, want)
		}
		if got := needsClean(s); got != want {
			t.Fatalf("needsClean(%q) = %v, the reference says %v", s, got, want)
		}
	})
}

func BenchmarkNeedsCleanBytes(b *testing.B) {
	page := []byte(strings.Repeat("<li><a href=\"../../tags/go/index.html\">Go – “generics”</a> <span class=\"count\">(12)</span></li>\n", 200))
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if needsCleanBytes(page) {
			b.Fatal("clean page reported")
		}
	}
}
