package post

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrInvalid is the error every problem Validate reports wraps; match it
// with errors.Is.
var ErrInvalid = errors.New("invalid post")

// FieldError is one problem Validate found: which field and what is wrong
// with it. It wraps ErrInvalid.
type FieldError struct {
	// Field names the field as a path: "title", "authors[0].slug",
	// "taxonomies[series][1].name", "params[tags][2]".
	Field string
	// Problem says what is wrong, e.g. "empty".
	Problem string
}

// Error formats the problem as "post: field: problem".
func (e *FieldError) Error() string { return "post: " + e.Field + ": " + e.Problem }

// Unwrap returns ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// Validate checks the post and returns every problem it finds, each a
// *FieldError, joined with errors.Join; nil when there is none. It never
// changes the post. Problems, in this order:
//
//   - invalid UTF-8 in any string field, param key or string param value
//   - an empty (or all white space) title
//   - an empty or unsafe slug (see CheckSlug)
//   - an unknown status (the empty status is accepted: readers and writers
//     treat it as Published)
//   - an unknown body format, or an empty one for a body with text
//   - Updated before Date (when both are set)
//   - an author with an empty name or an empty or unsafe slug
//   - a category, tag or custom taxonomy term with an empty name, an empty
//     or unsafe slug, or a parent equal to its own slug; a custom taxonomy
//     with an empty name
//   - a citation with an empty source
//
// Undated posts are valid.
func (p *Post) Validate() error {
	var v validator
	v.utf8(p)
	if strings.TrimSpace(p.Title) == "" {
		v.add("title", "empty")
	}
	v.slug("slug", p.Slug)
	switch p.Status {
	case "", Published, Draft, Scheduled, Private, Pending:
	default:
		v.add("status", fmt.Sprintf("unknown status %q", p.Status))
	}
	switch p.Body.Format {
	case Text, Markdown, HTML:
	case "":
		if strings.TrimSpace(p.Body.Text) != "" {
			v.add("body.format", "empty, for a body with text")
		}
	default:
		v.add("body.format", fmt.Sprintf("unknown format %q", p.Body.Format))
	}
	if !p.Date.IsZero() && !p.Updated.IsZero() && p.Updated.Before(p.Date) {
		v.add("updated", fmt.Sprintf("%s is before the date %s", p.Updated.Format("2006-01-02T15:04:05Z07:00"), p.Date.Format("2006-01-02T15:04:05Z07:00")))
	}
	for i, a := range p.Authors {
		f := "authors[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(a.Name) == "" {
			v.add(f+".name", "empty")
		}
		v.slug(f+".slug", a.Slug)
	}
	v.terms("categories", p.Categories)
	v.terms("tags", p.Tags)
	for _, name := range sortedKeys(p.Taxonomies) {
		f := "taxonomies[" + strings.ToValidUTF8(name, "\uFFFD") + "]"
		if strings.TrimSpace(name) == "" {
			v.add(f, "empty taxonomy name")
		}
		v.terms(f, p.Taxonomies[name])
	}
	for i, c := range p.Citations {
		if strings.TrimSpace(c.Source) == "" {
			v.add("citations["+strconv.Itoa(i)+"].source", "empty")
		}
	}
	return errors.Join(v.errs...)
}

// CheckSlug reports why slug is not safe to use as one path segment of a
// URL or a file name, or nil when it is. A slug is unsafe when it is
// empty, starts with '.' (".", a hidden file), or contains '/', '\\', "..",
// white space, control characters, '?', '#' or upper-case letters. Every slug Slugify and
// Slugger.Slug return passes.
func CheckSlug(slug string) error {
	problem := slugProblem(slug)
	if problem == "" {
		return nil
	}
	return &FieldError{Field: "slug", Problem: problem}
}

