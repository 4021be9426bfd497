// Package markup turns a post body into safe HTML, and HTML back into
// what summaries and plain text need. It imports post and nothing else of
// folio, so a program that only renders bodies needs nothing more.
//
// # Bodies
//
// New makes a Renderer from Options (the zero value is the safe default);
// make one and share it, it is safe for concurrent use. Renderer.HTML
// renders a post.Body by its Format: Markdown through goldmark (CommonMark
// with tables, strikethrough, autolinks and footnotes), plain text as
// escaped paragraphs, and WordPress HTML through Autop, WordPress's
// automatic paragraphs. Renderer.PostHTML does the same for a body or
// summary of a given post; it is the entry point for a post's own text,
// because what bodies will need later (shortcodes, links to other posts,
// warnings with the post's path) reads the post, and new needs arrive as
// new Options fields, never as new parameters. An unknown format is an
// error and nothing is written.
//
// Another engine plugs in as a BodyRenderer; BodyHTML renders with any
// of them and is the one place where markup from content becomes
// template.HTML.
//
// # Safety
//
// Content is untrusted. Unless Options.UnsafeHTML (or BodyHTML's
// unsafeHTML) opts out, every body passes through Sanitize, an allow-list
// of elements, attributes and URL schemes that keeps the document's
// structure balanced; Sanitize never fails, it drops what it does not
// allow. IsWebURL and WebURL tell which URLs from content may be linked
// outside a body (author sites, citations), and CleanText and CleanBytes
// replace the characters HTML forbids in text.
//
// # Cost
//
// goldmark, like most CommonMark parsers, takes time that grows with the
// square of the delimiters in one paragraph, of the nesting depth and of
// the reference and footnote definitions. Limits bound those, and the
// size of every body, in one linear pass (Measure) before any parser
// runs; a body past them is written as its text in escaped paragraphs
// (Limits.Guard), so that every body costs time linear in its size. The
// defaults are far beyond real posts (see Limits).
//
// # Shortcodes and template actions
//
// A body's dialect (post.Body.Dialect) says whose syntax it holds:
// WordPress shortcodes and embeds (classic or block editor), Hugo
// shortcodes, Jekyll's Liquid, the Go blog's template actions. Expand
// finds its calls and runs a Handler per call from a Handlers registry
// (NewHandlers has the built-ins of every dialect; Register adds a
// program's own or replaces one); PostHTML expands before Markdown or
// autop runs and sanitizes the result with the rest of the body. Calls no
// handler knows are dropped, their content kept, with a post.Warning at
// their place in the post's file (Options.Expand.Warn). Embeds are link
// cards that load nothing from the other site. NewResolver resolves Hugo
// ref/relref and Jekyll link/post_url against loaded posts. The project's
// docs/dialects.md lists the rules and every built-in.
//
// # Summaries and links
//
// Summary cuts rendered HTML after a number of words, or at <!--more-->,
// without leaving an element open; ClipSummary bounds a summary's source
// text (MaxSummaryBytes) and Description makes a meta description of a
// summary. RelativizeLinks rewrites the root-relative links of rendered
// HTML, for sites opened from disk. TitleHTML and TitleText show a title
// that holds inline markup, and ShownTitle and ShownTitleHTML show an
// empty one as "Untitled", as pages do.
package markup
