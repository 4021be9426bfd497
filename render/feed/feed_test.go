package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/markup"
	"github.com/google/go-cmp/cmp"
)

// The sample site: a small field-notes blog, written for these tests.

var (
	cet = time.FixedZone("CET", 3600)
	est = time.FixedZone("EST", -5*3600)
)

func feedSamplePosts() []*post.Post {
	ada := post.Author{Name: "Ada Quill", Slug: "ada-quill", Email: "ada@notes.example.org", URL: "https://notes.example.org/about/ada/"}
	ben := post.Author{Name: "Ben Okafor", Slug: "ben-okafor"}
	birds := post.Term{Name: "Birds", Slug: "birds"}
	weather := post.Term{Name: "Weather", Slug: "weather"}
	return []*post.Post{
		{
			Title:      "Winter count of rooks",
			Slug:       "winter-count-of-rooks",
			Date:       time.Date(2024, 1, 14, 9, 30, 0, 0, cet),
			Status:     post.Published,
			Authors:    []post.Author{ada},
			Categories: []post.Term{birds},
			Tags:       []post.Term{{Name: "rooks", Slug: "rooks"}, {Name: "winter", Slug: "winter"}},
			Citations:  []post.Citation{{Source: "County Bird Atlas", URL: "https://atlas.example.net/rooks"}},
			Summary:    "Two hundred and twelve rooks & a few jackdaws.",
			Body: post.Body{Format: post.Text, Text: "We counted at dawn from the church wall.\n\n" +
				"Two hundred and twelve rooks came in from the east & settled <loudly>."},
		},
		{
			// A WordPress import: its guid is its identity.
			ID:         "https://old.example.org/?p=42",
			Title:      "Frost flowers on the pond",
			Slug:       "frost-flowers",
			Date:       time.Date(2024, 2, 2, 7, 5, 0, 0, cet),
			Updated:    time.Date(2024, 3, 10, 18, 0, 0, 0, time.UTC),
			Status:     post.Published,
			Authors:    []post.Author{ada, ben},
			Categories: []post.Term{weather},
			Tags:       []post.Term{{Name: "ice", Slug: "ice"}},
			Summary:    `<p>Thin <em>petals</em> of ice, photographed <a href="gallery/">here</a>.</p>`,
			Body: post.Body{Format: post.HTML, Text: `<p>The pond grew <a href="/tags/ice/">ice</a> petals overnight.</p>
<p><img src="frost.jpg" srcset="frost.jpg 1x, /img/frost@2x.jpg 2x" alt="frost"></p>
<p>See <a href="https://en.example.com/wiki/Frost_flower">elsewhere</a>, <a href="#notes">the notes</a> or <a href=mailto:ada@notes.example.org>write</a>.</p>`},
		},
		{
			// An explicit id that is not a URI.
			ID:         "note-17",
			Title:      "Storm log, 3 March",
			Slug:       "storm-log",
			Date:       time.Date(2024, 3, 3, 22, 15, 0, 0, est),
			Categories: []post.Term{weather},
			Tags:       []post.Term{{Name: "wind", Slug: "wind"}},
			Body: post.Body{Format: post.Markdown, Text: "Gusts to **90 km/h** after ten.\n\n" +
				"Power out at 22:40; see [the log](log.txt) and ![the barometer](/img/baro.png)."},
		},
		{
			Title:      "A heron at the weir",
			Slug:       "heron-at-the-weir",
			Date:       time.Date(2023, 11, 20, 16, 0, 0, 0, time.UTC),
			Status:     post.Published,
			Authors:    []post.Author{ben},
			Categories: []post.Term{birds},
			Tags:       []post.Term{{Name: "herons", Slug: "herons"}},
			Body:       post.Body{Format: post.HTML, Text: "<p>Grey heron, motionless for forty minutes.</p>"},
		},
		{
			Title:      "Undated: how we count birds",
			Slug:       "how-we-count",
			Status:     post.Published,
			Categories: []post.Term{birds},
			Body:       post.Body{Format: post.Text, Text: "Method notes, kept up to date."},
		},
		{
			Title:  "Draft: spring arrivals",
			Slug:   "spring-arrivals",
			Date:   time.Date(2024, 3, 20, 8, 0, 0, 0, time.UTC),
			Status: post.Draft,
			Body:   post.Body{Format: post.Text, Text: "Not yet."},
		},
	}
}

