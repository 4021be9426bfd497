package markup

import (
	"fmt"
	"html"
	"path"
	"strconv"
	"strings"

	"github.com/folio-go/folio/post"
)

// wordpress expands s, which starts at offset base of the body, as
// WordPress's do_shortcode and autoembed do: only registered names are
// shortcodes (an unknown [tag] is text, as WordPress leaves it);
// [[name]] is the escaped form and shows [name]; a tag encloses content
// when its closing tag [/name] follows (the nearest one: WordPress does
// not nest a shortcode in itself); a URL of a known provider alone on a
// line becomes an embed.
func (x *expander) wordpress(s string, base int) string {
	if strings.IndexByte(s, '[') >= 0 {
		s = x.wpShortcodes(s, base)
	}
	if strings.Contains(s, "http") {
		s = x.autoembed(s)
	}
	return s
}

func (x *expander) wpShortcodes(s string, base int) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '[')
		if k < 0 {
			break
		}
		start := i + k
		m, ok := x.wpMatch(s, start)
		if !ok {
			i = start + 1
			continue
		}
		chunk := s[last:start]
		indent, starts := lineIndent(chunk, last == 0)
		if starts && !m.escaped {
			chunk = chunk[:len(chunk)-len(indent)]
		}
		b.WriteString(chunk)
		last, i = m.end, m.end
		if m.escaped {
			b.WriteString(s[start+1 : m.end-1])
			continue
		}
		c := &Call{Dialect: x.dialect, Name: m.name, Args: parseWPAtts(m.atts), Post: x.p, x: x, Raw: s[start:m.end]}
		c.Line, c.Column = x.position(off(base, start))
		if m.closed {
			c.Closed, c.Inner, c.inner = true, s[m.innerStart:m.innerEnd], off(base, m.innerStart)
		}
		b.WriteString(x.placed(x.call(c), indent, starts && lineEnds(s, m.end)))
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// wpMatchResult is one shortcode WordPress's regular expression matches.
type wpMatchResult struct {
	name                 string
	atts                 string
	closed, escaped      bool
	innerStart, innerEnd int
	end                  int
}

