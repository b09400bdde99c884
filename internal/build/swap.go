package build

import (
	"errors"
	"io/fs"
	"os"
)

// swapByRenames moves dest aside and tmp into its place. If the second
// rename fails the first is undone, so dest is never left missing.
func swapByRenames(tmp, dest string) (old string, err error) {
	aside := tmp + ".old"
	if err := os.Rename(dest, aside); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", os.Rename(tmp, dest)
		}
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Rename(aside, dest)
		return "", err
	}
	return aside, nil
}
