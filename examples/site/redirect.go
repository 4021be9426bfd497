package main

import (
	"html/template"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/taxonomy"
)

// isRedirect reports whether p only sends readers elsewhere: the Go blog
// keeps a file for each old address that holds nothing but
// "redirect: /blog/new-name". Such a file is not a post to list.
func isRedirect(p *post.Post) bool {
	target, _ := p.Params["redirect"].(string)
	return target != "" && p.Title == "" && strings.TrimSpace(p.Body.Text) == ""
}

// splitRedirects separates the redirect stubs from the posts.
func splitRedirects(posts []*post.Post) (keep, redirects []*post.Post) {
	keep = posts[:0:0]
	for _, p := range posts {
		if isRedirect(p) {
			redirects = append(redirects, p)
			continue
		}
		keep = append(keep, p)
	}
	return keep, redirects
}

// redirectJobs writes, for each stub whose target is a post of this site
// (matched by the last segment of its path, the post's slug), a page at the
// stub's own address that sends the reader on. A stub pointing anywhere
// else is left out: its target is not part of the build, and a link to it
// would not resolve. taken holds the files already written, which a stub
// never replaces.
func redirectJobs(site *render.Site, idx *taxonomy.Index, stubs []*post.Post, taken map[string]bool) []job {
	bySlug := make(map[string]*post.Post, idx.Len())
	for _, p := range idx.Posts() {
		bySlug[p.Slug] = p
	}
	var jobs []job
	for _, stub := range stubs {
		target, _ := stub.Params["redirect"].(string)
		to := bySlug[path.Base(strings.TrimSuffix(target, "/"))]
		from := site.PostURL(stub)
		file := render.FilePath(from)
		if to == nil || taken[file] {
			continue
		}
		taken[file] = true
		data := redirectData{Title: to.Title, URL: site.PostURL(to)}
		if site.RelativeURLs {
			data.URL = relativeURL(from, data.URL)
		} else {
			data.URL = site.AbsURL(data.URL)
		}
		jobs = append(jobs, job{file: file, write: func(w io.Writer) error {
			return redirectPage.Execute(w, data)
		}})
	}
	return jobs
}

// aliasJobs writes a redirect page at each old address of a post
// (post.Post.Aliases) that is a path of this site: root-relative, or on
// the host of origin or of the site's base URL. An address with a query
// (WordPress's ?p=12) has no file of its own and is left to the links
// the renderer rewrites. taken holds the files already written, which a
// redirect never replaces.
func aliasJobs(site *render.Site, idx *taxonomy.Index, origin string, taken map[string]bool) []job {
	hosts := map[string]bool{}
	for _, u := range []string{origin, site.BaseURL} {
		if pu, err := url.Parse(u); err == nil && pu.Host != "" {
			hosts[strings.ToLower(pu.Host)] = true
		}
	}
	var jobs []job
	for _, p := range append(slices.Clip(idx.Posts()), idx.Pages()...) {
		for _, a := range p.Aliases {
			from, ok := aliasPath(a, hosts)
			if !ok {
				continue
			}
			file := render.FilePath(from)
			if taken[file] {
				continue
			}
			taken[file] = true
			data := redirectData{Title: p.Title, URL: site.PostURL(p)}
			if site.RelativeURLs {
				data.URL = strings.Repeat("../", strings.Count(file, "/")) + render.FilePath(data.URL)
			} else {
				data.URL = site.AbsURL(data.URL)
			}
			jobs = append(jobs, job{file: file, write: func(w io.Writer) error {
				return redirectPage.Execute(w, data)
			}})
		}
	}
	return jobs
}

// aliasPath is the site path of an old address, if it is one of this
// site's: a root-relative path, or an absolute URL on one of hosts,
// without a query.
func aliasPath(a string, hosts map[string]bool) (string, bool) {
	u, err := url.Parse(a)
	if err != nil || u.RawQuery != "" || u.Path == "" || !strings.HasPrefix(u.Path, "/") {
		return "", false
	}
	if u.Host != "" && !hosts[strings.ToLower(u.Host)] || u.Host == "" && u.Scheme != "" {
		return "", false
	}
	return u.Path, true
}

type redirectData struct {
	Title string
	URL   string
}

// relativeURL is the link from the page at folder path from to the page
// at folder path to, ending in index.html so that it works from disk.
func relativeURL(from, to string) string {
	depth := strings.Count(strings.Trim(from, "/"), "/") + 1
	if strings.Trim(from, "/") == "" {
		depth = 0
	}
	return strings.Repeat("../", depth) + strings.TrimPrefix(to, "/") + "index.html"
}

var redirectPage = template.Must(template.New("redirect").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<link rel="canonical" href="{{.URL}}">
<meta http-equiv="refresh" content="0; url={{.URL}}">
</head>
<body>
<main>
<p>This page has moved: <a href="{{.URL}}">{{.Title}}</a>.</p>
</main>
</body>
</html>
`))
