package postfile

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// ErrText is wrapped by the error Text returns for a post that the
// plain-text format cannot carry faithfully.
var ErrText = errors.New("postfile: post cannot be written as plain text")

// wpTextDateLayout is WordPress's default date format, the first one the
// reader tries.
const wpTextDateLayout = "January 2, 2006"

// wpTextDateTimeLayout is the footer's date with a time of day, as
// Kubrick prints it and source reads it.
const wpTextDateTimeLayout = "January 2, 2006 at 3:04 pm"

// Text writes p in the plain-text WordPress format that source.ParseText
// reads: the title, the paragraphs of the body separated by blank lines,
// one line per citation ("[CNN]", "[CNN](https://…)") and a footer,
//
//	This entry was posted in A, B and tagged x, y on January 2, 2006 by Name.
//
// leaving out the parts the post does not have. The date is written
// without a zone, so it reads back in the reader's location, with its
// time of day when it has one ("January 2, 2006 at 3:04 pm"). A post
// with an updated date gets the byline themes print for one, "Posted on
// <date> <updated>" under the title. Slugs and the source are not
// written; the reader derives them again.
//
// Text never changes data silently: for a post the format cannot carry it
// writes nothing and returns an error wrapping ErrText. That is the case
// for a body that is not plain text; a title, paragraph or name with a line
// break or surrounding white space; a name with white space other than
// single spaces; a first paragraph that would read as a byline or a
// comments link, or last ones that would read as a citation, a footer or an
// author box; a name holding a list separator (", ", " | ") or a footer
// keyword that would split it; a date with seconds; an updated date
// without a date or before it; and fields the format has no place for (ID,
// Expiry, Summary, Params, custom taxonomies, a status other than
// published, author email, URL or bio, term parents, citation titles).
func Text(w io.Writer, p *post.Post) error {
	b, err := wpTextAppend(nil, p)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func wpTextAppend(b []byte, p *post.Post) ([]byte, error) {
	if p == nil {
		return nil, wpTextErr("nil post")
	}
	if err := wpTextCheckFields(p); err != nil {
		return nil, err
	}
	paras, err := wpTextParagraphs(p)
	if err != nil {
		return nil, err
	}
	if err := wpTextCheckLine("title", p.Title); err != nil {
		return nil, err
	}
	if strings.HasPrefix(p.Title, "\uFEFF") {
		return nil, wpTextErr("title starts with a byte-order mark, which readers remove")
	}
	foot, err := wpTextFooter(p)
	if err != nil {
		return nil, err
	}
	cites, err := wpTextCitations(p.Citations)
	if err != nil {
		return nil, err
	}
	// A last line shaped like a footer would be read as one: put an empty
	// footer after it.
	// The reader removes a Twenty Ten or Eleven author box ending the
	// paragraphs ("About A", bio, "View all posts by A →").
	if len(cites) == 0 && wpTextAuthorBox(paras) {
		return nil, wpTextErr("last paragraph %q would be read as the end of an author box", paras[len(paras)-1])
	}
	if foot == "" && len(cites) == 0 && len(paras) > 0 && wpTextFooterLike(paras[len(paras)-1]) {
		// The reader joins an entry-meta sentence with a permalink line
		// after it (themes' footers split in two), so that one cannot be
		// kept apart this way.
		if last := paras[len(paras)-1]; wpTextEntryMetaLike(last) {
			return nil, wpTextErr("last paragraph %q would be read as a footer", last)
		}
		foot = "Bookmark the permalink."
	}

	byline, err := wpTextByline(p)
	if err != nil {
		return nil, err
	}

	b = append(b, p.Title...)
	b = append(b, '\n')
	if byline != "" {
		b = append(b, '\n')
		b = append(b, byline...)
		b = append(b, '\n')
	}
	for _, para := range paras {
		b = append(b, '\n')
		b = append(b, para...)
		b = append(b, '\n')
	}
	if len(cites) > 0 {
		b = append(b, '\n')
		for _, c := range cites {
			b = append(b, c...)
			b = append(b, '\n')
		}
	}
	if foot != "" {
		b = append(b, '\n')
		b = append(b, foot...)
		b = append(b, '\n')
	}
	return b, nil
}

func wpTextErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrText, fmt.Sprintf(format, args...))
}

