package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/folio-go/folio/taxonomy"
)

// With NoDayArchives no day page is written and no month page links to
// one; years and months stay.
func TestNoDayArchives(t *testing.T) {
	idx, err := taxonomy.Build(samplePosts(), taxonomy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	count := func(opt PageOptions) (days, months int, pages map[string][]byte) {
		r, err := NewRenderer(sampleSite(), idx, opt)
		if err != nil {
			t.Fatal(err)
		}
		pages = map[string][]byte{}
		for pg := range r.Pages() {
			switch pg.Kind {
			case KindDay:
				days++
			case KindMonth:
				months++
			}
			var b bytes.Buffer
			if err := pg.Write(&b); err != nil {
				t.Fatal(err)
			}
			pages[pg.File()] = b.Bytes()
		}
		return days, months, pages
	}
	days, months, _ := count(PageOptions{})
	if days == 0 || months == 0 {
		t.Fatalf("default: %d day and %d month pages, want some of each", days, months)
	}
	days, months2, pages := count(PageOptions{NoDayArchives: true})
	if days != 0 || months2 != months {
		t.Errorf("NoDayArchives: %d day and %d month pages, want 0 and %d", days, months2, months)
	}
	for file, page := range pages {
		for _, m := range findAll(page, `href="`) {
			target := m
			if strings.HasPrefix(target, "http") || strings.HasPrefix(target, "#") {
				continue
			}
			if !resolves(file, target, pages) {
				t.Errorf("%s links to %s, which was not written", file, target)
			}
		}
	}
}

// findAll returns the values of the attributes that start with prefix.
func findAll(page []byte, prefix string) []string {
	var out []string
	s := string(page)
	for {
		i := strings.Index(s, prefix)
		if i < 0 {
			return out
		}
		s = s[i+len(prefix):]
		j := strings.IndexByte(s, '"')
		if j < 0 {
			return out
		}
		out = append(out, s[:j])
		s = s[j:]
	}
}

// resolves reports whether the relative link ref on the page in file
// names a page that was written.
func resolves(file, ref string, pages map[string][]byte) bool {
	ref, _, _ = strings.Cut(ref, "#")
	dir := file[:strings.LastIndex(file, "/")+1]
	parts := strings.Split(dir+ref, "/")
	var stack []string
	for _, p := range parts {
		switch p {
		case "", ".":
		case "..":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		default:
			stack = append(stack, p)
		}
	}
	_, ok := pages[strings.Join(stack, "/")]
	return ok
}
