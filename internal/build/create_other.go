//go:build !linux && !windows

package build

import "os"

// createFile writes data to name, created or truncated.
func createFile(name string, data []byte) error {
	return os.WriteFile(name, data, 0o644)
}

// syncTree flushes the new tree before it replaces the old one.
func syncTree(root string) error { return syncTreeByFiles(root) }
