package markup

import (
	"fmt"
	"html"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/folio-go/folio/post"
)

// liquidBlocks are the Liquid tags that have an end tag; the verbatim
// ones take their content as written.
var liquidBlocks = map[string]bool{
	"raw": true, "highlight": true, "comment": true, "capture": true,
	"if": true, "unless": true, "for": true, "case": true, "tablerow": true,
}

var liquidVerbatim = map[string]bool{"raw": true, "highlight": true, "comment": true}

// liquidOutput is the name under which {{ expression }} is handled.
const liquidOutput = "{{"

// scanLiquid finds Liquid's tags ({% name markup %}, {%- … -%}) and
// outputs ({{ expression }}) in s. In a raw, highlight or comment block
// nothing is a tag but its end tag.
func scanLiquid(s string) []tag {
	var tags []tag
	verbatim := ""
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '{')
		if k < 0 || i+k+1 >= len(s) {
			break
		}
		start := i + k
		switch s[start+1] {
		case '%':
			end := strings.Index(s[start+2:], "%}")
			if end < 0 {
				i = len(s)
				continue
			}
			end += start + 4
			t := tag{start: start, end: end}
			inner := s[start+2 : end-2]
			if strings.HasPrefix(inner, "-") {
				t.trimBefore, inner = true, inner[1:]
			}
			if strings.HasSuffix(inner, "-") {
				t.trimAfter, inner = true, inner[:len(inner)-1]
			}
			inner = strings.TrimSpace(inner)
			n := 0
			for n < len(inner) && (isWordByte(inner[n])) {
				n++
			}
			if n == 0 {
				i = start + 2
				continue
			}
			t.name, t.markup = inner[:n], strings.TrimSpace(inner[n:])
			if verbatim != "" {
				if t.name != "end"+verbatim {
					i = start + 2
					continue
				}
				verbatim = ""
			}
			switch {
			case strings.HasPrefix(t.name, "end") && liquidBlocks[t.name[3:]]:
				t.name, t.close = t.name[3:], true
			case liquidBlocks[t.name]:
				t.block = true
				if liquidVerbatim[t.name] {
					t.verbatim = true
					verbatim = t.name
				}
			default:
				t.self = true
			}
			t.args = liquidArgs(t.markup)
			tags = append(tags, t)
			i = end
		case '{':
			if verbatim != "" {
				i = start + 2
				continue
			}
			end := strings.Index(s[start+2:], "}}")
			if end < 0 {
				i = len(s)
				continue
			}
			end += start + 4
			t := tag{start: start, end: end, name: liquidOutput, self: true}
			inner := s[start+2 : end-2]
			if strings.HasPrefix(inner, "-") {
				t.trimBefore, inner = true, inner[1:]
			}
			if strings.HasSuffix(inner, "-") {
				t.trimAfter, inner = true, inner[:len(inner)-1]
			}
			t.markup = strings.TrimSpace(inner)
			tags = append(tags, t)
			i = end
		default:
			i = start + 1
		}
	}
	return tags
}

// liquidArgs splits a tag's markup into words, quoted strings kept
// whole; key=value and key: value become named arguments.
func liquidArgs(s string) []Arg {
	var out []Arg
	for _, w := range liquidWords(s) {
		if i := strings.IndexAny(w, "=:"); i > 0 && !strings.HasPrefix(w, "\"") && !strings.HasPrefix(w, "'") {
			out = append(out, Arg{Name: w[:i], Value: unquoteLiquid(w[i+1:])})
			continue
		}
		out = append(out, Arg{Value: unquoteLiquid(w)})
	}
	return out
}

// liquidWords splits s at blanks outside quotes.
func liquidWords(s string) []string {
	var out []string
	for p := skipBlanks(s, 0); p < len(s); p = skipBlanks(s, p) {
		q := p
		for q < len(s) && !isBlank(s[q]) {
			if s[q] == '"' || s[q] == '\'' {
				if e := strings.IndexByte(s[q+1:], s[q]); e >= 0 {
					q += e + 2
					continue
				}
			}
			q++
		}
		out = append(out, s[p:q])
		p = q
	}
	return out
}

