package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render"
	"github.com/folio-go/folio/source"
)

// fileCopy is one file to put into -out: where it comes from and the
// slash-separated path under -out it goes to.
type fileCopy struct {
	fsys fs.FS
	from string // path in fsys
	to   string // path under -out, clean
	what string // who asked for it, for messages
}

// assetCopies lists the files each post's links expect beside its page:
// a relative link ("harbour.jpg") is resolved against the post's page
// folder, a site path ("/assets/map.png") against the site's root, and
// a bundle or figure-folder file the body does not name keeps its place
// relative to the post's own file. A destination that would leave -out
// is reported and skipped; two files claiming one destination keep the
// first.
func assetCopies(site *render.Site, posts []*post.Post, fsys fs.FS, root string) ([]fileCopy, []error) {
	var out []fileCopy
	var errs []error
	for _, p := range posts {
		pageDir := strings.TrimPrefix(site.PostURL(p), "/")
		if !strings.HasSuffix(pageDir, "/") {
			pageDir = path.Dir(pageDir) + "/"
		}
		srcDir := path.Dir(p.Source.Path)
		for _, a := range p.Assets {
			to, ok := assetDest(pageDir, srcDir, a)
			if !ok {
				errs = append(errs, warning{fmt.Errorf("%s: %s: the file would land outside the output folder; not copied", p.Source.Path, a.Link)})
				continue
			}
			out = append(out, fileCopy{fsys: fsys, from: path.Join(root, a.Path), to: to, what: p.Source.Path})
		}
	}
	return out, errs
}

// assetDest is where a's file goes for a post whose page is in pageDir
// (under -out) and whose file is in srcDir (under the loaded root).
func assetDest(pageDir, srcDir string, a post.Asset) (string, bool) {
	var to string
	switch link := a.Link; {
	case link == "":
		rel := a.Path
		if srcDir != "." {
			rel = strings.TrimPrefix(rel, srcDir+"/")
		}
		to = pageDir + rel
	default:
		if i := strings.IndexAny(link, "?#"); i >= 0 {
			link = link[:i]
		}
		if u, err := url.PathUnescape(link); err == nil {
			link = u
		}
		if strings.HasPrefix(link, "/") {
			to = link[1:]
		} else {
			to = path.Join(pageDir, link)
		}
	}
	clean, err := cleanOutPath(path.Clean(to))
	return clean, err == nil
}

// staticCopies lists every file under dir (on disk) to copy as it is:
// the files of a folder named "static" go to the site's root, as Hugo
// publishes them; any other folder ("assets", as Jekyll keeps it) goes
// to a folder of its own name. Hidden files are left out.
func staticCopies(dir string, asRoot bool) ([]fileCopy, error) {
	fsys := os.DirFS(dir)
	prefix := ""
	if !asRoot {
		prefix = filepath.Base(dir) + "/"
	}
	var out []fileCopy
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		to, err := cleanOutPath(prefix + name)
		if err != nil {
			return nil
		}
		out = append(out, fileCopy{fsys: fsys, from: name, to: to, what: dir})
		return nil
	})
	return out, err
}

// defaultStatic finds the folder of static files beside the content: a
// "static" (Hugo) or "assets" (Jekyll) folder in src or in its parent.
// It returns "" when there is none, and whether its files go to the
// site's root.
func defaultStatic(src string) (string, bool) {
	if src == "" {
		return "", false
	}
	info, err := os.Stat(src)
	if err != nil {
		return "", false
	}
	if !info.IsDir() {
		src = filepath.Dir(src)
	}
	for _, dir := range []string{src, filepath.Dir(filepath.Clean(src))} {
		for _, name := range []string{"static", "assets"} {
			cand := filepath.Join(dir, name)
			if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
				return cand, name == "static"
			}
		}
	}
	return "", false
}

// planCopies sorts the copies by destination and keeps one per
// destination: a path a page of the site has (files) stays the page's,
// and of two files wanting one path the first wins. Two posts linking to
// one file is the common case; two different files of posts wanting one
// place is worth a warning.
func planCopies(copies []fileCopy, files []string) ([]fileCopy, []error) {
	taken := make(map[string]bool, len(files))
	for _, f := range files {
		taken[f] = true
	}
	sort.SliceStable(copies, func(i, j int) bool { return copies[i].to < copies[j].to })
	var errs []error
	var keep []fileCopy
	done := map[string]fileCopy{}
	for _, f := range copies {
		if taken[f.to] {
			errs = append(errs, warning{fmt.Errorf("%s: %s: a page of the site has this path; the file is not copied", f.what, f.to)})
			continue
		}
		if prev, ok := done[f.to]; ok {
			if prev.fsys == f.fsys && prev.from != f.from {
				errs = append(errs, warning{fmt.Errorf("%s: %s: already copied from %s; %s is not copied", f.what, f.to, prev.from, f.from)})
			}
			continue
		}
		done[f.to] = f
		keep = append(keep, f)
	}
	return keep, errs
}

