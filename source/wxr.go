package source

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// WXR is what ReadWXR found in a WordPress export (WordPress eXtended RSS,
// versions 1.0 to 1.2): the channel's own fields, the authors and terms it
// declares, the posts it kept and what it skipped.
type WXR struct {
	// Title, Link and Description are the blog's name, address and
	// tagline from the channel, entities decoded in Title and
	// Description.
	Title       string
	Link        string
	Description string
	// Version is wp:wxr_version ("1.2"); empty when the export has none.
	Version string
	// BaseSiteURL and BaseBlogURL are wp:base_site_url and wp:base_blog_url.
	BaseSiteURL string
	BaseBlogURL string

	// Authors, Categories and Tags are the channel's wp:author,
	// wp:category and wp:tag declarations in document order; Terms holds
	// the wp:term declarations of every other taxonomy (post_format,
	// nav_menu, ...) keyed by taxonomy name. Term names have their HTML
	// entities decoded.
	Authors    []WXRAuthor
	Categories []post.Term
	Tags       []post.Term
	Terms      map[string][]post.Term

	// Posts are the items kept, in document order. ScanWXR leaves it nil.
	Posts []*post.Post
	// Items counts every <item> read, kept or not.
	Items int
	// Skipped counts the items left out because of their post type
	// (attachment, nav_menu_item, page when not asked for, ...), keyed by
	// that type. SkippedStatus counts items of a wanted type left out
	// because of their status (trash, auto-draft, inherit, or a status
	// folio does not know), keyed by that status. See Skips for a sorted
	// list.
	Skipped       map[string]int
	SkippedStatus map[string]int
	// Attachments are every attachment item of the export, in document
	// order, whatever PostTypes asks for (see Attach).
	Attachments []post.Attachment
}

// WXRAuthor is one wp:author declaration of a WXR export.
type WXRAuthor struct {
	Login       string
	Email       string
	DisplayName string
	FirstName   string
	LastName    string
}

// Skip is one line of an export's skip report: Count items were left out
// because their Kind ("type" or "status") was Value.
type Skip struct {
	Kind  string
	Value string
	Count int
}

// Skips lists w.Skipped and w.SkippedStatus as one slice, sorted by kind
// ("status" before "type") and then by value, so that reports built from
// it are deterministic.
func (w *WXR) Skips() []Skip {
	var s []Skip
	for v, n := range w.Skipped {
		s = append(s, Skip{Kind: "type", Value: v, Count: n})
	}
	for v, n := range w.SkippedStatus {
		s = append(s, Skip{Kind: "status", Value: v, Count: n})
	}
	sort.Slice(s, func(i, j int) bool {
		if s[i].Kind != s[j].Kind {
			return s[i].Kind < s[j].Kind
		}
		return s[i].Value < s[j].Value
	})
	return s
}

