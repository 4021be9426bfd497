package taxonomy

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/folio-go/folio/post"
)

// buildTaxonomies files every post under its terms, then turns the drafts
// into taxonomies with names, hierarchy and orderings.
//
// Posts are read in input order, which is usually the order they sit in
// memory; reading them in date order costs a cache miss per post.
func (idx *Index) buildTaxonomies(ps []*post.Post, rankOf []int, opt Options, slugs map[string]string, errs *[]error) {
	cats, tags, auths := newPending(Categories), newPending(Tags), newPending(Authors)
	custom := map[string]*pending{}
	wanted := map[string]bool{}
	for _, name := range opt.Taxonomies {
		wanted[name] = true
		if name != Categories && name != Tags && name != Authors {
			custom[name] = newPending(name) // listed: present even when empty
		}
	}
	pick := func(name string) *pending {
		switch name {
		case Categories:
			return cats
		case Tags:
			return tags
		case Authors:
			return auths
		}
		if opt.Taxonomies != nil && !wanted[name] {
			return nil
		}
		pd := custom[name]
		if pd == nil {
			pd = newPending(name)
			custom[name] = pd
		}
		return pd
	}

	for in, p := range ps {
		r := rankOf[in]
		for _, t := range p.Categories {
			fileTerm(cats, r, p, t, slugs, errs)
		}
		for _, t := range p.Tags {
			fileTerm(tags, r, p, t, slugs, errs)
		}
		for _, a := range p.Authors {
			fileTerm(auths, r, p, post.Term{Name: a.Name, Slug: a.Slug}, slugs, errs)
		}
		for _, name := range sortedKeys(p.Taxonomies) {
			pd := pick(name)
			if pd == nil {
				continue
			}
			for _, t := range p.Taxonomies[name] {
				fileTerm(pd, r, p, t, slugs, errs)
			}
		}
	}

	for _, pd := range []*pending{cats, tags, auths} {
		declare(pd, opt.Terms[pd.name], slugs)
	}
	idx.Categories = idx.finish(cats, slugs, errs)
	idx.Tags = idx.finish(tags, slugs, errs)
	idx.Authors = idx.finish(auths, slugs, errs)
	idx.names = []string{Categories, Tags, Authors}
	for _, name := range sortedKeys(custom) {
		declare(custom[name], opt.Terms[name], slugs)
		idx.custom[name] = idx.finish(custom[name], slugs, errs)
		idx.names = append(idx.names, name)
	}
	idx.linkPosts()
	for _, name := range idx.names {
		for _, t := range idx.Taxonomy(name).slugs {
			if len(t.Spellings) > 1 {
				idx.merges = append(idx.merges, Merge{Taxonomy: name, Slug: t.Slug, Names: t.Spellings})
			}
		}
	}
}

// linkPosts sets postTerms, the inverse of each term's posts, carving every
// post's list out of one array rather than growing 100,000 small slices.
func (idx *Index) linkPosts() {
	count := make([]int, len(idx.posts))
	total := 0
	for _, t := range idx.terms() {
		for _, r := range t.ranks {
			count[r]++
		}
		total += len(t.ranks)
	}
	flat := make([]*Term, total)
	idx.postTerms = make([][]*Term, len(idx.posts))
	for r, n := range count {
		idx.postTerms[r], flat = flat[:0:n], flat[n:]
	}
	for _, t := range idx.terms() {
		for _, r := range t.ranks {
			idx.postTerms[r] = append(idx.postTerms[r], t)
		}
	}
}

// terms returns every term of every taxonomy, taxonomies in the order of
// names, terms by slug.
func (idx *Index) terms() []*Term {
	var out []*Term
	for _, name := range idx.names {
		out = append(out, idx.Taxonomy(name).slugs...)
	}
	return out
}

// fileTerm files post p (of rank r) under term t of pd.
func fileTerm(pd *pending, r int, p *post.Post, t post.Term, slugs map[string]string, errs *[]error) {
	s := t.Slug
	if s == "" {
		s = slugOf(t.Name, slugs)
	}
	if s == "" {
		*errs = append(*errs, fmt.Errorf("taxonomy: %s: %s: %w", where(p), pd.name, ErrEmptyTerm))
		return
	}
	pd.add(r, s, strings.TrimSpace(t.Name), strings.TrimSpace(t.Parent))
}

