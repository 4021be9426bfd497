package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
)

// output is the part of inspect's report the tests look at.
type output struct {
	Posts []struct {
		Title  string `json:"title"`
		Date   string `json:"date"`
		Source struct {
			Path string `json:"path"`
		} `json:"source"`
	} `json:"posts"`
	Errors     []fileError      `json:"errors"`
	Warnings   []fileWarning    `json:"warnings"`
	Taxonomies map[string][]any `json:"taxonomies"`
	Archive    []any            `json:"archive"`
	Undated    *int             `json:"undated"`
}

func runInspect(t *testing.T, args ...string) (int, output, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	var out output
	if stdout.Len() > 0 {
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
		}
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(stdout.Bytes(), &keys); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"posts", "errors", "warnings", "taxonomies", "archive", "undated"} {
			if raw, ok := keys[k]; !ok || string(raw) == "null" {
				t.Errorf("output lacks %q or has it null", k)
			}
		}
	}
	return code, out, stderr.String()
}

func titles(out output) []string {
	var got []string
	for _, p := range out.Posts {
		got = append(got, p.Title)
	}
	return got
}

func TestFilesInDateOrder(t *testing.T) {
	code, out, stderr := runInspect(t, "testdata/blog/notes.txt", "testdata/blog/2017/spring-fair.txt", "testdata/blog/2017/winter-fair.txt")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	if diff := cmp.Diff([]string{"Winter Fair", "Spring Fair", "Undated Notes"}, titles(out)); diff != "" {
		t.Errorf("posts, oldest first and undated last (-want +got):\n%s", diff)
	}
	if *out.Undated != 1 || len(out.Errors) != 0 {
		t.Errorf("undated = %d, errors = %v; want 1 and none", *out.Undated, out.Errors)
	}
	for _, k := range []string{"categories", "tags", "authors"} {
		if out.Taxonomies[k] == nil {
			t.Errorf("taxonomies.%s missing or null", k)
		}
	}
}

func TestSomeFail(t *testing.T) {
	code, out, _ := runInspect(t, "testdata/blog/notes.txt", "testdata/bad-date.txt", "testdata/missing.txt")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if diff := cmp.Diff([]string{"Undated Notes"}, titles(out)); diff != "" {
		t.Errorf("the good post is still printed (-want +got):\n%s", diff)
	}
	if len(out.Errors) != 2 {
		t.Fatalf("errors = %+v, want two", out.Errors)
	}
	want := fileError{Path: "bad-date.txt", Line: 5, Column: 26,
		Message: `source: bad date "02/01/2017": day and month order is ambiguous (write 2006-01-02 or January 2, 2006)`}
	if diff := cmp.Diff(want, out.Errors[0]); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
	if out.Errors[1].Path != "testdata/missing.txt" || out.Errors[1].Message == "" {
		t.Errorf("missing file error = %+v", out.Errors[1])
	}
}

func TestFolder(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte("T\nbody\n")}}
	if _, err := source.Load(context.Background(), fsys, ".", source.Options{}); errors.Is(err, source.ErrUnsupported) {
		t.Skip("source.Load does not read text files yet")
	}
	code, out, stderr := runInspect(t, "testdata/blog")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	var paths []string
	for _, p := range out.Posts {
		paths = append(paths, p.Source.Path)
	}
	if diff := cmp.Diff([]string{"2017/winter-fair.txt", "2017/spring-fair.txt", "notes.txt"}, paths); diff != "" {
		t.Errorf("source paths (-want +got):\n%s", diff)
	}
}

func TestBadUsage(t *testing.T) {
	for name, args := range map[string][]string{
		"no paths":     nil,
		"unknown flag": {"-nope", "testdata/blog/notes.txt"},
		"bad location": {"-location", "Mars/Olympus_Mons", "testdata/blog/notes.txt"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := runInspect(t, args...)
			if code != 2 || stderr == "" {
				t.Errorf("exit %d with stderr %q, want 2 and a message", code, stderr)
			}
		})
	}
}

// Two posts with one slug: the newer gets -2, and the printed posts show it.
func TestDuplicateSlugsRenamed(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"testdata/dupes"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	var out struct {
		Posts []struct {
			Slug string `json:"slug"`
			Date string `json:"date"`
		} `json:"posts"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range out.Posts {
		got = append(got, p.Date[:4]+" "+p.Slug)
	}
	want := []string{"2019 market-day", "2021 market-day-2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("slugs (-want +got):\n%s", diff)
	}
}

// TestWarnings: a post kept with something ignored is printed, and the
// warning says where and what.
func TestWarnings(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "kept.md"), []byte("---\ntitle: Kept\nauthor:\n  name: Rui\n  shoe: 9\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runInspect(t, dir)
	if code != 0 {
		t.Fatalf("exit %d, want 0 (a warning is no failure); stderr:\n%s", code, stderr)
	}
	if diff := cmp.Diff([]string{"Kept"}, titles(out)); diff != "" {
		t.Errorf("posts (-want +got):\n%s", diff)
	}
	if len(out.Warnings) != 1 {
		t.Fatalf("warnings = %+v, want one", out.Warnings)
	}
	w := out.Warnings[0]
	if w.Path != "kept.md" || w.Line != 5 || w.Column != 3 || w.Kind != source.WarnUnknownKey || !strings.Contains(w.Message, "shoe") {
		t.Errorf("warning = %+v", w)
	}
}

// TestProtectedText: inspect prints a protected post without its text.
func TestProtectedText(t *testing.T) {
	dir := t.TempDir()
	export := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Vault</title><content:encoded><![CDATA[<p>Combination 7-7-3.</p>]]></content:encoded>
<wp:post_name>vault</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:post_password>tide</wp:post_password></item>
</channel></rss>
`
	if err := os.WriteFile(filepath.Join(dir, "export.xml"), []byte(export), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	if strings.Contains(out, "7-7-3") || strings.Contains(out, "tide") || !strings.Contains(out, `"protected": true`) || !strings.Contains(out, "Vault") {
		t.Errorf("output:\n%s", out)
	}
}
