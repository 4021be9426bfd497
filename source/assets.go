package source

import (
	"context"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/folio-go/folio/post"
)

// WarnMissingFile is the post.Warning.Kind of a body link to a local file
// that is not in the loaded tree.
const WarnMissingFile = "missing file"

// FindAssets fills the Assets of posts loaded from root in fsys with the
// files that belong to them, without reading those files:
//
//   - every file a body links to by a relative path ("harbour.jpg",
//     "../img/a.png", resolved against the post's folder) or a site path
//     ("/assets/map.png", resolved against root) that exists under root,
//     with Link as the body wrote it; Markdown links and images,
//     reference definitions, HTML src, href, poster and srcset
//     attributes, Hugo shortcode arguments, the Go blog's {{image}},
//     {{video}} and .image actions, and Liquid's "/path" | relative_url
//     are read;
//   - every other file of a page bundle (a post named index.* and the
//     files in its folder and below), and of a figure folder (the
//     folder named like a Markdown post's file beside it, as the Go
//     blog keeps "pipelines/" beside "pipelines.md"), with an empty
//     Link.
//
// Files Load would read as posts, hidden files and links with a scheme,
// a host, or a path leaving root are never assets. Each file appears
// once per post, in the order found. Assets the posts had are replaced,
// so calling FindAssets again gives the same result.
//
// warn, when not nil, is called once for each relative or site-path link
// that names no file under root, with the post's Source.Path and the
// link's line and column in that file (the post's own line when the
// link cannot be found there, as in an export that escapes its bodies).
// FindAssets returns an error only when the tree cannot be listed at all.
func FindAssets(ctx context.Context, fsys fs.FS, root string, posts []*post.Post, warn func(post.Warning)) error {
	if len(posts) == 0 {
		return nil
	}
	root = path.Clean(root)
	if info, err := fs.Stat(fsys, root); err != nil || !info.IsDir() {
		// A single file has no tree of files beside it to look in.
		return nil
	}
	files, err := treeFiles(ctx, fsys, root)
	if err != nil {
		return err
	}
	return findAssets(ctx, fsys, root, posts, warn, files)
}

// findAssets is FindAssets with the tree under root already listed.
func findAssets(ctx context.Context, fsys fs.FS, root string, posts []*post.Post, warn func(post.Warning), files *tree) error {
	for _, p := range posts {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		p.Assets = nil
		missing := postAssets(p, files)
		if warn != nil && len(missing) > 0 {
			warnMissing(fsys, root, p, missing, warn)
		}
	}
	return nil
}

// tree is the set of files under the loaded root, by relative path, and
// the same paths sorted, for listing a folder.
type tree struct {
	has    map[string]bool
	sorted []string
}

// treeFiles lists every file under root that could be an asset.
func treeFiles(ctx context.Context, fsys fs.FS, root string) (*tree, error) {
	t := &tree{has: map[string]bool{}}
	err := t.walk(ctx, fsys, root, root)
	sort.Strings(t.sorted)
	return t, err
}

// update brings t up to date with the file or folder rel (relative to
// root) as it is now, as Set.Reload reads it again: what t held at or
// under rel goes, and what is there now is listed.
func (t *tree) update(ctx context.Context, fsys fs.FS, root, rel string) error {
	// What was at rel, and under it: two runs of the sorted list, found
	// without going over all of it.
	prefix := rel + "/"
	i := sort.SearchStrings(t.sorted, prefix)
	j := i
	for j < len(t.sorted) && strings.HasPrefix(t.sorted[j], prefix) {
		delete(t.has, t.sorted[j])
		j++
	}
	t.sorted = slices.Delete(t.sorted, i, j)
	if k := sort.SearchStrings(t.sorted, rel); k < len(t.sorted) && t.sorted[k] == rel {
		t.sorted = slices.Delete(t.sorted, k, k+1)
	}
	delete(t.has, rel)
	name := path.Join(root, rel)
	info, err := fs.Lstat(fsys, name)
	if err != nil {
		return nil // gone
	}
	if info.IsDir() {
		err := t.walk(ctx, fsys, root, name)
		sort.Strings(t.sorted)
		return err
	}
	if (info.Mode().IsRegular() || info.Mode()&fs.ModeSymlink != 0) && kindOf(path.Base(rel)) == loadSkip {
		i, _ := slices.BinarySearch(t.sorted, rel)
		t.sorted = slices.Insert(t.sorted, i, rel)
		t.has[rel] = true
	}
	return nil
}

