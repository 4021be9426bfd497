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

// yaml decodes YAML front matter: by fastYAML when the block is written
// in the plain subset it reads, by yaml.v3 otherwise.
func (d *fmDocument) yaml(block string, openLine int) error {
	if fields, ok := fastYAML(block, openLine); ok {
		d.fields = fields
		return nil
	}
	return d.slowYAML(block, openLine)
}

// slowYAML decodes YAML front matter with yaml.v3.
func (d *fmDocument) slowYAML(block string, openLine int) error {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(block), &root); err != nil {
		return d.yamlError(err, block, openLine)
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
		native = normalizeNative(native)
		d.fields = append(d.fields, fmField{key: k.Value, val: val, line: openLine + k.Line, col: k.Column, native: native})
	}
	return nil
}

// yamlError turns a yaml.v3 error into a positioned one, moving its line
// from the block to the file.
func (d *fmDocument) yamlError(err error, block string, openLine int) error {
	msg := err.Error()
	line := openLine + 1
	if m := fmYAMLLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
		if yamlParserProblems[msg] {
			n++
		}
		line = openLine + n
		col := yamlErrorColumn(blockLine(block, n), msg)
		return d.errAt(line, col, fmt.Errorf("source: %w: yaml: %s", ErrFrontMatter, msg))
	}
	return d.errAt(line, 0, fmt.Errorf("source: %w: %s", ErrFrontMatter, msg))
}

