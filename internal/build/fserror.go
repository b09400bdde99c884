package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// Error codes of Windows that tongbao tells apart. They are plain numbers
// so that the classification below is the same code, and tested, on every
// system; only Windows returns them.
const (
	winAccessDenied      = syscall.Errno(5)
	winSharingViolation  = syscall.Errno(32)
	winLockViolation     = syscall.Errno(33)
	winHandleDiskFull    = syscall.Errno(39)
	winDiskFull          = syscall.Errno(112)
	winDirNotEmpty       = syscall.Errno(145)
	winUserMappedSection = syscall.Errno(1224) // a file mapped into memory by another program
)

// isSharingViolation reports an error Windows returns while another
// program — Explorer, an antivirus scanner, IIS, a search indexer — holds
// the file open: it goes away when that program lets go, so a rename or a
// removal is worth trying again for a moment.
func isSharingViolation(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case winAccessDenied, winSharingViolation, winLockViolation, winUserMappedSection:
		return true
	}
	return false
}

// isReadOnlyFS reports a write refused because the file system is
// mounted read-only.
func isReadOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }

// why says in Chinese why a file operation failed, with the system's own
// words after it in brackets, and what to do where that is clear.
func why(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	raw := err.Error()
	var errno syscall.Errno
	errors.As(err, &errno)
	switch {
	case errors.Is(err, syscall.ENOSPC), errno == winDiskFull, errno == winHandleDiskFull:
		return "磁盘空间不足（" + raw + "）"
	case errors.Is(err, syscall.EFBIG):
		return "文件超过系统允许的大小（" + raw + "）"
	case errors.Is(err, syscall.EROFS):
		return "文件系统是只读的（" + raw + "）"
	case errors.Is(err, syscall.EBUSY):
		return "正被占用：它是一个挂载点，或正被其他程序使用（" + raw + "）"
	case errno == winSharingViolation, errno == winLockViolation, errno == winUserMappedSection:
		return "文件正被其他程序打开（如资源管理器、杀毒软件或网站服务器），请关闭后重试（" + raw + "）"
	case errors.Is(err, fs.ErrPermission), errno == winAccessDenied:
		return "没有权限（" + raw + "），请以有写入权限的用户运行，或请管理员开放权限"
	case errors.Is(err, syscall.ENOTEMPTY), errno == winDirNotEmpty:
		return "目录不是空的（" + raw + "）"
	case errors.Is(err, fs.ErrNotExist):
		return "不存在（" + raw + "）"
	case raw == "path escapes from parent":
		// os.Root's, which has no error value to test for: the path
		// goes through a link that leads out of the output's folder.
		return "路径经过一个指向输出目录之外的符号链接，没有跟随（" + raw + "）；请删去这个链接，或把它换成普通文件夹"
	}
	return raw
}

// writeError says in Chinese why rel could not be written.
func writeError(rel string, err error) error {
	return fmt.Errorf("无法写入 %s：%s", rel, why(err))
}
