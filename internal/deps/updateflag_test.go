package deps

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryPackageAcceptsUpdate keeps the README's "go test ./... -update"
// working: a test binary fails on a flag it does not define, so every
// package with tests must define -update, even one without golden files.
func TestEveryPackageAcceptsUpdate(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]bool{}   // folders holding test files
	defines := map[string]bool{} // folders whose tests define -update
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dir := filepath.Dir(path)
		tests[dir] = true
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), `flag.Bool("update"`) {
			defines[dir] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) == 0 {
		t.Fatal("found no test files")
	}
	for dir := range tests {
		if !defines[dir] {
			rel, _ := filepath.Rel(root, dir)
			t.Errorf("%s: tests do not define -update, so go test ./... -update fails there", rel)
		}
	}
}
