package feed

import (
	"errors"
	"io"
	"strings"

	"github.com/folio-go/folio/post"
)

// Atom writes f as an Atom 1.0 (RFC 4287) document to w. See Feed for which
// posts become entries and how their ids and dates are chosen.
//
// The feed has id (FeedURL, or Link when FeedURL is empty), title,
// subtitle, updated (the newest entry's updated date, never the clock),
// links rel="self" and rel="alternate", and the authors RFC 4287 requires
// (see Feed.Authors). Each entry has id, title, updated, published, an
// alternate link, a rel="related" link per citation with an http(s) URL,
// its authors, a category per category and tag (term is the
// slug, label the name), the summary and, for full-content feeds, the
// content, both type="html".
//
// Atom reports an error, writing nothing, in the cases RSS does, and also
// when the feed has no dated entries and f.Updated is zero, since an Atom
// feed must have an updated date; otherwise it returns the error of w.
func Atom(w io.Writer, f *Feed) error {
	d, err := f.prepare()
	if err != nil {
		return err
	}
	if d.updated.IsZero() {
		return errors.New("feed: Atom: the feed has no dated entries and Feed.Updated is zero")
	}
	x := newXMLWriter()
	if d.language != "" {
		x.open("feed", "xmlns", "http://www.w3.org/2005/Atom", "xml:lang", d.language)
	} else {
		x.open("feed", "xmlns", "http://www.w3.org/2005/Atom")
	}
	id := d.feedURL
	if id == "" {
		id = d.link
	}
	x.elem("id", id)
	x.elem("title", d.title)
	if d.description != d.title {
		x.elem("subtitle", d.description)
	}
	x.elem("updated", w3cTime(d.updated))
	if d.feedURL != "" {
		x.empty("link", "rel", "self", "type", "application/atom+xml", "href", d.feedURL)
	}
	x.empty("link", "rel", "alternate", "type", "text/html", "href", d.link)
	for _, a := range d.atomAuthors() {
		atomPerson(x, a)
	}
	for i := range d.entries {
		atomEntry(x, &d.entries[i])
	}
	x.close("feed")
	return x.writeTo(w)
}

func atomEntry(x *xmlWriter, e *feedEntry) {
	x.open("entry")
	x.elem("id", e.atomID)
	x.elem("title", e.title)
	x.elem("updated", w3cTime(e.updated))
	x.elem("published", w3cTime(e.published))
	x.empty("link", "rel", "alternate", "type", "text/html", "href", e.link)
	for _, c := range e.related {
		x.empty("link", "rel", "related", "href", c.URL, "title", citationTitle(c))
	}
	for _, a := range e.authors {
		atomPerson(x, a)
	}
	for _, t := range e.terms {
		term := t.Slug
		if term == "" {
			term = t.Name
		}
		// term is an attribute and must stay one token for some readers.
		term = strings.Join(strings.Fields(term), "-")
		x.empty("category", "term", term, "label", t.Name)
	}
	if e.summary != "" {
		x.elem("summary", e.summary, "type", "html")
	}
	if e.content != "" {
		x.elem("content", e.content, "type", "html")
	}
	x.close("entry")
}

func atomPerson(x *xmlWriter, a post.Author) {
	x.open("author")
	x.elem("name", a.Name)
	if a.Email != "" {
		x.elem("email", a.Email)
	}
	if a.URL != "" {
		x.elem("uri", a.URL)
	}
	x.close("author")
}

// citationTitle names a citation for a link's title: "Source: Title", or
// whichever of the two it has.
func citationTitle(c post.Citation) string {
	switch {
	case c.Source != "" && c.Title != "":
		return c.Source + ": " + c.Title
	case c.Title != "":
		return c.Title
	}
	return c.Source
}
