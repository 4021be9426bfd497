package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/source"
)

// eventsPath is where open pages listen for "reload" (Server-Sent Events).
const eventsPath = "/_folio/events"

// reloadScript is what the preview server adds to every HTML page it
// serves while watching: it reloads the page when a rebuild is done. It is
// never written to -out.
const reloadScript = `<script>(function(){var s=new EventSource("` + eventsPath + `");s.addEventListener("reload",function(){s.close();location.reload()});})();</script>`

// preview is the authoring loop of -serve: it serves -out and, when
// watching, rebuilds what changes in -src and tells open pages to reload.
type preview struct {
	cfg    config
	set    *source.Set
	out    *outDir
	state  *siteBuild
	stdout io.Writer
	stderr io.Writer

	mu      sync.Mutex
	problem string                 // shown over every page until a rebuild succeeds
	clients map[chan struct{}]bool // open pages waiting for a reload
	broken  map[string]string      // source files that failed to read since the last good build

	warming chan struct{} // closed when warm is done; used by the watcher's goroutine only
}

// run serves until ctx is done.
func (p *preview) run(ctx context.Context) error {
	if err := checkLoopback(p.cfg.serve); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", p.cfg.serve)
	if err != nil {
		return err
	}
	watching := p.cfg.watch && p.cfg.src != ""
	h := &handler{dir: p.cfg.out, hosts: allowedHosts(p.cfg.serve, ln.Addr()), live: watching, p: p}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second, // the event stream lifts it for itself
		IdleTimeout:       60 * time.Second,
	}
	fmt.Fprintf(p.stdout, "serving %s at http://%s/ — press Ctrl-C to stop\n", p.cfg.out, ln.Addr())
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if watching {
		p.warm()
		w, err := newWatcher(p.cfg.src, p.cfg.out)
		if err != nil {
			ln.Close()
			return err
		}
		fmt.Fprintf(p.stdout, "watching %s\n", p.cfg.src)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer w.Close()
			w.run(ctx, func(paths []string) { p.rebuild(ctx, paths) })
		}()
	}
	go func() {
		<-ctx.Done()
		p.closeClients()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	err = srv.Serve(ln)
	cancel()
	wg.Wait()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// rebuild reads the changed source files again and rebuilds what they
// change. A file that no longer reads keeps the last good site served,
// with the error shown over every page, until it is fixed.
func (p *preview) rebuild(ctx context.Context, paths []string) {
	start := time.Now()
	before := p.postsOf(paths)
	n, err := p.set.Reload(ctx, paths...)
	if ctx.Err() != nil {
		return
	}
	p.mu.Lock()
	if p.broken == nil {
		p.broken = map[string]string{}
	}
	for _, rel := range paths {
		delete(p.broken, filepath.ToSlash(rel))
	}
	p.mu.Unlock()
	if err != nil {
		printErrors(p.stderr, err)
		var se *source.Error
		p.mu.Lock()
		for _, e := range unjoin(err) {
			if errors.As(e, &se) {
				p.broken[se.Path] = e.Error()
			} else {
				p.broken["?"] = e.Error()
			}
		}
		p.mu.Unlock()
	}
	p.mu.Lock()
	if len(p.broken) > 0 {
		var msgs []string
		for _, m := range p.broken {
			msgs = append(msgs, m)
		}
		p.problem = strings.Join(msgs, "\n")
		p.mu.Unlock()
		fmt.Fprintf(p.stdout, "not rebuilt: %d file(s) with errors; still serving the last good site\n", len(p.broken))
		p.notify()
		return
	}
	p.mu.Unlock()
	p.settle()
	written0 := p.out.written.Load()
	p.showEdits(ctx, before)
	shown := int(p.out.written.Load() - written0)
	posts := p.set.Posts()
	res, state, err := build(ctx, p.cfg, posts, p.out, nil, p.state, paths)
	res.written += shown
	if state != nil {
		p.state = state
		p.warm()
	}
	problem := ""
	if err != nil {
		printErrors(p.stderr, err)
		if writeFailed([]error{err}) {
			problem = err.Error()
		}
	}
	p.mu.Lock()
	p.problem = problem
	p.mu.Unlock()
	fmt.Fprintf(p.stdout, "rebuilt: %d %s changed, %d %s written, %d removed in %d ms\n",
		n, plural(n, "post", "posts"), res.written, plural(res.written, "page", "pages"), res.removed, time.Since(start).Milliseconds())
	p.notify()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unjoin(e)...)
		}
		return out
	}
	return []error{err}
}