// wpTextCheckFields refuses posts with data the format has no place for.
func wpTextCheckFields(p *post.Post) error {
	switch {
	case p.Body.Format != post.Text && !(p.Body.Format == "" && p.Body.Text == ""):
		return wpTextErr("body format is %q, not %q", p.Body.Format, post.Text)
	case p.Status != post.Published && p.Status != "":
		return wpTextErr("status %q (only published posts)", p.Status)
	case p.ID != "":
		return wpTextErr("no place for the id")
	case !p.Updated.IsZero() && p.Date.IsZero():
		return wpTextErr("no place for an updated date without a date")
	case !p.Updated.IsZero() && p.Updated.Before(p.Date):
		return wpTextErr("updated date %v is before the date %v", p.Updated, p.Date)
	case !p.Expiry.IsZero():
		return wpTextErr("no place for the expiry date")
	case p.Summary != "":
		return wpTextErr("no place for the summary")
	case len(p.Params) > 0:
		return wpTextErr("no place for params")
	case len(p.Taxonomies) > 0:
		return wpTextErr("no place for custom taxonomies")
	}
	for _, a := range p.Authors {
		if a.Email != "" || a.URL != "" || a.Bio != "" {
			return wpTextErr("no place for the email, URL or bio of author %q", a.Name)
		}
	}
	for _, t := range append(p.Categories[:len(p.Categories):len(p.Categories)], p.Tags...) {
		if t.Parent != "" {
			return wpTextErr("no place for the parent of term %q", t.Name)
		}
	}
	for _, c := range p.Citations {
		if c.Title != "" {
			return wpTextErr("no place for the title of citation %q", c.Source)
		}
	}
	return nil
}

// wpTextCheckLine checks that s reads back as one line, unchanged.
func wpTextCheckLine(what, s string) error {
	switch {
	case s == "":
		return wpTextErr("empty %s", what)
	case !utf8.ValidString(s):
		return wpTextErr("%s %q is not UTF-8", what, s)
	case strings.ContainsAny(s, "\r\n"):
		return wpTextErr("%s %q holds a line break", what, s)
	case strings.TrimSpace(s) != s:
		return wpTextErr("%s %q has white space around it", what, s)
	}
	return nil
}

// wpTextParagraphs splits the body into its paragraphs, checking that each
// reads back as itself.
func wpTextParagraphs(p *post.Post) ([]string, error) {
	if p.Body.Text == "" {
		return nil, nil
	}
	paras := strings.Split(p.Body.Text, "\n\n")
	for _, para := range paras {
		if err := wpTextCheckLine("paragraph", para); err != nil {
			return nil, err
		}
	}
	// The reader takes "Posted on DATE [by AUTHOR]" or "Published DATE
	// [by AUTHOR]" on the second line as a byline when DATE is a date,
	// and every date it reads holds a digit. It reads bylines with their
	// white space runs made single spaces.
	first := wpTextSpaced(paras[0])
	if wpTextCommentsLink(first) {
		return nil, wpTextErr("first paragraph %q would be read as a comments link", paras[0])
	}
	for _, lead := range [...]string{"Posted on ", "Published "} {
		if rest, ok := strings.CutPrefix(first, lead); ok && strings.ContainsAny(rest, "0123456789") {
			return nil, wpTextErr("first paragraph %q would be read as a byline", paras[0])
		}
	}
	if last := paras[len(paras)-1]; strings.HasPrefix(last, "[") && (strings.HasSuffix(last, "]") || strings.HasSuffix(last, ")")) {
		return nil, wpTextErr("last paragraph %q would be read as a citation", last)
	}
	return paras, nil
}

