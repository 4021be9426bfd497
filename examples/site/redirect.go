package main

import (
	"html/template"
	"io"
	"path"
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
