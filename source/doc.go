// Package source reads posts from the formats blogs really use: the
// plain-text posts scraped from WordPress themes (ParseText), Markdown with
// YAML, TOML or JSON front matter in the Hugo, Jekyll and Go blog layouts
// (ParseMarkdown), WordPress WXR exports (ReadWXR), and whole trees of them
// from an fs.FS (Load).
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
