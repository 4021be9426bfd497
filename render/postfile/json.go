package postfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/markup"
)

// JSONPost is the JSON form of a post that JSON writes and
// examples/inspect prints. Its field names are fixed; lists are never nil,
// so they encode as [] when empty. Build one with NewJSONPost to embed
// posts in a larger document. docs/json.md describes every field.
//
// "kind" is "post" or "page" (post.Kind); "protected" says the author hid
// the text behind a password, and then "body" and "summary" are empty and
// "word_count" and "reading_minutes" 0 unless JSONOptions.Protected asks
// for them (the password itself is never part of a post); "aliases" are
// the addresses the post was published at before (post.Post.Aliases).
type JSONPost struct {
	Title      string         `json:"title"`
	Slug       string         `json:"slug"`
	Date       string         `json:"date,omitempty"`    // RFC 3339; empty when undated
	Updated    string         `json:"updated,omitempty"` // RFC 3339; empty when unknown
	Status     post.Status    `json:"status"`
	Kind       post.Kind      `json:"kind"`
	Protected  bool           `json:"protected"`
	Aliases    []string       `json:"aliases"`
	Authors    []JSONAuthor   `json:"authors"`
	Categories []JSONTerm     `json:"categories"`
	Tags       []JSONTerm     `json:"tags"`
	Citations  []JSONCitation `json:"citations"`
	Summary    string         `json:"summary"`
	BodyFormat post.Format    `json:"body_format"`
	// Dialect names whose shortcodes and template actions Body holds, as
	// written: "wordpress", "wordpress-blocks", "hugo", "liquid",
	// "goblog", or "" for none (see post.Dialect).
	Dialect        post.Dialect   `json:"dialect"`
	Body           string         `json:"body"`
	WordCount      int            `json:"word_count"`
	ReadingMinutes int            `json:"reading_minutes"`
	Source         JSONSource     `json:"source"`
	Params         map[string]any `json:"params"`
}

// JSONAuthor is the JSON form of a post.Author.
type JSONAuthor struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// JSONTerm is the JSON form of a post.Term.
type JSONTerm struct {
	Name   string `json:"name"`
	Slug   string `json:"slug"`
	Parent string `json:"parent,omitempty"`
}

// JSONCitation is the JSON form of a post.Citation.
type JSONCitation struct {
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
}

// JSONSource is the JSON form of a post.Source.
type JSONSource struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Line   int    `json:"line"`
}

// JSONOptions says what the JSON form may show.
type JSONOptions struct {
	// Protected lets the body, summary and word count of a protected
	// post (post.Post.Protected) be shown. Without it they are empty and
	// zero: only the rest of the post, "protected": true among it, says
	// that the post exists.
	Protected bool
}

// NewJSONPost converts p to its JSON form, with the zero JSONOptions: a
// protected post's text is left out. See NewJSONPostWith.
func NewJSONPost(p *post.Post) JSONPost {
	return NewJSONPostWith(p, JSONOptions{})
}

// NewJSONPostWith converts p to its JSON form. A zero Status becomes
// "published" and a zero Kind "post", as post.Status and post.Kind
// document. The summary is post.Summarize's
// with the default word budget: the explicit p.Summary when there is one,
// else the text before a "<!--more-->" divider, else the leading
// paragraphs, so that every post has one to show; like body, it is the
// source text, shortcodes as written. word_count counts the words a
// reader sees: the body's shortcodes and template actions expanded by
// the built-in handlers. NewJSONPost does not
// fail: values that JSON cannot encode (in Params) make the encoding fail.
// A nil p gives the form of an empty post.
func NewJSONPostWith(p *post.Post, opt JSONOptions) JSONPost {
	if p == nil {
		p = &post.Post{}
	}
	hide := p.Protected && !opt.Protected
	words, summary, body := 0, "", ""
	if !hide {
		words = expandedWordCount(p)
		summary, _ = post.Summarize(p, 0)
		body = p.Body.Text
	}
	j := JSONPost{
		Title:          p.Title,
		Slug:           p.Slug,
		Date:           jsonTime(p.Date),
		Updated:        jsonTime(p.Updated),
		Status:         p.Status,
		Kind:           p.Kind,
		Protected:      p.Protected,
		Aliases:        append([]string{}, p.Aliases...),
		Authors:        make([]JSONAuthor, len(p.Authors)),
		Categories:     jsonTerms(p.Categories),
		Tags:           jsonTerms(p.Tags),
		Citations:      make([]JSONCitation, len(p.Citations)),
		Summary:        summary,
		BodyFormat:     p.Body.Format,
		Dialect:        p.Body.Dialect,
		Body:           body,
		WordCount:      words,
		ReadingMinutes: post.ReadingMinutes(words, 0),
		Source:         JSONSource{Path: p.Source.Path, Format: p.Source.Format, Line: p.Source.Line},
		Params:         p.Params,
	}
	if j.Status == "" {
		j.Status = post.Published
	}
	if j.Kind == "" {
		j.Kind = post.KindPost
	}
	for i, a := range p.Authors {
		j.Authors[i] = JSONAuthor{Name: a.Name, Slug: a.Slug}
	}
	for i, c := range p.Citations {
		j.Citations[i] = JSONCitation{Source: c.Source, URL: c.URL, Title: c.Title}
	}
	if j.Params == nil {
		j.Params = map[string]any{}
	}
	return j
}

// expandedWordCount is p's word count read from its body with its
// shortcodes and template actions expanded by the built-in handlers (no
// links resolved), as pages count it.
func expandedWordCount(p *post.Post) int {
	if !markup.NeedsExpand(p.Body) {
		return p.WordCount()
	}
	h, err := markup.New(markup.Options{}).PostHTML(p, p.Body)
	if err != nil {
		return p.WordCount()
	}
	return (&post.Post{Body: post.Body{Format: post.HTML, Text: string(h)}}).WordCount()
}

func jsonTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

func jsonTerms(terms []post.Term) []JSONTerm {
	out := make([]JSONTerm, len(terms))
	for i, t := range terms {
		out[i] = JSONTerm{Name: t.Name, Slug: t.Slug, Parent: t.Parent}
	}
	return out
}

// JSON writes p to w as one indented JSON object (two spaces, a trailing
// newline, "<", ">" and "&" left as they are), in the form of JSONPost
// with the zero JSONOptions: a protected post's text is left out.
// Map keys in Params come out sorted. It returns an error, and writes
// nothing, for a nil post or when a Params value cannot be encoded (a
// channel, a NaN).
func JSON(w io.Writer, p *post.Post) error {
	if p == nil {
		return errors.New("postfile: json: nil post")
	}
	return WriteJSON(w, NewJSONPost(p))
}

// WriteJSON writes v to w the way JSON writes a post: indented with two
// spaces, no HTML escaping, a trailing newline. It is for documents that
// embed JSONPost values, such as examples/inspect's report. On an encoding
// error it writes nothing.
func WriteJSON(w io.Writer, v any) error {
	b, err := marshalJSON(v)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("postfile: json: %w", err)
	}
	return buf.Bytes(), nil
}
