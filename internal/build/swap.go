package build

import (
	"errors"
	"io/fs"
)

// swapByRenames moves dest aside and tmp into its place. If the second
// rename fails the first is undone, so dest is never left missing. Each
// rename is retried while another program holds a file open (fsRetry).
func swapByRenames(tmp, dest string) (old string, err error) {
	aside := tmp + ".old"
	if err := rename(dest, aside); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", rename(tmp, dest)
		}
		return "", err
	}
	if err := rename(tmp, dest); err != nil {
		rename(aside, dest)
		return "", err
	}
	return aside, nil
}
