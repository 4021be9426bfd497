package links

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestKey(t *testing.T) {
	for _, c := range []struct{ u, host, want string }{
		{"/2019/03/x/", "", "/2019/03/x"},
		{"/blog/x/index.html#top", "", "/blog/x"},
		{"/?p=12", "", "?p=12"}, // the root's trailing slash goes too
		{"/", "", "/"},
		{"https://Blog.Example/2019/03/x/", "", "blog.example/2019/03/x"},
		{"https://blog.example/2019/03/x/", "blog.example", "/2019/03/x"},
		{"/a%20b/", "", "/a b"},
		{"x/y", "", ""},
		{"mailto:a@example.org", "", ""},
		{"https:///nohost", "", ""},
	} {
		if got := Key(c.u, c.host); got != c.want {
			t.Errorf("Key(%q, %q) = %q, want %q", c.u, c.host, got, c.want)
		}
	}
}

func TestIsRelative(t *testing.T) {
	for u, want := range map[string]bool{
		"img/a.png": true, "../x/": true, "a:b/c": false, "/x": false,
		"#top": false, "?q": false, "": false, "mailto:a@b": false, "a/b:c": true,
	} {
		if got := IsRelative(u); got != want {
			t.Errorf("IsRelative(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestOldBase(t *testing.T) {
	got := OldBase([]string{"https://other.example/x/", "https://old.example/2019/a/", "/b/"}, "old.example")
	if got == nil || got.String() != "/2019/a/" {
		t.Errorf("OldBase = %v, want /2019/a/", got)
	}
	if got := OldBase([]string{"https://other.example/x/"}, ""); got != nil {
		t.Errorf("OldBase with no alias on the origin = %v, want nil", got)
	}
}

func TestRewrite(t *testing.T) {
	h := `<a href="/old/?a=1&amp;b=2">x</a><img src="keep.png"><a title="href=">y</a>`
	var seen []string
	got := Rewrite(h, func(attr, u string) (string, bool) {
		seen = append(seen, attr+" "+u)
		if attr == "href" {
			return "/new/?q=<1>&r", true
		}
		return "", false
	})
	want := `<a href="/new/?q=&lt;1&gt;&amp;r">x</a><img src="keep.png"><a title="href=">y</a>`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Rewrite (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"href /old/?a=1&b=2", "src keep.png"}, seen); diff != "" {
		t.Errorf("Rewrite calls (-want +got):\n%s", diff)
	}
	if got := Rewrite("<p>plain</p>", func(string, string) (string, bool) { t.Fatal("called"); return "", false }); got != "<p>plain</p>" {
		t.Errorf("Rewrite changed HTML without links: %q", got)
	}
}