// ReadWXR streams a WordPress WXR export from r, item by item, and returns
// the posts of the types in opt.PostTypes (nil means just "post"), in
// document order. path is used for positions in errors and in each post's
// Source ({path, "wxr", line of the <item>}).
//
// The export is never held in memory as a whole: only one item at a time,
// plus the posts kept. ScanWXR keeps none of them.
//
// How items become posts:
//   - Only real posts: in a WordPress export (one with a wp:wxr_version or
//     any element in WordPress's namespace), an item without a
//     wp:post_type, or whose post_type is in another namespace than
//     WordPress's, is not a post (the importer skips it as an invalid post
//     type): it is skipped with a WarnSkipped warning and counted in
//     Skipped under "". In a plain RSS feed every item is a post. Items of
//     type "page" (when opt.PostTypes asks for them) become posts of
//     post.KindPage.
//   - wp:status publish, draft, future, private and pending give
//     post.Published, Draft, Scheduled, Private and Pending; a missing
//     status counts as publish (a plain RSS item). Items with status trash,
//     auto-draft, inherit or any other are skipped and counted in
//     SkippedStatus (an unknown status with a warning); items of other
//     types in Skipped.
//   - Title is the item's title with HTML entities decoded and HTML tags
//     kept, as WordPress shows it; it may be empty.
//   - Slug is wp:post_name, percent-decoded; a name that is not made of
//     letters, digits, '-', '_' and '.' (or has "..", or an ASCII capital)
//     goes through post.Slugify. Other letters are kept as WordPress keeps
//     them, not transliterated ("日本-Ärger"). Without a name the slug comes from the title's
//     text, else "post-<wp:post_id>", else "untitled".
//   - Date is wp:post_date, the wall clock the blog showed, in a fixed zone
//     whose offset is wp:post_date minus wp:post_date_gmt, so both the wall
//     clock and the instant are right. A zero or missing GMT date
//     ("0000-00-00 00:00:00", as drafts have) means the zone is unknown:
//     the wall clock is read in opt.Location. Without a usable
//     wp:post_date, the GMT date (in UTC) or else a parsable pubDate is
//     used; otherwise the post is undated. Updated comes from
//     wp:post_modified and wp:post_modified_gmt the same way.
//   - Body is content:encoded as post.HTML and Summary is excerpt:encoded,
//     both with surrounding white space (as around CDATA) trimmed. The
//     body's Dialect is post.WordPressBlocks when it holds a block
//     editor comment (`<!-- wp:`), post.WordPress otherwise; Source.BodyLine
//     is the line of content:encoded.
//   - ID is the guid; empty when the item has none.
//   - Authors: dc:creator holds a login that maps to the channel's
//     wp:author entry: Name is the display name (else "first last", else
//     the login), Slug is post.Slugify of Name, Email is kept. Like the
//     WordPress importer, a creator that matches no login exactly is
//     matched again after removing the characters a login cannot hold
//     (so ">admin" finds "admin"). A creator with no entry is kept as
//     written.
//   - Categories (domain "category", or no domain in a plain RSS item),
//     Tags (domain "post_tag", or "tag" as WXR 1.0 wrote it) and custom
//     taxonomies (any other domain, such as post_format, into Taxonomies)
//     take their slug from the nicename attribute (else from the channel's
//     declaration of that name, else post.Slugify of the name) and their
//     parent from the channel's declarations. A term not declared in the
//     channel is kept as the item gives it.
//   - Params: "wp_post_id" (int; the raw text when not a number),
//     "wp_post_type" (when not "post"), "wp_link" (the item's link),
//     "wp_post_parent" and "wp_menu_order" (ints, when not 0), "sticky"
//     (true, when wp:is_sticky is 1), "password_protected" (true when the
//     item has a wp:post_password; the password itself is not kept, so
//     that converted files do not publish it; post.Post.Protected is set
//     too), "comment_count" (int, the
//     number of wp:comment elements, always set) and "meta", a
//     map[string]any of every wp:postmeta: key to its value as a string,
//     or to a []any of strings, in document order, when a key repeats.
//   - Aliases are the item's link and its short link ?p=ID (under
//     wp:base_blog_url, else the channel's link, else root-relative).
//
// Bad input: problems that keep the item are warnings (opt.Warn), never
// errors. The decoder is lenient where exports often are damaged: HTML
// entities such as &nbsp; outside CDATA are decoded (unknown ones kept as
// written), a bare '&' is text, HTML left unescaped in a field is kept as
// markup, Windows and old Mac line ends read as "\n", and Latin-1 exports
// are read. A damaged field (a date that cannot be read, or local and GMT
// dates further apart than any zone) is a WarnDate warning with its line,
// and the item is kept as far as it could be read. An <item> left open
// before the next one is a WarnRecovered warning and both are kept.
//
// XML that is not well-formed (a CDATA section that holds "]]>", as some
// exporters write it, a control character, a stray end tag) is read as
// WordPress's importer reads it when its XML parsers fail: from the item
// where the decoder stopped, item by item between "<item>" and "</item>",
// each field found by its tags and CDATA unwrapped whole, so that one
// damaged item never costs the next. The decoder's error and each item so
// read are WarnRecovered warnings. Like the importer, this fallback reads
// only exports with a wp:wxr_version, and needs UTF-8 input (an export
// declaring another encoding is not read this way); where it does not
// apply, or an item is cut off by the end of the file, the reading stops
// with a *Error wrapping ErrSyntax at the line and column where the
// decoder stopped, and every item before it is kept. An empty
// input is ErrEmpty and a document whose root is not <rss> is
// ErrUnsupported. An item of more than Options.MaxItemBytes bytes is
// skipped as it is read, without being held in memory, with a *Error
// wrapping ErrTooLarge at its line, and the reading goes on after it.
// ReadWXR never returns a nil *WXR: the posts read so far are in it
// whatever the error, which is errors.Join of every *Error found.
func ReadWXR(path string, r io.Reader, opt Options) (*WXR, error) {
	var posts []*post.Post
	w, err := ScanWXR(path, r, opt, func(p *post.Post) error {
		posts = append(posts, p)
		return nil
	})
	w.Posts = posts
	Attach(posts, w.Attachments)
	return w, err
}

// ScanWXR reads an export like ReadWXR but hands each post to fn as soon
// as its item has been read, instead of keeping it, so that memory stays
// bounded by the largest item whatever the size of the export. The
// returned WXR has everything but Posts. Authors and terms are resolved
// with the declarations read so far, which WordPress always writes before
// the items.
//
// If fn returns an error, ScanWXR stops and returns that error as it is,
// joined with the errors found before.
func ScanWXR(path string, r io.Reader, opt Options, fn func(*post.Post) error) (*WXR, error) {
	s := newWXRScanner(path, r, opt)
	err := s.run(fn)
	return s.w, err
}

// wxrScanner holds the state of one read: the decoder, the declarations
// met so far and the errors found.
type wxrScanner struct {
	path  string
	opt   Options
	d     *xml.Decoder
	w     *WXR
	types map[string]bool
	errs  []error

	authors map[string]post.Author // by login
	loose   map[string]string      // sanitized, lower-cased login -> login
	cats    wxrTerms
	tags    wxrTerms
	terms   map[string]*wxrTerms
	zones   map[int]*time.Location
	sawRoot bool
	// pending is an <item> start tag met inside an unclosed item, to be
	// read next as a channel child.
	pending *xml.StartElement
	// sawWP is set by the first channel child in WordPress's namespace.
	sawWP bool
	// stopped is set when the reading has ended early: the decoder
	// failed, and the fallback reader, if any, has read the rest.
	stopped bool
	// rec keeps the bytes of the current channel child, for the
	// fallback reader (see fallback).
	rec *wxrRecorder
	// lineShift counts the line breaks of items left out for their size,
	// which the decoder never saw (see skipLongItem).
	lineShift int
}

