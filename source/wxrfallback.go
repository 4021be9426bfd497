package source

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// wxrRecorder is the reader the XML decoder reads an export through. It
// keeps the bytes read since the last mark, the start of the channel child
// being read, so that when the decoder fails inside an item the fallback
// reader can read that item again from its first byte. It is the
// decoder's only buffer (the decoder reads byte by byte from an
// io.ByteReader), so keeping the bytes costs no copy beyond the one
// reading does. Memory stays bounded by the largest channel child plus
// one read.
type wxrRecorder struct {
	r    io.Reader
	buf  []byte // the input from offset base; buf[pos:] not yet read
	pos  int
	base int64 // the offset of buf[0] in the input
	line int   // the 1-based line of buf[0]
	err  error // the error that ended the input, once met
}

func newWXRRecorder(r io.Reader) *wxrRecorder {
	return &wxrRecorder{r: r, buf: make([]byte, 0, 64<<10), line: 1}
}

// fill reads more input into buf; it returns an error only when nothing
// more is left.
func (w *wxrRecorder) fill() error {
	for w.pos == len(w.buf) {
		if w.err != nil {
			return w.err
		}
		if cap(w.buf)-len(w.buf) < 4<<10 {
			w.buf = append(w.buf, make([]byte, 64<<10)...)[:len(w.buf)]
		}
		n, err := w.r.Read(w.buf[len(w.buf):cap(w.buf)])
		w.buf = w.buf[:len(w.buf)+n]
		if err != nil {
			w.err = err
		}
	}
	return nil
}

// ReadByte makes the decoder read byte by byte through the recorder.
func (w *wxrRecorder) ReadByte() (byte, error) {
	if w.pos == len(w.buf) {
		if err := w.fill(); err != nil {
			return 0, err
		}
	}
	c := w.buf[w.pos]
	w.pos++
	return c, nil
}

func (w *wxrRecorder) Read(p []byte) (int, error) {
	if w.pos == len(w.buf) {
		if err := w.fill(); err != nil {
			return 0, err
		}
	}
	n := copy(p, w.buf[w.pos:])
	w.pos += n
	return n, nil
}

// mark forgets the bytes before offset off, which the decoder has
// consumed and read without trouble.
func (w *wxrRecorder) mark(off int64) {
	n := int(off - w.base)
	if n <= 0 || n > w.pos {
		return
	}
	w.line += bytes.Count(w.buf[:n], []byte("\n"))
	w.buf = w.buf[:copy(w.buf, w.buf[n:])]
	w.pos -= n
	w.base = off
}

// rest reads the input the decoder has not read yet, up to 64 KB at a
// time, for the fallback reader; eof reports the end of the input.
func (w *wxrRecorder) rest() (chunk []byte, eof bool) {
	if w.pos < len(w.buf) {
		chunk = w.buf[w.pos:]
		w.pos = len(w.buf)
		return chunk, false
	}
	if w.err != nil {
		return nil, true
	}
	chunk = make([]byte, 64<<10)
	n, err := io.ReadFull(w.r, chunk)
	if err != nil {
		w.err = err
	}
	return chunk[:n], err != nil
}

// The importer's fallback reader (WXR_Parser_Regex) finds items between
// "<item>" and "</item>" and the fields in them by their tags, without
// an XML parser. These are its patterns, written for Go's regexp.
var (
	wxrFallbackCategory = regexp.MustCompile(`(?is)<category((?:\s[^>]*)?)>(.*?)</category>`)
	wxrFallbackAttr     = regexp.MustCompile(`([A-Za-z_:]+)\s*=\s*"([^"]*)"`)
	wxrFallbackMeta     = regexp.MustCompile(`(?is)<wp:postmeta>(.+?)</wp:postmeta>`)
	wxrFallbackComment  = regexp.MustCompile(`(?is)<wp:comment>(.+?)</wp:comment>`)
	wxrFallbackCDATA    = regexp.MustCompile(`(?s)<!\[CDATA\[(.*?)\]\]>`)
)

// wxrFallbackFields are the fields of an item the fallback reader
// reads: namespace prefix, local name.
var wxrFallbackFields = [][2]string{
	{"", "title"}, {"", "link"}, {"", "guid"}, {"", "pubDate"},
	{"dc", "creator"}, {"content", "encoded"}, {"excerpt", "encoded"},
	{"wp", "post_id"}, {"wp", "post_date"}, {"wp", "post_date_gmt"},
	{"wp", "post_modified"}, {"wp", "post_modified_gmt"},
	{"wp", "post_name"}, {"wp", "status"}, {"wp", "post_parent"},
	{"wp", "menu_order"}, {"wp", "post_type"}, {"wp", "post_password"},
	{"wp", "is_sticky"},
}

