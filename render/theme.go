package render

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// defaultTheme holds folio's own templates and stylesheet. It is read,
// never written.
//
//go:embed theme/*.html theme/style.css
var defaultTheme embed.FS

// DefaultTheme returns the default theme's files (base.html, partials.html,
// one template per page kind, and style.css) as an fs.FS, to read or to
// copy as the start of a theme of your own.
func DefaultTheme() fs.FS {
	sub, err := fs.Sub(defaultTheme, "theme")
	if err != nil {
		// The embedded folder is part of the package; this cannot happen.
		panic(err)
	}
	return sub
}

// pageTemplates names the template file of each page kind. Every page
// template defines "main" (the page's content) and may define "head"
// (extra elements for <head>); base.html defines "base", the document
// around them; partials.html defines what they share.
var pageTemplates = map[Kind]string{
	KindHome:     "home.html",
	KindPost:     "post.html",
	KindTaxonomy: "taxonomy.html",
	KindTerm:     "term.html",
	KindAuthor:   "author.html",
	KindYear:     "archive.html",
	KindMonth:    "archive.html",
	KindDay:      "archive.html",
	KindNotFound: "404.html",
}

// commonTemplates are parsed into every page's template set.
var commonTemplates = []string{"base.html", "partials.html"}

// StylesheetName is the theme file written to /style.css.
const StylesheetName = "style.css"

// theme is a parsed template set: one template per page kind, and the
// stylesheet.
type theme struct {
	pages map[Kind]*template.Template
	// header, footer and entry are the shared templates the Renderer
	// executes once for many pages (see ChromeData and PostData.Entry);
	// nil when the theme does not define them.
	header, footer, entry *template.Template
	css                   []byte
}

// readThemeFile reads name from override when it has it, else from the
// default theme.
func readThemeFile(override fs.FS, name string) ([]byte, error) {
	if override != nil {
		b, err := fs.ReadFile(override, name)
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("render: theme: %w", err)
		}
	}
	return fs.ReadFile(DefaultTheme(), name)
}

// loadTheme parses the templates: each file of override replaces the
// default theme's file of the same name, and override's other *.html
// files are parsed into every page's set (for partials of its own).
func loadTheme(override fs.FS) (*theme, error) {
	common := template.New("").Funcs(template.FuncMap{})
	names := append([]string(nil), commonTemplates...)
	names = append(names, extraTemplates(override)...)
	for _, name := range names {
		b, err := readThemeFile(override, name)
		if err != nil {
			return nil, err
		}
		if _, err := common.New(name).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("render: theme: %w", err)
		}
	}
	t := &theme{pages: map[Kind]*template.Template{}}
	parsed := map[string]*template.Template{}
	for _, kind := range allKinds {
		name, ok := pageTemplates[kind]
		if !ok {
			continue
		}
		if pt, ok := parsed[name]; ok {
			t.pages[kind] = pt
			continue
		}
		b, err := readThemeFile(override, name)
		if err != nil {
			return nil, err
		}
		set, err := common.Clone()
		if err != nil {
			return nil, fmt.Errorf("render: theme: %w", err)
		}
		if _, err := set.New(name).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("render: theme: %w", err)
		}
		base := set.Lookup("base")
		if base == nil {
			return nil, fmt.Errorf("render: theme: %s: no template named \"base\"", name)
		}
		parsed[name] = base
		t.pages[kind] = base
	}
	// The shared templates are executed from the common set, which every
	// page's set was cloned from above (html/template forbids cloning a
	// set after it has run).
	t.header, t.footer, t.entry = common.Lookup("header"), common.Lookup("footer"), common.Lookup("entry")
	css, err := readThemeFile(override, StylesheetName)
	if err != nil {
		return nil, err
	}
	t.css = css
	return t, nil
}

// extraTemplates lists override's top-level *.html files that are not
// theme files, sorted.
func extraTemplates(override fs.FS) []string {
	if override == nil {
		return nil
	}
	known := map[string]bool{}
	for _, n := range commonTemplates {
		known[n] = true
	}
	for _, n := range pageTemplates {
		known[n] = true
	}
	entries, err := fs.ReadDir(override, ".")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && path.Ext(n) == ".html" && !known[n] && !strings.HasPrefix(n, ".") {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
