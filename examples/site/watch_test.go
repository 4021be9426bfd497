package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeWatch runs the authoring loop end to end: serve a folder,
// listen for reloads as a page does, save an edit, and see the rebuild
// line, the reload event and the new page; then save a broken file and
// see the error over the last good page.
func TestServeWatch(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "src"), filepath.Join(dir, "public")
	os.MkdirAll(src, 0o755)
	post := filepath.Join(src, "tea.md")
	save := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save(post, "---\ntitle: Green tea\ndate: 2024-05-01\ntags: [tea]\n---\nSteep it for two minutes.\n")
	save(filepath.Join(src, "coffee.md"), "---\ntitle: Coffee\ndate: 2024-04-01\n---\nGrind it fine.\n")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-src", src, "-out", out, "-serve", "127.0.0.1:0"}, pw, io.Discard)
		pw.Close()
	}()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	wait := func(re string) string {
		t.Helper()
		m := regexp.MustCompile(re)
		timeout := time.After(20 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("output ended before %q", re)
				}
				if s := m.FindString(l); s != "" {
					return s
				}
			case <-timeout:
				t.Fatalf("no line matching %q", re)
			}
		}
	}
	base := wait(`http://127\.0\.0\.1:\d+/`)
	wait(`^watching `)

	client := &http.Client{Timeout: 20 * time.Second}
	events, err := client.Get(base + strings.TrimPrefix(eventsPath, "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	reloads := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(events.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") {
				reloads <- sc.Text()
			}
		}
	}()
	page := func() string {
		resp, err := client.Get(base + "2024/05/tea/")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if !strings.Contains(page(), "two minutes") {
		t.Fatal("the first build is not served")
	}
	time.Sleep(100 * time.Millisecond) // let the event stream subscribe

	save(post, "---\ntitle: Green tea\ndate: 2024-05-01\ntags: [tea]\n---\nSteep it for three minutes.\n")
	wait(`^rebuilt: 1 post changed, [1-9]\d* pages written, 0 removed in \d+ ms$`)
	select {
	case ev := <-reloads:
		if ev != "event: reload" {
			t.Errorf("event %q, want reload", ev)
		}
	case <-time.After(10 * time.Second):
		t.Error("no reload event after the rebuild")
	}
	if p := page(); !strings.Contains(p, "three minutes") || !strings.Contains(p, eventsPath) {
		t.Error("the edit is not served, or the page has no reload script")
	}
	data, _ := os.ReadFile(filepath.Join(out, "2024", "05", "tea", "index.html"))
	if strings.Contains(string(data), eventsPath) {
		t.Error("the reload script was written to disk")
	}

	save(post, "---\ntitle: [Green tea\n---\nbroken\n")
	wait(`^not rebuilt: `)
	if p := page(); !strings.Contains(p, "three minutes") || !strings.Contains(p, "folio-problem") {
		t.Error("a broken edit did not keep the last good page with the error over it")
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
}
