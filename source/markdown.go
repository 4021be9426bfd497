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
//	kind                           Kind, when it is "post" or "page"
//	protected                      Protected, when it is true or false
//	aliases, redirect_from         Aliases: an address or a list of them
//	dialect                        Body.Dialect, when it names one ("hugo", "liquid", "goblog",
//	                               "wordpress", "wordpress-blocks", or "none")
//	opt.Taxonomies names           Taxonomies[name]: like tags
//	taxonomies                     more custom taxonomy names, for this file
//
// A plural key (categories, tags) given one string is split on commas when
// it has one and on white space otherwise, as Jekyll and Hugo split it
// (Jekyll keeps the commas; folio takes them as the writer's intent); a
// singular key (category, tag) and a custom taxonomy take the whole string
// as one term. A number or bool in a list is the term written that way
// (`- 47` is "47"); null items are skipped and nested lists flattened.
// Every other key goes into Params as its decoder gave it (TOML and JSON
// integers as int, their dates as text). A `url` or `permalink` that is an
// address (not a pattern with :placeholders) is also the first of Aliases.
//
// Maps inside a field accept common synonyms: an author's link, website
// or homepage is its url, display_name its name, description or about
// its bio, mail its email; a term's title or label is its name; a
// citation's name or publisher is its source and link or href its url.
//
// Loading never drops a post for a value it could keep. A value the field
// cannot hold, in whole or in part, keeps the post: the field reads what
// it can, the whole value as written is kept in Params too (under its key,
// or key + "_as_written" when the key is one postfile.Markdown writes for
// the field, such as "title" or "authors"), and opt.Warn is told, with the
// line and column, for an unknown key inside a map (WarnUnknownKey; known
// keys with no place in the model, such as an author's avatar, twitter or
// position, are kept without a warning), a list or map where one value is
// wanted, a term, author or citation map without a name (left out), an
// unknown status or a draft flag that is not a bool (read as a draft, so
// that nothing is published by mistake: WarnValue), and a date that cannot
// be read (left zero: WarnDate).
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
// Body.Dialect says whose shortcodes and template actions the body holds
// (docs/dialects.md has the rules: the Go blog's `template: true`, a
// Jekyll `_posts` or `_drafts` folder, a Hugo `content` folder, TOML front
// matter or bundle, then the body's own syntax); a `dialect` key says so
// outright. Source.BodyLine is the line where the body starts.
//
// Errors are *Error values with the line and column in the file, for a
// file that gives no post: ErrEncoding, ErrFrontMatter (front matter that
// does not decode) or ErrUnsupported.
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
	m.apply()
	if !m.claimed[groupStatus] && inDrafts(path) {
		p.Status = post.Draft
	}
	slugGiven := p.Slug != ""
	fileNameDefaults(p, path, opt)
	m.generatorRules(path, slugGiven)
	p.Source.BodyLine = doc.bodyLine
	if !m.claimed[groupDialect] {
		p.Body.Dialect = markdownDialect(path, doc.flavour, p.Body.Text, p.Params)
	}
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
	groupAliases    = "aliases"
	groupKind       = "kind"
	groupProtected  = "protected"
	groupDialect    = "dialect"
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
	"aliases":       {group: groupAliases},
	"redirect_from": {group: groupAliases, rank: 1},
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
	case "dialect":
		if v.kind == kindString && knownDialect(v.text) {
			return fmKeyAlias{group: groupDialect}, true
		}
		return fmKeyAlias{}, false
	case "kind":
		if v.kind == kindString && (v.text == string(post.KindPost) || v.text == string(post.KindPage)) {
			return fmKeyAlias{group: groupKind}, true
		}
		return fmKeyAlias{}, false
	case "protected":
		if v.kind == kindBool {
			return fmKeyAlias{group: groupProtected}, true
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
	// keepRaw says the field being set lost something, so its value as
	// written goes to Params too.
	keepRaw bool
	// authorsKey is the key the authors were read from.
	authorsKey string
}

