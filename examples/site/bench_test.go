package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"
)

// BenchmarkSample builds the embedded sample blog, reporting pages/s.
func BenchmarkSample(b *testing.B) {
	b.ReportAllocs()
	dir := b.TempDir()
	files := 0
	for i := 0; b.Loop(); i++ {
		out := filepath.Join(dir, "public")
		if code := run(context.Background(), []string{"-out", out}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("run = %d", code)
		}
		if files == 0 {
			files = len(walkFiles(b, out))
		}
	}
	b.ReportMetric(float64(files)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}
