// Package render writes posts out: as JSON, as plain text, as front-matter
// Markdown, as HTML pages from templates, and as feeds and sitemaps.
package render
