package source

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // GIF dimensions for ImageSize
	_ "image/jpeg" // JPEG dimensions
	_ "image/png"  // PNG dimensions
	"io"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"
)

// ErrNoSize is returned by ImageSize for a file whose dimensions it cannot
// tell: not an image format it reads, or an SVG without width and height
// or a viewBox.
var ErrNoSize = errors.New("source: image size unknown")

// ImageSize returns the width and height in pixels of the image at name
// in fsys, reading only its header: PNG, JPEG and GIF through
// image.DecodeConfig, WebP from its RIFF header (lossy, lossless and
// extended), and SVG from the width and height attributes of its root
// element (in px or without a unit), else its viewBox. A file
// it cannot read is an error wrapping the file system's; a file of
// another kind, or a malformed one, wraps ErrNoSize.
func ImageSize(fsys fs.FS, name string) (width, height int, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	if strings.EqualFold(path.Ext(name), ".svg") {
		return svgSize(r)
	}
	if head, err := r.Peek(30); err == nil && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP" {
		if w, h, ok := webpSize(head); ok {
			return w, h, nil
		}
		return 0, 0, fmt.Errorf("%w: %s: unreadable WebP header", ErrNoSize, name)
	}
	cfg, _, err := image.DecodeConfig(r)
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, fmt.Errorf("%w: %s: %v", ErrNoSize, name, err)
	}
	return cfg.Width, cfg.Height, nil
}

// svgSize reads the size of an SVG document's root element.
func svgSize(r io.Reader) (int, int, error) {
	d := xml.NewDecoder(io.LimitReader(r, 1<<20))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0, fmt.Errorf("%w: svg: %v", ErrNoSize, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local != "svg" {
			return 0, 0, fmt.Errorf("%w: root element is <%s>", ErrNoSize, se.Name.Local)
		}
		var w, h float64
		var box string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				w = svgLength(a.Value)
			case "height":
				h = svgLength(a.Value)
			case "viewBox":
				box = a.Value
			}
		}
		if w > 0 && h > 0 {
			return int(math.Round(w)), int(math.Round(h)), nil
		}
		f := strings.FieldsFunc(box, func(r rune) bool { return r == ' ' || r == ',' })
		if len(f) == 4 {
			bw, err1 := strconv.ParseFloat(f[2], 64)
			bh, err2 := strconv.ParseFloat(f[3], 64)
			if err1 == nil && err2 == nil && bw > 0 && bh > 0 && bw < 1e6 && bh < 1e6 {
				switch { // one given: keep the box's proportions
				case w > 0:
					h = w * bh / bw
				case h > 0:
					w = h * bw / bh
				default:
					w, h = bw, bh
				}
				if w >= 1 && h >= 1 && w < 1e6 && h < 1e6 {
					return int(math.Round(w)), int(math.Round(h)), nil
				}
			}
		}
		return 0, 0, fmt.Errorf("%w: svg has no width and height or viewBox", ErrNoSize)
	}
}

// svgLength reads a length in px or without a unit; others (%, em) are 0.
func svgLength(s string) float64 {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || v >= 1e6 || math.IsNaN(v) {
		return 0
	}
	return v
}

// webpSize reads the canvas size from the first 30 bytes of a WebP file:
// its first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended).
func webpSize(b []byte) (int, int, bool) {
	le16 := func(i int) int { return int(b[i]) | int(b[i+1])<<8 }
	le24 := func(i int) int { return int(b[i]) | int(b[i+1])<<8 | int(b[i+2])<<16 }
	switch string(b[12:16]) {
	case "VP8 ":
		// A key frame: 3 bytes of frame tag, the start code, then the
		// 14-bit width and height (2 bits of scale above each).
		if b[23] != 0x9d || b[24] != 0x01 || b[25] != 0x2a {
			return 0, 0, false
		}
		return le16(26) & 0x3fff, le16(28) & 0x3fff, true
	case "VP8L":
		if b[20] != 0x2f {
			return 0, 0, false
		}
		w := 1 + (int(b[22]&0x3f)<<8 | int(b[21]))
		h := 1 + (int(b[24]&0x0f)<<10 | int(b[23])<<2 | int(b[22]&0xc0)>>6)
		return w, h, true
	case "VP8X":
		return 1 + le24(24), 1 + le24(27), true
	}
	return 0, 0, false
}
