package build

import "os"

// createFile writes data to name, created or truncated, and flushes it to
// disk before closing. Windows flushes a file only through a handle that
// may write it (FlushFileBuffers), and a folder not at all, so each file
// is flushed here, while it is open for writing, rather than by syncTree.
func createFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

// syncTree has nothing left to do: createFile flushed every file it wrote,
// and a file linked from the previous build was flushed when that build
// wrote it.
func syncTree(string) error { return nil }
