package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// The front-matter flavours, named as Post.Params never sees them but
// errors do.
const (
	flavourNone = ""
	flavourYAML = "YAML"
	flavourTOML = "TOML"
	flavourJSON = "JSON"
)

// fmKind is the shape of a front-matter value.
type fmKind int

const (
	kindNull fmKind = iota
	kindString
	kindBool
	kindNumber
	kindList
	kindMap
)

// fmValue is one front-matter value in a form shared by YAML, TOML and
// JSON, with its position in the file so that a bad value can be pointed
// at.
type fmValue struct {
	kind fmKind
	// text is a scalar as written (YAML) or as formatted (TOML, JSON):
	// `- 47` gives "47", an unquoted YAML date its text.
	text   string
	b      bool
	items  []*fmValue
	fields []fmField
	line   int // 1-based line in the file; 0 when unknown
	col    int // 1-based column in runes; 0 when unknown
}

// fmField is one key of a front-matter mapping, in document order.
type fmField struct {
	key  string
	val  *fmValue
	line int
	col  int
	// native is the value as decoded by the flavour's own decoder, kept for
	// Post.Params. Only top-level fields have it.
	native any
}

// fmDocument is a file split into front matter and body.
type fmDocument struct {
	path     string
	flavour  string
	fields   []fmField
	body     string
	bodyLine int // line of the body's first line in the file
}

// errAt makes a positioned error for the document's file.
func (d *fmDocument) errAt(line, col int, err error) *Error {
	return &Error{Path: d.path, Line: line, Column: col, Err: err}
}

// fmNormalize checks that data is UTF-8 and returns it as a string without
// a byte-order mark and with CRLF line ends turned into LF (CRs before an
// LF are all dropped). Neither change
// moves a line, and the mark is no character a reader sees.
func fmNormalize(path string, data []byte) (string, error) {
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line, col := fmLineCol(data[:off])
		return "", &Error{Path: path, Line: line, Column: col, Err: fmt.Errorf("source: %w (byte 0x%02x)", ErrEncoding, data[off])}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.Contains(data, []byte("\r\n")) {
		data = dropCRs(data)
	}
	return string(data), nil
}

// dropCRs removes every CR that ends a line, including runs of them
// ("\r\r\n"), so that normalising twice gives what normalising once did.
func dropCRs(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for _, c := range data {
		if c == '\n' {
			for len(out) > 0 && out[len(out)-1] == '\r' {
				out = out[:len(out)-1]
			}
		}
		out = append(out, c)
	}
	return out
}

// fmLineCol returns the 1-based line and rune column just past prefix.
func fmLineCol(prefix []byte) (line, col int) {
	line = 1 + bytes.Count(prefix, []byte("\n"))
	last := bytes.LastIndexByte(prefix, '\n')
	return line, 1 + utf8.RuneCount(prefix[last+1:])
}

// fmLineColString is fmLineCol for a string prefix.
func fmLineColString(prefix string) (line, col int) {
	line = 1 + strings.Count(prefix, "\n")
	last := strings.LastIndexByte(prefix, '\n')
	return line, 1 + utf8.RuneCountInString(prefix[last+1:])
}

// fmNextLine returns the line of s starting at off (without its newline) and
// the offset of the line after it.
func fmNextLine(s string, off int) (line string, next int) {
	end := strings.IndexByte(s[off:], '\n')
	if end < 0 {
		return s[off:], len(s)
	}
	return s[off : off+end], off + end + 1
}

func fmIsBlank(line string) bool { return strings.Trim(line, " \t") == "" }

// fmSkipBlankLines returns the offset of the first line of s at or after off
// that is not blank, and how many lines it skipped.
func fmSkipBlankLines(s string, off int) (int, int) {
	n := 0
	for off < len(s) {
		line, next := fmNextLine(s, off)
		if !fmIsBlank(line) {
			break
		}
		if next == len(s) && !strings.HasSuffix(s, "\n") {
			// A last line of spaces with no newline: the body is empty.
			return len(s), n
		}
		off, n = next, n+1
	}
	return off, n
}

