package source

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/folio-go/folio/post"
)

// ParseMarkdown reads one front-matter file: Markdown (.md, .markdown and
// any other name) or HTML (.html, .htm), in the Hugo, Jekyll and Go blog
// layouts. path is used for the slug, the Jekyll date, the body format and
// error messages; it is slash-separated.
//
// Front matter is YAML between `---` lines (closed by `---` or `...`),
// TOML between `+++` lines, or a leading JSON object. Blank lines, a
// byte-order mark and CRLF line ends are accepted; a later `---` is body.
// A Markdown file without front matter is still a post: when its first line
// is a level-1 `# heading`, that is the title and is taken out of the body.
// An HTML file without front matter is not a post: ErrUnsupported.
//
// Keys are matched without regard to case, and when several name one field
// the first in this list wins (the others go to Params):
//
//	title                          Title
//	id                             ID
//	slug                           Slug (made safe with post.Slugify if it is not)
//	date, publishDate, pubdate, published (a date)   Date
//	lastmod, updated, modified     Updated
//	expiryDate, unpublishDate      Expiry
//	status, draft, published (a bool; false is a draft)   Status
//	summary, description, excerpt  Summary
//	authors, author, by            Authors: a name, a list of names, or maps {name, slug, email, url, bio}
//	categories, category           Categories: a list of names or maps {name, slug, parent}
//	tags, tag                      Tags: the same
//	citations, sources             Citations: a name, a list of names, or maps {source, url, title}
//	format                         Body.Format, when it is "text", "markdown" or "html"
//	opt.Taxonomies names           Taxonomies[name]: like tags
//	taxonomies                     more custom taxonomy names, for this file
//
// A plural key (categories, tags) given one string is splitFrontMatter on commas when
// it has one and on white space otherwise, as Jekyll and Hugo splitFrontMatter it
// (Jekyll keeps the commas; folio takes them as the writer's intent); a
// singular key (category, tag) and a custom taxonomy take the whole string
// as one term. A number or bool in a list is the term written that way
// (`- 47` is "47"); null items are skipped and nested lists flattened.
// Every other key goes into Params as its decoder gave it (TOML and JSON
// integers as int, their dates as text).
//
// The slug is the explicit one, else the file name: Jekyll's
// `YYYY-MM-DD-title.md` gives "title" (and the date, when the front matter
// has none), a Hugo bundle's `folder/index.md` gives "folder", otherwise the
// base name without extension. A file-name slug is kept as written when it
// is made of letters, digits, '-', '_' and '.' (no "..", no leading dot), and
// made with post.Slugify otherwise. Dates are read as parseDate describes.
//
// The body is kept as written, CRLF turned into LF and the blank lines
// between front matter and text dropped; `<!--more-->` stays in it (see
// post.Summarize). Status is Published unless the front matter says
// otherwise, or the file is in a Jekyll `_drafts` folder (Draft).
//
// Errors are *Error values with the line and column in the file: ErrEncoding,
// ErrFrontMatter (front matter that does not decode), ErrDate, ErrField (a
// known key with a value of the wrong shape) or ErrUnsupported.
func ParseMarkdown(path string, data []byte, opt Options) (*post.Post, error) {
	s, err := fmNormalize(path, data)
	if err != nil {
		return nil, err
	}
	doc, err := splitFrontMatter(path, s)
	if err != nil {
		return nil, err
	}
	if err := doc.checkDepth(opt.maxDepth()); err != nil {
		return nil, err
	}
	isHTML := isHTMLName(path)
	if isHTML && doc.flavour == flavourNone {
		return nil, &Error{Path: path, Err: fmt.Errorf("source: %w: an HTML file without front matter is not a post", ErrUnsupported)}
	}
	p := &post.Post{Status: post.Published, Body: post.Body{Format: post.Markdown, Text: doc.body}}
	p.Source = post.Source{Path: path, Format: "markdown", Line: 1}
	if isHTML {
		p.Body.Format, p.Source.Format = post.HTML, "html"
	}
	if doc.flavour == flavourNone {
		p.Title, p.Body.Text = headingTitle(doc.body)
	}
	m := &fmMapper{doc: doc, opt: opt, p: p}
	if err := m.apply(); err != nil {
		return nil, err
	}
	if !m.claimed[groupStatus] && inDrafts(path) {
		p.Status = post.Draft
	}
	fileNameDefaults(p, path, opt)
	return p, nil
}

