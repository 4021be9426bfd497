package taxonomy

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/folio-go/folio/post"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// date parses "2006-01-02", "2006-01-02T15:04:05Z07:00" or "" (undated).
func date(t testing.TB, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d
		}
	}
	t.Fatalf("bad test date %q", s)
	return time.Time{}
}

// terms makes terms from "Name" or "Name>parent-slug" strings.
func terms(names ...string) []post.Term {
	var out []post.Term
	for _, n := range names {
		name, parent, _ := strings.Cut(n, ">")
		out = append(out, post.Term{Name: name, Slug: post.Slugify(name), Parent: parent})
	}
	return out
}

// mk makes a post with a source path named after its slug.
func mk(t testing.TB, slug, when string, cats, tags []string, authors ...string) *post.Post {
	p := &post.Post{
		Title:      strings.ToUpper(slug),
		Slug:       slug,
		Date:       date(t, when),
		Categories: terms(cats...),
		Tags:       terms(tags...),
		Source:     post.Source{Path: "posts/" + slug + ".md", Line: 1},
	}
	for _, a := range authors {
		p.Authors = append(p.Authors, post.Author{Name: a, Slug: post.Slugify(a)})
	}
	return p
}

func slugsOf(ps []*post.Post) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Slug
	}
	return out
}

func termSlugs(ts []*Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Slug
	}
	return out
}

// dump writes everything the index knows as text, for golden files.
func dump(idx *Index, err error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "posts: %s\n", strings.Join(slugsOf(idx.Posts()), " "))
	for _, name := range idx.Taxonomies() {
		tx := idx.Taxonomy(name)
		fmt.Fprintf(&b, "\n[%s] %d terms\n", name, tx.Len())
		for depth, t := range tx.Tree() {
			fmt.Fprintf(&b, "%s%s (%s) count=%d all=%d latest=%s posts=%s",
				strings.Repeat("  ", depth), t.Name, t.Slug, t.Count(), t.CountAll(),
				fmtDate(t.Latest()), strings.Join(slugsOf(t.Posts), ","))
			if len(t.Spellings) > 1 {
				fmt.Fprintf(&b, " spellings=%v", t.Spellings)
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "by name: %s\n", strings.Join(termSlugs(tx.ByName()), " "))
		fmt.Fprintf(&b, "by count: %s\n", strings.Join(termSlugs(tx.ByCount()), " "))
		fmt.Fprintf(&b, "by latest: %s\n", strings.Join(termSlugs(tx.ByLatest()), " "))
	}
	b.WriteString("\narchive:\n")
	for y := range idx.Years() {
		fmt.Fprintf(&b, "%s %d: %s\n", y, y.Count(), strings.Join(slugsOf(y.Posts), ","))
		for m := range y.Months() {
			fmt.Fprintf(&b, "  %s %d: %s\n", m, m.Count(), strings.Join(slugsOf(m.Posts), ","))
			for d := range m.Days() {
				fmt.Fprintf(&b, "    %s %d: %s\n", d, d.Count(), strings.Join(slugsOf(d.Posts), ","))
			}
		}
	}
	fmt.Fprintf(&b, "undated %d: %s\n", len(idx.Undated()), strings.Join(slugsOf(idx.Undated()), ","))
	b.WriteString("\nmerges:\n")
	for _, m := range idx.Merges() {
		fmt.Fprintf(&b, "%s %s %v\n", m.Taxonomy, m.Slug, m.Names)
	}
	b.WriteString("\nrenamed:\n")
	for _, r := range idx.Renamed() {
		fmt.Fprintf(&b, "%s:%d %q -> %q\n", r.Path, r.Line, r.Old, r.New)
	}
	b.WriteString("\nlinks and related:\n")
	for p := range idx.All() {
		fmt.Fprintf(&b, "%s newer=%s older=%s related=%s\n", p.Slug, slugOr(idx.Newer(p)), slugOr(idx.Older(p)),
			strings.Join(slugsOf(idx.Related(p, 3)), ","))
	}
	b.WriteString("\npages:\n")
	for _, pg := range Paginate(idx.Posts(), 3, "/", "/page/:num/") {
		fmt.Fprintf(&b, "%d/%d %s items=%s first=%s last=%s newer=%s older=%s\n", pg.Number, pg.Total, pg.Path,
			strings.Join(slugsOf(pg.Items), ","), pg.First, pg.Last, pg.Newer, pg.Older)
	}
	if top := idx.Tags.ByCount(); len(top) > 0 {
		t := top[0]
		for _, pg := range Paginate(t.Posts, 2, "/tags/"+t.Slug+"/", "/tags/"+t.Slug+"/page/:num/") {
			fmt.Fprintf(&b, "%d/%d %s items=%s\n", pg.Number, pg.Total, pg.Path, strings.Join(slugsOf(pg.Items), ","))
		}
		for _, p := range t.Posts {
			fmt.Fprintf(&b, "in %s: %s newer=%s older=%s\n", t.Slug, p.Slug, slugOr(t.Newer(p)), slugOr(t.Older(p)))
		}
	}
	b.WriteString("\nerrors:\n")
	if err != nil {
		fmt.Fprintf(&b, "%v\n", err)
	}
	return b.String()
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.RFC3339)
}

func slugOr(p *post.Post) string {
	if p == nil {
		return "-"
	}
	return p.Slug
}
