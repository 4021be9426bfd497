package source

import (
	"bytes"
	"fmt"
)

// The states of itemEnd's scan.
const (
	scanMarkup = iota
	scanCDATA
	scanComment
)

// itemEnd looks in b, from offset i and in state *st, for the end of an
// item: the offset just past its "</item>". CDATA sections and comments
// are passed over whole, so a "</item>" written inside them does not end
// the item. It returns -1 when b holds no end yet, with the offset to go
// on from once more input is appended (a tag or a closing "]]>" cut in
// two is scanned again). eof says no more input will come.
func itemEnd(b []byte, i int, st *int, eof bool) (end, next int) {
	for {
		switch *st {
		case scanCDATA, scanComment:
			closing := []byte("]]>")
			if *st == scanComment {
				closing = []byte("-->")
			}
			j := bytes.Index(b[i:], closing)
			if j < 0 {
				return -1, max(i, len(b)-len(closing)+1)
			}
			i += j + len(closing)
			*st = scanMarkup
		default:
			j := bytes.IndexByte(b[i:], '<')
			if j < 0 {
				return -1, len(b)
			}
			i += j
			rest := b[i:]
			if len(rest) < len("<![CDATA[") && !eof {
				return -1, i
			}
			switch {
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				*st = scanCDATA
				i += len("<![CDATA[")
			case bytes.HasPrefix(rest, []byte("<!--")):
				*st = scanComment
				i += len("<!--")
			case len(rest) > 2 && rest[1] == '/' && tagNamed(rest[2:], "item"):
				k := bytes.IndexByte(rest, '>')
				if k < 0 {
					if eof {
						return -1, len(b)
					}
					return -1, i
				}
				return i + k + 1, i + k + 1
			default:
				i++
			}
		}
	}
}

// tagNamed reports whether b starts with the tag name name, followed by
// the end of the tag or white space.
func tagNamed(b []byte, name string) bool {
	if len(b) <= len(name) || !bytes.HasPrefix(b, []byte(name)) {
		return false
	}
	switch b[len(name)] {
	case '>', '/', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

// grow reads once more from the input, appending to buf; it reports
// false when the input has already ended.
func (w *wxrRecorder) grow() bool {
	if w.err != nil {
		return false
	}
	if cap(w.buf)-len(w.buf) < 4<<10 {
		w.buf = append(w.buf, make([]byte, 64<<10)...)[:len(w.buf)]
	}
	n, err := w.r.Read(w.buf[len(w.buf):cap(w.buf)])
	w.buf = w.buf[:len(w.buf)+n]
	if err != nil {
		w.err = err
	}
	return true
}

// itemSkip describes an item skipLongItem left out.
type itemSkip struct {
	line  int    // the line of its "<item"
	title string // its title, if found in its first 64 KB
	lines int    // the line breaks left out with it
}

// skipLongItem is called where the decoder is between two children of
// <channel>, with buf[0] the next byte it reads (it may hold that byte
// already). If an <item> starts there, after white space, and its
// "</item>" is more than limit bytes after its "<item", the item's
// bytes are left out of what the decoder reads: they are read on and
// dropped up to the "</item>" (or the end of the input), and the
// decoder sees an empty comment in their place. Memory stays bounded by
// limit plus one read. An <item> left open before the next one is
// measured together with that one.
//
// The decoder does not see the line breaks left out, so the caller adds
// them to the lines it reports; w.line counts them at once.
func (w *wxrRecorder) skipLongItem(limit int64) (itemSkip, bool) {
	start := 0
	for {
		for start < len(w.buf) && isXMLSpace(w.buf[start]) {
			start++
		}
		if len(w.buf)-start >= len("<item>") || int64(start) > limit || !w.grow() {
			break
		}
	}
	if len(w.buf)-start < len("<item>") || w.buf[start] != '<' || !tagNamed(w.buf[start+1:], "item") {
		return itemSkip{}, false
	}
	st, i := scanMarkup, 1 // i is relative to start
	for {
		end, next := itemEnd(w.buf[start:], i, &st, w.err != nil)
		if end >= 0 && int64(end) <= limit {
			return itemSkip{}, false
		}
		if end < 0 && int64(len(w.buf)-start) <= limit {
			if !w.grow() {
				return itemSkip{}, false // cut off by the end: the decoder says so
			}
			i = next
			continue
		}
		break
	}
	sk := itemSkip{line: w.line + bytes.Count(w.buf[:start], []byte("\n"))}
	head := w.buf[start:min(len(w.buf), start+64<<10)]
	if t, _, ok := fallbackTag(string(head), "title"); ok {
		sk.title = t
	}
	// Read on to the end of the item, keeping only what is not scanned.
	st, i = scanMarkup, 1
	cut := 0
	for {
		end, next := itemEnd(w.buf[start:], i, &st, w.err != nil)
		if end >= 0 {
			sk.lines += bytes.Count(w.buf[start:start+end], []byte("\n"))
			cut = start + end
			break
		}
		if !w.grow() {
			sk.lines += bytes.Count(w.buf[start:], []byte("\n"))
			cut = len(w.buf)
			break
		}
		sk.lines += bytes.Count(w.buf[start:start+next], []byte("\n"))
		n := copy(w.buf[start:], w.buf[start+next:])
		w.buf = w.buf[:start+n]
		i = 0
		if w.pos > len(w.buf) {
			w.pos = len(w.buf) // only the item's "<", which the comment starts with too
		}
	}
	const stub = "<!---->"
	tail := w.buf[cut:]
	if cut-start >= len(stub) {
		copy(w.buf[start:], stub)
		n := copy(w.buf[start+len(stub):], tail)
		w.buf = w.buf[:start+len(stub)+n]
	} else {
		w.buf = append(w.buf[:start:start], append([]byte(stub), tail...)...)
	}
	if w.pos > start {
		w.pos = start + 1
	}
	w.line += sk.lines
	return sk, true
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// skipLongItem leaves out an item past Options.MaxItemBytes that starts
// at the decoder's position, and reports it as an error.
func (s *wxrScanner) skipLongItem() {
	limit := s.opt.maxItemBytes()
	sk, ok := s.rec.skipLongItem(limit)
	if !ok {
		return
	}
	s.lineShift += sk.lines
	s.w.Items++
	s.errs = append(s.errs, &Error{Path: s.path, Line: sk.line,
		Err: fmt.Errorf("source: %w: item %q is over %d bytes (Options.MaxItemBytes): skipped", ErrTooLarge, sk.title, limit)})
}

// inputLine is the line of the decoder's position in the input.
func (s *wxrScanner) inputLine() int {
	line, _ := s.d.InputPos()
	return line + s.lineShift
}
