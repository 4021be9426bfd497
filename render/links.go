package render

import (
	"html"
	"html/template"
	"net/url"
	"regexp"
	"strings"

	"github.com/folio-go/folio/post"
)

// This file keeps the links between posts working after a move: a body's
// link to a post's old address (post.Post.Aliases) leads to the post's
// new page, and, with PageOptions.Origin, a root-relative link that
// matches no page of the new site leads back to the site the content
// came from.

// linkAttr finds the href and src attributes of rendered content, which
// the sanitizer (and goldmark) always write double-quoted.
var linkAttr = regexp.MustCompile(`\s(href|src)="([^"]*)"`)

// aliasKey is how an address is looked up among the aliases: without
// scheme, fragment and trailing slash or index.html, a host lower-cased
// ("blog.example/2019/03/x", "/blog/x", "/?p=12"). An address on the
// origin's host is looked up by its path, like a root-relative one.
func aliasKey(u, originHost string) string {
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

// originHost is the lower-cased host of PageOptions.Origin, or "".
func originHost(origin string) string {
	u, err := url.Parse(origin)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

// buildLinkMaps indexes the aliases of posts and the paths of the site's
// pages, for rewriteLinks.
func (r *Renderer) buildLinkMaps(posts []*post.Post) {
	r.originHost = originHost(r.opt.Origin)
	for _, p := range posts {
		for _, a := range p.Aliases {
			k := aliasKey(a, r.originHost)
			if k == "" {
				continue
			}
			if r.aliases == nil {
				r.aliases = map[string]*post.Post{}
			}
			if _, taken := r.aliases[k]; !taken {
				r.aliases[k] = p
			}
		}
	}
	if r.opt.Origin == "" {
		return
	}
	r.sitePaths = map[string]bool{}
	for _, pg := range r.pages {
		r.sitePaths[aliasKey(pg.Path, "")] = true
		r.sitePaths[aliasKey("/"+pg.File(), "")] = true
	}
}

// oldBase is the address p was published at on the old site, as a
// parsed root-relative URL against which its relative links resolve: its
// first alias that is root-relative or on the origin's host; nil when it
// has none.
func (r *Renderer) oldBase(p *post.Post) *url.URL {
	for _, a := range p.Aliases {
		u, err := url.Parse(a)
		if err != nil || u.Path == "" || !strings.HasPrefix(u.Path, "/") {
			continue
		}
		if u.Host == "" && u.Scheme == "" || strings.ToLower(u.Host) == r.originHost && r.originHost != "" {
			return &url.URL{Path: u.Path}
		}
	}
	return nil
}

// isRelativeRef reports whether u is a path relative to its page: no
// scheme, not rooted, not only a fragment or query.
func isRelativeRef(u string) bool {
	if u == "" || strings.ContainsAny(u[:1], "/#?") {
		return false
	}
	if i := strings.IndexAny(u, ":/?#"); i >= 0 && u[i] == ':' {
		return false // a scheme: mailto:, https:, ...
	}
	return true
}

// rewriteLinks points the links of p's rendered content at their new
// places, linked from a page whose links start with root:
//   - a link to a post's alias leads to the post's page; a relative link
//     is first resolved against p's old address (oldBase), and a ".md"
//     link (as the Go blog writes them) also matches the address without
//     it;
//   - with PageOptions.Origin, a root-relative link or image source (or a
//     relative one resolved against p's old address) that matches neither
//     an alias nor a page of the site, nor a file SiteHas knows, becomes
//     an absolute link to the origin.
//
// A link that names one of p's Assets, which the builder writes beside
// the page, and every other link are left as they are.
func (r *Renderer) rewriteLinks(root string, p *post.Post, h template.HTML) template.HTML {
	if (r.aliases == nil && r.opt.Origin == "") || !strings.Contains(string(h), "href=") && !strings.Contains(string(h), "src=") {
		return h
	}
	var base *url.URL
	baseDone := false
	s := linkAttr.ReplaceAllStringFunc(string(h), func(m string) string {
		sub := linkAttr.FindStringSubmatch(m)
		attr, u := sub[1], html.UnescapeString(sub[2])
		if isAsset(p, u) {
			return m // the builder writes it beside the page
		}
		if isRelativeRef(u) {
			if !baseDone {
				base, baseDone = r.oldBase(p), true
			}
			if base == nil {
				return m
			}
			ref, err := url.Parse(u)
			if err != nil {
				return m
			}
			u = base.ResolveReference(ref).String()
		}
		frag := ""
		if i := strings.IndexByte(u, '#'); i >= 0 {
			frag = u[i:]
		}
		k := aliasKey(u, r.originHost)
		if k == "" {
			return m
		}
		var q *post.Post
		if attr == "href" {
			q = r.aliases[k]
			if q == nil && strings.HasSuffix(k, ".md") {
				q = r.aliases[strings.TrimSuffix(k, ".md")]
			}
		}
		if q != nil {
			return ` href="` + html.EscapeString(r.postLink(root, q)+frag) + `"`
		}
		if r.opt.Origin == "" || !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || r.sitePaths[k] {
			return m
		}
		if r.opt.SiteHas != nil && r.opt.SiteHas(strings.SplitN(strings.SplitN(u, "#", 2)[0], "?", 2)[0]) {
			return m
		}
		return " " + attr + `="` + html.EscapeString(strings.TrimSuffix(r.opt.Origin, "/")+u) + `"`
	})
	return template.HTML(s) //nolint:gosec // h was trusted; only hrefs were replaced, escaped
}

// isAsset reports whether link is how p's body names one of its files.
func isAsset(p *post.Post, link string) bool {
	for _, a := range p.Assets {
		if a.Link != "" && a.Link == link {
			return true
		}
	}
	return false
}
