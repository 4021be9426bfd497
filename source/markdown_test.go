package source_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// mdUpdate reports whether -update was given (the flag is defined once,
// in the package's internal test files).
func mdUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// mdOptions are the options of the Markdown golden tests: "series" is a
// custom taxonomy.
var mdOptions = source.Options{Taxonomies: []string{"series"}}

// markdownInputs lists the input files under testdata/markdown, as paths
// relative to it (so that slugs see bundle folders and Jekyll names).
func markdownInputs(t testing.TB) []string {
	t.Helper()
	var names []string
	err := fs.WalkDir(os.DirFS("testdata/markdown"), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".err") {
			return err
		}
		names = append(names, name)
		return nil
	})
	if err != nil || len(names) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	return names
}

// dumpPost is the golden form of a post: every field of post.Post, dates
// in RFC 3339 with the zone they carry.
func dumpPost(t testing.TB, p *post.Post) []byte {
	t.Helper()
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// TestParseMarkdownGolden parses each file under testdata/markdown and
// compares every field of the post with x.json (or the error with x.err).
func TestParseMarkdownGolden(t *testing.T) {
	for _, name := range markdownInputs(t) {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("testdata/markdown", filepath.FromSlash(name))
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := source.ParseMarkdown(name, data, mdOptions)
			got, ext := []byte(nil), ".json"
			if err != nil {
				got, ext = []byte(err.Error()+"\n"), ".err"
			} else {
				got = dumpPost(t, p)
			}
			golden := strings.TrimSuffix(file, path.Ext(file)) + ext
			if mdUpdate() {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("ParseMarkdown(%s) mismatch (-want +got):\n%s", name, diff)
			}
		})
	}
}

// TestMarkdownRoundTrip writes every golden post with postfile.Markdown
// and reads it back: the post must be equal, Source aside.
func TestMarkdownRoundTrip(t *testing.T) {
	for _, name := range markdownInputs(t) {
		data, err := os.ReadFile(filepath.Join("testdata/markdown", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		p, err := source.ParseMarkdown(name, data, mdOptions)
		if err != nil {
			continue
		}
		checkRoundTrip(t, name, p, mdOptions)
	}
}

// roundTripOpts compares posts the way a round trip promises: Source
// aside, times by instant (cmp uses time.Time.Equal), NaN equal to NaN.
var roundTripOpts = []cmp.Option{
	cmpopts.IgnoreFields(post.Post{}, "Source"),
	cmpopts.EquateNaNs(),
}

func checkRoundTrip(t *testing.T, name string, p *post.Post, opt source.Options) {
	t.Helper()
	var buf bytes.Buffer
	if err := postfile.Markdown(&buf, p); err != nil {
		t.Fatalf("%s: postfile.Markdown: %v", name, err)
	}
	back, err := source.ParseMarkdown("round-trip.md", buf.Bytes(), opt)
	if err != nil {
		t.Fatalf("%s: reading back:\n%s\nerror: %v", name, buf.String(), err)
	}
	if diff := cmp.Diff(p, back, roundTripOpts...); diff != "" {
		t.Errorf("%s: round trip mismatch (-want +got):\n%s\nfile:\n%s", name, diff, buf.String())
	}
	// The zone as written survives too, not only the instant.
	for _, pair := range [][2]time.Time{{p.Date, back.Date}, {p.Updated, back.Updated}, {p.Expiry, back.Expiry}} {
		_, o1 := pair[0].Zone()
		_, o2 := pair[1].Zone()
		if o1 != o2 {
			t.Errorf("%s: zone offset %d read back as %d", name, o1, o2)
		}
	}
}

// TestParseMarkdownErrors checks that bad input gives a *source.Error at
// the right place in the file, wrapping the right sentinel.
func TestParseMarkdownErrors(t *testing.T) {
	tests := []struct {
		name, path, in string
		line, col      int
		want           error
	}{
		{"unclosed YAML", "a.md", "\n---\ntitle: x\n", 2, 1, source.ErrFrontMatter},
		{"YAML syntax, after blank lines", "a.md", "\n\n---\ntitle: ok\ntags: [a, b\n---\n", 5, 7, source.ErrFrontMatter},
		{"YAML not a mapping", "a.md", "---\n- a\n- b\n---\n", 2, 1, source.ErrFrontMatter},
		{"TOML syntax", "a.md", "+++\ntitle = \"x\"\ndate = = 3\n+++\n", 3, 8, source.ErrFrontMatter},
		{"JSON syntax", "a.md", "{\n  \"title\": \"x\",\n  \"date\": nope\n}\n", 3, 12, source.ErrFrontMatter},
		{"JSON unclosed", "a.md", "{\"title\": \"x\"\n", 2, 1, source.ErrFrontMatter},
		{"bad UTF-8", "a.md", "---\ntitle: caf\xe9\n---\n", 2, 11, source.ErrEncoding},
		{"HTML without front matter", "a.html", "<p>hi</p>\n", 0, 0, source.ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := source.ParseMarkdown(tt.path, []byte(tt.in), source.Options{})
			if err == nil {
				t.Fatalf("ParseMarkdown = %+v, want an error", p)
			}
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v (%T) is not a *source.Error", err, err)
			}
			got := fmt.Sprintf("%s:%d:%d", se.Path, se.Line, se.Column)
			want := fmt.Sprintf("%s:%d:%d", tt.path, tt.line, tt.col)
			if got != want || !errors.Is(err, tt.want) {
				t.Errorf("error %q at %s, want %s wrapping %v", err, got, want, tt.want)
			}
			if !strings.Contains(err.Error(), "source: ") {
				t.Errorf("error %q does not name the package", err)
			}
		})
	}
}

