package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServe builds the sample, serves it on a loopback port and fetches
// the home page and the 404 page through HTTP.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := filepath.Join(t.TempDir(), "public")
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		code := run(ctx, []string{"-out", out, "-serve", "127.0.0.1:0"}, pw, io.Discard)
		pw.Close()
		done <- code
	}()

	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	sc := bufio.NewScanner(pr)
	base := ""
	for sc.Scan() {
		if m := addr.FindString(sc.Text()); m != "" {
			base = m
			break
		}
	}
	go io.Copy(io.Discard, pr) // keep run from blocking on stdout
	if base == "" {
		t.Fatalf("no address printed; run returned %d", <-done)
	}

	client := &http.Client{Timeout: 10 * time.Second}
	for path, want := range map[string]string{"": "The Slow Compile", "2022/06/lisbon-trams/": "Riding every tram line"} {
		resp, err := client.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("GET /%s: %s, body has %q: %v", path, resp.Status, want, strings.Contains(string(body), want))
		}
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("run = %d after the server stopped, want 0", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop when the context was cancelled")
	}
}

// TestDrafts checks that the sample's draft is left out unless -drafts.
func TestDrafts(t *testing.T) {
	const title = "Notes on a cast-iron pan"
	out, _, _ := buildSite(t, 0)
	if pageWithTitle(t, out, files(t, out), title) {
		t.Errorf("draft %q published without -drafts", title)
	}
	out, _, _ = buildSite(t, 0, "-drafts")
	if !pageWithTitle(t, out, files(t, out), title) {
		t.Errorf("draft %q missing with -drafts", title)
	}
}
