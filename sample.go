// Package tongbao holds the repository's own site — the sample that
// reproduces 双政办函〔2023〕14号 — inside the binary, so that gen-demo can
// make a demo site from it anywhere, not only inside a checkout. It is a
// package at the repository's root because go:embed reaches only files
// beside and below the package that embeds them.
package tongbao

import "embed"

// Sample is the sample site's catalogue, its month, its circular (whose
// words and 文号 the demo's circulars follow) and its layouts. The
// layouts are here only because a site cannot build without them today;
// when the default theme is built into the binary, "layouts" leaves this
// list and a demo site holds no layouts/ of its own (internal/demo copies
// whatever layouts the sample has).
//
//go:embed config.toml data/*.toml content/circulars/*.md layouts
var Sample embed.FS
