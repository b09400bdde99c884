// Package tongbao holds the repository's own site — the sample that
// reproduces 双政办函〔2023〕14号 — inside the binary, so that gen-demo can
// make a demo site from it anywhere, not only inside a checkout. It is a
// package at the repository's root because go:embed reaches only files
// beside and below the package that embeds them.
package tongbao

import "embed"

// Sample is the sample site's catalogue, its month and its circular
// (whose words and 文号 the demo's circulars follow). It has no layouts:
// the site uses the theme built into tongbao (internal/theme), and so
// does a demo made from it.
//
//go:embed config.toml data/*.toml content/circulars/*.md
var Sample embed.FS
