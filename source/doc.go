// Package source reads posts from the formats blogs really use: the
// plain-text posts scraped from WordPress themes (ParseText), Markdown with
// YAML, TOML or JSON front matter in the Hugo, Jekyll and Go blog layouts
// (ParseMarkdown), WordPress WXR exports (ReadWXR), and whole trees of them
// from an fs.FS (Load). LoadSet loads a tree the same way and keeps it
// file by file, so that Set.Reload reads again only the files a watcher
// reports changed, with the errors and warnings a full Load would give.
//
// # Errors
//
// Every parse error is a *Error with the file's Path, a 1-based Line and
// Column (the column counted in characters; 0 when only the line, or
// nothing, is known), printed as "path:line:column: message" like a
// compiler's. It wraps one of the sentinel errors (ErrEmpty, ErrEncoding,
// ErrSyntax, ErrDate, ErrTooLarge, ErrFrontMatter, ErrField,
// ErrUnsupported), which errors.Is matches; errors.As gives the *Error.
// Load never stops at a bad file: it returns every good post and
// errors.Join of every bad file's *Error. Parsers never panic and never
// silently change data: what they cannot read, they report.
//
// Errors are for files that give no post. Loading never drops a post for
// a value it could keep: a problem that keeps the post but changes or
// ignores something in it is a post.Warning, handed to Options.Warn with
// path, line and column where known and a Kind: WarnUnknownKey (a key
// inside a known field that the model has no place for, kept in Params),
// WarnValue (a value of an unexpected shape or an unknown word), WarnDate
// (a date that could not be read), WarnSkipped (an export item that is
// not a post, a Go blog list page) and WarnRecovered (an export item read
// by the fallback reader, or an unclosed one).
//
// # Limits
//
// Every cost is bounded by a limit in Options with a default no real post
// reaches: MaxFileSize for a file, MaxItemBytes for one item of a WXR
// export (which is streamed: an item past it is skipped as it is read,
// with an ErrTooLarge error at its line, and the items after it are read),
// MaxTerms for each list of terms and MaxDepth for front-matter nesting.
//
// The readers apply each generator's rules for where a file is: Jekyll's
// folders above _posts are categories and an untitled post is titled
// from its file name, Hugo's file-name slugs are lower-cased, the Go
// blog's index.md and all.md are list pages (Load skips them), and every
// post's old addresses (the Go blog's /blog/SLUG, a url or permalink,
// Hugo aliases, Jekyll redirect_from, WordPress's link and ?p=ID) are in
// post.Post.Aliases, so that a renderer can keep links to them working.
package source
