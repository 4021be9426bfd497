package source

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// ParseText reads one plain-text WordPress post: a title line, an optional
// byline ("Posted on <date> by <author>", "Posted on <date>", "Published
// <date>"), one paragraph per line, citation lines ("[CNN]",
// "[CNN](https://…)") and the theme's meta after them. The meta is one of
//
//   - the entry-meta sentence of Twenty Ten, Eleven and Twelve, "This
//     entry was posted in … and tagged … on … by …. Bookmark the
//     permalink.", the permalink sentence possibly on a line of its own;
//   - its shorter forms in themes built on Underscores ("This entry was
//     tagged ….", "Posted in … and tagged ….");
//   - Kubrick's "This entry was posted on <date> at <time> and is filed
//     under …. You can follow …", with a "Tags: …" line above it;
//   - labelled lists ("Posted in … | Tagged … | Leave a comment",
//     "Categories: …", "Tags: …") on one line or several.
//
// Comments and edit links around the meta and under the title ("Leave a
// reply", "3 Comments", "Edit") and the author box of Twenty Ten and
// Eleven ("About A", biography, "View all posts by A →") are theme chrome
// and dropped.
//
// The body holds the paragraphs joined by one blank line, each as written
// without surrounding white space; the title, byline, citations and meta
// are moved into their fields. A citation line is kept whole: "[CNN,
// Reuters]" is one source named "CNN, Reuters", and "[Source: CNN]" one
// named "Source: CNN". Names in the byline and meta have runs of white
// space (tabs, no-break spaces) made single spaces; names are split at ", "
// and " | ", so a name holding ", " cannot be told from two. A UTF-8
// byte-order mark, CRLF (or CR) line ends and white space around lines are
// removed. Slugs come from the title and from the names; dates without a
// zone are in opt.Location.
//
// A line that only looks like meta stays a paragraph: "This entry was
// posted late." or "Posted in haste, the letter came." ends a post as
// body text. On bad input ParseText returns a *Error naming path, line and
// column: ErrEmpty for a file with nothing but white space, ErrEncoding for
// bytes that are not UTF-8, ErrDate for a date in a byline or footer that
// it cannot read ("May 35, 2017") or whose day and month order is
// ambiguous ("02/01/2006"; "13/01/2006" reads), ErrSyntax for a footer
// with an empty name, or for a byline and footer that disagree.
func ParseText(path string, data []byte, opt Options) (*post.Post, error) {
	lines, err := textLines(path, data)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 {
		return nil, &Error{Path: path, Err: ErrEmpty}
	}
	p := &post.Post{
		Title:  lines[0].text,
		Slug:   post.Slugify(lines[0].text),
		Status: post.Published,
		Source: post.Source{Path: path, Format: "text", Line: 1},
	}
	rest := lines[1:]
	loc := opt.location()

	// Under the title: the byline, and the comments link some themes
	// put there (Twenty Twelve's "Leave a reply"), before or after it.
	rest = skipTextCommentsLinks(rest)
	var by, foot textMeta
	if len(rest) > 0 {
		m, ok, err := parseTextByline(path, rest[0], loc)
		if err != nil {
			return nil, err
		}
		if ok {
			by, rest = m, skipTextCommentsLinks(rest[1:])
		}
	}
	// Twenty Eleven prints the author box after the footer, Twenty Ten
	// before it.
	rest = cutTextAuthorBox(rest)
	foot, n, err := parseTextTrailer(path, rest, loc)
	if err != nil {
		return nil, err
	}
	rest = cutTextAuthorBox(rest[:len(rest)-n])

	// Citations are the run of citation-shaped lines after the last
	// paragraph; earlier ones are body text.
	i := len(rest)
	for i > 0 {
		if _, ok := parseTextCitation(rest[i-1].text); !ok {
			break
		}
		i--
	}
	for _, l := range rest[i:] {
		c, _ := parseTextCitation(l.text)
		p.Citations = append(p.Citations, c)
	}
	p.Body = post.Body{Format: post.Text, Text: joinTextParagraphs(rest[:i])}

	if err := mergeTextMeta(path, p, by, foot); err != nil {
		return nil, err
	}
	return p, nil
}

// textLine is one non-blank line of a text post.
type textLine struct {
	num  int    // 1-based line number
	col  int    // 1-based rune column where text starts
	text string // the line without surrounding white space

	// For a line rewritten by spaced or withLead, where text came from;
	// nil for the line as written, which keeps the many lines of a long
	// post small.
	from *textSource
}

// textSource maps a rewritten line back to the line as written.
type textSource struct {
	orig string // the text as written
	src  []int  // for each byte of text, and its end, the offset in orig
}

// colAt is the rune column of byte offset off in l.text.
func (l textLine) colAt(off int) int {
	if l.from != nil {
		return l.col + utf8.RuneCountInString(l.from.orig[:l.from.src[off]])
	}
	return l.col + utf8.RuneCountInString(l.text[:off])
}

