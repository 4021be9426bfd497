// Package feed writes a site's feeds and sitemaps: RSS 2.0 (RSS), Atom 1.0
// (Atom) and JSON Feed 1.1 (JSONFeed) from one Feed description, and
// sitemaps.org sitemaps (Sitemap, and Sitemaps to split a large site and
// write the index). It imports post and render/markup, never the page
// renderer, so a program can write feeds without building a site.
//
// The same Feed gives the same entries, ids and dates in every format: the
// Feed type documents which posts appear, in what order, and how they are
// identified and dated. Feeds need absolute URLs: Feed.Permalink returns
// them (render's Site.AbsURL(Site.PostURL(p)) for a site's posts).
//
// Bodies and summaries come from the Feed.Body and Feed.Summary callbacks,
// or, when these are nil, from markup's default, sanitizing renderer. All
// text is made safe for XML, relative URLs inside the HTML are resolved
// against the post's permalink, and a Feed or URL a reader could not use
// (no title, a relative link, a date outside years 0 to 9999) is an error
// before anything is written.
package feed
