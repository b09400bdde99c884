//go:build unix

package build

import (
	"os"
	"path/filepath"
	"syscall"
)

// isMountPointByDevice reports whether path is on another device than its
// parent folder: the mark of a mount point where there is no table of
// mounts to read.
func isMountPointByDevice(path string) bool {
	fi, err1 := os.Stat(path)
	pfi, err2 := os.Stat(filepath.Dir(path))
	if err1 != nil || err2 != nil {
		return false
	}
	st, ok1 := fi.Sys().(*syscall.Stat_t)
	pst, ok2 := pfi.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && (st.Dev != pst.Dev || st.Ino == pst.Ino)
}
