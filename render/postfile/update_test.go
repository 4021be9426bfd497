package postfile

import (
	"flag"
	"testing"

	"github.com/folio-go/folio/internal/golden"
)

// update rewrites the golden files in testdata/ instead of comparing
// against them: go test ./render/postfile -update.
var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// checkGolden compares got with the golden file at path, or rewrites the
// file when -update is set.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got, *update)
}