// blockLine returns the n-th line (1-based) of block, or "" past its end.
func blockLine(block string, n int) string {
	for ; n > 1; n-- {
		i := strings.IndexByte(block, '\n')
		if i < 0 {
			return ""
		}
		block = block[i+1:]
	}
	if i := strings.IndexByte(block, '\n'); i >= 0 {
		block = block[:i]
	}
	return block
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
	if err := d.checkTOMLShape(block, openLine); err != nil {
		return err
	}
	var m map[string]any
	if err := toml.Unmarshal([]byte(block), &m); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return d.errAt(openLine+row, col, fmt.Errorf("source: %w: %s", ErrFrontMatter, de.Error()))
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
// dates and times as their text, []any and map[string]any (YAML's
// map[any]any too, keys as text, where no two keys share a text).
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
	case map[any]any:
		// yaml.v3 makes these when a key is not a plain string (a number,
		// a tagged key). JSON cannot hold them; keys as text can, unless
		// two keys would become one text (1 and "1"): then it stays.
		out := make(map[string]any, len(x))
		for k, e := range x {
			ks := fmt.Sprint(k)
			if _, dup := out[ks]; dup {
				return v
			}
			out[ks] = normalizeNative(e)
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

// fastYAML reads the plain YAML nearly all front matter is written in,
// several times faster than yaml.v3, which dominates the time to load a
// tree otherwise. It reads only top-level `key: value` lines whose key is
// a plain word, with values that are one-line plain or quoted scalars
// (double-quoted without escapes), one-line flow sequences of those, or
// block sequences (`- item` lines) of those; blank and comment lines are
// skipped. Scalars resolve as yaml.v3 resolves them (true, null, 47, 2.5,
// dates kept as text); a plain scalar that might be some other number is
// not read. For anything else it returns false and the block goes to
// yaml.v3, which also reports every error: fastYAML never fails, it
// declines. FuzzFastYAML checks that the two agree.
func fastYAML(block string, openLine int) ([]fmField, bool) {
	if !fastPlainChars(block) {
		return nil, false
	}
	var fields []fmField
	lineNo := openLine
	for pos := 0; pos < len(block); {
		line, next := fmNextLine(block, pos)
		lineNo++
		pos = next
		if fastSkippable(line) {
			continue
		}
		key, valOff, ok := fastKey(line)
		if !ok {
			return nil, false
		}
		f := fmField{key: key, line: lineNo, col: 1}
		rest := line[valOff:]
		switch {
		case rest == "" || rest[0] == '#':
			// A block sequence, or null.
			v, native, after, ok := fastBlockSeq(block, pos, lineNo)
			if !ok {
				return nil, false
			}
			if v == nil {
				v = &fmValue{kind: kindNull, line: lineNo, col: 1 + utf8.RuneCountInString(line)}
			} else {
				pos, lineNo = after, fastLastLine(block, after, openLine)
			}
			f.val, f.native = v, native
		case rest[0] == '[':
			v, native, ok := fastFlowSeq(rest)
			if !ok {
				return nil, false
			}
			f.val, f.native = v, native
			v.line, v.col = lineNo, 1+utf8.RuneCountInString(line[:valOff])
			for _, it := range v.items {
				it.line, it.col = lineNo, v.col+it.col
			}
		default:
			v, native, ok := fastScalar(rest, false)
			if !ok {
				return nil, false
			}
			v.line, v.col = lineNo, 1+utf8.RuneCountInString(line[:valOff])
			f.val, f.native = v, native
		}
		fields = append(fields, f)
	}
	return fields, true
}

// fastPlainChars reports whether block is free of the characters on
// which YAML and a line-by-line reading could differ: control characters
// (tabs and lone CRs included), C1 controls such as NEL (a YAML line
// break), byte-order marks and the non-characters U+FFFE and U+FFFF.
func fastPlainChars(block string) bool {
	for i := 0; i < len(block); i++ {
		switch b := block[i]; {
		case b < 0x20 && b != '\n', b == 0x7f:
			return false
		case b == 0xc2 && i+1 < len(block) && block[i+1] < 0xa0:
			return false
		case b == 0xef && i+2 < len(block) && (block[i+1] == 0xbb && block[i+2] == 0xbf || block[i+1] == 0xbf && block[i+2] >= 0xbe):
			return false
		}
	}
	return true
}

// fastLastLine is the line number (in the file) of the line before the
// block offset pos.
func fastLastLine(block string, pos, openLine int) int {
	return openLine + strings.Count(block[:pos], "\n")
}

// fastSkippable reports a blank or comment line.
func fastSkippable(line string) bool {
	t := strings.TrimLeft(line, " ")
	return t == "" || t[0] == '#'
}

// fastKey reads `key:` at the start of line, the key a plain word, and
// returns the offset of the value after the blanks that follow the colon.
func fastKey(line string) (key string, valOff int, ok bool) {
	i := 0
	for i < len(line) {
		c := line[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '-') {
			i++
			continue
		}
		break
	}
	if i == 0 || i >= len(line) || line[i] != ':' {
		return "", 0, false
	}
	key, i = line[:i], i+1
	if i < len(line) && line[i] != ' ' {
		return "", 0, false
	}
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i < len(line) && line[i] == '\t' {
		return "", 0, false
	}
	return key, i, true
}

// fastBlockSeq reads the `- item` lines after a key with no value, from
// pos. It returns a nil value for null (no items follow), and the offset
// after the last item.
func fastBlockSeq(block string, pos, keyLine int) (*fmValue, any, int, bool) {
	var v *fmValue
	var natives []any
	indent := -1
	lineNo := keyLine
	end := pos
	for pos < len(block) {
		line, next := fmNextLine(block, pos)
		lineNo++
		if fastSkippable(line) {
			pos = next
			continue
		}
		sp := len(line) - len(strings.TrimLeft(line, " "))
		item := line[sp:]
		if !strings.HasPrefix(item, "-") || len(item) > 1 && item[1] != ' ' {
			if sp > 0 || (indent >= 0 && sp > indent) {
				return nil, nil, 0, false // a nested mapping or a continuation
			}
			break // the next key
		}
		if indent >= 0 && sp != indent || indent < 0 && strings.HasPrefix(line, "\t") {
			return nil, nil, 0, false
		}
		indent = sp
		if v == nil {
			v = &fmValue{kind: kindList, line: lineNo, col: sp + 1}
		}
		rest := strings.TrimLeft(item[1:], " ")
		var it *fmValue
		var native any
		if rest == "" || rest[0] == '#' {
			it = &fmValue{kind: kindNull}
		} else {
			var ok bool
			if it, native, ok = fastScalar(rest, false); !ok {
				return nil, nil, 0, false
			}
		}
		it.line = lineNo
		it.col = 1 + utf8.RuneCountInString(line[:len(line)-len(rest)])
		v.items = append(v.items, it)
		natives = append(natives, native)
		pos, end = next, next
	}
	if v == nil {
		return nil, nil, pos, true
	}
	return v, natives, end, true
}

// fastFlowSeq reads a one-line flow sequence `[a, "b", 3]`. Item columns
// are relative to the opening bracket.
func fastFlowSeq(s string) (*fmValue, any, bool) {
	v := &fmValue{kind: kindList}
	natives := []any{}
	i := 1
	// col counts the runes of s[:colAt], advanced item by item so that a
	// long line costs linear time, not a count from its start per item.
	col, colAt := 0, 0
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) {
			return nil, nil, false
		}
		if s[i] == ']' && len(v.items) == 0 {
			i++
			break
		}
		start := i
		var raw string
		switch s[i] {
		case '"', '\'':
			end := fastQuoteEnd(s, i)
			if end < 0 {
				return nil, nil, false
			}
			raw, i = s[i:end], end
		default:
			for i < len(s) && s[i] != ',' && s[i] != ']' {
				i++
			}
			raw = strings.TrimRight(s[start:i], " ")
			if strings.ContainsAny(raw, "[]{}#:\t") {
				return nil, nil, false
			}
		}
		it, native, ok := fastScalar(raw, true)
		if !ok {
			return nil, nil, false
		}
		col += utf8.RuneCountInString(s[colAt:start])
		colAt = start
		it.col = col
		v.items = append(v.items, it)
		natives = append(natives, native)
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) {
			return nil, nil, false
		}
		if s[i] == ']' {
			i++
			break
		}
		if s[i] != ',' {
			return nil, nil, false
		}
		i++
	}
	if !fastRestBlank(s[i:]) {
		return nil, nil, false
	}
	return v, natives, true
}

