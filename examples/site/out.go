package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// errOutside is reported for an output path that would land outside -out.
var errOutside = errors.New("path leaves the output folder")

// cleanOutPath is the one gate every output path goes through. It takes a
// slash-separated path relative to the output folder and returns it in
// clean form, or an error when it is empty, absolute, names a parent
// folder, or holds a backslash, colon or NUL that some file system could
// read as a separator, volume or terminator. It never rewrites a bad path
// into a good one: a page whose path is refused is reported, not moved.
func cleanOutPath(p string) (string, error) {
	switch {
	case p == "":
		return "", fmt.Errorf("%w: empty path", errOutside)
	case strings.ContainsAny(p, "\\:\x00"):
		return "", fmt.Errorf("%w: %q holds a backslash, colon or NUL", errOutside, p)
	case path.IsAbs(p) || filepath.IsAbs(p):
		return "", fmt.Errorf("%w: %q is absolute", errOutside, p)
	}
	for _, elem := range strings.Split(p, "/") {
		if elem == ".." {
			return "", fmt.Errorf("%w: %q names a parent folder", errOutside, p)
		}
	}
	clean := path.Clean(p)
	if clean == "." || !fs.ValidPath(clean) {
		return "", fmt.Errorf("%w: %q", errOutside, p)
	}
	return clean, nil
}

// urlToFile maps a site-relative URL path ("/2024/03/pairing/",
// "/index.xml") to the file that serves it ("2024/03/pairing/index.html",
// "index.xml"), and checks it with cleanOutPath.
func urlToFile(u string) (string, error) {
	p := strings.TrimPrefix(u, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return cleanOutPath(p)
}

// outDir writes files inside one folder and nowhere else. Paths are
// checked by cleanOutPath, and the writes go through an os.Root, so a
// symbolic link planted inside the folder cannot lead a write outside it
// either, even one swapped in while the build runs. The workers write
// through a dirWriter each, which keeps the folder they are writing in
// open so that os.Root does not walk the whole path for every page.
type outDir struct {
	dir  string
	root *os.Root

	mu   sync.Mutex
	made map[string]bool // folders known to exist
}

// openOutDir creates dir if needed and opens it for writing.
func openOutDir(dir string) (*outDir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &outDir{dir: dir, root: root, made: map[string]bool{".": true}}, nil
}

// Close releases the folder.
func (o *outDir) Close() error { return o.root.Close() }

// Create creates (or truncates) the file at the slash-separated path rel,
// making its folders as needed.
func (o *outDir) Create(rel string) (*os.File, error) {
	clean, err := cleanOutPath(rel)
	if err != nil {
		return nil, err
	}
	if err := o.mkdirAll(path.Dir(clean)); err != nil {
		return nil, err
	}
	return o.root.Create(filepath.FromSlash(clean))
}

// WriteFile writes data to the slash-separated path rel.
func (o *outDir) WriteFile(rel string, data []byte) error {
	f, err := o.Create(rel)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// writer is a dirWriter for one goroutine; see dirWriter.
func (o *outDir) writer() *dirWriter { return &dirWriter{out: o} }

// dirWriter writes files inside an outDir for one goroutine, keeping open
// the folder two levels above the last file it wrote ("2024/03" for
// "2024/03/pairing/index.html"). Pages come in order of their paths, so
// the next file is usually beside the last, and an os.Root on that folder
// makes each new page a mkdir and an open or two; through the outDir's
// root, os.Root opens and closes every folder on the path (13 system
// calls a page instead of 5). The nested os.Root keeps the outDir's
// promise: nothing it writes can leave that folder, or so -out.
type dirWriter struct {
	out  *outDir
	dir  string   // the folder root is open on, clean and slash-separated
	root *os.Root // nil when none is open
}

// WriteFile writes data to the slash-separated path rel, like
// outDir.WriteFile.
func (w *dirWriter) WriteFile(rel string, data []byte) error {
	clean, err := cleanOutPath(rel)
	if err != nil {
		return err
	}
	dir := path.Dir(clean)
	parent := path.Dir(dir)
	if dir == "." || parent == "." {
		return w.out.WriteFile(clean, data) // near the top: nothing to keep
	}
	if w.root == nil || w.dir != parent {
		if err := w.open(parent); err != nil {
			return err
		}
	}
	if err := w.out.mkdirIn(w.root, dir, path.Base(dir)); err != nil {
		return err
	}
	f, err := w.root.Create(filepath.FromSlash(path.Base(dir) + "/" + path.Base(clean)))
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// open makes the folder dir (and its parents) and opens it as w's root.
func (w *dirWriter) open(dir string) error {
	w.Close()
	if err := w.out.mkdirAll(dir); err != nil {
		return err
	}
	root, err := w.out.root.OpenRoot(filepath.FromSlash(dir))
	if err != nil {
		return err
	}
	w.root, w.dir = root, dir
	return nil
}

// Close releases the folder w holds open, if any.
func (w *dirWriter) Close() {
	if w.root != nil {
		w.root.Close()
		w.root, w.dir = nil, ""
	}
}

// mkdirIn makes the folder dir, whose last element name is inside the
// folder root is open on, unless it is known to exist.
func (o *outDir) mkdirIn(root *os.Root, dir, name string) error {
	o.mu.Lock()
	done := o.made[dir]
	o.mu.Unlock()
	if done {
		return nil
	}
	if err := root.Mkdir(name, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	o.mu.Lock()
	o.made[dir] = true
	o.mu.Unlock()
	return nil
}

// mkdirAll makes the clean slash-separated folder dir and its parents
// inside the root. os.Root gained MkdirAll only in Go 1.25, and go.mod
// says 1.24, so it walks the path itself; the set of folders already made
// keeps that to one system call per new folder.
func (o *outDir) mkdirAll(dir string) error {
	o.mu.Lock()
	done := o.made[dir]
	o.mu.Unlock()
	if done {
		return nil
	}
	if parent := path.Dir(dir); parent != dir {
		if err := o.mkdirAll(parent); err != nil {
			return err
		}
	}
	err := o.root.Mkdir(filepath.FromSlash(dir), 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	o.mu.Lock()
	o.made[dir] = true
	o.mu.Unlock()
	return nil
}
