package markup

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/google/go-cmp/cmp"
)

// goldenDialects maps each testdata folder to the dialect of its inputs;
// a wordpress input named blocks-* is a block-editor body.
var goldenDialects = map[string]post.Dialect{
	"wordpress": post.WordPress,
	"hugo":      post.Hugo,
	"liquid":    post.Liquid,
	"goblog":    post.GoBlog,
}

// samplePost is the post every golden input belongs to.
func samplePost(name string) *post.Post {
	return &post.Post{
		ID:      "7",
		Title:   "Relaunching Petrel",
		Slug:    "relaunching-petrel",
		Date:    time.Date(2024, 5, 6, 18, 30, 0, 0, time.UTC),
		Authors: []post.Author{{Name: "Maren Holt"}},
		Params: map[string]any{
			"boat":       "Petrel",
			"crew":       map[string]any{"skipper": "Tomas"},
			"wp_post_id": 7,
		},
		Source: post.Source{Path: "posts/" + name + ".md", BodyLine: 4},
		Attachments: []post.Attachment{
			{ID: "41", URL: "https://harbour.example.org/bow.jpg", Alt: "The bow", Caption: "New <em>paint</em>", MimeType: "image/jpeg", Width: 800, Height: 600, Parent: "7"},
			{ID: "42", URL: "https://harbour.example.org/stern.jpg", Alt: "", MimeType: "image/jpeg", Parent: "7"},
			{ID: "51", URL: "https://harbour.example.org/shanty.mp3", Title: "Harbour shanty", MimeType: "audio/mpeg", Parent: "7"},
			{ID: "52", URL: "https://harbour.example.org/bell.ogg", MimeType: "audio/ogg"},
		},
	}
}

// sampleOptions resolves the sample posts' names and reads testdata/files.
func sampleOptions(warn func(post.Warning)) ExpandOptions {
	refs := map[string]string{
		"relaunch.md":                        "/2024/05/relaunch/",
		"posts/rigging-notes":                "/2024/03/rigging-notes/",
		"_posts/2024-03-01-rigging-notes.md": "/2024/03/rigging-notes/",
		"2024-05-06-relaunch":                "/2024/05/relaunch/",
	}
	return ExpandOptions{
		Resolve: func(ref string, from *post.Post) (string, bool) {
			ref, frag, _ := strings.Cut(ref, "#")
			u, ok := refs[strings.TrimPrefix(ref, "/")]
			if ok && frag != "" {
				u += "#" + frag
			}
			return u, ok
		},
		ReadFile: func(name string) ([]byte, error) {
			return os.ReadFile(filepath.Join("testdata", "files", filepath.FromSlash(path.Clean(name))))
		},
		Site: Site{URL: "https://harbour.example.org", BaseURL: "/club", Title: "Harbour Club"},
		Warn: warn,
	}
}

// expandReport is what a golden file holds: the expanded source, the
// same with its HTML filled in, and the warnings.
func expandReport(t *testing.T, d post.Dialect, name, in string) string {
	t.Helper()
	var mu sync.Mutex
	var warns []string
	opt := sampleOptions(func(w post.Warning) {
		mu.Lock()
		warns = append(warns, w.String()+" ["+w.Kind+"]")
		mu.Unlock()
	})
	format := post.Markdown
	if d == post.WordPress || d == post.WordPressBlocks {
		format = post.HTML
	}
	e := Expand(samplePost(name), post.Body{Format: format, Text: in, Dialect: d}, opt)
	var b strings.Builder
	b.WriteString("-- expanded --\n" + e.Body.Text)
	b.WriteString("\n-- filled --\n" + e.Fill(e.Body.Text))
	b.WriteString("\n-- warnings --\n")
	for _, w := range warns {
		b.WriteString(w + "\n")
	}
	return b.String()
}

// TestExpandGolden expands every testdata/DIALECT/NAME.input and
// compares the result with NAME.golden (rewrite with -update).
func TestExpandGolden(t *testing.T) {
	for dir, d := range goldenDialects {
		inputs, err := filepath.Glob(filepath.Join("testdata", dir, "*.input"))
		if err != nil || len(inputs) == 0 {
			t.Fatalf("no inputs in testdata/%s: %v", dir, err)
		}
		for _, in := range inputs {
			name := strings.TrimSuffix(filepath.Base(in), ".input")
			t.Run(dir+"/"+name, func(t *testing.T) {
				data, err := os.ReadFile(in)
				if err != nil {
					t.Fatal(err)
				}
				dd := d
				if strings.HasPrefix(name, "blocks-") {
					dd = post.WordPressBlocks
				}
				got := expandReport(t, dd, name, string(data))
				golden := strings.TrimSuffix(in, ".input") + ".golden"
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if diff := cmp.Diff(string(want), got); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
				// Expanding is deterministic.
				if again := expandReport(t, dd, name, string(data)); again != got {
					t.Error("a second expansion differs from the first")
				}
			})
		}
	}
}
