package main

import (
	"bytes"
	"os"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDocExample checks that docs/inspect.md shows exactly what inspect
// prints for its example command, and that the status it gives is right.
func TestDocExample(t *testing.T) {
	const docPath = "../../docs/inspect.md"
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"testdata/blog/2017/spring-fair.txt", "testdata/bad-date.txt"}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1 (the doc says so)", code)
	}
	block := regexp.MustCompile("(?s)```json\n(.*?)```")
	m := block.FindSubmatchIndex(doc)
	if m == nil {
		t.Fatalf("%s has no ```json block", docPath)
	}
	if *updateDoc {
		doc = append(append(append([]byte{}, doc[:m[2]]...), stdout.Bytes()...), doc[m[3]:]...)
		if err := os.WriteFile(docPath, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		m = block.FindSubmatchIndex(doc)
	}
	if diff := cmp.Diff(string(doc[m[2]:m[3]]), stdout.String()); diff != "" {
		t.Errorf("%s's example is not what inspect prints (-doc +inspect); go test ./examples/inspect -update rewrites it:\n%s", docPath, diff)
	}
	for _, cmd := range []string{"examples/inspect/testdata/blog/2017/spring-fair.txt examples/inspect/testdata/bad-date.txt"} {
		if !bytes.Contains(doc, []byte(cmd)) {
			t.Errorf("%s does not show the command the example is for: %s", docPath, cmd)
		}
	}
}
