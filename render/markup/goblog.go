package markup

import (
	"bytes"
	"fmt"
	"html"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/folio-go/folio/post"
)

// scanGoBlog finds the text/template actions of a Go blog post, lexed as
// text/template does: {{ and }} with optional trim markers ("{{- ",
// " -}}"), and inside them strings ("…" with escapes, `…` raw, which may
// hold "}}" and line breaks) and comments. An action's first word is
// its name; {{end}} closes the innermost if, range, with, block or
// define.
func scanGoBlog(s string) []tag {
	var tags []tag
	var stack []string
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "{{")
		if k < 0 {
			break
		}
		start := i + k
		t, ok := goAction(s, start)
		if !ok {
			t.start, t.end = start, start+2
			t.bad = "template action does not end with }}"
			tags = append(tags, t)
			i = start + 2
			continue
		}
		if m := t.markup; m != "" && (m[0] == '"' || m[0] == '`') && len(t.args) == 0 {
			// A constant prints itself: {{" < "}} writes " < ".
			lit := t.name
			t.literal = &lit
			tags = append(tags, t)
			i = t.end
			continue
		}
		switch t.name {
		case "if", "range", "with", "block", "define":
			t.block = true
			stack = append(stack, t.name)
		case "end":
			if len(stack) == 0 {
				t.name, t.close = "end", true
				break
			}
			t.name, t.close = stack[len(stack)-1], true
			stack = stack[:len(stack)-1]
		default:
			t.self = true
		}
		tags = append(tags, t)
		i = t.end
	}
	return tags
}

// goAction reads the action starting at s[start:] ("{{").
func goAction(s string, start int) (tag, bool) {
	t := tag{start: start}
	p := start + 2
	if strings.HasPrefix(s[p:], "- ") || strings.HasPrefix(s[p:], "-\t") || strings.HasPrefix(s[p:], "-\n") {
		t.trimBefore = true
		p++
	}
	bodyStart := p
	for p < len(s) {
		switch c := s[p]; {
		case c == '"' || c == '\'':
			q := p + 1
			for q < len(s) && s[q] != c && s[q] != '\n' {
				if s[q] == '\\' {
					q++
				}
				q++
			}
			if q >= len(s) || s[q] != c {
				return t, false
			}
			p = q + 1
		case c == '`':
			q := strings.IndexByte(s[p+1:], '`')
			if q < 0 {
				return t, false
			}
			p += q + 2
		case strings.HasPrefix(s[p:], "/*"):
			q := strings.Index(s[p+2:], "*/")
			if q < 0 {
				return t, false
			}
			p += q + 4
		case strings.HasPrefix(s[p:], " -}}") || strings.HasPrefix(s[p:], "\t-}}") || strings.HasPrefix(s[p:], "\n-}}"):
			t.trimAfter = true
			t.markup = strings.TrimSpace(s[bodyStart:p])
			t.end = p + 4
			t.name, t.args = goWords(t.markup)
			return t, true
		case strings.HasPrefix(s[p:], "}}"):
			t.markup = strings.TrimSpace(s[bodyStart:p])
			t.end = p + 2
			t.name, t.args = goWords(t.markup)
			return t, true
		default:
			p++
		}
	}
	return t, false
}

// goWords splits an action into its name and its arguments: strings are
// unquoted, other words kept as written.
func goWords(s string) (string, []Arg) {
	if strings.HasPrefix(s, "/*") {
		return "/*", nil
	}
	var words []string
	for p := skipBlanks(s, 0); p < len(s); p = skipBlanks(s, p) {
		q := p
		switch s[p] {
		case '"':
			q++
			for q < len(s) && s[q] != '"' {
				if s[q] == '\\' {
					q++
				}
				q++
			}
			q = min(q+1, len(s))
			if v, err := strconv.Unquote(s[p:q]); err == nil {
				words = append(words, v)
				p = q
				continue
			}
		case '`':
			if e := strings.IndexByte(s[p+1:], '`'); e >= 0 {
				words = append(words, s[p+1:p+1+e])
				p += e + 2
				continue
			}
		}
		for q < len(s) && !isBlank(s[q]) {
			q++
		}
		words = append(words, s[p:q])
		p = q
	}
	if len(words) == 0 {
		return "", nil
	}
	args := make([]Arg, len(words)-1)
	for i, w := range words[1:] {
		args[i] = Arg{Value: w}
	}
	return words[0], args
}

