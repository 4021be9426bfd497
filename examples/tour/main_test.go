package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestTourWritesEveryPage(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-src", "../site/content", "-out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, &stderr)
	}
	files := 0
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "wrote " + plural(files, "file") + " to " + out + "\n"; !strings.HasSuffix(stdout.String(), want) {
		t.Errorf("stdout ends %q, want %q", lastLine(stdout.String()), want)
	}
	if files < 20 {
		t.Errorf("wrote %d files; the sample has more pages than that", files)
	}
	if _, err := os.Stat(filepath.Join(out, "atom.xml")); err != nil {
		t.Error(err)
	}
	if m := regexp.MustCompile(`\b1 posts\b`).FindString(stdout.String()); m != "" {
		t.Errorf("stdout says %q:\n%s", m, &stdout)
	}
}

func lastLine(s string) string {
	s = strings.TrimSuffix(s, "\n")
	return s[strings.LastIndex(s, "\n")+1:]
}

// TestEdited checks the README's "Keeping a site up to date" code: an
// edit that changes nothing rewrites nothing, and a removed post's page
// goes.
func TestEdited(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-src", "../site/content", "-out", t.TempDir(), "-edited", "posts/cast-iron-notes.md"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, &stderr)
	}
	if want := "an edit of posts/cast-iron-notes.md rewrites 0 pages and removes 0 files\n"; !strings.HasSuffix(stdout.String(), want) {
		t.Errorf("stdout ends %q, want %q", lastLine(stdout.String()), want)
	}
	src := fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: A\ndate: 2024-01-01\n---\nOne.\n")},
		"b.md": {Data: []byte("---\ntitle: B\ndate: 2024-01-02\n---\nTwo.\n")},
	}
	ch, err := keepUpToDate(context.Background(), src, "a.md")
	if err != nil || len(ch.Write) != 0 || len(ch.Remove) != 0 {
		t.Errorf("unchanged file: %d to write, %d to remove, err %v; want none", len(ch.Write), len(ch.Remove), err)
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 posts", 1: "1 post", 2: "2 posts"} {
		if got := plural(n, "post"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestTxtPrintsJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-txt", "../site/content/text/001_7c1e04a2.txt"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, &stderr)
	}
	if !strings.HasPrefix(stdout.String(), "{\n  \"title\": ") {
		t.Errorf("stdout is not a post's JSON:\n%s", &stdout)
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"-txt", "testdata/missing.txt"}, &stdout, &stderr); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-h"}, &stdout, &stderr); code != 0 {
		t.Errorf("-h: exit %d, want 0", code)
	}
	help := stderr.String()
	for _, want := range []string{"usage: tour ", "-src folder", "-out folder", "-txt file", "-edited file", "Examples:\n  go run ./examples/tour "} {
		if !strings.Contains(help, want) {
			t.Errorf("-h lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "go-build") || strings.Contains(help, os.Args[0]) {
		t.Errorf("-h names a temporary path:\n%s", help)
	}
	if code := run([]string{"-nope"}, &stdout, &stderr); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
}

// TestREADMESnippets checks that every Go snippet of the README is a piece
// of this program, so that each compiles as written. Indentation and blank
// lines do not count.
func TestREADMESnippets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	code := normalize(string(src))
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) == 0 {
		t.Fatal("README has no Go snippet")
	}
	for _, b := range blocks {
		if !strings.Contains(code, normalize(b[1])) {
			t.Errorf("README snippet is not in examples/tour/main.go; copy it from there:\n%s", b[1])
		}
	}
}

func normalize(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		// gofmt aligns comments with spaces; how many does not matter.
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			out = append(out, line)
		}
	}
	return "\n" + strings.Join(out, "\n") + "\n"
}
