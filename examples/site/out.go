package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// errOutside is reported for an output path that would land outside -out.
var errOutside = errors.New("path leaves the output folder")

// errForeign is reported when a build would overwrite a file in -out that
// folio did not write.
var errForeign = errors.New("files in the output folder that folio did not write")

// The files folio keeps in -out for itself. They start with a dot, so the
// preview server never serves them, and no page can be written to them
// (cleanOutPath refuses them).
const (
	manifestName = ".folio-manifest" // the files the last build wrote
	lockName     = ".folio-lock"     // held while a build writes
	tempPrefix   = ".folio-tmp-"     // a file being written, before its rename
	manifestHead = "# folio manifest 1: the files folio wrote here; it removes or rewrites only these"
)

// cleanOutPath is the one gate every output path goes through. It takes a
// slash-separated path relative to the output folder and returns it in
// clean form, or an error when it is empty, absolute, names a parent
// folder, holds a backslash, colon or NUL that some file system could
// read as a separator, volume or terminator, or names one of folio's own
// files (the manifest, the lock, a temporary file). It never rewrites a
// bad path into a good one: a page whose path is refused is reported, not
// moved.
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
	if base := path.Base(clean); base == manifestName || base == lockName || strings.HasPrefix(base, tempPrefix) {
		return "", fmt.Errorf("%w: %q is one of folio's own files", errOutside, p)
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

// outDir writes files inside one folder and nowhere else, and keeps a
// rebuild from damaging what is there:
//
//   - Paths are checked by cleanOutPath, and every write goes through an
//     os.Root, so a symbolic link planted inside the folder cannot lead a
//     write outside it, even one swapped in while the build runs.
//   - A file is written to a temporary file beside it and renamed over the
//     old one, so a build killed at any moment, or a full disk, leaves
//     each file whole: old or new, never empty or cut short.
//   - A file whose bytes did not change is not written at all.
//   - The manifest (.folio-manifest) lists the files folio wrote; a build
//     removes those it no longer writes, and refuses, before writing
//     anything, to overwrite a file not listed there (a CNAME, a
//     robots.txt, a .git folder someone keeps beside the site).
//   - A lock (.folio-lock) keeps two builds from writing at once.
//
// A build calls Begin with every file it will write, Put for each file's
// bytes (from many goroutines, through a dirWriter each), then Finish
// with every file the site now has. The workers write through a
// dirWriter each, which keeps the folder they are writing in open so
// that os.Root does not walk the whole path for every page.
type outDir struct {
	dir  string
	root *os.Root
	lock *os.File

	mu   sync.Mutex
	made map[string]bool // folders known to exist

	// ours is what the manifest lists: every file folio wrote here that
	// may still exist. It changes only in Begin and Finish.
	ours map[string]bool
	// present is every regular file found in the folder when it was
	// opened; nil once the first Begin has used it, after which a file
	// not in ours is looked up on its own.
	present map[string]bool

	// fresh holds the files of the current build that did not exist
	// when it began; set by Begin.
	fresh map[string]bool

	written, unchanged atomic.Int64
	seq                atomic.Int64 // numbers temporary files
}

// openOutDir creates dir if needed, takes its lock and reads its manifest.
// It fails when another build holds the lock.
func openOutDir(dir string) (*outDir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	o := &outDir{dir: dir, root: root, made: map[string]bool{".": true}}
	if o.lock, err = lockDir(root, dir); err != nil {
		root.Close()
		return nil, err
	}
	if err := o.scan(); err != nil {
		o.Close()
		return nil, err
	}
	return o, nil
}

// Close releases the lock and the folder.
func (o *outDir) Close() error {
	if o.lock != nil {
		unlockDir(o.root, o.lock)
		o.lock = nil
	}
	return o.root.Close()
}

// scan reads the manifest and lists the files present.
func (o *outDir) scan() error {
	o.ours = map[string]bool{}
	data, err := o.root.ReadFile(manifestName)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	default:
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if clean, err := cleanOutPath(line); err == nil {
				o.ours[clean] = true
			}
		}
	}
	o.present = map[string]bool{}
	return fs.WalkDir(o.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir // .git and the like: Begin looks there file by file
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), tempPrefix) {
			// Left by a build that was killed: never a finished file.
			o.root.Remove(filepath.FromSlash(p))
			return nil
		}
		o.present[p] = true
		return nil
	})
}

// Begin checks, before anything is written, that none of files would
// replace a file folio did not write, and records in the manifest that
// the build may now write them all, so that a build stopped part-way
// leaves no file of its own unaccounted for. The error names every such
// file and wraps errForeign.
func (o *outDir) Begin(files []string) error {
	var foreign []string
	for _, f := range files {
		if o.ours[f] {
			continue
		}
		exists := o.present[f]
		if o.present == nil || strings.Contains("/"+f, "/.") {
			_, err := o.root.Lstat(filepath.FromSlash(f))
			exists = err == nil
		}
		if exists {
			foreign = append(foreign, f)
		}
	}
	o.present = nil
	if len(foreign) > 0 {
		slices.Sort(foreign)
		more := ""
		if len(foreign) > 10 {
			more = fmt.Sprintf(" and %d more", len(foreign)-10)
			foreign = foreign[:10]
		}
		return fmt.Errorf("%w, which this build would overwrite: %s%s; remove them or build into another folder (nothing was written)",
			errForeign, strings.Join(foreign, ", "), more)
	}
	grew := false
	o.fresh = map[string]bool{}
	for _, f := range files {
		if !o.ours[f] {
			o.ours[f] = true
			o.fresh[f] = true // not there: nothing to compare with
			grew = true
		}
	}
	if grew {
		return o.writeManifest()
	}
	return nil
}

