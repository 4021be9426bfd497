package source

import (
	"path"
	"strings"

	"github.com/folio-go/folio/post"
)

// markdownDialect says whose shortcodes and template actions the body of
// a front-matter file holds. The file's place and front matter decide
// first, the way each generator finds its own content:
//
//   - front matter `template: true` is the Go blog's (golang.org/x/website)
//     switch for running a post through text/template: GoBlog;
//   - a `_posts` or `_drafts` folder is Jekyll's: Liquid;
//   - TOML (`+++`) front matter, a `content` folder or a page bundle's
//     `index.md` is Hugo's: Hugo.
//
// Otherwise the body's syntax decides: `{{<` or `{{%` is Hugo's, `{% tag`
// and `{{ site.` / `{{ page.` are Liquid's; a file named
// `YYYY-MM-DD-title` (Jekyll's naming rule) with a `{{` in it is Liquid.
// A body with none of these holds no dialect.
func markdownDialect(name, flavour, body string, params map[string]any) post.Dialect {
	if v, ok := params["template"].(bool); ok && v {
		return post.GoBlog
	}
	for dir := path.Dir(name); dir != "." && dir != "/" && dir != ""; dir = path.Dir(dir) {
		switch path.Base(dir) {
		case "_posts", "_drafts":
			return post.Liquid
		case "content":
			return post.Hugo
		}
	}
	base := path.Base(name)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if flavour == flavourTOML || (stem == "index" && path.Dir(name) != ".") {
		return post.Hugo
	}
	if !strings.Contains(body, "{") {
		return post.NoDialect
	}
	switch {
	case strings.Contains(body, "{{<") || strings.Contains(body, "{{%"):
		return post.Hugo
	case hasLiquid(body):
		return post.Liquid
	case len(stem) > 11 && stem[10] == '-' && isDatePrefix(stem[:10]) && strings.Contains(body, "{{"):
		return post.Liquid
	}
	return post.NoDialect
}

// hasLiquid reports whether s holds a Liquid tag ("{%" and a name) or an
// output of Jekyll's site, page or post variables.
func hasLiquid(s string) bool {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '{')
		if k < 0 || i+k+1 >= len(s) {
			return false
		}
		i += k + 1
		open := s[i]
		if open != '%' && open != '{' {
			continue
		}
		rest := strings.TrimLeft(strings.TrimPrefix(s[i+1:], "-"), " \t")
		if open == '%' && rest != "" && rest[0] >= 'a' && rest[0] <= 'z' {
			return true
		}
		if open == '{' {
			for _, v := range [...]string{"site.", "page.", "post.", "include."} {
				if strings.HasPrefix(rest, v) {
					return true
				}
			}
		}
	}
}

// isDatePrefix reports whether s looks like YYYY-MM-DD.
func isDatePrefix(s string) bool {
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) == 10
}

// htmlDialect says whether a WordPress body was written in the block
// editor, which marks each block with a `<!-- wp:` comment.
func htmlDialect(body string) post.Dialect {
	if strings.Contains(body, "<!-- wp:") {
		return post.WordPressBlocks
	}
	return post.WordPress
}

// knownDialect reports whether a front-matter `dialect` value names a
// dialect: one of post's Dialect values, or "none".
func knownDialect(s string) bool {
	switch post.Dialect(s) {
	case post.WordPress, post.WordPressBlocks, post.Hugo, post.Liquid, post.GoBlog:
		return true
	}
	return s == "none"
}

// dialectNamed is the Dialect a known front-matter value names.
func dialectNamed(s string) post.Dialect {
	if s == "none" {
		return post.NoDialect
	}
	return post.Dialect(s)
}