// TestParseMarkdownFields checks the key mapping rules one by one.
func TestParseMarkdownFields(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EST", -5*3600)
	}
	tests := []struct {
		name, path, in string
		opt            source.Options
		check          func(t *testing.T, p *post.Post)
	}{
		{"date beats publishDate whatever the order", "a.md", "---\npublishDate: 2001-01-01\ndate: 2002-02-02\n---\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Date.Year() != 2002 || p.Params["publishDate"] != "2001-01-01" {
					t.Errorf("Date %v, Params %v", p.Date, p.Params)
				}
			}},
		{"published as a date", "a.md", "---\npublished: 2003-03-03\n---\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Date.Year() != 2003 || p.Status != post.Published {
					t.Errorf("Date %v, Status %v", p.Date, p.Status)
				}
			}},
		{"no zone takes the location", "a.md", "---\ndate: 2004-04-04 12:00\n---\n", source.Options{Location: ny},
			func(t *testing.T, p *post.Post) {
				if p.Date.Location() != ny || p.Date.Hour() != 12 {
					t.Errorf("Date %v in %v", p.Date, p.Date.Location())
				}
			}},
		{"a written zone is kept", "a.md", "---\ndate: 2004-04-04T12:00:00+09:30\n---\n", source.Options{Location: ny},
			func(t *testing.T, p *post.Post) {
				if _, off := p.Date.Zone(); off != 9*3600+1800 || p.Date.Hour() != 12 {
					t.Errorf("Date %v", p.Date)
				}
			}},
		{"singular category keeps its spaces", "a.md", "---\ncategory: big news\n---\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				want := []post.Term{{Name: "big news", Slug: "big-news"}}
				if diff := cmp.Diff(want, p.Categories); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			}},
		{"keys are matched without case", "a.md", "---\nTitle: Big\nTAGS: [x]\n---\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Title != "Big" || len(p.Tags) != 1 || p.Params != nil {
					t.Errorf("Title %q, Tags %v, Params %v", p.Title, p.Tags, p.Params)
				}
			}},
		{"custom taxonomy only when asked", "a.md", "---\nseries: One Two\n---\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Taxonomies != nil || p.Params["series"] != "One Two" {
					t.Errorf("Taxonomies %v, Params %v", p.Taxonomies, p.Params)
				}
			}},
		{"Jekyll date prefix and a front-matter date", "2001-02-03-name.md", "---\ndate: 2009-09-09\n---\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Slug != "name" || p.Date.Year() != 2009 {
					t.Errorf("Slug %q, Date %v", p.Slug, p.Date)
				}
			}},
		{"an invalid Jekyll date is part of the name", "2001-02-30-name.md", "---\n---\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Slug != "2001-02-30-name" || !p.Date.IsZero() {
					t.Errorf("Slug %q, Date %v", p.Slug, p.Date)
				}
			}},
		{"a root index.md takes the title's slug", "index.md", "---\ntitle: Home Page\n---\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Slug != "home-page" {
					t.Errorf("Slug %q", p.Slug)
				}
			}},
		{"empty file", "a.md", "", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Slug != "a" || p.Body.Text != "" || p.Status != post.Published {
					t.Errorf("%+v", p)
				}
			}},
		{"empty front matter", "a.md", "---\n---\nbody\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Body.Text != "body\n" || p.Params != nil {
					t.Errorf("%+v", p)
				}
			}},
		{"YAML closed by ...", "a.md", "---\ntitle: dots\n...\nbody\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if p.Title != "dots" || p.Body.Text != "body\n" {
					t.Errorf("%+v", p)
				}
			}},
		{"aliases are followed", "a.md", "---\nx: &t [a, b]\ntags: *t\n---\n", source.Options{},
			func(t *testing.T, p *post.Post) {
				if len(p.Tags) != 2 {
					t.Errorf("Tags %v", p.Tags)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := source.ParseMarkdown(tt.path, []byte(tt.in), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, p)
		})
	}
}

