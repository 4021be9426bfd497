package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// checkOut refuses an output folder a build must never write into,
// before anything is read: a root folder or the home folder (a build
// owns -out and may clean it), the source folder itself, or a folder
// inside it (the next build would read its own feeds back as posts).
// Both paths are compared after resolving symbolic links, as far as they
// exist. src is "" for the embedded sample.
func checkOut(src, out string) error {
	o, err := resolved(out)
	if err != nil {
		return fmt.Errorf("-out %s: %w", out, err)
	}
	if filepath.Dir(o) == o {
		return fmt.Errorf("-out %s is a root folder; give a folder of its own, such as %s", out, filepath.Join(o, "public"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		if h, err := resolved(home); err == nil && h == o {
			return fmt.Errorf("-out %s is your home folder; give a folder of its own, such as %s", out, filepath.Join(o, "public"))
		}
	}
	if src == "" {
		return nil
	}
	info, err := os.Stat(src)
	if err != nil || !info.IsDir() {
		return nil // a single file: nothing else is read from its folder
	}
	s, err := resolved(src)
	if err != nil {
		return fmt.Errorf("-src %s: %w", src, err)
	}
	switch rel, err := filepath.Rel(s, o); {
	case err != nil:
	case rel == ".":
		return fmt.Errorf("-out %s is the -src folder; write the site somewhere else", out)
	case rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)):
		return fmt.Errorf("-out %s is inside -src %s, so the next build would read the site back as posts; write it outside -src", out, src)
	}
	return nil
}

// resolved is p made absolute with its symbolic links resolved, as far
// as it exists: the missing tail is kept as written.
func resolved(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var tail []string
	for dir := abs; ; {
		r, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(append([]string{r}, tail...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		tail = append([]string{filepath.Base(dir)}, tail...)
		dir = parent
	}
}

// sourceFS opens dir as an os.Root, whose FS follows a symbolic link
// only to a target inside dir: a link such as s/passwd.md -> /etc/passwd
// is skipped by source.Load with a warning, never published.
func sourceFS(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	// The root stays open for the life of the program, which reads
	// from it until the build (or -serve's rebuilds) end.
	return root.FS(), nil
}