// spaced returns l with each run of white space (tabs, no-break spaces,
// doubled spaces) in its text turned into one ASCII space, as a browser
// shows it. Theme footers and bylines are read from this form, since a
// scrape may keep a "&nbsp;" or a template's tab between the words;
// paragraphs keep their text as written.
func (l textLine) spaced() textLine {
	if !textNeedsSpacing(l.text) {
		return l
	}
	var b strings.Builder
	src := make([]int, 0, len(l.text)+1)
	inSpace := false
	for i, r := range l.text {
		if unicode.IsSpace(r) {
			if !inSpace {
				b.WriteByte(' ')
				src = append(src, i)
			}
			inSpace = true
			continue
		}
		inSpace = false
		n, _ := b.WriteRune(r)
		for k := range n {
			src = append(src, i+k)
		}
	}
	src = append(src, len(l.text))
	return textLine{num: l.num, col: l.col, text: b.String(), from: &textSource{orig: l.text, src: src}}
}

// textNeedsSpacing reports whether s holds white space other than single
// ASCII spaces.
func textNeedsSpacing(s string) bool {
	prevSpace := false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return true
		}
		prevSpace = space
	}
	return false
}

// textMeta is what a byline or footer says about a post.
type textMeta struct {
	line       textLine
	date       time.Time
	updated    time.Time // from a byline with two dates
	dateCol    int
	authors    []post.Author
	authorsCol int
	categories []post.Term
	tags       []post.Term
}

const textBOM = "\xEF\xBB\xBF"

// textLines splits data into its non-blank lines. CRLF, LF and a lone CR
// all end a line, so no line holds a '\r' or '\n'.
func textLines(path string, data []byte) ([]textLine, error) {
	// One conversion: every line and name is a substring of s.
	s := strings.TrimPrefix(string(data), textBOM)
	var lines []textLine
	for num := 1; ; num++ {
		end := strings.IndexAny(s, "\r\n")
		raw := s
		if end >= 0 {
			raw = s[:end]
		}
		if bad := textInvalidUTF8(raw); bad >= 0 {
			return nil, &Error{Path: path, Line: num, Column: utf8.RuneCountInString(raw[:bad]) + 1, Err: ErrEncoding}
		}
		if text := strings.TrimSpace(raw); text != "" {
			lead := strings.TrimLeftFunc(raw, unicode.IsSpace)
			col := utf8.RuneCountInString(raw[:len(raw)-len(lead)]) + 1
			lines = append(lines, textLine{num: num, col: col, text: text})
		}
		if end < 0 {
			return lines, nil
		}
		if s[end] == '\r' && end+1 < len(s) && s[end+1] == '\n' {
			end++
		}
		s = s[end+1:]
	}
}

// textInvalidUTF8 returns the byte offset of the first invalid UTF-8 sequence
// in s, or -1.
func textInvalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i
			}
		}
	}
	return -1
}

func joinTextParagraphs(lines []textLine) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// parseTextCitation reads "[Name]" or "[Name](url)" making up a whole line.
func parseTextCitation(s string) (post.Citation, bool) {
	if !strings.HasPrefix(s, "[") {
		return post.Citation{}, false
	}
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return post.Citation{}, false
	}
	name := strings.TrimSpace(s[1:end])
	if name == "" || strings.Contains(name, "[") {
		return post.Citation{}, false
	}
	rest := s[end+1:]
	if rest == "" {
		return post.Citation{Source: name}, true
	}
	if len(rest) < 3 || rest[0] != '(' || rest[len(rest)-1] != ')' {
		return post.Citation{}, false
	}
	url := rest[1 : len(rest)-1]
	if strings.ContainsAny(url, "()[]") || strings.IndexFunc(url, unicode.IsSpace) >= 0 {
		return post.Citation{}, false
	}
	return post.Citation{Source: name, URL: url}, true
}

// parseTextByline reads the byline themes print under the title:
// "Posted on <date> by <author>" (Twenty Ten, Twenty Eleven),
// "Posted on <date>" (the author hidden on single-author blogs) or
// "Published <date>" (Twenty Twenty-One). A line of that shape whose date
// is not a date is a paragraph, since "Posted on" also starts ordinary
// sentences.
func parseTextByline(path string, l textLine, loc *time.Location) (textMeta, bool, error) {
	l = l.spaced()
	var lead string
	for _, s := range [...]string{"Posted on ", "Published "} {
		if strings.HasPrefix(l.text, s) {
			lead = s
		}
	}
	if lead == "" {
		return textMeta{}, false, nil
	}
	// A comments link may follow: "Posted on … by … | Leave a comment".
	end := len(l.text)
	for {
		i := strings.LastIndex(l.text[:end], " | ")
		if i < 0 || !isTextCommentsLink(l.text[i+len(" | "):end]) {
			break
		}
		end = i
	}
	by := end
	if i := strings.Index(l.text[len(lead):end], " by "); i >= 0 {
		by = len(lead) + i
	}
	date, ok, err := parseTextDate(l.text[len(lead):by], loc)
	if err != nil {
		return textMeta{}, false, &Error{Path: path, Line: l.num, Column: l.colAt(len(lead)), Err: err}
	}
	var updated time.Time
	if !ok {
		if date, updated, ok = parseTextTwoDates(l.text[len(lead):by], loc); !ok {
			return textMeta{}, false, nil
		}
	}
	m := textMeta{line: l, date: date, updated: updated, dateCol: l.colAt(len(lead))}
	if by < end {
		authors, err := parseTextAuthors(path, l, by+len(" by "), end)
		if err != nil {
			return textMeta{}, false, err
		}
		m.authors, m.authorsCol = authors, l.colAt(by+len(" by "))
	}
	return m, true, nil
}

