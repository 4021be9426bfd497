package main

import (
	"cmp"
	"errors"
	"slices"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/source"
)

// report is the JSON document inspect prints. Every list is non-nil so
// that it prints as [] when empty.
type report struct {
	Posts      []render.JSONPost `json:"posts"`
	Errors     []fileError       `json:"errors"`
	Taxonomies taxonomies        `json:"taxonomies"`
	Archive    []archiveYear     `json:"archive"`
	Undated    int               `json:"undated"`
}

// fileError is one input that failed, with its position when known.
type fileError struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
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
// fills every part of the report that is computed from them.
func (r *report) setPosts(posts []*post.Post) {
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
	r.Posts = make([]render.JSONPost, len(posts))
	r.Undated = 0
	for i, p := range posts {
		r.Posts[i] = render.NewJSONPost(p)
		if p.Date.IsZero() {
			r.Undated++
		}
	}
	r.Taxonomies, r.Archive = summarize(posts)
	if r.Errors == nil {
		r.Errors = []fileError{}
	}
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

// summarize computes the taxonomies and the date archive of posts.
// (Filled in with the taxonomy package; empty for now.)
func summarize(posts []*post.Post) (taxonomies, []archiveYear) {
	return taxonomies{Categories: []termCount{}, Tags: []termCount{}, Authors: []termCount{}}, []archiveYear{}
}
