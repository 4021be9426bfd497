package source

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

func assetTree() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"posts/trip/index.md":        file("---\ntitle: Trip\n---\n![Harbour](harbour.jpg)\n\n![Gone](missing.png)\n"),
		"posts/trip/harbour.jpg":     file("jpg"),
		"posts/trip/extra/notes.pdf": file("pdf"),
		"posts/trip/other.md":        file("---\ntitle: Not an asset\n---\n"),
		"_posts/2021-01-02-map.md": file("---\ntitle: Map\n---\nSee [the map](/assets/map.png \"Map\"), " +
			"<img src=\"{{ site.baseurl }}/assets/x.png\"> and <img srcset=\"/assets/a.png 1x, /assets/b.png 2x\">.\n" +
			"[ref]: ../assets/doc.pdf\n[web](https://example.org/a.png) [mail](mailto:a@b) [page](/about/) [up](/../../etc/passwd)\n"),
		"assets/map.png":     file("png"),
		"assets/a.png":       file("png"),
		"assets/doc.pdf":     file("pdf"),
		"assets/.hidden":     file("x"),
		"pipelines.md":       file("---\ntitle: Pipelines\n---\n{{image \"pipelines/fig1.svg\"}}\n"),
		"pipelines/fig1.svg": file("<svg/>"),
		"pipelines/main.go":  file("package main"),
	}
}

func TestFindAssets(t *testing.T) {
	posts, err := Load(context.Background(), assetTree(), ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]post.Asset{}
	for _, p := range posts {
		got[p.Source.Path] = p.Assets
	}
	want := map[string][]post.Asset{
		"_posts/2021-01-02-map.md": {
			{Path: "assets/map.png", Link: "/assets/map.png"},
			{Path: "assets/a.png", Link: "/assets/a.png"},
			{Path: "assets/doc.pdf", Link: "../assets/doc.pdf"},
		},
		"pipelines.md": {
			{Path: "pipelines/fig1.svg", Link: "pipelines/fig1.svg"},
			{Path: "pipelines/main.go"},
		},
		"posts/trip/index.md": {
			{Path: "posts/trip/harbour.jpg", Link: "harbour.jpg"},
			{Path: "posts/trip/extra/notes.pdf"},
		},
		"posts/trip/other.md": nil,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Assets (-want +got):\n%s", diff)
	}
}

func TestFindAssetsWarnsForMissingFiles(t *testing.T) {
	fsys := assetTree()
	posts, err := Load(context.Background(), fsys, ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range posts {
		p.Assets = nil
	}
	var got []string
	if err := FindAssets(context.Background(), fsys, ".", posts, func(w post.Warning) { got = append(got, w.String()) }); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"_posts/2021-01-02-map.md:4:67: source: /assets/x.png: no such file under the loaded folder",
		"_posts/2021-01-02-map.md:4:118: source: /assets/b.png: no such file under the loaded folder",
		"posts/trip/index.md:6:9: source: missing.png: no such file under the loaded folder",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

func FuzzBodyLinks(f *testing.F) {
	f.Add("![a](b.png) <img srcset=\"a.png 1x, b.png 2x\"> {{image \"x/y.svg\"}}")
	f.Add("[r]: <c.png>\n.image d.jpg _ 300\n{{ '/e.png' | relative_url }}")
	f.Fuzz(func(t *testing.T, body string) {
		for _, l := range bodyLinks(body) {
			if rel, ok := resolveLink("posts", l); ok && (rel == ".." || len(rel) > 2 && rel[:3] == "../" || rel[0] == '/') {
				t.Errorf("resolveLink(%q) = %q leaves the root", l, rel)
			}
		}
	})
}