// wxrTerms indexes a taxonomy's declared terms by slug and by name.
type wxrTerms struct {
	bySlug map[string]post.Term
	byName map[string]post.Term
}

func (t *wxrTerms) add(term post.Term) {
	if t.bySlug == nil {
		t.bySlug = map[string]post.Term{}
		t.byName = map[string]post.Term{}
	}
	t.bySlug[term.Slug] = term
	t.byName[term.Name] = term
}

func newWXRScanner(path string, r io.Reader, opt Options) *wxrScanner {
	rec := newWXRRecorder(r)
	d := xml.NewDecoder(rec)
	// Exports in the wild hold HTML entities such as &nbsp; outside CDATA;
	// a strict decoder would stop at the first one and lose the rest.
	d.Strict = false
	d.Entity = xml.HTMLEntity
	types := map[string]bool{}
	for _, t := range opt.PostTypes {
		types[t] = true
	}
	if opt.PostTypes == nil {
		types["post"] = true
	}
	s := &wxrScanner{
		path:    path,
		opt:     opt,
		d:       d,
		w:       &WXR{Skipped: map[string]int{}, SkippedStatus: map[string]int{}},
		types:   types,
		authors: map[string]post.Author{},
		loose:   map[string]string{},
		terms:   map[string]*wxrTerms{},
		zones:   map[int]*time.Location{},
		rec:     rec,
	}
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		// The decoder reads a converted input ahead through a buffer of
		// its own, so offsets no longer match the recorded bytes: no
		// fallback for such an export.
		s.rec = nil
		return wxrCharsetReader(charset, input)
	}
	return s
}