// The footer sentences of the WordPress themes.
const (
	textEntryMeta = "This entry was posted"
	textPermalink = "Bookmark the permalink."
)

// parseTextTwoDates reads the two dates themes built on Underscores put
// in the byline of a post changed since it was published: the published
// one, then the updated one, which CSS hides but a scrape keeps
// ("March 3, 2017 March 5, 2017", or glued, "March 3, 2017March 5,
// 2017"). Both must read, and the update must not come first.
func parseTextTwoDates(s string, loc *time.Location) (published, updated time.Time, ok bool) {
	// Two dates are short; trying every split of a long line would not be.
	if len(s) > 100 {
		return time.Time{}, time.Time{}, false
	}
	for i := 1; i < len(s); i++ {
		first, second := "", ""
		switch {
		case s[i] == ' ':
			first, second = s[:i], s[i+1:]
		case s[i-1] >= '0' && s[i-1] <= '9' && s[i] >= 'A' && s[i] <= 'Z':
			first, second = s[:i], s[i:]
		default:
			continue
		}
		p, ok1, err1 := parseTextDate(first, loc)
		if !ok1 || err1 != nil {
			continue
		}
		u, ok2, err2 := parseTextDate(second, loc)
		if ok2 && err2 == nil && !u.Before(p) {
			return p, u, true
		}
	}
	return time.Time{}, time.Time{}, false
}

// parseTextTrailer reads the theme's meta at the end of lines and returns
// it with the number of lines it takes. From the end, it skips comment and
// edit links ("Leave a comment", "3 Replies", "Edit"), then takes one of
//
//   - "Bookmark the permalink." on a line of its own, with the footer
//     sentence on the line before when the theme's footer was split in
//     two;
//   - a footer sentence (parseTextSentence): "This entry was posted …."
//     of Twenty Ten, Eleven and Twelve, Kubrick's, with the "Tags:" line
//     above it, or the shorter ones of Underscores-based themes;
//   - lines of labelled lists, "Posted in …", "Tagged …", "Categories: …",
//     "Tags: …", "Categorized as …", " | "-separated on one line or not
//     (the entry-utility lines of Twenty Ten and Eleven and newer themes).
//
// The links are taken only with the meta before them, and a line of the
// wrong shape stays a paragraph: a scraped post can end in any sentence.
func parseTextTrailer(path string, lines []textLine, loc *time.Location) (textMeta, int, error) {
	end := len(lines)
	for end > 0 && isTextCommentsLink(lines[end-1].spaced().text) {
		end--
	}
	if end == 0 {
		return textMeta{}, 0, nil
	}
	last := lines[end-1].spaced()
	switch {
	case last.text == textPermalink:
		if end >= 2 {
			prev := lines[end-2].spaced()
			if !strings.HasSuffix(prev.text, textPermalink) {
				m, ok, err := parseTextSentence(path, prev, loc)
				if err != nil {
					return textMeta{}, 0, err
				}
				if ok {
					return m, len(lines) - (end - 2), nil
				}
			}
		}
		return textMeta{line: last}, len(lines) - (end - 1), nil
	case strings.HasPrefix(last.text, textEntryMeta):
		m, ok, err := parseTextSentence(path, last, loc)
		if err != nil || !ok {
			return textMeta{}, 0, err
		}
		// Kubrick prints the tags on a line of their own above.
		if end >= 2 && m.tags == nil && strings.Contains(last.text, textFiledUnder) {
			var tags textMeta
			if parseTextLabelled(lines[end-2].spaced(), &tags) && tags.categories == nil {
				m.tags = tags.tags
				end--
			}
		}
		return m, len(lines) - (end - 1), nil
	}
	if m, ok, err := parseTextSentence(path, last, loc); err != nil || ok {
		return m, len(lines) - (end - 1), err
	}
	var m textMeta
	start := end
	for start > 0 && parseTextLabelled(lines[start-1].spaced(), &m) {
		start--
	}
	if start == end {
		return textMeta{}, 0, nil
	}
	m.line = lines[start]
	return m, len(lines) - start, nil
}

