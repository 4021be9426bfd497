package markup

import (
	"html"
	"path"
	"regexp"
	"strings"
)

// linkAttrRE finds the URL attributes of sanitized HTML's tags (whose
// text has every '"' escaped, so `="` only occurs inside tags).
var linkAttrRE = regexp.MustCompile(`\s(src|href|poster|srcset)="([^"]*)"`)

// ResolveRelative returns h with every relative URL of its src, href,
// poster and srcset attributes ("harbour.jpg", "../img/a.png") made
// root-relative against base, the site path of the page the HTML was
// written for ("/2024/05/trip/"), so that the HTML can be shown on other
// pages (a list's summaries, a feed). Absolute URLs, root-relative paths,
// fragments, queries and anything with a scheme are left alone, and so is
// a path that would climb above the site's root. h is HTML as Sanitize
// writes it.
func ResolveRelative(h, base string) string {
	if !strings.HasPrefix(base, "/") || !strings.Contains(h, `="`) {
		return h
	}
	if !strings.HasSuffix(base, "/") {
		base = path.Dir(base) + "/"
	}
	return linkAttrRE.ReplaceAllStringFunc(h, func(m string) string {
		sub := linkAttrRE.FindStringSubmatch(m)
		name, val := sub[1], html.UnescapeString(sub[2])
		if name == "srcset" {
			parts := strings.Split(val, ",")
			for i, p := range parts {
				f := strings.Fields(p)
				if len(f) == 0 {
					continue
				}
				if r, ok := resolve(f[0], base); ok {
					f[0] = r
				}
				parts[i] = strings.Join(f, " ")
			}
			return ` srcset="` + html.EscapeString(strings.Join(parts, ", ")) + `"`
		}
		r, ok := resolve(val, base)
		if !ok {
			return m
		}
		return " " + name + `="` + html.EscapeString(r) + `"`
	})
}

// resolve makes a relative URL root-relative against base; false when u
// is not a relative path.
func resolve(u, base string) (string, bool) {
	if u == "" || strings.HasPrefix(u, "/") || strings.HasPrefix(u, "#") || strings.HasPrefix(u, "?") {
		return "", false
	}
	if i := strings.IndexAny(u, ":/?#"); i >= 0 && u[i] == ':' {
		return "", false
	}
	rest := ""
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u, rest = u[:i], u[i:]
	}
	joined := path.Join(base, u)
	// path.Join cleans ".." away at the root; refuse a climb past it.
	if depth(base)+climb(u) < 0 {
		return "", false
	}
	if strings.HasSuffix(u, "/") && !strings.HasSuffix(joined, "/") {
		joined += "/"
	}
	return joined + rest, true
}

// depth counts the folders of a root-relative folder path.
func depth(p string) int {
	return strings.Count(strings.Trim(p, "/"), "/") + min(1, len(strings.Trim(p, "/")))
}

// climb is the lowest folder level a relative path reaches, 0 or less.
func climb(u string) int {
	level, low := 0, 0
	for _, e := range strings.Split(u, "/") {
		switch e {
		case "..":
			level--
			low = min(low, level)
		case ".", "":
		default:
			level++
		}
	}
	return low
}