// Finish removes every file folio wrote earlier that is not in keep, with
// the folders that removing them leaves empty, and writes the manifest.
// It returns how many files it removed.
func (o *outDir) Finish(keep []string) (int, error) {
	want := make(map[string]bool, len(keep))
	for _, f := range keep {
		want[f] = true
	}
	var stale []string
	for f := range o.ours {
		if !want[f] {
			stale = append(stale, f)
		}
	}
	slices.Sort(stale)
	removed := 0
	var errs []error
	for _, f := range stale {
		err := o.root.Remove(filepath.FromSlash(f))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
			continue // still ours: the next build tries again
		}
		if err == nil {
			removed++
		}
		delete(o.ours, f)
		o.removeEmptyParents(f)
	}
	if err := o.writeManifest(); err != nil {
		errs = append(errs, err)
	}
	return removed, errors.Join(errs...)
}

// removeEmptyParents removes the folders above f that are now empty; a
// folder with anything in it stays.
func (o *outDir) removeEmptyParents(f string) {
	for dir := path.Dir(f); dir != "."; dir = path.Dir(dir) {
		if err := o.root.Remove(filepath.FromSlash(dir)); err != nil {
			return
		}
		o.mu.Lock()
		delete(o.made, dir)
		o.mu.Unlock()
	}
}

// writeManifest writes the list of files that are ours, atomically.
func (o *outDir) writeManifest() error {
	list := make([]string, 0, len(o.ours))
	for f := range o.ours {
		list = append(list, f)
	}
	slices.Sort(list)
	var b bytes.Buffer
	b.WriteString(manifestHead + "\n")
	for _, f := range list {
		b.WriteString(f)
		b.WriteByte('\n')
	}
	if old, err := o.root.ReadFile(manifestName); err == nil && bytes.Equal(old, b.Bytes()) {
		return nil
	}
	_, err := o.writeAtomic(o.root, manifestName, b.Bytes())
	return err
}

// Put writes data to the slash-separated path rel unless the file already
// holds exactly those bytes, and reports whether it wrote. rel must have
// been given to Begin. It is safe for concurrent use.
func (o *outDir) Put(rel string, data []byte) (bool, error) {
	clean, err := cleanOutPath(rel)
	if err != nil {
		return false, err
	}
	if err := o.mkdirAll(path.Dir(clean)); err != nil {
		return false, err
	}
	return o.put(o.root, clean, filepath.FromSlash(clean), data)
}

// put writes data to name inside root (clean is the same file relative to
// the output folder), comparing first.
func (o *outDir) put(root *os.Root, clean, name string, data []byte) (bool, error) {
	if !o.ours[clean] {
		return false, fmt.Errorf("%s: %w (not announced to Begin)", clean, errForeign)
	}
	if o.fresh[clean] {
		// Begin found no file there.
	} else if old, err := root.ReadFile(name); err == nil && bytes.Equal(old, data) {
		o.unchanged.Add(1)
		return false, nil
	}
	if _, err := o.writeAtomic(root, name, data); err != nil {
		return false, fmt.Errorf("%s: %w", clean, err)
	}
	o.written.Add(1)
	return true, nil
}

// writeAtomic writes data to a new temporary file beside name and renames
// it over name, so that name holds its old bytes or the new ones, never
// part of either. On error the temporary file is removed and name is
// untouched.
func (o *outDir) writeAtomic(root *os.Root, name string, data []byte) (bool, error) {
	// The lock makes this process the only writer, so its id and a
	// counter name a file no one else is writing.
	dir, base := filepath.Split(name)
	tmp := dir + tempPrefix + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(o.seq.Add(1), 10) + "-" + base
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return false, err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		root.Remove(tmp)
		return false, err
	}
	return true, nil
}

// writer is a dirWriter for one goroutine; see dirWriter.
func (o *outDir) writer() *dirWriter { return &dirWriter{out: o} }

// dirWriter writes files inside an outDir for one goroutine, keeping open
// the folder two levels above the last file it wrote ("2024/03" for
// "2024/03/pairing/index.html"). Pages come in order of their paths, so
// the next file is usually beside the last, and an os.Root on that folder
// makes each new page a few system calls; through the outDir's root,
// os.Root opens and closes every folder on the path. The nested os.Root
// keeps the outDir's promise: nothing it writes can leave that folder, or
// so -out.
type dirWriter struct {
	out  *outDir
	dir  string   // the folder root is open on, clean and slash-separated
	root *os.Root // nil when none is open
}

// Put writes data to the slash-separated path rel, like outDir.Put.
func (w *dirWriter) Put(rel string, data []byte) (bool, error) {
	clean, err := cleanOutPath(rel)
	if err != nil {
		return false, err
	}
	dir := path.Dir(clean)
	parent := path.Dir(dir)
	if dir == "." || parent == "." {
		return w.out.Put(clean, data) // near the top: nothing to keep
	}
	if w.root == nil || w.dir != parent {
		if err := w.open(parent); err != nil {
			return false, err
		}
	}
	if err := w.out.mkdirIn(w.root, dir, path.Base(dir)); err != nil {
		return false, err
	}
	return w.out.put(w.root, clean, filepath.FromSlash(path.Base(dir)+"/"+path.Base(clean)), data)
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
// inside the root; the set of folders already made keeps that to one
// system call per new folder.
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