// wpTextFooterLike reports whether a last line s might be read as a
// footer, a labelled list ("Posted in …", "Tags: …") or a comments or
// edit link, which the reader skips after a footer. It errs towards yes:
// the reader compares with white space runs made single spaces.
func wpTextFooterLike(s string) bool {
	s = wpTextSpaced(s)
	if s == "Bookmark the permalink." || strings.HasPrefix(s, "This entry was posted") ||
		strings.HasPrefix(s, "This entry was tagged ") || wpTextCommentsLink(s) {
		return true
	}
	for _, label := range [...]string{"Posted in ", "Categories: ", "Category: ", "Categorized as ", "Filed under ", "Tagged ", "Tags: ", "Tag: "} {
		if strings.HasPrefix(s, label) {
			return true
		}
	}
	return false
}

// wpTextCommentsLink reports whether the reader skips s as a comments or
// edit link ("Leave a comment", "3 Replies", "Edit"), after the title or
// the footer; it follows source's list and errs towards yes.
func wpTextCommentsLink(s string) bool {
	s = wpTextSpaced(s)
	switch s {
	case "Leave a comment", "Leave a Comment", "Leave a reply", "Leave a Reply",
		"Comments Off", "Comments off", "Comments are closed.", "No Comments", "No comments",
		"1 Comment", "1 comment", "1 Reply", "1 reply", "One Comment", "One comment",
		"One Reply", "One reply", "Edit":
		return true
	}
	for _, lead := range [...]string{"Leave a comment on ", "Leave a Comment on ", "Comments Off on ", "Comments off on ", "Edit "} {
		if strings.HasPrefix(s, lead) {
			return true
		}
	}
	n, _, _ := strings.Cut(s, " ")
	return n != "" && strings.Trim(n, "0123456789") == ""
}

// wpTextEntryMetaLike reports whether the reader might take s, followed
// by a line "Bookmark the permalink.", as a footer split in two: s starts
// "This entry was posted" and one of the footer's words, or "Posted in",
// "Tagged" or "This entry was tagged", and ends with a full stop (an edit
// link after it allowed) but not the permalink sentence.
func wpTextEntryMetaLike(s string) bool {
	s = wpTextSpaced(s)
	if strings.HasSuffix(s, "Bookmark the permalink.") {
		return false
	}
	if t, ok := strings.CutSuffix(s, "Edit"); ok {
		s = strings.TrimRight(t, " ")
	}
	if !strings.HasSuffix(s, ".") {
		return false
	}
	// The shorter forms of themes built on Underscores; "Posted in" and
	// "Tagged" ones only as the reader takes them for footers.
	switch {
	case strings.HasPrefix(s, "This entry was tagged "):
		return true
	case strings.HasPrefix(s, "Tagged "):
		return strings.Contains(s, "Bookmark the permalink")
	case strings.HasPrefix(s, "Posted in "):
		return wpTextPostedInLike(strings.TrimSuffix(s[len("Posted in "):], "."))
	}
	after, ok := strings.CutPrefix(s, "This entry was posted")
	if !ok {
		return false
	}
	for _, word := range [...]string{".", " .", " in ", " and tagged ", " on ", " by "} {
		if strings.HasPrefix(after, word) {
			return true
		}
	}
	return false
}

// wpTextAuthorBox reports whether paras end as source reads an author
// box: "View all posts by A →" last and "About A" at most 11 paragraphs
// before it.
func wpTextAuthorBox(paras []string) bool {
	if len(paras) < 2 {
		return false
	}
	name, ok := strings.CutPrefix(wpTextSpaced(paras[len(paras)-1]), "View all posts by ")
	name = strings.TrimSpace(strings.TrimRight(name, "→»>"))
	if !ok || name == "" {
		return false
	}
	for i := len(paras) - 2; i >= max(0, len(paras)-12); i-- {
		if wpTextSpaced(paras[i]) == "About "+name {
			return true
		}
	}
	return false
}

