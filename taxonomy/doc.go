// Package taxonomy groups posts: categories, tags, authors and custom
// taxonomies, date archives, pagination, newer/older links and related
// posts.
//
// Build reads a set of posts once and returns an Index that is never
// changed afterwards, so any number of goroutines may read it at once.
// Everything is computed by Build except Related, which ranks on demand
// from the index's inverted lists (term to posts) without writing to the
// index; its scratch space comes from a sync.Pool, so concurrent calls
// never share it.
//
// # Order
//
// The index orders posts newest first by instant, undated posts last; ties
// go by slug, then source path and line, then input order. Every list of posts it returns (a
// term's, a period's, the whole set) follows that order, and Newer and Older
// walk it.
//
// # Terms
//
// Two terms of one taxonomy are the same when their slugs are (a term
// without a slug takes post.Slugify of its name): "Community" and
// "community", or "Kim Jong Un" and "Kim Jong-un", are one term. The term
// is named by its most used spelling (ties: the lexicographically smallest)
// and Index.Merges lists every slug under which different spellings met.
// Terms list by name (ignoring case), by count or by latest post; Get
// looks one up by slug.
//
// Terms may name a parent by slug (post.Term.Parent), in any taxonomy.
// Ancestors, Descendants, Tree and AllPosts follow the hierarchy. A missing
// parent, a cycle or a term given two parents is reported in Build's error
// and resolved so the index stays usable (see Build).
//
// # Archives
//
// Years, months and days are listed newest first, each with its posts. A
// post falls in the period of its date as written, in its own zone, unless
// Options.Location is set. Undated posts are in no period; Index.Undated
// lists them.
//
// # Slugs
//
// Build gives each post a slug no other post in the set has (or, with
// Options.SlugScope, no other post of the same scope, such as the same
// output folder), changing Post.Slug in place: an empty slug becomes the
// title's, and posts that share a slug keep it in date order, oldest
// first, the others getting "-2", "-3", .... Index.Renamed reports every
// change, and Index.UndoRenames takes them back, so that posts kept
// between builds are numbered afresh by the next Build.
//
// # Pages
//
// Posts of post.KindPage (an "about" page, a WordPress page) take part in
// the slugs but in no list: Index.Pages holds them.
package taxonomy
