// Package e2e holds the end-to-end tests of the built site in a real
// browser: accessibility (axe-core on every page type, in the normal and the
// 适老 mode), print (A4 PDF of a circular), the keyboard alone, and the site
// served by Debian's nginx under a sub-path. It has no code of its own; the
// tests build a demo or the sample site and drive Debian's Chromium through
// chromedp.
//
// The tests run in parallel (t.Parallel), each in a tab of the one
// Chromium they share, in a browser context of its own (its own storage,
// as a fresh profile has), and with a server of its own; the sites they read without editing
// (the sample, the five-year demo, …) are written and rendered once in a
// run and shared (helpers_test.go). A test that edits a site copies it.
//
// They need chromium, nginx, pdftotext and node's axe-core, which
// `bash scripts/install-test-deps.sh` installs. Without them the tests skip
// with a message, except under CI=true, where they fail.
package e2e