// slugOf slugifies name once per distinct name; "" for a blank name.
func slugOf(name string, slugs map[string]string) string {
	if strings.TrimSpace(name) == "" {
		return ""
	}
	s, ok := slugs[name]
	if !ok {
		s = post.Slugify(name)
		slugs[name] = s
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// declare applies the declared terms of Options.Terms to pd: a term no
// post gives a parent takes its declared one, and each declared ancestor
// of a term with posts joins pd, with no posts of its own.
func declare(pd *pending, declared []post.Term, slugs map[string]string) {
	if len(declared) == 0 {
		return
	}
	decl := map[string]post.Term{}
	for _, t := range declared {
		s := t.Slug
		if s == "" {
			s = slugOf(t.Name, slugs)
		}
		if _, dup := decl[s]; !dup && s != "" {
			decl[s] = t
		}
	}
	lookup := func(raw string) (string, post.Term, bool) {
		if t, ok := decl[raw]; ok {
			return raw, t, true
		}
		s := slugOf(raw, slugs)
		t, ok := decl[s]
		return s, t, ok
	}
	var queue []*draft
	for _, s := range sortedKeys(pd.terms) {
		queue = append(queue, pd.terms[s])
	}
	for len(queue) > 0 {
		d := queue[0]
		queue = queue[1:]
		if len(d.parents) == 0 {
			if t, ok := decl[d.slug]; ok && t.Parent != "" {
				d.parents = map[string]int{t.Parent: 1}
			}
		}
		for _, raw := range sortedKeys(d.parents) {
			if pd.terms[raw] != nil || pd.terms[slugOf(raw, slugs)] != nil {
				continue
			}
			s, t, ok := lookup(raw)
			if !ok {
				continue // reported as missing by linkParents
			}
			a := &draft{slug: s}
			if name := strings.TrimSpace(t.Name); name != "" {
				a.names = []Spelling{{Name: name}}
			}
			pd.terms[s] = a
			queue = append(queue, a)
		}
	}
}

// finish turns drafts into a Taxonomy.
func (idx *Index) finish(pd *pending, slugs map[string]string, errs *[]error) *Taxonomy {
	tx := &Taxonomy{Name: pd.name, bySlug: make(map[string]*Term, len(pd.terms))}
	drafts := make([]*draft, 0, len(pd.terms))
	for _, d := range pd.terms {
		drafts = append(drafts, d)
	}
	slices.SortFunc(drafts, func(a, b *draft) int { return strings.Compare(a.slug, b.slug) })

	terms := make([]*Term, len(drafts))
	for i, d := range drafts {
		if !slices.IsSorted(d.ranks) { // already sorted when posts come in date order
			slices.Sort(d.ranks)
		}
		d.ranks = slices.Compact(d.ranks)
		t := &Term{Taxonomy: pd.name, Slug: d.slug, Spellings: d.spellings(), ranks: d.ranks, rank: idx.rank, first: math.MaxInt}
		if len(d.ranks) > 0 {
			t.first = d.ranks[0]
		}
		t.Name = d.slug // a term written only by slug is named by it
		if len(t.Spellings) > 0 {
			t.Name = t.Spellings[0].Name
		}
		if len(t.Spellings) == 1 && t.Spellings[0].Count == 0 {
			t.Spellings = nil // a declared ancestor: named, but never written on a post
		}
		t.key = strings.ToLower(t.Name)
		t.Posts = make([]*post.Post, len(d.ranks))
		for j, r := range d.ranks {
			t.Posts[j] = idx.posts[r]
		}
		terms[i] = t
		tx.bySlug[d.slug] = t
	}

	tx.slugs = terms
	linkParents(tx, drafts, terms, slugs, errs)
	breakCycles(tx, terms, errs)
	for _, t := range terms {
		if t.Parent != nil {
			t.Parent.Children = append(t.Parent.Children, t)
		} else {
			tx.roots = append(tx.roots, t)
		}
	}
	for _, t := range terms {
		slices.SortFunc(t.Children, byNameOrder)
	}
	slices.SortFunc(tx.roots, byNameOrder)
	for _, r := range tx.roots {
		collectAll(r, idx.posts)
	}

	tx.byName = slices.Clone(terms)
	slices.SortFunc(tx.byName, byNameOrder)
	tx.byCount = slices.Clone(tx.byName)
	slices.SortStableFunc(tx.byCount, func(a, b *Term) int { return cmp.Compare(len(b.Posts), len(a.Posts)) })
	tx.byLatest = slices.Clone(tx.byName)
	slices.SortStableFunc(tx.byLatest, func(a, b *Term) int { return cmp.Compare(a.first, b.first) })
	return tx
}

// linkParents sets each term's Parent from the parents its posts gave it.
// A parent is looked up as a slug, then by the slug of it as a name.
func linkParents(tx *Taxonomy, drafts []*draft, terms []*Term, slugs map[string]string, errs *[]error) {
	for i, d := range drafts {
		if len(d.parents) == 0 {
			continue
		}
		counts := map[*Term]int{}
		var missing []string
		for _, raw := range sortedKeys(d.parents) {
			p := tx.bySlug[raw]
			if p == nil {
				p = tx.bySlug[slugOf(raw, slugs)]
			}
			if p == nil {
				missing = append(missing, raw)
				continue
			}
			counts[p] += d.parents[raw]
		}
		for _, m := range missing {
			*errs = append(*errs, fmt.Errorf("taxonomy: %s: %q has parent %q: %w", tx.Name, d.slug, m, ErrMissingParent))
		}
		if len(counts) == 0 {
			continue
		}
		cands := make([]*Term, 0, len(counts))
		for p := range counts {
			cands = append(cands, p)
		}
		slices.SortFunc(cands, func(a, b *Term) int {
			return cmp.Or(cmp.Compare(counts[b], counts[a]), strings.Compare(a.Slug, b.Slug))
		})
		terms[i].Parent = cands[0]
		if len(cands) > 1 {
			names := make([]string, len(cands))
			for j, c := range cands {
				names[j] = fmt.Sprintf("%q", c.Slug)
			}
			*errs = append(*errs, fmt.Errorf("taxonomy: %s: %q has parents %s; using %q: %w",
				tx.Name, d.slug, strings.Join(names, ", "), cands[0].Slug, ErrParentConflict))
		}
	}
}

// breakCycles finds every cycle of parents and makes the term of the cycle
// with the smallest slug top-level. terms is sorted by slug, so the result
// does not depend on map order. Each term is walked once: linear time.
func breakCycles(tx *Taxonomy, terms []*Term, errs *[]error) {
	const (
		unseen = iota
		onPath
		done
	)
	state := make(map[*Term]int, len(terms))
	for _, start := range terms {
		var path []*Term
		t := start
		for t != nil && state[t] == unseen {
			state[t] = onPath
			path = append(path, t)
			t = t.Parent
		}
		if t != nil && state[t] == onPath {
			cycle := path[slices.Index(path, t):]
			least := slices.MinFunc(cycle, func(a, b *Term) int { return strings.Compare(a.Slug, b.Slug) })
			names := make([]string, 0, len(cycle)+1)
			for _, c := range cycle {
				names = append(names, c.Slug)
			}
			names = append(names, cycle[0].Slug)
			*errs = append(*errs, fmt.Errorf("taxonomy: %s: %s; %q made top-level: %w",
				tx.Name, strings.Join(names, " -> "), least.Slug, ErrCycle))
			least.Parent = nil
		}
		for _, p := range path {
			state[p] = done
		}
	}
}

// collectAll sets t.all (and its descendants') to the union of the posts
// under t and below it, in index order.
func collectAll(t *Term, posts []*post.Post) []int {
	if len(t.Children) == 0 {
		t.all = t.Posts
		return t.ranks
	}
	ranks := t.ranks
	for _, c := range t.Children {
		ranks = union(ranks, collectAll(c, posts))
	}
	t.all = make([]*post.Post, len(ranks))
	for i, r := range ranks {
		t.all[i] = posts[r]
	}
	return ranks
}

// union merges two ascending lists of ranks into a new one without
// repeats.
func union(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}
