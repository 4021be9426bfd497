package postfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/folio-go/folio/post"
	"go.yaml.in/yaml/v3"
)

// mdAliases lists, for each field Markdown writes, the front-matter
// keys that source.ParseMarkdown also reads into that field (lower case).
// When Params holds one of them, the field is written even if it is empty,
// so that it claims the field again on reading and the Params key stays a
// Params key. postfile may not import source, so the list is repeated here;
// the round-trip test in this package keeps the two in step.
var mdAliases = map[string][]string{
	"title":      {"title"},
	"id":         {"id"},
	"slug":       {"slug"},
	"date":       {"date", "publishdate", "pubdate", "published"},
	"lastmod":    {"lastmod", "updated", "modified"},
	"expiryDate": {"expirydate", "unpublishdate"},
	"status":     {"status", "draft", "published"},
	"summary":    {"summary", "description", "excerpt"},
	"format":     {"format"},
	"dialect":    {"dialect"},
	"authors":    {"authors", "author", "by"},
	"categories": {"categories", "category"},
	"tags":       {"tags", "tag"},
	"citations":  {"citations", "sources"},
	"taxonomies": {"taxonomies"},
	"kind":       {"kind"},
	"protected":  {"protected"},
	"aliases":    {"aliases", "redirect_from"},
}

