package build

import (
	"fmt"

	"tongbao/internal/render"
)

// Write puts outputs into dest as one step: everything is written into a
// fresh sibling folder first, with the manifest, and only a complete tree
// is swapped in. Files of the old output that the new one lacks are gone
// with it. A failure at any point leaves dest as it was.
func Write(dest string, outputs []render.Output) error {
	p, err := prepare(Options{Dest: dest}, "", outputs, false)
	if err != nil {
		return err
	}
	return p.publish()
}

// CheckTree reports whether the tree at root is exactly what its manifest
// says: every listed file present with its size and hash, and no other.
func CheckTree(root string) error {
	want, err := ReadManifest(root)
	if err != nil {
		return err
	}
	got, err := ScanTree(root)
	if err != nil {
		return err
	}
	if d := DiffManifests(want, got); len(d) > 0 {
		return fmt.Errorf("%s 与清单不符：%s", root, listPaths(d, 5))
	}
	return nil
}
