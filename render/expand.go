package render

import (
	"html/template"
	"path"
	"strings"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/render/markup"
)

// expandOptions are the markup.ExpandOptions of r's bodies: its
// handlers, file reader and warnings, and a resolver that knows the
// permalink of every post of the index.
func (r *Renderer) expandOptions() markup.ExpandOptions {
	return markup.ExpandOptions{
		Handlers: r.opt.Shortcodes,
		Resolve:  r.resolveRef,
		ReadFile: r.opt.ReadFile,
		Site:     markup.Site{URL: strings.TrimSuffix(r.site.BaseURL, r.basePath), BaseURL: strings.TrimSuffix(r.basePath, "/"), Title: r.site.Title},
		Warn:     r.opt.Warn,
	}
}

// refIndex maps the names a body may use for a post (Hugo ref and
// relref, Jekyll link and post_url) to its permalink: its source path,
// with and without extension, its base name likewise, a bundle's folder,
// and its slug. Where two posts share a name the first in path order
// keeps it.
func (r *Renderer) refIndex() map[string]string {
	refs := map[string]string{}
	add := func(k, u string) {
		if k == "" || k == "." {
			return
		}
		if _, ok := refs[k]; !ok {
			refs[k] = u
		}
	}
	for _, p := range r.idx.Posts() {
		u := r.site.PostURL(p)
		src := p.Source.Path
		ext := path.Ext(src)
		noExt := strings.TrimSuffix(src, ext)
		add(src, u)
		add(noExt, u)
		if path.Base(noExt) == "index" || path.Base(noExt) == "_index" {
			add(path.Dir(src), u)
		}
		for _, rest := range [...]string{src, noExt} {
			// Paths below a content or site root the loader was not
			// pointed at: "content/posts/x.md", "_posts/x.md".
			for i := strings.IndexByte(rest, '/'); i >= 0; i = strings.IndexByte(rest, '/') {
				rest = rest[i+1:]
				add(rest, u)
			}
		}
	}
	for _, p := range r.idx.Posts() {
		add(p.Slug, r.site.PostURL(p))
	}
	return refs
}

// resolveRef finds the permalink of the post ref names, for a call in
// from's body. A "#fragment" is kept; a path relative to from's folder
// is tried first.
func (r *Renderer) resolveRef(ref string, from *post.Post) (string, bool) {
	ref = strings.TrimSpace(ref)
	frag := ""
	if i := strings.IndexByte(ref, '#'); i >= 0 {
		ref, frag = ref[:i], ref[i:]
	}
	if ref == "" {
		return frag, frag != ""
	}
	r.refsOnce.Do(func() { r.refs = r.refIndex() })
	tries := []string{}
	if from != nil && !strings.HasPrefix(ref, "/") {
		tries = append(tries, path.Join(path.Dir(from.Source.Path), ref))
	}
	clean := strings.Trim(path.Clean("/"+ref), "/")
	tries = append(tries, clean, strings.TrimSuffix(clean, path.Ext(clean)), path.Base(clean), strings.TrimSuffix(path.Base(clean), path.Ext(clean)))
	for _, k := range tries {
		if u, ok := r.refs[k]; ok {
			return u + frag, true
		}
	}
	return "", false
}

// bodyHTML renders b, a body of p or part of it, with its shortcodes
// and template actions expanded first; bodies without them go to
// BodyHTML as they are. The result is sanitized unless the site opted
// out with UnsafeHTML.
func (r *Renderer) bodyHTML(p *post.Post, b post.Body) (template.HTML, error) {
	return expandedHTML(r.body, p, b, r.expandOptions(), r.site.UnsafeHTML)
}