func slugProblem(slug string) string {
	switch {
	case slug == "":
		return "empty"
	case strings.Contains(slug, ".."):
		return fmt.Sprintf("%q is not a safe slug: it contains \"..\"", slug)
	case slug[0] == '.':
		return fmt.Sprintf("%q is not a safe slug: it starts with '.'", slug)
	}
	for _, r := range slug {
		switch {
		case r == '/' || r == '\\' || r == '?' || r == '#':
			return fmt.Sprintf("%q is not a safe slug: it contains %q", slug, r)
		case unicode.IsSpace(r) || unicode.IsControl(r):
			return fmt.Sprintf("%q is not a safe slug: it contains white space or a control character", slug)
		case unicode.IsUpper(r):
			return fmt.Sprintf("%q is not a safe slug: it contains upper case", slug)
		}
	}
	return ""
}

type validator struct{ errs []error }

func (v *validator) add(field, problem string) {
	v.errs = append(v.errs, &FieldError{Field: field, Problem: problem})
}

func (v *validator) slug(field, slug string) {
	if p := slugProblem(slug); p != "" {
		v.add(field, p)
	}
}

func (v *validator) terms(field string, terms []Term) {
	for i, t := range terms {
		f := field + "[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(t.Name) == "" {
			v.add(f+".name", "empty")
		}
		v.slug(f+".slug", t.Slug)
		if t.Parent != "" && t.Parent == t.Slug {
			v.add(f+".parent", fmt.Sprintf("%q is the term's own slug", t.Parent))
		}
	}
}

// utf8 reports every string field of p that is not valid UTF-8.
func (v *validator) utf8(p *Post) {
	check := func(field, s string) {
		if !utf8.ValidString(s) {
			v.add(field, "invalid UTF-8")
		}
	}
	for _, f := range []struct{ name, s string }{
		{"id", p.ID}, {"title", p.Title}, {"slug", p.Slug}, {"status", string(p.Status)},
		{"body.format", string(p.Body.Format)}, {"body.text", p.Body.Text}, {"summary", p.Summary},
		{"source.path", p.Source.Path}, {"source.format", p.Source.Format},
	} {
		check(f.name, f.s)
	}
	for i, a := range p.Authors {
		f := "authors[" + strconv.Itoa(i) + "]"
		check(f+".name", a.Name)
		check(f+".slug", a.Slug)
		check(f+".email", a.Email)
		check(f+".url", a.URL)
		check(f+".bio", a.Bio)
	}
	terms := func(field string, ts []Term) {
		for i, t := range ts {
			f := field + "[" + strconv.Itoa(i) + "]"
			check(f+".name", t.Name)
			check(f+".slug", t.Slug)
			check(f+".parent", t.Parent)
		}
	}
	terms("categories", p.Categories)
	terms("tags", p.Tags)
	for _, name := range sortedKeys(p.Taxonomies) {
		f := "taxonomies[" + strings.ToValidUTF8(name, "\uFFFD") + "]"
		check(f, name)
		terms(f, p.Taxonomies[name])
	}
	for i, c := range p.Citations {
		f := "citations[" + strconv.Itoa(i) + "]"
		check(f+".source", c.Source)
		check(f+".url", c.URL)
		check(f+".title", c.Title)
	}
	v.params("params", p.Params, 0)
}

// params checks the keys and string values of decoded source fields,
// which nest as maps and slices.
func (v *validator) params(field string, x any, depth int) {
	if depth > 100 {
		return // deeper than any front matter; guards against cycles
	}
	switch x := x.(type) {
	case string:
		if !utf8.ValidString(x) {
			v.add(field, "invalid UTF-8")
		}
	case map[string]any:
		for _, k := range sortedKeys(x) {
			f := field + "[" + strings.ToValidUTF8(k, "\uFFFD") + "]"
			if !utf8.ValidString(k) {
				v.add(f, "invalid UTF-8 in the key")
			}
			v.params(f, x[k], depth+1)
		}
	case []any:
		for i, e := range x {
			v.params(field+"["+strconv.Itoa(i)+"]", e, depth+1)
		}
	case []string:
		for i, e := range x {
			v.params(field+"["+strconv.Itoa(i)+"]", e, depth+1)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
