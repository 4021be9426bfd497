// Package post is folio's model of blog content: posts, authors, terms
// (categories, tags and custom taxonomies), citations and bodies, with the
// helpers every other package shares: slugs, word counts, reading time,
// summaries and validation.
//
// post imports no other folio package. Its types are plain structs with
// exported fields; the zero value of each is valid to hold and to pass
// around, and Validate says what a post still lacks.
package post