// run reads the document. Only rss > channel > * elements are looked at;
// everything else is skipped.
func (s *wxrScanner) run(fn func(*post.Post) error) error {
	var stack []string
	for {
		if s.pending != nil {
			t := *s.pending
			s.pending = nil
			if err := s.channelChild(t, fn); err != nil {
				return err
			}
			if s.stopped {
				break
			}
			continue
		}
		if len(stack) == 2 && s.rec != nil {
			s.rec.mark(s.d.InputOffset())
			s.skipLongItem()
		}
		tok, err := s.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if ferr := s.recoverFrom(err, fn); ferr != nil {
				return errors.Join(append(s.errs, ferr)...)
			}
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && t.Name.Local != "rss" {
				_, col := s.d.InputPos()
				line := s.inputLine()
				s.errs = append(s.errs, &Error{Path: s.path, Line: line, Column: col,
					Err: fmt.Errorf("source: %w: root element <%s> is not a WXR <rss>", ErrUnsupported, t.Name.Local)})
				return errors.Join(s.errs...)
			}
			s.sawRoot = true
			if len(stack) == 2 && stack[1] == "channel" {
				if err := s.channelChild(t, fn); err != nil {
					return err
				}
				if s.stopped {
					return errors.Join(s.errs...)
				}
				continue
			}
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			// The decoder closes an item left open (see readNode) when
			// its parent ends; that end tag is not one of ours.
			if len(stack) > 0 && stack[len(stack)-1] == t.Name.Local {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if !s.sawRoot && len(s.errs) == 0 {
		s.errs = append(s.errs, &Error{Path: s.path, Err: fmt.Errorf("source: %w: no XML elements", ErrEmpty)})
	}
	return errors.Join(s.errs...)
}

// channelChild reads one child of <channel>. It returns a non-nil error
// only to stop the reading: the joined errors, or fn's error.
func (s *wxrScanner) channelChild(t xml.StartElement, fn func(*post.Post) error) error {
	ns, local := wxrSpace(t.Name.Space), t.Name.Local
	if ns == "wp" {
		s.sawWP = true
	}
	var err error
	switch {
	case ns == "" && local == "item":
		err = s.item(t, fn)
	case ns == "wp" && (local == "author" || local == "category" || local == "tag" || local == "term"):
		var n *xnode
		n, err = s.readNode(t)
		if err == nil {
			s.declare(n)
		}
	case ns == "" && (local == "title" || local == "link" || local == "description"):
		var text string
		text, err = s.readText()
		switch local {
		case "title":
			s.w.Title = html.UnescapeString(text)
		case "description":
			s.w.Description = html.UnescapeString(text)
		default:
			s.w.Link = text
		}
	case ns == "wp" && (local == "wxr_version" || local == "base_site_url" || local == "base_blog_url"):
		var text string
		text, err = s.readText()
		switch local {
		case "wxr_version":
			s.w.Version = text
		case "base_site_url":
			s.w.BaseSiteURL = text
		default:
			s.w.BaseBlogURL = text
		}
	default:
		err = s.d.Skip()
	}
	if err != nil {
		var fnErr *callbackError
		if errors.As(err, &fnErr) {
			return errors.Join(append(s.errs, fnErr.err)...)
		}
		if ferr := s.recoverFrom(err, fn); ferr != nil {
			return errors.Join(append(s.errs, ferr)...)
		}
		return errors.Join(s.errs...)
	}
	return nil
}

// callbackError carries an error returned by ScanWXR's fn past the
// syntax-error handling.
type callbackError struct{ err error }

func (e *callbackError) Error() string { return e.err.Error() }

// syntaxError records a decoder error, which ends the reading, at the
// position where the decoder stopped.
func (s *wxrScanner) syntaxError(err error) {
	_, col := s.d.InputPos()
	line := s.inputLine()
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = se.Msg
		line = se.Line + s.lineShift
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(msg, "unexpected EOF") {
		msg = "unexpected end of file (truncated export?)"
	}
	s.errs = append(s.errs, &Error{Path: s.path, Line: line, Column: col, Err: fmt.Errorf("source: %w: %s", ErrSyntax, msg)})
}

// warnAt reports a damaged field of an item, which is still kept.
func (s *wxrScanner) warnAt(line int, kind, format string, args ...any) {
	s.opt.warn(post.Warning{Path: s.path, Line: line, Kind: kind, Message: fmt.Sprintf(format, args...)})
}

// wxrSpace names the namespace of an element by what it is, whatever
// version or scheme the export wrote (http://wordpress.org/export/1.0/,
// https://wordpress.org/export/1.2/, ...), or by its bare prefix when the
// export forgot to declare it.
func wxrSpace(space string) string {
	switch {
	case space == "":
		return ""
	case strings.Contains(space, "wordpress.org/export/") && strings.HasSuffix(strings.TrimSuffix(space, "/"), "excerpt"):
		return "excerpt"
	case strings.Contains(space, "wordpress.org/export/"):
		return "wp"
	case strings.Contains(space, "purl.org/rss/1.0/modules/content"):
		return "content"
	case strings.Contains(space, "purl.org/dc/elements"):
		return "dc"
	case space == "wp" || space == "excerpt" || space == "content" || space == "dc":
		return space
	}
	return "other"
}

// xnode is one element of an item or declaration, read whole. Fields have
// text; containers (item, wp:postmeta, ...) have kids.
type xnode struct {
	ns, local string
	space     string // the namespace as written, for messages
	attr      []xml.Attr
	line      int
	text      string
	kids      []xnode
}

func (n *xnode) attrValue(local string) (string, bool) {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// child returns the text of the first child named ns:local, trimmed, and
// whether there was one.
func (n *xnode) child(ns, local string) (string, bool) {
	if k := n.kid(ns, local); k != nil {
		return k.text, true
	}
	return "", false
}

// kidLocal returns the first child named local in any namespace but
// WordPress's own.
func (n *xnode) kidLocal(local string) *xnode {
	for i := range n.kids {
		if k := &n.kids[i]; k.ns != "wp" && k.ns != "" && k.local == local {
			return k
		}
	}
	return nil
}

// titleText is the item's title, for messages.
func (n *xnode) titleText() string {
	t, _ := n.child("", "title")
	return html.UnescapeString(t)
}

func (n *xnode) kid(ns, local string) *xnode {
	for i := range n.kids {
		if k := &n.kids[i]; k.ns == ns && k.local == local {
			return k
		}
	}
	return nil
}

// wxrContainer reports whether an element holds elements rather than text.
func wxrContainer(ns, local string) bool {
	if ns == "" {
		return local == "item"
	}
	if ns != "wp" {
		return false
	}
	switch local {
	case "author", "category", "tag", "term", "postmeta", "termmeta", "commentmeta":
		return true
	}
	return false
}

// readNode reads the element that start opened, up to its end. Comments
// are not kept: only counted, as a kid without content.
func (s *wxrScanner) readNode(start xml.StartElement) (*xnode, error) {
	line := s.inputLine()
	n := &xnode{ns: wxrSpace(start.Name.Space), local: start.Name.Local, attr: start.Attr, line: line}
	if n.local == "item" {
		n.kids = make([]xnode, 0, 24) // a WordPress item has about twenty fields
	}
	for {
		tok, err := s.d.Token()
		if err != nil {
			return n, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			ns := wxrSpace(t.Name.Space)
			kidLine := s.inputLine()
			switch {
			case ns == "wp" && t.Name.Local == "comment":
				n.kids = append(n.kids, xnode{ns: ns, local: "comment", line: kidLine})
				if err := s.d.Skip(); err != nil {
					return n, unexpectedEOF(err)
				}
			case ns == "" && t.Name.Local == "item" && n.ns == "" && n.local == "item":
				// An <item> left open: end it here and read the next one
				// as its sibling, rather than losing it inside this one.
				s.warnAt(n.line, WarnRecovered, "<item> not closed before the <item> at line %d; both are kept", kidLine)
				next := t // a copy, so that t itself need not escape
				s.pending = &next
				return n, nil
			case wxrContainer(ns, t.Name.Local):
				k, err := s.readNode(t)
				n.kids = append(n.kids, *k)
				if err != nil {
					return n, err
				}
			default:
				text, err := s.readText()
				n.kids = append(n.kids, xnode{ns: ns, local: t.Name.Local, space: t.Name.Space, attr: t.Attr, line: kidLine, text: text})
				if err != nil {
					return n, err
				}
			}
		case xml.EndElement:
			return n, nil
		}
	}
}

// readText reads the text of an element whose start tag was just read, up
// to its end tag, trimmed of the white space around it (as around CDATA
// sections). Elements inside it, which appear when an export leaves HTML
// unescaped, are written back as markup rather than lost.
func (s *wxrScanner) readText() (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := s.d.Token()
		if err != nil {
			return strings.TrimSpace(b.String()), unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 0 {
				b.Write(t)
			} else {
				xml.EscapeText(&b, t)
			}
		case xml.StartElement:
			depth++
			b.WriteString("<" + t.Name.Local)
			for _, a := range t.Attr {
				b.WriteString(" " + a.Name.Local + `="`)
				xml.EscapeText(&b, []byte(a.Value))
				b.WriteString(`"`)
			}
			b.WriteString(">")
		case xml.EndElement:
			if depth == 0 {
				return strings.TrimSpace(b.String()), nil
			}
			depth--
			if !htmlVoid(t.Name.Local) {
				b.WriteString("</" + t.Name.Local + ">")
			}
		}
	}
}

// htmlVoid reports whether an HTML element has no end tag. The decoder
// closes such an element itself (before its parent's end tag), and writing
// that invented end tag back would change the HTML.
func htmlVoid(name string) bool {
	switch strings.ToLower(name) {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}

// unexpectedEOF turns the bare io.EOF that Token returns inside an open
// element in non-strict mode into an error worth reporting.
func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// declare records a channel-level author or term declaration.
func (s *wxrScanner) declare(n *xnode) {
	switch n.local {
	case "author":
		a := WXRAuthor{}
		a.Login, _ = n.child("wp", "author_login")
		a.Email, _ = n.child("wp", "author_email")
		a.DisplayName, _ = n.child("wp", "author_display_name")
		a.FirstName, _ = n.child("wp", "author_first_name")
		a.LastName, _ = n.child("wp", "author_last_name")
		a.DisplayName = html.UnescapeString(a.DisplayName)
		a.FirstName = html.UnescapeString(a.FirstName)
		a.LastName = html.UnescapeString(a.LastName)
		s.w.Authors = append(s.w.Authors, a)
		s.authors[a.Login] = authorOf(a)
		if k := looseLogin(a.Login); k != "" {
			if _, ok := s.loose[k]; !ok {
				s.loose[k] = a.Login
			}
		}
	case "category":
		t := s.declaredTerm(n, "category_nicename", "cat_name", "category_parent")
		s.w.Categories = append(s.w.Categories, t)
		s.cats.add(t)
	case "tag":
		t := s.declaredTerm(n, "tag_slug", "tag_name", "")
		s.w.Tags = append(s.w.Tags, t)
		s.tags.add(t)
	case "term":
		tax, _ := n.child("wp", "term_taxonomy")
		t := s.declaredTerm(n, "term_slug", "term_name", "term_parent")
		switch tax {
		case "category":
			s.w.Categories = append(s.w.Categories, t)
			s.cats.add(t)
		case "post_tag":
			s.w.Tags = append(s.w.Tags, t)
			s.tags.add(t)
		default:
			if s.w.Terms == nil {
				s.w.Terms = map[string][]post.Term{}
			}
			s.w.Terms[tax] = append(s.w.Terms[tax], t)
			if s.terms[tax] == nil {
				s.terms[tax] = &wxrTerms{}
			}
			s.terms[tax].add(t)
		}
	}
}

func (s *wxrScanner) declaredTerm(n *xnode, slugKey, nameKey, parentKey string) post.Term {
	slugText, _ := n.child("wp", slugKey)
	name, _ := n.child("wp", nameKey)
	t := post.Term{Name: html.UnescapeString(name), Slug: safeSlug(slugText)}
	if t.Slug == "" {
		t.Slug = post.Slugify(t.Name)
	}
	if parentKey != "" {
		parent, _ := n.child("wp", parentKey)
		t.Parent = safeSlug(parent)
	}
	return t
}

// authorOf is the post.Author an export's author declaration stands for.
func authorOf(a WXRAuthor) post.Author {
	name := a.DisplayName
	if name == "" {
		name = strings.TrimSpace(a.FirstName + " " + a.LastName)
	}
	if name == "" {
		name = a.Login
	}
	return post.Author{Name: name, Slug: post.Slugify(name), Email: a.Email}
}

// looseLogin is login as WordPress's sanitize_user (strict) leaves it:
// only letters, digits, space and _ . - @, lower-cased here because logins
// are compared without case.
func looseLogin(login string) string {
	var b strings.Builder
	for _, r := range login {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" _.-@", r)) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// item turns one <item> into a post, or counts it as skipped.
func (s *wxrScanner) item(start xml.StartElement, fn func(*post.Post) error) error {
	n, err := s.readNode(start)
	if err != nil {
		return err
	}
	if s.rec != nil {
		// A CDATA section holding "]]>" ends early, and the decoder,
		// lenient as it must be, reads the rest as markup without an
		// error: the item's fields come out wrong. Catch it in the bytes.
		if read := s.rec.buf[:s.rec.pos]; strayCDATAEnd(read) >= 0 {
			off := strayCDATAEnd(read)
			// Lines in a SyntaxError are the decoder's, which has not
			// seen the items skipped for their size.
			line := s.rec.line + bytes.Count(read[:off], []byte("\n")) - s.lineShift
			return &xml.SyntaxError{Msg: "]]> outside a CDATA section (a CDATA section that holds ]]> unescaped)", Line: line}
		}
		// The decoder also closes an item at a stray end tag; only a
		// real </item> ends one.
		if end := s.rec.consumed(s.d.InputOffset()); s.pending == nil && !closesItem(end) {
			line := s.rec.line + bytes.Count(end, []byte("\n")) - s.lineShift
			return &xml.SyntaxError{Msg: "an end tag that closes no open element inside the <item>", Line: line}
		}
	}
	return s.itemNode(n, fn)
}

// itemNode turns an item read whole into a post, or counts it as skipped.
func (s *wxrScanner) itemNode(n *xnode, fn func(*post.Post) error) error {
	s.w.Items++
	typ, ok := n.child("wp", "post_type")
	if !ok {
		if k := n.kidLocal("post_type"); k != nil {
			// The importer finds no post type when the wp: prefix names
			// another namespace, and skips the item as invalid.
			s.w.Skipped[""]++
			s.warnAt(n.line, WarnSkipped, "item %q: its post_type is in namespace %q, not WordPress's export namespace: not a WordPress post, skipped", n.titleText(), k.space)
			return nil
		}
		if s.isWXR() {
			s.w.Skipped[""]++
			s.warnAt(n.line, WarnSkipped, "item %q has no wp:post_type: not a WordPress post (the importer skips it as an invalid post type), skipped", n.titleText())
			return nil
		}
	}
	if typ == "" && !ok {
		typ = "post" // an item of a plain RSS feed
	}
	if typ == "attachment" {
		s.w.Attachments = append(s.w.Attachments, attachmentOf(n))
	}
	if !s.types[typ] {
		s.w.Skipped[typ]++
		if typ == "" {
			s.warnAt(n.line, WarnSkipped, "item %q has an empty wp:post_type: not a WordPress post, skipped", n.titleText())
		}
		return nil
	}
	status, ok := wxrStatus(n)
	if !ok {
		st, _ := n.child("wp", "status")
		s.w.SkippedStatus[st]++
		switch st {
		case "trash", "auto-draft", "inherit":
		default:
			s.warnAt(n.line, WarnSkipped, "item %q has wp:status %q, which WordPress does not publish: skipped", n.titleText(), st)
		}
		return nil
	}
	p := s.itemPost(n, typ)
	p.Status = status
	if err := fn(p); err != nil {
		return &callbackError{err}
	}
	return nil
}

// isWXR reports whether the document has shown itself to be a
// WordPress export (a wp:wxr_version, or any element in WordPress's
// export namespace), rather than a plain RSS feed.
func (s *wxrScanner) isWXR() bool { return s.w.Version != "" || s.sawWP }

// wxrStatus maps an item's wp:status to a post status; false means the
// item is to be skipped.
func wxrStatus(n *xnode) (post.Status, bool) {
	st, _ := n.child("wp", "status")
	switch st {
	case "publish", "":
		return post.Published, true
	case "draft":
		return post.Draft, true
	case "future":
		return post.Scheduled, true
	case "private":
		return post.Private, true
	case "pending":
		return post.Pending, true
	}
	return "", false
}

func (s *wxrScanner) itemPost(n *xnode, typ string) *post.Post {
	p := &post.Post{
		Source: post.Source{Path: s.path, Format: "wxr", Line: n.line},
		Params: map[string]any{},
	}
	title, _ := n.child("", "title")
	p.Title = html.UnescapeString(title)
	p.ID, _ = n.child("", "guid")
	body, _ := n.child("content", "encoded")
	p.Body = post.Body{Format: post.HTML, Text: body, Dialect: htmlDialect(body)}
	if k := n.kid("content", "encoded"); k != nil {
		p.Source.BodyLine = k.line
	}
	p.Summary, _ = n.child("excerpt", "encoded")

	id, hasID := n.child("wp", "post_id")
	if hasID && id != "" {
		if v, err := strconv.Atoi(id); err == nil {
			p.Params["wp_post_id"] = v
		} else {
			p.Params["wp_post_id"] = id
		}
	}
	p.Slug = wxrPostSlug(n, p.Title, id)
	p.Date = s.itemDate(n, "post_date", "post_date_gmt", true)
	p.Updated = s.itemDate(n, "post_modified", "post_modified_gmt", false)
	if creator, ok := n.child("dc", "creator"); ok && creator != "" {
		p.Authors = []post.Author{s.author(creator)}
	}
	s.itemTerms(n, p)
	s.itemParams(n, typ, p)
	if typ == "page" {
		p.Kind = post.KindPage
	}
	if pw, _ := n.child("wp", "post_password"); pw != "" {
		p.Protected = true
	}
	p.Aliases = s.itemAliases(n, id)
	return p
}

// itemAliases are the addresses WordPress served the item at: its link
// and its short link ?p=ID, under the blog's address when the export
// names it.
func (s *wxrScanner) itemAliases(n *xnode, id string) []string {
	var out []string
	if link, _ := n.child("", "link"); link != "" {
		out = append(out, link)
	}
	if _, err := strconv.Atoi(id); err == nil {
		base := s.w.BaseBlogURL
		if base == "" {
			base = s.w.Link
		}
		if u, err := url.Parse(base); err != nil || u.Scheme == "" || u.Host == "" {
			base = ""
		}
		short := strings.TrimSuffix(base, "/") + "/?p=" + id
		if short != "" && !slices.Contains(out, short) {
			out = append(out, short)
		}
	}
	return out
}

// wxrPostSlug picks the post's slug: its name, else its title, else its id.
func wxrPostSlug(n *xnode, title, id string) string {
	name, _ := n.child("wp", "post_name")
	if slug := safeSlug(name); slug != "" {
		return slug
	}
	if text := strings.TrimSpace(stripTags(title)); text != "" {
		return post.Slugify(text)
	}
	if id != "" {
		return post.Slugify("post-" + id)
	}
	return "untitled"
}

// safeSlug percent-decodes a WordPress slug (post_name, nicename) and
// returns it unchanged when it is safe as written: letters (lower case),
// digits, '-', '_' and '.', with no leading dot and no "..", the rule
// ParseMarkdown applies when it reads a slug back and post.CheckSlug
// accepts. Anything else goes through post.Slugify. An empty name gives "".
func safeSlug(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	if dec, err := url.PathUnescape(name); err == nil {
		name = dec
	}
	if name[0] == '.' || strings.Contains(name, "..") || !utf8.ValidString(name) ||
		strings.ContainsFunc(name, func(r rune) bool {
			// WordPress lower-cases only ASCII: other letters it keeps
			// (percent-encoded), and so does folio, untransliterated.
			return r >= 'A' && r <= 'Z' || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.')
		}) {
		return post.Slugify(name)
	}
	return name
}

// stripTags removes HTML tags from a title, for making a slug of its text.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wxrLayout is how WXR writes dates.
const wxrLayout = "2006-01-02 15:04:05"

// itemDate reads a local/GMT date pair (see ReadWXR). A date that cannot
// be read is reported; the post keeps whatever else could be read.
func (s *wxrScanner) itemDate(n *xnode, localKey, gmtKey string, usePubDate bool) time.Time {
	localNode, gmtNode := n.kid("wp", localKey), n.kid("wp", gmtKey)
	var local, gmt time.Time
	var localOK, gmtOK bool
	if localNode != nil {
		local, localOK = s.parseWXRDate(localNode, time.UTC)
	}
	if gmtNode != nil {
		gmt, gmtOK = s.parseWXRDate(gmtNode, time.UTC)
	}
	switch {
	case localOK && gmtOK:
		off := local.Sub(gmt)
		if off%time.Minute != 0 || off < -14*time.Hour || off > 14*time.Hour {
			s.warnAt(gmtNode.line, WarnDate, "wp:%s %q and wp:%s %q are %v apart, more than any time zone; the GMT date is used",
				localKey, localNode.text, gmtKey, gmtNode.text, off)
			return gmt
		}
		return time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), 0, s.zone(int(off/time.Second)))
	case localOK:
		l := s.opt.location()
		return time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), 0, l)
	case gmtOK:
		return gmt
	}
	if !usePubDate {
		return time.Time{}
	}
	pub, _ := n.child("", "pubDate")
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"} {
		if t, err := time.Parse(layout, pub); err == nil && t.Year() > 0 {
			return t
		}
	}
	return time.Time{}
}

