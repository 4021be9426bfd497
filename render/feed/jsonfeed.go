package feed

import (
	"encoding/json"
	"html"
	"io"
	"strings"

	"github.com/folio-go/folio/post"
)

// jsonFeedVersion is the version URL JSON Feed 1.1 documents carry.
const jsonFeedVersion = "https://jsonfeed.org/version/1.1"

type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url,omitempty"`
	Description string       `json:"description,omitempty"`
	Language    string       `json:"language,omitempty"`
	Authors     []jsonAuthor `json:"authors,omitempty"`
	Items       []jsonItem   `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title,omitempty"`
	ContentHTML   string       `json:"content_html"`
	Summary       string       `json:"summary,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified,omitempty"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

// JSONFeed writes f as a JSON Feed 1.1 document to w, indented, with HTML
// characters not escaped. See Feed for which posts become items and how
// their ids and dates are chosen.
//
// The feed has version, title, home_page_url (Link), feed_url (FeedURL),
// description, language and authors. Each item has id, url, title,
// content_html, summary, date_published, date_modified (when the post was
// updated later than published), authors, and tags (the names of its
// categories and tags). content_html is always present, as JSON Feed
// requires content: the body for full-content feeds, the summary otherwise.
// summary is plain text, taken from the summary HTML with tags removed.
//
// JSONFeed reports an error, writing nothing, in the cases RSS does;
// otherwise it returns the error of w.
func JSONFeed(w io.Writer, f *Feed) error {
	d, err := f.prepare()
	if err != nil {
		return err
	}
	jf := jsonFeed{
		Version:     jsonFeedVersion,
		Title:       d.title,
		HomePageURL: d.link,
		FeedURL:     d.feedURL,
		Language:    d.language,
		Authors:     jsonAuthors(d.authors),
		Items:       make([]jsonItem, 0, len(d.entries)),
	}
	if d.description != d.title {
		jf.Description = d.description
	}
	for i := range d.entries {
		jf.Items = append(jf.Items, jsonFeedItem(&d.entries[i]))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(jf)
}

func jsonFeedItem(e *feedEntry) jsonItem {
	it := jsonItem{
		ID:            e.id,
		URL:           e.link,
		Title:         e.title,
		ContentHTML:   e.content,
		Summary:       plainText(e.summary),
		DatePublished: w3cTime(e.published),
		Authors:       jsonAuthors(e.authors),
	}
	if it.ContentHTML == "" {
		it.ContentHTML = e.summary
	}
	if e.updated.After(e.published) {
		it.DateModified = w3cTime(e.updated)
	}
	for _, t := range e.terms {
		it.Tags = append(it.Tags, t.Name)
	}
	return it
}

func jsonAuthors(as []post.Author) []jsonAuthor {
	var out []jsonAuthor
	for _, a := range as {
		out = append(out, jsonAuthor{Name: a.Name, URL: a.URL})
	}
	return out
}

// plainText returns the text of an HTML fragment: tags and comments
// removed, entities decoded, whitespace folded to single spaces.
func plainText(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		end := ">"
		if strings.HasPrefix(s, "<!--") {
			end = "-->"
		} else if len(s) < 2 || !(feedLetter(s[1]) || s[1] == '/' || s[1] == '!' || s[1] == '?') {
			b.WriteByte('<') // a lone '<' is text
			s = s[1:]
			continue
		}
		j := strings.Index(s, end)
		if j < 0 {
			break
		}
		if end == ">" && blockTag(s[1:j]) {
			b.WriteByte(' ') // "<p>a</p><p>b</p>" is two words, "<em>a</em>b" one
		}
		s = s[j+len(end):]
	}
	return xmlSafeLine(html.UnescapeString(b.String()))
}

// blockTag reports whether the inside of a tag ("p", "/li", "br/") names an
// element that separates words, so plainText puts a space for it.
func blockTag(inside string) bool {
	inside = strings.TrimPrefix(inside, "/")
	n := 0
	for n < len(inside) && (feedLetter(inside[n]) || inside[n] >= '0' && inside[n] <= '9') {
		n++
	}
	switch strings.ToLower(inside[:n]) {
	case "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
		"figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
		"hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul":
		return true
	}
	return false
}
