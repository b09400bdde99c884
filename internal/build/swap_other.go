//go:build !linux

package build

// swap falls back to two renames where the system has no atomic exchange:
// dest is missing for the instant between them, but never partial.
func swap(tmp, dest string) (old string, err error) {
	return swapByRenames(tmp, dest)
}
