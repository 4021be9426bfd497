package taxonomy

import (
	"strconv"
	"strings"
)

// Page is one page of a paginated list.
type Page[T any] struct {
	// Number is the page's number, from 1.
	Number int
	// Total is how many pages the list has; at least 1.
	Total int
	// Items are the page's share of the list, in the list's order.
	Items []T
	// Offset is the position in the whole list of Items[0].
	Offset int
	// Path is where the page is published; see Paginate.
	Path string
	// First and Last are the paths of pages 1 and Total.
	First, Last string
	// Newer is the path of page Number-1 and Older of page Number+1 (a list
	// newest first reads from page 1 to older pages); empty when there is
	// no such page.
	Newer, Older string
}

// Paginate splits items into pages of size items each; size 0 or less
// puts everything on one page, and an empty list has one empty page. Page
// 1 is published at first, page n at pattern with ":num" replaced by n (or
// with n appended when pattern has no ":num"). An empty first uses pattern
// for page 1 too. So a blog's home pages are
//
//	Paginate(idx.Posts(), 10, "/", "/page/:num/")
//
// giving "/", "/page/2/", "/page/3/", .... Pages share the items' backing
// array: modifying one modifies the other.
func Paginate[T any](items []T, size int, first, pattern string) []Page[T] {
	if size <= 0 || size > len(items) {
		size = max(len(items), 1)
	}
	total := max((len(items)+size-1)/size, 1)
	path := func(n int) string {
		if n == 1 && first != "" {
			return first
		}
		num := strconv.Itoa(n)
		if !strings.Contains(pattern, ":num") {
			return pattern + num
		}
		return strings.ReplaceAll(pattern, ":num", num)
	}
	pages := make([]Page[T], total)
	for i := range pages {
		lo, hi := i*size, min((i+1)*size, len(items))
		pg := Page[T]{
			Number: i + 1, Total: total,
			Items: items[lo:hi:hi], Offset: lo,
			Path: path(i + 1), First: path(1), Last: path(total),
		}
		if i > 0 {
			pg.Newer = path(i)
		}
		if i+1 < total {
			pg.Older = path(i + 2)
		}
		pages[i] = pg
	}
	return pages
}
