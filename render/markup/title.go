package markup

import (
	"html"
	"html/template"
	"regexp"
	"strings"
	"unicode/utf8"
)

// titleInlineTags are the elements a title may keep when it is shown as HTML.
var titleInlineTags = map[string]bool{
	"em": true, "strong": true, "i": true, "b": true, "code": true, "sub": true,
	"sup": true, "small": true, "mark": true, "del": true, "ins": true, "s": true,
	"u": true, "abbr": true, "q": true, "span": true, "kbd": true, "var": true,
	"samp": true, "cite": true, "dfn": true, "bdi": true,
}

// titleTagRE matches what looks like a start or end tag of an element
// titleInlineTags lists, br, or any other known HTML element: the markup
// WordPress lets authors put in a title. "List<T>" holds none.
var titleTagRE = regexp.MustCompile(`(?i)<(/?)([a-z][a-z0-9]*)\b[^<>]*>`)

// knownTag reports whether name is an HTML element a title's markup
// could hold; other <words> stay text.
func knownTag(name string) bool {
	switch name {
	case "br", "a", "img", "p", "div", "script", "style", "font", "strike", "big", "tt", "center", "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return titleInlineTags[name]
}

// TitleHTML returns title, which may hold inline markup (WordPress
// allows "<em>Go</em> in production"), as HTML safe to put inside a
// heading or a link: the elements of a short inline allow-list keep their
// tags without attributes, every other known element loses its tags (a
// script or style its content too), and everything else is text,
// escaped. Elements left open are closed. It never fails.
func TitleHTML(title string) string {
	var b strings.Builder
	var open []string
	last := 0
	skipTo := ""
	for _, m := range titleTagRE.FindAllStringSubmatchIndex(title, -1) {
		end, name := title[m[2]:m[3]] == "/", strings.ToLower(title[m[4]:m[5]])
		if !knownTag(name) {
			continue
		}
		if skipTo == "" {
			b.WriteString(html.EscapeString(html.UnescapeString(title[last:m[0]])))
		}
		last = m[1]
		if skipTo != "" {
			if end && name == skipTo {
				skipTo = ""
			}
			continue
		}
		switch {
		case (name == "script" || name == "style") && !end:
			skipTo = name
		case !titleInlineTags[name]:
		case !end:
			open = append(open, name)
			b.WriteString("<" + name + ">")
		default:
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == name {
					for j := len(open) - 1; j >= i; j-- {
						b.WriteString("</" + open[j] + ">")
					}
					open = open[:i]
					break
				}
			}
		}
	}
	if skipTo == "" {
		b.WriteString(html.EscapeString(html.UnescapeString(title[last:])))
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i] + ">")
	}
	return b.String()
}

// TitleText returns title as plain text, for a <title>, a feed, JSON-LD
// or a slug: the tags of known HTML elements removed (a script's or
// style's content too), entities decoded and runs of white space made
// one space. "List<T>" stays as it is.
func TitleText(title string) string {
	if !strings.ContainsAny(title, "<&") {
		return title
	}
	return strings.Join(strings.Fields(html.UnescapeString(stripTitleTags(TitleHTML(title)))), " ")
}

// stripTitleTags removes the tags TitleHTML wrote; its text has every
// '<' escaped, so each '<' starts one of them.
func stripTitleTags(h string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			return b.String()
		}
		b.WriteString(h[:i])
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			return b.String()
		}
		h = h[i+j+1:]
	}
}

// ShownTitle is title as pages show it in plain text: TitleText, or
// "Untitled" when only white space is left. It never fails.
func ShownTitle(title string) string {
	t := title
	if strings.ContainsAny(t, "<&") {
		t = TitleText(t)
	}
	// Most titles start and end with a printable ASCII character; only the
	// rest need trimming to see whether anything is left.
	if t != "" && t[0] > ' ' && t[0] < utf8.RuneSelf && t[len(t)-1] > ' ' && t[len(t)-1] < utf8.RuneSelf {
		return t
	}
	if strings.TrimSpace(t) == "" {
		return "Untitled"
	}
	return t
}

// ShownTitleHTML is title as HTML for a heading, its inline markup kept:
// TitleHTML, or "Untitled" when its text is only white space. It never
// fails.
func ShownTitleHTML(title string) string {
	if !strings.ContainsAny(title, "<&") {
		return template.HTMLEscapeString(ShownTitle(title))
	}
	if strings.TrimSpace(TitleText(title)) == "" {
		return "Untitled"
	}
	return TitleHTML(title)
}
