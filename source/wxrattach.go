package source

import (
	"errors"
	"mime"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/folio-go/folio/post"
)

// attachmentOf reads an attachment <item> of an export: its id, file URL,
// title, caption (the excerpt), alternative text, parent and size. The
// size comes from _wp_attachment_metadata, PHP-serialized; a value that
// does not decode leaves Width and Height 0.
func attachmentOf(n *xnode) post.Attachment {
	var a post.Attachment
	a.ID, _ = n.child("wp", "post_id")
	a.URL, _ = n.child("wp", "attachment_url")
	if a.URL == "" {
		a.URL, _ = n.child("", "guid")
	}
	a.URL = strings.TrimSpace(a.URL)
	a.Title, _ = n.child("", "title")
	a.Caption, _ = n.child("excerpt", "encoded")
	a.MimeType, _ = n.child("wp", "post_mime_type")
	if a.MimeType == "" {
		if ext := path.Ext(strings.SplitN(a.URL, "?", 2)[0]); ext != "" {
			a.MimeType, _, _ = strings.Cut(mime.TypeByExtension(strings.ToLower(ext)), ";")
		}
	}
	if p, _ := n.child("wp", "post_parent"); p != "0" {
		a.Parent = p
	}
	for _, k := range n.kids {
		if k.ns != "wp" || k.local != "postmeta" {
			continue
		}
		key, _ := k.child("wp", "meta_key")
		val, _ := k.child("wp", "meta_value")
		switch key {
		case "_wp_attachment_image_alt":
			a.Alt = val
		case "_wp_attachment_metadata":
			if m, ok := phpUnserialize(val).(map[string]any); ok {
				a.Width, a.Height = phpInt(m["width"]), phpInt(m["height"])
			}
		}
	}
	return a
}

// phpInt is v as a positive int, or 0.
func phpInt(v any) int {
	switch v := v.(type) {
	case int:
		if v > 0 {
			return v
		}
	case string:
		if i, err := strconv.Atoi(v); err == nil && i > 0 {
			return i
		}
	}
	return 0
}

// errPHP stops phpUnserialize at malformed input.
var errPHP = errors.New("source: malformed PHP serialized value")

// phpUnserialize decodes the PHP serialize() format WordPress stores
// meta values in: i:, d:, b:, s:, N and a: (arrays become map[string]any
// keyed by the decimal or string key). It returns nil for anything
// malformed, nested too deep or holding objects.
func phpUnserialize(s string) any {
	d := phpDecoder{s: s}
	v, err := d.value(0)
	if err != nil {
		return nil
	}
	return v
}

type phpDecoder struct {
	s   string
	pos int
}

// phpMaxDepth bounds the nesting phpUnserialize follows.
const phpMaxDepth = 16

func (d *phpDecoder) value(depth int) (any, error) {
	if depth > phpMaxDepth || d.pos+1 >= len(d.s) {
		return nil, errPHP
	}
	kind := d.s[d.pos]
	if kind == 'N' {
		if d.s[d.pos+1] != ';' {
			return nil, errPHP
		}
		d.pos += 2
		return nil, nil
	}
	if d.s[d.pos+1] != ':' {
		return nil, errPHP
	}
	d.pos += 2
	switch kind {
	case 'i', 'd', 'b':
		raw, err := d.until(';')
		if err != nil {
			return nil, err
		}
		if kind == 'i' || kind == 'b' {
			n, err := strconv.Atoi(raw)
			if err != nil {
				return nil, errPHP
			}
			if kind == 'b' {
				return n != 0, nil
			}
			return n, nil
		}
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return nil, errPHP
		}
		return f, nil
	case 's':
		n, err := d.length(':')
		if err != nil || d.pos+n+3 > len(d.s) || d.s[d.pos] != '"' || d.s[d.pos+n+1] != '"' || d.s[d.pos+n+2] != ';' {
			return nil, errPHP
		}
		v := d.s[d.pos+1 : d.pos+1+n]
		d.pos += n + 3
		return v, nil
	case 'a':
		n, err := d.length(':')
		if err != nil || d.pos >= len(d.s) || d.s[d.pos] != '{' {
			return nil, errPHP
		}
		d.pos++
		m := make(map[string]any, min(n, 64))
		for range n {
			k, err := d.value(depth + 1)
			if err != nil {
				return nil, err
			}
			var key string
			switch k := k.(type) {
			case int:
				key = strconv.Itoa(k)
			case string:
				key = k
			default:
				return nil, errPHP
			}
			v, err := d.value(depth + 1)
			if err != nil {
				return nil, err
			}
			m[key] = v
		}
		if d.pos >= len(d.s) || d.s[d.pos] != '}' {
			return nil, errPHP
		}
		d.pos++
		return m, nil
	}
	return nil, errPHP
}

