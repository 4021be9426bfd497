//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package main

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockDir takes the build lock of the output folder: an advisory lock
// (flock) on .folio-lock, which the system releases when the process
// ends however it ends, so a killed build never leaves a stale lock. A
// second build finds it held and stops with a message instead of
// writing over the first.
func lockDir(root *os.Root, dir string) (*os.File, error) {
	f, err := root.OpenFile(lockName, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another build is writing to %s (it holds %s); wait for it to finish", dir, lockName)
		}
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	return f, nil
}

// unlockDir releases the lock; the file stays, empty, for the next build.
func unlockDir(_ *os.Root, f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	f.Close()
}
