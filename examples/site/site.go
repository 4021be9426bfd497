package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/render/feed"
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
	sets, newest := feedSets(site, idx), newestDate(idx)
	formats := feedFormats(newest)
	// Pages are written in parallel: warnings about bodies past the
	// renderer's limits are gathered, and reported sorted.
	var warnMu sync.Mutex
	var bodyWarns []string
	warn := func(w post.Warning) {
		warnMu.Lock()
		bodyWarns = append(bodyWarns, w.String())
		warnMu.Unlock()
	}
	r, err := render.NewRenderer(site, idx, render.PageOptions{NoDayArchives: !cfg.days, Feeds: feedLinks(sets, formats), Warn: warn})
	if err != nil {
		return 0, errors.Join(append(errs, err)...)
	}

	var jobs []job
	var sitemap []feed.SitemapURL
	abs := absURL(site)
	for pg := range r.Pages() {
		jobs = append(jobs, job{file: pg.File(), write: pg.Write})
		if pg.Kind == render.KindNotFound || pg.Kind == render.KindAsset {
			continue
		}
		u := feed.SitemapURL{Loc: abs(pg.Path)}
		if pg.Post != nil {
			u.LastMod = pg.Post.Updated
			if u.LastMod.IsZero() {
				u.LastMod = pg.Post.Date
			}
		}
		sitemap = append(sitemap, u)
	}
	jobs = append(jobs, feedJobs(site, sets, formats, newest, r, abs)...)
	// The site's feeds carry whole posts: render those bodies now, once,
	// for the feeds and the posts' pages to share.
	for _, p := range newestPosts(sets[0].posts, feedEntries) {
		if !r.PastLimits(p) {
			r.Body(p) // an error is reported by the page
		}
	}
	taken := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		taken[j.file] = true
	}
	jobs = append(jobs, redirectJobs(site, idx, stubs, taken)...)

	n, err := writeAll(ctx, out, jobs, cfg.workers, prog)
	if err != nil {
		errs = append(errs, err)
	}
	slices.Sort(bodyWarns)
	for _, w := range bodyWarns {
		errs = append(errs, warning{errors.New(w)})
	}
	if cfg.memprofile != "" {
		// Here, with every page written and the renderer still live, the
		// heap is at its largest.
		if err := writeHeapProfile(cfg.memprofile); err != nil {
			errs = append(errs, err)
		}
		runtime.KeepAlive(r)
	}
	names, err := feed.Sitemaps(sitemap, feed.SitemapOptions{BaseURL: abs("/")}, func(name string) (io.WriteCloser, error) {
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

// safePosts returns the posts whose pages all have safe paths of their
// own, and an error naming the source file of each post left out and what
// it clashes with (render.Site.Admit): a post on the path of an archive,
// a term or one of the site's own files costs only itself.
func safePosts(site *render.Site, posts []*post.Post) ([]*post.Post, []error) {
	keep, bad := site.Admit(posts)
	errs := make([]error, len(bad))
	for i, err := range bad {
		errs[i] = fmt.Errorf("left out: %w", err)
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

// feedSet is the feeds of one page: the site's, beside the home page,
// or a term's, beside the term's page.
type feedSet struct {
	page  string // the site path of the page ("/", "/tags/go/")
	title string
	posts []*post.Post
	full  bool // whole posts rather than summaries
}

// feedFormat is one of the formats every feedSet is written in.
type feedFormat struct {
	name, label, mediaType string
	write                  func(io.Writer, *feed.Feed) error
}

// feedFormats are RSS, Atom and JSON Feed; Atom only when some post has
// a date, since an Atom feed must have one.
func feedFormats(newest time.Time) []feedFormat {
	formats := []feedFormat{{"index.xml", "RSS", render.RSSType, feed.RSS}}
	if !newest.IsZero() {
		formats = append(formats, feedFormat{"atom.xml", "Atom", render.AtomType, feed.Atom})
	}
	return append(formats, feedFormat{"feed.json", "JSON Feed", render.JSONFeedType, feed.JSONFeed})
}

// feedSets are the site's feeds, with whole posts, and every term's, with
// summaries.
func feedSets(site *render.Site, idx *taxonomy.Index) []feedSet {
	sets := []feedSet{{page: "/", title: site.Title, posts: idx.Posts(), full: true}}
	for _, name := range idx.Taxonomies() {
		for t := range idx.Taxonomy(name).All() {
			posts := t.Posts
			if name == taxonomy.Categories {
				posts = t.AllPosts() // as the category's page lists them
			}
			sets = append(sets, feedSet{page: site.TermURL(name, t.Slug), title: t.Name + " – " + site.Title, posts: posts})
		}
	}
	return sets
}

// newestDate is the date of the newest post, or zero when none has one.
// A feed must have a date; undated posts take this one, so that the
// output depends on the content alone, never on the clock.
func newestDate(idx *taxonomy.Index) time.Time {
	var newest time.Time
	for _, p := range idx.Posts() {
		if p.Date.After(newest) {
			newest = p.Date
		}
	}
	return newest
}

// feedLinks is the renderer's PageOptions.Feeds: the home page and every
// page of a term's list link the feeds written for them, as Hugo's
// pages link their own output formats.
func feedLinks(sets []feedSet, formats []feedFormat) func(render.Kind, string) []render.FeedLink {
	links := make(map[string][]render.FeedLink, len(sets))
	for _, set := range sets {
		dir := feedDir(set.page)
		for _, f := range formats {
			links[set.page] = append(links[set.page], render.FeedLink{Type: f.mediaType, Title: set.title + " (" + f.label + ")", URL: dir + f.name})
		}
	}
	return func(kind render.Kind, base string) []render.FeedLink {
		switch kind {
		case render.KindHome, render.KindTerm, render.KindAuthor:
			return links[base]
		}
		return nil
	}
}

// feedJobs returns the feeds of every set in every format: index.xml,
// atom.xml and feed.json beside the page they belong to. The site's feeds
// carry whole posts, whose bodies the renderer keeps for their pages; the
// terms' feeds carry the summaries the list pages show, which the
// renderer makes once per post.
func feedJobs(site *render.Site, sets []feedSet, formats []feedFormat, newest time.Time, r *render.Renderer, abs func(string) string) []job {
	summary := func(p *post.Post) (string, error) {
		h, _, err := r.Summary(p)
		return string(h), err
	}
	permalink := func(p *post.Post) string { return abs(site.PostURL(p)) }
	var jobs []job
	for _, set := range sets {
		dir := feedDir(set.page)
		for _, format := range formats {
			f := &feed.Feed{
				Title:       set.title,
				Description: site.Description,
				Link:        abs(dir),
				FeedURL:     abs(dir + format.name),
				Posts:       newestPosts(set.posts, feedEntries),
				Limit:       feedEntries,
				FullContent: set.full,
				Permalink:   permalink,
				Summary:     summary,
				Updated:     newest,

				UndatedFallback: newest,
			}
			if set.full {
				f.Body = func(p *post.Post) (string, error) {
					if r.PastLimits(p) {
						// Its page has all of it, as plain text.
						return summary(p)
					}
					h, err := r.Body(p)
					return string(h), err
				}
			}
			jobs = append(jobs, job{
				file:  strings.TrimPrefix(dir+format.name, "/"),
				write: func(w io.Writer) error { return format.write(w, f) },
			})
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
			w := out.writer()
			defer w.Close()
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
				if err := w.WriteFile(jobs[i].file, buf.Bytes()); err != nil {
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
