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

// expandedWordCount is p's word count read from its body with its
// shortcodes and template actions expanded by the built-in handlers (no
// links resolved), as pages count it.
func expandedWordCount(p *post.Post) int {
	if !markup.NeedsExpand(p.Body) {
		return p.WordCount()
	}
	h, err := markup.New(markup.Options{}).PostHTML(p, p.Body)
	if err != nil {
		return p.WordCount()
	}
	return (&post.Post{Body: post.Body{Format: post.HTML, Text: string(h)}}).WordCount()
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
