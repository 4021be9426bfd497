// Package taxonomy groups posts: categories, tags, authors and custom
// taxonomies, date archives, pagination, newer/older links and related
// posts.
package taxonomy
