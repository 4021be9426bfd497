package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/folio-go/folio/post"
)

// A Set is a tree of posts loaded as Load loads it and kept file by file,
// so that the files a program sees change can be read again without
// reading the rest: a preview server or a watcher reloads the one post
// that was saved. Make one with LoadSet. A Set is not safe for concurrent
// use.
type Set struct {
	fsys  fs.FS
	root  string
	opt   Options
	dir   bool                // root names a folder
	files map[string]*setFile // by path relative to root
	walk  []error             // errors of the last walk that are not a file's
	// assets lists the files under a folder root that could be assets,
	// kept up to date by Reload; nil for a single file.
	assets *tree
}

type setFile struct {
	f   loadFile
	res loadResult
}

// LoadSet reads every post under root in fsys exactly as Load does, and
// keeps them by file for Reload. Its error is Load's.
func LoadSet(ctx context.Context, fsys fs.FS, root string, opt Options) (*Set, error) {
	if root == "" {
		root = "."
	}
	root = path.Clean(root)
	s := &Set{fsys: fsys, root: root, opt: opt, files: map[string]*setFile{}}
	if info, err := fs.Stat(fsys, root); err == nil && info.IsDir() {
		s.dir = true
	}
	files, skipped, walkErrs := listFiles(ctx, fsys, root)
	for _, w := range skipped {
		opt.warn(w)
	}
	s.walk = walkErrs
	s.read(ctx, files)
	posts := s.Posts()
	internTerms(posts)
	if err := s.findAssets(ctx, posts, nil); err != nil && ctx.Err() == nil {
		s.walk = append(s.walk, &Error{Path: root, Err: err})
	}
	return s, s.err(ctx)
}

// read parses files and keeps what each gave.
func (s *Set) read(ctx context.Context, files []loadFile) {
	opt := s.opt
	opt.Progress = nil
	if len(files) > 1 {
		opt.Progress = s.opt.Progress
	}
	results := parseAll(ctx, s.fsys, files, opt)
	for i, f := range files {
		if ctx.Err() != nil && results[i].posts == nil && results[i].err == nil {
			continue // never started: not read
		}
		// As Load does: each file's warnings, in path order, from this
		// goroutine; then the terms past MaxTerms.
		for _, w := range results[i].warns {
			s.opt.warn(w)
		}
		for _, p := range results[i].posts {
			for _, w := range limitTerms(p, s.opt) {
				s.opt.warn(w)
			}
		}
		s.files[f.rel] = &setFile{f: f, res: results[i]}
	}
}

// Posts returns the posts of every file, filtered, in the order Load
// returns them: by source path, and by line within a WXR export. The
// slice is new on each call; the posts of files not reloaded since are the
// same values as before.
func (s *Set) Posts() []*post.Post {
	var posts []*post.Post
	for _, rel := range s.paths() {
		for _, p := range s.files[rel].res.posts {
			if keep(p, s.opt) {
				posts = append(posts, p)
			}
		}
	}
	return posts
}

// FilePosts returns the posts of the file rel (slash-separated, relative
// to the Set's root, as Reload takes it) that Posts returns, in their
// order; nil for a file the Set does not hold. A watcher that reloaded a
// file learns from it what that file gives now, without going over every
// post.
func (s *Set) FilePosts(rel string) []*post.Post {
	sf := s.files[path.Clean(strings.TrimPrefix(rel, "./"))]
	if sf == nil {
		return nil
	}
	var posts []*post.Post
	for _, p := range sf.res.posts {
		if keep(p, s.opt) {
			posts = append(posts, p)
		}
	}
	return posts
}

// Err returns the errors a Load of the files as they are now would
// return, in path order: errors.Join of every failed file's *Error.
func (s *Set) Err() error { return s.err(context.Background()) }

