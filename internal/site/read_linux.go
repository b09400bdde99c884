package site

import "syscall"

// readRegular reads name if it is a regular file, not a symlink, of at most
// MaxFileSize bytes: nearly every file of a site, in one open, fstat, read
// and close. os.ReadFile behind a Lstat takes two system calls more per
// file: the Lstat, and the runtime poller's registration of the file, which
// Linux refuses for regular files. ok is false for anything else, left to
// the checks of readFile. O_NONBLOCK keeps the open of a named pipe from
// waiting for a writer; it changes nothing for a regular file.
func readRegular(name string) (b []byte, ok bool) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > MaxFileSize {
		return nil, false
	}
	// One byte more than the size lets the first read reach the end of
	// the file, which the next read, returning 0, confirms.
	b = make([]byte, 0, st.Size+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the file grew since the fstat
		}
		n, err := syscall.Read(fd, b[len(b):cap(b)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if n == 0 {
			return b, true
		}
		b = b[:len(b)+n]
	}
}
