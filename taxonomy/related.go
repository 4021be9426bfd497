package taxonomy

import (
	"slices"

	"github.com/folio-go/folio/post"
)

// TermsOf returns the terms of the named taxonomy that p is filed under,
// ordered by slug; nil when p is not indexed or has none.
func (idx *Index) TermsOf(p *post.Post, taxonomy string) []*Term {
	r, ok := idx.rank[p]
	if !ok {
		return nil
	}
	var out []*Term
	for _, t := range idx.postTerms[r] {
		if t.Taxonomy == taxonomy {
			out = append(out, t)
		}
	}
	return out
}

// Related returns up to n other posts that share the most terms with p,
// best first. Each shared term adds its taxonomy's weight (Options.Weights,
// DefaultWeights by default) to a post's score; posts scoring 0 are not
// related. Ties go to the post earlier in the index's order (newer first,
// then by slug). p itself is never returned. Nil when p is not indexed or
// n is 0 or less.
//
// Related works from the index alone (an inverted index from term to
// posts), so a call costs about the number of posts sharing a term with p,
// capped per term by Options.MaxFanout: for a term with more posts only
// those nearest p in date order are considered.
func (idx *Index) Related(p *post.Post, n int) []*post.Post {
	r, ok := idx.rank[p]
	if !ok || n <= 0 {
		return nil
	}
	buf := idx.scores.Get().(*scoreBuf)
	defer idx.scores.Put(buf)
	if len(buf.score) < len(idx.posts) {
		buf.score = make([]float64, len(idx.posts))
	}
	for _, t := range idx.postTerms[r] {
		w := idx.weights[t.Taxonomy]
		if w <= 0 {
			continue
		}
		for _, q := range idx.window(t, r) {
			if q == r {
				continue
			}
			if buf.score[q] == 0 {
				buf.touched = append(buf.touched, q)
			}
			buf.score[q] += w
		}
	}
	top := best(buf, n)
	buf.touched = buf.touched[:0]
	out := make([]*post.Post, len(top))
	for i, c := range top {
		out[i] = idx.posts[c.rank]
	}
	return out
}

// scored is a candidate of Related.
type scored struct {
	rank  int
	score float64
}

// better orders candidates: higher score, then earlier in the index.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.rank < b.rank
}

// best returns the n best candidates in buf, best first, and clears
// their scores. For the usual small n it keeps a sorted top list rather
// than sorting thousands of candidates.
func best(buf *scoreBuf, n int) []scored {
	var top []scored
	for _, q := range buf.touched {
		c := scored{q, buf.score[q]}
		buf.score[q] = 0 // leave the buffer clean for the next call
		if len(top) == n && !better(c, top[n-1]) {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, c, func(e, t scored) int {
			if better(e, t) {
				return -1
			}
			return 1
		})
		if len(top) == n {
			top = top[:n-1]
		}
		top = slices.Insert(top, i, c)
	}
	return top
}

// scoreBuf is Related's scratch space: a score per rank and the ranks
// given one. Buffers live in a sync.Pool, so concurrent calls never share
// one, and a call costs no allocation the size of the index.
type scoreBuf struct {
	score   []float64
	touched []int
}

// window returns the ranks of t's posts that Related scans for the post
// of rank r: all of them, or the MaxFanout nearest r.
func (idx *Index) window(t *Term, r int) []int {
	if len(t.ranks) <= idx.fanout {
		return t.ranks
	}
	i, _ := slices.BinarySearch(t.ranks, r)
	lo := max(i-idx.fanout/2, 0)
	hi := min(lo+idx.fanout, len(t.ranks))
	lo = max(hi-idx.fanout, 0)
	return t.ranks[lo:hi]
}