// splitFrontMatter finds the front matter of a normalised file: YAML between `---`
// lines (closed by `---` or YAML's `...`), TOML between `+++` lines, or a
// leading JSON object. Blank lines before it are allowed. The body starts
// after the closing line, its leading blank lines dropped (they are layout,
// not text). A file with none of these has no front matter and is all body.
func splitFrontMatter(path, s string) (*fmDocument, error) {
	d := &fmDocument{path: path}
	start, skipped := fmSkipBlankLines(s, 0)
	openLine := 1 + skipped
	first, next := fmNextLine(s, start)
	first = strings.TrimRight(first, " \t")
	var err error
	switch {
	case first == "---":
		d.flavour = flavourYAML
		err = d.fenced(s, next, openLine, "---", "...")
	case first == "+++":
		d.flavour = flavourTOML
		err = d.fenced(s, next, openLine, "+++", "")
	case strings.HasPrefix(first, "{"):
		d.flavour = flavourJSON
		err = d.json(s, start)
	default:
		d.setBody(s, start, openLine)
	}
	if err != nil {
		return nil, err
	}
	return d, nil
}

// setBody makes s[off:] the body, which starts on line.
func (d *fmDocument) setBody(s string, off, line int) {
	off, n := fmSkipBlankLines(s, off)
	d.body, d.bodyLine = s[off:], line+n
}

// fenced reads front matter from off up to a line that is close or alt
// (alt may be empty) and decodes it.
func (d *fmDocument) fenced(s string, off, openLine int, close, alt string) error {
	line := openLine + 1
	for pos := off; pos < len(s); line++ {
		l, next := fmNextLine(s, pos)
		l = strings.TrimRight(l, " \t")
		if l == close || (alt != "" && l == alt) {
			if err := d.decode(s[off:pos], openLine); err != nil {
				return err
			}
			d.setBody(s, next, line+1)
			return nil
		}
		pos = next
	}
	return d.errAt(openLine, 1, fmt.Errorf("source: %w: the %s front matter opened here has no closing %q line", ErrFrontMatter, d.flavour, close))
}

// decode decodes a fenced block whose opening fence is on openLine.
func (d *fmDocument) decode(block string, openLine int) error {
	if d.flavour == flavourYAML {
		return d.yaml(block, openLine)
	}
	return d.toml(block, openLine)
}

// fmYAMLLine finds the line number in yaml.v3's error messages, which carry
// no column.
var fmYAMLLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlParserProblems are the messages of yaml.v3's parser (as opposed to
// its scanner) errors, whose line numbers count from 0 where the scanner's
// count from 1.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// maxYAMLNodes bounds the nodes read through aliases, so that a few lines
// of anchors cannot expand into gigabytes ("billion laughs").
const maxYAMLNodes = 100000

func (d *fmDocument) yaml(block string, openLine int) error {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(block), &root); err != nil {
		return d.yamlError(err, openLine)
	}
	if len(root.Content) == 0 {
		return nil // empty front matter
	}
	top := root.Content[0]
	if top.Kind == yaml.ScalarNode && top.ShortTag() == "!!null" {
		return nil
	}
	if top.Kind != yaml.MappingNode {
		return d.errAt(openLine+top.Line, top.Column, fmt.Errorf("source: %w: YAML front matter must be a mapping of keys to values", ErrFrontMatter))
	}
	budget := maxYAMLNodes
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		val, err := d.fromYAML(v, openLine, &budget)
		if err != nil {
			return err
		}
		var native any
		if err := v.Decode(&native); err != nil {
			return d.errAt(openLine+v.Line, v.Column, fmt.Errorf("source: %w: %s: %v", ErrFrontMatter, k.Value, err))
		}
		d.fields = append(d.fields, fmField{key: k.Value, val: val, line: openLine + k.Line, col: k.Column, native: native})
	}
	return nil
}

// yamlError turns a yaml.v3 error into a positioned one, moving its line
// from the block to the file.
func (d *fmDocument) yamlError(err error, openLine int) error {
	msg := err.Error()
	line := openLine + 1
	if m := fmYAMLLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
		if yamlParserProblems[msg] {
			n++
		}
		line = openLine + n
		msg = "yaml: " + msg
	}
	return d.errAt(line, 0, fmt.Errorf("source: %w: %s", ErrFrontMatter, msg))
}