// parseTextSentence reads a footer sentence: the entry-meta sentence
// (parseTextEntryMeta, which also reads Kubrick's) and its forms in themes built on Underscores and
// the like, which it reads as the entry-meta sentence they stand for:
//
//	"This entry was tagged " TAGS "." …            (one-category blogs)
//	"Posted in " CATS [" and tagged " TAGS] … "."
//	"Tagged " TAGS ". Bookmark the permalink."
//
// "Posted in" and "Tagged" also start prose, so those forms count only
// with the permalink sentence, a tag list or a date, or else with names
// that read as category names (capitalised, at most four words):
// "Posted in News." is a footer, "Posted in haste." a paragraph.
func parseTextSentence(path string, l textLine, loc *time.Location) (textMeta, bool, error) {
	const (
		tagged   = "This entry was tagged "
		postedIn = "Posted in "
		tagLead  = "Tagged "
	)
	switch {
	case strings.HasPrefix(l.text, textEntryMeta):
		return parseTextEntryMeta(path, l, loc)
	case strings.HasPrefix(l.text, tagged):
		return parseTextEntryMeta(path, l.withLead(len(tagged), textEntryMeta+" and tagged "), loc)
	case strings.HasPrefix(l.text, postedIn), strings.HasPrefix(l.text, tagLead) && strings.Contains(l.text, textPermalink):
		lead := textEntryMeta + " in "
		if strings.HasPrefix(l.text, tagLead) {
			lead = textEntryMeta + " and tagged "
		}
		n := len(postedIn)
		if strings.HasPrefix(l.text, tagLead) {
			n = len(tagLead)
		}
		m, ok, err := parseTextEntryMeta(path, l.withLead(n, lead), loc)
		if err != nil || !ok {
			return textMeta{}, false, nil
		}
		names := len(m.categories) > 0
		for _, t := range m.categories {
			names = names && isTextCategoryName(t.Name)
		}
		sure := names || m.tags != nil || !m.date.IsZero() || strings.Contains(l.text, textPermalink)
		return m, sure, nil
	}
	return textMeta{}, false, nil
}

// isTextCategoryName reports whether s reads as a category name: at most
// four words, starting with a capital letter or a digit.
func isTextCategoryName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.Count(s, " ") < 4 && (unicode.IsUpper(r) || unicode.IsDigit(r))
}

// withLead returns l with its first n bytes replaced by lead, the columns
// of the rest still those of the line as written.
func (l textLine) withLead(n int, lead string) textLine {
	orig, at := l.text, func(off int) int { return off }
	if l.from != nil {
		orig, at = l.from.orig, func(off int) int { return l.from.src[off] }
	}
	src := make([]int, 0, len(lead)+len(l.text)-n+1)
	for range len(lead) {
		src = append(src, at(0))
	}
	for i := n; i <= len(l.text); i++ {
		src = append(src, at(i))
	}
	return textLine{num: l.num, col: l.col, text: lead + l.text[n:], from: &textSource{orig: orig, src: src}}
}

