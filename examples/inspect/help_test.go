package main

import (
	"bytes"

	"os"
	"strings"
	"testing"
)

// TestHelp checks that -h says what the program does, its flags and an
// example, under the program's own name, and exits 0.
func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-h"}, &stdout, &stderr); code != 0 {
		t.Errorf("-h: exit %d, want 0", code)
	}
	help := stderr.String()
	for _, want := range []string{"usage: inspect [flags] PATH...", "-drafts", "-future", "-location zone", "exit status", "Example:\n  go run ./examples/inspect "} {
		if !strings.Contains(help, want) {
			t.Errorf("-h lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "go-build") || strings.Contains(help, os.Args[0]) {
		t.Errorf("-h names a temporary path:\n%s", help)
	}
}
