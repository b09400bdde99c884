package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/fsnotify/fsnotify"

	"tongbao/internal/site"
)

// Watch starts watching the site's input and rebuilds on every relevant
// change until ctx is cancelled. It returns once the watches are in place.
//
// Folders are watched, not files: an editor that saves by writing a new
// file and renaming it over the old one replaces the file a watch on it
// would follow, while the folder sees the rename. The site root is
// watched for config.toml and for data/, content/, layouts/ or static/
// appearing; those four are watched with every folder below them,
// including folders created later.
func (s *Server) Watch(ctx context.Context) error {
	root, err := filepath.Abs(s.opts.Source)
	if err != nil {
		return err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("无法监视文件变化：%w", err)
	}
	if err := w.Add(root); err != nil {
		w.Close()
		return fmt.Errorf("无法监视 %s：%w", root, err)
	}
	for _, d := range watchedDirs {
		s.addTree(w, root, filepath.Join(root, d))
	}
	go func() {
		defer w.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				s.handle(w, root, ev)
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				// Events were lost: rebuild anyway, the build reads everything.
				fmt.Fprintln(s.log, "tongbao: 监视文件时出错：", err)
				if errors.Is(err, fsnotify.ErrEventOverflow) {
					for _, d := range watchedDirs {
						s.addTree(w, root, filepath.Join(root, d))
					}
					s.deb.Trigger()
				}
			}
		}
	}()
	return nil
}

func (s *Server) handle(w *fsnotify.Watcher, root string, ev fsnotify.Event) {
	rel, err := filepath.Rel(root, ev.Name)
	if err != nil || !relevant(rel, ev.Op) {
		return
	}
	if ev.Has(fsnotify.Create) {
		// A new folder (or one moved in) is watched with what it holds;
		// files written into it before the watch was added are read by
		// the rebuild this event triggers.
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			s.addTree(w, root, ev.Name)
		}
	}
	s.deb.Trigger()
}

// addTree watches dir, a folder of the site at root, and every folder
// below it, skipping the hidden ones the loader skips too.
func (s *Server) addTree(w *fsnotify.Watcher, root, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if rel, err := filepath.Rel(root, p); p != dir && err == nil && site.Skipped(filepath.ToSlash(rel)) {
			return filepath.SkipDir
		}
		if err := w.Add(p); err != nil {
			fmt.Fprintf(s.log, "tongbao: 无法监视 %s：%v\n", p, err)
		}
		return nil
	})
}