// parseTextEntryMeta reads
//
//	"This entry was posted" [" in " CATS] [" and tagged " TAGS] [" on " DATE] [" by " AUTHOR] "." [" Bookmark the permalink."] [" Edit"]
//
// Names may contain " by " and " on ", so the author is split off at the
// last " by " and the date at the last " on ", and only when what follows
// is a date: a category like "Focus on Health" stays whole. A post without
// an author whose last name holds " by " ("in Stand by Me.") is ambiguous;
// it reads as having the author "Me", as the format description says.
//
// A line that does not follow the grammar is a sentence of the post and
// reports false. A footer with an empty name, or with a date folio cannot
// read or whose day and month order is ambiguous, is an error.
func parseTextEntryMeta(path string, l textLine, loc *time.Location) (textMeta, bool, error) {
	if m, ok, err := parseTextFiledUnder(path, l, loc); ok || err != nil {
		return m, ok, err
	}
	s := l.text
	stop := len(s)
	if t, ok := strings.CutSuffix(s[:stop], "Edit"); ok && strings.HasSuffix(strings.TrimRight(t, " "), ".") {
		stop = len(strings.TrimRight(t, " "))
	}
	if t, ok := strings.CutSuffix(s[:stop], textPermalink); ok {
		stop = len(strings.TrimRight(t, " "))
	}
	if stop == 0 || s[stop-1] != '.' {
		return textMeta{}, false, nil
	}
	stop--
	start := len(textEntryMeta)
	m := textMeta{line: l}

	// The author and the date follow the tags, so a " by " or " on "
	// followed by " and tagged " is inside a category name.
	const tagged = " and tagged "
	by, on := -1, -1
	if i := strings.LastIndex(s[start:stop], " by "); i >= 0 && !strings.Contains(s[start+i:stop], tagged) {
		by = start + i
	}
	dateStop := stop
	if by >= 0 {
		dateStop = by
	}
	if i := strings.LastIndex(s[start:dateStop], " on "); i >= 0 && !strings.Contains(s[start+i:dateStop], tagged) {
		on = start + i
	}

	// Check the shape before reading names, so that a sentence is not
	// reported as a footer with a bad name.
	const in = " in "
	termStop := dateStop
	if on >= 0 && textDateLike(s[on+len(" on "):dateStop]) {
		termStop = on
	}
	rest := s[start:termStop]
	switch {
	case rest == "", strings.HasPrefix(rest, in), strings.HasPrefix(rest, tagged):
	default:
		return textMeta{}, false, nil
	}

	if by >= 0 {
		from := by + len(" by ")
		authors, err := parseTextAuthors(path, l, from, stop)
		if err != nil {
			return textMeta{}, false, err
		}
		m.authors, m.authorsCol = authors, l.colAt(from)
	}
	if termStop == on {
		from := on + len(" on ")
		date, ok, err := parseTextDate(s[from:dateStop], loc)
		if err == nil && !ok {
			err = fmt.Errorf("source: %w %q: not a date folio reads (write January 2, 2006 or 2006-01-02)", ErrDate, s[from:dateStop])
		}
		if err != nil {
			return textMeta{}, false, &Error{Path: path, Line: l.num, Column: l.colAt(from), Err: err}
		}
		m.date, m.dateCol = date, l.colAt(from)
	}

	var err error
	switch {
	case rest == "":
	case strings.HasPrefix(rest, in):
		catStop := termStop
		if i := strings.Index(rest, tagged); i >= 0 {
			catStop = start + i
			if m.tags, err = parseTextTerms(path, l, catStop+len(tagged), termStop); err != nil {
				return textMeta{}, false, err
			}
		}
		m.categories, err = parseTextTerms(path, l, start+len(in), catStop)
	default:
		m.tags, err = parseTextTerms(path, l, start+len(tagged), termStop)
	}
	if err != nil {
		return textMeta{}, false, err
	}
	return m, true, nil
}

// textFiledUnder is the word of the footer of Kubrick, WordPress's
// default theme before Twenty Ten.
const textFiledUnder = " and is filed under "

// textKubrickTails start the sentences Kubrick prints after its footer
// sentence, about the comments feed and whether comments are open.
var textKubrickTails = [...]string{
	"You can follow any responses",
	"You can leave a response",
	"You can skip to the end",
	"Responses are currently closed",
	"Both comments and pings are currently closed",
	"Pinging is currently not allowed",
}

// parseTextFiledUnder reads the footer of Kubrick,
//
//	"This entry was posted on " DATE [" at " TIME] " and is filed under " CATS "." [TAILS]
//
// where TAILS are its sentences about comments (textKubrickTails). The
// time of day, when given, is kept in the date. It reports false for a
// line of another shape; a date or time it cannot read is an error.
func parseTextFiledUnder(path string, l textLine, loc *time.Location) (textMeta, bool, error) {
	const lead = textEntryMeta + " on "
	s := l.text
	filed := strings.Index(s, textFiledUnder)
	if !strings.HasPrefix(s, lead) || filed < len(lead) {
		return textMeta{}, false, nil
	}
	from := filed + len(textFiledUnder)
	stop := -1
	for _, tail := range textKubrickTails {
		if i := strings.Index(s[from:], ". "+tail); i >= 0 && (stop < 0 || from+i < stop) {
			stop = from + i
		}
	}
	if stop < 0 {
		if !strings.HasSuffix(s, ".") {
			return textMeta{}, false, nil
		}
		stop = len(s) - 1
	}
	dateText, timeText, hasTime := strings.Cut(s[len(lead):filed], " at ")
	date, ok, err := parseTextDate(dateText, loc)
	if err == nil && !ok {
		err = fmt.Errorf("source: %w %q: not a date folio reads (write January 2, 2006 or 2006-01-02)", ErrDate, dateText)
	}
	if err == nil && hasTime {
		var clock time.Time
		if clock, ok = parseTextClock(timeText); ok {
			date = date.Add(time.Duration(clock.Hour())*time.Hour + time.Duration(clock.Minute())*time.Minute + time.Duration(clock.Second())*time.Second)
		} else {
			err = fmt.Errorf("source: %w %q: not a time of day folio reads (write 3:04 pm or 15:04)", ErrDate, timeText)
		}
	}
	if err != nil {
		return textMeta{}, false, &Error{Path: path, Line: l.num, Column: l.colAt(len(lead)), Err: err}
	}
	cats, err := parseTextTerms(path, l, from, stop)
	if err != nil {
		return textMeta{}, false, err
	}
	return textMeta{line: l, date: date, dateCol: l.colAt(len(lead)), categories: cats}, true, nil
}

