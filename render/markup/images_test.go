package markup

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestImages(t *testing.T) {
	size := func(src string) (int, int, bool) {
		if src == "harbour.jpg" {
			return 640, 480, true
		}
		return 0, 0, false
	}
	in := `<p><img src="harbour.jpg" alt="a > b" /> <img src="harbour.jpg" width="10" /> <img src="none.png" loading="eager"><imgx></p>`
	want := `<p><img src="harbour.jpg" alt="a > b" width="640" height="480" decoding="async" /> ` +
		`<img src="harbour.jpg" width="10" loading="lazy" decoding="async" /> ` +
		`<img src="none.png" loading="eager" decoding="async"><imgx></p>`
	if diff := cmp.Diff(want, Images(in, ImageOptions{Size: size, EagerFirst: true})); diff != "" {
		t.Errorf("Images (-want +got):\n%s", diff)
	}
	if got := Images(`<img src="a.png" />`, ImageOptions{}); got != `<img src="a.png" loading="lazy" decoding="async" />` {
		t.Errorf("Images without EagerFirst = %q", got)
	}
	if got := Images(`<img src="unclosed`, ImageOptions{}); got != `<img src="unclosed` {
		t.Errorf("an unreadable tag changed: %q", got)
	}
}

func FuzzImages(f *testing.F) {
	f.Add(`<img src="a.png" alt='x>y' />`)
	f.Add(`<img src=a.png><img`)
	f.Fuzz(func(t *testing.T, h string) {
		got := Images(h, ImageOptions{Size: func(string) (int, int, bool) { return 1, 2, true }})
		if strings.Count(got, "<") != strings.Count(h, "<") {
			t.Errorf("Images(%q) = %q changed the tags", h, got)
		}
	})
}
