package render

import (
	"unicode/utf8"

	"github.com/folio-go/folio/post"
)

// guardedBody is p's body as PageOptions.Limits let it be rendered: the
// body itself, or its text as plain paragraphs when it is past a limit
// (past reports which), in which case PageOptions.Warn is told, once per
// post of the index. The check takes time linear in the body, and is
// made once per post.
func (r *Renderer) guardedBody(p *post.Post) (b post.Body, past bool) {
	c := r.posts[p]
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

// maxSummaryBytes bounds a summary, which every list showing its post
// repeats: post.Summarize keeps a first paragraph of fewer words than
// the summary's length whole, and a paragraph of one 10 MB word (10 MB of
// `<`) has one. Real summaries are a few hundred bytes.
const maxSummaryBytes = 16 << 10

// clippedSummary is the start of a summary too long to keep, as plain
// text cut at a character boundary: cut anywhere, Markdown or HTML could
// be left in any state, and a reader still learns what the post is.
func clippedSummary(text string) post.Body {
	cut := maxSummaryBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return post.Body{Format: post.Text, Text: text[:cut] + "…"}
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