func unquoteLiquid(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// registerLiquid registers Jekyll's tags and Liquid's common ones.
func registerLiquid(h *Handlers) {
	h.Register(post.Liquid, liquidOutput, func(c *Call) (Result, error) {
		v, err := c.x.liquidEval(c, c.Markup)
		if err != nil {
			return Result{}, err
		}
		return Text(liquidString(v)), nil
	})
	h.Register(post.Liquid, "raw", func(c *Call) (Result, error) { return Text(c.Inner), nil })
	h.Register(post.Liquid, "comment", func(c *Call) (Result, error) { return Result{}, nil })
	h.Register(post.Liquid, "highlight", func(c *Call) (Result, error) {
		lang := c.Get("", 0)
		return HTML(`<figure class="highlight">` + codeBlock(lang, trimCode(c.Inner)) + "</figure>"), nil
	})
	h.Register(post.Liquid, "link", func(c *Call) (Result, error) {
		ref := c.Markup
		if u, ok := c.Resolve(ref); ok {
			return Text(u), nil
		}
		// Jekyll's default permalink of a collection document or page.
		guess := strings.TrimSuffix(strings.TrimPrefix(ref, "_"), path.Ext(ref))
		if strings.HasSuffix(guess, "/index") {
			guess = strings.TrimSuffix(guess, "index")
		} else {
			guess += "/"
		}
		c.Warn("unresolved link", "markup: link %q: no such post among those loaded; linking to %s", ref, c.Site().BaseURL+"/"+guess)
		return Text(c.Site().BaseURL + "/" + guess), nil
	})
	h.Register(post.Liquid, "post_url", func(c *Call) (Result, error) {
		ref := c.Markup
		if u, ok := c.Resolve(ref); ok {
			return Text(u), nil
		}
		c.Warn("unresolved link", "markup: post_url %q: no such post among those loaded", ref)
		name := path.Base(ref)
		if len(name) > 11 && name[10] == '-' {
			name = name[11:]
		}
		return Text(c.Site().BaseURL + "/" + name + "/"), nil
	})
	h.Register(post.Liquid, "assign", func(c *Call) (Result, error) {
		name, expr, ok := strings.Cut(c.Markup, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return Result{}, fmt.Errorf("assign needs name = value")
		}
		v, err := c.x.liquidEval(c, expr)
		if err != nil {
			return Result{}, err
		}
		c.x.setVar(name, v)
		return Result{}, nil
	})
	h.Register(post.Liquid, "capture", func(c *Call) (Result, error) {
		c.x.setVar(strings.TrimSpace(c.Markup), c.ExpandInner())
		return Result{}, nil
	})
	h.Register(post.Liquid, "for", liquidFor)
	h.Register(post.Liquid, "if", func(c *Call) (Result, error) { return liquidIf(c, false) })
	h.Register(post.Liquid, "unless", func(c *Call) (Result, error) { return liquidIf(c, true) })
	h.Register(post.Liquid, "include", liquidInclude)
	h.Register(post.Liquid, "include_relative", liquidInclude)
}

func (x *expander) setVar(name string, v any) {
	if x.vars == nil {
		x.vars = map[string]any{}
	}
	x.vars[name] = v
}

// maxLoop bounds the items a for loop walks through.
const maxLoop = 1000

// liquidFor repeats its content for each item: {% for x in list %}.
func liquidFor(c *Call) (Result, error) {
	name, expr, ok := strings.Cut(c.Markup, " in ")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return Result{}, fmt.Errorf("for needs: item in list")
	}
	words := liquidWords(expr)
	if len(words) == 0 {
		return Result{}, fmt.Errorf("for needs a list")
	}
	v, err := c.x.liquidEval(c, words[0])
	if err != nil {
		return Result{}, err
	}
	items := liquidList(v)
	if len(items) > maxLoop {
		items = items[:maxLoop]
	}
	old, had := c.x.vars[name]
	var b strings.Builder
	for _, it := range items {
		c.x.setVar(name, it)
		b.WriteString(c.ExpandInner())
	}
	if had {
		c.x.vars[name] = old
	} else {
		delete(c.x.vars, name)
	}
	return Text(b.String()), nil
}