// until returns the text up to sep and moves past sep.
func (d *phpDecoder) until(sep byte) (string, error) {
	i := strings.IndexByte(d.s[d.pos:], sep)
	if i < 0 {
		return "", errPHP
	}
	v := d.s[d.pos : d.pos+i]
	d.pos += i + 1
	return v, nil
}

// length reads a non-negative count ended by sep.
func (d *phpDecoder) length(sep byte) (int, error) {
	raw, err := d.until(sep)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 || n > len(d.s) {
		return 0, errPHP
	}
	return n, nil
}

// The shortcodes whose attributes name attachments by id.
var (
	galleryIDsRE = regexp.MustCompile(`\[gallery\b[^\]]*?\b(?:ids|include)\s*=\s*["']?([0-9][0-9,\s]*)`)
	captionIDRE  = regexp.MustCompile(`\[caption\b[^\]]*?\bid\s*=\s*["']?attachment_([0-9]+)`)
)

// Attach fills the Attachments of posts read from a WXR export with the
// export's atts (WXR.Attachments): each post's child attachments (Parent
// is its wp_post_id), then the others its body names in [gallery ids=""]
// (or include="") and [caption id="attachment_N"], each sorted by id,
// none twice. Posts without a wp_post_id get only the named ones. It
// replaces what Attachments held. ReadWXR calls it; a ScanWXR caller
// that wants attachments can call it with the posts it kept.
func Attach(posts []*post.Post, atts []post.Attachment) {
	if len(atts) == 0 {
		return
	}
	byID := make(map[string]post.Attachment, len(atts))
	children := map[string][]post.Attachment{}
	for _, a := range atts {
		if _, dup := byID[a.ID]; dup || a.ID == "" {
			continue
		}
		byID[a.ID] = a
		if a.Parent != "" {
			children[a.Parent] = append(children[a.Parent], a)
		}
	}
	for _, p := range posts {
		p.Attachments = nil
		seen := map[string]bool{}
		own := children[wpPostID(p)]
		sortAttachments(own)
		for _, a := range own {
			seen[a.ID] = true
			p.Attachments = append(p.Attachments, a)
		}
		var named []post.Attachment
		for _, id := range namedAttachments(p.Body.Text) {
			if a, ok := byID[id]; ok && !seen[id] {
				seen[id] = true
				named = append(named, a)
			}
		}
		sortAttachments(named)
		p.Attachments = append(p.Attachments, named...)
	}
}

// wpPostID is the post's WordPress id as text, or "".
func wpPostID(p *post.Post) string {
	switch v := p.Params["wp_post_id"].(type) {
	case int:
		return strconv.Itoa(v)
	case string:
		return v
	}
	return ""
}

// namedAttachments returns the attachment ids a body's gallery and
// caption shortcodes name.
func namedAttachments(body string) []string {
	if !strings.Contains(body, "[gallery") && !strings.Contains(body, "[caption") {
		return nil
	}
	var ids []string
	for _, m := range galleryIDsRE.FindAllStringSubmatch(body, -1) {
		ids = append(ids, strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })...)
	}
	for _, m := range captionIDRE.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// sortAttachments orders by numeric id, then by id as text.
func sortAttachments(as []post.Attachment) {
	sort.SliceStable(as, func(i, j int) bool {
		a, errA := strconv.Atoi(as[i].ID)
		b, errB := strconv.Atoi(as[j].ID)
		if errA == nil && errB == nil && a != b {
			return a < b
		}
		return as[i].ID < as[j].ID
	})
}
