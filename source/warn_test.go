package source_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/postfile"
	"github.com/folio-go/folio/source"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// parseWarn parses one Markdown file and returns the post and its
// warnings as "line:col kind".
func parseWarn(t *testing.T, name, in string) (*post.Post, []string) {
	t.Helper()
	var warns []string
	opt := source.Options{Warn: func(w post.Warning) {
		if w.Path != name {
			t.Errorf("warning path %q, want %q", w.Path, name)
		}
		warns = append(warns, fmt.Sprintf("%d:%d %s", w.Line, w.Column, w.Kind))
	}}
	p, err := source.ParseMarkdown(name, []byte(in), opt)
	if err != nil {
		t.Fatalf("ParseMarkdown: %v, want the post kept", err)
	}
	return p, warns
}

// TestParseMarkdownKeepsPost: values the model cannot hold, in whole or in
// part, keep the post; the field reads what it can, the value as written
// stays in Params, and a warning says where.
func TestParseMarkdownKeepsPost(t *testing.T) {
	tests := []struct {
		name, in string
		warns    []string
		check    func(*post.Post) string
	}{
		{
			"author map with link and twitter",
			"---\ntitle: T\nauthor:\n  name: Ines Park\n  link: https://ines.example\n  twitter: ipark\n---\nx\n",
			nil, // known synonyms: no warning
			func(p *post.Post) string {
				want := []post.Author{{Name: "Ines Park", Slug: "ines-park", URL: "https://ines.example"}}
				if d := cmp.Diff(want, p.Authors); d != "" {
					return d
				}
				m, _ := p.Params["author"].(map[string]any)
				if m["twitter"] != "ipark" {
					return fmt.Sprintf("params[author] = %v, want the whole value kept", p.Params["author"])
				}
				return ""
			},
		},
		{
			"author with an unknown key",
			"---\nauthors:\n- name: Ola\n  website: https://ola.example\n  shoe_size: 42\n- Bo\n---\n",
			[]string{"5:3 unknown key"},
			func(p *post.Post) string {
				if len(p.Authors) != 2 || p.Authors[0].URL != "https://ola.example" || p.Authors[1].Name != "Bo" {
					return fmt.Sprint("authors ", p.Authors)
				}
				if _, ok := p.Params["authors_as_written"]; !ok {
					return "params lost the authors value"
				}
				return ""
			},
		},
		{
			"title is a mapping",
			"---\ntitle:\n  en: Hello\n  fr: Bonjour\ntags: [a]\n---\n",
			[]string{"3:3 unexpected value"},
			func(p *post.Post) string {
				if p.Title != "" || len(p.Tags) != 1 || p.Params["title_as_written"] == nil {
					return fmt.Sprintf("title %q tags %v params %v", p.Title, p.Tags, p.Params)
				}
				return ""
			},
		},
		{
			"title is a number",
			"---\ntitle: 1984\n---\n",
			nil,
			func(p *post.Post) string {
				if p.Title != "1984" {
					return "title " + p.Title
				}
				return ""
			},
		},
		{
			"tags as a list of maps with other keys",
			"---\ntags:\n- name: go\n  colour: blue\n- label: rust\n- {id: 3}\n---\n",
			[]string{"4:3 unknown key", "6:4 unknown key", "6:3 unexpected value"},
			func(p *post.Post) string {
				want := []post.Term{{Name: "go", Slug: "go"}, {Name: "rust", Slug: "rust"}}
				return cmp.Diff(want, p.Tags)
			},
		},
		{
			"bad date",
			"---\ntitle: x\ndate: 2023-13-01\n---\n",
			[]string{"3:7 bad date"},
			func(p *post.Post) string {
				if !p.Date.IsZero() || p.Params["date_as_written"] != "2023-13-01" {
					return fmt.Sprintf("date %v params %v", p.Date, p.Params)
				}
				return ""
			},
		},
		{
			"bad date in TOML",
			"+++\ntitle = \"x\"\n  lastmod = \"yesterday\"\n+++\n",
			[]string{"3:3 bad date"},
			func(p *post.Post) string { return "" },
		},
		{
			"unknown status is a draft",
			"---\nstatus: maybe\n---\n",
			[]string{"2:9 unexpected value"},
			func(p *post.Post) string {
				if p.Status != post.Draft {
					return "status " + string(p.Status)
				}
				return ""
			},
		},
		{
			"draft not a bool is a draft",
			"---\ndraft: perhaps\n---\n",
			[]string{"2:8 unexpected value"},
			func(p *post.Post) string {
				if p.Status != post.Draft {
					return "status " + string(p.Status)
				}
				return ""
			},
		},
		{
			"published false",
			"---\npublished: false\n---\n",
			nil,
			func(p *post.Post) string {
				if p.Status != post.Draft {
					return "status " + string(p.Status)
				}
				return ""
			},
		},
		{
			"citation map",
			"---\nsources:\n- {name: Wire, href: https://wire.example, note: x}\n---\n",
			[]string{"3:44 unknown key"},
			func(p *post.Post) string {
				want := []post.Citation{{Source: "Wire", URL: "https://wire.example"}}
				return cmp.Diff(want, p.Citations)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, warns := parseWarn(t, "a.md", tt.in)
			if d := cmp.Diff(tt.warns, warns); d != "" {
				t.Errorf("warnings (-want +got):\n%s", d)
			}
			if msg := tt.check(p); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// FuzzFrontMatterMapping adds keys of random shapes, at the top level and
// inside the known fields, to a good post: the post must survive with its
// title, and every known field must keep what it could read.
func FuzzFrontMatterMapping(f *testing.F) {
	f.Add(uint64(1), uint8(3))
	f.Add(uint64(42), uint8(9))
	f.Add(uint64(7), uint8(0))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		r := rand.New(rand.NewPCG(seed, seed>>7))
		shapes := []string{
			`x`, `42`, `true`, `null`, `[a, b]`, `{k: v}`, `[{k: v}, 3]`, `"quoted: yes"`,
			`2021-02-03`, `[[a], [b]]`, `{name: n, extra: [1]}`,
		}
		shape := func() string { return shapes[r.IntN(len(shapes))] }
		keys := []string{"link", "colour", "twitter", "avatar", "name", "url", "slug", "weird_key", "title", "parent", "source", "bio"}
		var b strings.Builder
		b.WriteString("---\ntitle: Kept\n")
		fields := []string{"author", "tags", "categories", "citations", "date", "summary", "slug", "draft", "status", "series", "lastmod", "by"}
		for i := 0; i < int(n%12); i++ {
			key := fields[r.IntN(len(fields))]
			if strings.Contains(b.String(), "\n"+key+":") {
				continue
			}
			if r.IntN(2) == 0 {
				fmt.Fprintf(&b, "%s: %s\n", key, shape())
				continue
			}
			fmt.Fprintf(&b, "%s:\n- name: someone\n", key)
			used := map[string]bool{"name": true}
			for j := 0; j < 1+r.IntN(3); j++ {
				k := keys[r.IntN(len(keys))]
				if used[k] {
					continue
				}
				used[k] = true
				fmt.Fprintf(&b, "  %s: %s\n", k, shape())
			}
		}
		fmt.Fprintf(&b, "extra_%d: %s\n---\nBody.\n", r.IntN(100), shape())
		in := b.String()
		var warns int
		p, err := source.ParseMarkdown("f.md", []byte(in), source.Options{Taxonomies: []string{"series"}, Warn: func(post.Warning) { warns++ }})
		if err != nil {
			t.Fatalf("post lost: %v\n%s", err, in)
		}
		if p.Title != "Kept" || p.Body.Text != "Body.\n" || p.Slug == "" {
			t.Fatalf("post changed: title %q body %q slug %q\n%s", p.Title, p.Body.Text, p.Slug, in)
		}
		for _, a := range p.Authors {
			if a.Name == "" {
				t.Errorf("author without a name: %+v\n%s", a, in)
			}
		}
		for _, tm := range append(p.Tags, p.Categories...) {
			if tm.Name == "" || tm.Slug == "" {
				t.Errorf("term without a name or slug: %+v\n%s", tm, in)
			}
		}
		// What was kept is kept on writing too.
		var buf bytes.Buffer
		if err := postfile.Markdown(&buf, p); err != nil {
			return // a value YAML cannot hold back; postfile.Markdown says so
		}
		back, err := source.ParseMarkdown("f.md", buf.Bytes(), source.Options{Taxonomies: []string{"series"}})
		if err != nil {
			t.Fatalf("reading postfile.Markdown's output: %v\n%s", err, buf.String())
		}
		if diff := cmp.Diff(p, back, cmpopts.IgnoreFields(post.Post{}, "Source")); diff != "" {
			t.Errorf("write and read back (-want +got):\n%s\n%s\nfrom:\n%s", diff, buf.String(), in)
		}
	})
}

// TestLoadSetWarns: LoadSet and Reload report the warnings Load would.
func TestLoadSetWarns(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: A\nauthor: {name: Al, shoe: 9}\n---\n")},
		"b.md": {Data: []byte("---\ntitle: B\ndate: soon\n---\n")},
	}
	var got []string
	opt := source.Options{Warn: func(w post.Warning) { got = append(got, w.Path+" "+w.Kind) }}
	set, err := source.LoadSet(context.Background(), fsys, ".", opt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a.md unknown key", "b.md bad date"}, got); diff != "" {
		t.Errorf("LoadSet warnings (-want +got):\n%s", diff)
	}
	got = nil
	if _, err := set.Reload(context.Background(), "b.md"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"b.md bad date"}, got); diff != "" {
		t.Errorf("Reload warnings (-want +got):\n%s", diff)
	}
}