// wpTextPostedInLike reports whether the reader might take "Posted in "
// body "." for a footer: with tags, a date, the permalink sentence, or
// names that read as category names (capitalised, at most four words),
// the authors after " by " cut off or not.
func wpTextPostedInLike(body string) bool {
	if strings.Contains(body, " and tagged ") || strings.Contains(body, "Bookmark the permalink") ||
		strings.Contains(body, " on ") && strings.ContainsAny(body, "0123456789") {
		return true
	}
	names := func(s string) bool {
		for _, n := range wpTextSplitNames(s) {
			r, _ := utf8.DecodeRuneInString(n)
			if strings.Count(n, " ") >= 4 || !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return false
			}
		}
		return true
	}
	if i := strings.LastIndex(body, " by "); i >= 0 && names(body[:i]) {
		return true
	}
	return names(body)
}

// wpTextSpaced returns s with each run of white space made one ASCII
// space, the form in which the reader matches bylines and footers.
func wpTextSpaced(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func wpTextCitations(cites []post.Citation) ([]string, error) {
	lines := make([]string, len(cites))
	for i, c := range cites {
		if err := wpTextCheckLine("citation source", c.Source); err != nil {
			return nil, err
		}
		if strings.ContainsAny(c.Source, "[]") {
			return nil, wpTextErr("citation source %q holds a bracket", c.Source)
		}
		lines[i] = "[" + c.Source + "]"
		if c.URL == "" {
			continue
		}
		if !utf8.ValidString(c.URL) || strings.ContainsAny(c.URL, "()[]") || strings.IndexFunc(c.URL, unicode.IsSpace) >= 0 {
			return nil, wpTextErr("citation URL %q holds white space, a bracket or a parenthesis", c.URL)
		}
		lines[i] += "(" + c.URL + ")"
	}
	return lines, nil
}

// wpTextFooter builds the footer sentence, or "" for a post with no terms,
// date or authors. Names may hold " by ", " on " or " and tagged ", which
// the reader also uses to split the sentence, so after writing it Text
// splits it the way the reader does (wpTextSplitFooter) and refuses the
// post unless every part comes back where it was written.
func wpTextFooter(p *post.Post) (string, error) {
	var f wpTextFooterParts
	f.cats, f.tags = wpTextTermNames(p.Categories), wpTextTermNames(p.Tags)
	for _, a := range p.Authors {
		f.authors = append(f.authors, a.Name)
	}
	for _, list := range []struct {
		what  string
		names []string
	}{{"category", f.cats}, {"tag", f.tags}, {"author", f.authors}} {
		for _, n := range list.names {
			if err := wpTextCheckLine(list.what, n); err != nil {
				return "", err
			}
			if wpTextSpaced(n) != n {
				return "", wpTextErr("%s %q holds white space other than single spaces, which the reader makes single spaces", list.what, n)
			}
		}
	}
	if !p.Date.IsZero() {
		var err error
		if f.date, err = wpTextDate(p.Date); err != nil {
			return "", err
		}
	}
	rest, want := f.write()
	if rest == "" {
		return "", nil
	}
	sentence := "This entry was posted" + rest + "."
	if strings.Contains(sentence, " and is filed under ") {
		return "", wpTextErr("a name holds \" and is filed under \", which would read as Kubrick's footer")
	}
	if strings.HasSuffix(sentence, "Bookmark the permalink.") {
		return "", wpTextErr("the last name would be read as \"Bookmark the permalink.\"")
	}
	got, err := wpTextSplitFooter(rest)
	if err != nil {
		return "", err
	}
	switch {
	case !slices.Equal(got.cats, want.cats):
		return "", wpTextErr("categories %q would read back as %q", want.cats, got.cats)
	case !slices.Equal(got.tags, want.tags):
		return "", wpTextErr("tags %q would read back as %q", want.tags, got.tags)
	case !slices.Equal(got.authors, want.authors):
		return "", wpTextErr("authors %q would read back as %q", want.authors, got.authors)
	case got.date != want.date:
		return "", wpTextErr("date %q would read back as %q", want.date, got.date)
	}
	return sentence, nil
}

// wpTextDate formats d as the footer and byline write it: the day, and
// the minute when it is not midnight.
func wpTextDate(d time.Time) (string, error) {
	if d.Second() != 0 || d.Nanosecond() != 0 {
		return "", wpTextErr("date %v has seconds; the footer holds the day and the minute", d)
	}
	if d.Year() < 0 || d.Year() > 9999 {
		return "", wpTextErr("date %v has a year outside 0-9999", d)
	}
	if d.Hour() != 0 || d.Minute() != 0 {
		return d.Format(wpTextDateTimeLayout), nil
	}
	return d.Format(wpTextDateLayout), nil
}

// wpTextByline returns the byline that carries an updated date, "Posted
// on <date> <updated>" as themes built on Underscores print it, or "".
func wpTextByline(p *post.Post) (string, error) {
	if p.Updated.IsZero() {
		return "", nil
	}
	date, err := wpTextDate(p.Date)
	if err != nil {
		return "", err
	}
	updated, err := wpTextDate(p.Updated)
	if err != nil {
		return "", err
	}
	return "Posted on " + date + " " + updated, nil
}

func wpTextTermNames(terms []post.Term) []string {
	var names []string
	for _, t := range terms {
		names = append(names, t.Name)
	}
	return names
}

// wpTextFooterParts are the parts of a footer sentence.
type wpTextFooterParts struct {
	cats, tags, authors []string
	date                string
}

// write joins the parts into the sentence between "This entry was posted"
// and the final ".", returning it with the parts trimmed as the reader
// trims them.
func (f wpTextFooterParts) write() (string, wpTextFooterParts) {
	var b strings.Builder
	list := func(lead string, names []string) {
		if len(names) > 0 {
			b.WriteString(lead)
			b.WriteString(strings.Join(names, ", "))
		}
	}
	list(" in ", f.cats)
	list(" and tagged ", f.tags)
	if f.date != "" {
		b.WriteString(" on ")
		b.WriteString(f.date)
	}
	list(" by ", f.authors)
	return b.String(), f
}

// wpTextSplitFooter splits rest the way source.ParseText splits a footer
// sentence: the authors after the last " by " and the date after the
// last " on " (unless " and tagged " follows either), the tags after the
// first " and tagged ", names at ", " and " | ". A date candidate holding a
// digit counts as a date (the reader reads it or reports it).
func wpTextSplitFooter(rest string) (wpTextFooterParts, error) {
	const tagged = " and tagged "
	var f wpTextFooterParts
	stop := len(rest)
	if i := strings.LastIndex(rest, " by "); i >= 0 && !strings.Contains(rest[i:], tagged) {
		f.authors, stop = wpTextSplitNames(rest[i+len(" by "):]), i
	}
	if i := strings.LastIndex(rest[:stop], " on "); i >= 0 && !strings.Contains(rest[i:stop], tagged) &&
		strings.ContainsAny(rest[i:stop], "0123456789") {
		f.date, stop = rest[i+len(" on "):stop], i
	}
	terms := rest[:stop]
	switch {
	case terms == "":
	case strings.HasPrefix(terms, " in "):
		cats := terms[len(" in "):]
		if i := strings.Index(terms, tagged); i >= 0 {
			if i < len(" in ") {
				return f, wpTextErr("a category starting with \"and tagged\"")
			}
			cats = terms[len(" in "):i]
			f.tags = wpTextSplitNames(terms[i+len(tagged):])
		}
		f.cats = wpTextSplitNames(cats)
	case strings.HasPrefix(terms, tagged):
		f.tags = wpTextSplitNames(terms[len(tagged):])
	default:
		return f, wpTextErr("footer %q would not read back", rest)
	}
	return f, nil
}

// wpTextSplitNames splits a list at the first ", " or " | " each time, as
// the reader does, trimming each name.
func wpTextSplitNames(s string) []string {
	var names []string
	for {
		i := wpTextIndexSeparator(s)
		if i < 0 {
			return append(names, strings.TrimSpace(s))
		}
		names = append(names, strings.TrimSpace(s[:i]))
		if s[i] == ',' {
			s = s[i+2:]
		} else {
			s = s[i+3:]
		}
	}
}

func wpTextIndexSeparator(s string) int {
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == ',' && s[i+1] == ' ':
			return i
		case s[i] == ' ' && s[i+1] == '|' && i+2 < len(s) && s[i+2] == ' ':
			return i
		}
	}
	return -1
}