// postsOf returns the posts of the last build read from each of the
// given source files, or nil when there is no last build or when the
// paths hold more than maxEarly posts (a folder, a whole export). It
// looks them up rather than going over every post: on a big site that
// memory has gone cold since the last build.
func (p *preview) postsOf(paths []string) map[string][]*post.Post {
	if p.state == nil || p.state.r == nil || p.state.bySource == nil {
		return nil
	}
	out := map[string][]*post.Post{}
	n := 0
	for _, rel := range paths {
		rel = filepath.ToSlash(rel)
		if posts := p.state.bySource[rel]; len(posts) > 0 {
			if n += len(posts); n > maxEarly {
				return nil
			}
			out[rel] = posts
		}
	}
	return out
}

// showEdits writes at once the page of each post edited in a file of
// before, from the last build's index (render.Renderer.EditedPostPage),
// when the edit keeps the post in its place: the author sees the edit
// before the rest of the site is built again, which then writes what
// else changed (lists, feeds, the neighbours' links) and rewrites that
// page only if it differs. It returns the files it rendered, each
// written or found unchanged on disk.
func (p *preview) showEdits(ctx context.Context, before map[string][]*post.Post) []string {
	if len(before) == 0 {
		return nil
	}
	var jobs []job
	for file, olds := range before {
		news := p.set.FilePosts(file)
		if len(news) != len(olds) {
			continue // a post added or gone: only the index says where
		}
		for _, edited := range news {
			for _, old := range olds {
				if old.Source.Line != edited.Source.Line {
					continue
				}
				if pg, ok := p.state.r.EditedPostPage(old, edited); ok && p.out.ours[pg.File()] {
					jobs = append(jobs, job{file: pg.File(), write: pg.Write})
				}
				break
			}
		}
	}
	if len(jobs) == 0 || p.out.Begin(jobFiles(jobs)) != nil {
		return nil
	}
	// An error is the build's to report: it writes the page again.
	writeAll(ctx, p.out, jobs, p.cfg.workers, nil)
	return jobFiles(jobs)
}

// warm makes, in the background, the page digests the next rebuild
// compares against, so that it has only its own to make.
//
// The next build must wait for it (see settle): taxonomy.Build sets the
// slugs of posts the digests are read from.
func (p *preview) warm() {
	if p.state == nil || p.state.r == nil {
		return
	}
	done := make(chan struct{})
	p.warming = done
	go func(r *render.Renderer) {
		defer close(done)
		render.Diff(r, r)
	}(p.state.r)
}

// settle waits for the digests warm is making.
func (p *preview) settle() {
	if p.warming != nil {
		<-p.warming
		p.warming = nil
	}
}

// notify tells every open page to reload.
func (p *preview) notify() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.clients {
		select {
		case c <- struct{}{}:
		default: // one reload pending is enough
		}
	}
}

func (p *preview) subscribe() chan struct{} {
	c := make(chan struct{}, 1)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.clients == nil {
		p.clients = map[chan struct{}]bool{}
	}
	p.clients[c] = true
	return c
}

func (p *preview) unsubscribe(c chan struct{}) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.clients, c)
}

func (p *preview) closeClients() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.clients {
		close(c)
		delete(p.clients, c)
	}
}

func (p *preview) currentProblem() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.problem
}

// allowedHosts are the Host header values the server answers: the
// address it listens on, by number and, for a loopback address, as
// localhost, with the port. Any other name (a DNS name an attacker points
// at 127.0.0.1, say) gets 421, so a web page cannot read the preview.
func allowedHosts(asked string, addr net.Addr) map[string]bool {
	_, port, _ := net.SplitHostPort(addr.String())
	hosts := map[string]bool{
		net.JoinHostPort("localhost", port): true,
		addr.String():                       true,
	}
	if host, _, err := net.SplitHostPort(asked); err == nil && host == "localhost" {
		hosts[net.JoinHostPort("127.0.0.1", port)] = true
		hosts[net.JoinHostPort("::1", port)] = true
	}
	return hosts
}