// fromYAML converts a YAML node, following aliases within budget.
func (d *fmDocument) fromYAML(n *yaml.Node, openLine int, budget *int) (*fmValue, error) {
	*budget--
	if *budget < 0 {
		return nil, d.errAt(openLine+n.Line, n.Column, fmt.Errorf("source: %w: too many YAML nodes (aliases expand past %d)", ErrFrontMatter, maxYAMLNodes))
	}
	v := &fmValue{line: openLine + n.Line, col: n.Column}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return v, nil
		}
		return d.fromYAML(n.Content[0], openLine, budget)
	case yaml.AliasNode:
		if n.Alias == nil {
			return v, nil
		}
		a, err := d.fromYAML(n.Alias, openLine, budget)
		if err != nil {
			return nil, err
		}
		c := *a
		c.line, c.col = v.line, v.col // point at the use, not the anchor
		return &c, nil
	case yaml.SequenceNode:
		v.kind = kindList
		for _, c := range n.Content {
			item, err := d.fromYAML(c, openLine, budget)
			if err != nil {
				return nil, err
			}
			v.items = append(v.items, item)
		}
	case yaml.MappingNode:
		v.kind = kindMap
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			val, err := d.fromYAML(n.Content[i+1], openLine, budget)
			if err != nil {
				return nil, err
			}
			v.fields = append(v.fields, fmField{key: k.Value, val: val, line: openLine + k.Line, col: k.Column})
		}
	default:
		v.text = n.Value
		if n.ShortTag() == "!!timestamp" {
			// Keep a date in Params as written, as TOML and JSON dates
			// are, rather than as the time.Time yaml.v3 would make of it.
			n.Tag = "!!str"
		}
		switch n.ShortTag() {
		case "!!null":
			v.kind = kindNull
		case "!!bool":
			v.kind = kindBool
			if err := n.Decode(&v.b); err != nil {
				return nil, d.errAt(v.line, v.col, fmt.Errorf("source: %w: %v", ErrFrontMatter, err))
			}
		case "!!int", "!!float":
			v.kind = kindNumber
		default:
			v.kind = kindString
		}
	}
	return v, nil
}

func (d *fmDocument) toml(block string, openLine int) error {
	var m map[string]any
	if err := toml.Unmarshal([]byte(block), &m); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return d.errAt(openLine+row, col, fmt.Errorf("source: %w: toml: %s", ErrFrontMatter, de.Error()))
		}
		return d.errAt(openLine, 0, fmt.Errorf("source: %w: toml: %v", ErrFrontMatter, err))
	}
	pos := tomlKeyPositions(block)
	for k, raw := range m {
		p := pos[k]
		native := normalizeNative(raw)
		line, col := 0, 0
		if p.line > 0 {
			line, col = openLine+p.line, p.col
		}
		d.fields = append(d.fields, fmField{key: k, val: fromNative(native, line, col), line: line, col: col, native: native})
	}
	// A map has no order; the file does.
	sort.Slice(d.fields, func(i, j int) bool {
		a, b := d.fields[i], d.fields[j]
		if a.line != b.line {
			return a.line < b.line
		}
		return a.key < b.key
	})
	return nil
}

type fmKeyPos struct{ line, col int }

// tomlKeyPositions finds where each top-level key of a TOML block is
// written, for error positions and document order: `key = ...` lines
// before the first table, and `[table]` headers. It is a scan, not a
// parse; a key it cannot find has no position.
func tomlKeyPositions(block string) map[string]fmKeyPos {
	pos := map[string]fmKeyPos{}
	inTable := false
	for i, l := range strings.Split(block, "\n") {
		t := strings.TrimLeft(l, " \t")
		col := 1 + utf8.RuneCountInString(l[:len(l)-len(t)])
		var name string
		switch {
		case strings.HasPrefix(t, "["):
			inTable = true
			end := strings.IndexByte(t, ']')
			if end < 0 {
				continue
			}
			name = strings.Trim(t[:end], "[ \t")
		case !inTable && strings.Contains(t, "="):
			name = strings.TrimSpace(t[:strings.IndexByte(t, '=')])
		default:
			continue
		}
		if dot := strings.IndexByte(name, '.'); dot >= 0 && !strings.HasPrefix(name, `"`) && !strings.HasPrefix(name, "'") {
			name = strings.TrimSpace(name[:dot])
		}
		name = strings.Trim(name, `"'`)
		if _, seen := pos[name]; !seen {
			pos[name] = fmKeyPos{line: i + 1, col: col}
		}
	}
	return pos
}

