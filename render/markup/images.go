package markup

import (
	"html"
	"strconv"
	"strings"
)

// ImageOptions say what Images adds to the <img> elements of a page.
type ImageOptions struct {
	// Size returns the width and height in pixels of the image src (as
	// the body wrote it), or false when unknown. Nil knows no size.
	Size func(src string) (width, height int, ok bool)
	// EagerFirst leaves loading="lazy" off the first image, which is
	// likely on screen when the page opens and should load at once.
	EagerFirst bool
}

// Images returns h with every <img> given what lets a browser lay out
// the page before the images arrive: width and height from o.Size when
// the tag has neither, decoding="async", and loading="lazy" (except on
// the first image with o.EagerFirst); attributes the tag already has are
// kept as they are. h is HTML as Sanitize writes it; a tag Images cannot
// read is copied unchanged. It never fails.
func Images(h string, o ImageOptions) string {
	if !strings.Contains(h, "<img") {
		return h
	}
	var b strings.Builder
	b.Grow(len(h) + 64)
	n := 0
	for {
		i := strings.Index(h, "<img")
		if i < 0 || i+4 >= len(h) {
			b.WriteString(h)
			return b.String()
		}
		if c := h[i+4]; c != ' ' && c != '/' && c != '>' && c != '\n' && c != '\t' {
			b.WriteString(h[:i+4])
			h = h[i+4:]
			continue
		}
		end := imgTagEnd(h, i+4)
		if end < 0 {
			b.WriteString(h)
			return b.String()
		}
		b.WriteString(h[:i])
		b.WriteString(imageTag(h[i:end], o, n == 0))
		n++
		h = h[end:]
	}
}

// imgTagEnd returns the index just past the '>' that ends the tag whose
// attributes start at from, minding quoted values; -1 when none.
func imgTagEnd(h string, from int) int {
	var quote byte
	for j := from; j < len(h); j++ {
		c := h[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return -1
}

// imageTag rewrites one <img ...> tag.
func imageTag(tag string, o ImageOptions, first bool) string {
	has := func(name string) bool { _, ok := tagAttr(tag, name); return ok }
	var add strings.Builder
	if o.Size != nil && !has("width") && !has("height") {
		if src, ok := tagAttr(tag, "src"); ok {
			if w, hgt, ok := o.Size(src); ok && w > 0 && hgt > 0 {
				add.WriteString(` width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(hgt) + `"`)
			}
		}
	}
	if !has("loading") && !(first && o.EagerFirst) {
		add.WriteString(` loading="lazy"`)
	}
	if !has("decoding") {
		add.WriteString(` decoding="async"`)
	}
	if add.Len() == 0 {
		return tag
	}
	cut := len(tag) - 1
	if strings.HasSuffix(tag, "/>") {
		cut = len(tag) - 2
		for cut > 0 && tag[cut-1] == ' ' {
			cut--
		}
	}
	return tag[:cut] + add.String() + tag[cut:]
}

// tagAttr finds the attribute name of a tag written with double-quoted
// (or unquoted) values, and returns its decoded value.
func tagAttr(tag, name string) (string, bool) {
	for j := 0; ; {
		k := strings.Index(tag[j:], name)
		if k < 0 {
			return "", false
		}
		k += j
		j = k + len(name)
		if k == 0 || (tag[k-1] != ' ' && tag[k-1] != '\n' && tag[k-1] != '\t') {
			continue
		}
		if !inTagNotValue(tag, k) {
			continue
		}
		rest := tag[j:]
		if !strings.HasPrefix(rest, "=") {
			if rest == "" || rest[0] == ' ' || rest[0] == '/' || rest[0] == '>' {
				return "", true
			}
			continue
		}
		rest = rest[1:]
		if strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "'") {
			e := strings.IndexByte(rest[1:], rest[0])
			if e < 0 {
				return "", false
			}
			return html.UnescapeString(rest[1 : e+1]), true
		}
		e := strings.IndexAny(rest, " />")
		if e < 0 {
			e = len(rest)
		}
		return html.UnescapeString(rest[:e]), true
	}
}

// inTagNotValue reports whether offset k of tag is outside any quoted
// attribute value.
func inTagNotValue(tag string, k int) bool {
	var quote byte
	for j := 0; j < k; j++ {
		c := tag[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		}
	}
	return quote == 0
}
