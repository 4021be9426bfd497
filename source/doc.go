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
package source
