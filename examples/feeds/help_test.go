package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// TestHelp checks that -h says what the program does, its flags and an
// example, under the program's own name, and exits 0.
func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-h"}, &stdout, &stderr); code != 0 {
		t.Errorf("-h: exit %d, want 0", code)
	}
	help := stderr.String()
	for _, want := range []string{"usage: feeds [flags]", "-src folder", "-out folder", "-base-url URL", "-limit entries", "-full", "Examples:\n  go run ./examples/feeds\n"} {
		if !strings.Contains(help, want) {
			t.Errorf("-h lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "go-build") || strings.Contains(help, os.Args[0]) {
		t.Errorf("-h names a temporary path:\n%s", help)
	}
}
