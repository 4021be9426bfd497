package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/taxonomy"
)

// placeholderURL stands in for -base-url in feeds and the sitemap, which
// need absolute URLs, when none was given; the pages themselves link
// relatively and do not depend on it.
const placeholderURL = "https://example.org/"

// feedEntries is how many posts each feed lists.
const feedEntries = 20

// job is one file to write: its slash-separated path under -out and the
// function that writes its content.
type job struct {
	file  string
	write func(io.Writer) error
}

// build writes the whole site for posts into out and returns how many files
// it wrote. It leaves out, with an error naming the post's file, any post
// whose pages would have an unsafe path, writes every other page, and
// returns every problem joined.
func build(ctx context.Context, cfg config, posts []*post.Post, out *outDir, prog *progress) (int, error) {
	site := &render.Site{
		Title:        cfg.title,
		BaseURL:      cfg.baseURL,
		RelativeURLs: cfg.baseURL == "",
		Description:  cfg.description,
		Permalinks:   render.Permalinks{Post: cfg.permalink},
	}
	// A bad pattern fails every post alike: say so once.
	if err := site.Check(nil); err != nil {
		return 0, err
	}
	var errs []error
	posts, bad := safePosts(site, posts)
	errs = append(errs, bad...)
	posts, stubs := splitRedirects(posts)

	idx, err := taxonomy.Build(posts, taxonomy.Options{})
	if err != nil {
		// Hierarchy problems (a missing parent, two parents) are
		// repaired by Build and do not stop the site; say what they were.
		errs = append(errs, warnings(err)...)
	}
	r, err := render.NewRenderer(site, idx, render.PageOptions{NoDayArchives: !cfg.days})
	if err != nil {
		return 0, errors.Join(append(errs, err)...)
	}

	var jobs []job
	var sitemap []render.SitemapURL
	abs := absURL(site)
	for pg := range r.Pages() {
		jobs = append(jobs, job{file: pg.File(), write: pg.Write})
		if pg.Kind == render.KindNotFound || pg.Kind == render.KindAsset {
			continue
		}
		u := render.SitemapURL{Loc: abs(pg.Path)}
		if pg.Post != nil {
			u.LastMod = pg.Post.Updated
			if u.LastMod.IsZero() {
				u.LastMod = pg.Post.Date
			}
		}
		sitemap = append(sitemap, u)
	}
	jobs = append(jobs, feedJobs(site, idx, r, abs)...)
	taken := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		taken[j.file] = true
	}
	jobs = append(jobs, redirectJobs(site, idx, stubs, taken)...)

	n, err := writeAll(ctx, out, jobs, cfg.workers, prog)
	if err != nil {
		errs = append(errs, err)
	}
	if cfg.memprofile != "" {
		// Here, with every page written and the renderer still live, the
		// heap is at its largest.
		if err := writeHeapProfile(cfg.memprofile); err != nil {
			errs = append(errs, err)
		}
		runtime.KeepAlive(r)
	}
	names, err := render.Sitemaps(sitemap, render.SitemapOptions{BaseURL: abs("/")}, func(name string) (io.WriteCloser, error) {
		return out.Create(name)
	})
	n += len(names)
	if err != nil {
		errs = append(errs, err)
	}
	return n, errors.Join(errs...)
}

// absURL returns the function that makes a site path absolute, with
// placeholderURL standing in for a missing -base-url.
func absURL(site *render.Site) func(string) string {
	abs := *site
	if abs.BaseURL == "" {
		abs.BaseURL = placeholderURL
	}
	return abs.AbsURL
}

// safePosts returns the posts whose pages all have safe paths, and an
// error naming the source file of each post left out.
func safePosts(site *render.Site, posts []*post.Post) ([]*post.Post, []error) {
	// One check of them all is the common case; one post at a time, which
	// repeats the site-wide checks for each, only finds the culprits.
	if site.Check(posts) == nil {
		return posts, nil
	}
	var errs []error
	keep := posts[:0:0]
	for _, p := range posts {
		if err := site.Check([]*post.Post{p}); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: left out: %w", p.Source.Path, max(p.Source.Line, 1), err))
			continue
		}
		keep = append(keep, p)
	}
	return keep, errs
}

// warning is a problem that did not stop the build.
type warning struct{ err error }

func (w warning) Error() string { return "warning: " + w.err.Error() }
func (w warning) Unwrap() error { return w.err }

