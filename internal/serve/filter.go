package serve

import (
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/fsnotify/fsnotify"

	"tongbao/internal/site"
)

// watchedDirs are the folders of a site whose every file is input.
var watchedDirs = []string{"data", "content", "layouts", site.StaticDir}

// relevant reports whether a file-system event can change the build.
// rel is the event's path relative to the site root, slash-separated.
//
// Chmod alone never changes the content. Everything outside config.toml
// and the input folders is ignored, as are the files the loader skips
// (hidden files and folders, site.Skipped: static/.well-known is read) and
// editors' temporary files, so that one save in vim or a JetBrains IDE
// does not look like a dozen changes.
func relevant(rel string, op fsnotify.Op) bool {
	if !op.Has(fsnotify.Create) && !op.Has(fsnotify.Write) && !op.Has(fsnotify.Remove) && !op.Has(fsnotify.Rename) {
		return false
	}
	rel = filepath.ToSlash(rel)
	if rel == "" || rel == "." || strings.HasPrefix(rel, "../") || rel == ".." || path.IsAbs(rel) {
		return false
	}
	first, _, nested := strings.Cut(rel, "/")
	if !nested {
		return first == "config.toml" || isWatchedDir(first)
	}
	if !isWatchedDir(first) {
		return false
	}
	if site.Skipped(rel) {
		return false
	}
	return !editorTemp(path.Base(rel))
}

func isWatchedDir(name string) bool {
	for _, d := range watchedDirs {
		if name == d {
			return true
		}
	}
	return false
}

// editorTemp reports whether name is a temporary file an editor writes
// while saving, which never becomes input itself. Those whose names are
// hidden (site.Hidden: .x.swp, .#x, #x#, x~) relevant has passed over
// already, with what the loader skips:
//
//   - vim: swap files (.x.swp, .x.swx, .x.swo…), the 4913 probe it
//     creates to test that a folder is writable, and x~ backups;
//   - emacs: .#x lock links and #x# auto-saves;
//   - JetBrains IDEs: x___jb_tmp___ and x___jb_old___;
//   - GNOME/GIO (gedit): .goutputstream-XXXXXX;
//   - others that write a sibling and rename it: x.tmp, x.crswap (Chrome),
//     .x.kate-swp (Kate).
func editorTemp(name string) bool {
	if vimProbe(name) {
		return true
	}
	for _, suffix := range []string{".swp", ".swx", ".swo", ".swn", "___jb_tmp___", "___jb_old___", ".tmp", ".crswap", ".kate-swp"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return strings.HasPrefix(name, ".goutputstream-")
}

// vimProbe matches the file vim creates to test that a folder is
// writable before it saves: "4913", or 4913+123·k when that name is taken.
// The rule is that narrow so that folders named by number (a year, "2023")
// stay input.
func vimProbe(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && name[0] != '0' && n >= 4913 && (n-4913)%123 == 0
}