// apply gives each group to its best key (lowest rank, then first
// written) and every other key to Params.
func (m *fmMapper) apply() {
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
			m.set(f, aliases[i])
			continue
		}
		if m.p.Params == nil {
			m.p.Params = map[string]any{}
		}
		m.p.Params[f.key] = f.native
	}
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

// warnAt reports a warning at line and column of the document's file, and
// marks the field being set as one whose value is kept in Params too.
func (m *fmMapper) warnAt(line, col int, kind, format string, args ...any) {
	m.keepRaw = true
	m.opt.warn(post.Warning{Path: m.doc.path, Line: line, Column: col, Kind: kind, Message: fmt.Sprintf(format, args...)})
}

// shapeWarn reports a value of key whose shape the field cannot hold.
func (m *fmMapper) shapeWarn(key string, v *fmValue, format string, args ...any) {
	m.warnAt(v.line, v.col, WarnValue, "%s: %s; the post keeps the value in its params", key, fmt.Sprintf(format, args...))
}

// set stores one field's value in the post. A value the field cannot
// hold, in whole or in part, is reported as a warning and the field's
// value as written is kept in Params under its key as well, so that
// nothing is lost.
func (m *fmMapper) set(f fmField, a fmKeyAlias) {
	m.keepRaw = false
	m.setField(f, a)
	if m.keepRaw && f.native != nil {
		if m.p.Params == nil {
			m.p.Params = map[string]any{}
		}
		m.p.Params[rawKey(f.key)] = f.native
	}
}

// writtenKeys are the keys postfile.Markdown writes for the model's
// fields, which a Params key must not repeat.
var writtenKeys = []string{"id", "title", "slug", "date", "lastmod", "expirydate", "status", "draft", "summary", "format",
	"authors", "taxonomies", "categories", "tags", "citations", "kind", "protected", "aliases"}

// rawKey is the Params key under which the value of a field that lost
// something is kept: the key itself, or key + "_as_written" when the key
// is one a writer uses for the field.
func rawKey(key string) string {
	if slices.Contains(writtenKeys, strings.ToLower(key)) {
		return key + "_as_written"
	}
	return key
}

func (m *fmMapper) setField(f fmField, a fmKeyAlias) {
	p, v := m.p, f.val
	switch a.group {
	case groupTitle:
		p.Title = m.scalar(f.key, v)
	case groupID:
		p.ID = m.scalar(f.key, v)
	case groupSummary:
		p.Summary = m.scalar(f.key, v)
	case groupSlug:
		if s := m.scalar(f.key, v); s != "" {
			p.Slug = slugAsWritten(s)
		}
	case groupDate:
		p.Date = m.date(f.key, v)
	case groupUpdated:
		p.Updated = m.date(f.key, v)
	case groupExpiry:
		p.Expiry = m.date(f.key, v)
	case groupStatus:
		p.Status = m.status(f.key, v)
	case groupFormat:
		p.Body.Format = post.Format(v.text)
	case groupDialect:
		p.Body.Dialect = dialectNamed(v.text)
	case groupKind:
		if v.text == string(post.KindPage) {
			p.Kind = post.KindPage
		}
	case groupProtected:
		p.Protected = v.b
	case groupAliases:
		m.names(v, func(mv *fmValue) {
			m.shapeWarn(f.key, mv, "want addresses, not a mapping")
		}, func(s string) {
			if !slices.Contains(p.Aliases, s) {
				p.Aliases = append(p.Aliases, s)
			}
		})
	case groupAuthors:
		p.Authors = m.authors(f.key, v)
		m.authorsKey = f.key
	case groupCategories:
		p.Categories = m.terms(f.key, v, a.singular)
	case groupTags:
		p.Tags = m.terms(f.key, v, a.singular)
	case groupCitations:
		p.Citations = m.citations(f.key, v)
	default: // a custom taxonomy
		if terms := m.terms(f.key, v, a.singular); len(terms) > 0 {
			if p.Taxonomies == nil {
				p.Taxonomies = map[string][]post.Term{}
			}
			p.Taxonomies[a.taxonomy] = terms
		}
	}
}

