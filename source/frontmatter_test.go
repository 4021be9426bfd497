package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// dumpValue renders an fmValue for comparison. A null's position is left
// out: yaml.v3 places an empty value wherever its next token happens to be.
func dumpValue(v *fmValue) string {
	var b strings.Builder
	var walk func(v *fmValue)
	walk = func(v *fmValue) {
		if v.kind == kindNull {
			fmt.Fprintf(&b, "null(%q)", v.text)
			return
		}
		fmt.Fprintf(&b, "%d:%d:", v.line, v.col)
		switch v.kind {
		case kindList:
			b.WriteString("[")
			for _, it := range v.items {
				walk(it)
				b.WriteString(",")
			}
			b.WriteString("]")
		case kindMap:
			b.WriteString("{")
			for _, f := range v.fields {
				fmt.Fprintf(&b, "%q@%d:%d=", f.key, f.line, f.col)
				walk(f.val)
				b.WriteString(",")
			}
			b.WriteString("}")
		default:
			fmt.Fprintf(&b, "%d%q%v", v.kind, v.text, v.b)
		}
	}
	walk(v)
	return b.String()
}

type dumpedField struct {
	Key    string
	Line   int
	Col    int
	Value  string
	Native string
}

func dumpFields(fields []fmField) []dumpedField {
	var out []dumpedField
	for _, f := range fields {
		out = append(out, dumpedField{f.key, f.line, f.col, dumpValue(f.val), fmt.Sprintf("%#v", f.native)})
	}
	return out
}

// checkFastYAML compares fastYAML with yaml.v3 on one block, when fastYAML
// reads it. It reports whether fastYAML did.
func checkFastYAML(t *testing.T, block string) bool {
	t.Helper()
	fast, ok := fastYAML(block, 3)
	if !ok {
		return false
	}
	d := &fmDocument{path: "x.md", flavour: flavourYAML}
	if err := d.slowYAML(block, 3); err != nil {
		t.Fatalf("fastYAML read a block yaml.v3 rejects: %v\n%s", err, block)
	}
	if diff := cmp.Diff(dumpFields(d.fields), dumpFields(fast)); diff != "" {
		t.Fatalf("fastYAML differs from yaml.v3 (-yaml.v3 +fast):\n%s\nblock:\n%s", diff, block)
	}
	return true
}

func TestFastYAML(t *testing.T) {
	blocks := []string{
		"title: Plain title\ndate: 2019-07-02 11:21:02 -0400\nauthor: someone\n",
		"title: 'It''s quoted'\ncategories: [release]\nversion: 3.8.6\n",
		"title: \"Hugo 0.77.0: Modules \"\ndate: 2020-10-30\ncategories: [\"Releases\"]\n",
		"by:\n- Ada Lovelace\n- Grace Hopper, for the team\ntags:\n  - a\n  - 47\n  -\n  - true\ntemplate: true\n",
		"empty:\nnext: 1\nfloat: 2.5\nzero: 0\nneg: 0.25\nnull1: ~\nnull2: null\nbool: False\n",
		"# a comment\ntitle: x # trailing comment\n\nlist: [a, 'b, c', \"d\", 12, 1.5, true, null]\nempty: []\n",
		"key: # comment\n  - a\n  - b\n",
		"date: 2024-4-9\nv: 1.2.3.4\nyear: 2023\nwords: yes no\n",
		"title: Ünïcödé and emoji 🎉\ntags: [ü, 日本]\n",
	}
	for _, b := range blocks {
		if !checkFastYAML(t, b) {
			t.Errorf("fastYAML declined a block it should read:\n%s", b)
		}
	}
	declined := []string{
		"nested:\n  a: 1\n",
		"multi: line\n  continued\n",
		"anchor: &a x\nalias: *a\n",
		"tagged: !!str 12\n",
		"block: |\n  text\n",
		"flow: {a: 1}\n",
		"octal: 012\n",
		"hex: 0x1F\n",
		"exp: 1e5\n",
		"escaped: \"a\\nb\"\n",
		"tab:\tx\n",
		"bad: a: b\n",
		"merge: <<\n",
		"\"quoted key\": x\n",
		"1: numeric key\n",
		"sign: +1\n",
		"seq: [a, [b]]\n",
		"seq: [a,\n  b]\n",
	}
	for _, b := range declined {
		if _, ok := fastYAML(b, 3); ok {
			t.Errorf("fastYAML read a block it should leave to yaml.v3:\n%s", b)
		}
	}
}

// FuzzFastYAML checks that whatever fastYAML reads, it reads as yaml.v3
// does, key by key, value by value, position by position.
func FuzzFastYAML(f *testing.F) {
	files, _ := filepath.Glob("testdata/markdown/*.md")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		parts := strings.SplitN(string(data), "---\n", 3)
		if len(parts) == 3 {
			f.Add(parts[1])
		}
	}
	f.Add("a: [x, 'y', \"z\", 1, 2.5]\nb:\n- 1\n-\n- c\n")
	f.Fuzz(func(t *testing.T, block string) {
		if !utf8.ValidString(block) {
			return // ParseMarkdown rejects such files before any YAML is read
		}
		checkFastYAML(t, block)
	})
}
