package render

import (
	"bytes"
	"encoding/binary"
	"path"
	"strings"
)

// This file makes the site's icon, /favicon.ico: the file [site] favicon
// names in layouts/assets/, or tongbao's own. Browsers ask the root of a
// host for /favicon.ico, but a site below a sub-path is not at the root:
// every page names its icon with <link rel="icon">, below baseURL's path.

// iconPath is where browsers look for a site's icon, below its root.
const iconPath = "favicon.ico"

// iconJob writes favicon.ico at the root of the output. Without [site]
// favicon a static/favicon.ico takes its place, as a Hugo user would
// put one there; the pages' <link rel="icon"> names /favicon.ico then,
// whichever file it is. With [site] favicon both set the icon: an error
// (claim).
func (a *assets) iconJob() job {
	return job{path: iconPath, owner: own("网站图标 favicon.ico"), in: []input{global()},
		fallback: a.s.Config.Site.Favicon == "",
		fn: func() ([]byte, error) {
			if f := a.s.Config.Site.Favicon; f != "" {
				for _, x := range a.s.Assets {
					if x.Name == f {
						return x.Data, nil
					}
				}
			}
			return defaultIcon(), nil
		}}
}

// icon is the address and type of the site's icon, for <link rel="icon">:
// the fingerprinted copy of the file [site] favicon names, which browsers
// may keep for ever, or the built-in /favicon.ico below baseURL's path.
func (c *core) icon() (href, typ string) {
	f := c.s.Config.Site.Favicon
	p, ok := c.assets[f]
	if f == "" || !ok {
		return c.URL(iconPath), "image/x-icon"
	}
	if strings.EqualFold(path.Ext(f), ".png") {
		return c.URL(p), "image/png"
	}
	return c.URL(p), "image/x-icon"
}

// defaultIcon is tongbao's own icon: a sheet of paper with three lines of
// text on a red square — a document, and no emblem of any office — at 16
// and 32 pixels. It is drawn here rather than kept as a binary file, so
// that what it is can be read.
func defaultIcon() []byte {
	// The drawing on a 16 × 16 grid, top row first: r red, w white
	// paper, l a line of text, . transparent.
	grid := [16]string{
		".rrrrrrrrrrrrrr.",
		"rrrrrrrrrrrrrrrr",
		"rrrrwwwwwwwwrrrr",
		"rrrrwwwwwwwwrrrr",
		"rrrrwllllllwrrrr",
		"rrrrwwwwwwwwrrrr",
		"rrrrwllllllwrrrr",
		"rrrrwwwwwwwwrrrr",
		"rrrrwllllwwwrrrr",
		"rrrrwwwwwwwwrrrr",
		"rrrrwwwwwwwwrrrr",
		"rrrrwwwwwwwwrrrr",
		"rrrrwwwwwwwwrrrr",
		"rrrrrrrrrrrrrrrr",
		"rrrrrrrrrrrrrrrr",
		".rrrrrrrrrrrrrr.",
	}
	colour := map[byte][4]byte{ // B, G, R, A
		'r': {0x00, 0x00, 0x8f, 0xff}, // the header's red, #8f0000
		'w': {0xff, 0xff, 0xff, 0xff},
		'l': {0x00, 0x00, 0x8f, 0xff},
		'.': {},
	}
	sizes := []int{16, 32}
	images := make([][]byte, len(sizes))
	for n, size := range sizes {
		scale := size / 16
		var b bytes.Buffer
		// BITMAPINFOHEADER; an icon's bitmap is twice its height: the
		// colours, then the transparency mask.
		binary.Write(&b, binary.LittleEndian, struct {
			Size                     uint32
			Width, Height            int32
			Planes, BitCount         uint16
			Compression, ImageSize   uint32
			XPerMeter, YPerMeter     int32
			ColoursUsed, ColoursImpt uint32
		}{40, int32(size), int32(2 * size), 1, 32, 0, uint32(size * size * 4), 0, 0, 0, 0})
		for y := size - 1; y >= 0; y-- { // bottom row first
			for x := range size {
				c := colour[grid[y/scale][x/scale]]
				b.Write(c[:])
			}
		}
		// The 1-bit mask, rows padded to 32 bits: all zero, the alpha
		// channel says what is transparent.
		b.Write(make([]byte, size*((size+31)/32*4)))
		images[n] = b.Bytes()
	}
	var ico bytes.Buffer
	binary.Write(&ico, binary.LittleEndian, [3]uint16{0, 1, uint16(len(images))}) // reserved, type icon, count
	offset := 6 + 16*len(images)
	for n, img := range images {
		size := byte(sizes[n])
		ico.Write([]byte{size, size, 0, 0})                       // width, height, palette, reserved
		binary.Write(&ico, binary.LittleEndian, [2]uint16{1, 32}) // planes, bits per pixel
		binary.Write(&ico, binary.LittleEndian, [2]uint32{uint32(len(img)), uint32(offset)})
		offset += len(img)
	}
	for _, img := range images {
		ico.Write(img)
	}
	return ico.Bytes()
}
