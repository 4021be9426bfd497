//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// lockDir takes the build lock of the output folder by creating
// .folio-lock, which must not exist yet, and removes it again in
// unlockDir. A build killed before it unlocks leaves the file behind; the
// message says to remove it.
func lockDir(root *os.Root, dir string) (*os.File, error) {
	f, err := root.OpenFile(lockName, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("another build is writing to %s (it holds %s; if none is running, remove that file)", dir, lockName)
	}
	return f, err
}

func unlockDir(root *os.Root, f *os.File) {
	f.Close()
	root.Remove(lockName)
}
