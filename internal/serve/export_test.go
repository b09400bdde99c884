package serve

import "io"

// body is the body as served, in one piece.
func (f *file) body() []byte {
	b, _ := io.ReadAll(f.reader())
	return b
}
