// Package sitepath makes and checks the site paths of a blog's pages:
// permalink patterns expanded with a page's values, the checks that keep
// a path safe to write and to link, and the file that serves a path.
// It is render's; render re-exports what its users need (ErrUnsafePath,
// FilePath).
package sitepath

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// ErrUnsafe is matched (errors.Is) by every error about a permalink
// pattern or a path made from one that is not a safe site path.
var ErrUnsafe = errors.New("unsafe path")

// Expand replaces the tokens of pattern with the values lookup gives and
// checks that the result is a safe site path. lookup reports false for a
// token it does not know. Empty values are left out with their slash.
func Expand(pattern string, lookup func(string) (string, bool)) (string, error) {
	if err := CheckPattern(pattern); err != nil {
		return "/", err
	}
	var b strings.Builder
	for i := 0; i < len(pattern); {
		c := pattern[i]
		if c != ':' {
			b.WriteByte(c)
			i++
			continue
		}
		j := i + 1
		for j < len(pattern) && pattern[j] >= 'a' && pattern[j] <= 'z' {
			j++
		}
		tok := pattern[i+1 : j]
		val, ok := lookup(tok)
		if !ok {
			return "/", fmt.Errorf("permalink %q: unknown token :%s: %w", pattern, tok, ErrUnsafe)
		}
		b.WriteString(val)
		i = j
	}
	p := collapseSlashes("/" + b.String())
	if err := CheckPath(p); err != nil {
		return StandIn(p), fmt.Errorf("permalink %q gives %q: %w", pattern, p, err)
	}
	return p, nil
}

// StandIn is the site path of the file FilePath(p) names: the safe
// stand-in for a path that failed its check.
func StandIn(p string) string {
	f := FilePath(p)
	if f == "index.html" {
		return "/"
	}
	return "/" + strings.TrimSuffix(f, "index.html")
}

// CheckPattern rejects patterns that are absolute URLs or climb out of the
// site before any token is filled in.
func CheckPattern(pattern string) error {
	switch {
	case strings.HasPrefix(pattern, "//") || strings.Contains(pattern, "://"):
		return fmt.Errorf("permalink %q is an absolute URL: %w", pattern, ErrUnsafe)
	case strings.Contains(pattern, `\`):
		return fmt.Errorf("permalink %q contains a backslash: %w", pattern, ErrUnsafe)
	}
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == ':' && (i+1 == len(pattern) || pattern[i+1] < 'a' || pattern[i+1] > 'z') {
			return fmt.Errorf("permalink %q has a colon that starts no token: %w", pattern, ErrUnsafe)
		}
	}
	return nil
}

func collapseSlashes(p string) string {
	for strings.Contains(p, "//") {
		p = strings.ReplaceAll(p, "//", "/")
	}
	return p
}

// CheckPath reports whether p, a site path made from a pattern, is one
// FilePath maps to a file without cleaning and a browser reads as a path:
// no "." or ".." segments, no backslash, no colon (a scheme), no query,
// fragment or percent sign, no spaces or control characters.
func CheckPath(p string) error {
	if !strings.HasPrefix(p, "/") {
		return fmt.Errorf("not rooted: %w", ErrUnsafe)
	}
	for _, r := range p {
		if r < 0x80 && unsafeASCII[r] || r >= 0x80 && r <= 0x9f {
			return fmt.Errorf("character %q: %w", r, ErrUnsafe)
		}
	}
	for rest := p; rest != ""; {
		seg := rest
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			seg, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if seg == "." || seg == ".." {
			return fmt.Errorf("segment %q: %w", seg, ErrUnsafe)
		}
	}
	return nil
}

// unsafeASCII marks the ASCII characters no path may hold: controls,
// the space and those that mean something else in a URL or a file name.
var unsafeASCII = func() (t [0x80]bool) {
	for c := range t {
		t[c] = c <= ' ' || c == 0x7f || strings.ContainsRune(`\:?#%"<>|*`, rune(c))
	}
	return t
}()

// FilePath returns the slash-separated file, relative to the output root,
// that serves the site path urlPath: "x/y/index.html" for "/x/y/" or
// "/x/y", and "404.html" for "/404.html". A query or fragment is ignored,
// backslashes count as slashes, and ".." cannot climb above the root, so
// the result never escapes the output folder; CheckPath reports the paths
// that would need such cleaning.
func FilePath(urlPath string) string {
	if i := strings.IndexAny(urlPath, "?#"); i >= 0 {
		urlPath = urlPath[:i]
	}
	urlPath = strings.ReplaceAll(urlPath, `\`, "/")
	dirLike := urlPath == "" || strings.HasSuffix(urlPath, "/")
	clean := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if clean == "" {
		return "index.html"
	}
	if dirLike || !strings.Contains(path.Base(clean), ".") {
		return clean + "/index.html"
	}
	return clean
}
