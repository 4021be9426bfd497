//go:build unix

package source_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/source"
)

// TestLoadOnlyRegularFiles loads a folder holding a FIFO, links to a
// device and out of the root, and a link inside it: only the regular
// files and the inside link are read, the rest skipped with a warning,
// and nothing hangs.
func TestLoadOnlyRegularFiles(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "passwd.md")
	if err := os.WriteFile(secret, []byte("---\ntitle: Secret\n---\nroot:x:0:0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.md", "---\ntitle: Good\ndate: 2024-01-02\n---\nHello.\n")
	write("s/real.md", "---\ntitle: Real\ndate: 2024-01-03\n---\nLinked to.\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "p.md"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	links := map[string]string{
		"x.xml":       "/dev/zero",
		"s/passwd.md": secret,
		"s/inside.md": "real.md",
		"s/dangle.md": "nowhere.md",
		"s/up.md":     "../../" + filepath.Base(outside) + "/passwd.md",
		"s/folder.md": ".",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()

	var warns []string
	done := make(chan struct{})
	var posts []*post.Post
	go func() {
		defer close(done)
		posts, err = source.Load(context.Background(), root.FS(), ".", source.Options{
			Warn: func(w post.Warning) { warns = append(warns, w.String()) },
		})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Load hung on a special file")
	}
	if err != nil {
		t.Errorf("Load: %v", err)
	}
	var titles []string
	for _, p := range posts {
		titles = append(titles, p.Title)
	}
	if got, want := strings.Join(titles, ","), "Good,Real,Real"; got != want {
		t.Errorf("posts = %s, want %s (the secret must never be read)", got, want)
	}
	for _, name := range []string{"p.md", "x.xml", "s/passwd.md", "s/dangle.md", "s/up.md", "s/folder.md"} {
		found := false
		for _, w := range warns {
			if strings.HasPrefix(w, name+": ") {
				found = true
			}
		}
		if !found {
			t.Errorf("no warning for %s; warnings: %q", name, warns)
		}
	}
}