// json reads a leading JSON object at s[start:], key by key so that each
// key keeps its position and order.
func (d *fmDocument) json(s string, start int) error {
	dec := json.NewDecoder(strings.NewReader(s[start:]))
	dec.UseNumber()
	// A *json.SyntaxError from Token counts from the decoder's start and
	// points just past the bad byte. One from Decode counts from wherever
	// the decoder last compacted its buffer, so a bad value is scanned again
	// on its own (from base) to find the byte.
	fail := func(err error, base int) error {
		off := start + int(dec.InputOffset())
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = start + int(se.Offset) - 1
			if base != start {
				var v any
				if errors.As(json.Unmarshal([]byte(s[base:]), &v), &se) {
					off = base + int(se.Offset) - 1
				}
			}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("unexpected end of the JSON front matter")
			off = len(s)
		}
		off = max(0, min(off, len(s)))
		line, col := fmLineColString(s[:off])
		return d.errAt(line, col, fmt.Errorf("source: %w: json: %v", ErrFrontMatter, err))
	}
	if _, err := dec.Token(); err != nil { // the '{'
		return fail(err, start)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fail(err, start)
		}
		key, ok := tok.(string)
		if !ok {
			return fail(fmt.Errorf("object key is %v, not a string", tok), start)
		}
		keyEnd := start + int(dec.InputOffset())
		kline, kcol := fmLineColString(s[:jsonKeyStart(s, keyEnd)])
		vstart := jsonValueStart(s, keyEnd)
		var raw any
		if err := dec.Decode(&raw); err != nil {
			return fail(err, vstart)
		}
		native := normalizeNative(raw)
		vline, vcol := fmLineColString(s[:vstart])
		d.fields = append(d.fields, fmField{key: key, val: fromNative(native, vline, vcol), line: kline, col: kcol, native: native})
	}
	if _, err := dec.Token(); err != nil { // the '}'
		return fail(err, start)
	}
	end := start + int(dec.InputOffset())
	line, _ := fmLineColString(s[:end])
	rest, next := fmNextLine(s, end)
	if fmIsBlank(rest) {
		d.setBody(s, next, line+1)
	} else {
		d.setBody(s, end, line)
	}
	return nil
}

// jsonKeyStart finds the opening quote of the JSON key that ends at end.
func jsonKeyStart(s string, end int) int {
	i := end - 1
	for i > 0 {
		i--
		if s[i] == '"' && (i == 0 || s[i-1] != '\\') {
			return i
		}
	}
	return i
}

// jsonValueStart skips the blanks and colon after a JSON key.
func jsonValueStart(s string, off int) int {
	for off < len(s) && strings.IndexByte(" \t\r\n:", s[off]) >= 0 {
		off++
	}
	return off
}

// normalizeNative gives TOML and JSON values the Go types YAML decoding
// gives, so that Params look the same whatever the flavour and survive
// being written back as YAML: int for integers, float64 for other numbers,
// dates and times as their text, []any and map[string]any.
func normalizeNative(v any) any {
	switch x := v.(type) {
	case int64:
		return int(x)
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 0); err == nil {
			return int(i)
		}
		f, err := x.Float64()
		if err != nil {
			return string(x) // out of float range: keep the digits
		}
		return f
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case toml.LocalDate, toml.LocalDateTime, toml.LocalTime:
		return fmt.Sprint(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalizeNative(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalizeNative(e)
		}
		return out
	}
	return v
}

// fromNative converts a normalised TOML or JSON value; every part of it
// takes the given position, that of its top-level key.
func fromNative(v any, line, col int) *fmValue {
	out := &fmValue{line: line, col: col}
	switch x := v.(type) {
	case nil:
		out.kind = kindNull
	case string:
		out.kind, out.text = kindString, x
	case bool:
		out.kind, out.b, out.text = kindBool, x, strconv.FormatBool(x)
	case int:
		out.kind, out.text = kindNumber, strconv.Itoa(x)
	case float64:
		out.kind, out.text = kindNumber, strconv.FormatFloat(x, 'g', -1, 64)
	case []any:
		out.kind = kindList
		for _, e := range x {
			out.items = append(out.items, fromNative(e, line, col))
		}
	case map[string]any:
		out.kind = kindMap
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out.fields = append(out.fields, fmField{key: k, val: fromNative(x[k], line, col), line: line, col: col})
		}
	default:
		out.kind, out.text = kindString, fmt.Sprint(x)
	}
	return out
}