// liquidIf keeps the content before {% else %} when the condition (a
// value, or two compared with == or !=) holds, and the rest otherwise.
// elsif is read as else.
func liquidIf(c *Call, unless bool) (Result, error) {
	yes, no := splitElse(c.Inner)
	ok, err := c.x.liquidCond(c, c.Markup)
	if err != nil {
		return Result{}, err
	}
	if ok != unless {
		return Text(c.x.expandAt(yes, c.inner)), nil
	}
	if no == "" {
		return Result{}, nil
	}
	return Text(c.x.expandAt(no, -1)), nil
}

// splitElse splits an if block's content at its own {% else %}.
func splitElse(s string) (yes, no string) {
	depth := 0
	for _, t := range scanLiquid(s) {
		switch {
		case t.block && (t.name == "if" || t.name == "unless" || t.name == "case"):
			depth++
		case t.close && (t.name == "if" || t.name == "unless" || t.name == "case"):
			depth--
		case depth == 0 && (t.name == "else" || t.name == "elsif"):
			return s[:t.start], s[t.end:]
		}
	}
	return s, ""
}

func (x *expander) liquidCond(c *Call, expr string) (bool, error) {
	for _, op := range [...]string{"==", "!="} {
		if a, b, ok := strings.Cut(expr, op); ok {
			va, err := x.liquidEval(c, a)
			if err != nil {
				return false, err
			}
			vb, err := x.liquidEval(c, b)
			if err != nil {
				return false, err
			}
			eq := liquidString(va) == liquidString(vb)
			return eq == (op == "=="), nil
		}
	}
	v, err := x.liquidEval(c, expr)
	if err != nil {
		return false, err
	}
	switch v := v.(type) {
	case nil:
		return false, nil
	case bool:
		return v, nil
	}
	return true, nil
}

// liquidInclude inserts a file of the site's _includes folder (or, for
// include_relative, beside the post), its Liquid expanded with the
// tag's parameters as include.*.
func liquidInclude(c *Call) (Result, error) {
	words := liquidWords(c.Markup)
	if len(words) == 0 {
		return Result{}, fmt.Errorf("no file named")
	}
	file := unquoteLiquid(words[0])
	var name string
	if c.Name == "include_relative" {
		name = path.Join(path.Dir(c.Post.Source.Path), file)
	} else {
		root := ""
		if i := strings.Index("/"+c.Post.Source.Path, "/_posts/"); i >= 0 {
			root = c.Post.Source.Path[:i]
		}
		name = path.Join(root, "_includes", file)
	}
	data, err := c.ReadFile(name)
	if err != nil {
		return Result{}, fmt.Errorf("%s cannot be read, so it is left out", name)
	}
	params := map[string]any{}
	for _, a := range liquidArgs(strings.Join(words[1:], " ")) {
		if a.Name != "" {
			params[a.Name] = a.Value
		}
	}
	old := c.x.vars["include"]
	c.x.setVar("include", params)
	out := c.x.expandAt(string(data), -1)
	c.x.vars["include"] = old
	return Text(out), nil
}

