package feed_test

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/feed"
)

func ExampleRSS() {
	posts := []*post.Post{{
		Title:      "First light",
		Slug:       "first-light",
		Date:       time.Date(2024, 5, 1, 6, 0, 0, 0, time.UTC),
		Authors:    []post.Author{{Name: "Ada Quill"}},
		Categories: []post.Term{{Name: "Notes", Slug: "notes"}},
		Summary:    "Dawn at the pond & what came to drink.",
		Body:       post.Body{Format: post.Text, Text: "A fox, then two deer."},
	}}
	f := &feed.Feed{
		Title:   "Field Notes",
		Link:    "https://notes.example.org/",
		FeedURL: "https://notes.example.org/rss.xml",
		Posts:   posts,
		Permalink: func(p *post.Post) string {
			return "/" + p.Slug + "/" // resolved against Link
		},
	}
	if err := feed.RSS(os.Stdout, f); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
	//   <channel>
	//     <title>Field Notes</title>
	//     <link>https://notes.example.org/</link>
	//     <description>Field Notes</description>
	//     <lastBuildDate>Wed, 01 May 2024 06:00:00 +0000</lastBuildDate>
	//     <atom:link href="https://notes.example.org/rss.xml" rel="self" type="application/rss+xml"/>
	//     <item>
	//       <title>First light</title>
	//       <link>https://notes.example.org/first-light/</link>
	//       <guid isPermaLink="true">https://notes.example.org/first-light/</guid>
	//       <pubDate>Wed, 01 May 2024 06:00:00 +0000</pubDate>
	//       <dc:creator>Ada Quill</dc:creator>
	//       <category>Notes</category>
	//       <description>&lt;p&gt;Dawn at the pond &amp;amp; what came to drink.&lt;/p&gt;</description>
	//     </item>
	//   </channel>
	// </rss>
}

// An undated post is left out unless the feed says how to date it; the
// feed's own date comes from its newest entry, never from the clock.
func ExampleAtom() {
	f := &feed.Feed{
		Title: "Field Notes",
		Link:  "https://notes.example.org/",
		Posts: []*post.Post{
			{ID: "https://old.example.org/?p=7", Title: "Imported", Date: time.Date(2019, 3, 2, 10, 0, 0, 0, time.UTC)},
			{Title: "Undated page"},
		},
		Permalink: func(p *post.Post) string { return "/imported/" },
	}
	var b strings.Builder
	if err := feed.Atom(&b, f); err != nil {
		fmt.Println(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, "<id>") || strings.Contains(line, "<updated>") || strings.Contains(line, "<name>") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// <id>https://notes.example.org/</id>
	// <updated>2019-03-02T10:00:00Z</updated>
	// <name>Field Notes</name>
	// <id>https://old.example.org/?p=7</id>
	// <updated>2019-03-02T10:00:00Z</updated>
}

func ExampleSitemaps() {
	urls := []feed.SitemapURL{
		{Loc: "https://notes.example.org/b/"},
		{Loc: "https://notes.example.org/a/", LastMod: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)},
		{Loc: "https://notes.example.org/c/"},
	}
	create := func(name string) (io.WriteCloser, error) {
		fmt.Println("writing", name)
		return discardFile{io.Discard}, nil
	}
	// MaxURLs is lowered to show the split; the default is 50,000.
	opts := feed.SitemapOptions{BaseURL: "https://notes.example.org/", MaxURLs: 2}
	names, err := feed.Sitemaps(urls, opts, create)
	fmt.Println(names, err)
	// Output:
	// writing sitemap-1.xml
	// writing sitemap-2.xml
	// writing sitemap.xml
	// [sitemap-1.xml sitemap-2.xml sitemap.xml] <nil>
}

type discardFile struct{ io.Writer }

func (discardFile) Close() error { return nil }