func warnings(err error) []error {
	var out []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, warning{e})
		}
		return out
	}
	return []error{warning{err}}
}

// feedJobs returns the RSS, Atom and JSON feeds of the site and of every
// term: index.xml, atom.xml and feed.json beside the page they belong to.
// The site's feeds carry whole posts; the terms' feeds carry summaries,
// made once per post however many feeds show it.
func feedJobs(site *render.Site, idx *taxonomy.Index, r *render.Renderer, abs func(string) string) []job {
	body := render.NewDefaultBody(site.UnsafeHTML)
	// The list pages render every summary once; the feeds share them.
	summary := func(p *post.Post) (string, error) {
		h, _, err := r.Summary(p)
		return string(h), err
	}
	permalink := func(p *post.Post) string { return abs(site.PostURL(p)) }

	// A feed must have a date; undated posts take the newest post's, so
	// that the output depends on the content alone, never on the clock.
	var newest time.Time
	for _, p := range idx.Posts() {
		if p.Date.After(newest) {
			newest = p.Date
		}
	}
	var jobs []job
	add := func(dir, title string, posts []*post.Post, full bool) {
		for _, format := range []struct {
			name  string
			write func(io.Writer, *render.Feed) error
		}{
			{"index.xml", render.RSS},
			{"atom.xml", render.Atom},
			{"feed.json", render.JSONFeed},
		} {
			if format.name == "atom.xml" && newest.IsZero() {
				continue // Atom needs a date, and no post has one
			}
			f := &render.Feed{
				Title:       title,
				Description: site.Description,
				Link:        abs(dir),
				FeedURL:     abs(dir + format.name),
				Posts:       newestPosts(posts, feedEntries),
				Limit:       feedEntries,
				FullContent: full,
				Permalink:   permalink,
				Summary:     summary,
				Updated:     newest,

				UndatedFallback: newest,
			}
			if full {
				f.Body = func(p *post.Post) (string, error) {
					h, err := render.BodyHTML(body, p.Body, site.UnsafeHTML)
					return string(h), err
				}
			}
			jobs = append(jobs, job{
				file:  strings.TrimPrefix(dir+format.name, "/"),
				write: func(w io.Writer) error { return format.write(w, f) },
			})
		}
	}
	add("/", site.Title, idx.Posts(), true)
	for _, name := range idx.Taxonomies() {
		for t := range idx.Taxonomy(name).All() {
			posts := t.Posts
			if name == taxonomy.Categories {
				posts = t.AllPosts() // as the category's page lists them
			}
			add(feedDir(site.TermURL(name, t.Slug)), t.Name+" – "+site.Title, posts, false)
		}
	}
	return jobs
}

// newestPosts returns the posts a feed of n entries can show, so that
// each feed sorts a few posts rather than all of a big term's: the first n
// of posts, which the index keeps newest first, and the undated ones at
// its end, which the feed dates by its fallback.
func newestPosts(posts []*post.Post, n int) []*post.Post {
	if len(posts) <= n {
		return posts
	}
	undated := len(posts)
	for undated > n && posts[undated-1].Date.IsZero() {
		undated--
	}
	return append(posts[:n:n], posts[undated:]...)
}

// feedDir is the folder a page's feeds go in: the page's own folder for
// "/tags/go/", the folder beside it for "/tags/go.html".
func feedDir(pagePath string) string {
	if strings.HasSuffix(pagePath, "/") {
		return pagePath
	}
	return strings.TrimSuffix(pagePath, path.Ext(pagePath)) + "/"
}

// writeAll runs jobs on workers goroutines, each rendering into a buffer
// of its own that it reuses, and writes each file as soon as it is
// rendered, so no more than workers pages are held at once. It returns
// how many files it wrote and every error, in job order.
func writeAll(ctx context.Context, out *outDir, jobs []job, workers int, prog *progress) (int, error) {
	errs := make([]error, len(jobs))
	var next, written atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				buf.Reset()
				if err := jobs[i].write(&buf); err != nil {
					errs[i] = fmt.Errorf("%s: %w", jobs[i].file, err)
					continue
				}
				if err := out.WriteFile(jobs[i].file, buf.Bytes()); err != nil {
					errs[i] = err
					continue
				}
				prog.writing(int(written.Add(1)), len(jobs))
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return int(written.Load()), err
	}
	return int(written.Load()), errors.Join(errs...)
}