// walk adds to t, unsorted, the files under the folder dir of the tree
// at root that could be assets.
func (t *tree) walk(ctx context.Context, fsys fs.FS, root, dir string) error {
	return fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			// An unreadable folder only hides its files.
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		base := d.Name()
		if name != root && (strings.HasPrefix(base, ".") || d.IsDir() && skipDirs[base]) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 || kindOf(base) != loadSkip {
			return nil
		}
		rel := relPath(root, name)
		t.has[rel] = true
		t.sorted = append(t.sorted, rel)
		return nil
	})
}

// under yields the files of t below folder dir ("" for all).
func (t *tree) under(dir string) []string {
	if dir == "" || dir == "." {
		return t.sorted
	}
	prefix := dir + "/"
	i := sort.SearchStrings(t.sorted, prefix)
	j := i
	for j < len(t.sorted) && strings.HasPrefix(t.sorted[j], prefix) {
		j++
	}
	return t.sorted[i:j]
}

// missingLink is a body link that names no file.
type missingLink struct{ link string }

// postAssets sets p.Assets and returns the local links that named no file.
func postAssets(p *post.Post, t *tree) []missingLink {
	dir := path.Dir(p.Source.Path)
	seen := map[string]bool{}
	var missing []missingLink
	for _, link := range bodyLinks(p.Body.Text) {
		rel, ok := resolveLink(dir, link)
		if !ok {
			continue
		}
		if !t.has[rel] {
			if !seen["\x00"+link] && p.Source.Format != "wxr" && looksLikeFile(rel) {
				seen["\x00"+link] = true
				missing = append(missing, missingLink{link})
			}
			continue
		}
		if seen[rel] {
			continue
		}
		seen[rel] = true
		p.Assets = append(p.Assets, post.Asset{Path: rel, Link: link})
	}
	var folder string
	switch base := path.Base(p.Source.Path); {
	case p.Source.Format == "wxr":
	case strings.HasPrefix(base, "index.") && dir != ".":
		folder = dir
	case p.Source.Format == "markdown" || p.Body.Dialect == post.GoBlog:
		folder = strings.TrimSuffix(p.Source.Path, path.Ext(p.Source.Path))
	}
	if folder != "" {
		for _, rel := range t.under(folder) {
			if !seen[rel] {
				seen[rel] = true
				p.Assets = append(p.Assets, post.Asset{Path: rel})
			}
		}
	}
	return missing
}

// looksLikeFile reports whether a link that named nothing in the tree
// points at a file a post would ship (an image, media, a document, an
// archive, a stylesheet or font) rather than a page ("/about/",
// "/doc/go1.11", "talk.slide"), which is another post's or site's
// business.
func looksLikeFile(rel string) bool {
	switch strings.ToLower(path.Ext(rel)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff",
		".mp4", ".webm", ".ogg", ".ogv", ".mov", ".mp3", ".wav", ".m4a", ".flac",
		".pdf", ".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z",
		".csv", ".css", ".js", ".woff", ".woff2", ".ttf", ".otf", ".eot":
		return true
	}
	return false
}

// The patterns that find links in a body. They are read from every
// body, whatever its format: a Markdown body may hold HTML, and an HTML
// body rarely holds something that looks like a Markdown link.
var (
	mdLinkRE  = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)`)
	mdRefRE   = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)`)
	attrRE    = regexp.MustCompile(`\b(?:src|href|poster|data-src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
	srcsetRE  = regexp.MustCompile(`\bsrcset\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	presentRE = regexp.MustCompile("\\{\\{(?:image|video|background)\\s+\"([^\"]+)\"")
	dotImgRE  = regexp.MustCompile(`(?m)^\.(?:image|background|video)\s+(\S+)`)
	liquidRE  = regexp.MustCompile(`["'](/[^"'\s]+)["']\s*\|\s*(?:relative_url|absolute_url)`)
	baseurlRE = regexp.MustCompile(`\{\{\s*site\.baseurl\s*\}\}(/[^\s"')]+)`)
)

