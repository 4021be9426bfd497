package source

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
	"testing/fstest"
)

func encoded(t *testing.T, enc func(*bytes.Buffer, image.Image) error, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := enc(&b, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImageSize(t *testing.T) {
	// A 1x1 lossless WebP.
	webp, _ := base64.StdEncoding.DecodeString("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
	// The headers of a lossy 300x200 and an extended 1024x768 WebP.
	lossy := []byte("RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x00\x00\x00\x9d\x01\x2a\x2c\x01\xc8\x00")
	extended := []byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x10\x00\x00\x00\xff\x03\x00\xff\x02\x00")
	fsys := fstest.MapFS{
		"a.png":  {Data: encoded(t, func(b *bytes.Buffer, m image.Image) error { return png.Encode(b, m) }, 40, 30)},
		"b.JPG":  {Data: encoded(t, func(b *bytes.Buffer, m image.Image) error { return jpeg.Encode(b, m, nil) }, 17, 9)},
		"c.gif":  {Data: encoded(t, func(b *bytes.Buffer, m image.Image) error { return gif.Encode(b, m, nil) }, 5, 6)},
		"d.webp": {Data: webp},
		"h.webp": {Data: lossy},
		"i.webp": {Data: extended},
		"e.svg":  {Data: []byte(`<?xml version="1.0"?><!-- x --><svg xmlns="http://www.w3.org/2000/svg" width="120px" height="80"></svg>`)},
		"f.svg":  {Data: []byte(`<svg viewBox="0 0 300 150"></svg>`)},
		"g.svg":  {Data: []byte(`<svg width="600" viewBox="0,0,300,150"></svg>`)},
	}
	for name, want := range map[string][2]int{
		"a.png": {40, 30}, "b.JPG": {17, 9}, "c.gif": {5, 6}, "d.webp": {1, 1}, "h.webp": {300, 200}, "i.webp": {1024, 768},
		"e.svg": {120, 80}, "f.svg": {300, 150}, "g.svg": {600, 300},
	} {
		w, h, err := ImageSize(fsys, name)
		if err != nil || w != want[0] || h != want[1] {
			t.Errorf("ImageSize(%s) = %d, %d, %v; want %d, %d", name, w, h, err, want[0], want[1])
		}
	}
	bad := fstest.MapFS{
		"x.png":  {Data: []byte("not a png")},
		"y.svg":  {Data: []byte(`<svg width="50%" height="2em"></svg>`)},
		"z.svg":  {Data: []byte(`<html></html>`)},
		"w.webp": {Data: []byte("RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")},
	}
	for _, name := range []string{"x.png", "y.svg", "z.svg", "w.webp"} {
		if _, _, err := ImageSize(bad, name); !errors.Is(err, ErrNoSize) {
			t.Errorf("ImageSize(%s) error = %v, want ErrNoSize", name, err)
		}
	}
	if _, _, err := ImageSize(bad, "none.png"); err == nil || errors.Is(err, ErrNoSize) {
		t.Errorf("ImageSize of a missing file: %v, want the file system's error", err)
	}
}

func FuzzSVGSize(f *testing.F) {
	f.Add(`<svg width="1" height="2"/>`)
	f.Add(`<svg viewBox="0 0 1e300 5"/>`)
	f.Fuzz(func(t *testing.T, s string) {
		w, h, err := svgSize(bytes.NewReader([]byte(s)))
		if err == nil && (w < 0 || h < 0) {
			t.Errorf("svgSize(%q) = %d, %d", s, w, h)
		}
	})
}