// liquidEval evaluates an output expression: a value and its filters,
// "site.url | append: '/feed' | xml_escape".
func (x *expander) liquidEval(c *Call, expr string) (any, error) {
	parts := splitPipes(expr)
	v, err := x.liquidValue(c, strings.TrimSpace(parts[0]))
	if err != nil {
		return nil, err
	}
	for _, f := range parts[1:] {
		name, args, _ := strings.Cut(f, ":")
		name = strings.TrimSpace(name)
		var vals []any
		if strings.TrimSpace(args) != "" {
			for _, a := range splitArgs(args) {
				av, err := x.liquidValue(c, strings.TrimSpace(a))
				if err != nil {
					return nil, err
				}
				vals = append(vals, av)
			}
		}
		if v, err = x.liquidFilter(c, name, v, vals); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// splitPipes splits at '|' outside quotes.
func splitPipes(s string) []string { return splitOutsideQuotes(s, '|') }

// splitArgs splits filter arguments at ',' outside quotes.
func splitArgs(s string) []string { return splitOutsideQuotes(s, ',') }

func splitOutsideQuotes(s string, sep byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'':
			if e := strings.IndexByte(s[i+1:], s[i]); e >= 0 {
				i += e + 1
			}
		case sep:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// liquidValue reads a literal or looks up a variable: site.*, page.*,
// post.*, include.*, and assigned names.
func (x *expander) liquidValue(c *Call, s string) (any, error) {
	switch {
	case s == "":
		return nil, nil
	case len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0]:
		return s[1 : len(s)-1], nil
	case s == "true":
		return true, nil
	case s == "false":
		return false, nil
	case s == "nil" || s == "null" || s == "empty":
		return nil, nil
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		return n, nil
	}
	keys := strings.Split(s, ".")
	var cur any
	switch keys[0] {
	case "site":
		cur = x.siteVars()
	case "page", "post":
		cur = x.pageVars(c)
	default:
		v, ok := x.vars[keys[0]]
		if !ok {
			c.Warn("unknown variable", "markup: Liquid variable %q is not known; it is left empty", s)
			return nil, nil
		}
		cur = v
	}
	for _, k := range keys[1:] {
		m, ok := cur.(map[string]any)
		if !ok {
			cur = nil
			break
		}
		if cur, ok = m[k]; !ok {
			// Front-matter keys are matched as written, then without
			// regard to case.
			for mk, mv := range m {
				if strings.EqualFold(mk, k) {
					cur, ok = mv, true
					break
				}
			}
		}
		if !ok {
			cur = nil
			break
		}
	}
	if cur == nil && len(keys) > 1 {
		c.Warn("unknown variable", "markup: Liquid variable %q is not known; it is left empty", s)
	}
	return cur, nil
}

func (x *expander) siteVars() map[string]any {
	s := x.opt.Site
	return map[string]any{"url": s.URL, "baseurl": s.BaseURL, "title": s.Title}
}

func (x *expander) pageVars(c *Call) map[string]any {
	p := x.p
	m := map[string]any{}
	for k, v := range p.Params {
		m[k] = v
	}
	m["title"] = p.Title
	m["slug"] = p.Slug
	if !p.Date.IsZero() {
		m["date"] = p.Date
	}
	if !p.Updated.IsZero() {
		m["last_modified_at"] = p.Updated
	}
	var cats, tags []any
	for _, t := range p.Categories {
		cats = append(cats, t.Name)
	}
	for _, t := range p.Tags {
		tags = append(tags, t.Name)
	}
	m["categories"], m["tags"] = cats, tags
	if len(p.Authors) > 0 {
		m["author"] = p.Authors[0].Name
	}
	m["path"] = p.Source.Path
	m["name"] = path.Base(p.Source.Path)
	if u, ok := c.Resolve(p.Source.Path); ok {
		m["url"] = u
	}
	return m
}

// liquidFilter applies one of the common filters.
func (x *expander) liquidFilter(c *Call, name string, v any, args []any) (any, error) {
	arg := func(i int) string {
		if i < len(args) {
			return liquidString(args[i])
		}
		return ""
	}
	s := liquidString(v)
	switch name {
	case "date":
		t, ok := liquidTime(v)
		if !ok {
			return s, nil
		}
		return strftime(t, arg(0)), nil
	case "date_to_string":
		if t, ok := liquidTime(v); ok {
			return t.Format("02 Jan 2006"), nil
		}
	case "date_to_long_string":
		if t, ok := liquidTime(v); ok {
			return t.Format("02 January 2006"), nil
		}
	case "date_to_xmlschema":
		if t, ok := liquidTime(v); ok {
			return t.Format(time.RFC3339), nil
		}
	case "date_to_rfc822":
		if t, ok := liquidTime(v); ok {
			return t.Format(time.RFC1123Z), nil
		}
	case "relative_url":
		return joinURL(x.opt.Site.BaseURL, s), nil
	case "absolute_url":
		return x.opt.Site.URL + joinURL(x.opt.Site.BaseURL, s), nil
	case "xml_escape", "escape", "escape_once":
		return html.EscapeString(s), nil
	case "default":
		if ok, _ := x.truthy(v); !ok || s == "" {
			return args0(args), nil
		}
		return v, nil
	case "upcase":
		return strings.ToUpper(s), nil
	case "downcase":
		return strings.ToLower(s), nil
	case "capitalize":
		if s == "" {
			return s, nil
		}
		return strings.ToUpper(s[:1]) + s[1:], nil
	case "strip":
		return strings.TrimSpace(s), nil
	case "append":
		return s + arg(0), nil
	case "prepend":
		return arg(0) + s, nil
	case "replace":
		return strings.ReplaceAll(s, arg(0), arg(1)), nil
	case "remove":
		return strings.ReplaceAll(s, arg(0), ""), nil
	case "split":
		var out []any
		for _, p := range strings.Split(s, arg(0)) {
			out = append(out, p)
		}
		return out, nil
	case "join":
		var parts []string
		for _, it := range liquidList(v) {
			parts = append(parts, liquidString(it))
		}
		sep := " "
		if len(args) > 0 {
			sep = arg(0)
		}
		return strings.Join(parts, sep), nil
	case "size":
		if l, ok := v.([]any); ok {
			return float64(len(l)), nil
		}
		return float64(len([]rune(s))), nil
	case "first", "last":
		l := liquidList(v)
		if len(l) == 0 {
			return nil, nil
		}
		if name == "first" {
			return l[0], nil
		}
		return l[len(l)-1], nil
	case "slugify":
		return post.Slugify(s), nil
	case "markdownify", "smartify", "strip_newlines":
		return s, nil
	case "strip_html":
		return stripTags(s), nil
	case "uri_escape", "cgi_escape", "url_encode":
		return strings.ReplaceAll(s, " ", "%20"), nil
	default:
		c.Warn("unknown filter", "markup: Liquid filter %q is not known; the value is kept as it is", name)
	}
	return v, nil
}

func args0(args []any) any {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

func (x *expander) truthy(v any) (bool, error) {
	switch v := v.(type) {
	case nil:
		return false, nil
	case bool:
		return v, nil
	}
	return true, nil
}

func joinURL(base, p string) string {
	if p == "" {
		return base + "/"
	}
	if strings.Contains(p, "://") {
		return p
	}
	return strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(p, "/")
}

// liquidString writes a value as Liquid prints it.
func liquidString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case time.Time:
		return v.Format("2006-01-02 15:04:05 -0700")
	case []any:
		var b strings.Builder
		for _, it := range v {
			b.WriteString(liquidString(it))
		}
		return b.String()
	}
	return fmt.Sprint(v)
}

func liquidList(v any) []any {
	switch v := v.(type) {
	case []any:
		return v
	case []string:
		out := make([]any, len(v))
		for i, s := range v {
			out[i] = s
		}
		return out
	case nil:
		return nil
	}
	return []any{v}
}

func liquidTime(v any) (time.Time, bool) {
	switch v := v.(type) {
	case time.Time:
		return v, true
	case string:
		for _, layout := range [...]string{time.RFC3339, "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, v); err == nil {
				return t, true
			}
		}
		if v == "now" || v == "today" {
			return time.Time{}, false
		}
	}
	return time.Time{}, false
}

