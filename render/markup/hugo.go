package markup

import (
	"fmt"
	"html"
	"net/url"
	"strings"

	"github.com/folio-go/folio/post"
)

// scanHugo finds Hugo's shortcode tags in s, as Hugo's page lexer does:
//
//	{{< name arg "quoted arg" key="value" key2=`raw` >}}   output is not Markdown
//	{{% name %}}…{{% /name %}}                            output is Markdown
//	{{< name />}}                                         self-closing
//	{{</* name */>}}                                      escaped: shows {{< name >}}
//
// Values are double-quoted (with backslash escapes), back-quoted (raw)
// or bare up to a blank. A tag that does not end is reported bad and
// kept as text.
func scanHugo(s string) []tag {
	var tags []tag
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "{{")
		if k < 0 {
			break
		}
		start := i + k
		if start+2 >= len(s) || (s[start+2] != '<' && s[start+2] != '%') {
			i = start + 2
			continue
		}
		t, next := hugoTag(s, start)
		tags = append(tags, t)
		i = next
	}
	return tags
}

// hugoTag reads the tag starting at s[start:], which begins "{{<" or
// "{{%", and returns it and the offset after it.
func hugoTag(s string, start int) (tag, int) {
	delim := s[start+2]
	closer := "%}}"
	if delim == '<' {
		closer = ">}}"
	}
	t := tag{start: start, markdown: delim == '%'}
	p := start + 3
	p = skipBlanks(s, p)
	escaped := strings.HasPrefix(s[p:], "/*")
	if escaped {
		// {{</* … */>}} shows the call itself, without the comment marks.
		end := strings.Index(s[p+2:], "*/")
		if end < 0 {
			t.bad, t.end = "escaped shortcode without */", start+3
			return t, t.end
		}
		end += 2
		q := skipBlanks(s, p+end+2)
		if !strings.HasPrefix(s[q:], closer) {
			t.bad, t.end = "escaped shortcode without */"+closer, start+3
			return t, t.end
		}
		inside := strings.TrimSpace(s[p+2 : p+end])
		lit := "{{" + string(delim) + " " + inside + " " + closer
		t.literal, t.end = &lit, q+len(closer)
		return t, t.end
	}
	if p < len(s) && s[p] == '/' {
		t.close = true
		p = skipBlanks(s, p+1)
	}
	n := p
	for n < len(s) && isNameByte(s[n]) {
		n++
	}
	if n == p {
		t.bad, t.end = "shortcode without a name", start+3
		return t, t.end
	}
	t.name = s[p:n]
	p = n
	for {
		p = skipBlanks(s, p)
		if p >= len(s) {
			t.bad, t.end = fmt.Sprintf("shortcode %q does not end with %s", t.name, closer), start+3
			return t, t.end
		}
		if strings.HasPrefix(s[p:], closer) {
			t.end = p + len(closer)
			return t, t.end
		}
		if s[p] == '/' && strings.HasPrefix(s[skipBlanks(s, p+1):], closer) {
			t.self = true
			p = skipBlanks(s, p+1)
			continue
		}
		a, q, err := hugoArg(s, p, closer)
		if err != "" {
			t.bad, t.end = fmt.Sprintf("shortcode %q: %s", t.name, err), start+3
			return t, t.end
		}
		t.args = append(t.args, a)
		p = q
	}
}

// hugoArg reads one argument at s[p:].
func hugoArg(s string, p int, closer string) (Arg, int, string) {
	var a Arg
	// key=value: a name made of name bytes, then '='.
	n := p
	for n < len(s) && isNameByte(s[n]) {
		n++
	}
	if n > p && n < len(s) && s[n] == '=' {
		a.Name = s[p:n]
		p = n + 1
	}
	v, q, err := hugoValue(s, p, closer)
	a.Value = v
	return a, q, err
}

