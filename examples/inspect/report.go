package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
	"github.com/folio-go/folio/source"
	"github.com/folio-go/folio/taxonomy"
)

// report is the JSON document inspect prints. Every list is non-nil so
// that it prints as [] when empty.
type report struct {
	Posts      []postfile.JSONPost `json:"posts"`
	Errors     []fileError         `json:"errors"`
	Warnings   []fileWarning       `json:"warnings"`
	Taxonomies taxonomies          `json:"taxonomies"`
	Archive    []archiveYear       `json:"archive"`
	Undated    int                 `json:"undated"`
}

// fileError is one input that failed, with its position when known.
type fileError struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// fileWarning is a problem that kept a post but changed or ignored
// something in it (source.Options.Warn), with its position when known.
type fileWarning struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// addWarning records one warning.
func (r *report) addWarning(w post.Warning) {
	r.Warnings = append(r.Warnings, fileWarning{Path: w.Path, Line: w.Line, Column: w.Column, Kind: w.Kind, Message: w.Message})
}

type taxonomies struct {
	Categories []termCount `json:"categories"`
	Tags       []termCount `json:"tags"`
	Authors    []termCount `json:"authors"`
}

type termCount struct {
	Name  string `json:"name"`
	Slug  string `json:"slug"`
	Count int    `json:"count"`
}

type archiveYear struct {
	Year   int            `json:"year"`
	Count  int            `json:"count"`
	Months []archiveMonth `json:"months"`
}

type archiveMonth struct {
	Month int `json:"month"`
	Count int `json:"count"`
}

// setPosts sorts posts by date, undated last, ties broken by source path
// so that the output never depends on the order files were read in, and
// fills every part of the report that is computed from them; warnings go
// to stderr.
func (r *report) setPosts(posts []*post.Post, stderr io.Writer) {
	slices.SortStableFunc(posts, func(a, b *post.Post) int {
		if az, bz := a.Date.IsZero(), b.Date.IsZero(); az != bz {
			if az {
				return 1
			}
			return -1
		}
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.Source.Path, b.Source.Path)
	})
	// Build first: it gives duplicate slugs their -2, -3, which the
	// posts printed below must show.
	r.Taxonomies, r.Archive = summarize(posts, stderr)
	r.Posts = make([]postfile.JSONPost, len(posts))
	r.Undated = 0
	for i, p := range posts {
		r.Posts[i] = postfile.NewJSONPost(p)
		if p.Date.IsZero() {
			r.Undated++
		}
	}
	if r.Errors == nil {
		r.Errors = []fileError{}
	}
	if r.Warnings == nil {
		r.Warnings = []fileWarning{}
	}
}

// dropUnprintable moves each post that cannot be written as JSON (one
// nested past what encoding/json allows, say) from the posts to the
// errors, so that the report prints everything else.
func (r *report) dropUnprintable() {
	kept := r.Posts[:0]
	for _, p := range r.Posts {
		if err := postfile.WriteJSON(io.Discard, p); err != nil {
			r.Errors = append(r.Errors, fileError{Path: p.Source.Path, Line: p.Source.Line, Message: "inspect: cannot print the post: " + err.Error()})
			continue
		}
		kept = append(kept, p)
	}
	r.Posts = kept
}

// addErrors records every error that loading path gave: one per file,
// unpacked from errors.Join.
func (r *report) addErrors(path string, err error) {
	for _, e := range leafErrors(err) {
		var se *source.Error
		if errors.As(e, &se) {
			r.Errors = append(r.Errors, fileError{Path: se.Path, Line: se.Line, Column: se.Column, Message: se.Err.Error()})
			continue
		}
		r.Errors = append(r.Errors, fileError{Path: path, Message: e.Error()})
	}
}

// leafErrors flattens the trees errors.Join builds.
func leafErrors(err error) []error {
	if err == nil {
		return nil
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range joined.Unwrap() {
		out = append(out, leafErrors(e)...)
	}
	return out
}

// summarize computes the taxonomies and the date archive of posts with
// taxonomy.Build: terms ordered by name (ignoring case), years and months
// newest first, each post in the year and month of its date as written.
// Build's problems (a missing parent, a cycle) go to stderr as warnings:
// they are not parse failures, and the index is still complete.
func summarize(posts []*post.Post, stderr io.Writer) (taxonomies, []archiveYear) {
	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	for _, e := range leafErrors(err) {
		fmt.Fprintf(stderr, "inspect: warning: %v\n", e)
	}
	terms := func(tx *taxonomy.Taxonomy) []termCount {
		out := []termCount{}
		for t := range tx.All() {
			out = append(out, termCount{Name: t.Name, Slug: t.Slug, Count: t.Count()})
		}
		return out
	}
	tax := taxonomies{Categories: terms(idx.Categories), Tags: terms(idx.Tags), Authors: terms(idx.Authors)}
	years := []archiveYear{}
	for y := range idx.Years() {
		ay := archiveYear{Year: y.Year, Count: y.Count(), Months: []archiveMonth{}}
		for m := range y.Months() {
			ay.Months = append(ay.Months, archiveMonth{Month: int(m.Month), Count: m.Count()})
		}
		years = append(years, ay)
	}
	return tax, years
}
