package render

import "github.com/folio-go/folio/post"

// guardedBody is p's body as PageOptions.Limits let it be rendered: the
// body itself, or its text as plain paragraphs when it is past a limit
// (past reports which), in which case PageOptions.Warn is told, once per
// post of the index. The check takes time linear in the body, and is
// made once per post.
func (r *Renderer) guardedBody(p *post.Post) (b post.Body, past bool) {
	c := r.cacheOf(p)
	if c == nil {
		b, err := r.opt.Limits.Guard(p.Body)
		if err != nil {
			r.warnLimit(p, err)
		}
		return b, err != nil
	}
	c.guardOnce.Do(func() {
		var err error
		c.guarded, err = r.opt.Limits.Guard(p.Body)
		c.past = err != nil
		if err != nil {
			r.warnLimit(p, err)
		}
	})
	return c.guarded, c.past
}

func (r *Renderer) warnLimit(p *post.Post, err error) {
	if r.opt.Warn == nil {
		return
	}
	r.opt.Warn(post.Warning{
		Path: p.Source.Path, Line: p.Source.Line, Kind: "body past a limit",
		Message: "render: " + err.Error() + "; its text is shown as plain paragraphs",
	})
}

// PastLimits reports whether p's body is past PageOptions.Limits, so that
// its page shows it as plain paragraphs. A feed that carries whole posts
// can carry such a post's summary instead, to stay small.
func (r *Renderer) PastLimits(p *post.Post) bool {
	_, past := r.guardedBody(p)
	return past
}

// wordCount counts the words of what p's page shows: a body past the
// limits may be cut, and its words are read as plain text.
func (r *Renderer) wordCount(p *post.Post) int {
	b, past := r.guardedBody(p)
	if !past {
		return p.WordCount()
	}
	q := *p
	q.Body = b
	return q.WordCount()
}
