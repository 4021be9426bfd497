package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-h"}, &stdout, &stderr); code != 0 {
		t.Errorf("-h: exit %d, want 0", code)
	}
	help := stderr.String()
	for _, want := range []string{"usage: site [flags]", "-src folder", "-out folder", "-base-url URL", "-serve address",
		"Examples:\n  go run ./examples/site\n", "-base-url https://blog.example.org/"} {
		if !strings.Contains(help, want) {
			t.Errorf("-h lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "go-build") || strings.Contains(help, os.Args[0]) {
		t.Errorf("-h names a temporary path:\n%s", help)
	}
}

// TestFinalMessage checks that the last line says how to look at the
// site: open it from disk when links are relative, serve it when a base
// URL made them absolute.
func TestFinalMessage(t *testing.T) {
	out, stdout, _ := buildSite(t, 0)
	if want := "— open " + filepath.Join(out, "index.html") + "\n"; !strings.HasSuffix(stdout, want) {
		t.Errorf("without -base-url, stdout = %q, want it to end %q", stdout, want)
	}
	_, stdout, _ = buildSite(t, 0, "-base-url", "https://blog.example.org/")
	if strings.Contains(stdout, "open ") || !strings.Contains(stdout, "-serve localhost:8080") {
		t.Errorf("with -base-url, stdout = %q, want a hint to use -serve and no open", stdout)
	}
}