// feedPermalink is the sample site's permalink rule; relative on purpose,
// as Feed resolves it against Link.
func feedPermalink(p *post.Post) string {
	if p.Date.IsZero() {
		return "/" + p.Slug + "/"
	}
	return p.Date.Format("/2006/01/") + p.Slug + "/"
}

func feedSampleSite() *Feed {
	return &Feed{
		Title:       "Field Notes",
		Description: "Birds, weather & the pond, written down.",
		Language:    "en-GB",
		Link:        "https://notes.example.org/",
		FeedURL:     "https://notes.example.org/feed.xml",
		Authors:     []post.Author{{Name: "Ada Quill", Email: "ada@notes.example.org"}},
		Posts:       feedSamplePosts(),
		FullContent: true,
		Permalink:   feedPermalink,
	}
}

// feedSampleTag is the feed of the tag "Birds": summaries only, the undated
// post dated by a fallback, no feed-level authors.
func feedSampleTag() *Feed {
	var birds []*post.Post
	for _, p := range feedSamplePosts() {
		for _, c := range p.Categories {
			if c.Slug == "birds" {
				birds = append(birds, p)
			}
		}
	}
	return &Feed{
		Title:           "Field Notes: Birds",
		Link:            "https://notes.example.org/categories/birds/",
		FeedURL:         "https://notes.example.org/categories/birds/feed/",
		Posts:           birds,
		Limit:           2,
		UndatedFallback: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC),
		Permalink:       feedPermalink,
	}
}

type feedWriter struct {
	name  string
	ext   string
	write func(io.Writer, *Feed) error
	check func(*testing.T, []byte)
}

func feedWriters() []feedWriter {
	return []feedWriter{
		{"rss", ".xml", RSS, checkRSS},
		{"atom", ".xml", Atom, checkAtom},
		{"jsonfeed", ".json", JSONFeed, checkJSONFeed},
	}
}

func TestFeedGolden(t *testing.T) {
	feeds := map[string]func() *Feed{"site": feedSampleSite, "tag-birds": feedSampleTag}
	for _, name := range []string{"site", "tag-birds"} {
		for _, fw := range feedWriters() {
			t.Run(name+"-"+fw.name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := fw.write(&buf, feeds[name]()); err != nil {
					t.Fatal(err)
				}
				fw.check(t, buf.Bytes())
				checkGolden(t, filepath.Join("testdata", "feeds", name+"-"+fw.name+fw.ext), buf.Bytes())
			})
		}
	}
}