// handler serves the files of -out to one person on one machine: only
// regular files inside the folder (a symbolic link is never followed,
// inside or out), no names starting with "." (the manifest, the lock,
// .git, .env), no folder listings, and the site's 404 page with status
// 404 for anything else.
type handler struct {
	dir   string
	hosts map[string]bool
	live  bool // add the reload script and the event stream
	p     *preview
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !h.hosts[strings.ToLower(r.Host)] {
		http.Error(w, "misdirected request: this preview answers only to its own loopback address", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if h.live && r.URL.Path == eventsPath {
		h.events(w, r)
		return
	}
	name, ok := h.resolve(r.URL.Path)
	if !ok {
		h.notFound(w, r)
		return
	}
	if name == "" { // a folder asked for without its slash
		http.Redirect(w, r, path.Base(r.URL.Path)+"/", http.StatusMovedPermanently)
		return
	}
	h.serveFile(w, r, name, http.StatusOK)
}

// resolve maps a URL path to the regular file inside -out that answers
// it ("" for a folder that has an index.html but was asked for without
// the slash), or reports that none does.
func (h *handler) resolve(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.Contains(urlPath, "\x00") || strings.Contains(urlPath, "\\") {
		return "", false
	}
	rel := strings.TrimPrefix(path.Clean(urlPath), "/")
	if strings.HasSuffix(urlPath, "/") {
		rel = path.Join(rel, "index.html")
	}
	if rel == "" || rel == "." {
		rel = "index.html"
	}
	for _, elem := range strings.Split(rel, "/") {
		if elem == ".." || strings.HasPrefix(elem, ".") {
			return "", false
		}
	}
	if !h.regular(rel) {
		if !strings.HasSuffix(urlPath, "/") && h.regular(path.Join(rel, "index.html")) {
			return "", true
		}
		return "", false
	}
	return rel, true
}

// regular reports whether rel is a regular file in -out reached without
// any symbolic link on the way.
func (h *handler) regular(rel string) bool {
	cur := h.dir
	for _, elem := range strings.Split(rel, "/") {
		cur = filepath.Join(cur, elem)
		info, err := os.Lstat(cur)
		if err != nil || info.Mode()&fs.ModeSymlink != 0 {
			return false
		}
	}
	info, err := os.Lstat(cur)
	return err == nil && info.Mode().IsRegular()
}

// serveFile writes the file rel with status code, adding the reload
// script (and the current problem, if any) to HTML.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, rel string, code int) {
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		http.Error(w, "the output folder cannot be read", http.StatusInternalServerError)
		return
	}
	defer root.Close()
	data, err := root.ReadFile(filepath.FromSlash(rel))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(rel))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if h.live && strings.HasPrefix(ctype, "text/html") {
		data = h.inject(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	if code != http.StatusOK {
		w.WriteHeader(code)
		if r.Method != http.MethodHead {
			w.Write(data)
		}
		return
	}
	http.ServeContent(w, r, rel, time.Time{}, bytes.NewReader(data))
}

// inject adds the reload script, and an overlay with the current problem,
// before </body>, or at the end of a page without one.
func (h *handler) inject(page []byte) []byte {
	add := reloadScript
	if msg := h.p.currentProblem(); msg != "" {
		add = `<div id="folio-problem" style="position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1em;background:#fee;color:#600;border-top:3px solid #c00;font:14px/1.4 monospace;white-space:pre-wrap;z-index:2147483647">` +
			`<strong>folio: the last change did not build; this is the last good version.</strong>` + "\n" + html.EscapeString(msg) + `</div>` + add
	}
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

// notFound answers the site's 404 page with status 404.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	if h.regular("404.html") {
		h.serveFile(w, r, "404.html", http.StatusNotFound)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// events streams a "reload" event to the page whenever a rebuild is done.
func (h *handler) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	// The stream stays open: the server's timeouts are for files.
	rc.SetWriteDeadline(time.Time{})
	rc.SetReadDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, ": folio live reload\n\n")
	rc.Flush()
	c := h.p.subscribe()
	defer h.p.unsubscribe(c)
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case _, ok := <-c:
			if !ok {
				return
			}
			io.WriteString(w, "event: reload\ndata: \n\n")
		case <-ping.C:
			io.WriteString(w, ": ping\n\n")
		}
		if rc.Flush() != nil {
			return
		}
	}
}