// parseTextClock reads a time of day: "4:05 pm", "4:05 PM", "16:05",
// "16:05:06".
func parseTextClock(s string) (time.Time, bool) {
	for _, layout := range [...]string{"3:04 pm", "3:04 PM", "3:04pm", "3:04PM", "15:04", "15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// textDateLike reports whether s is meant as a date, read or not: it
// holds a digit and a month name ("May 35, 2017"), two numbers ("Marhc
// 3, 2017") or is three numbers joined by "-", "/" or "." ("02/01/2017").
// Other text after " on " is part of a name ("Focus on 2020", "Focus on
// 2020-21").
func textDateLike(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	if strings.Trim(s, "0123456789-/. :") == "" {
		// "02/01/2017" is a date; "2020-21" a season.
		return strings.Count(s, "-")+strings.Count(s, "/")+strings.Count(s, ".") >= 2
	}
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	if runs := strings.FieldsFunc(s, func(r rune) bool { return !isDigit(r) }); len(runs) >= 2 {
		return true
	}
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 3 {
			for m := time.January; m <= time.December; m++ {
				if strings.HasPrefix(strings.ToLower(m.String()), strings.ToLower(w)) {
					return true
				}
			}
		}
	}
	return false
}

// textLabels are the labels of the term lists themes print after a post,
// longest first where one starts another.
var textLabels = [...]struct {
	label string
	tags  bool
}{
	{"Posted in ", false},
	{"Categories: ", false},
	{"Category: ", false},
	{"Categorized as ", false},
	{"Filed under ", false},
	{"Tagged with ", true},
	{"Tagged ", true},
	{"Tags: ", true},
	{"Tag: ", true},
}

// parseTextLabelled reads one line of labelled lists into m,
//
//	LIST {" | " (LIST | NAME | LINK)}     LIST := LABEL NAME {", " NAME}
//
// where LINK is a comments or edit link ("Leave a comment", "3 Comments",
// "Edit"), which is theme chrome and not kept, and a bare NAME continues
// the list before it. It reports false, leaving m as it was, for a line of
// another shape, a list m already has, or names that read like a
// sentence: "Posted in haste, the letter came late." is a paragraph.
func parseTextLabelled(l textLine, m *textMeta) bool {
	got := *m
	var list *[]post.Term
	seen := false
	for k, p := range textLabelledParts(l.text) {
		part := l.text[p.from:p.stop]
		from := p.from
		label, tags, ok := textLabelOf(part)
		if t, cut := strings.CutPrefix(part, "and tagged "); cut && k > 0 && t != "" {
			// "Posted in A and tagged b", the sentence without its stop.
			label, tags, ok = "and tagged ", true, true
		}
		switch {
		case ok:
			list = &got.categories
			if tags {
				list = &got.tags
			}
			if *list != nil {
				return false
			}
			from += len(label)
			seen = true
		case p.link || isTextCommentsLink(part):
			list = nil
			continue
		case list == nil:
			return false
		}
		names, err := parseTextNames("", l, from, p.stop)
		if err != nil {
			return false
		}
		for _, n := range names {
			if !isTextListName(n) {
				return false
			}
			*list = append(*list, post.Term{Name: n, Slug: post.Slugify(n)})
		}
	}
	if !seen {
		return false
	}
	*m = got
	return true
}

// textPart is a part of a line of labelled lists, s[from:stop]; link
// marks the comments and edit links that end it.
type textPart struct {
	from, stop int
	link       bool
}

// textLabelledParts splits a line of labelled lists at " | " and, since
// themes built on Underscores print their spans with nothing between
// them ("Posted in News Tagged a, b Leave a Comment on Title Edit Title"
// once the scraper puts a space between elements), before an inner
// " Tagged " or " and tagged " (the "Posted in A and tagged b." of other
// themes without its full stop) and before the comments or edit links
// that end the line.
func textLabelledParts(s string) []textPart {
	var parts []textPart
	off := 0
	for part := range strings.SplitSeq(s, " | ") {
		from, stop := off, off+len(part)
		off = stop + len(" | ")
		link := false
		for !link {
			var i int
			if i, link = textInnerBoundary(s[from:stop]); i < 0 {
				break
			}
			parts = append(parts, textPart{from: from, stop: from + i})
			from += i + 1
		}
		parts = append(parts, textPart{from: from, stop: stop, link: link})
	}
	return parts
}

// textInnerBoundary returns the index of the space in s before an inner
// "Tagged " or "and tagged " label, or before a comments or edit link running to the end
// of s (link true), or -1. Footers are short, so a long s is not
// searched, which keeps the reading of a long last line linear.
func textInnerBoundary(s string) (i int, link bool) {
	if len(s) > 1000 {
		return -1, false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != ' ' || s[i-1] == ',' {
			continue
		}
		rest := s[i+1:]
		switch {
		case strings.HasPrefix(rest, "Tagged "), strings.HasPrefix(rest, "and tagged "):
			return i, false
		case strings.HasPrefix(rest, "Edit "), isTextCommentsLink(rest):
			return i, true
		}
	}
	return -1, false
}

func textLabelOf(s string) (label string, tags, ok bool) {
	for _, l := range textLabels {
		if strings.HasPrefix(s, l.label) {
			return l.label, l.tags, true
		}
	}
	return "", false, false
}

// isTextListName reports whether s reads as a category or tag name rather
// than the words of a sentence: at most six words, not ending like one.
func isTextListName(s string) bool {
	if strings.Count(s, " ") >= 6 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?:;", r)
}

// cutTextAuthorBox removes the author box Twenty Ten and Eleven print
// when the author has a biography, if lines end with one: "About <name>",
// the biography, "View all posts by <name> →". Both ends must name the
// same author within a few lines, so a post that merely ends with such a
// sentence keeps it.
func cutTextAuthorBox(lines []textLine) []textLine {
	if len(lines) < 2 {
		return lines
	}
	last := lines[len(lines)-1].spaced().text
	name, ok := strings.CutPrefix(last, "View all posts by ")
	if !ok {
		return lines
	}
	name = strings.TrimSpace(strings.TrimRight(name, "→»>"))
	if name == "" {
		return lines
	}
	for i := len(lines) - 2; i >= max(0, len(lines)-12); i-- {
		if lines[i].spaced().text == "About "+name {
			return lines[:i]
		}
	}
	return lines
}

// skipTextCommentsLinks drops the comments and edit links that start
// lines.
func skipTextCommentsLinks(lines []textLine) []textLine {
	for len(lines) > 0 && isTextCommentsLink(lines[0].spaced().text) {
		lines = lines[1:]
	}
	return lines
}

// isTextCommentsLink reports whether s is a comments or edit link of a
// theme: "Leave a comment", "Leave a reply", "1 Comment", "12 Replies",
// "No Comments", "Comments Off", "Edit", with the screen-reader text of
// newer themes (" on <title>") kept or not.
func isTextCommentsLink(s string) bool {
	switch s {
	case "Leave a comment", "Leave a Comment", "Leave a reply", "Leave a Reply",
		"Comments Off", "Comments off", "Comments are closed.", "No Comments", "No comments",
		"1 Comment", "1 comment", "1 Reply", "1 reply", "One Comment", "One comment",
		"One Reply", "One reply", "Edit":
		return true
	}
	for _, lead := range [...]string{"Leave a comment on ", "Leave a Comment on ", "Comments Off on ", "Comments off on ", "Edit "} {
		if rest, ok := strings.CutPrefix(s, lead); ok && rest != "" {
			return lead != "Edit " || strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "“")
		}
	}
	n, word, ok := strings.Cut(s, " ")
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return false
	}
	word, _, _ = strings.Cut(word, " on ")
	switch word {
	case "Comments", "comments", "Replies", "replies", "Responses", "responses",
		"Comment", "comment", "Reply", "reply", "Response", "response":
		return true
	}
	return false
}

