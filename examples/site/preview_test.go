package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// previewFixture builds the sample into a folder, plants what the server
// must never hand out (a dotfile, a symlink out of the folder, a folder
// without index.html) and returns a handler serving it live.
func previewFixture(t *testing.T) (string, *handler) {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-out", out}, &stdout, &stderr); code != 0 {
		t.Fatal(stderr.String())
	}
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(out, ".env"), []byte("TOKEN=1"), 0o644)
	os.MkdirAll(filepath.Join(out, ".git"), 0o755)
	os.WriteFile(filepath.Join(out, ".git", "config"), []byte("[core]"), 0o644)
	os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(out, "secret.txt"))
	os.Symlink(dir, filepath.Join(out, "up"))
	addr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	return out, &handler{dir: out, hosts: allowedHosts("127.0.0.1:8080", addr), live: true, p: &preview{}}
}

func get(h http.Handler, host, path string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, "http://"+host+path, nil)
	req.Host = host
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPreviewServesOnlyTheSite(t *testing.T) {
	out, h := previewFixture(t)
	notFound, err := os.ReadFile(filepath.Join(out, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	const host = "127.0.0.1:8080"
	if rec := get(h, host, "/"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "The Slow Compile") {
		t.Errorf("GET /: %d", rec.Code)
	}
	for _, path := range []string{
		"/no-such-page/", "/.env", "/.git/config", "/.git/", "/.folio-manifest", "/.folio-lock",
		"/secret.txt", "/up/secret.txt", "/page/", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
	} {
		rec := get(h, host, path)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, rec.Code)
			continue
		}
		body := rec.Body.String()
		if !strings.Contains(body, "Page not found") || !strings.Contains(body, string(notFound[:40])) {
			t.Errorf("GET %s: 404 without the site's 404 page:\n%.200s", path, body)
		}
		if strings.Contains(body, "secret") || strings.Contains(body, "TOKEN") || strings.Contains(body, "[core]") {
			t.Errorf("GET %s leaked a file", path)
		}
	}
	// A folder asked for without its slash is sent to it.
	if rec := get(h, host, "/tags"); rec.Code != http.StatusMovedPermanently {
		t.Errorf("GET /tags: %d, want a redirect to /tags/", rec.Code)
	}
}

func TestPreviewHostCheck(t *testing.T) {
	_, h := previewFixture(t)
	for host, want := range map[string]int{
		"127.0.0.1:8080":          200,
		"localhost:8080":          200,
		"LOCALHOST:8080":          200,
		"evil.example:8080":       http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io:8080":   http.StatusMisdirectedRequest,
		"127.0.0.1:9999":          http.StatusMisdirectedRequest,
		"":                        http.StatusMisdirectedRequest,
		"attacker.test":           http.StatusMisdirectedRequest,
		"localhost.attacker:8080": http.StatusMisdirectedRequest,
	} {
		if rec := get(h, host, "/"); rec.Code != want {
			t.Errorf("Host %q: %d, want %d", host, rec.Code, want)
		}
	}
}

// TestLiveReloadScript: the script is added to pages as they are served
// while watching, and never written to disk.
func TestLiveReloadScript(t *testing.T) {
	out, h := previewFixture(t)
	for _, f := range walkFiles(t, out) {
		data, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(f)))
		if bytes.Contains(data, []byte(eventsPath)) {
			t.Errorf("%s holds the live reload script", f)
		}
	}
	rec := get(h, "127.0.0.1:8080", "/")
	if !strings.Contains(rec.Body.String(), eventsPath) {
		t.Error("the served home page has no live reload script")
	}
	if rec := get(h, "127.0.0.1:8080", "/style.css"); strings.Contains(rec.Body.String(), eventsPath) {
		t.Error("the stylesheet got the script")
	}
	h.p.problem = "posts/x.md:3:1: <bad> front matter"
	body := get(h, "127.0.0.1:8080", "/").Body.String()
	if !strings.Contains(body, "folio-problem") || !strings.Contains(body, "&lt;bad&gt;") {
		t.Error("the error overlay is missing or not escaped")
	}
	h.live = false
	if strings.Contains(get(h, "127.0.0.1:8080", "/").Body.String(), eventsPath) {
		t.Error("the script was added without watching")
	}
}
