package build

import (
	"errors"

	"golang.org/x/sys/unix"
)

// swap puts the tree at tmp in dest's place in one atomic step. On Linux
// renameat2(RENAME_EXCHANGE) exchanges the two folders, so there is no
// moment at which dest is missing or half-written; the old tree is then at
// tmp, returned for removal. A first build (no dest yet) is a plain rename.
func swap(tmp, dest string) (old string, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil
	case errors.Is(err, unix.ENOENT):
		return "", rename(tmp, dest)
	case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS):
		return swapByRenames(tmp, dest)
	}
	return "", err
}

// syncTree flushes the new tree to disk before it replaces the old one, so
// that a crash right after the swap cannot leave empty files in public/.
// One syncfs flushes the whole file system: on a 700-file archive that is
// a fraction of the time of an fsync per file.
func syncTree(root string) error {
	fd, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		return syncTreeByFiles(root)
	}
	defer unix.Close(fd)
	if err := unix.Syncfs(fd); err != nil {
		return syncTreeByFiles(root)
	}
	return nil
}
