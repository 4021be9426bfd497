// Package source reads posts from the formats blogs really use: the
// plain-text posts scraped from WordPress themes (ParseText), Markdown with
// YAML, TOML or JSON front matter in the Hugo, Jekyll and Go blog layouts
// (ParseMarkdown), WordPress WXR exports (ReadWXR), and whole trees of them
// from an fs.FS (Load). LoadSet loads a tree the same way and keeps it
// file by file, so that Set.Reload reads again only the files a watcher
// reports changed, with the errors and warnings a full Load would give.
//
// Every parse error is a *Error that says path:line:column and wraps one of
// the sentinel errors (ErrEmpty, ErrEncoding, ...). Parsers never panic and
// never silently change data: what they cannot read, they report.
package source
