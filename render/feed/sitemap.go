package feed

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
)

// The limits sitemaps.org sets for one sitemap file (and one index file).
const (
	SitemapMaxURLs  = 50_000
	SitemapMaxBytes = 50 * 1024 * 1024 // uncompressed
)

// sitemapMaxLoc is the longest URL sitemaps.org allows.
const sitemapMaxLoc = 2048

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// SitemapURL is one page listed in a sitemap.
type SitemapURL struct {
	// Loc is the page's absolute http or https URL.
	Loc string
	// LastMod is when the page last changed; zero leaves lastmod out.
	LastMod time.Time
}

// SitemapOptions says how Sitemaps splits and names its files. The zero
// value follows sitemaps.org, but BaseURL is required.
type SitemapOptions struct {
	// BaseURL is the absolute URL of the folder the sitemap files are
	// served from ("https://example.com/"); the index lists the sitemaps
	// under it.
	BaseURL string
	// MaxURLs and MaxBytes bound one sitemap file; 0 means the
	// sitemaps.org limits, SitemapMaxURLs and SitemapMaxBytes. Larger
	// values are lowered to those limits.
	MaxURLs  int
	MaxBytes int
}

// Sitemap writes urls as one sitemaps.org sitemap to w: a <url> with <loc>
// and, when known, <lastmod> (W3C datetime) for each, sorted by Loc, with a
// Loc given twice listed once (with the later LastMod).
//
// Sitemap reports an error, writing nothing, when a Loc is not an absolute
// http or https URL, is longer than 2,048 characters, or a LastMod is
// outside years 1–9999, and when there are more URLs or bytes than one
// sitemap may hold (use Sitemaps to split them); otherwise it returns the
// error of w.
func Sitemap(w io.Writer, urls []SitemapURL) error {
	clean, err := sitemapURLs(urls)
	if err != nil {
		return err
	}
	if len(clean) > SitemapMaxURLs {
		return fmt.Errorf("feed: sitemap: %d URLs, more than one sitemap may hold (%d)", len(clean), SitemapMaxURLs)
	}
	x := sitemapFile(clean, "urlset", "url")
	if x.b.Len() > SitemapMaxBytes {
		return fmt.Errorf("feed: sitemap: %d bytes, more than one sitemap may hold (%d)", x.b.Len(), SitemapMaxBytes)
	}
	return x.writeTo(w)
}

// Sitemaps writes urls as sitemaps.org sitemaps through create, which opens
// the named file for writing; Sitemaps closes it. When urls fit one file it
// writes just "sitemap.xml". Otherwise it splits them, sorted by Loc, into
// "sitemap-1.xml", "sitemap-2.xml", ..., each within the limits of opts,
// and writes "sitemap.xml" as the sitemap index listing them under
// opts.BaseURL, each with the newest LastMod of its URLs. It returns the
// names it wrote, the index last.
//
// Sitemaps reports the errors Sitemap does, an error when opts.BaseURL is
// not an absolute URL or the index itself would pass the limits, and the
// first error of create, a write or a close.
func Sitemaps(urls []SitemapURL, opts SitemapOptions, create func(name string) (io.WriteCloser, error)) ([]string, error) {
	base, err := url.Parse(strings.TrimSpace(opts.BaseURL))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("feed: sitemap: BaseURL %q is not an absolute URL", opts.BaseURL)
	}
	if !strings.HasSuffix(base.Path, "/") {
		base.Path += "/" // sitemaps sit in the folder, not beside it
	}
	clean, err := sitemapURLs(urls)
	if err != nil {
		return nil, err
	}
	files := splitSitemap(clean, opts)
	if len(files) == 1 {
		return []string{"sitemap.xml"}, sitemapWrite(create, "sitemap.xml", files[0].x)
	}
	if len(files) > SitemapMaxURLs {
		return nil, fmt.Errorf("feed: sitemap: %d sitemaps, more than an index may list (%d)", len(files), SitemapMaxURLs)
	}
	var names []string
	var index []SitemapURL
	for i, f := range files {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		if err := sitemapWrite(create, name, f.x); err != nil {
			return names, err
		}
		names = append(names, name)
		index = append(index, SitemapURL{Loc: base.ResolveReference(&url.URL{Path: name}).String(), LastMod: f.lastMod})
	}
	x := sitemapFile(index, "sitemapindex", "sitemap")
	if x.b.Len() > SitemapMaxBytes {
		return names, errors.New("feed: sitemap: the sitemap index passes the 50 MB limit")
	}
	if err := sitemapWrite(create, "sitemap.xml", x); err != nil {
		return names, err
	}
	return append(names, "sitemap.xml"), nil
}

