//go:build unix && !linux

package build

// isMountPoint reports whether a file system is mounted at path: such a
// folder cannot be renamed or replaced, only changed in place.
func isMountPoint(path string) bool { return isMountPointByDevice(path) }
