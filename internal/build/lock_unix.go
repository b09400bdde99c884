//go:build unix

package build

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes an exclusive flock on a folder, waiting for any other
// build that holds it. The kernel drops the lock when its holder exits,
// killed or not, so a build that holds it knows every staging folder beside
// its output was left by a build that is gone. locked is false where the
// file system does not support locks; unlock is always safe to call.
func lockDir(dir string) (unlock func(), locked bool) {
	f, err := os.Open(dir) // close-on-exec: a child process does not inherit the lock
	if err != nil {
		return func() {}, false
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		f.Close()
		return func() {}, false
	}
	return func() { f.Close() }, true
}
