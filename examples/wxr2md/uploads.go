package main

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/folio-go/folio/post"
	"github.com/folio-go/folio/source"
)

// uploadsURL matches the address of a file in a WordPress uploads
// folder, self-hosted (…/wp-content/uploads/2020/05/boat.jpg) or on
// WordPress.com (…files.wordpress.com/2020/05/boat.jpg); the group is
// the path inside the uploads folder.
var uploadsURL = regexp.MustCompile(`(?:https?:)?//[^\s"'<>()\[\]]*?(?:/wp-content/uploads/|\.files\.wordpress\.com/)([^\s"'<>()\[\]?#]+)(?:\?[^\s"'<>()\[\]#]*)?`)

// resized is the suffix WordPress gives the smaller copies it makes
// (boat-300x200.jpg).
var resized = regexp.MustCompile(`-[0-9]+x[0-9]+(\.[A-Za-z0-9]+)$`)

// uploadsPrefix is the site path the copied files are linked at, as
// WordPress links them, so that old addresses keep their shape.
const uploadsPrefix = "/wp-content/uploads/"

// uploads copies the files of a blog's uploads folder that the posts
// use into the output and rewrites their addresses.
type uploads struct {
	dir    string // the copy of wp-content/uploads
	out    string // the output folder; files go to out/wp-content/uploads
	stderr io.Writer
	atts   []post.Attachment // every attachment of the export
	byID   map[string]post.Attachment
	done   map[string]string // uploads path -> rewritten URL, "" when missing
	copied int
	missed int
}

func newUploads(dir, out string, atts []post.Attachment, stderr io.Writer) *uploads {
	u := &uploads{dir: dir, out: out, stderr: stderr, atts: atts, byID: map[string]post.Attachment{}, done: map[string]string{}}
	for _, a := range atts {
		u.byID[a.ID] = a
	}
	return u
}

// apply rewrites every uploads URL of p (body, summary, attachments) to
// the local copy and gives the post its feature image (WordPress's
// _thumbnail_id) as the "image" parameter and its attachments as
// "attachments", so that galleries and captions can find them after the
// round trip through Markdown. A file missing from the uploads folder
// is reported once, at the post's line, and its URL is left as it was.
func (u *uploads) apply(p *post.Post) {
	source.Attach([]*post.Post{p}, u.atts)
	where := fmt.Sprintf("%s:%d", p.Source.Path, p.Source.Line)
	p.Body.Text = u.rewrite(p.Body.Text, where)
	p.Summary = u.rewrite(p.Summary, where)
	if p.Params == nil {
		p.Params = map[string]any{}
	}
	if meta, ok := p.Params["meta"].(map[string]any); ok {
		if id, ok := meta["_thumbnail_id"].(string); ok {
			if a, ok := u.byID[id]; ok && a.URL != "" {
				p.Params["image"] = u.rewrite(a.URL, where)
			}
		}
	}
	if len(p.Attachments) == 0 {
		return
	}
	list := make([]any, 0, len(p.Attachments))
	for i := range p.Attachments {
		a := &p.Attachments[i]
		a.URL = u.rewrite(a.URL, where)
		m := map[string]any{"id": a.ID, "url": a.URL}
		for k, v := range map[string]string{"title": a.Title, "caption": a.Caption, "alt": a.Alt, "mime_type": a.MimeType, "parent": a.Parent} {
			if v != "" {
				m[k] = v
			}
		}
		if a.Width > 0 && a.Height > 0 {
			m["width"], m["height"] = a.Width, a.Height
		}
		list = append(list, m)
	}
	p.Params["attachments"] = list
}

// rewrite replaces each uploads URL in s whose file is in the uploads
// folder with its local address.
func (u *uploads) rewrite(s, where string) string {
	if !strings.Contains(s, "/wp-content/uploads/") && !strings.Contains(s, ".files.wordpress.com/") {
		return s
	}
	return uploadsURL.ReplaceAllStringFunc(s, func(m string) string {
		rel := uploadsURL.FindStringSubmatch(m)[1]
		if local := u.local(rel, m, where); local != "" {
			return local
		}
		return m
	})
}

// local copies the uploads file rel (falling back to the original of a
// resized copy WordPress made) and returns its new address, or "" when
// the uploads folder lacks it.
func (u *uploads) local(rel, url, where string) string {
	if v, ok := u.done[rel]; ok {
		return v
	}
	clean := path.Clean(rel)
	if clean == "." || strings.HasPrefix(clean, "../") || strings.ContainsAny(clean, "\\:\x00") {
		u.done[rel] = ""
		return ""
	}
	use := clean
	if !u.exists(use) {
		if orig := resized.ReplaceAllString(clean, "$1"); orig != clean && u.exists(orig) {
			use = orig
		} else {
			u.done[rel] = ""
			u.missed++
			fmt.Fprintf(u.stderr, "wxr2md: %s: warning: %s is not in %s; the address stays %s\n", where, clean, u.dir, url)
			return ""
		}
	}
	if err := u.copy(use); err != nil {
		u.done[rel] = ""
		fmt.Fprintf(u.stderr, "wxr2md: %s: warning: copying %s: %v; the address stays %s\n", where, use, err, url)
		return ""
	}
	u.done[rel] = uploadsPrefix + use
	return u.done[rel]
}

func (u *uploads) exists(rel string) bool {
	fi, err := os.Stat(filepath.Join(u.dir, filepath.FromSlash(rel)))
	return err == nil && fi.Mode().IsRegular()
}

// copy copies the uploads file rel into the output, unless a copy of the
// same size and no older is already there.
func (u *uploads) copy(rel string) error {
	from := filepath.Join(u.dir, filepath.FromSlash(rel))
	to := filepath.Join(u.out, "wp-content", "uploads", filepath.FromSlash(rel))
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return err
	}
	if cur, err := os.Stat(to); err == nil && cur.Size() == info.Size() && !cur.ModTime().Before(info.ModTime()) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		u.copied++
	}
	return err
}
