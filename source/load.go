package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/folio-go/folio/post"
)

// loadKind says which parser reads a file.
type loadKind int

const (
	loadSkip     loadKind = iota
	loadMarkdown          // .md, .markdown
	loadHTML              // .html, .htm: read only when it has front matter
	loadText              // .txt: ParseText
	loadWXR               // .xml: ReadWXR, streamed
)

// kindOf picks the parser for a file name by its extension.
func kindOf(name string) loadKind {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return loadMarkdown
	case ".html", ".htm":
		return loadHTML
	case ".txt":
		return loadText
	case ".xml":
		return loadWXR
	}
	return loadSkip
}

// loadFile is one file Load will read.
type loadFile struct {
	name   string // path in the fs.FS
	rel    string // path relative to the loaded root, as posts and errors report it
	kind   loadKind
	single bool // named as the root itself
}

// loadResult is what reading one file gave.
type loadResult struct {
	posts []*post.Post
	err   error
	warns []post.Warning
}

// Load reads every post under root in fsys, which may name a folder or a
// single file ("." for the whole fsys).
//
// In a folder, files are chosen by extension: .md and .markdown are read by
// ParseMarkdown; .html and .htm by ParseMarkdown when they start with front
// matter (other HTML files are pages of a site, not posts, and are
// skipped); .txt by ParseText; .xml by ReadWXR, streamed. Other files are
// skipped, and so are names starting with "." (hidden files and folders,
// such as .git), node_modules folders, Jekyll's _site, _layouts, _includes,
// _sass, _data and _plugins folders, and Hugo's `_index.*` section pages,
// which list a section rather than being a post. A README, LICENSE,
// CHANGELOG or similar Markdown file without front matter describes the
// folder, not a post, and is skipped too. Other folders starting
// with "_" are read: Jekyll keeps its posts in `_posts` and its drafts in
// `_drafts` (see ParseMarkdown). Point Load at a Hugo site's content
// folder, not its root, which also holds layouts and archetypes. A root
// naming one file
// reads it whatever its name, or fails with ErrUnsupported for an extension
// no parser reads.
//
// Files are parsed in parallel by opt.Workers goroutines. The posts come
// back in the order of their Source.Path (relative to root,
// slash-separated; the base name when root is a file), and by line within a
// WXR export. A file that fails costs only its own posts: the error is
// errors.Join of every failed file's *Error, in path order, whose Path is
// relative to root like Source.Path. A file past opt.MaxFileSize fails with
// ErrTooLarge before it is read; WXR exports are streamed and not limited.
//
// Only regular files are read. A named pipe, device or socket is skipped
// without being opened, and so is a symbolic link that fsys cannot follow
// or that leads to anything but a regular file, each with a warning to
// opt.Warn. Links are followed through fsys: give Load the FS of an
// os.Root (os.OpenRoot(dir).FS()) so that no link leads out of dir, as
// os.DirFS would let it. A post with more than opt.MaxTerms terms in one
// list keeps the first ones, with a warning.
//
// Load then filters: draft, pending and private posts are kept only with
// opt.Drafts; posts marked scheduled (WordPress's "future") and, with
// opt.Now set, posts dated after it are kept only with opt.Future, the
// latter marked post.Scheduled; with opt.Now set, posts whose Expiry is
// before it are left out.
//
// Warnings (see Options.Warn) are reported from Load's own goroutine once
// the files are parsed, file by file in path order, including those of
// posts the filters then leave out.
//
// Last, Load fills the kept posts' Assets (see FindAssets), warning with
// kind WarnMissingFile for each body link to a file that is not there.
//
// When ctx is cancelled, Load stops starting files and returns the posts it
// has with ctx.Err() joined to the errors. opt.Progress, when set, is called
// from Load's own goroutine after each file.
func Load(ctx context.Context, fsys fs.FS, root string, opt Options) ([]*post.Post, error) {
	files, skipped, walkErrs := listFiles(ctx, fsys, root)
	for _, w := range skipped {
		opt.warn(w)
	}
	if len(files) == 0 && len(walkErrs) > 0 {
		return nil, errors.Join(walkErrs...)
	}
	results := parseAll(ctx, fsys, files, opt)
	var posts []*post.Post
	errs := walkErrs
	for _, r := range results {
		for _, w := range r.warns {
			opt.warn(w)
		}
		if r.err != nil {
			errs = append(errs, r.err)
		}
		for _, p := range r.posts {
			if keep(p, opt) {
				for _, w := range limitTerms(p, opt) {
					opt.warn(w)
				}
				posts = append(posts, p)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		errs = append(errs, err)
	}
	internTerms(posts)
	if err := FindAssets(ctx, fsys, root, posts, opt.Warn); err != nil && ctx.Err() == nil {
		errs = append(errs, &Error{Path: root, Err: err})
	}
	return posts, errors.Join(errs...)
}

// internTerms makes the equal names and slugs of terms and authors in
// different posts share one string, so that a big site holds each once
// rather than once per post that carries it. Values do not change.
func internTerms(posts []*post.Post) {
	seen := map[string]string{}
	in := func(s string) string {
		if s == "" {
			return s
		}
		if c, ok := seen[s]; ok {
			return c
		}
		seen[s] = s
		return s
	}
	terms := func(ts []post.Term) {
		for i := range ts {
			t := &ts[i]
			t.Name, t.Slug, t.Parent = in(t.Name), in(t.Slug), in(t.Parent)
		}
	}
	for _, p := range posts {
		terms(p.Categories)
		terms(p.Tags)
		for _, ts := range p.Taxonomies {
			terms(ts)
		}
		for i := range p.Authors {
			a := &p.Authors[i]
			a.Name, a.Slug = in(a.Name), in(a.Slug)
		}
	}
}

// listFiles finds the files under root that Load reads, sorted by their
// path relative to root.
func listFiles(ctx context.Context, fsys fs.FS, root string) ([]loadFile, []post.Warning, []error) {
	if root == "" {
		root = "."
	}
	root = path.Clean(root)
	info, err := fs.Stat(fsys, root)
	if err != nil {
		return nil, nil, []error{&Error{Path: root, Err: fmt.Errorf("source: %w", err)}}
	}
	if !info.IsDir() {
		k := kindOf(root)
		if k == loadSkip {
			return nil, nil, []error{&Error{Path: path.Base(root), Err: fmt.Errorf("source: %w: no parser reads %q files", ErrUnsupported, path.Ext(root))}}
		}
		if !info.Mode().IsRegular() {
			return nil, nil, []error{&Error{Path: path.Base(root), Err: fmt.Errorf("source: %w: %s", ErrUnsupported, fileType(info.Mode()))}}
		}
		return []loadFile{{name: root, rel: path.Base(root), kind: k, single: true}}, nil, nil
	}
	var files []loadFile
	var skipped []post.Warning
	var errs []error
	err = fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		rel := relPath(root, name)
		if err != nil {
			errs = append(errs, &Error{Path: rel, Err: fmt.Errorf("source: %w", err)})
			return nil
		}
		base := d.Name()
		if name != root && (strings.HasPrefix(base, ".") || d.IsDir() && skipDirs[base]) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.HasPrefix(base, "_index.") {
			return nil
		}
		k := kindOf(base)
		if k == loadSkip {
			return nil
		}
		if why := irregular(fsys, name, d); why != "" {
			skipped = append(skipped, post.Warning{Path: rel, Kind: WarnSkippedFile, Message: "source: skipped, not read: " + why})
			return nil
		}
		files = append(files, loadFile{name: name, rel: rel, kind: k})
		return nil
	})
	if err != nil && !errors.Is(err, ctx.Err()) {
		errs = append(errs, &Error{Path: root, Err: fmt.Errorf("source: %w", err)})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	return files, skipped, errs
}

// skipDirs are folders that hold a site's machinery, never its posts:
// Jekyll's generated site, layouts, includes, Sass, data and plugins (whose
// layouts have front matter and would read as HTML posts), and installed
// packages.
var skipDirs = map[string]bool{
	"_site": true, "_layouts": true, "_includes": true, "_sass": true, "_data": true, "_plugins": true,
	"node_modules": true,
}

// relPath is name relative to root, both clean slash-separated paths.
func relPath(root, name string) string {
	if root == "." {
		return name
	}
	if name == root {
		return path.Base(name)
	}
	return strings.TrimPrefix(name, root+"/")
}

// parseAll reads files with a bounded pool of workers. results[i] belongs
// to files[i], so the output order does not depend on scheduling.
func parseAll(ctx context.Context, fsys fs.FS, files []loadFile, opt Options) []loadResult {
	results := make([]loadResult, len(files))
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(files)))
	jobs := make(chan int)
	done := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = loadOne(fsys, files[i], opt)
				done <- struct{}{}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range files {
			if ctx.Err() != nil {
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	n := 0
	for range done {
		n++
		if opt.Progress != nil {
			opt.Progress(n, len(files))
		}
	}
	return results
}

// loadOne reads one file with its parser, keeping its warnings to be
// reported from Load's goroutine, in path order.
func loadOne(fsys fs.FS, f loadFile, opt Options) loadResult {
	var warns []post.Warning
	if opt.Warn != nil {
		opt.Warn = func(w post.Warning) { warns = append(warns, w) }
	}
	r := loadParse(fsys, f, opt)
	r.warns = warns
	return r
}

// loadParse reads one file with its parser.
func loadParse(fsys fs.FS, f loadFile, opt Options) loadResult {
	if f.kind == loadWXR {
		return loadWXRFile(fsys, f, opt)
	}
	data, err := readLimited(fsys, f, opt.MaxFileSize)
	if err != nil {
		return loadResult{err: err}
	}
	var p *post.Post
	switch f.kind {
	case loadText:
		p, err = ParseText(f.rel, data, opt)
	case loadHTML:
		if !f.single && !hasFrontMatter(data) {
			return loadResult{}
		}
		p, err = ParseMarkdown(f.rel, data, opt)
	default:
		if !f.single && isHousekeeping(f.rel) && !hasFrontMatter(data) {
			return loadResult{}
		}
		p, err = ParseMarkdown(f.rel, data, opt)
	}
	if err != nil {
		return loadResult{err: err}
	}
	if isGoBlogListPage(p) {
		opt.warn(post.Warning{Path: f.rel, Line: 1, Kind: WarnSkipped, Message: "a list page of the Go blog (a template listing its pages), not a post: skipped"})
		return loadResult{}
	}
	return loadResult{posts: []*post.Post{p}}
}

// isHousekeeping reports whether name is a repository's own notes
// (README.md, LICENSE.md, CHANGELOG.md, ...), which content folders often
// hold beside the posts. Load skips such a file when it has no front
// matter: it describes the folder, it is not a post.
func isHousekeeping(name string) bool {
	base := strings.ToUpper(path.Base(name))
	base = strings.TrimSuffix(base, path.Ext(base))
	switch base {
	case "README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "CONTRIBUTING", "CODE_OF_CONDUCT", "SECURITY", "AUTHORS", "NOTICE":
		return true
	}
	return false
}

// loadWXRFile streams an export through ReadWXR, keeping the posts it read
// even when it also reports errors.
func loadWXRFile(fsys fs.FS, f loadFile, opt Options) loadResult {
	fh, err := fsys.Open(f.name)
	if err != nil {
		return loadResult{err: &Error{Path: f.rel, Err: fmt.Errorf("source: %w", err)}}
	}
	defer fh.Close()
	w, err := ReadWXR(f.rel, fh, opt)
	var r loadResult
	r.err = err
	if w != nil {
		r.posts = append([]*post.Post(nil), w.Posts...)
		sort.SliceStable(r.posts, func(i, j int) bool { return r.posts[i].Source.Line < r.posts[j].Source.Line })
	}
	return r
}

// readLimited reads a file that must not be larger than limit bytes
// (DefaultMaxFileSize when limit is 0 or less). The size is checked before
// reading and again while reading, since an fs.FS may not know it.
func readLimited(fsys fs.FS, f loadFile, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	tooLarge := func(size int64) error {
		return &Error{Path: f.rel, Err: fmt.Errorf("source: %w: %d bytes or more, past the limit of %d", ErrTooLarge, size, limit)}
	}
	fh, err := fsys.Open(f.name)
	if err != nil {
		return nil, &Error{Path: f.rel, Err: fmt.Errorf("source: %w", err)}
	}
	defer fh.Close()
	var size int64
	if info, err := fh.Stat(); err == nil {
		size = info.Size()
	}
	if size > limit {
		return nil, tooLarge(size)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(fh, limit+1)); err != nil {
		return nil, &Error{Path: f.rel, Err: fmt.Errorf("source: %w", err)}
	}
	if int64(buf.Len()) > limit {
		return nil, tooLarge(int64(buf.Len()))
	}
	return buf.Bytes(), nil
}

// hasFrontMatter reports whether data starts (after a byte-order mark and
// blank lines) with a front-matter fence or a JSON object.
func hasFrontMatter(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		t := bytes.TrimRight(line, " \t\r")
		if len(bytes.TrimLeft(t, " \t")) == 0 {
			continue
		}
		return string(t) == "---" || string(t) == "+++" || t[0] == '{'
	}
	return false
}

// keep applies Load's filters, marking future posts as scheduled.
func keep(p *post.Post, opt Options) bool {
	switch p.Status {
	case post.Draft, post.Pending, post.Private:
		if !opt.Drafts {
			return false
		}
	}
	if opt.Now.IsZero() {
		return p.Status != post.Scheduled || opt.Future
	}
	if !p.Expiry.IsZero() && p.Expiry.Before(opt.Now) {
		return false
	}
	if p.Status == post.Scheduled || p.Date.After(opt.Now) {
		if !opt.Future {
			return false
		}
		if p.Status == post.Published || p.Status == "" {
			p.Status = post.Scheduled
		}
	}
	return true
}