// expandedHTML is bodyHTML for any body renderer br and options.
func expandedHTML(br BodyRenderer, p *post.Post, b post.Body, opt markup.ExpandOptions, unsafeHTML bool) (template.HTML, error) {
	if !markup.NeedsExpand(b) {
		h, err := BodyHTML(br, b, unsafeHTML)
		return template.HTML(dropEmptyParagraphs(string(h))), err //nolint:gosec // h was trusted; only whole empty <p> elements are removed
	}
	e := markup.Expand(p, b, opt)
	var h string
	if _, def := br.(*DefaultBody); e.Final && def {
		// A block-editor body is HTML as the editor saved it: autop
		// would only add empty paragraphs around its blocks.
		h = e.Body.Text
	} else {
		out, err := BodyHTML(br, e.Body, unsafeHTML)
		if err != nil {
			return "", err
		}
		h = string(out)
	}
	h = e.Fill(h)
	if !unsafeHTML {
		h = Sanitize(h)
	}
	// After Sanitize, which ends a paragraph before a block put inside
	// it and so may leave one empty.
	return trustedHTML(dropEmptyParagraphs(h), true), nil
}

// expandedWordCount is p's word count read from its body with its
// shortcodes and template actions expanded (built-in handlers, no
// links resolved), as pages count it; WordCount of the raw body for a
// body without them.
func expandedWordCount(p *post.Post) int {
	if !markup.NeedsExpand(p.Body) {
		return p.WordCount()
	}
	h, err := expandedHTML(NewDefaultBody(false), p, p.Body, markup.ExpandOptions{}, false)
	if err != nil {
		return p.WordCount()
	}
	return (&post.Post{Body: post.Body{Format: post.HTML, Text: string(h)}}).WordCount()
}

// skipParagraphBlanks skips what shows as nothing in a paragraph:
// blanks, no-break spaces (as a character or &nbsp; / &#160;).
func skipParagraphBlanks(h string, j int) int {
	for j < len(h) {
		switch {
		case h[j] == ' ' || h[j] == '\n' || h[j] == '\t' || h[j] == '\r':
			j++
		case strings.HasPrefix(h[j:], "\u00a0"):
			j += len("\u00a0")
		case strings.HasPrefix(h[j:], "&nbsp;"):
			j += len("&nbsp;")
		case strings.HasPrefix(h[j:], "&#160;"):
			j += len("&#160;")
		default:
			return j
		}
	}
	return j
}

// dropEmptyParagraphs removes the paragraphs that hold nothing but
// blanks (no-break spaces included): what is left of a paragraph whose raw HTML the safe Markdown
// renderer omitted, or of a line that held only a shortcode with
// nothing to show. A reader sees nothing of them but a gap.
func dropEmptyParagraphs(h string) string {
	i := strings.Index(h, "<p>")
	if i < 0 {
		return h
	}
	var b strings.Builder
	last := 0
	for i >= 0 {
		j := skipParagraphBlanks(h, i+len("<p>"))
		if strings.HasPrefix(h[j:], "</p>") {
			if b.Len() == 0 {
				b.Grow(len(h))
			}
			b.WriteString(h[last:i])
			last = j + len("</p>")
			if last < len(h) && h[last] == '\n' {
				last++
			}
		}
		k := strings.Index(h[j:], "<p>")
		if k < 0 {
			break
		}
		i = j + k
	}
	if last == 0 {
		return h
	}
	b.WriteString(h[last:])
	return b.String()
}

// PostBody returns p's body as its page shows it, shortcodes and
// template actions expanded and sanitized, with its links as written
// (not yet made relative to a page): what a full-content feed shows.
// An error is the body renderer's.
func (r *Renderer) PostBody(p *post.Post) (template.HTML, error) {
	return r.bodyHTML(p, p.Body)
}

// expandedSummary is p's summary and word count when its body holds
// shortcodes or template actions and no explicit summary or
// <!--more--> divider says where the summary ends: the rendered body,
// cut by words. ok is false for the other posts, whose raw text
// post.Summarize and WordCount read as they are.
func (r *Renderer) expandedText(p *post.Post) (h template.HTML, words int, ok bool, err error) {
	if !markup.NeedsExpand(p.Body) {
		return "", 0, false, nil
	}
	if h, err = r.bodyHTML(p, p.Body); err != nil {
		return "", 0, true, err
	}
	cp := post.Post{Body: post.Body{Format: post.HTML, Text: string(h)}}
	return h, cp.WordCount(), true, nil
}