// hugoValue reads a quoted, back-quoted or bare value at s[p:].
func hugoValue(s string, p int, closer string) (string, int, string) {
	if p >= len(s) {
		return "", p, "value missing"
	}
	switch s[p] {
	case '"':
		var b strings.Builder
		for i := p + 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				if i+1 < len(s) {
					i++
					b.WriteByte(s[i])
				}
			case '"':
				return b.String(), i + 1, ""
			default:
				b.WriteByte(s[i])
			}
		}
		return "", p, "quoted value does not end"
	case '`':
		end := strings.IndexByte(s[p+1:], '`')
		if end < 0 {
			return "", p, "raw value does not end"
		}
		return s[p+1 : p+1+end], p + end + 2, ""
	}
	q := p
	for q < len(s) && !isBlank(s[q]) && !strings.HasPrefix(s[q:], closer) && !(s[q] == '/' && strings.HasPrefix(s[skipBlanks(s, q+1):], closer)) {
		q++
	}
	return s[p:q], q, ""
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipBlanks(s string, p int) int {
	for p < len(s) && isBlank(s[p]) {
		p++
	}
	return p
}

// registerHugo registers Hugo's built-in shortcodes (its
// tpl/tplimpl/embedded/templates/shortcodes), rendered the way Hugo does
// but with embeds as link cards (see embedCard).
func registerHugo(h *Handlers) {
	h.Register(post.Hugo, "figure", hugoFigure)
	h.Register(post.Hugo, "highlight", hugoHighlight)
	h.Register(post.Hugo, "youtube", func(c *Call) (Result, error) {
		id := c.Get("id", 0)
		if id == "" {
			return Result{}, fmt.Errorf("no video id")
		}
		return HTML(embedCard("https://www.youtube.com/watch?v="+url.QueryEscape(id), c.Get("title", -1))), nil
	})
	h.Register(post.Hugo, "vimeo", func(c *Call) (Result, error) {
		id := c.Get("id", 0)
		if id == "" {
			return Result{}, fmt.Errorf("no video id")
		}
		return HTML(embedCard("https://vimeo.com/"+url.PathEscape(id), c.Get("title", -1))), nil
	})
	tweet := func(c *Call) (Result, error) {
		user, id := c.Get("user", 0), c.Get("id", 1)
		if id == "" && user != "" && c.Get("", 1) == "" {
			// The old form: {{< tweet 12345 >}}.
			user, id = "i", user
		}
		if id == "" {
			return Result{}, fmt.Errorf("no post id")
		}
		if user == "" {
			user = "i"
		}
		return HTML(embedCard("https://x.com/"+url.PathEscape(user)+"/status/"+url.PathEscape(id), "")), nil
	}
	h.Register(post.Hugo, "x", tweet)
	h.Register(post.Hugo, "tweet", tweet)
	h.Register(post.Hugo, "twitter", tweet)
	h.Register(post.Hugo, "gist", func(c *Call) (Result, error) {
		user, id := c.Get("user", 0), c.Get("id", 1)
		if user == "" || id == "" {
			return Result{}, fmt.Errorf("needs a user and a gist id")
		}
		u := "https://gist.github.com/" + url.PathEscape(user) + "/" + url.PathEscape(id)
		title := "Gist " + id
		if f := c.Get("file", 2); f != "" {
			u += "#file-" + url.PathEscape(strings.ReplaceAll(f, ".", "-"))
			title += ": " + f
		}
		return HTML(linkCard("embed embed-gist", u, title, "Code on GitHub Gist")), nil
	})
	h.Register(post.Hugo, "instagram", func(c *Call) (Result, error) {
		id := c.Get("id", 0)
		if id == "" {
			return Result{}, fmt.Errorf("no post id")
		}
		return HTML(embedCard("https://www.instagram.com/p/"+url.PathEscape(id)+"/", "")), nil
	})
	h.Register(post.Hugo, "details", func(c *Call) (Result, error) {
		summary := c.Get("summary", -1)
		if summary == "" {
			summary = "Details"
		}
		open := "<details"
		if _, ok := c.Lookup("open", -1); ok && c.Get("open", -1) != "false" {
			open += " open"
		}
		return Join(HTML(open+"><summary>"+html.EscapeString(summary)+"</summary>"), Text("\n\n"+strings.TrimSpace(c.ExpandInner())+"\n\n"), HTML("</details>")), nil
	})
	h.Register(post.Hugo, "param", func(c *Call) (Result, error) {
		name := c.Get("name", 0)
		v, ok := paramValue(c.Post.Params, name)
		if !ok {
			return Result{}, fmt.Errorf("the post has no param %q", name)
		}
		return Text(v), nil
	})
	ref := func(c *Call) (Result, error) {
		target := c.Get("path", 0)
		u, ok := c.Resolve(target)
		if !ok {
			return Result{}, fmt.Errorf("no post %q among those loaded", target)
		}
		return Text(u), nil
	}
	h.Register(post.Hugo, "ref", ref)
	h.Register(post.Hugo, "relref", ref)
}

