//go:build !windows

package build

// transientFS reports the errors worth a retry: none, where renaming or
// removing an open file is allowed.
func transientFS(error) bool { return false }
