package taxonomy

import (
	"cmp"
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
	scores := map[int]float64{}
	for _, t := range idx.postTerms[r] {
		w := idx.weights[t.Taxonomy]
		if w <= 0 {
			continue
		}
		for _, q := range idx.window(t, r) {
			if q != r {
				scores[q] += w
			}
		}
	}
	type scored struct {
		rank  int
		score float64
	}
	cands := make([]scored, 0, len(scores))
	for q, s := range scores {
		cands = append(cands, scored{q, s})
	}
	slices.SortFunc(cands, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.rank, b.rank))
	})
	out := make([]*post.Post, 0, min(n, len(cands)))
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, idx.posts[c.rank])
	}
	return out
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
