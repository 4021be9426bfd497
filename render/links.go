package render

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/internal/links"
)

// This file keeps the links between posts working after a move: a body's
// link to a post's old address (post.Post.Aliases) leads to the post's
// new page, and, with PageOptions.Origin, a root-relative link that
// matches no page of the new site leads back to the site the content
// came from. The URL helpers are package render/internal/links.

// buildLinkMaps indexes the aliases of posts and the paths of the site's
// pages, for rewriteLinks.
func (r *Renderer) buildLinkMaps(posts []*post.Post) {
	r.originHost = links.Host(r.opt.Origin)
	for _, p := range posts {
		for _, a := range p.Aliases {
			k := links.Key(a, r.originHost)
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
		r.sitePaths[links.Key(pg.Path, "")] = true
		r.sitePaths[links.Key("/"+pg.File(), "")] = true
	}
}

// rewriteLinks points the links of p's rendered content at their new
// places, linked from a page whose links start with root:
//   - a link to a post's alias leads to the post's page; a relative link
//     is first resolved against p's old address (links.OldBase), and a
//     ".md" link (as the Go blog writes them) also matches the address
//     without it;
//   - with PageOptions.Origin, a root-relative link or image source (or a
//     relative one resolved against p's old address) that matches neither
//     an alias nor a page of the site, nor a file SiteHas knows, becomes
//     an absolute link to the origin.
//
// A link that names one of p's Assets, which the builder writes beside
// the page, and every other link are left as they are.
func (r *Renderer) rewriteLinks(root string, p *post.Post, h template.HTML) template.HTML {
	if r.aliases == nil && r.opt.Origin == "" {
		return h
	}
	var base *url.URL
	baseDone := false
	s := links.Rewrite(string(h), func(attr, u string) (string, bool) {
		if isAsset(p, u) {
			return "", false // the builder writes it beside the page
		}
		if links.IsRelative(u) {
			if !baseDone {
				base, baseDone = links.OldBase(p.Aliases, r.originHost), true
			}
			if base == nil {
				return "", false
			}
			ref, err := url.Parse(u)
			if err != nil {
				return "", false
			}
			u = base.ResolveReference(ref).String()
		}
		frag := ""
		if i := strings.IndexByte(u, '#'); i >= 0 {
			frag = u[i:]
		}
		k := links.Key(u, r.originHost)
		if k == "" {
			return "", false
		}
		var q *post.Post
		if attr == "href" {
			q = r.aliases[k]
			if q == nil && strings.HasSuffix(k, ".md") {
				q = r.aliases[strings.TrimSuffix(k, ".md")]
			}
		}
		if q != nil {
			return r.postLink(root, q) + frag, true
		}
		if r.opt.Origin == "" || !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || r.sitePaths[k] {
			return "", false
		}
		if r.opt.SiteHas != nil && r.opt.SiteHas(strings.SplitN(strings.SplitN(u, "#", 2)[0], "?", 2)[0]) {
			return "", false
		}
		return strings.TrimSuffix(r.opt.Origin, "/") + u, true
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
