//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFilesSkipped builds a source folder holding a FIFO named
// p.md, x.xml linking to /dev/zero and s/passwd.md linking to a file
// outside -src: the build ends quickly, warns about each, publishes the
// good posts and never the outside file.
func TestSpecialFilesSkipped(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("---\ntitle: Secret\n---\nsecret-text-4711\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := writeTree(t, withGood(nil))
	if err := syscall.Mkfifo(filepath.Join(src, "p.md"), 0o644); err != nil {
		t.Skipf("no FIFOs: %v", err)
	}
	os.Mkdir(filepath.Join(src, "s"), 0o755)
	for name, target := range map[string]string{"x.xml": "/dev/zero", "s/passwd.md": outside} {
		if err := os.Symlink(target, filepath.Join(src, name)); err != nil {
			t.Skipf("no symlinks: %v", err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	done := make(chan int)
	var o, e bytes.Buffer
	go func() { done <- run(context.Background(), []string{"-v", "-src", src, "-out", out}, &o, &e) }()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d, want 0 (skipped files are warnings); stderr:\n%s", code, e.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the build hung on a special file")
	}
	checkGood(t, out)
	for _, name := range []string{"p.md", "x.xml", "s/passwd.md"} {
		if !strings.Contains(e.String(), name+": source: skipped, not read") {
			t.Errorf("no warning for %s:\n%s", name, e.String())
		}
	}
	for _, f := range files(t, out) {
		b, _ := os.ReadFile(filepath.Join(out, f))
		if bytes.Contains(b, []byte("secret-text-4711")) || bytes.Contains(b, []byte("Secret")) {
			t.Errorf("%s publishes the file outside -src", f)
		}
	}
}