// scalar reads a single value as text; null is "". A list or mapping is
// reported and read as "".
func (m *fmMapper) scalar(key string, v *fmValue) string {
	switch v.kind {
	case kindNull:
		return ""
	case kindList, kindMap:
		m.shapeWarn(key, v, "want a single value, not a %s", kindName(v.kind))
		return ""
	}
	return v.text
}

// kindName names a value's shape for a message.
func kindName(k fmKind) string {
	switch k {
	case kindList:
		return "list"
	case kindMap:
		return "mapping"
	case kindNull:
		return "null"
	}
	return "single value"
}

// date reads a date; one that cannot be read is reported and left zero.
func (m *fmMapper) date(key string, v *fmValue) time.Time {
	s := m.scalar(key, v)
	if s == "" {
		return time.Time{}
	}
	t, err := parseDate(s, m.opt.location())
	if err != nil {
		m.warnAt(v.line, v.col, WarnDate, "%s: %v %q: %s; the post keeps the value in its params and no %s", key, ErrDate, s, dateLayouts, key)
		return time.Time{}
	}
	return t
}

// fmStatusNames maps the words front matter uses for a publish state.
var fmStatusNames = map[string]post.Status{
	"published": post.Published, "publish": post.Published,
	"draft":     post.Draft,
	"scheduled": post.Scheduled, "future": post.Scheduled,
	"private": post.Private,
	"pending": post.Pending,
}

// status reads a publish state. A value it does not know is reported and
// read as a draft, so that an unknown state never publishes a post the
// author meant to hold back.
func (m *fmMapper) status(key string, v *fmValue) post.Status {
	k := strings.ToLower(key)
	if k == "status" {
		s := m.scalar(key, v)
		if s == "" {
			if v.kind != kindNull {
				return post.Draft
			}
			return post.Published
		}
		if st, ok := fmStatusNames[strings.ToLower(s)]; ok {
			return st
		}
		m.warnAt(v.line, v.col, WarnValue, "%s: unknown status %q (want published, draft, scheduled, private or pending); read as a draft", key, s)
		return post.Draft
	}
	b := v.b
	switch {
	case v.kind == kindNull:
		return post.Published
	case v.kind == kindString && (strings.EqualFold(v.text, "true") || strings.EqualFold(v.text, "false") || v.text == "yes" || v.text == "no"):
		b = strings.EqualFold(v.text, "true") || v.text == "yes"
	case v.kind != kindBool:
		m.warnAt(v.line, v.col, WarnValue, "%s: want true or false, not %q; read as a draft", key, v.text)
		return post.Draft
	}
	if b == (k == "draft") { // draft: true, or published: false
		return post.Draft
	}
	return post.Published
}