// paramValue finds a front-matter value by a dotted name, matched
// without regard to case as Hugo does, as text.
func paramValue(params map[string]any, name string) (string, bool) {
	var cur any = params
	for _, k := range strings.Split(name, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return "", false
		}
		found := false
		for mk, mv := range m {
			if strings.EqualFold(mk, k) {
				cur, found = mv, true
				break
			}
		}
		if !found {
			return "", false
		}
	}
	switch v := cur.(type) {
	case string:
		return v, true
	case nil:
		return "", false
	case map[string]any, []any:
		return "", false
	default:
		return fmt.Sprint(v), true
	}
}

// hugoFigure renders Hugo's figure shortcode: an image (in a link when
// link is given) with an optional title, caption and attribution.
func hugoFigure(c *Call) (Result, error) {
	src := c.Get("src", -1)
	if src == "" {
		return Result{}, fmt.Errorf("no src")
	}
	var b strings.Builder
	b.WriteString("<figure")
	if cl := c.Get("class", -1); cl != "" {
		b.WriteString(` class="` + html.EscapeString(cl) + `"`)
	}
	b.WriteString(">")
	link := c.Get("link", -1)
	if link != "" {
		b.WriteString(`<a href="` + html.EscapeString(link) + `">`)
	}
	alt := c.Get("alt", -1)
	if alt == "" {
		alt = c.Get("caption", -1)
	}
	b.WriteString(`<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(stripTags(alt)) + `"`)
	for _, k := range [...]string{"width", "height"} {
		if v := c.Get(k, -1); v != "" {
			b.WriteString(" " + k + `="` + html.EscapeString(v) + `"`)
		}
	}
	b.WriteString(" />")
	if link != "" {
		b.WriteString("</a>")
	}
	title, caption, attr := c.Get("title", -1), c.Get("caption", -1), c.Get("attr", -1)
	if title != "" || caption != "" || attr != "" {
		b.WriteString("<figcaption>")
		if title != "" {
			b.WriteString("<h4>" + html.EscapeString(title) + "</h4>")
		}
		if caption != "" || attr != "" {
			b.WriteString("<p>")
			// Hugo renders caption and attr as inline Markdown; their
			// HTML is kept here and the sanitizer sees to it.
			b.WriteString(caption)
			if attr != "" {
				if caption != "" {
					b.WriteString(" ")
				}
				if al := c.Get("attrlink", -1); al != "" {
					b.WriteString(`<a href="` + html.EscapeString(al) + `">` + attr + "</a>")
				} else {
					b.WriteString(attr)
				}
			}
			b.WriteString("</p>")
		}
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>")
	return HTML(b.String()), nil
}

// hugoHighlight renders {{< highlight go "opts" >}}code{{< /highlight >}}
// as a code block whose text is the code exactly as written.
func hugoHighlight(c *Call) (Result, error) {
	return HTML(codeBlock(c.Get("lang", 0), trimCode(c.Inner))), nil
}

// trimCode drops the line break after an opening tag and the blank
// lines before a closing one, as Hugo and Jekyll do; the code lines
// themselves are kept byte for byte.
func trimCode(s string) string {
	s = strings.TrimPrefix(s, "\r")
	s = strings.TrimPrefix(s, "\n")
	return strings.TrimRight(s, " \t\r\n")
}

// codeBlock is a <pre><code> block of code in lang.
func codeBlock(lang, code string) string {
	var b strings.Builder
	b.WriteString("<pre><code")
	if lang = strings.TrimSpace(lang); lang != "" {
		b.WriteString(` class="language-` + html.EscapeString(lang) + `"`)
	}
	b.WriteString(">")
	b.WriteString(html.EscapeString(code))
	b.WriteString("\n</code></pre>")
	return b.String()
}

// stripTags drops what looks like tags from s, for an alt text.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '<':
			in = true
		case s[i] == '>' && in:
			in = false
		case !in:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
