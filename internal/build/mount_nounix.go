//go:build !unix

package build

// isMountPoint is false where mounts are not folders of their own; a
// folder that cannot be replaced is still found out when its staging
// folder cannot be made beside it.
func isMountPoint(string) bool { return false }