// names flattens a value into the strings it lists: one string, a list of
// scalars (null items skipped, nested lists flattened). Mappings are
// handed to onMap.
func (m *fmMapper) names(v *fmValue, onMap func(*fmValue), onName func(string)) {
	switch v.kind {
	case kindNull:
		return
	case kindList:
		for _, item := range v.items {
			m.names(item, onMap, onName)
		}
		return
	case kindMap:
		onMap(v)
		return
	}
	if v.text != "" {
		onName(v.text)
	}
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

// subKeys describes the keys a mapping inside a field may hold: each
// model key with its synonyms, first the key itself (all lower case), and
// the keys that are known but have no place in the model, kept in Params
// without a warning.
type subKeys struct {
	fields [][]string
	extra  []string
}

var (
	termKeys   = subKeys{fields: [][]string{{"name", "title", "label"}, {"slug"}, {"parent"}}}
	authorKeys = subKeys{
		fields: [][]string{
			{"name", "display_name", "displayname", "fullname", "full_name"},
			{"slug", "id", "username", "login"},
			{"email", "mail", "e-mail"},
			{"url", "link", "website", "homepage", "home", "web", "site", "uri"},
			{"bio", "description", "about", "summary"},
		},
		extra: []string{"image", "avatar", "photo", "picture", "twitter", "github", "mastodon", "linkedin", "position", "title", "role", "job", "affiliation", "company", "organization", "organisation", "location"},
	}
	citationKeys = subKeys{fields: [][]string{{"source", "name", "publisher"}, {"url", "link", "href"}, {"title"}}}
)

// subfields reads a mapping inside the field key into a map from each
// model key (the first of its synonyms) to its text, the first synonym
// written winning. Unknown keys and values that are not single values are
// reported; known keys the model has no place for are not, but they too
// make the field's value be kept in Params.
func (m *fmMapper) subfields(key string, v *fmValue, keys subKeys) map[string]string {
	out := map[string]string{}
	var want []string
	for _, f := range keys.fields {
		want = append(want, f[0])
	}
fields:
	for _, f := range v.fields {
		k := strings.ToLower(f.key)
		for _, syn := range keys.fields {
			if !slices.Contains(syn, k) {
				continue
			}
			if s := m.scalar(key+"."+f.key, f.val); s != "" {
				if _, done := out[syn[0]]; !done {
					out[syn[0]] = s
				}
			}
			continue fields
		}
		m.keepRaw = true
		if !slices.Contains(keys.extra, k) {
			m.warnAt(f.line, f.col, WarnUnknownKey, "%s: unknown key %q (known: %s); the post keeps it in its params", key, f.key, strings.Join(want, ", "))
		}
	}
	return out
}

func (m *fmMapper) terms(key string, v *fmValue, singular bool) []post.Term {
	var terms []post.Term
	add := func(name string) {
		terms = append(terms, post.Term{Name: name, Slug: post.Slugify(name)})
	}
	if v.kind == kindString && !singular {
		for _, name := range splitTermNames(v.text) {
			add(name)
		}
		return terms
	}
	m.names(v, func(mv *fmValue) {
		sub := m.subfields(key, mv, termKeys)
		if sub["name"] == "" {
			m.warnAt(mv.line, mv.col, WarnValue, "%s: a term needs a name; this one is left out and kept in the post's params", key)
			return
		}
		t := post.Term{Name: sub["name"], Slug: post.Slugify(sub["name"]), Parent: sub["parent"]}
		if sub["slug"] != "" {
			t.Slug = slugAsWritten(sub["slug"])
		}
		terms = append(terms, t)
	}, add)
	return terms
}

func (m *fmMapper) authors(key string, v *fmValue) []post.Author {
	var authors []post.Author
	m.names(v, func(mv *fmValue) {
		sub := m.subfields(key, mv, authorKeys)
		if sub["name"] == "" {
			m.warnAt(mv.line, mv.col, WarnValue, "%s: an author needs a name; this one is left out and kept in the post's params", key)
			return
		}
		a := post.Author{Name: sub["name"], Slug: post.Slugify(sub["name"]), Email: sub["email"], URL: sub["url"], Bio: sub["bio"]}
		if sub["slug"] != "" {
			a.Slug = slugAsWritten(sub["slug"])
		}
		authors = append(authors, a)
	}, func(name string) {
		authors = append(authors, post.Author{Name: name, Slug: post.Slugify(name)})
	})
	return authors
}

func (m *fmMapper) citations(key string, v *fmValue) []post.Citation {
	var cites []post.Citation
	m.names(v, func(mv *fmValue) {
		sub := m.subfields(key, mv, citationKeys)
		if sub["source"] == "" && sub["url"] == "" && sub["title"] == "" {
			m.warnAt(mv.line, mv.col, WarnValue, "%s: a citation needs a source, url or title; this one is left out and kept in the post's params", key)
			return
		}
		cites = append(cites, post.Citation{Source: sub["source"], URL: sub["url"], Title: sub["title"]})
	}, func(name string) {
		cites = append(cites, post.Citation{Source: name})
	})
	return cites
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
