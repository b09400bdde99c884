package build

// transientFS reports the errors worth a retry: Windows refuses to rename
// or remove a file that another program holds open, until it lets go.
func transientFS(err error) bool { return isSharingViolation(err) }
