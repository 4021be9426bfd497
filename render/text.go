package render

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// ErrText is wrapped by the error Text returns for a post that the
// plain-text format cannot carry faithfully.
var ErrText = errors.New("render: post cannot be written as plain text")

// wpTextDateLayout is WordPress's default date format, the first one the
// reader tries.
const wpTextDateLayout = "January 2, 2006"

// Text writes p in the plain-text WordPress format that source.ParseText
// reads: the title, the paragraphs of the body separated by blank lines,
// one line per citation ("[CNN]", "[CNN](https://…)") and a footer,
//
//	This entry was posted in A, B and tagged x, y on January 2, 2006 by Name.
//
// leaving out the parts the post does not have. The date is written
// without a zone, so it reads back in the reader's location. Slugs and
// the source are not written; the reader derives them again.
//
// Text never changes data silently: for a post the format cannot carry it
// writes nothing and returns an error wrapping ErrText. That is the case
// for a body that is not plain text; a title, paragraph or name with a line
// break or surrounding white space; a first paragraph that would read as a
// byline, or a last one that would read as a citation; a name holding a
// list separator (", ", " | ") or a footer keyword that would split it; a
// date with a time of day; and fields the format has no place for (ID,
// Updated, Expiry, Summary, Params, custom taxonomies, a status other than
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
	if foot == "" && len(cites) == 0 && len(paras) > 0 && wpTextFooterLike(paras[len(paras)-1]) {
		foot = "Bookmark the permalink."
	}

	b = append(b, p.Title...)
	b = append(b, '\n')
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
	case !p.Updated.IsZero():
		return wpTextErr("no place for the updated date")
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
	// The reader takes "Posted on DATE by AUTHOR" on the second line as a
	// byline when DATE is a date, and every date it reads holds a digit.
	if rest, ok := strings.CutPrefix(paras[0], "Posted on "); ok {
		if date, _, ok := strings.Cut(rest, " by "); ok && strings.ContainsAny(date, "0123456789") {
			return nil, wpTextErr("first paragraph %q would be read as a byline", paras[0])
		}
	}
	if last := paras[len(paras)-1]; strings.HasPrefix(last, "[") && (strings.HasSuffix(last, "]") || strings.HasSuffix(last, ")")) {
		return nil, wpTextErr("last paragraph %q would be read as a citation", last)
	}
	return paras, nil
}

// wpTextFooterLike reports whether a last line s might be read as a footer.
func wpTextFooterLike(s string) bool {
	return s == "Bookmark the permalink." ||
		strings.HasPrefix(s, "This entry was posted") ||
		strings.HasPrefix(s, "Posted in ")
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
// date or authors. The reader splits the author off at the last " by "
// and the date at the last " on " followed by digits, so names that would
// move those splits are refused.
func wpTextFooter(p *post.Post) (string, error) {
	var b strings.Builder
	b.WriteString("This entry was posted")
	if err := wpTextWriteNames(&b, " in ", "category", wpTextTermNames(p.Categories)); err != nil {
		return "", err
	}
	if err := wpTextWriteNames(&b, " and tagged ", "tag", wpTextTermNames(p.Tags)); err != nil {
		return "", err
	}
	terms := b.String()[len("This entry was posted"):]
	if i := strings.LastIndex(terms, " by "); len(p.Authors) == 0 && i >= 0 && !strings.Contains(terms[i:], " and tagged ") {
		return "", wpTextErr("a category or tag holding \" by \" would be read as the author of a post without one")
	}
	if !p.Date.IsZero() {
		d := p.Date
		if d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			return "", wpTextErr("date %v has a time of day; the footer holds only the day", d)
		}
		if d.Year() < 0 || d.Year() > 9999 {
			return "", wpTextErr("date %v has a year outside 0-9999", d)
		}
		b.WriteString(" on ")
		b.WriteString(d.Format(wpTextDateLayout))
	} else if i := strings.LastIndex(terms, " on "); i >= 0 && strings.ContainsAny(terms[i:], "0123456789") && !strings.Contains(terms[i:], " and tagged ") {
		return "", wpTextErr("a category or tag holding \" on \" and digits would be read as the date of a post without one")
	}
	names := make([]string, len(p.Authors))
	for i, a := range p.Authors {
		names[i] = a.Name
	}
	// The " by " written before the authors must stay the last one.
	if strings.Contains(" "+strings.Join(names, ", "), " by ") {
		return "", wpTextErr("authors %q hold \" by \" or start with \"by \"", names)
	}
	if err := wpTextWriteNames(&b, " by ", "author", names); err != nil {
		return "", err
	}
	if b.Len() == len("This entry was posted") {
		return "", nil
	}
	b.WriteByte('.')
	return b.String(), nil
}

func wpTextTermNames(terms []post.Term) []string {
	names := make([]string, len(terms))
	for i, t := range terms {
		names[i] = t.Name
	}
	return names
}

// wpTextWriteNames writes lead and the names separated by ", ", refusing
// names that would not read back as themselves.
func wpTextWriteNames(b *strings.Builder, lead, what string, names []string) error {
	for i, n := range names {
		if err := wpTextCheckLine(what, n); err != nil {
			return err
		}
		for _, bad := range []string{", ", " | ", " and tagged", "Bookmark the permalink"} {
			if strings.Contains(n, bad) {
				return wpTextErr("%s %q holds %q", what, n, bad)
			}
		}
		if i == 0 {
			b.WriteString(lead)
		} else {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return nil
}