// parseTextNames splits s[from:stop] of line l into names separated by ", " or
// " | ", reporting an empty name with its column.
func parseTextNames(path string, l textLine, from, stop int) ([]string, error) {
	var names []string
	s := l.text[:stop]
	from = min(from, stop)
	for {
		end, next := stop, stop
		if i := indexTextSeparator(s[from:]); i >= 0 {
			end, next = from+i, from+i+2
			if s[end+1] == '|' {
				next++
			}
		}
		name := strings.TrimSpace(s[from:end])
		if name == "" {
			return nil, textSyntaxErr(path, l, from, "footer: empty name in list")
		}
		names = append(names, name)
		if end == stop {
			return names, nil
		}
		from = next
	}
}

// indexTextSeparator returns the index of the first ", " or " | " in s, or
// -1. One pass, so that splitting a long list stays linear.
func indexTextSeparator(s string) int {
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

func parseTextTerms(path string, l textLine, from, stop int) ([]post.Term, error) {
	names, err := parseTextNames(path, l, from, stop)
	if err != nil {
		return nil, err
	}
	terms := make([]post.Term, len(names))
	for i, n := range names {
		terms[i] = post.Term{Name: n, Slug: post.Slugify(n)}
	}
	return terms, nil
}

func parseTextAuthors(path string, l textLine, from, stop int) ([]post.Author, error) {
	names, err := parseTextNames(path, l, from, stop)
	if err != nil {
		return nil, err
	}
	authors := make([]post.Author, len(names))
	for i, n := range names {
		authors[i] = post.Author{Name: n, Slug: post.Slugify(n)}
	}
	return authors, nil
}

func textSyntaxErr(path string, l textLine, off int, msg string) error {
	return &Error{Path: path, Line: l.num, Column: l.colAt(off), Err: fmt.Errorf("source: %w: %s", ErrSyntax, msg)}
}

// mergeTextMeta moves what the byline and footer say into p. Twenty Ten puts
// the date and author in the byline and the terms in the footer; when both
// give a date or authors, they must agree, since picking one would
// silently drop the other.
func mergeTextMeta(path string, p *post.Post, by, foot textMeta) error {
	p.Date, p.Updated = by.date, by.updated
	if !foot.date.IsZero() {
		if !by.date.IsZero() && !by.date.Equal(foot.date) {
			return &Error{Path: path, Line: foot.line.num, Column: foot.dateCol,
				Err: fmt.Errorf("source: %w: footer date differs from the byline's on line %d", ErrSyntax, by.line.num)}
		}
		p.Date = foot.date
	}
	p.Authors = by.authors
	if foot.authors != nil {
		if by.authors != nil && !sameTextAuthors(by.authors, foot.authors) {
			return &Error{Path: path, Line: foot.line.num, Column: foot.authorsCol,
				Err: fmt.Errorf("source: %w: footer authors differ from the byline's on line %d", ErrSyntax, by.line.num)}
		}
		p.Authors = foot.authors
	}
	p.Categories, p.Tags = foot.categories, foot.tags
	return nil
}

func sameTextAuthors(a, b []post.Author) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name {
			return false
		}
	}
	return true
}

