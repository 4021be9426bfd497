package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/folio-go/folio/post"
)

// warnLog collects the problems that kept a post but changed or ignored
// something in it, from every part of the build that reports them: the
// loading (source.Options.Warn) and the bodies (render/markup's Warn
// option). Its add method is safe for concurrent use, so it can be
// handed to any of them as their Warn function.
type warnLog struct {
	mu  sync.Mutex
	all []post.Warning
}

// add records one warning.
func (ws *warnLog) add(w post.Warning) {
	ws.mu.Lock()
	ws.all = append(ws.all, w)
	ws.mu.Unlock()
}

// write prints one line per kind of warning, the kinds by name:
//
//	warning: 23 unknown key in 9 files; first: content/x.md:14:3: author: unknown key "shoe" ...
//
// and with verbose every warning on a line of its own after its kind's
// summary. Warnings are sorted by path, line and column first, so the
// output does not depend on the order concurrent parts reported them in.
func (ws *warnLog) write(w io.Writer, verbose bool) {
	ws.mu.Lock()
	all := slices.Clone(ws.all)
	ws.mu.Unlock()
	slices.SortStableFunc(all, func(a, b post.Warning) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Message, b.Message))
	})
	// A body is expanded for its page and again for its summary or feed,
	// and reports the same problem each time.
	all = slices.Compact(all)
	for i := 0; i < len(all); {
		j := i
		files := map[string]bool{}
		for j < len(all) && all[j].Kind == all[i].Kind {
			files[all[j].Path] = true
			j++
		}
		kind := all[i].Kind
		if kind == "" {
			kind = "other"
		}
		noun := "files"
		if len(files) == 1 {
			noun = "file"
		}
		fmt.Fprintf(w, "warning: %d %s in %d %s; first: %s\n", j-i, kind, len(files), noun, all[i])
		if verbose {
			for _, x := range all[i:j] {
				fmt.Fprintf(w, "  %s\n", x)
			}
		}
		i = j
	}
}
