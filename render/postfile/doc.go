// Package postfile writes a post back as a source file, in the formats
// package source reads: the plain-text WordPress format of
// source.ParseText (Text) and Markdown with YAML front matter for
// source.ParseMarkdown (Markdown). What they write reads back into the same
// post; a post that could not, such as a category name holding the
// separator of the plain-text footer, is refused with an error rather than
// written wrong. examples/wxr2md migrates a WordPress export with Markdown.
package postfile
