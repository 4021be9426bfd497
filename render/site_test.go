package render

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }

func TestPostURL(t *testing.T) {
	p := &post.Post{
		Title: "Hello, World", Slug: "hello", Date: date(2017, 3, 4),
		Categories: []post.Term{{Name: "Go Lang", Slug: "go-lang"}},
		Authors:    []post.Author{{Name: "Ana Lima"}},
		Source:     post.Source{Path: "blog/2017/hello.md"},
	}
	undated := &post.Post{Title: "About", Slug: "about"}
	tests := []struct {
		name string
		pl   Permalinks
		p    *post.Post
		want string
	}{
		{"default", Permalinks{}, p, "/2017/03/hello/"},
		{"default undated", Permalinks{}, undated, "/about/"},
		{"jekyll", Permalinks{Post: "/:category/:year/:month/:day/:title.html"}, p, "/go-lang/2017/03/04/hello-world.html"},
		{"author section", Permalinks{Post: "/:section/:author/:slug/"}, p, "/blog/ana-lima/hello/"},
		{"empty token collapses", Permalinks{Post: "/:category/:slug/"}, undated, "/about/"},
		{"dateless pattern serves undated", Permalinks{Post: "/posts/:slug/"}, undated, "/posts/about/"},
		{"explicit undated", Permalinks{Undated: "/misc/:slug/"}, undated, "/misc/about/"},
		{"no leading slash", Permalinks{Post: ":year/:slug"}, p, "/2017/hello"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Site{Permalinks: tt.pl}
			if got := s.PostURL(tt.p); got != tt.want {
				t.Errorf("PostURL = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPostURLLocation(t *testing.T) {
	// 23:30 on 31 March in New York is 1 April in UTC.
	ny := time.FixedZone("EST", -5*3600)
	p := &post.Post{Slug: "late", Date: time.Date(2017, 3, 31, 23, 30, 0, 0, ny)}
	if got := (&Site{}).PostURL(p); got != "/2017/03/late/" {
		t.Errorf("own zone: %q", got)
	}
	if got := (&Site{Location: time.UTC}).PostURL(p); got != "/2017/04/late/" {
		t.Errorf("UTC: %q", got)
	}
}

func TestOtherURLs(t *testing.T) {
	s := &Site{}
	checks := []struct{ got, want string }{
		{s.TermURL("tags", "c-sharp"), "/tags/c-sharp/"},
		{s.TaxonomyURL("categories"), "/categories/"},
		{s.ArchiveURL(2017, 0, 0), "/2017/"},
		{s.ArchiveURL(2017, 3, 0), "/2017/03/"},
		{s.ArchiveURL(2017, 3, 4), "/2017/03/04/"},
		{s.PageURL("/", 1), "/"},
		{s.PageURL("/", 2), "/page/2/"},
		{s.PageURL("/tags/go/", 3), "/tags/go/page/3/"},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("%d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestAbsURL(t *testing.T) {
	tests := []struct{ base, p, want string }{
		{"", "/x/", "/x/"},
		{"https://example.com", "/x/", "https://example.com/x/"},
		{"https://example.com/blog/", "/x/", "https://example.com/blog/x/"},
		{"https://example.com/blog/", "x/", "https://example.com/blog/x/"},
	}
	for _, tt := range tests {
		if got := (&Site{BaseURL: tt.base}).AbsURL(tt.p); got != tt.want {
			t.Errorf("AbsURL(%q, %q) = %q, want %q", tt.base, tt.p, got, tt.want)
		}
	}
}

func TestFilePath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "index.html"},
		{"", "index.html"},
		{"/x/y/", "x/y/index.html"},
		{"/x/y", "x/y/index.html"},
		{"/404.html", "404.html"},
		{"/style.css", "style.css"},
		{"/x/?q=1#f", "x/index.html"},
		{"/../../etc/passwd", "etc/passwd/index.html"},
		{"..", "index.html"},
		{`\..\..\x\`, "x/index.html"},
		{"/a/./b/../c/", "a/c/index.html"},
	}
	for _, tt := range tests {
		if got := FilePath(tt.in); got != tt.want {
			t.Errorf("FilePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLink(t *testing.T) {
	rel := &Site{RelativeURLs: true}
	abs := &Site{BaseURL: "https://example.com/blog/"}
	tests := []struct {
		s        *Site
		from, to string
		want     string
	}{
		{rel, "/", "/tags/go/", "./tags/go/index.html"},
		{rel, "/2017/03/hello/", "/tags/go/", "../../../tags/go/index.html"},
		{rel, "/2017/03/hello/", "/", "../../../index.html"},
		{rel, "/2017/03/hello/", "/2017/03/", "../../../2017/03/index.html"},
		{rel, "/2017/03/hello/", "/2017/03/hello/", "../../../2017/03/hello/index.html"},
		{rel, "/2017/03/hello/", "/style.css", "../../../style.css"},
		{rel, "/404.html", "/style.css", "./style.css"},
		{rel, "/tags/", "/tags/go/#x", "../tags/go/index.html#x"},
		{rel, "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/", "/", strings.Repeat("../", 17) + "index.html"},
		{abs, "/2017/", "/tags/go/", "/blog/tags/go/"},
		{&Site{}, "/2017/", "/tags/go/", "/tags/go/"},
	}
	for _, tt := range tests {
		root := tt.s.basePath()
		if tt.s.RelativeURLs {
			root = rootPrefix(tt.from)
		}
		if got := root + tt.s.linkTail(tt.to); got != tt.want {
			t.Errorf("link(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestCheckPatterns(t *testing.T) {
	p := &post.Post{Title: "T", Slug: "t", Date: date(2017, 3, 4)}
	bad := []Permalinks{
		{Post: "https://evil.example/:slug/"},
		{Post: "//evil.example/:slug/"},
		{Post: "/../:slug/"},
		{Post: `/a\:slug/`},
		{Post: "/:nope/"},
		{Post: "/a:/:slug/"},
		{Term: "/../:term/"},
		{Year: "/:year/../../"},
		{Post: "/:slug/?x"},
	}
	for _, pl := range bad {
		err := (&Site{Permalinks: pl}).Check([]*post.Post{p})
		if !errors.Is(err, ErrUnsafePath) {
			t.Errorf("Check(%+v) = %v, want ErrUnsafePath", pl, err)
		}
	}
}

func TestCheckPosts(t *testing.T) {
	mk := func(title, slug string, d time.Time) *post.Post {
		return &post.Post{Title: title, Slug: slug, Date: d}
	}
	tests := []struct {
		name  string
		pl    Permalinks
		posts []*post.Post
		want  error
	}{
		{"fine", Permalinks{}, []*post.Post{mk("A", "a", date(2017, 1, 1)), mk("B", "b", date(2017, 1, 1)), mk("C", "c", time.Time{})}, nil},
		{"same path", Permalinks{}, []*post.Post{mk("A", "x", date(2017, 1, 1)), mk("B", "x", date(2017, 1, 2))}, ErrPathClash},
		{"coarse pattern", Permalinks{Post: "/:year/"}, []*post.Post{mk("A", "a", date(2017, 1, 1))}, ErrPathClash},
		{"slug is a taxonomy", Permalinks{}, []*post.Post{mk("Tags", "tags", time.Time{})}, ErrPathClash},
		{"slug dot dot", Permalinks{}, []*post.Post{mk("Up", "..", time.Time{})}, ErrUnsafePath},
		{"slug with slash", Permalinks{}, []*post.Post{mk("Up", "../../x", time.Time{})}, ErrUnsafePath},
		{"slug with colon", Permalinks{Post: ":slug"}, []*post.Post{mk("JS", "javascript:alert(1)", time.Time{})}, ErrUnsafePath},
		{"slug with backslash", Permalinks{}, []*post.Post{mk("B", `a\b`, time.Time{})}, ErrUnsafePath},
		{"html file and folder", Permalinks{Post: "/:slug/index.html", Undated: "/:slug/"}, []*post.Post{mk("A", "a", date(2017, 1, 1)), mk("B", "a", time.Time{})}, ErrPathClash},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := (&Site{Permalinks: tt.pl}).Check(tt.posts)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Check = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCheckTermPaths(t *testing.T) {
	p := &post.Post{Title: "T", Slug: "t", Tags: []post.Term{{Name: "Up", Slug: ".."}}}
	if err := (&Site{}).Check([]*post.Post{p}); !errors.Is(err, ErrUnsafePath) {
		t.Errorf("Check = %v, want ErrUnsafePath", err)
	}
}

func TestTaxonomyNamesBecomeSlugs(t *testing.T) {
	s := &Site{}
	if got := s.TermURL("My Series", "one"); got != "/my-series/one/" {
		t.Errorf("TermURL = %q", got)
	}
	if got := s.TaxonomyURL("<script>"); got != "/script/" {
		t.Errorf("TaxonomyURL = %q", got)
	}
	p := &post.Post{Slug: "x", Taxonomies: map[string][]post.Term{"Reading List": {{Name: "Books"}}}}
	if err := s.Check([]*post.Post{p}); err != nil {
		t.Errorf("Check: %v", err)
	}
}
