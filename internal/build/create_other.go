//go:build !linux

package build

import "os"

// createFile writes data to name, created or truncated.
func createFile(name string, data []byte) error {
	return os.WriteFile(name, data, 0o644)
}