// inDrafts reports whether name lies in a Jekyll `_drafts` folder.
func inDrafts(name string) bool {
	for dir := path.Dir(name); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if path.Base(dir) == "_drafts" {
			return true
		}
	}
	return false
}

func isHTMLName(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// headingTitle takes a level-1 ATX heading on the body's first line as the
// title of a file that has no front matter.
func headingTitle(body string) (title, rest string) {
	line, next := fmNextLine(body, 0)
	if !strings.HasPrefix(line, "# ") && line != "#" {
		return "", body
	}
	title = strings.TrimSpace(line[1:])
	// An ATX heading may end in a closing run of #s after a space.
	if t := strings.TrimRight(title, "#"); t != title && (t == "" || strings.HasSuffix(t, " ")) {
		title = strings.TrimSpace(t)
	}
	off, _ := fmSkipBlankLines(body, next)
	return title, body[off:]
}

// The field groups: each is one field of post.Post that several keys may
// name. Custom taxonomies are groups "taxonomy:<name>".
const (
	groupTitle      = "title"
	groupID         = "id"
	groupSlug       = "slug"
	groupDate       = "date"
	groupUpdated    = "updated"
	groupExpiry     = "expiry"
	groupStatus     = "status"
	groupSummary    = "summary"
	groupAuthors    = "authors"
	groupCategories = "categories"
	groupTags       = "tags"
	groupCitations  = "citations"
	groupFormat     = "format"
)

// fmKeyAlias says which group a key belongs to, with its rank (lower wins).
type fmKeyAlias struct {
	group string
	rank  int
	// singular keys (category, tag) take a string as one term.
	singular bool
	taxonomy string
}

var fmAliases = map[string]fmKeyAlias{
	"title":         {group: groupTitle},
	"id":            {group: groupID},
	"slug":          {group: groupSlug},
	"date":          {group: groupDate},
	"publishdate":   {group: groupDate, rank: 1},
	"pubdate":       {group: groupDate, rank: 2},
	"lastmod":       {group: groupUpdated},
	"updated":       {group: groupUpdated, rank: 1},
	"modified":      {group: groupUpdated, rank: 2},
	"expirydate":    {group: groupExpiry},
	"unpublishdate": {group: groupExpiry, rank: 1},
	"status":        {group: groupStatus},
	"draft":         {group: groupStatus, rank: 1},
	"summary":       {group: groupSummary},
	"description":   {group: groupSummary, rank: 1},
	"excerpt":       {group: groupSummary, rank: 2},
	"authors":       {group: groupAuthors},
	"author":        {group: groupAuthors, rank: 1},
	"by":            {group: groupAuthors, rank: 2},
	"categories":    {group: groupCategories},
	"category":      {group: groupCategories, rank: 1, singular: true},
	"tags":          {group: groupTags},
	"tag":           {group: groupTags, rank: 1, singular: true},
	"citations":     {group: groupCitations},
	"sources":       {group: groupCitations, rank: 1},
}

// alias finds the group of a front-matter key, if it has one.
func fmAlias(key string, v *fmValue, taxonomies []string) (fmKeyAlias, bool) {
	k := strings.ToLower(key)
	switch k {
	case "published":
		// Jekyll's `published: false` is a publish state; anything else
		// under that name is a date.
		if v.kind == kindBool {
			return fmKeyAlias{group: groupStatus, rank: 2}, true
		}
		return fmKeyAlias{group: groupDate, rank: 3}, true
	case "format":
		if v.kind == kindString && (v.text == string(post.Text) || v.text == string(post.Markdown) || v.text == string(post.HTML)) {
			return fmKeyAlias{group: groupFormat}, true
		}
		return fmKeyAlias{}, false
	}
	if a, ok := fmAliases[k]; ok {
		return a, true
	}
	for _, name := range taxonomies {
		if strings.ToLower(name) == k {
			return fmKeyAlias{group: "taxonomy:" + k, taxonomy: name, singular: true}, true
		}
	}
	return fmKeyAlias{}, false
}

// fmMapper moves a fmDocument's fields into a post.
type fmMapper struct {
	doc *fmDocument
	opt Options
	p   *post.Post
	// claimed records the groups some key has set (even to nothing).
	claimed map[string]bool
}

// apply gives each group to its best key (lowest rank, then first
// written) and every other key to Params.
func (m *fmMapper) apply() error {
	fields := m.doc.fields
	taxonomies, listIdx := m.opt.Taxonomies, -1
	for i, f := range fields {
		if names, ok := taxonomyList(f); ok {
			taxonomies = append(slices.Clip(taxonomies), names...)
			listIdx = i
			break
		}
	}
	winner := map[string]int{}
	aliases := make([]fmKeyAlias, len(fields))
	has := make([]bool, len(fields))
	for i, f := range fields {
		if i == listIdx {
			continue
		}
		a, ok := fmAlias(f.key, f.val, taxonomies)
		if !ok {
			continue
		}
		aliases[i], has[i] = a, true
		if j, seen := winner[a.group]; !seen || a.rank < aliases[j].rank {
			winner[a.group] = i
		}
	}
	m.claimed = map[string]bool{}
	for i, f := range fields {
		if i == listIdx {
			continue
		}
		if has[i] && winner[aliases[i].group] == i {
			m.claimed[aliases[i].group] = true
			if err := m.set(f, aliases[i]); err != nil {
				return err
			}
			continue
		}
		if m.p.Params == nil {
			m.p.Params = map[string]any{}
		}
		m.p.Params[f.key] = f.native
	}
	return nil
}

// taxonomyList reads a `taxonomies` key that names further custom
// taxonomies of the file: a name or a list of names. Any other value under
// that key is no such list and stays in Params.
func taxonomyList(f fmField) ([]string, bool) {
	if strings.ToLower(f.key) != "taxonomies" {
		return nil, false
	}
	switch f.val.kind {
	case kindString:
		return []string{f.val.text}, true
	case kindList:
		names := []string{}
		for _, it := range f.val.items {
			if it.kind != kindString && it.kind != kindNumber {
				return nil, false
			}
			names = append(names, it.text)
		}
		return names, true
	}
	return nil, false
}

// fieldErr makes an ErrField error at the value v of key.
func (m *fmMapper) fieldErr(key string, v *fmValue, format string, args ...any) error {
	return m.doc.errAt(v.line, v.col, fmt.Errorf("source: %w: %s: %s", ErrField, key, fmt.Sprintf(format, args...)))
}

// set stores one field's value in the post.
func (m *fmMapper) set(f fmField, a fmKeyAlias) error {
	p, v := m.p, f.val
	var err error
	switch a.group {
	case groupTitle:
		p.Title, err = m.scalar(f.key, v)
	case groupID:
		p.ID, err = m.scalar(f.key, v)
	case groupSummary:
		p.Summary, err = m.scalar(f.key, v)
	case groupSlug:
		var s string
		if s, err = m.scalar(f.key, v); err == nil && s != "" {
			p.Slug = slugAsWritten(s)
		}
	case groupDate:
		p.Date, err = m.date(f.key, v)
	case groupUpdated:
		p.Updated, err = m.date(f.key, v)
	case groupExpiry:
		p.Expiry, err = m.date(f.key, v)
	case groupStatus:
		p.Status, err = m.status(f.key, v)
	case groupFormat:
		p.Body.Format = post.Format(v.text)
	case groupAuthors:
		p.Authors, err = m.authors(f.key, v)
	case groupCategories:
		p.Categories, err = m.terms(f.key, v, a.singular)
	case groupTags:
		p.Tags, err = m.terms(f.key, v, a.singular)
	case groupCitations:
		p.Citations, err = m.citations(f.key, v)
	default: // a custom taxonomy
		var terms []post.Term
		if terms, err = m.terms(f.key, v, a.singular); err == nil && len(terms) > 0 {
			if p.Taxonomies == nil {
				p.Taxonomies = map[string][]post.Term{}
			}
			p.Taxonomies[a.taxonomy] = terms
		}
	}
	return err
}

// scalar reads a single value as text; null is "".
func (m *fmMapper) scalar(key string, v *fmValue) (string, error) {
	switch v.kind {
	case kindNull:
		return "", nil
	case kindList, kindMap:
		return "", m.fieldErr(key, v, "want a single value, not a list or mapping")
	}
	return v.text, nil
}

func (m *fmMapper) date(key string, v *fmValue) (time.Time, error) {
	s, err := m.scalar(key, v)
	if err != nil || s == "" {
		return time.Time{}, err
	}
	t, err := parseDate(s, m.opt.location())
	if err != nil {
		return time.Time{}, m.doc.errAt(v.line, v.col, fmt.Errorf("source: %s: %w %q: %s", key, ErrDate, s, dateLayouts))
	}
	return t, nil
}

// fmStatusNames maps the words front matter uses for a publish state.
var fmStatusNames = map[string]post.Status{
	"published": post.Published, "publish": post.Published,
	"draft":     post.Draft,
	"scheduled": post.Scheduled, "future": post.Scheduled,
	"private": post.Private,
	"pending": post.Pending,
}

func (m *fmMapper) status(key string, v *fmValue) (post.Status, error) {
	k := strings.ToLower(key)
	if k == "status" {
		s, err := m.scalar(key, v)
		if err != nil || s == "" {
			return post.Published, err
		}
		if st, ok := fmStatusNames[strings.ToLower(s)]; ok {
			return st, nil
		}
		return "", m.fieldErr(key, v, "unknown status %q (want published, draft, scheduled, private or pending)", s)
	}
	b := v.b
	switch {
	case v.kind == kindNull:
		return post.Published, nil
	case v.kind == kindString && (v.text == "true" || v.text == "false"):
		b = v.text == "true"
	case v.kind != kindBool:
		return "", m.fieldErr(key, v, "want true or false, not %q", v.text)
	}
	if b == (k == "draft") { // draft: true, or published: false
		return post.Draft, nil
	}
	return post.Published, nil
}

// names flattens a value into the strings it lists: one string, a list of
// scalars (null items skipped, nested lists flattened). Mappings are
// handed to onMap.
func (m *fmMapper) names(key string, v *fmValue, onMap func(*fmValue) error, onName func(string)) error {
	switch v.kind {
	case kindNull:
		return nil
	case kindList:
		for _, item := range v.items {
			if err := m.names(key, item, onMap, onName); err != nil {
				return err
			}
		}
		return nil
	case kindMap:
		return onMap(v)
	}
	if v.text != "" {
		onName(v.text)
	}
	return nil
}

// splitTermNames splits a plural key's single string: on commas if it has
// one, else on white space.
func splitTermNames(s string) []string {
	if !strings.Contains(s, ",") {
		return strings.Fields(s)
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// subfields reads a mapping whose keys must be among allowed, into a map
// of their texts.
func (m *fmMapper) subfields(key string, v *fmValue, allowed ...string) (map[string]string, error) {
	out := map[string]string{}
	for _, f := range v.fields {
		k := strings.ToLower(f.key)
		ok := false
		for _, a := range allowed {
			ok = ok || a == k
		}
		if !ok {
			return nil, m.doc.errAt(f.line, f.col, fmt.Errorf("source: %w: %s: unknown key %q (want %s)", ErrField, key, f.key, strings.Join(allowed, ", ")))
		}
		s, err := m.scalar(key+"."+f.key, f.val)
		if err != nil {
			return nil, err
		}
		out[k] = s
	}
	return out, nil
}

func (m *fmMapper) terms(key string, v *fmValue, singular bool) ([]post.Term, error) {
	var terms []post.Term
	add := func(name string) {
		terms = append(terms, post.Term{Name: name, Slug: post.Slugify(name)})
	}
	if v.kind == kindString && !singular {
		for _, name := range splitTermNames(v.text) {
			add(name)
		}
		return terms, nil
	}
	err := m.names(key, v, func(mv *fmValue) error {
		sub, err := m.subfields(key, mv, "name", "slug", "parent")
		if err != nil {
			return err
		}
		if sub["name"] == "" {
			return m.fieldErr(key, mv, "a term needs a name")
		}
		t := post.Term{Name: sub["name"], Slug: post.Slugify(sub["name"]), Parent: sub["parent"]}
		if sub["slug"] != "" {
			t.Slug = slugAsWritten(sub["slug"])
		}
		terms = append(terms, t)
		return nil
	}, add)
	return terms, err
}

func (m *fmMapper) authors(key string, v *fmValue) ([]post.Author, error) {
	var authors []post.Author
	err := m.names(key, v, func(mv *fmValue) error {
		sub, err := m.subfields(key, mv, "name", "slug", "email", "url", "bio")
		if err != nil {
			return err
		}
		if sub["name"] == "" {
			return m.fieldErr(key, mv, "an author needs a name")
		}
		a := post.Author{Name: sub["name"], Slug: post.Slugify(sub["name"]), Email: sub["email"], URL: sub["url"], Bio: sub["bio"]}
		if sub["slug"] != "" {
			a.Slug = slugAsWritten(sub["slug"])
		}
		authors = append(authors, a)
		return nil
	}, func(name string) {
		authors = append(authors, post.Author{Name: name, Slug: post.Slugify(name)})
	})
	return authors, err
}

func (m *fmMapper) citations(key string, v *fmValue) ([]post.Citation, error) {
	var cites []post.Citation
	err := m.names(key, v, func(mv *fmValue) error {
		sub, err := m.subfields(key, mv, "source", "url", "title")
		if err != nil {
			return err
		}
		if sub["source"] == "" && sub["url"] == "" && sub["title"] == "" {
			return m.fieldErr(key, mv, "a citation needs a source, url or title")
		}
		cites = append(cites, post.Citation{Source: sub["source"], URL: sub["url"], Title: sub["title"]})
		return nil
	}, func(name string) {
		cites = append(cites, post.Citation{Source: name})
	})
	return cites, err
}

// isSlugAsWritten reports whether s can be used as a slug as written: letters,
// digits, '-', '_' and '.', with no ".." and no leading dot.
func isSlugAsWritten(s string) bool {
	if s == "" || s[0] == '.' || strings.Contains(s, "..") {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' && r != '.' {
			return false
		}
	}
	return true
}

// slugAsWritten keeps a safe slug as written and makes one from anything else.
func slugAsWritten(s string) string {
	if isSlugAsWritten(s) {
		return s
	}
	return post.Slugify(s)
}

// fileNameDefaults sets the slug and date a file's name gives, where the
// front matter gave none.
func fileNameDefaults(p *post.Post, name string, opt Options) {
	base := path.Base(name)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if stem == "index" {
		if dir := path.Base(path.Dir(name)); dir != "." && dir != "/" {
			stem = dir
		}
	}
	if len(stem) > 11 && stem[10] == '-' {
		if d, ok := parseISODate(stem[:10], opt.location()); ok {
			stem = stem[11:]
			if p.Date.IsZero() {
				p.Date = d
			}
		}
	}
	switch {
	case p.Slug != "":
	case stem != "" && stem != "index":
		p.Slug = slugAsWritten(stem)
	default:
		p.Slug = post.Slugify(p.Title)
	}
}
