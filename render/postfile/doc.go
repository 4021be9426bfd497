// Package postfile writes one post on its own. Text and Markdown write it
// back as a source file, in the formats package source reads: the
// plain-text WordPress format of source.ParseText (Text) and Markdown with
// YAML front matter for source.ParseMarkdown (Markdown). What they write
// reads back into the same post; a post that could not, such as a category
// name holding the separator of the plain-text footer, is refused with an
// error rather than written wrong. examples/wxr2md migrates a WordPress
// export with Markdown.
//
// JSON writes the JSON form of a post (JSONPost, documented field by field
// in docs/json.md), which examples/inspect prints; its word count reads
// the body with shortcodes expanded by render/markup's built-in handlers.
package postfile
