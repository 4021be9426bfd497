package markup

import (
	"os"
	"path/filepath"
	"testing"
)

// TestAutopGolden runs Autop over testdata/autop/*.html and compares with
// the .golden files beside them.
func TestAutopGolden(t *testing.T) {
	for _, in := range goldenInputs(t, filepath.Join("testdata", "autop"), ".html") {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, goldenName(in, ".html", ".golden"), []byte(Autop(string(src))))
		})
	}
}

func TestAutopBlank(t *testing.T) {
	for _, s := range []string{"", " ", "\n\n\t"} {
		if got := Autop(s); got != "" {
			t.Errorf("Autop(%q) = %q, want empty", s, got)
		}
	}
}

func TestBRBeforeNewlines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\nb", "a<br />\nb"},
		{"a  \nb", "a<br />\nb"},
		{"a<br />\nb", "a<br />\nb"},
		// PCRE retries one character later when the look-behind fails.
		{"a<br />  \nb", "a<br /> <br />\nb"},
		{"a \n \n b", "a<br />\n b"},
		{"no newline", "no newline"},
	}
	for _, tt := range tests {
		if got := brBeforeNewlines(tt.in); got != tt.want {
			t.Errorf("brBeforeNewlines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
