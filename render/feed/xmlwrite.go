package feed

import (
	"bytes"
	"io"
)

// xmlWriter writes indented XML into a buffer. It cleans and escapes every
// string it is given, so what it writes is well-formed whatever the content:
// the writers of feeds and sitemaps need no other guard. Callers pass element
// and attribute names as constants. No CDATA sections are written, so "]]>"
// in content is ordinary escaped text ("]]&gt;").
type xmlWriter struct {
	b     bytes.Buffer
	depth int
}

func newXMLWriter() *xmlWriter {
	x := &xmlWriter{}
	x.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	return x
}

// open writes a start tag with attributes given as name, value pairs and
// indents what follows.
func (x *xmlWriter) open(name string, attrs ...string) {
	x.startTag(name, attrs)
	x.b.WriteString(">\n")
	x.depth++
}

// close writes the end tag of the element open opened.
func (x *xmlWriter) close(name string) {
	x.depth--
	x.indent()
	x.b.WriteString("</" + name + ">\n")
}

// elem writes <name attrs>text</name> on one line.
func (x *xmlWriter) elem(name, text string, attrs ...string) {
	x.startTag(name, attrs)
	x.b.WriteByte('>')
	xmlEscape(&x.b, text, false)
	x.b.WriteString("</" + name + ">\n")
}

// empty writes <name attrs/>.
func (x *xmlWriter) empty(name string, attrs ...string) {
	x.startTag(name, attrs)
	x.b.WriteString("/>\n")
}

func (x *xmlWriter) startTag(name string, attrs []string) {
	x.indent()
	x.b.WriteByte('<')
	x.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.b.WriteByte(' ')
		x.b.WriteString(attrs[i])
		x.b.WriteString(`="`)
		xmlEscape(&x.b, attrs[i+1], true)
		x.b.WriteByte('"')
	}
}

func (x *xmlWriter) indent() {
	for range x.depth {
		x.b.WriteString("  ")
	}
}

// writeTo copies the document to w.
func (x *xmlWriter) writeTo(w io.Writer) error {
	_, err := w.Write(x.b.Bytes())
	return err
}

// xmlEscape writes s cleaned (see xmlSafe) and escaped. In attributes,
// quotes and whitespace other than spaces are escaped too, since parsers
// normalize raw tabs and newlines in attribute values to spaces. A raw
// carriage return is escaped everywhere, since parsers turn it into a
// newline.
func xmlEscape(b *bytes.Buffer, s string, attr bool) {
	s = xmlSafe(s)
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\r':
			esc = "&#xD;"
		case attr && c == '"':
			esc = "&quot;"
		case attr && c == '\n':
			esc = "&#xA;"
		case attr && c == '\t':
			esc = "&#x9;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}
