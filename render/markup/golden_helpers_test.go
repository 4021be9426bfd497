package markup

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-go/folio/internal/golden"
)

// checkGolden compares got with the golden file at path, or rewrites the
// file when -update is set.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got, *update)
}

// goldenInputs lists the files of dir with extension ext, sorted.
func goldenInputs(t *testing.T, dir, ext string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"+ext))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no %s files in %s", ext, dir)
	}
	return files
}

func goldenName(input, ext, goldenExt string) string {
	return strings.TrimSuffix(input, ext) + goldenExt
}
