package render

import (
	"html/template"
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

// resolveRef finds the permalink of the post ref names, for a call in
// from's body (see markup.NewResolver), once the index is read.
func (r *Renderer) resolveRef(ref string, from *post.Post) (string, bool) {
	r.refsOnce.Do(func() { r.refs = markup.NewResolver(r.idx.Posts(), r.site.PostURL) })
	return r.refs(ref, from)
}

// expandedText is p's rendered body and word count when its body holds
// shortcodes or template actions and no explicit summary or
// <!--more--> divider says where the summary ends: the rendered body,
// cut by words. ok is false for the other posts, whose raw text
// post.Summarize and WordCount read as they are.
func (r *Renderer) expandedText(p *post.Post) (h template.HTML, words int, ok bool, err error) {
	b, _ := r.guardedBody(p) // past the limits: plain text, nothing to expand
	if !markup.NeedsExpand(b) {
		return "", 0, false, nil
	}
	if h, err = r.bodyHTML(p, b); err != nil {
		return "", 0, true, err
	}
	cp := post.Post{Body: post.Body{Format: post.HTML, Text: string(h)}}
	return h, cp.WordCount(), true, nil
}
