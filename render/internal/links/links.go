// Package links holds the URL helpers render uses to keep the links
// between posts working after a move: the key an address is looked up by
// among a post's old addresses, the address a post's relative links were
// written against, and the rewriting of the href and src attributes of
// rendered HTML. It knows nothing of posts or pages; render decides where
// a link leads. It is internal: its API may change with render.
package links

import (
	"html"
	"net/url"
	"regexp"
	"strings"
)

// linkAttr finds the href and src attributes of rendered content, which
// the sanitizer (and goldmark) always write double-quoted.
var linkAttr = regexp.MustCompile(`\s(href|src)="([^"]*)"`)

// Key is how an address is looked up among the aliases: without
// scheme, fragment and trailing slash or index.html, a host lower-cased
// ("blog.example/2019/03/x", "/blog/x", "?p=12"). An address on the
// origin's host is looked up by its path, like a root-relative one. It is
// "" for an address that is neither absolute nor root-relative, or that
// does not parse.
func Key(u, originHost string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "//") {
		pu, err := url.Parse(u)
		if err != nil || pu.Host == "" {
			return ""
		}
		host := strings.ToLower(pu.Host)
		u = pu.EscapedPath()
		if pu.RawQuery != "" {
			u += "?" + pu.RawQuery
		}
		if host != originHost {
			u = host + "/" + strings.TrimPrefix(u, "/")
		}
	} else if !strings.HasPrefix(u, "/") {
		return ""
	}
	q := ""
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u, q = u[:i], u[i:]
	}
	if dec, err := url.PathUnescape(u); err == nil {
		u = dec
	}
	u = strings.TrimSuffix(u, "index.html")
	u = strings.TrimRight(u, "/")
	if u == "" && q == "" {
		return "/"
	}
	return u + q
}

// Host is the lower-cased host of the URL origin, or "" when it has none
// or does not parse.
func Host(origin string) string {
	u, err := url.Parse(origin)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

// OldBase is the address a post was published at on the old site, as a
// parsed root-relative URL against which its relative links resolve: the
// first of its aliases that is root-relative or on originHost; nil when
// it has none. Aliases that do not parse are skipped.
func OldBase(aliases []string, originHost string) *url.URL {
	for _, a := range aliases {
		u, err := url.Parse(a)
		if err != nil || u.Path == "" || !strings.HasPrefix(u.Path, "/") {
			continue
		}
		if u.Host == "" && u.Scheme == "" || strings.ToLower(u.Host) == originHost && originHost != "" {
			return &url.URL{Path: u.Path}
		}
	}
	return nil
}

// IsRelative reports whether u is a path relative to its page: no
// scheme, not rooted, not only a fragment or query.
func IsRelative(u string) bool {
	if u == "" || strings.ContainsAny(u[:1], "/#?") {
		return false
	}
	if i := strings.IndexAny(u, ":/?#"); i >= 0 && u[i] == ':' {
		return false // a scheme: mailto:, https:, ...
	}
	return true
}

// Rewrite calls replace with the name ("href" or "src") and the
// unescaped value of each double-quoted href and src attribute of the
// HTML h, in order, and writes the URL it returns in the attribute's
// place, escaped; when replace returns false the attribute is left as it
// was. HTML with no such attribute comes back unchanged without a call.
func Rewrite(h string, replace func(attr, u string) (string, bool)) string {
	if !strings.Contains(h, "href=") && !strings.Contains(h, "src=") {
		return h
	}
	return linkAttr.ReplaceAllStringFunc(h, func(m string) string {
		sub := linkAttr.FindStringSubmatch(m)
		u, ok := replace(sub[1], html.UnescapeString(sub[2]))
		if !ok {
			return m
		}
		return " " + sub[1] + `="` + html.EscapeString(u) + `"`
	})
}
