package main

import (
	"bytes"
	"context"
	"crypto/sha256"
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

// siteBuild is what a build leaves for the next one to compare against:
// the index, whose renames the next build undoes, the renderer of its
// pages and a digest of what each feed showed (both nil when the next
// build must render every file and compare it with the disk).
type siteBuild struct {
	idx   *taxonomy.Index
	r     *render.Renderer
	feeds map[string][sha256.Size]byte // by file
	// sitemap is what the sitemap listed, and sitemapFiles the files it
	// took, so that a build listing the same need not write it again.
	sitemap      []feed.SitemapURL
	sitemapFiles []string
	// bySource holds the index's posts by source file, for -serve to
	// find the posts of a saved file; nil unless serving.
	bySource map[string][]*post.Post
}

// result counts what a build did.
type result struct {
	files     int // files the site has
	written   int // files whose bytes changed and were written
	unchanged int // files rendered and found unchanged on disk
	removed   int // files of an earlier build removed
}

// build writes the site for posts into out: every file when prev is nil,
// else only the files whose content may have changed since the build
// that left prev (see render.Diff). out writes only files whose bytes
// changed, removes the files an earlier build wrote that this one does
// not, and refuses to overwrite a file it did not write. build leaves
// out, with an error naming the post's file, any post whose pages would
// have an unsafe path, writes every other page, and returns every problem
// joined, with what it leaves for the next build (nil when it stopped
// before indexing the posts).
//
// edited names the source files read again since prev (slash-separated,
// as source.Set.Reload takes them): their posts' pages are written
// before the rest, since the author is looking at one of them.
func build(ctx context.Context, cfg config, posts []*post.Post, out *outDir, prog *progress, prev *siteBuild, edited []string) (result, *siteBuild, error) {
	var res result
	site := &render.Site{
		Title:        cfg.title,
		BaseURL:      cfg.baseURL,
		RelativeURLs: cfg.baseURL == "",
		Description:  cfg.description,
		Permalinks:   render.Permalinks{Post: cfg.permalink},
	}
	// A bad pattern fails every post alike: say so once.
	if err := site.Check(nil); err != nil {
		return res, nil, err
	}
	if prev != nil {
		// The posts kept from the last build carry the slugs its index
		// gave them; this build numbers them afresh, as a first would.
		prev.idx.UndoRenames()
	}
	var errs []error
	posts, stubs := splitRedirects(posts)
	_, bad := safePosts(site, stubs)
	errs = append(errs, bad...)
	// The renderer checks every page's path; only when it finds a bad one
	// is each post checked on its own to leave out the culprits, which
	// spares the usual build a second check of every post.
	idx, r, sets, formats, newest, ierrs, err := index(cfg, site, posts)
	if errors.Is(err, render.ErrUnsafePath) || errors.Is(err, render.ErrPathClash) {
		idx.UndoRenames()
		posts, bad = safePosts(site, posts)
		errs = append(errs, bad...)
		idx, r, sets, formats, newest, ierrs, err = index(cfg, site, posts)
	}
	errs = append(errs, ierrs...)
	if err != nil {
		return res, &siteBuild{idx: idx}, errors.Join(append(errs, err)...)
	}
	next := &siteBuild{idx: idx, r: r}
	if prev != nil || cfg.serve != "" {
		// A build that another will follow keeps what each feed showed;
		// a single build spares itself the digests.
		next.feeds = map[string][sha256.Size]byte{}
		next.bySource = map[string][]*post.Post{}
		for _, list := range [][]*post.Post{idx.Posts(), idx.Pages()} {
			for _, p := range list {
				next.bySource[p.Source.Path] = append(next.bySource[p.Source.Path], p)
			}
		}
	}

	var prevR *render.Renderer
	var prevFeeds map[string][sha256.Size]byte
	if prev != nil {
		prevR, prevFeeds = prev.r, prev.feeds
	}
	// The pages of the posts just edited come first, before the lists
	// and feeds are compared.
	early := map[string]bool{}
	if jobs := editedPages(r, next.bySource, edited, out); len(jobs) > 0 && out.Begin(jobFiles(jobs)) == nil {
		written0 := out.written.Load()
		if err := writeAll(ctx, out, jobs, cfg.workers, nil); err != nil {
			errs = append(errs, err)
		}
		res.written += int(out.written.Load() - written0)
		for _, j := range jobs {
			early[j.file] = true
		}
	}
	var files []string
	var jobs []job
	write := map[string]bool{}
	for _, pg := range render.Diff(prevR, r).Write {
		write[pg.File()] = true
	}
	var sitemap []feed.SitemapURL
	abs := absURL(site)
	for pg := range r.Pages() {
		files = append(files, pg.File())
		if write[pg.File()] && !early[pg.File()] {
			jobs = append(jobs, job{file: pg.File(), write: pg.Write})
		}
		if pg.Kind == render.KindNotFound || pg.Kind == render.KindAsset {
			continue
		}
		if pg.Post != nil && pg.Post.Protected && !cfg.protected {
			continue // as WordPress's sitemaps leave protected posts out
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
	for _, j := range feedJobs(site, sets, formats, newest, r, abs, cfg.protected, next.feeds) {
		files = append(files, j.file)
		if old, ok := prevFeeds[j.file]; !ok || old != next.feeds[j.file] {
			jobs = append(jobs, j)
		}
	}
	// The site's feeds carry whole posts: render those bodies now, once,
	// for the feeds and the posts' pages to share.
	for _, p := range newestPosts(sets[0].posts, feedEntries) {
		if !r.PastLimits(p) {
			r.Body(p) // an error is reported by the page
		}
	}
	taken := make(map[string]bool, len(files))
	for _, f := range files {
		taken[f] = true
	}
	for _, j := range append(redirectJobs(site, idx, stubs, taken), aliasJobs(site, idx, cfg.origin, taken)...) {
		files = append(files, j.file)
		jobs = append(jobs, j)
	}
	if prev != nil && prev.sitemapFiles != nil && slices.Equal(prev.sitemap, sitemap) {
		// The same pages with the same dates: the sitemap on disk stands.
		files = append(files, prev.sitemapFiles...)
		next.sitemap, next.sitemapFiles = sitemap, prev.sitemapFiles
	} else {
		maps, err := sitemapJobs(sitemap, abs("/"))
		if err != nil {
			errs = append(errs, err)
		}
		for _, j := range maps {
			files = append(files, j.file)
			jobs = append(jobs, j)
		}
		if err == nil && next.feeds != nil {
			next.sitemap, next.sitemapFiles = sitemap, jobFiles(maps)
		}
	}
	// The files the posts link to and the static folder, beside the
	// pages in the manifest, so that a later build keeps or removes them
	// like its own pages.
	copies, bad := collectAssets(cfg, site, posts)
	errs = append(errs, bad...)
	copies, bad = planCopies(copies, files)
	errs = append(errs, bad...)
	for _, c := range copies {
		files = append(files, c.to)
	}
	res.files = len(files)

	if err := out.Begin(files); err != nil {
		return res, &siteBuild{idx: idx}, errors.Join(append(errs, err)...)
	}
	written0, unchanged0 := out.written.Load(), out.unchanged.Load()
	err = writeAll(ctx, out, jobs, cfg.workers, prog)
	res.written += int(out.written.Load() - written0)
	res.unchanged = int(out.unchanged.Load() - unchanged0)
	if err != nil {
		errs = append(errs, err)
	}
	copied, bad := copyFiles(ctx, out, copies)
	res.written += copied
	errs = append(errs, bad...)
	if ctx.Err() != nil {
		// Stopped part-way: every file is whole, old or new, and the
		// manifest lists them all; the next build finishes the job.
		return res, &siteBuild{idx: idx}, errors.Join(errs...)
	}
	if cfg.memprofile != "" {
		// Here, with every page written and the renderer still live, the
		// heap is at its largest.
		if err := writeHeapProfile(cfg.memprofile); err != nil {
			errs = append(errs, err)
		}
		runtime.KeepAlive(r)
	}
	res.removed, err = out.Finish(files)
	if err != nil {
		errs = append(errs, err)
	}
	if err != nil || writeFailed(errs) {
		// Some file may hold what neither build wrote: render and
		// compare it all next time.
		next.r, next.feeds, next.sitemap, next.sitemapFiles = nil, nil, nil, nil
	}
	return res, next, errors.Join(errs...)
}

// maxEarly is how many edited posts build writes first; a larger burst
// (a checkout, a search and replace) is written in page order.
const maxEarly = 8

// editedPages returns the jobs of r's pages of the posts read from the
// edited files (bySource holds r's posts by source file) that an
// earlier build wrote, or nil when those files hold more than maxEarly
// posts.
func editedPages(r *render.Renderer, bySource map[string][]*post.Post, edited []string, out *outDir) []job {
	var jobs []job
	for _, rel := range edited {
		for _, p := range bySource[rel] {
			pg, ok := r.PostPage(p)
			if !ok || !out.ours[pg.File()] {
				continue
			}
			if len(jobs) == maxEarly {
				return nil
			}
			jobs = append(jobs, job{file: pg.File(), write: pg.Write})
		}
	}
	return jobs
}

func jobFiles(jobs []job) []string {
	files := make([]string, len(jobs))
	for i, j := range jobs {
		files[i] = j.file
	}
	return files
}

// index files the posts and makes the renderer of their pages, with the
// feeds each page links to. Its errors are warnings (hierarchy problems
// Build repaired); err is the renderer's.
func index(cfg config, site *render.Site, posts []*post.Post) (idx *taxonomy.Index, r *render.Renderer, sets []feedSet, formats []feedFormat, newest time.Time, warns []error, err error) {
	// A slug need only be unique among the posts of one folder: the
	// rest of the path keeps the others apart.
	idx, err = taxonomy.Build(posts, taxonomy.Options{SlugScope: func(p *post.Post) string {
		q := *p
		q.Slug = "folio-slug"
		return strings.Replace(site.PostURL(&q), "folio-slug", "", 1)
	}})
	if err != nil {
		// Hierarchy problems (a missing parent, two parents) are
		// repaired by Build and do not stop the site; say what they were.
		warns = warnings(err)
	}
	sets, newest = feedSets(site, idx), newestDate(idx)
	formats = feedFormats(newest)
	opt := render.PageOptions{NoDayArchives: !cfg.days, Feeds: feedLinks(sets, formats),
		Origin: cfg.origin, SiteHas: feedFiles(sets, formats), Protected: cfg.protected, ReadFile: cfg.readFile,
		ImageSize: newImageSizes(cfg).size}
	if cfg.warns != nil {
		opt.Warn = cfg.warns.add
	}
	r, err = render.NewRenderer(site, idx, opt)
	return idx, r, sets, formats, newest, warns, err
}

// writeFailed reports whether any of errs is more than a warning.
func writeFailed(errs []error) bool {
	for _, err := range errs {
		var w warning
		if !errors.As(err, &w) {
			return true
		}
	}
	return false
}

// sitemapJobs renders the sitemap (and its index, for a big site) into
// memory: it is cheap to make and compared before writing like any file.
func sitemapJobs(urls []feed.SitemapURL, base string) ([]job, error) {
	bufs := map[string]*closeBuffer{}
	names, err := feed.Sitemaps(urls, feed.SitemapOptions{BaseURL: base}, func(name string) (io.WriteCloser, error) {
		b := &closeBuffer{}
		bufs[name] = b
		return b, nil
	})
	var jobs []job
	for _, name := range names {
		data := bufs[name].Bytes()
		jobs = append(jobs, job{file: name, write: func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}})
	}
	return jobs, err
}

type closeBuffer struct{ bytes.Buffer }

func (*closeBuffer) Close() error { return nil }

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
	formats := []feedFormat{{"index.xml", "RSS", feed.RSSType, feed.RSS}}
	if !newest.IsZero() {
		formats = append(formats, feedFormat{"atom.xml", "Atom", feed.AtomType, feed.Atom})
	}
	return append(formats, feedFormat{"feed.json", "JSON Feed", feed.JSONFeedType, feed.JSONFeed})
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

// feedFiles reports whether a site path is one of the feeds written
// beside the pages, so that -origin leaves body links to them alone.
func feedFiles(sets []feedSet, formats []feedFormat) func(string) bool {
	files := map[string]bool{}
	for _, set := range sets {
		for _, f := range formats {
			files[feedDir(set.page)+f.name] = true
		}
	}
	return func(p string) bool { return files[p] }
}

// feedJobs returns the feeds of every set in every format: index.xml,
// atom.xml and feed.json beside the page they belong to. The site's feeds
// carry whole posts; the terms' feeds carry the summaries the list pages
// show, which the renderer makes once per post.
//
// keys, when not nil, receives for each feed's file a digest of everything
// the feed shows, so that a rebuild writes only the feeds whose digest
// changed.
func feedJobs(site *render.Site, sets []feedSet, formats []feedFormat, newest time.Time, r *render.Renderer, abs func(string) string, protected bool, keys map[string][sha256.Size]byte) []job {
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
				Protected:       protected,
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
			file := strings.TrimPrefix(dir+format.name, "/")
			if keys != nil {
				keys[file] = feedKey(format.name, f, r)
			}
			jobs = append(jobs, job{
				file:  file,
				write: func(w io.Writer) error { return format.write(w, f) },
			})
		}
	}
	return jobs
}

// feedKey is a digest of what feed f in format name shows.
func feedKey(name string, f *feed.Feed, r *render.Renderer) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %q %q %q %d %v %v %v\n", name, f.Title, f.Description, f.Link, f.FeedURL, f.Limit, f.FullContent, f.Updated, f.UndatedFallback)
	for _, p := range f.Posts {
		d := r.Fingerprint(p)
		h.Write(d[:])
		io.WriteString(h, f.Permalink(p))
	}
	var d [sha256.Size]byte
	h.Sum(d[:0])
	return d
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
// of its own that it reuses, and hands each file to out as soon as it is
// rendered, so no more than workers pages are held at once; out writes it
// only if its bytes changed. It returns every error, in job order.
func writeAll(ctx context.Context, out *outDir, jobs []job, workers int, prog *progress) error {
	errs := make([]error, len(jobs))
	var next, done atomic.Int64
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
				if _, err := w.Put(jobs[i].file, buf.Bytes()); err != nil {
					errs[i] = err
					continue
				}
				prog.writing(int(done.Add(1)), len(jobs))
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.Join(errs...)
}
