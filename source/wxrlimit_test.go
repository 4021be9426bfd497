package source

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// hugeItemExport returns an export of four posts whose second has a body
// of about size bytes, made of short lines and produced as it is read, so
// that the test itself never holds it. The body starts with "</item>"
// inside its CDATA, which must not end the item. With damaged, the first
// item holds "]]>" in its CDATA, so that the fallback reader reads the
// rest. It also returns the line of each "<item>".
func hugeItemExport(size int, damaged bool) (io.Reader, [4]int) {
	var parts []io.Reader
	var lines [4]int
	line := 1
	add := func(s string) {
		parts = append(parts, strings.NewReader(s))
		line += strings.Count(s, "\n")
	}
	add(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<wp:wxr_version>1.2</wp:wxr_version>
`)
	const row = "<p>The heron stands in the reeds and waits.</p>\n"
	for i := 1; i <= 4; i++ {
		lines[i-1] = line
		body := fmt.Sprintf("<p>Entry %d.</p>", i)
		if i == 1 && damaged {
			body = "a]]>b"
		}
		add(fmt.Sprintf("<item>\n\t<title>Heron %d</title>\n\t<content:encoded><![CDATA[", i))
		if i == 2 {
			if !damaged {
				add("</item>\n")
			}
			n := size / len(row)
			parts = append(parts, io.LimitReader(&repeatReader{s: row}, int64(n*len(row))))
			line += n
		}
		add(fmt.Sprintf(`%s]]></content:encoded>
	<wp:post_name>heron-%d</wp:post_name>
	<wp:status>publish</wp:status>
	<wp:post_type>post</wp:post_type>
</item>
`, body, i))
	}
	add("</channel>\n</rss>\n")
	return io.MultiReader(parts...), lines
}

// repeatReader reads s again and again.
type repeatReader struct {
	s   string
	off int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.s[r.off:])
		n += c
		r.off = (r.off + c) % len(r.s)
	}
	return n, nil
}

// TestMaxItemBytes: an item past Options.MaxItemBytes is left out with an
// ErrTooLarge error at its line, without being held in memory, and the
// items after it are read with their own lines, by the XML decoder and by
// the fallback reader alike.
func TestMaxItemBytes(t *testing.T) {
	const size, limit = 5 << 20, 64 << 10
	for _, damaged := range []bool{false, true} {
		t.Run(fmt.Sprintf("damaged=%v", damaged), func(t *testing.T) {
			r, lines := hugeItemExport(size, damaged)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			w, err := ReadWXR("heron.xml", r, Options{MaxItemBytes: limit})
			runtime.ReadMemStats(&after)
			// All that is allocated, garbage included: the decoder's
			// reading keeps under a quarter of the item. The fallback
			// reader makes garbage of each 64 KB it reads (a few times
			// the item in all, where holding the item took 40 times).
			bound := uint64(size / 4)
			if damaged {
				bound = 4 * size
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > bound {
				t.Errorf("reading allocated %d bytes, want at most %d for an item of %d", alloc, bound, size)
			}
			var got []string
			for _, p := range w.Posts {
				got = append(got, fmt.Sprintf("%s %d", p.Slug, p.Source.Line))
			}
			want := []string{
				fmt.Sprintf("heron-1 %d", lines[0]),
				fmt.Sprintf("heron-3 %d", lines[2]),
				fmt.Sprintf("heron-4 %d", lines[3]),
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("posts (-want +got):\n%s", diff)
			}
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error = %v, want ErrTooLarge", err)
			}
			wantErr := fmt.Sprintf(`heron.xml:%d: source: file too large: item "Heron 2" is over 65536 bytes (Options.MaxItemBytes): skipped`, lines[1])
			if !strings.Contains(err.Error(), wantErr) {
				t.Errorf("error = %v, want it to hold %q", err, wantErr)
			}
			if w.Items != 4 {
				t.Errorf("Items = %d, want 4", w.Items)
			}
		})
	}
}

// TestMaxItemBytesKeepsSmallItems: the default limit reads an item of a
// few megabytes whole, "</item>" in its CDATA included.
func TestMaxItemBytesKeepsSmallItems(t *testing.T) {
	r, _ := hugeItemExport(2<<20, false)
	w, err := ReadWXR("heron.xml", r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Posts) != 4 || !strings.HasPrefix(w.Posts[1].Body.Text, "</item>") {
		t.Errorf("got %d posts, want 4 with the second whole", len(w.Posts))
	}
}
