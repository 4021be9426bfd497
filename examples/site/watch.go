package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// quiet is how long the watcher waits after an event for more before it
// rebuilds: editors save in several steps (write a temporary file, rename
// it, change its mode), and one rebuild should cover them all.
const quiet = 15 * time.Millisecond

// maxWait bounds how long a steady stream of events delays a rebuild.
const maxWait = 300 * time.Millisecond

// watcher reports the files that change under a source folder, relative
// to it and slash-separated, in bursts.
type watcher struct {
	src, out string
	w        *fsnotify.Watcher
}

// newWatcher watches src and every folder under it that Load reads
// (hidden folders, and out when it is inside src, are left out).
func newWatcher(src, out string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	absOut, _ := filepath.Abs(out)
	w := &watcher{src: src, out: absOut, w: fw}
	if err := w.addTree(src); err != nil {
		fw.Close()
		return nil, err
	}
	return w, nil
}

// addTree watches dir and the folders under it.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && (strings.HasPrefix(d.Name(), ".") || w.isOut(p)) {
			return filepath.SkipDir
		}
		return w.w.Add(p)
	})
}

func (w *watcher) isOut(p string) bool {
	abs, err := filepath.Abs(p)
	return err == nil && abs == w.out
}

// Close stops watching.
func (w *watcher) Close() error { return w.w.Close() }

// run calls rebuild with each burst of changed paths until ctx is done.
// Calls come one at a time from run's goroutine; events that arrive
// during a rebuild make the next burst.
func (w *watcher) run(ctx context.Context, rebuild func(paths []string)) {
	var pending []string
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			rel, keep := w.rel(ev.Name)
			if !keep {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					w.addTree(ev.Name) // a new folder: watch it and what it holds
				}
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			pending = append(pending, rel)
			wait := quiet
			if left := maxWait - time.Since(first); left < wait {
				wait = max(left, 0)
			}
			timer.Reset(wait)
		case <-w.w.Errors:
			// An overflow loses events: read everything again.
			pending = append(pending, ".")
			timer.Reset(quiet)
		case <-timer.C:
			if len(pending) == 0 {
				continue
			}
			slices.Sort(pending)
			batch := slices.Compact(pending)
			pending = nil
			if slices.Contains(batch, ".") {
				batch = w.all()
			}
			rebuild(batch)
		}
	}
}

// rel is name relative to the source folder, slash-separated, and
// whether the event matters: names starting with "." (editors' swap and
// backup files, .git) and the output folder do not.
func (w *watcher) rel(name string) (string, bool) {
	rel, err := filepath.Rel(w.src, name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	for _, elem := range strings.Split(rel, "/") {
		if strings.HasPrefix(elem, ".") || strings.HasSuffix(elem, "~") {
			return "", false
		}
	}
	if w.isOut(name) || strings.HasPrefix(name, w.out+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// all lists the top-level entries of the source folder, so that Reload
// reads the whole tree again.
func (w *watcher) all() []string {
	entries, err := os.ReadDir(w.src)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}