func (s *Set) err(ctx context.Context) error {
	errs := slices.Clone(s.walk)
	for _, rel := range s.paths() {
		if err := s.files[rel].res.err; err != nil {
			errs = append(errs, err)
		}
	}
	if err := ctx.Err(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func (s *Set) paths() []string {
	rels := make([]string, 0, len(s.files))
	for rel := range s.files {
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	return rels
}

// Reload reads again the files at paths, slash-separated and relative to
// the Set's root, as a watcher reports them: a file written, created,
// removed or renamed, or a folder created or removed (every file under it
// is read or dropped). A path Load would skip (a hidden file, a _site
// folder, an extension no parser reads) changes nothing. The posts of
// each path are replaced by what it holds now, with the errors, and
// the warnings given to Options.Warn, that a full Load would give for
// it. Reload returns how many files it read or dropped, and the errors
// of those files only (Err has them all); a path that leaves the root is
// an error.
func (s *Set) Reload(ctx context.Context, paths ...string) (int, error) {
	var read []loadFile
	var errs []error
	touched := map[string]bool{} // files dropped or read
	for _, rel := range paths {
		rel = path.Clean(strings.TrimPrefix(rel, "./"))
		if !fs.ValidPath(rel) || (!s.dir && rel != path.Base(s.root)) {
			errs = append(errs, &Error{Path: rel, Err: fmt.Errorf("source: Reload: %q is not inside the loaded root", rel)})
			continue
		}
		if !s.dir {
			if !touched[rel] {
				touched[rel] = true
				read = append(read, loadFile{name: s.root, rel: rel, kind: kindOf(rel), single: true})
			}
			continue
		}
		if rel == "." || skipped(rel) {
			continue
		}
		// Whatever was under rel before is gone, or read again below. A
		// file the Set holds has nothing under it: only a folder, or a
		// path it does not know, needs every file looked at (which on a
		// big tree costs more than reading the file).
		if _, ok := s.files[rel]; ok {
			delete(s.files, rel)
			touched[rel] = true
		} else {
			for have := range s.files {
				if strings.HasPrefix(have, rel+"/") {
					delete(s.files, have)
					touched[have] = true
				}
			}
		}
		name := path.Join(s.root, rel)
		info, err := fs.Stat(s.fsys, name)
		switch {
		case err != nil:
			// Removed, or renamed away: its posts go with it.
		case info.IsDir():
			if skipDirs[path.Base(rel)] {
				continue
			}
			files, skipped, walkErrs := listFiles(ctx, s.fsys, name)
			for _, w := range skipped {
				s.opt.warn(w)
			}
			errs = append(errs, walkErrs...)
			for _, f := range files {
				f.rel = rel + "/" + f.rel
				touched[f.rel] = true
				read = append(read, f)
			}
		case kindOf(rel) != loadSkip && !strings.HasPrefix(path.Base(rel), "_index."):
			touched[rel] = true
			if !info.Mode().IsRegular() {
				// Never opened: a FIFO would block, a device never end.
				s.opt.warn(post.Warning{Path: rel, Kind: WarnSkippedFile, Message: "source: skipped, not read: " + fileType(info.Mode())})
				continue
			}
			read = append(read, loadFile{name: name, rel: rel, kind: kindOf(rel)})
		}
	}
	slices.SortStableFunc(read, func(a, b loadFile) int { return strings.Compare(a.rel, b.rel) })
	read = slices.CompactFunc(read, func(a, b loadFile) bool { return a.rel == b.rel })
	s.read(ctx, read)
	var again []*post.Post
	for _, f := range read {
		if sf := s.files[f.rel]; sf != nil {
			if sf.res.err != nil {
				errs = append(errs, sf.res.err)
			}
			again = append(again, sf.res.posts...)
		}
	}
	// The posts read again find their files again (a new image beside a
	// post needs the post saved to be seen).
	if err := s.findAssets(ctx, again, paths); err != nil && ctx.Err() == nil {
		errs = append(errs, &Error{Path: s.root, Err: err})
	}
	if err := ctx.Err(); err != nil {
		errs = append(errs, err)
	}
	return len(touched), errors.Join(errs...)
}

// findAssets brings the list of asset files up to date with the paths
// a Reload was given (listing the tree whole when there is no list yet)
// and finds the assets of posts, the posts it read.
func (s *Set) findAssets(ctx context.Context, posts []*post.Post, paths []string) error {
	if !s.dir {
		return nil
	}
	for _, rel := range paths {
		if s.assets == nil {
			break
		}
		rel = path.Clean(strings.TrimPrefix(rel, "./"))
		switch {
		case rel == ".":
			s.assets = nil // the whole tree: listed again below
		case !fs.ValidPath(rel) || skipped(rel):
		default:
			if err := s.assets.update(ctx, s.fsys, s.root, rel); err != nil {
				s.assets = nil // listed whole next time
				return err
			}
		}
	}
	if s.assets == nil {
		// Not listed yet, the last listing failed, or the whole tree
		// changed.
		t, err := treeFiles(ctx, s.fsys, s.root)
		if err != nil {
			return err
		}
		s.assets = t
	}
	if len(posts) == 0 {
		return nil
	}
	return findAssets(ctx, s.fsys, s.root, posts, s.opt.Warn, s.assets)
}

// skipped reports whether Load's walk leaves out the file or folder at
// rel: a name starting with "." anywhere on its path, or a folder Load
// does not enter.
func skipped(rel string) bool {
	elems := strings.Split(rel, "/")
	for i, e := range elems {
		if strings.HasPrefix(e, ".") {
			return true
		}
		if i < len(elems)-1 && skipDirs[e] {
			return true
		}
	}
	return false
}
