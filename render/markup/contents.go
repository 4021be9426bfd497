package markup

import (
	"html"
	"regexp"
	"strings"
)

// Heading is a heading of rendered HTML that carries an id.
type Heading struct {
	Level int    // 1 for <h1> ... 6 for <h6>
	ID    string // its id attribute, decoded
	Text  string // its text, tags removed and entities decoded
}

// Headings returns the headings of h that have an id, in document
// order: the entries of a table of contents. h is HTML as Sanitize
// writes it (attribute values in double quotes); a heading without an
// id, or with markup Headings cannot read, is skipped, never an error.
func Headings(h string) []Heading {
	var out []Heading
	for i := 0; ; {
		j := strings.Index(h[i:], "<h")
		if j < 0 {
			return out
		}
		i += j + 2
		if i >= len(h) || h[i] < '1' || h[i] > '6' {
			continue
		}
		level := int(h[i] - '0')
		i++
		end := strings.IndexByte(h[i:], '>')
		if end < 0 {
			return out
		}
		if c := h[i]; c != ' ' && c != '>' {
			continue
		}
		id, ok := attrValue(h[i:i+end], "id")
		i += end + 1
		closeTag := "</h" + string(rune('0'+level)) + ">"
		stop := strings.Index(h[i:], closeTag)
		if stop < 0 {
			return out
		}
		inner := h[i : i+stop]
		i += stop + len(closeTag)
		if !ok || id == "" {
			continue
		}
		out = append(out, Heading{Level: level, ID: id, Text: strings.Join(strings.Fields(textOf(inner)), " ")})
	}
}

// attrValue finds name="value" among a tag's attributes.
func attrValue(attrs, name string) (string, bool) {
	for _, prefix := range []string{" " + name + `="`} {
		k := strings.Index(attrs, prefix)
		if k < 0 {
			continue
		}
		v := attrs[k+len(prefix):]
		if e := strings.IndexByte(v, '"'); e >= 0 {
			return html.UnescapeString(v[:e]), true
		}
	}
	return "", false
}

// textOf removes the tags of h and decodes its entities.
func textOf(h string) string {
	var b strings.Builder
	for {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:lt])
		gt := strings.IndexByte(h[lt:], '>')
		if gt < 0 {
			break
		}
		h = h[lt+gt+1:]
	}
	return html.UnescapeString(b.String())
}

// HeadingAnchors returns h with a link to each heading that has an id
// put at the end of the heading: <a class="heading-anchor"
// href="#ID">#</a>, which a theme shows on hover so that readers can
// copy a link to the section. Headings without an id, or that
// Headings cannot read, are left as they are.
func HeadingAnchors(h string) string {
	if !strings.Contains(h, "<h") {
		return h
	}
	var b strings.Builder
	b.Grow(len(h) + 256)
	for i := 0; ; {
		start, end, stop, ok := nextHeading(h, i)
		if !ok {
			b.WriteString(h[i:])
			return b.String()
		}
		id, has := attrValue(h[start+1:end], "id")
		if stop < 0 || !has || id == "" {
			b.WriteString(h[i : end+1])
			i = end + 1
			continue
		}
		b.WriteString(h[i:stop])
		b.WriteString(` <a class="heading-anchor" href="#` + html.EscapeString(id) + `" aria-label="Link to this section">#</a>`)
		i = stop
	}
}

// nextHeading finds the first heading at or after i in h, HTML as
// Sanitize writes it: start is the index of its level digit ("<h2 …"),
// end that of its start tag's ">", stop that of its "</h2>" (-1 when it
// has none). ok is false when no heading is left, or its start tag has
// no end.
func nextHeading(h string, i int) (start, end, stop int, ok bool) {
	for {
		j := strings.Index(h[i:], "<h")
		if j < 0 {
			return 0, 0, 0, false
		}
		start = i + j + 2
		if start+1 >= len(h) || h[start] < '1' || h[start] > '6' || (h[start+1] != ' ' && h[start+1] != '>') {
			i = start
			continue
		}
		end = strings.IndexByte(h[start:], '>')
		if end < 0 {
			return 0, 0, 0, false
		}
		end += start
		stop = strings.Index(h[end:], "</h"+h[start:start+1]+">")
		if stop >= 0 {
			stop += end
		}
		return start, end, stop, true
	}
}

// headingIDRE finds the id attribute of a heading's start tag.
var headingIDRE = regexp.MustCompile(`(<h[1-6])((?:\s[^<>]*?)?)\sid="[^"]*"`)

// DropHeadingIDs removes the ids of h's headings, for HTML shown beside
// other posts' (a list of summaries), where the same slug could appear
// twice on one page; the ids stay on the post's own page.
func DropHeadingIDs(h string) string {
	if !strings.Contains(h, "<h") {
		return h
	}
	return headingIDRE.ReplaceAllString(h, "$1$2")
}

// UniqueIDs returns h with each repeated id attribute (the second
// [caption id="attachment_7"] of one body, say) given the first free
// "-1", "-2", ... suffix, so that the ids of a page stay unique; links
// to the id lead to its first element, as a browser would take them.
func UniqueIDs(h string) string {
	if strings.Count(h, ` id="`) < 2 {
		return h
	}
	seen := map[string]bool{}
	var repeats bool
	for _, m := range anyIDRE.FindAllStringSubmatch(h, -1) {
		if seen[m[1]] {
			repeats = true
			break
		}
		seen[m[1]] = true
	}
	if !repeats {
		return h
	}
	ids := newIDSet(nil)
	for id := range seen {
		ids.taken[html.UnescapeString(id)] = true
	}
	used := map[string]bool{}
	return anyIDRE.ReplaceAllStringFunc(h, func(m string) string {
		sub := anyIDRE.FindStringSubmatch(m)
		id := html.UnescapeString(sub[1])
		if !used[id] {
			used[id] = true
			return m
		}
		fresh := ids.unique(id)
		return strings.TrimSuffix(m, `"`+sub[1]+`"`) + `"` + html.EscapeString(fresh) + `"`
	})
}

// DropIDs removes the id attributes of h, for HTML shown beside other
// posts' (a list of summaries), where two posts could use one id. The
// ids of footnotes ("fn:1", "fnref:1") stay, since the summary's own
// footnote links lead to them.
func DropIDs(h string) string {
	if !strings.Contains(h, ` id="`) {
		return h
	}
	return anyIDAttrRE.ReplaceAllStringFunc(h, func(m string) string {
		sub := anyIDAttrRE.FindStringSubmatch(m)
		if strings.HasPrefix(sub[2], "fn:") || strings.HasPrefix(sub[2], "fnref:") {
			return m
		}
		return sub[1]
	})
}

// anyIDAttrRE finds an id attribute inside a start tag.
var anyIDAttrRE = regexp.MustCompile(`(<[a-zA-Z][^<>]*?)\sid="([^"]*)"`)