// bodyLinks returns the link targets of text in order of appearance.
func bodyLinks(text string) []string {
	type found struct {
		at   int
		link string
	}
	var all []found
	// Each pattern runs only over a body that holds its telltale text:
	// most bodies have few links, and the patterns are slow to miss.
	// Attribute names are matched in lower case, as HTML is written.
	for _, p := range []struct {
		re   *regexp.Regexp
		hint string
	}{{mdLinkRE, "]("}, {mdRefRE, "]:"}, {attrRE, "="}, {presentRE, "{{"}, {dotImgRE, "."}, {liquidRE, "_url"}, {baseurlRE, "baseurl"}} {
		if !strings.Contains(text, p.hint) ||
			p.re == attrRE && !containsAny(text, "src", "href", "poster") ||
			p.re == dotImgRE && !containsAny(text, ".image", ".video", ".background") {
			continue
		}
		re := p.re
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 && m[g+1] > m[g] {
					all = append(all, found{m[g], text[m[g]:m[g+1]]})
					break
				}
			}
		}
	}
	if !strings.Contains(text, "srcset") {
		text = ""
	}
	for _, m := range srcsetRE.FindAllStringSubmatchIndex(text, -1) {
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] < 0 {
				continue
			}
			at := m[g]
			for _, cand := range strings.Split(text[m[g]:m[g+1]], ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					all = append(all, found{at + strings.Index(cand, f[0]), f[0]})
				}
				at += len(cand) + 1
			}
			break
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].at < all[j].at })
	out := make([]string, len(all))
	for i, f := range all {
		out[i] = f.link
	}
	return out
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// resolveLink returns the path under the root that link names from a
// post in folder dir, or false for a link that is not to a local file:
// one with a scheme or host, a fragment or query alone, a template
// action, or a path that leaves the root.
func resolveLink(dir, link string) (string, bool) {
	if link == "" || strings.ContainsAny(link, "{}<>\\") || strings.HasPrefix(link, "#") || strings.HasPrefix(link, "?") || strings.HasPrefix(link, "//") {
		return "", false
	}
	if i := strings.IndexAny(link, ":/?#"); i >= 0 && link[i] == ':' {
		return "", false // a scheme: http:, mailto:, data:
	}
	if i := strings.IndexAny(link, "?#"); i >= 0 {
		link = link[:i]
	}
	p, err := url.PathUnescape(link)
	if err != nil || p == "" {
		return "", false
	}
	if strings.HasPrefix(p, "/") {
		p = path.Clean(p[1:])
	} else {
		p = path.Join(dir, p)
	}
	if p == "." || p == ".." || strings.HasPrefix(p, "../") || strings.HasSuffix(p, "/") {
		return "", false
	}
	return p, true
}

// warnMissing reports each missing link of p at its place in p's file.
func warnMissing(fsys fs.FS, root string, p *post.Post, missing []missingLink, warn func(post.Warning)) {
	src, _ := fs.ReadFile(fsys, path.Join(root, p.Source.Path))
	text := string(src)
	// Start looking at the post's own line: a file may hold several.
	from := 0
	for l := 1; l < p.Source.Line && from < len(text); l++ {
		i := strings.IndexByte(text[from:], '\n')
		if i < 0 {
			break
		}
		from += i + 1
	}
	for _, m := range missing {
		w := post.Warning{Path: p.Source.Path, Line: p.Source.Line, Kind: WarnMissingFile,
			Message: "source: " + m.link + ": no such file under the loaded folder"}
		if i := strings.Index(text[from:], m.link); i >= 0 {
			w.Line, w.Column = lineColumn(text, from+i)
		}
		warn(w)
	}
}

// lineColumn is the 1-based line and column (in runes) of byte offset
// off in text.
func lineColumn(text string, off int) (int, int) {
	line := 1 + strings.Count(text[:off], "\n")
	start := strings.LastIndexByte(text[:off], '\n') + 1
	return line, 1 + len([]rune(text[start:off]))
}
