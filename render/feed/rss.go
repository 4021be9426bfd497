package feed

import (
	"html"
	"io"
	"time"
)

// rssDate is RFC 822 as RFC 1123 amends it (four-digit year), with a
// numeric zone, which RSS 2.0 readers and validators all accept.
const rssDate = "Mon, 02 Jan 2006 15:04:05 -0700"

// RSS writes f as an RSS 2.0 document to w. See Feed for which posts become
// items and how their ids and dates are chosen.
//
// The channel has title, link and description (Title when Description is
// empty; escaped, as readers show it as HTML), language, lastBuildDate from the newest item, and an atom:link
// rel="self" when FeedURL is set. Each item has title, link, guid
// (isPermaLink="true" when it is the permalink), pubDate, a dc:creator per
// author (RSS's own <author> must be an email address, which most authors
// lack), a category per category and tag, the summary as description and,
// for full-content feeds, the body as content:encoded.
//
// RSS reports an error, writing nothing, when f is invalid (no Title, no
// absolute Link, no Permalink callback, a post without permalink, a date
// outside years 1–9999) or a Body or Summary callback fails; otherwise it
// returns the error of w.
func RSS(w io.Writer, f *Feed) error {
	d, err := f.prepare()
	if err != nil {
		return err
	}
	x := newXMLWriter()
	x.open("rss", "version", "2.0",
		"xmlns:atom", "http://www.w3.org/2005/Atom",
		"xmlns:content", "http://purl.org/rss/1.0/modules/content/",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/")
	x.open("channel")
	x.elem("title", d.title)
	x.elem("link", d.link)
	// Readers show the channel's description as HTML; it is text.
	x.elem("description", html.EscapeString(d.description))
	if d.language != "" {
		x.elem("language", d.language)
	}
	if !d.updated.IsZero() {
		x.elem("lastBuildDate", rssTime(d.updated))
	}
	if d.feedURL != "" {
		x.empty("atom:link", "href", d.feedURL, "rel", "self", "type", "application/rss+xml")
	}
	for i := range d.entries {
		rssItem(x, &d.entries[i])
	}
	x.close("channel")
	x.close("rss")
	return x.writeTo(w)
}

func rssItem(x *xmlWriter, e *feedEntry) {
	x.open("item")
	if e.title != "" {
		x.elem("title", e.title)
	}
	x.elem("link", e.link)
	if e.idIsLink {
		x.elem("guid", e.id, "isPermaLink", "true")
	} else {
		x.elem("guid", e.id, "isPermaLink", "false")
	}
	x.elem("pubDate", rssTime(e.published))
	for _, a := range e.authors {
		x.elem("dc:creator", a.Name)
	}
	for _, t := range e.terms {
		x.elem("category", t.Name)
	}
	// An item needs a title or a description; an untitled post without a
	// summary gets an empty description rather than none.
	if e.summary != "" || e.title == "" {
		x.elem("description", e.summary)
	}
	if e.content != "" {
		x.elem("content:encoded", e.content)
	}
	x.close("item")
}

func rssTime(t time.Time) string { return feedTime(t).Format(rssDate) }