// parseWXRDate reads one "2006-01-02 15:04:05" date. Empty and zero dates
// are unknown, not errors.
func (s *wxrScanner) parseWXRDate(n *xnode, loc *time.Location) (time.Time, bool) {
	v := n.text
	if v == "" || strings.HasPrefix(v, "0000-00-00") {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(wxrLayout, v, loc)
	if err != nil {
		s.warnAt(n.line, WarnDate, "wp:%s %q is not YYYY-MM-DD hh:mm:ss; ignored", n.local, v)
		return time.Time{}, false
	}
	return t, true
}

// zone returns the fixed zone of an offset in seconds, one per offset so
// that the posts of an export share them.
func (s *wxrScanner) zone(off int) *time.Location {
	if off == 0 {
		return time.UTC
	}
	if z, ok := s.zones[off]; ok {
		return z
	}
	z := time.FixedZone("", off)
	s.zones[off] = z
	return z
}

// author maps a dc:creator login to its declared author.
func (s *wxrScanner) author(creator string) post.Author {
	if a, ok := s.authors[creator]; ok {
		return a
	}
	if login, ok := s.loose[looseLogin(creator)]; ok {
		return s.authors[login]
	}
	return post.Author{Name: creator, Slug: post.Slugify(creator)}
}

// itemTerms files the item's <category> elements by domain. WXR 1.0
// (WordPress 2.x) wrote every term twice, once bare as plain RSS and once
// with its domain and nicename, and tags in domain "tag": a bare term
// whose name the item also gives with a domain is such a duplicate and is
// dropped, and a term without a nicename gives way to the same name with
// one. Other bare terms (a plain RSS feed's) are categories.
func (s *wxrScanner) itemTerms(n *xnode, p *post.Post) {
	type raw struct {
		k        *xnode
		domain   string
		nicename bool
	}
	var terms []raw
	domained := map[string]bool{}     // names given with a domain
	withNicename := map[string]bool{} // domain + name
	for i := range n.kids {
		k := &n.kids[i]
		if k.ns != "" || k.local != "category" {
			continue
		}
		domain, _ := k.attrValue("domain")
		nice, _ := k.attrValue("nicename")
		if domain == "tag" {
			domain = "post_tag"
		}
		if domain != "" {
			domained[k.text] = true
		}
		if nice != "" {
			withNicename[domain+"\x00"+k.text] = true
		}
		terms = append(terms, raw{k, domain, nice != ""})
	}
	seen := map[string]bool{}
	for _, r := range terms {
		domain := r.domain
		switch {
		case domain == "" && domained[r.k.text]:
			continue
		case domain == "":
			domain = "category"
		case !r.nicename && withNicename[domain+"\x00"+r.k.text]:
			continue
		}
		t := s.itemTerm(r.k, domain)
		if t.Name == "" && t.Slug == "" {
			continue
		}
		if seen[domain+"\x00"+t.Slug] {
			continue
		}
		seen[domain+"\x00"+t.Slug] = true
		switch domain {
		case "category":
			p.Categories = append(p.Categories, t)
		case "post_tag":
			p.Tags = append(p.Tags, t)
		default:
			if p.Taxonomies == nil {
				p.Taxonomies = map[string][]post.Term{}
			}
			p.Taxonomies[domain] = append(p.Taxonomies[domain], t)
		}
	}
}

func (s *wxrScanner) itemTerm(k *xnode, domain string) post.Term {
	var decl *wxrTerms
	switch domain {
	case "category":
		decl = &s.cats
	case "post_tag":
		decl = &s.tags
	default:
		decl = s.terms[domain]
	}
	t := post.Term{Name: html.UnescapeString(k.text)}
	nicename, _ := k.attrValue("nicename")
	t.Slug = safeSlug(nicename)
	var d post.Term
	var ok bool
	if decl != nil {
		if t.Slug != "" {
			d, ok = decl.bySlug[t.Slug]
		} else {
			d, ok = decl.byName[t.Name]
		}
	}
	if ok {
		t.Slug, t.Parent = d.Slug, d.Parent
		if t.Name == "" {
			t.Name = d.Name
		}
	}
	if t.Slug == "" {
		t.Slug = post.Slugify(t.Name)
	}
	return t
}

// itemParams keeps what the model has no field for.
func (s *wxrScanner) itemParams(n *xnode, typ string, p *post.Post) {
	if typ != "post" {
		p.Params["wp_post_type"] = typ
	}
	if link, _ := n.child("", "link"); link != "" {
		p.Params["wp_link"] = link
	}
	for _, key := range []string{"post_parent", "menu_order"} {
		v, _ := n.child("wp", key)
		if i, err := strconv.Atoi(v); err == nil && i != 0 {
			p.Params["wp_"+key] = i
		} else if err != nil && v != "" {
			p.Params["wp_"+key] = v
		}
	}
	if v, _ := n.child("wp", "is_sticky"); v == "1" {
		p.Params["sticky"] = true
	}
	if v, _ := n.child("wp", "post_password"); v != "" {
		p.Params["password_protected"] = true
	}
	comments := 0
	meta := map[string]any{}
	for _, k := range n.kids {
		if k.ns != "wp" {
			continue
		}
		switch k.local {
		case "comment":
			comments++
		case "postmeta":
			key, _ := k.child("wp", "meta_key")
			val, _ := k.child("wp", "meta_value")
			switch old := meta[key].(type) {
			case nil:
				meta[key] = val
			case string:
				meta[key] = []any{old, val}
			case []any:
				meta[key] = append(old, val)
			}
		}
	}
	p.Params["comment_count"] = comments
	if len(meta) > 0 {
		p.Params["meta"] = meta
	}
}

// wxrCharsetReader lets exports that declare Latin-1 (or plain ASCII) be
// read; Go's decoder accepts only UTF-8 by itself.
func wxrCharsetReader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "utf8", "us-ascii", "ascii":
		return input, nil
	case "iso-8859-1", "latin1", "latin-1", "iso8859-1":
		return &latin1Reader{r: input}, nil
	}
	return nil, fmt.Errorf("source: %w: encoding %q", ErrEncoding, charset)
}

// latin1Reader converts ISO-8859-1 bytes to UTF-8.
type latin1Reader struct {
	r   io.Reader
	buf []byte
	out []byte
	pos int
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	for l.pos == len(l.out) {
		if l.buf == nil {
			l.buf = make([]byte, 4096)
		}
		n, err := l.r.Read(l.buf)
		l.out, l.pos = l.out[:0], 0
		for _, c := range l.buf[:n] {
			l.out = utf8.AppendRune(l.out, rune(c))
		}
		if n == 0 && err != nil {
			return 0, err
		}
	}
	n := copy(p, l.out[l.pos:])
	l.pos += n
	return n, nil
}
