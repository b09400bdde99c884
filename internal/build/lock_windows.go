package build

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// lockDir takes an exclusive lock on the file .tongbao-lock in dir (made if
// need be; Windows cannot lock a folder), waiting for any other build that
// holds it. Windows releases the lock when its holder exits, killed or not.
// locked is false when the file cannot be made or locked; unlock is always
// safe to call.
func lockDir(dir string) (unlock func(), locked bool) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return func() {}, false
	}
	h := windows.Handle(f.Fd())
	ol := new(windows.Overlapped)
	if err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, ol); err != nil {
		f.Close()
		return func() {}, false
	}
	return func() {
		windows.UnlockFileEx(h, 0, 1, 0, ol)
		f.Close()
	}, true
}
