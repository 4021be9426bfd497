package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCleanOutPath(t *testing.T) {
	good := map[string]string{
		"index.html":                 "index.html",
		"2024/03/pairing/index.html": "2024/03/pairing/index.html",
		"a/./b.html":                 "a/b.html",
		"tags/c++/index.xml":         "tags/c++/index.xml",
		"tags/naïve/index.html":      "tags/naïve/index.html",
	}
	for in, want := range good {
		got, err := cleanOutPath(in)
		if err != nil || got != want {
			t.Errorf("cleanOutPath(%q) = %q, %v; want %q, nil", in, got, err, want)
		}
	}
	bad := []string{
		"", ".", "/", "/etc/passwd", "../x", "a/../../x", "a/..", "..",
		"posts/../../../etc/index.html", `..\x`, `a\b`, "C:/x", "c:x", "a\x00b",
		"//host/share/x",
	}
	for _, in := range bad {
		if got, err := cleanOutPath(in); !errors.Is(err, errOutside) {
			t.Errorf("cleanOutPath(%q) = %q, %v; want errOutside", in, got, err)
		}
	}
}

func TestURLToFile(t *testing.T) {
	tests := map[string]string{
		"/":                 "index.html",
		"/2024/03/pairing/": "2024/03/pairing/index.html",
		"/index.xml":        "index.xml",
		"/tags/go/page/2/":  "tags/go/page/2/index.html",
		"404.html":          "404.html",
	}
	for in, want := range tests {
		if got, err := urlToFile(in); err != nil || got != want {
			t.Errorf("urlToFile(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"/../../etc/", "//etc/passwd", "/a/../../b/"} {
		if got, err := urlToFile(in); err == nil {
			t.Errorf("urlToFile(%q) = %q; want an error", in, got)
		}
	}
}

// TestOutDirSymlink checks that a link planted inside -out cannot carry a
// write outside it.
func TestOutDirSymlink(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "escape")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	o, err := openOutDir(out)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if err := testPut(o, "escape/x.html", []byte("x")); err == nil {
		t.Error("WriteFile through a symlink out of the folder succeeded")
	}
	if err := testPut(o, "escape/deeper/x.html", []byte("x")); err == nil {
		t.Error("WriteFile through a symlink out of the folder succeeded")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("files written outside -out: %v", entries)
	}
	if err := os.Symlink(filepath.Join(outside, "file.html"), filepath.Join(out, "link.html")); err != nil {
		t.Fatal(err)
	}
	if err := testPut(o, "link.html", []byte("x")); err == nil {
		t.Error("WriteFile through a symlinked file succeeded")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("files written outside -out: %v", entries)
	}
	if err := testPut(o, "ok/x.html", []byte("x")); err != nil {
		t.Errorf("WriteFile(ok/x.html) = %v", err)
	}
}

// TestDirWriter writes through the writer each worker uses, which keeps a
// folder open between files: files land where outDir would put them, and
// a symlink planted inside -out, at the held folder or below it, cannot
// carry a write outside.
func TestDirWriter(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	out := filepath.Join(dir, "out")
	for _, d := range []string{outside, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	o, err := openOutDir(out)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	w := o.writer()
	defer w.Close()
	files := []string{"index.html", "tags/index.html", "2024/03/a/index.html", "2024/03/b/index.html", "2024/03/b/feed.json", "tags/go/page/2/index.html", "2024/03/c/index.html"}
	for _, f := range files {
		if err := testPutW(o, w, f, []byte(f)); err != nil {
			t.Fatalf("WriteFile(%s): %v", f, err)
		}
	}
	for _, f := range files {
		if b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f))); err != nil || string(b) != f {
			t.Errorf("%s: %q, %v", f, b, err)
		}
	}
	if err := testPutW(o, w, "../x/y/z.html", nil); err == nil {
		t.Error("a path out of the folder was written")
	}
	if err := os.Symlink(outside, filepath.Join(out, "2024", "03", "evil")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "held")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"2024/03/evil/index.html", "held/x/index.html", "held/x/y/index.html"} {
		if err := testPutW(o, w, f, []byte("x")); err == nil {
			t.Errorf("WriteFile(%s) through a symlink out of the folder succeeded", f)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("files written outside -out: %v", entries)
	}
}

// testPut announces rel to o and writes data there.
func testPut(o *outDir, rel string, data []byte) error {
	return testPutW(o, nil, rel, data)
}

// testPutW is testPut through the dirWriter w (o itself when nil).
func testPutW(o *outDir, w *dirWriter, rel string, data []byte) error {
	clean, err := cleanOutPath(rel)
	if err != nil {
		return err
	}
	if err := o.Begin([]string{clean}); err != nil {
		return err
	}
	if w == nil {
		_, err = o.Put(clean, data)
	} else {
		_, err = w.Put(clean, data)
	}
	return err
}
