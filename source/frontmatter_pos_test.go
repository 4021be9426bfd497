package source

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFrontMatterSyntaxPositions checks that a syntax error in each kind
// of front matter names the file's line and column of the faulty token,
// counted in the file (the opening delimiter's lines included).
func TestFrontMatterSyntaxPositions(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"yaml unclosed flow list", "---\ntitle: Kites\ntags: [wind, paper\ndate: 2021-04-02\n---\nBody.\n",
			"kites.md:3:7: source: bad front matter: yaml: did not find expected ',' or ']'"},
		{"yaml unclosed flow map", "---\ntitle: Kites\nmeta: {a: 1\nb: 2\n---\nBody.\n",
			"kites.md:3:7: source: bad front matter: yaml: did not find expected ',' or '}'"},
		{"yaml stray colon", "---\ntitle: Kites\n  line: : two\n---\nBody.\n",
			"kites.md:3:7: source: bad front matter: yaml: mapping values are not allowed in this context"},
		{"yaml reserved character", "---\ntitle: Kites\nby: @someone\n---\nBody.\n",
			"kites.md:3:5: source: bad front matter: yaml: found character that cannot start any token"},
		{"yaml stray closer", "---\ntitle: Kites\ntags: [a]]\n---\nBody.\n",
			"kites.md:3:10: source: bad front matter: yaml: did not find expected key"},
		{"yaml tab indent", "---\ntitle: Kites\n\tdraft: true\n---\nBody.\n",
			"kites.md:3:1: source: bad front matter: yaml: found a tab character that violates indentation"},
		{"yaml after unicode", "---\ntitle: Drachen über Kiel\nschlagwörter: [ä, ö\n---\nBody.\n",
			"kites.md:3:15: source: bad front matter: yaml: did not find expected ',' or ']'"},
		{"toml bad value", "+++\ntitle = \"Kites\"\ntags = [wind\n+++\nBody.\n",
			"kites.md:3:9: source: bad front matter: toml: unexpected character U+0077 'w' at start of value"},
		{"json double comma", "{\n\"title\": \"Kites\",\n\"tags\": [1,,2]\n}\nBody.\n",
			"kites.md:3:12: source: bad front matter: json: invalid character ',' looking for beginning of value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMarkdown("kites.md", []byte(tt.text), Options{})
			if err == nil {
				t.Fatal("ParseMarkdown succeeded, want a syntax error")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}