// fastRestBlank reports whether what follows a value is only blanks and
// perhaps a comment.
func fastRestBlank(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	return t == "" || t[0] == '#' && len(t) < len(rest)
}

// fastQuoteEnd returns the offset just past the closing quote of the
// quoted scalar at s[i], or -1 when it does not close on this line or (in
// double quotes) uses an escape.
func fastQuoteEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case q == '"' && s[j] == '\\':
			return -1
		case s[j] == q && q == '\'' && j+1 < len(s) && s[j+1] == '\'':
			j++ // '' is a quote inside single quotes
		case s[j] == q:
			return j + 1
		}
	}
	return -1
}

// fastScalar reads one scalar: quoted, or plain with the resolution
// yaml.v3 gives it. inFlow says the text came from a flow sequence, where
// the caller has cut it at the next comma.
func fastScalar(s string, inFlow bool) (*fmValue, any, bool) {
	if s == "" {
		return nil, nil, false
	}
	if s[0] == '"' || s[0] == '\'' {
		end := fastQuoteEnd(s, 0)
		if end < 0 || !fastRestBlank(s[end:]) {
			return nil, nil, false
		}
		text := s[1 : end-1]
		if s[0] == '\'' {
			text = strings.ReplaceAll(text, "''", "'")
		}
		if strings.ContainsAny(text, "\t\r") {
			return nil, nil, false
		}
		return &fmValue{kind: kindString, text: text}, text, true
	}
	if strings.IndexByte("-?:,[]{}#&*!|>%@`", s[0]) >= 0 {
		return nil, nil, false
	}
	if !inFlow {
		if i := strings.Index(s, " #"); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimRight(s, " ")
	}
	if s == "" || s == "<<" || strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.ContainsAny(s, "\t\r") {
		return nil, nil, false
	}
	switch s {
	case "true", "True", "TRUE":
		return &fmValue{kind: kindBool, text: s, b: true}, true, true
	case "false", "False", "FALSE":
		return &fmValue{kind: kindBool, text: s}, false, true
	case "~", "null", "Null", "NULL":
		return &fmValue{kind: kindNull, text: s}, nil, true
	}
	c := s[0]
	if c == '.' || c == '+' || c >= '0' && c <= '9' {
		return fastNumberish(s)
	}
	return &fmValue{kind: kindString, text: s}, s, true
}

// fastNumberish resolves a plain scalar that starts like a number: a
// decimal int, a simple decimal float, or text that cannot be a number
// (a date, a version like 1.2.3). Anything else declines.
func fastNumberish(s string) (*fmValue, any, bool) {
	digits := func(t string) bool {
		if t == "" {
			return false
		}
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return false
			}
		}
		return true
	}
	switch {
	case digits(s) && (s == "0" || s[0] != '0'):
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, nil, false
		}
		return &fmValue{kind: kindNumber, text: s}, n, true
	case len(s) >= 8 && digits(s[:4]) && s[4] == '-' && s[5] >= '0' && s[5] <= '9':
		// A date, or text that starts like one: a string either way.
		return &fmValue{kind: kindString, text: s}, s, true
	case strings.Count(s, ".") >= 2:
		return &fmValue{kind: kindString, text: s}, s, true
	}
	if dot := strings.IndexByte(s, '.'); dot > 0 && digits(s[:dot]) && digits(s[dot+1:]) && (dot == 1 || s[0] != '0') {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, nil, false
		}
		return &fmValue{kind: kindNumber, text: s}, f, true
	}
	return nil, nil, false
}