// registerGoBlog registers the functions the Go blog's templates call
// (golang.org/x/website's blog, built on x/tools/present).
func registerGoBlog(h *Handlers) {
	h.Register(post.GoBlog, "raw", func(c *Call) (Result, error) {
		// {{raw `…`}} writes its text into the Markdown as it is: an
		// indented code block stays one.
		return Text(c.Get("", 0)), nil
	})
	h.Register(post.GoBlog, "/*", func(c *Call) (Result, error) { return Result{}, nil }) // a comment
	h.Register(post.GoBlog, "code", goCode)
	h.Register(post.GoBlog, "play", goCode)
	h.Register(post.GoBlog, "image", func(c *Call) (Result, error) {
		src := c.Get("", 0)
		if src == "" {
			return Result{}, fmt.Errorf("no image named")
		}
		img := `<img src="` + html.EscapeString(src) + `" alt=""`
		if w := c.Get("", 1); isDigits(w) && w != "0" {
			img += ` width="` + w + `"`
		}
		if hgt := c.Get("", 2); isDigits(hgt) && hgt != "0" {
			img += ` height="` + hgt + `"`
		}
		return HTML(`<div class="image">` + img + " /></div>"), nil
	})
	h.Register(post.GoBlog, "video", func(c *Call) (Result, error) {
		src := c.Get("", 0)
		if src == "" {
			return Result{}, fmt.Errorf("no video named")
		}
		if _, ok := providerOf(src); ok {
			return HTML(embedCard(watchURL(src), "")), nil
		}
		return HTML(linkCard("video", src, path.Base(src), "Video")), nil
	})
	h.Register(post.GoBlog, "link", func(c *Call) (Result, error) {
		u := c.Get("", 0)
		if u == "" {
			return Result{}, fmt.Errorf("no address")
		}
		text := strings.TrimSpace(strings.Join(values(c.Args[1:]), " "))
		if text == "" {
			text = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
		}
		return HTML(`<a href="` + html.EscapeString(u) + `">` + html.EscapeString(text) + "</a>"), nil
	})
	h.Register(post.GoBlog, "html", func(c *Call) (Result, error) {
		name := c.Get("", 0)
		data, err := c.ReadFile(path.Join(path.Dir(c.Post.Source.Path), name))
		if err != nil {
			return Result{}, fmt.Errorf("%s is not beside the post, so it is left out", name)
		}
		return HTML(string(data)), nil
	})
}

func values(args []Arg) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a.Value
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// watchURL turns a YouTube player address (/embed/ID) into the video's
// page, which is what a card links to.
func watchURL(u string) string {
	for _, pre := range [...]string{"https://www.youtube.com/embed/", "https://www.youtube-nocookie.com/embed/", "http://www.youtube.com/embed/"} {
		if rest, ok := strings.CutPrefix(u, pre); ok {
			id := rest
			if i := strings.IndexAny(id, "?#/"); i >= 0 {
				id = id[:i]
			}
			return "https://www.youtube.com/watch?v=" + id
		}
	}
	return u
}

// goCode renders {{code "file" [from [to]] [HLname]}} and {{play …}}
// as x/tools/present does: the file beside the post, the lines from the
// one matching from to the one matching to (each /regexp/ or a line
// number, $ for the end), lines ending in OMIT left out, and lines
// marked "// HLname" shown in bold with the mark removed. A file that
// is not there becomes a link to it, with a warning.
func goCode(c *Call) (Result, error) {
	file := c.Get("", 0)
	if file == "" {
		return Result{}, fmt.Errorf("no file named")
	}
	name := path.Join(path.Dir(c.Post.Source.Path), file)
	data, err := c.ReadFile(name)
	if err != nil {
		c.Warn("missing file", "markup: %s %q: %s is not beside the post; linking to it instead", c.Name, file, name)
		return HTML(`<p class="code-file"><a href="` + html.EscapeString(file) + `">` + html.EscapeString(path.Base(file)) + "</a></p>"), nil
	}
	var addr []string
	hl := ""
	for _, a := range c.Args[1:] {
		if strings.HasPrefix(a.Value, "HL") {
			hl = a.Value[2:]
			continue
		}
		addr = append(addr, a.Value)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	lo, hi := 0, len(lines)
	if len(addr) > 0 {
		if lo, err = codeAddr(lines, addr[0], 0); err != nil {
			return Result{}, err
		}
		hi = lo + 1
		if len(addr) > 1 {
			if hi, err = codeAddr(lines, addr[1], lo); err != nil {
				return Result{}, err
			}
			hi++
		}
		if hi <= lo {
			return Result{}, fmt.Errorf("%s: the end address comes before the start", file)
		}
	}
	var b bytes.Buffer
	b.WriteString("<pre><code>")
	var kept []string
	for _, l := range lines[lo:hi] {
		if strings.HasSuffix(l, "OMIT") {
			continue
		}
		kept = append(kept, l)
	}
	for len(kept) > 0 && kept[0] == "" {
		kept = kept[1:]
	}
	for len(kept) > 0 && kept[len(kept)-1] == "" {
		kept = kept[:len(kept)-1]
	}
	for _, l := range kept {
		bold := false
		if m := hlComment.FindStringSubmatch(l); m != nil {
			l, bold = m[1], m[2] == hl
		}
		if bold {
			trimmed := strings.TrimLeft(l, " \t")
			b.WriteString(html.EscapeString(l[:len(l)-len(trimmed)]) + "<b>" + html.EscapeString(strings.TrimSpace(trimmed)) + "</b>\n")
			continue
		}
		b.WriteString(html.EscapeString(l) + "\n")
	}
	b.WriteString("</code></pre>")
	return HTML(b.String()), nil
}

var hlComment = regexp.MustCompile(`^(.+) // HL(.*)$`)

// codeAddr finds the line an address names, searching from line from
// (0-based); the result is 0-based.
func codeAddr(lines []string, a string, from int) (int, error) {
	switch {
	case a == "$":
		return len(lines) - 1, nil
	case isDigits(a):
		n, _ := strconv.Atoi(a)
		if n < 1 || n > len(lines) {
			return 0, fmt.Errorf("line %d is out of range", n)
		}
		return n - 1, nil
	case len(a) > 2 && a[0] == '/' && a[len(a)-1] == '/':
		re, err := regexp.Compile(a[1 : len(a)-1])
		if err != nil {
			return 0, err
		}
		for i := from; i < len(lines); i++ {
			if re.MatchString(lines[i]) {
				return i, nil
			}
		}
		return 0, fmt.Errorf("no line matches %s", a)
	}
	return 0, fmt.Errorf("address %q is not a line number, /regexp/ or $", a)
}
