package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/folio-go/folio/post"
)

// warningLog collects the warnings of a build (post.Warning: problems
// that kept the post, such as an unknown shortcode) from any goroutine,
// and prints them summed up by kind.
type warningLog struct {
	mu   sync.Mutex
	list []post.Warning
}

// add records w; it is safe for concurrent use.
func (l *warningLog) add(w post.Warning) {
	l.mu.Lock()
	l.list = append(l.list, w)
	l.mu.Unlock()
}

// print writes one line per kind of warning, in order of kind:
//
//	site: 23 unknown shortcodes in 9 posts; first: content/x.md:14:3: …
//
// With all it lists every warning after its kind's line. Warnings are
// sorted by path, line and column, so the output does not depend on the
// order pages were written in.
func (l *warningLog) print(w io.Writer, all bool) {
	l.mu.Lock()
	list := append([]post.Warning(nil), l.list...)
	l.mu.Unlock()
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	byKind := map[string][]post.Warning{}
	var kinds []string
	for _, x := range list {
		k := x.Kind
		if k == "" {
			k = "warning"
		}
		if _, ok := byKind[k]; !ok {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], x)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		ws := dedupe(byKind[k])
		paths := map[string]bool{}
		for _, x := range ws {
			paths[x.Path] = true
		}
		fmt.Fprintf(w, "site: %d %s in %d %s; first: %s\n", len(ws), plural(k, len(ws)), len(paths), plural("post", len(paths)), ws[0])
		if all {
			for _, x := range ws {
				fmt.Fprintf(w, "  %s\n", x)
			}
		}
	}
	if !all && len(kinds) > 0 {
		fmt.Fprintln(w, "site: run with -v to list every warning")
	}
}

// dedupe drops repeats: a body is expanded for its page and again for
// its summary, and each time reports the same problems.
func dedupe(ws []post.Warning) []post.Warning {
	out := ws[:0:0]
	seen := map[post.Warning]bool{}
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// plural puts the last word of a kind ("unknown shortcode") in the
// plural when n is not 1.
func plural(s string, n int) string {
	if n == 1 {
		return s
	}
	switch {
	case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"):
		return s + "es"
	case strings.HasSuffix(s, "y") && !strings.HasSuffix(s, "ey"):
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}