// textDateLayouts are the date formats WordPress blogs commonly show,
// WordPress's default ("F j, Y") first. All of them hold digits, which is
// how the footer tells a date from a name like "Focus on Health".
var textDateLayouts = [...]string{
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"January 2 2006",
	"Jan 2 2006",
	"2 January 2006",
	"2 Jan 2006",
	"2 January, 2006",
	"Monday, January 2, 2006",
	"Mon, January 2, 2006",
	"Mon, Jan 2, 2006",
	"Monday, 2 January 2006",
	"January 2, 2006 at 3:04 pm",
	"January 2, 2006 at 3:04 PM",
	"January 2, 2006 3:04 pm",
	"January 2, 2006 3:04 PM",
	"2006-01-02",
	"2006/01/02",
	"2006.01.02",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05",
}

// parseTextDate reads a date in one of textDateLayouts; "2nd" and the like
// are read as "2". A numeric date with a four-digit year last reads when
// its order shows ("13/03/2017", "03/13/2017", "03/03/2017"). It returns
// ok false for text that is not a date, and an error wrapping ErrDate for
// a numeric date with the year last whose day and month order cannot be
// known ("02/01/2006", "1-2-06").
func parseTextDate(s string, loc *time.Location) (t time.Time, ok bool, err error) {
	if nums, ok := textNumericDate(s); ok {
		a, b, y := nums[0], nums[1], nums[2]
		d, m, known := a, b, false
		switch {
		case y < 1000:
		case a == b, a > 12 && b <= 12:
			known = true
		case b > 12 && a <= 12:
			d, m, known = b, a, true
		}
		if !known {
			return time.Time{}, false, fmt.Errorf("source: %w %q: day and month order is ambiguous (write 2006-01-02 or January 2, 2006)", ErrDate, s)
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
		if d < 1 || t.Day() != d || int(t.Month()) != m {
			return time.Time{}, false, fmt.Errorf("source: %w %q: not a date", ErrDate, s)
		}
		return t, true, nil
	}
	s = textStripOrdinals(s)
	for _, layout := range textDateLayouts {
		t, err := time.ParseInLocation(layout, s, loc)
		if err == nil && textWeekdayMatches(layout, s, t) {
			return t, true, nil
		}
	}
	return time.Time{}, false, nil
}

// textNumericDate splits s made of three numbers separated by one of "/",
// "." or "-" with the year not first, such as "02/01/2006" or "1-2-06",
// returning the numbers.
func textNumericDate(s string) (nums [3]int, ok bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return nums, false
	}
	i := strings.IndexAny(s, "/.-")
	if i < 0 {
		return nums, false
	}
	parts := strings.Split(s, s[i:i+1])
	if len(parts) != 3 || len(parts[0]) > 2 {
		return nums, false
	}
	for k, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return nums, false
		}
		n := 0
		for _, c := range p {
			n = n*10 + int(c-'0')
		}
		nums[k] = n
	}
	return nums, true
}

// textStripOrdinals turns "March 2nd, 2017" into "March 2, 2017".
func textStripOrdinals(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] < '0' || s[i] > '9' || i+3 > len(s) {
			continue
		}
		switch strings.ToLower(s[i+1 : i+3]) {
		case "st", "nd", "rd", "th":
			if i+3 == len(s) || !unicode.IsLetter(rune(s[i+3])) {
				i += 2
			}
		}
	}
	return b.String()
}

// textWeekdayMatches checks the weekday of a layout that names one, since
// time.Parse accepts "Monday, March 3, 2017" for a Friday.
func textWeekdayMatches(layout, s string, t time.Time) bool {
	if !strings.HasPrefix(layout, "Mon") {
		return true
	}
	day, _, _ := strings.Cut(s, ",")
	want := t.Weekday().String()
	return strings.EqualFold(day, want) || strings.EqualFold(day, want[:3])
}
