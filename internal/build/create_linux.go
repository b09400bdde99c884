package build

import (
	"io"
	"syscall"
)

// createFile writes data to name, created or truncated, as os.WriteFile
// does, in three system calls. An *os.File would also register the file
// with the runtime's poller, which Linux refuses for regular files: one
// failed system call more for every file of the site.
func createFile(name string, data []byte) error {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return err
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			syscall.Close(fd)
			return err
		}
		data = data[n:]
	}
	return syscall.Close(fd)
}
