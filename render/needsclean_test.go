package render

import (
	"strings"
	"testing"
)

// needsCleanBytes skips printable ASCII eight bytes at a time; it must
// still find every byte needsClean finds, wherever it sits in a group.
func TestNeedsCleanBytesEveryOffset(t *testing.T) {
	bad := []string{"\x00", "\x01", "\x08", "\x0b", "\x1f", "\x7f", "\xc2\x80", "\xc2\x9f", "\xff", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xe2\x82"}
	good := []string{"\t", "\n", "\f", "\r", " ", "~", "é", "€", "😀"}
	for n := 0; n < 20; n++ {
		for _, c := range append(bad, good...) {
			s := strings.Repeat("a", n) + c + strings.Repeat("b", 20-n)
			want := needsClean(s)
			if got := needsCleanBytes([]byte(s)); got != want {
				t.Errorf("needsCleanBytes(%q) = %v, needsClean says %v", s, got, want)
			}
		}
	}
}

func FuzzNeedsCleanBytes(f *testing.F) {
	for _, s := range []string{"", "plain ascii text here", "tab\there", "nul\x00", "del\x7f", "é€😀", "\xff", "0123456789abcdef\x1f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := needsCleanBytes([]byte(s)), needsClean(s); got != want {
			t.Fatalf("needsCleanBytes(%q) = %v, needsClean says %v", s, got, want)
		}
	})
}