// fallbackTag finds the first element named tag in s (as the importer's
// get_tag does) and returns its text and offset: CDATA unwrapped as the
// importer unwraps it (a `]]>` inside a single CDATA section is kept),
// other text with its entities decoded, trimmed either way.
func fallbackTag(s, tag string) (string, int, bool) {
	open := "<" + tag
	from := 0
	for {
		i := strings.Index(s[from:], open)
		if i < 0 {
			return "", 0, false
		}
		i += from
		j := i + len(open)
		if j < len(s) && (s[j] == '>' || s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '/') {
			gt := strings.IndexByte(s[j:], '>')
			if gt < 0 {
				return "", 0, false
			}
			start := j + gt + 1
			if s[start-2] == '/' { // <tag/>
				return "", i, true
			}
			end := strings.Index(s[start:], "</"+tag+">")
			if end < 0 {
				return "", 0, false
			}
			return fallbackText(s[start : start+end]), i, true
		}
		from = j
	}
}

// fallbackText reads an element's text the way the importer's fallback
// reader does.
func fallbackText(raw string) string {
	t := strings.TrimSpace(raw)
	if !strings.HasPrefix(t, "<![CDATA[") {
		return strings.TrimSpace(html.UnescapeString(t))
	}
	if strings.Contains(t, "]]]]><![CDATA[>") {
		var b strings.Builder
		for _, m := range wxrFallbackCDATA.FindAllStringSubmatch(t, -1) {
			b.WriteString(m[1])
		}
		return strings.TrimSpace(b.String())
	}
	t = strings.TrimPrefix(t, "<![CDATA[")
	t = strings.TrimSuffix(t, "]]>")
	return strings.TrimSpace(t)
}

// fallbackItem builds the node of one item from its text (between
// "<item>" and "</item>"), which starts on line.
func fallbackItem(s string, line int) *xnode {
	n := &xnode{local: "item", line: line}
	lineAt := func(off int) int { return line + strings.Count(s[:off], "\n") }
	for _, f := range wxrFallbackFields {
		tag := f[1]
		if f[0] != "" {
			tag = f[0] + ":" + f[1]
		}
		if text, off, ok := fallbackTag(s, tag); ok {
			n.kids = append(n.kids, xnode{ns: f[0], local: f[1], line: lineAt(off), text: text})
		}
	}
	// Comments hold fields of the same names; take the terms and meta
	// from the item's own text.
	own := wxrFallbackComment.ReplaceAllStringFunc(s, func(c string) string {
		n.kids = append(n.kids, xnode{ns: "wp", local: "comment"})
		return strings.Repeat("\n", strings.Count(c, "\n"))
	})
	for _, m := range wxrFallbackCategory.FindAllStringSubmatchIndex(own, -1) {
		k := xnode{local: "category", line: lineAt(m[0]), text: fallbackText(own[m[4]:m[5]])}
		for _, a := range wxrFallbackAttr.FindAllStringSubmatch(own[m[2]:m[3]], -1) {
			k.attr = append(k.attr, xmlAttr(a[1], html.UnescapeString(a[2])))
		}
		n.kids = append(n.kids, k)
	}
	for _, m := range wxrFallbackMeta.FindAllStringSubmatch(own, -1) {
		meta := xnode{ns: "wp", local: "postmeta"}
		for _, f := range []string{"meta_key", "meta_value"} {
			if text, _, ok := fallbackTag(m[1], "wp:"+f); ok {
				meta.kids = append(meta.kids, xnode{ns: "wp", local: f, text: text})
			}
		}
		n.kids = append(n.kids, meta)
	}
	return n
}

