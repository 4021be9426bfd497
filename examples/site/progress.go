package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress prints counts of posts read and pages written on one updating
// line of standard error, and only when that is a terminal: logs and pipes
// stay quiet. Its methods may be called from several goroutines.
type progress struct {
	w io.Writer // nil when quiet

	mu    sync.Mutex
	last  time.Time
	shown bool
}

// newProgress returns a progress that writes to w when w is a terminal.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok {
		return &progress{}
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return &progress{}
	}
	return &progress{w: w}
}

// reading reports files read; it has the shape of source.Options.Progress.
func (p *progress) reading(done, total int) {
	p.show(done == total, "read %d/%d files", done, total)
}

// writing reports pages written.
func (p *progress) writing(done, total int) {
	p.show(done == total, "wrote %d/%d files", done, total)
}

// show prints at most ten updates a second, and always the last one.
func (p *progress) show(final bool, format string, args ...any) {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if !final && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\r\033[K"+format, args...)
}

// done ends the progress line so that what follows starts on its own.
func (p *progress) done() {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
