package markup

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolveRelative(t *testing.T) {
	in := `<p><img src="pipeline.png" alt="x" /> <a href="../other/#a">o</a> <a href="/abs">a</a> <a href="#frag">f</a> ` +
		`<a href="https://example.org/x">w</a> <a href="mailto:a@b">m</a> <img srcset="a.png 1x, /b.png 2x" /> <a href="../../../../up">u</a> ` +
		`<a href="a%20b.html?x=1&amp;y=2">q</a></p>`
	want := `<p><img src="/2024/02/post/pipeline.png" alt="x" /> <a href="/2024/02/other/#a">o</a> <a href="/abs">a</a> <a href="#frag">f</a> ` +
		`<a href="https://example.org/x">w</a> <a href="mailto:a@b">m</a> <img srcset="/2024/02/post/a.png 1x, /b.png 2x" /> <a href="../../../../up">u</a> ` +
		`<a href="/2024/02/post/a%20b.html?x=1&amp;y=2">q</a></p>`
	if diff := cmp.Diff(want, ResolveRelative(in, "/2024/02/post/")); diff != "" {
		t.Errorf("ResolveRelative (-want +got):\n%s", diff)
	}
	if got := ResolveRelative(`<img src="a.png" />`, "/notes/page.html"); got != `<img src="/notes/a.png" />` {
		t.Errorf("against a file path: %q", got)
	}
}