// checkXMLStrict walks every token of an XML document with a strict
// decoder, which rejects characters XML 1.0 forbids, bad UTF-8 and
// malformed markup.
func checkXMLStrict(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// What RSS 2.0 requires, as read back.
type rssDoc struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		// Self comes before Link: encoding/xml gives an element to the
		// first field that matches, and "link" alone matches atom:link too.
		Self []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Title         string `xml:"title"`
		Link          string `xml:"link"`
		Description   string `xml:"description"`
		LastBuildDate string `xml:"lastBuildDate"`
		Items         []struct {
			Title       *string `xml:"title"`
			Link        string  `xml:"link"`
			Description *string `xml:"description"`
			Content     string  `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			GUID        struct {
				Value       string `xml:",chardata"`
				IsPermaLink string `xml:"isPermaLink,attr"`
			} `xml:"guid"`
			PubDate  string   `xml:"pubDate"`
			Creators []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
		} `xml:"item"`
	} `xml:"channel"`
}

func checkRSS(t *testing.T, data []byte) {
	t.Helper()
	if err := checkXMLStrict(data); err != nil {
		t.Fatalf("RSS is not well-formed: %v", err)
	}
	var doc rssDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("RSS: %v", err)
	}
	c := doc.Channel
	if doc.Version != "2.0" || c.Title == "" || c.Link == "" || c.Description == "" {
		t.Errorf("RSS channel lacks version/title/link/description: %+v", c)
	}
	if c.LastBuildDate != "" {
		checkTime(t, "lastBuildDate", rssDate, c.LastBuildDate)
	}
	for _, s := range c.Self {
		if s.Rel != "self" || !strings.HasPrefix(s.Href, "http") {
			t.Errorf("RSS atom:link = %+v", s)
		}
	}
	for i, it := range c.Items {
		if it.Title == nil && it.Description == nil {
			t.Errorf("RSS item %d has neither title nor description", i)
		}
		if it.GUID.Value == "" || (it.GUID.IsPermaLink == "true" && it.GUID.Value != it.Link) {
			t.Errorf("RSS item %d guid = %+v, link %q", i, it.GUID, it.Link)
		}
		checkTime(t, "pubDate", rssDate, it.PubDate)
	}
}

type atomPersonDoc struct {
	Name string `xml:"name"`
}

type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   *string  `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Authors []atomPersonDoc `xml:"author"`
	Entries []struct {
		ID        string          `xml:"id"`
		Title     *string         `xml:"title"`
		Updated   string          `xml:"updated"`
		Published string          `xml:"published"`
		Authors   []atomPersonDoc `xml:"author"`
		Links     []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content *struct {
			Type string `xml:"type,attr"`
		} `xml:"content"`
		Categories []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

func checkAtom(t *testing.T, data []byte) {
	t.Helper()
	if err := checkXMLStrict(data); err != nil {
		t.Fatalf("Atom is not well-formed: %v", err)
	}
	var doc atomDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("Atom: %v", err)
	}
	if doc.ID == "" || doc.Title == nil || doc.Updated == "" {
		t.Errorf("Atom feed lacks id/title/updated: %q %v %q", doc.ID, doc.Title, doc.Updated)
	}
	feedUpdated := checkTime(t, "feed updated", time.RFC3339, doc.Updated)
	var self bool
	for _, l := range doc.Links {
		self = self || l.Rel == "self"
	}
	if !self {
		t.Errorf("Atom feed has no rel=self link")
	}
	for i, e := range doc.Entries {
		if e.ID == "" || e.Title == nil || e.Updated == "" {
			t.Errorf("Atom entry %d lacks id/title/updated", i)
		}
		if len(e.Authors) == 0 && len(doc.Authors) == 0 {
			t.Errorf("Atom entry %d has no author and neither has the feed", i)
		}
		for _, a := range append(e.Authors, doc.Authors...) {
			if a.Name == "" {
				t.Errorf("Atom entry %d: author without name", i)
			}
		}
		if e.Content == nil && len(e.Links) == 0 {
			t.Errorf("Atom entry %d has neither content nor alternate link", i)
		}
		for _, c := range e.Categories {
			if c.Term == "" {
				t.Errorf("Atom entry %d: category without term", i)
			}
		}
		if u := checkTime(t, "entry updated", time.RFC3339, e.Updated); u.After(feedUpdated) {
			t.Errorf("Atom entry %d updated %v after the feed's %v", i, u, feedUpdated)
		}
		checkTime(t, "published", time.RFC3339, e.Published)
	}
}

type jsonFeedDoc struct {
	Version     string `json:"version"`
	Title       string `json:"title"`
	HomePageURL string `json:"home_page_url"`
	FeedURL     string `json:"feed_url"`
	Items       []struct {
		ID            *string `json:"id"`
		URL           string  `json:"url"`
		ContentHTML   *string `json:"content_html"`
		ContentText   *string `json:"content_text"`
		DatePublished string  `json:"date_published"`
		DateModified  string  `json:"date_modified"`
		Authors       []struct {
			Name string `json:"name"`
		} `json:"authors"`
	} `json:"items"`
}

func checkJSONFeed(t *testing.T, data []byte) {
	t.Helper()
	if !json.Valid(data) {
		t.Fatalf("JSON Feed is not valid JSON")
	}
	var doc jsonFeedDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "https://jsonfeed.org/version/1.1" || doc.Title == "" {
		t.Errorf("JSON Feed version %q title %q", doc.Version, doc.Title)
	}
	for i, it := range doc.Items {
		if it.ID == nil || *it.ID == "" {
			t.Errorf("JSON Feed item %d has no id", i)
		}
		if it.ContentHTML == nil && it.ContentText == nil {
			t.Errorf("JSON Feed item %d has no content_html or content_text", i)
		}
		checkTime(t, "date_published", time.RFC3339, it.DatePublished)
		if it.DateModified != "" {
			checkTime(t, "date_modified", time.RFC3339, it.DateModified)
		}
	}
}

// checkTime parses a feed date in the given layout, failing on error.
func checkTime(t *testing.T, what, layout, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(layout, s)
	if err != nil {
		t.Errorf("%s: %v", what, err)
	}
	if tm.Year() < 1971 {
		t.Errorf("%s %q: an epoch or zero date", what, s)
	}
	return tm
}

func TestFeedEntries(t *testing.T) {
	d, err := feedSampleSite().prepare()
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ ID, AtomID, Link, Published, Updated string }
	var got []row
	for _, e := range d.entries {
		got = append(got, row{e.id, e.atomID, e.link, w3cTime(e.published), w3cTime(e.updated)})
	}
	want := []row{
		// Storm log has no Status: the zero Status counts as published.
		{"note-17", "tag:notes.example.org,2024:note-17", "https://notes.example.org/2024/03/storm-log/", "2024-03-03T22:15:00-05:00", "2024-03-03T22:15:00-05:00"},
		{"https://old.example.org/?p=42", "https://old.example.org/?p=42", "https://notes.example.org/2024/02/frost-flowers/", "2024-02-02T07:05:00+01:00", "2024-03-10T18:00:00Z"},
		{"https://notes.example.org/2024/01/winter-count-of-rooks/", "https://notes.example.org/2024/01/winter-count-of-rooks/", "https://notes.example.org/2024/01/winter-count-of-rooks/", "2024-01-14T09:30:00+01:00", "2024-01-14T09:30:00+01:00"},
		{"https://notes.example.org/2023/11/heron-at-the-weir/", "https://notes.example.org/2023/11/heron-at-the-weir/", "https://notes.example.org/2023/11/heron-at-the-weir/", "2023-11-20T16:00:00Z", "2023-11-20T16:00:00Z"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	// The feed's updated date is the newest entry's updated date, which is
	// not the newest entry's date.
	if got, want := w3cTime(d.updated), "2024-03-10T18:00:00Z"; got != want {
		t.Errorf("feed updated = %s, want %s", got, want)
	}
}

func TestFeedUndatedRule(t *testing.T) {
	f := feedSampleSite()
	undated := func(d *feedData) bool {
		for _, e := range d.entries {
			if e.post.Slug == "how-we-count" {
				return true
			}
		}
		return false
	}
	d, err := f.prepare()
	if err != nil {
		t.Fatal(err)
	}
	if undated(d) {
		t.Errorf("undated post listed without UndatedFallback")
	}
	f.UndatedFallback = time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC)
	if d, err = f.prepare(); err != nil {
		t.Fatal(err)
	}
	if !undated(d) {
		t.Errorf("undated post not listed with UndatedFallback")
	}
	// The feed's date still comes from its newest entry, not the fallback.
	if got, want := w3cTime(d.updated), "2024-03-10T18:00:00Z"; got != want {
		t.Errorf("feed updated = %s, want %s", got, want)
	}
}

func TestFeedEmpty(t *testing.T) {
	f := feedSampleSite()
	f.Posts = nil
	for _, fw := range feedWriters() {
		var buf bytes.Buffer
		err := fw.write(&buf, f)
		if fw.name == "atom" {
			// Atom needs an updated date and there is none to take.
			if err == nil {
				t.Errorf("Atom of an empty feed without Updated: no error")
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", fw.name, err)
		}
		fw.check(t, buf.Bytes())
	}
	f.Updated = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	if err := Atom(&buf, f); err != nil {
		t.Fatal(err)
	}
	checkAtom(t, buf.Bytes())
}

func TestFeedErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Feed)
		want   string
	}{
		{"no title", func(f *Feed) { f.Title = " \x00 " }, "feed: Title is empty"},
		{"relative link", func(f *Feed) { f.Link = "/blog/" }, `feed: Link "/blog/" is not an absolute URL`},
		{"bad feed url", func(f *Feed) { f.FeedURL = "feed.xml" }, `feed: FeedURL "feed.xml" is not an absolute URL`},
		{"bad language", func(f *Feed) { f.Language = "en GB" }, `feed: Language "en GB" is not a language tag`},
		{"no permalink func", func(f *Feed) { f.Permalink = nil }, "feed: Permalink is nil"},
		{"empty permalink", func(f *Feed) { f.Permalink = func(*post.Post) string { return "" } },
			`feed: post "Winter count of rooks" has no permalink`},
		{"unknown body format", func(f *Feed) {
			f.Posts = []*post.Post{{Title: "M", Slug: "m", Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Body: post.Body{Format: "asciidoc", Text: "*x*"}}}
		}, `feed: post "M": body: markup: `}, // the rest is the body renderer's

		{"body error", func(f *Feed) {
			f.Body = func(*post.Post) (string, error) { return "", errors.New("boom") }
		}, `feed: post "Storm log, 3 March": body: boom`},
		{"year 10000", func(f *Feed) {
			f.Posts = []*post.Post{{Title: "Far", Date: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}
		}, `feed: post "Far": year 10000 cannot be written in a feed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, fw := range feedWriters() {
				f := feedSampleSite()
				tt.change(f)
				var buf bytes.Buffer
				err := fw.write(&buf, f)
				if err == nil {
					t.Fatalf("%s: no error", fw.name)
				}
				got := err.Error()
				if strings.HasSuffix(tt.want, ": ") { // a prefix of the message
					got = got[:min(len(got), len(tt.want))]
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("%s error (-want +got):\n%s", fw.name, diff)
				}
				if buf.Len() != 0 {
					t.Errorf("%s wrote %d bytes before failing", fw.name, buf.Len())
				}
			}
		})
	}
}

// hostile is content meant to break a feed: forbidden control characters,
// a CDATA terminator, markup, entities, invalid UTF-8 and encoded surrogates.
const hostile = "A\x00B\x01\x08\x0b\x0c\x1f C ]]> <script>alert(1)</script> &amp; &bogus; \xff\xfe \xed\xa0\x80 \uFFFE\uFFFF \r\n\t end"

// hostilePost carries hostile content in every field a feed writes.
func hostilePost() *post.Post {
	return &post.Post{
		ID:         hostile,
		Title:      hostile,
		Slug:       "hostile",
		Date:       time.Date(2024, 5, 5, 5, 5, 5, 0, time.UTC),
		Authors:    []post.Author{{Name: hostile, Email: hostile, URL: hostile}},
		Categories: []post.Term{{Name: hostile, Slug: hostile}},
		Tags:       []post.Term{{Name: "]]>", Slug: "]]>"}},
		Citations: []post.Citation{
			{Source: hostile, Title: hostile, URL: "https://example.com/?q=]]><\"x\"&amp;\xff"},
			{Source: hostile, URL: hostile},
		},
		Summary: hostile,
		Body:    post.Body{Format: post.HTML, Text: `<p title="` + hostile + `">` + hostile + `<a href="` + hostile + `">x</a><img src=]]></p>`},
	}
}

func TestFeedHostileContent(t *testing.T) {
	f := &Feed{
		Title:       hostile,
		Description: hostile,
		Language:    "x-hostile",
		Link:        "https://example.com/\x00",
		FeedURL:     "https://example.com/feed\xff",
		Authors:     []post.Author{{Name: hostile}},
		Posts:       []*post.Post{hostilePost()},
		FullContent: true,
		Permalink:   func(*post.Post) string { return "/a/]]><script>&amp;\xff/" },
	}
	for _, fw := range feedWriters() {
		t.Run(fw.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := fw.write(&buf, f); err != nil {
				t.Fatal(err)
			}
			fw.check(t, buf.Bytes())
			out := buf.String()
			bads := []string{"\x00", "\x01", "\x0b", "\uFFFE", `\u0000`, `\u0001`}
			if fw.ext == ".xml" {
				bads = append(bads, "]]>", "<script>")
			}
			for _, bad := range bads {
				if strings.Contains(out, bad) {
					t.Errorf("output contains %q", bad)
				}
			}
			if !utf8Valid(buf.Bytes()) {
				t.Errorf("output is not valid UTF-8")
			}
		})
	}
}

func utf8Valid(b []byte) bool { return strings.ToValidUTF8(string(b), "\x00") == string(b) }

// FuzzFeeds builds a feed from arbitrary post fields and checks that every
// format either reports an error or writes a document that parses.
func FuzzFeeds(f *testing.F) {
	for _, p := range feedSamplePosts() {
		f.Add(p.ID, p.Title, p.Summary, string(p.Body.Format), p.Body.Text, "Ada", "birds", "/"+p.Slug+"/", p.Date.Unix(), p.Updated.Unix())
	}
	f.Add(hostile, hostile, hostile, "html", hostile, hostile, hostile, hostile, int64(-62135596800), int64(0))
	f.Fuzz(func(t *testing.T, id, title, summary, format, body, author, term, link string, date, updated int64) {
		p := &post.Post{
			ID: id, Title: title, Summary: summary, Slug: "s",
			Date:       time.Unix(date, 0).In(time.FixedZone("Z", int(date%50000))),
			Updated:    time.Unix(updated, 0).UTC(),
			Authors:    []post.Author{{Name: author, Email: author, URL: author}},
			Categories: []post.Term{{Name: term, Slug: term}},
			Tags:       []post.Term{{Name: title}},
			Citations:  []post.Citation{{Source: author, URL: link, Title: term}},
			Body:       post.Body{Format: post.Format(format), Text: body},
		}
		feed := &Feed{
			Title: "Fuzz " + title, Description: summary, Language: "en",
			Link: "https://example.com/", FeedURL: "https://example.com/feed",
			Posts: []*post.Post{p}, FullContent: len(body)%2 == 0,
			Updated:   time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
			Permalink: func(*post.Post) string { return link },
		}
		for _, fw := range feedWriters() {
			var buf bytes.Buffer
			if err := fw.write(&buf, feed); err != nil {
				if buf.Len() != 0 {
					t.Fatalf("%s: wrote output and failed: %v", fw.name, err)
				}
				continue
			}
			if fw.ext == ".json" {
				if !json.Valid(buf.Bytes()) {
					t.Fatalf("%s: invalid JSON:\n%s", fw.name, buf.Bytes())
				}
				continue
			}
			if err := checkXMLStrict(buf.Bytes()); err != nil {
				t.Fatalf("%s: %v\n%s", fw.name, err, buf.Bytes())
			}
		}
	})
}

// benchmarkFeed writes a full-content feed of 1,000 distinct posts. With
// rendered false the bodies go through the default renderer, as in a site
// build; with it true they are rendered once beforehand, so only the
// feed writer is measured.
func benchmarkFeed(b *testing.B, write func(io.Writer, *Feed) error, rendered bool) {
	f := feedSampleSite()
	base := feedSamplePosts()
	f.Posts = nil
	for i := range 1000 {
		p := *base[i%4]
		p.ID = ""
		p.Slug += "-" + strconv.Itoa(i)
		p.Date = p.Date.Add(-time.Duration(i) * time.Hour)
		f.Posts = append(f.Posts, &p)
	}
	if rendered {
		html := map[*post.Post]string{}
		var r markup.BodyRenderer
		for _, p := range f.Posts {
			h, err := defaultHTML(p.Body, &r)
			if err != nil {
				b.Fatal(err)
			}
			html[p] = h
		}
		f.Body = func(p *post.Post) (string, error) { return html[p], nil }
		f.Summary = func(p *post.Post) (string, error) { return html[p][:min(len(html[p]), 200)], nil }
	}
	var buf bytes.Buffer
	if err := write(&buf, f); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := write(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRSS(b *testing.B)                 { benchmarkFeed(b, RSS, false) }
func BenchmarkAtom(b *testing.B)                { benchmarkFeed(b, Atom, false) }
func BenchmarkJSONFeed(b *testing.B)            { benchmarkFeed(b, JSONFeed, false) }
func BenchmarkRSSPrerendered(b *testing.B)      { benchmarkFeed(b, RSS, true) }
func BenchmarkAtomPrerendered(b *testing.B)     { benchmarkFeed(b, Atom, true) }
func BenchmarkJSONFeedPrerendered(b *testing.B) { benchmarkFeed(b, JSONFeed, true) }

func TestFeedDuplicateIDs(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	f := feedSampleSite()
	f.Posts = []*post.Post{
		{ID: "https://old.example.org/?p=1", Title: "Old copy", Slug: "a", Date: day(1), Updated: day(2)},
		{ID: "https://old.example.org/?p=2", Title: "Other", Slug: "b", Date: day(3)},
		{ID: "https://old.example.org/?p=1", Title: "New copy", Slug: "c", Date: day(1), Updated: day(5)},
		{ID: "https://old.example.org/?p=1", Title: "Same time", Slug: "d", Date: day(1), Updated: day(5)},
	}
	d, err := f.prepare()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.entries {
		got = append(got, e.title)
	}
	if diff := cmp.Diff([]string{"Other", "New copy"}, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}
