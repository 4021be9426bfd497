package deps

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/folio-go/folio"

// allowed lists, for each package, the non-standard imports it may have.
// A key ending in "/" covers every package below it.
var allowed = map[string][]string{
	// post is the model every other package shares; it imports no folio
	// package.
	"post":     {"github.com/gosimple/slug"},
	"source":   {module + "/post", "go.yaml.in/yaml/v3", "github.com/pelletier/go-toml/v2"},
	"taxonomy": {module + "/post"},
	// render/markup turns bodies into HTML; a program that only renders
	// bodies needs post and nothing else of folio.
	"render/markup": {module + "/post", module + "/render/internal/htmltok",
		"github.com/yuin/goldmark", "github.com/alecthomas/chroma/v2"},
	// render/feed writes feeds and sitemaps from posts, never through the
	// page renderer.
	"render/feed": {module + "/post", module + "/render/markup"},
	// render makes sites; nothing under render imports source.
	"render": {module + "/post", module + "/taxonomy", module + "/render/markup", module + "/render/feed",
		module + "/render/internal/links", module + "/render/internal/sitepath"},
	// render/postfile writes one post on its own: back in the formats
	// source reads (the Markdown front matter is YAML), or as JSON, whose
	// word count reads the body expanded by render/markup.
	"render/postfile": {module + "/post", module + "/render/markup", "go.yaml.in/yaml/v3"},
	// render/internal/htmltok is the HTML tokenizer markup's sanitizer is
	// built on; render's tests read pages with it too. It needs nothing.
	"render/internal/htmltok": {},
	// render/internal/links holds render's URL helpers for links moved
	// with their posts; it knows nothing of posts.
	"render/internal/links": {},
	// render/internal/sitepath expands permalink patterns and checks the
	// paths they give; it knows nothing of posts.
	"render/internal/sitepath": {},
	// render/internal/htmltest holds what the tests of render and markup
	// share to prove pages inert.
	"render/internal/htmltest": {module + "/render/internal/htmltok"},
	"internal/":                {module + "/post", module + "/internal/"},
	"internal/golden":          {"github.com/google/go-cmp"},
	// No rule anywhere allows an import of examples.
	// examples/site -serve watches the sources with fsnotify.
	"examples/": {module + "/post", module + "/source", module + "/taxonomy", module + "/render",
		"github.com/fsnotify/fsnotify"},
}

func TestImportRules(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	imports := packageImports(t, root)
	if len(imports) == 0 {
		t.Fatal("found no packages")
	}
	var dirs []string
	for dir := range imports {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		rules, ok := rulesFor(dir)
		if !ok {
			t.Errorf("%s: package has no import rule; add one to allowed", dir)
			continue
		}
		for _, imp := range imports[dir] {
			if isStd(imp) {
				continue
			}
			if !permitted(imp, rules) {
				t.Errorf("%s imports %s, which the import rules in this package's doc do not allow", dir, imp)
			}
		}
	}
}

func rulesFor(dir string) ([]string, bool) {
	if r, ok := allowed[dir]; ok {
		return r, true
	}
	best := ""
	for k := range allowed {
		if strings.HasSuffix(k, "/") && strings.HasPrefix(dir+"/", k) && len(k) > len(best) {
			best = k
		}
	}
	r, ok := allowed[best]
	return r, ok && best != ""
}

func permitted(imp string, rules []string) bool {
	for _, r := range rules {
		if imp == r || (strings.HasSuffix(r, "/") && strings.HasPrefix(imp, r)) ||
			strings.HasPrefix(imp, r+"/") {
			return true
		}
	}
	return false
}

func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// packageImports maps each package directory (relative, slash-separated) to
// the imports of its non-test files.
func packageImports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			out[rel] = append(out[rel], p)
		}
		if _, ok := out[rel]; !ok {
			out[rel] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRulesCatchViolations(t *testing.T) {
	rules, _ := rulesFor("render")
	if permitted(module+"/source", rules) {
		t.Error("render may not import source")
	}
	rules, _ = rulesFor("post")
	if permitted(module+"/taxonomy", rules) {
		t.Error("post may not import taxonomy")
	}
	rules, _ = rulesFor("examples/site")
	if !permitted(module+"/render", rules) {
		t.Error("examples may import render")
	}
	if permitted(module+"/examples/inspect", rules) {
		t.Error("nothing may import examples")
	}
	for _, tt := range []struct {
		pkg, imp string
		ok       bool
	}{
		{"render/markup", module + "/post", true},
		{"render/markup", module + "/render", false},
		{"render/markup", module + "/taxonomy", false},
		{"render/markup", module + "/source", false},
		{"render/feed", module + "/render/markup", true},
		{"render/feed", module + "/render", false},
		{"render/feed", module + "/taxonomy", false},
		{"render/feed", module + "/source", false},
		{"render", module + "/render/feed", true},
		{"render", module + "/render/markup", true},
		{"render", module + "/source", false},
		{"source", module + "/taxonomy", false},
		{"source", module + "/render/markup", false},
		{"taxonomy", module + "/source", false},
		{"post", module + "/render/markup", false},
		{"examples/feeds", module + "/render/feed", true},
		{"render/markup", module + "/render/internal/htmltok", true},
		{"render/feed", module + "/render/internal/htmltok", false},
		{"render", module + "/render/internal/htmltok", false},
		{"render/internal/htmltok", module + "/post", false},
		{"render", module + "/render/internal/links", true},
		{"render/internal/links", module + "/post", false},
		{"render/markup", module + "/render/internal/links", false},
		{"render/internal/htmltok", module + "/render/markup", false},
		{"render/internal/htmltest", module + "/render/internal/htmltok", true},
		{"render/internal/htmltest", module + "/render", false},
		{"render/postfile", "go.yaml.in/yaml/v3", true},
		{"render/postfile", module + "/render/markup", true},
		{"render/postfile", module + "/source", false},
		{"render/postfile", module + "/render", false},
		{"render", "go.yaml.in/yaml/v3", false},
	} {
		rules, ok := rulesFor(tt.pkg)
		if !ok {
			t.Errorf("%s has no rule", tt.pkg)
			continue
		}
		if got := permitted(tt.imp, rules); got != tt.ok {
			t.Errorf("%s importing %s: permitted = %v, want %v", tt.pkg, tt.imp, got, tt.ok)
		}
	}
	for pkg, rules := range allowed {
		for _, r := range rules {
			if strings.HasPrefix(r, module+"/examples") {
				t.Errorf("%s may import %s: nothing may import examples", pkg, r)
			}
		}
	}
	if _, ok := rulesFor("render/shortcode"); ok {
		t.Error("a new package under render got a rule without one being written for it")
	}
}
