// Package e2e holds the end-to-end tests of the built site in a real
// browser: accessibility (axe-core on every page type, in the normal and the
// 适老 mode), print (A4 PDF of a circular), the keyboard alone, and the site
// served by Debian's nginx under a sub-path. It has no code of its own; the
// tests build a demo or the sample site and drive Debian's Chromium through
// chromedp.
//
// They need chromium, nginx, pdftotext and node's axe-core, which
// `bash scripts/install-test-deps.sh` installs. Without them the tests skip
// with a message, except under CI=true, where they fail.
package e2e