// strftime formats t with Ruby's strftime directives, the ones Jekyll
// sites use.
func strftime(t time.Time, f string) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 == len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		pad := true
		if f[i] == '-' && i+1 < len(f) {
			pad = false
			i++
		}
		num := func(n, width int) {
			s := strconv.Itoa(n)
			for pad && len(s) < width {
				s = "0" + s
			}
			b.WriteString(s)
		}
		switch f[i] {
		case 'Y':
			num(t.Year(), 4)
		case 'y':
			num(t.Year()%100, 2)
		case 'm':
			num(int(t.Month()), 2)
		case 'd':
			num(t.Day(), 2)
		case 'e':
			b.WriteString(fmt.Sprintf("%2d", t.Day()))
		case 'B':
			b.WriteString(t.Month().String())
		case 'b', 'h':
			b.WriteString(t.Month().String()[:3])
		case 'A':
			b.WriteString(t.Weekday().String())
		case 'a':
			b.WriteString(t.Weekday().String()[:3])
		case 'H':
			num(t.Hour(), 2)
		case 'I':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			num(h, 2)
		case 'M':
			num(t.Minute(), 2)
		case 'S':
			num(t.Second(), 2)
		case 'p':
			if t.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'j':
			num(t.YearDay(), 3)
		case 'Z':
			name, _ := t.Zone()
			b.WriteString(name)
		case 'z':
			b.WriteString(t.Format("-0700"))
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(f[i])
		}
	}
	return b.String()
}