// Markdown writes p as a front-matter Markdown file: YAML front matter
// between `---` lines, a blank line, then the body as it is. The front
// matter holds, in this order and each only when set: id, title, slug, date,
// lastmod, expiryDate (RFC 3339, in the date's own zone), `draft: true` or
// `status: <state>` (nothing for a published post), summary, format (when
// the body is not Markdown, e.g. `format: html` for a WordPress body),
// dialect (when the body holds one, e.g. `dialect: wordpress`, so that its
// shortcodes, kept as written, are expanded again when it is read back),
// authors, `taxonomies` (the names of the custom taxonomies that follow,
// so that the file reads back without options), categories, tags, each
// custom taxonomy (sorted by name), citations, `kind: page` for a page,
// `protected: true`, aliases (a list), then every Params key, sorted.
//
// Authors, terms and citations are written as plain strings when the
// string says everything (a term's slug is post.Slugify of its name and it
// has no parent; an author has only a name and that slug; a citation has
// only a source) and as mappings {name, slug, parent}, {name, slug, email,
// url, bio} or {source, url, title} otherwise.
//
// source.ParseMarkdown (and source.Load) read the file back into a post
// equal to p, apart from Source, provided p is one those readers could have
// produced: a custom taxonomy has at least one term; the body must not
// start with blank lines nor
// contain CR LF line ends (both are normalised away on reading); slugs must
// already be safe. A zero Status or Body.Format counts as published and
// Markdown.
//
// Markdown returns an error, and writes nothing, for what it cannot
// write so that it reads back: an author or term without a name, an empty
// citation, a date outside the years 0 to 9999, or a Params value YAML
// cannot hold.
func Markdown(w io.Writer, p *post.Post) error {
	fm, err := markdownFrontMatter(p)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Grow(len(p.Body.Text) + 512)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	buf.WriteString("---\n")
	if len(fm.Content) > 0 {
		if err := enc.Encode(fm); err != nil {
			return fmt.Errorf("postfile: markdown: %w", err)
		}
		if err := enc.Close(); err != nil {
			return fmt.Errorf("postfile: markdown: %w", err)
		}
	}
	buf.WriteString("---\n")
	if p.Body.Text != "" {
		buf.WriteString("\n")
		buf.WriteString(p.Body.Text)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// mdForced reports which fields Params makes Markdown write even when
// they are empty.
func mdForced(params map[string]any) map[string]bool {
	forced := map[string]bool{}
	for k := range params {
		lk := strings.ToLower(k)
		for field, names := range mdAliases {
			for _, n := range names {
				if n == lk {
					forced[field] = true
				}
			}
		}
	}
	return forced
}

// markdownFrontMatter builds the front matter of p as a YAML mapping.
func markdownFrontMatter(p *post.Post) (*yaml.Node, error) {
	forced := mdForced(p.Params)
	fm := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		fm.Content = append(fm.Content, mdString(key), v)
	}
	addString := func(key, v string) {
		if v != "" || forced[key] {
			add(key, mdString(v))
		}
	}
	addString("id", p.ID)
	addString("title", p.Title)
	addString("slug", p.Slug)
	for _, d := range []struct {
		key string
		t   time.Time
	}{{"date", p.Date}, {"lastmod", p.Updated}, {"expiryDate", p.Expiry}} {
		n, err := mdDate(d.key, d.t)
		if err != nil {
			return nil, err
		}
		if n != nil || forced[d.key] {
			if n == nil {
				n = mdNull()
			}
			add(d.key, n)
		}
	}
	switch st := p.Status; {
	case st == post.Draft && !forced["status"]:
		add("draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	case st == "" || st == post.Published:
		if forced["status"] {
			add("status", mdString(string(post.Published)))
		}
	default:
		add("status", mdString(string(st)))
	}
	addString("summary", p.Summary)
	if f := p.Body.Format; (f != "" && f != post.Markdown) || forced["format"] {
		if f == "" {
			f = post.Markdown
		}
		add("format", mdString(string(f)))
	}
	if d := p.Body.Dialect; d != "" || forced["dialect"] {
		if d == "" {
			d = "none"
		}
		add("dialect", mdString(string(d)))
	}
	if len(p.Authors) > 0 || forced["authors"] {
		n, err := mdAuthors(p.Authors)
		if err != nil {
			return nil, err
		}
		add("authors", n)
	}
	terms := []struct {
		key   string
		terms []post.Term
	}{{"categories", p.Categories}, {"tags", p.Tags}}
	var names []string
	for _, name := range sortedKeys(p.Taxonomies) {
		if len(p.Taxonomies[name]) == 0 {
			continue
		}
		names = append(names, name)
		terms = append(terms, struct {
			key   string
			terms []post.Term
		}{name, p.Taxonomies[name]})
	}
	if len(names) > 0 || forced["taxonomies"] {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, n := range names {
			seq.Content = append(seq.Content, mdString(n))
		}
		add("taxonomies", seq)
	}
	for _, t := range terms {
		if len(t.terms) == 0 && !forced[t.key] {
			continue
		}
		n, err := mdTerms(t.key, t.terms)
		if err != nil {
			return nil, err
		}
		add(t.key, n)
	}
	if len(p.Citations) > 0 || forced["citations"] {
		n, err := mdCitations(p.Citations)
		if err != nil {
			return nil, err
		}
		add("citations", n)
	}
	if p.Kind == post.KindPage || forced["kind"] {
		kind := p.Kind
		if kind == "" {
			kind = post.KindPost
		}
		add("kind", mdString(string(kind)))
	}
	if p.Protected || forced["protected"] {
		add("protected", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(p.Protected)})
	}
	if len(p.Aliases) > 0 || forced["aliases"] {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range p.Aliases {
			seq.Content = append(seq.Content, mdString(a))
		}
		add("aliases", seq)
	}
	for _, k := range sortedKeys(p.Params) {
		n, err := mdValue(p.Params[k], 0)
		if err != nil {
			return nil, fmt.Errorf("postfile: markdown: params[%q]: %w", k, err)
		}
		add(k, n)
	}
	return fm, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func mdString(s string) *yaml.Node {
	n := &yaml.Node{}
	_ = n.Encode(s) // a string always encodes
	return n
}

func mdNull() *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

// mdDate writes t in RFC 3339 in its own zone; nil for the zero time.
func mdDate(key string, t time.Time) (*yaml.Node, error) {
	if t.IsZero() {
		return nil, nil
	}
	if t.Year() < 0 || t.Year() > 9999 {
		return nil, fmt.Errorf("postfile: markdown: %s %v is outside the years 0 to 9999", key, t)
	}
	return mdString(t.Format(time.RFC3339Nano)), nil
}

func mdMap(pairs ...string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" || pairs[i] == "name" {
			n.Content = append(n.Content, mdString(pairs[i]), mdString(pairs[i+1]))
		}
	}
	return n
}