// copyFiles copies each file to its destination under out and reports
// how many it wrote. A file whose copy under -out has the same size and
// is no older than the source is not copied again, so a rebuild copies
// only what changed.
func copyFiles(ctx context.Context, out *outDir, files []fileCopy) (int, []error) {
	var errs []error
	n := 0
	for _, f := range files {
		if ctx.Err() != nil {
			return n, append(errs, ctx.Err())
		}
		wrote, err := copyOne(out, f)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: copying %s: %w", f.what, f.from, err))
			continue
		}
		if wrote {
			n++
		}
	}
	return n, errs
}

// copyOne copies f unless its copy is current, and reports whether it
// wrote. The copy streams into a temporary file beside the destination
// and is renamed over it, so the destination holds the old bytes or the
// new, never part of either, as every file the site writes.
func copyOne(out *outDir, f fileCopy) (bool, error) {
	src, err := f.fsys.Open(f.from)
	if err != nil {
		return false, err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return false, err
	}
	if !info.Mode().IsRegular() {
		return false, errors.New("not a regular file")
	}
	name := filepath.FromSlash(f.to)
	if cur, err := out.root.Lstat(name); err == nil && cur.Mode().IsRegular() &&
		cur.Size() == info.Size() && !cur.ModTime().Before(info.ModTime()) {
		return false, nil
	}
	if err := out.mkdirAll(path.Dir(f.to)); err != nil {
		return false, err
	}
	dir, base := filepath.Split(name)
	tmp := dir + tempPrefix + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(out.seq.Add(1), 10) + "-" + base
	dst, err := out.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return false, err
	}
	_, err = io.Copy(dst, src)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = out.root.Rename(tmp, name)
	}
	if err != nil {
		out.root.Remove(tmp)
		return false, err
	}
	return true, nil
}

// collectAssets lists the copies the site needs: each post's assets
// (source.Load found them, and warned about links to missing files) and
// the static folder.
func collectAssets(cfg config, site *render.Site, posts []*post.Post) ([]fileCopy, []error) {
	var errs []error
	files, bad := assetCopies(site, posts, cfg.fsys, cfg.root)
	errs = append(errs, bad...)
	static, asRoot := cfg.static, true
	if static == "" {
		static, asRoot = defaultStatic(cfg.src)
	}
	if static != "" {
		more, err := staticCopies(static, asRoot)
		if err != nil {
			errs = append(errs, fmt.Errorf("-static: %w", err))
		}
		files = append(files, more...)
	}
	return files, errs
}

// imageSizes answers render.PageOptions.ImageSize from the posts' assets
// and the static folder, reading each image's header once.
type imageSizes struct {
	fsys   fs.FS
	root   string
	static string // the static folder, "" for none
	asRoot bool   // its files are at the site's root
	cache  sync.Map
}

type imageSize struct {
	w, h int
	ok   bool
}

func newImageSizes(cfg config) *imageSizes {
	s := &imageSizes{fsys: cfg.fsys, root: cfg.root, static: cfg.static, asRoot: true}
	if s.static == "" {
		s.static, s.asRoot = defaultStatic(cfg.src)
	}
	return s
}

// size finds the file src names for p and reads its size.
func (s *imageSizes) size(p *post.Post, src string) (int, int, bool) {
	for _, a := range p.Assets {
		if a.Link == src && s.fsys != nil {
			return s.read(s.fsys, "src", path.Join(s.root, a.Path))
		}
	}
	if s.static == "" || !strings.HasPrefix(src, "/") || strings.HasPrefix(src, "//") {
		return 0, 0, false
	}
	rel := strings.TrimPrefix(path.Clean(src), "/")
	if !s.asRoot {
		var ok bool
		if rel, ok = strings.CutPrefix(rel, filepath.Base(s.static)+"/"); !ok {
			return 0, 0, false
		}
	}
	if !fs.ValidPath(rel) {
		return 0, 0, false
	}
	return s.read(os.DirFS(s.static), "static", rel)
}

// read reads the size of name in fsys, which where names for the cache.
func (s *imageSizes) read(fsys fs.FS, where, name string) (int, int, bool) {
	key := where + "\x00" + name
	if v, ok := s.cache.Load(key); ok {
		sz := v.(imageSize)
		return sz.w, sz.h, sz.ok
	}
	w, h, err := source.ImageSize(fsys, name)
	sz := imageSize{w, h, err == nil}
	s.cache.Store(key, sz)
	return sz.w, sz.h, sz.ok
}
