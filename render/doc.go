// Package render writes posts out as the HTML pages of a site from
// templates. Bodies become HTML in package render/markup; feeds and
// sitemaps are package render/feed; package render/postfile writes one
// post on its own: back as a plain-text or front-matter Markdown file, or
// as JSON.
//
// # HTML pages
//
// A Site describes where pages go: its permalink patterns (Permalinks,
// with Hugo and Jekyll tokens such as :year and :slug) give every post,
// term, taxonomy and archive period a site path, and Site.Check refuses
// patterns and posts that would give an unsafe or clashing path before
// anything is written; Site.Admit returns the posts that can be written
// and an error for each one left out, so that one bad post (on the path
// of an archive, a term or one of SiteFiles) costs only itself. FilePath
// maps a site path to the file that serves
// it and can never leave the output folder.
//
// NewRenderer takes a Site and a taxonomy.Index and writes every page of
// the site from html/template templates: posts, the paginated home page,
// taxonomy and term pages, author pages, year, month and day archives and a
// 404 page. Renderer.Pages lists them all for a site builder, which can
// write them in parallel. The default theme is embedded (DefaultTheme);
// PageOptions.Templates replaces any of its files. With
// Site.RelativeURLs every link is relative and ends in index.html, so the
// written site can be opened from disk; a relative link climbs to the
// site root and goes down from there, as Hugo's do.
//
// What many pages share is executed once, not once per page: the theme's
// "header" and "footer" templates once per page depth and current
// navigation link (PageData.Header, PageData.Footer, from ChromeData),
// and its "entry" template, a post as lists show it, once per post
// (PostData.Entry, its links fixed for each page). A theme that does not
// define them simply does not get them. Renderer.Summary shares each
// post's rendered summary with feeds, Renderer.Body its body with the
// feeds that carry whole posts (each body is rendered once per build),
// and PageOptions.Feeds names the feeds a page points feed readers to
// (PageData.Feeds). A page shows at most MaxTermLinks of a post's
// authors and of its terms in each taxonomy, with a count of the rest.
// A body past PageOptions.Limits is shown as escaped paragraphs, with a
// warning to PageOptions.Warn.
//
// # Bodies and safety
//
// Post bodies become HTML through a markup.BodyRenderer
// (PageOptions.Body); the default is markup.New with Site.UnsafeHTML.
// Content is untrusted: every body and summary is passed through
// markup.Sanitize unless Site.UnsafeHTML opts out. Everything else from
// content is plain text that html/template escapes for its context, and
// URLs from content (citations, author sites) are linked only when they
// are http or https.
//
// Diff compares two Renderers of one site, before and after an edit, and
// says which pages must be written and which files removed, without
// rendering: a program that keeps a site up to date writes only those.
// Renderer.EditedPostPage renders an edited post's page from the last
// Renderer, without indexing the posts again, when the edit keeps the
// post's place (date, slug, terms), so a preview can show a saved body
// at once and build the rest after.
//
// # Shortcodes and template actions
//
// A body's dialect (post.Body.Dialect: WordPress classic or blocks, Hugo,
// Liquid, Go blog) is expanded before the body is rendered, by the
// handlers of render/markup (PageOptions.Shortcodes); Hugo ref/relref and
// Jekyll link/post_url resolve to the permalinks of the index's posts, and
// PageOptions.ReadFile lets {{code}} and {% include %} read files of the
// loaded tree. Pages, summaries, word counts and JSON-LD (and
// postfile.JSON's word count) use the expanded body; Renderer.Body gives
// it to feeds; postfile.Markdown keeps the syntax as written. Problems
// reach PageOptions.Warn. See docs/dialects.md.
package render