// sitemapURLs checks and normalizes urls, sorts them by Loc and merges
// duplicates, returning a new slice.
func sitemapURLs(urls []SitemapURL) ([]SitemapURL, error) {
	out := make([]SitemapURL, 0, len(urls))
	for _, u := range urls {
		loc, err := sitemapLoc(u.Loc)
		if err != nil {
			return nil, err
		}
		if !u.LastMod.IsZero() {
			if err := checkFeedYear(u.LastMod); err != nil {
				return nil, fmt.Errorf("feed: sitemap: %s: lastmod: %w", loc, err)
			}
		}
		out = append(out, SitemapURL{Loc: loc, LastMod: u.LastMod})
	}
	slices.SortStableFunc(out, func(a, b SitemapURL) int {
		if c := cmp.Compare(a.Loc, b.Loc); c != 0 {
			return c
		}
		return b.LastMod.Compare(a.LastMod) // newest first, so it is kept
	})
	return slices.CompactFunc(out, func(a, b SitemapURL) bool { return a.Loc == b.Loc }), nil
}

// sitemapLoc checks one Loc and returns it escaped as sitemaps.org asks:
// percent-encoded where URLs need it (the XML writer adds entity escaping).
func sitemapLoc(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("feed: sitemap: loc %q: %w", raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("feed: sitemap: loc %q is not an absolute http(s) URL", raw)
	}
	loc := u.String()
	if loc != xmlSafe(loc) {
		return "", fmt.Errorf("feed: sitemap: loc %q holds characters XML cannot carry", raw)
	}
	if len(loc) > sitemapMaxLoc {
		return "", fmt.Errorf("feed: sitemap: loc %.40q... is %d characters long, more than %d", loc, len(loc), sitemapMaxLoc)
	}
	return loc, nil
}

// sitemapPart is one sitemap file of a split, written into x.
type sitemapPart struct {
	x       *xmlWriter
	lastMod time.Time
}

// splitSitemap cuts sorted URLs into files within opts's limits. There is
// always at least one file, possibly empty.
func splitSitemap(urls []SitemapURL, opts SitemapOptions) []sitemapPart {
	maxURLs, maxBytes := opts.MaxURLs, opts.MaxBytes
	if maxURLs <= 0 || maxURLs > SitemapMaxURLs {
		maxURLs = SitemapMaxURLs
	}
	if maxBytes <= 0 || maxBytes > SitemapMaxBytes {
		maxBytes = SitemapMaxBytes
	}
	var parts []sitemapPart
	var cur *sitemapPart
	n := 0
	one := &xmlWriter{} // each entry alone, to measure it before adding it
	for _, u := range urls {
		one.b.Reset()
		one.depth = 1
		sitemapEntry(one, "url", u)
		full := n > 0 && cur.x.b.Len()+one.b.Len()+len("</urlset>\n") > maxBytes
		if cur == nil || n == maxURLs || full {
			if cur != nil {
				cur.x.close("urlset")
			}
			parts = append(parts, sitemapPart{x: sitemapOpen("urlset")})
			cur, n = &parts[len(parts)-1], 0
		}
		cur.x.b.Write(one.b.Bytes())
		n++
		if u.LastMod.After(cur.lastMod) {
			cur.lastMod = u.LastMod
		}
	}
	if cur == nil {
		parts = append(parts, sitemapPart{x: sitemapOpen("urlset")})
		cur = &parts[0]
	}
	cur.x.close("urlset")
	return parts
}

// sitemapFile writes a whole urlset or sitemapindex.
func sitemapFile(urls []SitemapURL, root, elem string) *xmlWriter {
	x := sitemapOpen(root)
	for _, u := range urls {
		sitemapEntry(x, elem, u)
	}
	x.close(root)
	return x
}

func sitemapOpen(root string) *xmlWriter {
	x := newXMLWriter()
	x.open(root, "xmlns", sitemapNS)
	return x
}

func sitemapEntry(x *xmlWriter, elem string, u SitemapURL) {
	x.open(elem)
	x.elem("loc", u.Loc)
	if !u.LastMod.IsZero() {
		x.elem("lastmod", w3cTime(u.LastMod))
	}
	x.close(elem)
}

// sitemapWrite writes x to a file create opens, and closes it.
func sitemapWrite(create func(string) (io.WriteCloser, error), name string, x *xmlWriter) error {
	w, err := create(name)
	if err != nil {
		return fmt.Errorf("feed: sitemap: %s: %w", name, err)
	}
	werr := x.writeTo(w)
	cerr := w.Close()
	if err := cmp.Or(werr, cerr); err != nil {
		return fmt.Errorf("feed: sitemap: %s: %w", name, err)
	}
	return nil
}
