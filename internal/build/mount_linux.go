package build

import "os"

// isMountPoint reports whether a file system is mounted at path, bind
// mounts included (which a device number does not show): such a folder
// cannot be renamed or replaced, only changed in place.
func isMountPoint(path string) bool {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return isMountPointByDevice(path)
	}
	defer f.Close()
	return mountedAt(f, path)
}