// wpMatch matches a shortcode at s[start] ('['), as get_shortcode_regex
// does, for registered names only.
func (x *expander) wpMatch(s string, start int) (wpMatchResult, bool) {
	var m wpMatchResult
	p := start + 1
	double := p < len(s) && s[p] == '['
	if double {
		p++
	}
	n := p
	for n < len(s) && (isWordByte(s[n]) || s[n] == '-') {
		n++
	}
	if n == p {
		return m, false
	}
	m.name = s[p:n]
	if _, ok := x.opt.Handlers.Lookup(post.WordPress, m.name); !ok {
		return m, false
	}
	// The attributes run to the first ']'; a '/' is allowed in them
	// unless it comes right before that ']'.
	close := strings.IndexByte(s[n:], ']')
	if close < 0 {
		return m, false
	}
	close += n
	if strings.IndexByte(s[n:close], '[') >= 0 {
		return m, false
	}
	atts := s[n:close]
	end := close + 1
	if strings.HasSuffix(atts, "/") {
		m.atts = atts[:len(atts)-1]
	} else {
		m.atts = atts
		endTag := "[/" + m.name + "]"
		if j := strings.Index(s[end:], endTag); j >= 0 {
			m.closed, m.innerStart, m.innerEnd = true, end, end+j
			end += j + len(endTag)
		}
	}
	if double && end < len(s) && s[end] == ']' {
		m.escaped = true
		end++
	}
	m.end = end
	return m, true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// parseWPAtts splits a shortcode's attribute text as
// shortcode_parse_atts does: name="value", name='value', name=value,
// "value", 'value' and value, names lower-cased.
func parseWPAtts(s string) []Arg {
	s = strings.NewReplacer("\u00a0", " ", "\u200b", " ").Replace(s)
	var out []Arg
	p := 0
	for {
		p = skipBlanks(s, p)
		if p >= len(s) {
			return out
		}
		n := p
		for n < len(s) && (isWordByte(s[n]) || s[n] == '-') {
			n++
		}
		q := skipBlanks(s, n)
		if n > p && q < len(s) && s[q] == '=' {
			name := strings.ToLower(s[p:n])
			q = skipBlanks(s, q+1)
			v, next := wpValue(s, q)
			out = append(out, Arg{Name: name, Value: v})
			p = next
			continue
		}
		v, next := wpValue(s, p)
		out = append(out, Arg{Value: v})
		p = next
	}
}

// wpValue reads a quoted or bare value at s[p:].
func wpValue(s string, p int) (string, int) {
	if p < len(s) && (s[p] == '"' || s[p] == '\'') {
		if end := strings.IndexByte(s[p+1:], s[p]); end >= 0 {
			return s[p+1 : p+1+end], p + end + 2
		}
	}
	q := p
	for q < len(s) && !isBlank(s[q]) {
		q++
	}
	return s[p:q], q
}

// autoembed makes an embed of each URL of a known provider that stands
// alone on its line (or alone in a <p>), outside <pre>.
func (x *expander) autoembed(s string) string {
	var b strings.Builder
	last := 0
	pre := 0
	for i := 0; i < len(s); {
		end := strings.IndexByte(s[i:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += i
		}
		line := s[i:end]
		pre += strings.Count(line, "<pre") - strings.Count(line, "</pre")
		if pre <= 0 {
			lead, u, trail := splitURLLine(line)
			if u != "" {
				if _, ok := providerOf(u); ok {
					b.WriteString(s[last:i])
					ph := x.placeholder(embedCard(u, ""))
					if lead == "" && trail == "" {
						ph = "\n" + ph + "\n"
					}
					b.WriteString(lead)
					b.WriteString(ph)
					b.WriteString(trail)
					last = end
				}
			}
		}
		i = end + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// splitURLLine returns the URL that line holds alone (blanks, or a <p>
// and </p>, around it), with what is around it.
func splitURLLine(line string) (lead, u, trail string) {
	t := strings.TrimSpace(line)
	lead, trail = line[:strings.Index(line, t)], line[strings.Index(line, t)+len(t):]
	if strings.HasPrefix(t, "<p>") && strings.HasSuffix(t, "</p>") {
		lead += "<p>"
		trail = "</p>" + trail
		t = strings.TrimSpace(t[3 : len(t)-4])
	}
	if !strings.HasPrefix(t, "http://") && !strings.HasPrefix(t, "https://") {
		return "", "", ""
	}
	if strings.ContainsAny(t, " \t<>\"") {
		return "", "", ""
	}
	return lead, html.UnescapeString(t), trail
}

// blocks prepares a block-editor body: dynamic blocks, which WordPress
// renders from the database at view time (latest posts, archives, a
// calendar), are written as self-closing comments with nothing to show;
// each is dropped with a warning. The rest of the block markup is the
// HTML the editor saved.
func (x *expander) blocks(s string) string {
	if !strings.Contains(s, "/-->") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; ; {
		k := strings.Index(s[i:], "<!-- wp:")
		if k < 0 {
			break
		}
		start := i + k
		end := strings.Index(s[start:], "-->")
		if end < 0 {
			break
		}
		end += start + 3
		i = end
		c := s[start:end]
		if !strings.HasSuffix(c, "/-->") {
			continue
		}
		name := c[len("<!-- wp:"):]
		if j := strings.IndexAny(name, " \t\n/"); j >= 0 {
			name = name[:j]
		}
		if staticSelfClosing[name] {
			continue
		}
		b.WriteString(s[last:start])
		last = end
		line, col := 0, 0
		if j := strings.Index(x.src, c); j >= 0 {
			line, col = x.position(j)
		}
		x.warn(line, col, "dynamic block", fmt.Sprintf("markup: block %q is made by WordPress when a page is viewed; it is left out", "wp:"+name))
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// staticSelfClosing are blocks written as self-closing comments that
// still show nothing and need nothing (a spacer's height lives in its
// HTML; these have none).
var staticSelfClosing = map[string]bool{
	"more": true, "nextpage": true,
}

// registerWordPress registers the shortcodes WordPress itself ships
// (wp-includes/media.php, class-wp-embed.php).
func registerWordPress(h *Handlers) {
	h.Register(post.WordPress, "caption", wpCaption)
	h.Register(post.WordPress, "wp_caption", wpCaption)
	h.Register(post.WordPress, "gallery", wpGallery)
	h.Register(post.WordPress, "embed", func(c *Call) (Result, error) {
		u := strings.TrimSpace(c.Inner)
		if u == "" {
			u = c.Get("src", 0)
		}
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return Result{}, fmt.Errorf("no URL to embed")
		}
		return HTML(embedCard(html.UnescapeString(u), "")), nil
	})
	h.Register(post.WordPress, "audio", func(c *Call) (Result, error) {
		return wpMedia(c, "audio", "Audio", []string{"mp3", "ogg", "flac", "m4a", "wav"})
	})
	h.Register(post.WordPress, "video", func(c *Call) (Result, error) {
		return wpMedia(c, "video", "Video", []string{"mp4", "m4v", "webm", "ogv", "flv"})
	})
	h.Register(post.WordPress, "playlist", wpPlaylist)
}

// wpCaption renders [caption] as WordPress's HTML5 themes do: a figure
// with the image and a figcaption. The caption is the caption attribute
// or, as WordPress reads it, the text after the image (or linked image)
// in the content.
func wpCaption(c *Call) (Result, error) {
	content := c.ExpandInner()
	caption := c.Get("caption", -1)
	if caption == "" {
		img, rest := splitCaptionImage(content)
		content, caption = img, strings.TrimSpace(rest)
	}
	var b strings.Builder
	b.WriteString("<figure")
	if id := c.Get("id", -1); id != "" {
		b.WriteString(` id="` + html.EscapeString(id) + `"`)
	}
	class := "wp-caption"
	if a := c.Get("align", -1); a != "" {
		class += " " + a
	}
	if cl := c.Get("class", -1); cl != "" {
		class += " " + cl
	}
	b.WriteString(` class="` + html.EscapeString(class) + `">`)
	b.WriteString(strings.TrimSpace(content))
	if caption != "" {
		b.WriteString(`<figcaption class="wp-caption-text">` + caption + "</figcaption>")
	}
	b.WriteString("</figure>")
	return HTML(b.String()), nil
}

// splitCaptionImage splits a caption's content into the leading image
// (or linked image) and the text after it.
func splitCaptionImage(s string) (img, rest string) {
	t := strings.TrimLeft(s, " \t\r\n")
	lower := asciiLower(t)
	end := 0
	if strings.HasPrefix(lower, "<a ") {
		if j := strings.Index(lower, "</a>"); j >= 0 {
			end = j + 4
		}
	} else if strings.HasPrefix(lower, "<img ") {
		if j := strings.IndexByte(t, '>'); j >= 0 {
			end = j + 1
		}
	}
	return t[:end], t[end:]
}

// wpGallery renders [gallery] from the export's attachments: the ids
// given (or include), else the images attached to the post, in
// columns (default 3). Ids the export does not know are left out with
// a warning.
func wpGallery(c *Call) (Result, error) {
	byID := map[string]post.Attachment{}
	for _, a := range c.Post.Attachments {
		byID[a.ID] = a
	}
	var items []post.Attachment
	ids := c.Get("ids", -1)
	if ids == "" {
		ids = c.Get("include", -1)
	}
	if ids != "" {
		var missing []string
		for _, id := range strings.Split(ids, ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if a, ok := byID[id]; ok {
				items = append(items, a)
			} else {
				missing = append(missing, id)
			}
		}
		if len(missing) > 0 {
			c.Warn("missing attachment", "markup: gallery: the export has no attachment %s", strings.Join(missing, ", "))
		}
	} else {
		parent := c.Post.ID
		if v, ok := c.Post.Params["wp_post_id"]; ok {
			parent = fmt.Sprint(v)
		}
		for _, a := range c.Post.Attachments {
			if a.Parent == parent && isImage(a) {
				items = append(items, a)
			}
		}
	}
	if len(items) == 0 {
		return Result{}, fmt.Errorf("no images to show")
	}
	cols := 3
	if n, err := strconv.Atoi(c.Get("columns", -1)); err == nil && n >= 1 && n <= 9 {
		cols = n
	}
	linkFile := c.Get("link", -1) == "file"
	var b strings.Builder
	b.WriteString(`<div class="gallery gallery-columns-` + strconv.Itoa(cols) + `">`)
	for _, a := range items {
		b.WriteString(`<figure class="gallery-item">`)
		img := `<img src="` + html.EscapeString(a.URL) + `" alt="` + html.EscapeString(a.Alt) + `"`
		if a.Width > 0 && a.Height > 0 {
			img += ` width="` + strconv.Itoa(a.Width) + `" height="` + strconv.Itoa(a.Height) + `"`
		}
		img += " />"
		if linkFile || c.Get("link", -1) == "" {
			b.WriteString(`<a href="` + html.EscapeString(a.URL) + `">` + img + "</a>")
		} else {
			b.WriteString(img)
		}
		if a.Caption != "" {
			b.WriteString(`<figcaption class="gallery-caption">` + a.Caption + "</figcaption>")
		}
		b.WriteString("</figure>")
	}
	b.WriteString("</div>")
	return HTML(b.String()), nil
}

func isImage(a post.Attachment) bool {
	if a.MimeType != "" {
		return strings.HasPrefix(a.MimeType, "image/")
	}
	switch strings.ToLower(path.Ext(a.URL)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg":
		return true
	}
	return false
}

// wpMedia renders [audio] and [video] as a link to the file: the
// sanitizer keeps no <audio> or <video>, and a link plays everywhere.
func wpMedia(c *Call, class, kind string, exts []string) (Result, error) {
	src := c.Get("src", -1)
	for _, e := range exts {
		if src != "" {
			break
		}
		src = c.Get(e, -1)
	}
	if src == "" {
		src = strings.TrimSpace(c.Inner)
	}
	if src == "" {
		return Result{}, fmt.Errorf("no file")
	}
	if _, ok := providerOf(src); ok {
		return HTML(embedCard(src, "")), nil
	}
	name := path.Base(src)
	if i := strings.IndexAny(name, "?#"); i >= 0 {
		name = name[:i]
	}
	return HTML(linkCard("wp-"+class, src, name, kind)), nil
}

// wpPlaylist renders [playlist] as a list of links to its files.
func wpPlaylist(c *Call) (Result, error) {
	byID := map[string]post.Attachment{}
	for _, a := range c.Post.Attachments {
		byID[a.ID] = a
	}
	var b strings.Builder
	n := 0
	for _, id := range strings.Split(c.Get("ids", -1), ",") {
		a, ok := byID[strings.TrimSpace(id)]
		if !ok {
			continue
		}
		title := a.Title
		if title == "" {
			title = path.Base(a.URL)
		}
		b.WriteString(`<li><a href="` + html.EscapeString(a.URL) + `">` + html.EscapeString(title) + "</a></li>")
		n++
	}
	if n == 0 {
		return Result{}, fmt.Errorf("no files the export knows")
	}
	return HTML(`<ol class="wp-playlist">` + b.String() + "</ol>"), nil
}
