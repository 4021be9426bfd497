package taxonomy

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/folio-go/folio/post"
)

// Period is a year, a month or a day of the date archive, with its posts.
// Build makes it; callers must not modify it.
type Period struct {
	Year int
	// Month is 0 for a year.
	Month time.Month
	// Day is 0 for a year or a month.
	Day int
	// Posts are the posts dated in the period, in the index's order (newest
	// first).
	Posts []*post.Post
	// Children are the months of a year or the days of a month, newest
	// first; nil for a day.
	Children []*Period
}

// Count is the number of posts in the period.
func (p *Period) Count() int { return len(p.Posts) }

// String names the period: "2017", "2017-03" or "2017-03-04".
func (p *Period) String() string {
	switch {
	case p.Month == 0:
		return fmt.Sprintf("%04d", p.Year)
	case p.Day == 0:
		return fmt.Sprintf("%04d-%02d", p.Year, int(p.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.Year, int(p.Month), p.Day)
}

// Months yields the months of a year, newest first; nothing for a month or
// a day.
func (p *Period) Months() iter.Seq[*Period] {
	return func(yield func(*Period) bool) {
		if p.Month != 0 {
			return
		}
		for _, m := range p.Children {
			if !yield(m) {
				return
			}
		}
	}
}

// Days yields the days of a year or a month, newest first; a day yields
// nothing.
func (p *Period) Days() iter.Seq[*Period] {
	return func(yield func(*Period) bool) {
		switch {
		case p.Day != 0:
			return
		case p.Month != 0:
			for _, d := range p.Children {
				if !yield(d) {
					return
				}
			}
			return
		}
		for _, m := range p.Children {
			for _, d := range m.Children {
				if !yield(d) {
					return
				}
			}
		}
	}
}

// Years yields every year that has a post, newest first.
func (idx *Index) Years() iter.Seq[*Period] { return slices.Values(idx.years) }

// Months yields every month that has a post, newest first.
func (idx *Index) Months() iter.Seq[*Period] { return slices.Values(idx.months) }

// Days yields every day that has a post, newest first.
func (idx *Index) Days() iter.Seq[*Period] { return slices.Values(idx.days) }

// Archive returns every year that has a post, newest first; each holds its
// months and they their days.
func (idx *Index) Archive() []*Period { return idx.years }

// Year returns the year y, or nil when no post is dated in it.
func (idx *Index) Year(y int) *Period { return idx.byKey[periodKey(y, 0, 0)] }

// Month returns month m of year y, or nil when no post is dated in it or m
// is not 1 to 12.
func (idx *Index) Month(y int, m time.Month) *Period {
	if m < 1 || m > 12 {
		return nil
	}
	return idx.byKey[periodKey(y, m, 0)]
}

// Day returns day d of month m of year y, or nil when no post is dated on
// it or the month or day is out of range.
func (idx *Index) Day(y int, m time.Month, d int) *Period {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return nil
	}
	return idx.byKey[periodKey(y, m, d)]
}

// Undated returns the posts without a date, in the index's order (by
// slug, then source path and line). They are in no period.
func (idx *Index) Undated() []*post.Post { return idx.undated }

// periodOf returns the year, month and day under which the index files p:
// its date as written, or in Options.Location when one was given; ok is
// false for an undated post.
func periodOf(p *post.Post, loc *time.Location) (y int, m time.Month, d int, ok bool) {
	if p.Date.IsZero() {
		return 0, 0, 0, false
	}
	t := p.Date
	if loc != nil {
		t = t.In(loc)
	}
	y, m, d = t.Date()
	return y, m, d, true
}

// periodKey packs a period in one int; years may be negative or past 9999,
// so the year is scaled rather than formatted.
func periodKey(y int, m time.Month, d int) int { return y*10000 + int(m)*100 + d }

// buildArchive files every dated post under its year, month and day. es
// is in the index's order, so each period's posts are too; a post's period
// follows its own zone (or Options.Location), not the instant, so period
// order is sorted explicitly afterwards.
func (idx *Index) buildArchive(es []entry) {
	idx.byKey = map[int]*Period{}
	get := func(y int, m time.Month, d int, list *[]*Period) *Period {
		k := periodKey(y, m, d)
		p := idx.byKey[k]
		if p == nil {
			p = &Period{Year: y, Month: m, Day: d}
			idx.byKey[k] = p
			*list = append(*list, p)
		}
		return p
	}
	for _, e := range es {
		if !e.dated {
			idx.undated = append(idx.undated, e.p)
			continue
		}
		for _, pd := range []*Period{get(e.y, 0, 0, &idx.years), get(e.y, e.m, 0, &idx.months), get(e.y, e.m, e.d, &idx.days)} {
			pd.Posts = append(pd.Posts, e.p)
		}
	}
	newest := func(a, b *Period) int {
		return cmp.Compare(periodKey(b.Year, b.Month, b.Day), periodKey(a.Year, a.Month, a.Day))
	}
	for _, list := range [][]*Period{idx.years, idx.months, idx.days} {
		slices.SortFunc(list, newest)
	}
	for _, mp := range idx.months {
		yp := idx.byKey[periodKey(mp.Year, 0, 0)]
		yp.Children = append(yp.Children, mp)
	}
	for _, dp := range idx.days {
		mp := idx.byKey[periodKey(dp.Year, dp.Month, 0)]
		mp.Children = append(mp.Children, dp)
	}
}
