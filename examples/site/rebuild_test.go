package main

import (
	"bytes"
	"context"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNoChangeWritesNothing builds the sample twice into one folder: the
// second build writes no file and says so.
func TestNoChangeWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	var o1, o2, e bytes.Buffer
	if code := run(context.Background(), []string{"-out", out}, &o1, &e); code != 0 {
		t.Fatalf("first build: %d\n%s", code, e.String())
	}
	before := readTree(t, out)
	stat := modTimes(t, out)
	if code := run(context.Background(), []string{"-out", out}, &o2, &e); code != 0 {
		t.Fatalf("second build: %d\n%s", code, e.String())
	}
	if !strings.HasPrefix(o2.String(), "wrote 0 files (") {
		t.Errorf("second build says %q, want it to have written 0 files", o2.String())
	}
	for f, mt := range modTimes(t, out) {
		if stat[f] != mt {
			t.Errorf("the second build touched %s", f)
		}
	}
	after := readTree(t, out)
	for f := range before {
		if !bytes.Equal(before[f], after[f]) {
			t.Errorf("%s changed", f)
		}
	}
}

func modTimes(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	m := map[string]int64{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != lockName {
			info, _ := d.Info()
			m[p] = info.ModTime().UnixNano()
		}
		return nil
	})
	return m
}

// TestForeignFileNeverTouched keeps a CNAME, a robots.txt and a .git
// folder in -out: builds leave them alone, and a build that would have to
// overwrite one stops before writing anything and names it.
func TestForeignFileNeverTouched(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mine := map[string]string{"CNAME": "blog.example.com\n", "robots.txt": "User-agent: *\n", ".git/HEAD": "ref: refs/heads/main\n"}
	for f, data := range mine {
		os.MkdirAll(filepath.Dir(filepath.Join(out, f)), 0o755)
		if err := os.WriteFile(filepath.Join(out, f), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		t.Helper()
		for f, data := range mine {
			if got, err := os.ReadFile(filepath.Join(out, f)); err != nil || string(got) != data {
				t.Errorf("%s: %s is %q, %v; want it untouched", when, f, got, err)
			}
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("build beside foreign files: %d\n%s", code, stderr.String())
	}
	check("after a build")
	if code := run(context.Background(), []string{"-out", out, "-title", "Another"}, &stdout, &stderr); code != 0 {
		t.Fatalf("second build: %d\n%s", code, stderr.String())
	}
	check("after a rebuild that changed every page")

	// A page where the user keeps a file of their own: nothing is written.
	other := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "404.html"), []byte("my own 404"), 0o644)
	stderr.Reset()
	if code := run(context.Background(), []string{"-out", other}, &stdout, &stderr); code == 0 {
		t.Error("a build over a foreign 404.html succeeded")
	}
	if !strings.Contains(stderr.String(), "404.html") || !strings.Contains(stderr.String(), "nothing was written") {
		t.Errorf("stderr does not name the file or say nothing was written:\n%s", stderr.String())
	}
	if got, _ := os.ReadFile(filepath.Join(other, "404.html")); string(got) != "my own 404" {
		t.Errorf("the foreign 404.html was overwritten: %q", got)
	}
	if entries, _ := os.ReadDir(other); len(entries) > 3 { // 404.html, the lock, maybe the manifest
		t.Errorf("the refused build wrote files: %v", entries)
	}
}

// TestCancelLeavesNoPartialFile cancels builds at random points: every
// file in -out is then either what the last good build wrote or what the
// new one writes, never a part of either, no temporary file is left, and
// the next build finishes the job.
func TestCancelLeavesNoPartialFile(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 17))
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-out", out, "-title", "Old"}, &stdout, &stderr); code != 0 {
		t.Fatal(stderr.String())
	}
	old := readTree(t, out)
	newOut := filepath.Join(dir, "new")
	if code := run(context.Background(), []string{"-out", newOut, "-title", "New"}, &stdout, &stderr); code != 0 {
		t.Fatal(stderr.String())
	}
	want := readTree(t, newOut)
	for i := range 12 {
		ctx, cancel := context.WithCancel(context.Background())
		stop := time.AfterFunc(time.Duration(r.IntN(200))*time.Millisecond, cancel)
		run(ctx, []string{"-out", out, "-title", []string{"Old", "New"}[i%2], "-workers", "2"}, &stdout, &stderr)
		stop.Stop()
		cancel()
		for f, data := range readTree(t, out) {
			if strings.HasPrefix(filepath.Base(f), tempPrefix) {
				t.Errorf("cancel %d: temporary file %s left", i, f)
			}
			if data == nil || f == manifestName {
				continue
			}
			if !bytes.Equal(data, old[f]) && !bytes.Equal(data, want[f]) {
				t.Errorf("cancel %d: %s is neither the old nor the new file", i, f)
			}
			if len(data) == 0 {
				t.Errorf("cancel %d: %s is empty", i, f)
			}
		}
	}
	if code := run(context.Background(), []string{"-out", out, "-title", "New"}, &stdout, &stderr); code != 0 {
		t.Fatal(stderr.String())
	}
	got := readTree(t, out)
	for f, data := range want {
		if !bytes.Equal(data, got[f]) {
			t.Errorf("after the builds were let finish, %s differs from a clean build", f)
		}
	}
}

// TestConcurrentBuildLock: while one build holds -out, a second stops
// with a message saying so, and writes nothing.
func TestConcurrentBuildLock(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	o, err := openOutDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-out", out}, &stdout, &stderr); code != 1 {
		t.Errorf("a second build ran beside the first: %d", code)
	}
	if !strings.Contains(stderr.String(), "another build is writing") {
		t.Errorf("stderr does not say why:\n%s", stderr.String())
	}
	if entries, _ := os.ReadDir(out); len(entries) > 2 {
		t.Errorf("the locked-out build wrote: %v", entries)
	}
	if _, err := openOutDir(out); err == nil {
		t.Error("openOutDir took a held lock")
	}
	o.Close()
	if code := run(context.Background(), []string{"-out", out}, &stdout, &stderr); code != 0 {
		t.Errorf("the build after the lock was released: %d\n%s", code, stderr.String())
	}
}
