package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFeeds writes the embedded posts' feeds and checks that each parses
// and lists both posts, newest first.
func TestFeeds(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-out", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("run = %d; stderr:\n%s", code, stderr.String())
	}
	want := []string{"A walk on the longest day", "The spring timetable is out"}

	var rss struct {
		Items []struct {
			Title string `xml:"title"`
		} `xml:"channel>item"`
	}
	decodeXML(t, filepath.Join(dir, "index.xml"), &rss)
	var got []string
	for _, it := range rss.Items {
		got = append(got, it.Title)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RSS titles (-want +got):\n%s", diff)
	}

	var atom struct {
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	decodeXML(t, filepath.Join(dir, "atom.xml"), &atom)
	got = nil
	for _, e := range atom.Entries {
		got = append(got, e.Title)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Atom titles (-want +got):\n%s", diff)
	}

	data, err := os.ReadFile(filepath.Join(dir, "feed.json"))
	if err != nil {
		t.Fatal(err)
	}
	var jf struct {
		Version string `json:"version"`
		Items   []struct {
			Title string `json:"title"`
		} `json:"items"`
	}
	if err := json.Unmarshal(data, &jf); err != nil {
		t.Fatalf("feed.json: %v", err)
	}
	got = nil
	for _, it := range jf.Items {
		got = append(got, it.Title)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON Feed titles (-want +got):\n%s", diff)
	}
	if jf.Version != "https://jsonfeed.org/version/1.1" {
		t.Errorf("JSON Feed version = %q", jf.Version)
	}
}

func TestBadUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-nope"}, &stdout, &stderr); code != 2 {
		t.Errorf("run(-nope) = %d, want 2", code)
	}
}

func decodeXML(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}
