package diag

import "testing"

func TestPosition(t *testing.T) {
	src := []byte("a = 1\n名称 = \"桥头\"\n\nx")
	for _, c := range []struct{ off, line, col int }{
		{0, 1, 1},
		{4, 1, 5},
		{6, 2, 1},  // the first character of line 2
		{13, 2, 4}, // after 名称 and " = " : 名(3 bytes)称(3 bytes) space = space
		{len(src) - 1, 4, 1},
		{len(src), 4, 2},
		{-5, 1, 1},
		{999, 4, 2},
	} {
		if line, col := Position(src, c.off); line != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.off, line, col, c.line, c.col)
		}
	}
}