// TestParseMarkdownAliasBomb checks that YAML aliases cannot expand
// without bound.
func TestParseMarkdownAliasBomb(t *testing.T) {
	in := "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := 0; i < 8; i++ {
		name := fmt.Sprintf("b%d", i)
		in += fmt.Sprintf("%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	in += "---\n"
	if _, err := source.ParseMarkdown("bomb.md", []byte(in), source.Options{}); !errors.Is(err, source.ErrFrontMatter) {
		t.Errorf("err = %v, want ErrFrontMatter", err)
	}
}

// FuzzParseMarkdown checks that no input panics, and that whatever parses
// and postfile.Markdown can write reads back equal.
func FuzzParseMarkdown(f *testing.F) {
	for _, name := range markdownInputs(f) {
		data, err := os.ReadFile(filepath.Join("testdata/markdown", filepath.FromSlash(name)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(path.Base(name), data)
	}
	f.Add("x.md", []byte("{\"title\": 1}\nbody"))
	f.Add("x.md", []byte("+++\ntags = [1, 2.5, true]\n+++\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		name = path.Base("/" + name)
		p, err := source.ParseMarkdown(name, data, mdOptions)
		if err != nil {
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v (%T) is not a *source.Error", err, err)
			}
			return
		}
		if p.Slug == "" || strings.ContainsAny(p.Slug, `/\`) || strings.Contains(p.Slug, "..") {
			t.Fatalf("unsafe slug %q", p.Slug)
		}
		var buf bytes.Buffer
		if postfile.Markdown(&buf, p) != nil {
			return // something the writer refuses, such as a year past 9999
		}
		checkRoundTrip(t, name, p, mdOptions)
	})
}

// BenchmarkParseMarkdown parses a typical YAML front-matter post.
func BenchmarkParseMarkdown(b *testing.B) {
	data := generatedPost(1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := source.ParseMarkdown("2020-01-02-post-1.md", data, source.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// generatedPost is an invented post of about 2 KB with typical front
// matter, varied by i.
func generatedPost(i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Generated post number %d\"\n", i)
	fmt.Fprintf(&b, "date: 20%02d-%02d-%02d 10:%02d:00 -0700\n", 10+i%15, 1+i%12, 1+i%28, i%60)
	fmt.Fprintf(&b, "author: writer%d\ncategories: [topic%d, general]\n", i%7, i%13)
	fmt.Fprintf(&b, "tags:\n- tag%d\n- tag%d\n- common\n", i%50, i%31)
	fmt.Fprintf(&b, "summary: A short summary of post %d.\nweight: %d\n---\n\n", i, i)
	for para := 0; para < 6; para++ {
		fmt.Fprintf(&b, "Paragraph %d of post %d has some words in it, with *emphasis*, a [link](https://example.com/%d), and `code`. ", para, i, para)
		b.WriteString("It goes on for a while so that the body is the size of a real post.\n\n")
	}
	b.WriteString("```go\nfunc main() {}\n```\n")
	return []byte(b.String())
}
