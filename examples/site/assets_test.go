package main

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func pngOf(t *testing.T, w, h int) string {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestAssets builds a blog with a page bundle image, a Jekyll-style
// /assets/ link, a static folder and a missing image: the files are
// where the pages link them, with their sizes on the <img> tags, and the
// missing one is one warning with its position.
func TestAssets(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"content/posts/trip/index.md": "---\ntitle: Harbour trip\ndate: 2024-05-04\n---\n" +
			"![Harbour](harbour.png)\n\n![Gone](gone.png)\n",
		"content/posts/trip/harbour.png":  pngOf(t, 64, 48),
		"content/posts/trip/notes.txt.gz": "not linked, but part of the bundle",
		"content/_posts/2024-03-02-map.md": "---\ntitle: The map\n---\n" +
			"Here is the map: ![Map](/assets/map.png)\n",
		"content/assets/map.png":    pngOf(t, 30, 20),
		"content/assets/unused.png": pngOf(t, 1, 1),
		"static/robots.txt":         "User-agent: *\n",
		"static/img/logo.png":       pngOf(t, 8, 8),
	})
	out := filepath.Join(dir, "public")
	args := []string{"-src", filepath.Join(dir, "content"), "-static", filepath.Join(dir, "static"), "-out", out}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr.String())
	}
	wantWarn := "warning: 1 missing file in 1 file; first: posts/trip/index.md:7:9: source: gone.png: no such file under the loaded folder\n"
	if got := stderr.String(); got != wantWarn {
		t.Errorf("stderr = %q, want %q", got, wantWarn)
	}
	for _, rel := range []string{"2024/05/trip/harbour.png", "2024/05/trip/notes.txt.gz", "assets/map.png", "robots.txt", "img/logo.png"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); err != nil {
			t.Errorf("%s: %v", rel, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "assets/unused.png")); err == nil {
		t.Errorf("a file no post links was copied")
	}
	page := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if p := page("2024/05/trip/index.html"); !strings.Contains(p, `<img src="harbour.png" alt="Harbour" width="64" height="48" decoding="async" />`) ||
		!strings.Contains(p, `<img src="gone.png" alt="Gone" loading="lazy" decoding="async" />`) {
		t.Errorf("trip page images:\n%s", p)
	}
	if p := page("2024/03/map/index.html"); !strings.Contains(p, `<img src="../../../assets/map.png" alt="Map" width="30" height="20" decoding="async" />`) {
		t.Errorf("map page image:\n%s", p)
	}

	// A second build copies nothing that has not changed.
	harbour := filepath.Join(out, "2024/05/trip/harbour.png")
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(harbour, old, old); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "content/posts/trip/harbour.png")
	if err := os.Chtimes(src, old.Add(-time.Hour), old.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("second build: exit status %d; stderr:\n%s", code, stderr.String())
	}
	if fi, err := os.Stat(harbour); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("an unchanged file was copied again (%v)", err)
	}
}