func mdAuthors(authors []post.Author) (*yaml.Node, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, a := range authors {
		if a.Name == "" {
			return nil, errors.New("postfile: markdown: an author has no name")
		}
		if a.Slug == post.Slugify(a.Name) && a.Email == "" && a.URL == "" && a.Bio == "" {
			seq.Content = append(seq.Content, mdString(a.Name))
			continue
		}
		seq.Content = append(seq.Content, mdMap("name", a.Name, "slug", a.Slug, "email", a.Email, "url", a.URL, "bio", a.Bio))
	}
	return seq, nil
}

func mdTerms(key string, terms []post.Term) (*yaml.Node, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, t := range terms {
		if t.Name == "" {
			return nil, fmt.Errorf("postfile: markdown: a term of %s has no name", key)
		}
		if t.Slug == post.Slugify(t.Name) && t.Parent == "" {
			seq.Content = append(seq.Content, mdString(t.Name))
			continue
		}
		seq.Content = append(seq.Content, mdMap("name", t.Name, "slug", t.Slug, "parent", t.Parent))
	}
	return seq, nil
}

func mdCitations(cites []post.Citation) (*yaml.Node, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, c := range cites {
		switch {
		case c.Source == "" && c.URL == "" && c.Title == "":
			return nil, errors.New("postfile: markdown: a citation has no source, URL or title")
		case c.URL == "" && c.Title == "":
			seq.Content = append(seq.Content, mdString(c.Source))
		default:
			seq.Content = append(seq.Content, mdMap("source", c.Source, "url", c.URL, "title", c.Title))
		}
	}
	return seq, nil
}

// mdMaxDepth bounds the nesting of a Params value, which could otherwise
// be a cycle.
const mdMaxDepth = 100

// mdValue writes a Params value: nil, bools, numbers, strings, times,
// and slices, arrays, maps and pointers of them. Floats keep a decimal
// point, so that 1.0 reads back as a float rather than an int. Anything
// else (a channel, a function, a struct) is an error.
func mdValue(v any, depth int) (*yaml.Node, error) {
	if depth > mdMaxDepth {
		return nil, errors.New("nested too deeply (a cycle?)")
	}
	if v == nil {
		return mdNull(), nil
	}
	if t, ok := v.(time.Time); ok {
		return mdScalar(t)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return mdScalar(v)
	case reflect.Float32, reflect.Float64:
		return mdFloat(rv.Float()), nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return mdNull(), nil
		}
		return mdValue(rv.Elem().Interface(), depth+1)
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return mdNull(), nil
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for i := range rv.Len() {
			n, err := mdValue(rv.Index(i).Interface(), depth+1)
			if err != nil {
				return nil, err
			}
			seq.Content = append(seq.Content, n)
		}
		return seq, nil
	case reflect.Map:
		return mdMapping(rv, depth)
	}
	return nil, fmt.Errorf("cannot write a %T as YAML", v)
}

// mdScalar encodes a value yaml.v3 knows as a scalar.
func mdScalar(v any) (*yaml.Node, error) {
	n := &yaml.Node{}
	if err := n.Encode(v); err != nil {
		return nil, err
	}
	return n, nil
}

// mdMapping writes a map with its keys sorted by their text.
func mdMapping(rv reflect.Value, depth int) (*yaml.Node, error) {
	type entry struct {
		key  string
		k, v *yaml.Node
	}
	var entries []entry
	iter := rv.MapRange()
	for iter.Next() {
		k, err := mdValue(iter.Key().Interface(), depth+1)
		if err != nil {
			return nil, err
		}
		if k.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("cannot write a map key of type %s as YAML", iter.Key().Type())
		}
		v, err := mdValue(iter.Value().Interface(), depth+1)
		if err != nil {
			return nil, err
		}
		entries = append(entries, entry{key: k.Value, k: k, v: v})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, e := range entries {
		m.Content = append(m.Content, e.k, e.v)
	}
	return m, nil
}

func mdFloat(f float64) *yaml.Node {
	var s string
	switch {
	case math.IsNaN(f):
		s = ".nan"
	case math.IsInf(f, 1):
		s = ".inf"
	case math.IsInf(f, -1):
		s = "-.inf"
	default:
		s = strconv.FormatFloat(f, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: s}
}