// fallback reads the rest of an export the XML decoder could not read
// past, as WordPress's importer does when its XML parsers fail: item by
// item, between "<item>" and "</item>", from the start of the channel
// child the decoder failed in. Each item read is reported as recovered.
// It returns whether every item it met was closed; an item cut off by the
// end of the input is lost.
func (s *wxrScanner) fallback(fn func(*post.Post) error) (complete bool, err error) {
	rec := s.rec
	data := string(rec.buf[:rec.pos])
	line := rec.line
	eof := false
	limit := s.opt.maxItemBytes()
	more := func() {
		chunk, end := rec.rest()
		data += string(chunk)
		eof = end
	}
	const open, close = "<item>", "</item>"
	for {
		i := strings.Index(data, open)
		for i < 0 && !eof {
			// Keep enough of the tail to find a tag cut in two.
			keep := min(len(data), len(open)-1)
			line += strings.Count(data[:len(data)-keep], "\n")
			data = data[len(data)-keep:]
			more()
			i = strings.Index(data, open)
		}
		if i < 0 {
			return true, nil
		}
		j := strings.Index(data[i:], close)
		for j < 0 && !eof && int64(len(data)-i) <= limit {
			more()
			j = strings.Index(data[i:], close)
		}
		if j < 0 && !eof || j >= 0 && int64(j+len(close)) > limit {
			// Past Options.MaxItemBytes: drop the item as it is read.
			itemLine := line + strings.Count(data[:i], "\n")
			title, _, _ := fallbackTag(data[i:min(len(data), i+64<<10)], "title")
			s.errs = append(s.errs, &Error{Path: s.path, Line: itemLine,
				Err: fmt.Errorf("source: %w: item %q is over %d bytes (Options.MaxItemBytes): skipped", ErrTooLarge, title, limit)})
			s.w.Items++
			for j < 0 && !eof {
				keep := min(len(data)-i, len(close)-1)
				line += strings.Count(data[:len(data)-keep], "\n")
				data, i = data[len(data)-keep:], 0
				more()
				j = strings.Index(data, close)
			}
			if j < 0 {
				return false, nil
			}
			end := i + j + len(close)
			line += strings.Count(data[:end], "\n")
			data = data[end:]
			continue
		}
		if j < 0 {
			return false, nil
		}
		itemLine := line + strings.Count(data[:i], "\n")
		body := data[i+len(open) : i+j]
		if !utf8.ValidString(body) {
			body = latin1String(body)
		}
		n := fallbackItem(body, itemLine)
		s.warnAt(itemLine, WarnRecovered, "item %q read by the fallback reader: the export is not well-formed XML here", n.titleText())
		if err := s.itemNode(n, fn); err != nil {
			var fnErr *callbackError
			if errors.As(err, &fnErr) {
				return false, fnErr.err
			}
			return false, err
		}
		end := i + j + len(close)
		line += strings.Count(data[:end], "\n")
		data = data[end:]
	}
}

// latin1String reads bytes that are not UTF-8 as ISO-8859-1, which is
// what an export with such bytes most often is.
func latin1String(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// recoverFrom runs the fallback reader after the decoder failed with
// err, if the export is one the importer's fallback would read (it has a
// wp:wxr_version), and ends the reading. The decoder's error is a
// warning when the fallback read every item to the end, and stays an
// error when an item was lost (cut off by the end of the file). It
// returns fn's error, if fn stopped the reading.
func (s *wxrScanner) recoverFrom(err error, fn func(*post.Post) error) error {
	s.stopped = true
	if s.rec == nil || s.w.Version == "" {
		s.syntaxError(err)
		return nil
	}
	s.syntaxError(err)
	last := s.errs[len(s.errs)-1].(*Error)
	s.errs = s.errs[:len(s.errs)-1]
	s.opt.warn(post.Warning{Path: s.path, Line: last.Line, Column: last.Column, Kind: WarnRecovered,
		Message: fmt.Sprintf("%v; the rest is read item by item, as WordPress's importer reads it", last.Err)})
	complete, ferr := s.fallback(fn)
	if ferr != nil {
		return ferr
	}
	truncated := errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF")
	if !complete || truncated {
		s.errs = append(s.errs, last)
	}
	return nil
}

// xmlAttr makes an attribute of a recovered element.
func xmlAttr(name, value string) xml.Attr {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return xml.Attr{Name: xml.Name{Local: name}, Value: value}
}

// strayCDATAEnd returns the offset of the first "]]>" in b that does not
// close a CDATA section, or -1. Well-formed XML has none: text must
// escape it. It is the mark of a CDATA section that held "]]>".
func strayCDATAEnd(b []byte) int {
	const open, end = "<![CDATA[", "]]>"
	off := 0
	for {
		e := bytes.Index(b[off:], []byte(end))
		if e < 0 {
			return -1
		}
		o := bytes.Index(b[off:off+e], []byte(open))
		if o < 0 {
			return off + e
		}
		// Skip the CDATA section that opens first.
		c := bytes.Index(b[off+o+len(open):], []byte(end))
		if c < 0 {
			return -1
		}
		off += o + len(open) + c + len(end)
	}
}

// consumed is the part of the recorded bytes the decoder has read, up to
// its offset off.
func (w *wxrRecorder) consumed(off int64) []byte {
	n := int(off - w.base)
	return w.buf[:max(0, min(n, w.pos))]
}

// closesItem reports whether b ends with an </item> end tag.
func closesItem(b []byte) bool {
	b = bytes.TrimRight(b, " \t\r\n")
	if !bytes.HasSuffix(b, []byte(">")) {
		return false
	}
	b = bytes.TrimRight(b[:len(b)-1], " \t\r\n")
	return bytes.HasSuffix(b, []byte("</item"))
}
