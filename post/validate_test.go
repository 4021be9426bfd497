package post

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func validPost() *Post {
	return &Post{
		Title:      "A valid post",
		Slug:       "a-valid-post",
		Date:       time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC),
		Updated:    time.Date(2024, 3, 2, 9, 0, 0, 0, time.UTC),
		Status:     Published,
		Authors:    []Author{{Name: "Ada Writer", Slug: "ada-writer"}},
		Categories: []Term{{Name: "News", Slug: "news"}, {Name: "Local", Slug: "local", Parent: "news"}},
		Tags:       []Term{{Name: "東アジア", Slug: "東アジア"}},
		Taxonomies: map[string][]Term{"series": {{Name: "Basics", Slug: "basics"}}},
		Citations:  []Citation{{Source: "Example Wire"}},
		Body:       Body{Format: Markdown, Text: "Hello."},
		Params:     map[string]any{"layout": "wide", "list": []any{"a", map[string]any{"k": "v"}}},
	}
}

func TestValidateValid(t *testing.T) {
	if err := validPost().Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}
	// The empty status and an empty body are accepted; undated is fine.
	p := &Post{Title: "Minimal", Slug: "minimal"}
	if err := p.Validate(); err != nil {
		t.Errorf("minimal post: Validate() = %v, want nil", err)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	p := validPost()
	p.Title = "  "
	p.Slug = "../Etc"
	p.Status = "live"
	p.Body = Body{Format: "rst", Text: "x"}
	p.Updated = p.Date.Add(-time.Hour)
	p.Authors = append(p.Authors, Author{Name: "", Slug: ""}, Author{Name: "Bo", Slug: "bo bo"})
	p.Categories = append(p.Categories, Term{Name: "Loop", Slug: "loop", Parent: "loop"}, Term{Name: "", Slug: "a/b"})
	p.Tags = []Term{{Name: "Ok\xff", Slug: "OK"}}
	p.Taxonomies[""] = []Term{{Name: "x", Slug: ""}}
	p.Citations = append(p.Citations, Citation{Source: " ", URL: "https://example.com"})
	p.Params["bad"] = []any{"fine", "bad\xfe"}

	err := p.Validate()
	if err == nil {
		t.Fatal("Validate() = nil, want errors")
	}
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("errors.Is(err, ErrInvalid) = false for %v", err)
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Errorf("errors.As(err, *FieldError) = false for %v", err)
	}
	want := []string{
		"post: tags[0].name: invalid UTF-8",
		"post: params[bad][1]: invalid UTF-8",
		"post: title: empty",
		`post: slug: "../Etc" is not a safe slug: it contains ".."`,
		`post: status: unknown status "live"`,
		`post: body.format: unknown format "rst"`,
		"post: updated: 2024-03-01T08:00:00Z is before the date 2024-03-01T09:00:00Z",
		"post: authors[1].name: empty",
		"post: authors[1].slug: empty",
		`post: authors[2].slug: "bo bo" is not a safe slug: it contains white space or a control character`,
		`post: categories[2].parent: "loop" is the term's own slug`,
		"post: categories[3].name: empty",
		`post: categories[3].slug: "a/b" is not a safe slug: it contains '/'`,
		`post: tags[0].slug: "OK" is not a safe slug: it contains upper case`,
		"post: taxonomies[]: empty taxonomy name",
		"post: taxonomies[][0].slug: empty",
		"post: citations[1].source: empty",
	}
	got := strings.Split(err.Error(), "\n")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate() errors mismatch (-want +got):\n%s", diff)
	}
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if !errors.Is(e, ErrInvalid) || !strings.HasPrefix(e.Error(), "post: ") {
			t.Errorf("error %q does not wrap ErrInvalid or lacks the \"post: \" prefix", e)
		}
	}
}

func TestValidateEmptyFormatWithText(t *testing.T) {
	p := &Post{Title: "T", Slug: "t", Body: Body{Text: "words"}}
	err := p.Validate()
	if diff := cmp.Diff("post: body.format: empty, for a body with text", errString(err)); diff != "" {
		t.Errorf("Validate() mismatch (-want +got):\n%s", diff)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestCheckSlug(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"ok-slug", ""},
		{"東アジア", ""},
		{"under_score", ""},
		{"v1.2", ""},
		{"", "post: slug: empty"},
		{".", `post: slug: "." is not a safe slug: it starts with '.'`},
		{".htaccess", `post: slug: ".htaccess" is not a safe slug: it starts with '.'`},
		{"a..b", `post: slug: "a..b" is not a safe slug: it contains ".."`},
		{`a\b`, `post: slug: "a\\b" is not a safe slug: it contains '\\'`},
		{"a?b", `post: slug: "a?b" is not a safe slug: it contains '?'`},
		{"a#b", `post: slug: "a#b" is not a safe slug: it contains '#'`},
		{"a\tb", `post: slug: "a\tb" is not a safe slug: it contains white space or a control character`},
		{"Ab", `post: slug: "Ab" is not a safe slug: it contains upper case`},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, errString(CheckSlug(tt.in))); diff != "" {
			t.Errorf("CheckSlug(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
	for _, in := range slugSeeds {
		for _, s := range sluggers {
			if err := CheckSlug(s.Slug(in)); err != nil {
				t.Errorf("%+v.Slug(%q) fails CheckSlug: %v", s, in, err)
			}
		}
	}
}
