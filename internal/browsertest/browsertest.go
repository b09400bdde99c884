// Package browsertest starts Debian's Chromium for tongbao's browser
// tests, as net/http/httptest starts servers: one way to find the browser,
// the same flags and the same rule everywhere — outside CI a missing
// browser skips the test with a message, under CI=true it fails it.
// Start starts a browser for one test; a Browser is one that the tests of
// a package share, a tab each.
//
// It is imported by tests, and by bench/search, which starts the browser
// the same way.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// InstallHint says how to get what the browser tests need.
const InstallHint = "run `bash scripts/install-test-deps.sh`"

// CI reports whether the tests run in CI, where a missing browser, nginx
// or axe-core is a failure rather than a reason to skip.
func CI() bool { return os.Getenv("CI") == "true" }

// Missing fails the test under CI=true and skips it otherwise.
func Missing(t testing.TB, what string) {
	t.Helper()
	if CI() {
		t.Fatalf("%s not found; under CI=true this test must run (%s)", what, InstallHint)
	}
	t.Skipf("%s not found: skipping (%s)", what, InstallHint)
}

// Chromium is the browser: $CHROMIUM, or Debian's chromium. It skips or
// fails the test when there is none.
func Chromium(t testing.TB) string {
	t.Helper()
	p, ok := FindChromium()
	if !ok {
		Missing(t, "chromium")
	}
	return p
}

// FindChromium finds the browser as Chromium does, for programs that are
// not tests (bench/search).
func FindChromium() (string, bool) {
	names := []string{"/usr/bin/chromium", "chromium", "chromium-browser"}
	if p := os.Getenv("CHROMIUM"); p != "" {
		names = []string{p}
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// Flags are the options Start runs the browser at chromium with, with a
// fresh profile in the folder profile: headless, and off the network this
// machine does not have (background requests to Google's services would
// be refused, many at a time).
func Flags(chromium, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(profile),
	}
}

// Start starts a headless Chromium with a fresh profile (Flags) and
// returns the context of one tab; the browser ends with the test.
func Start(t testing.TB, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	chromium := Chromium(t)
	if testing.Short() && !CI() {
		t.Skip("browser test skipped in -short mode")
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), Flags(chromium, t.TempDir())...)
	bctx, bcancel := chromedp.NewContext(actx, opts...)
	t.Cleanup(func() {
		bcancel()
		acancel()
	})
	// Start the browser with the context it lives in (see chromedp.Run).
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return bctx
}

// A Browser is one Chromium that the tests of a package open their tabs
// in, each tab in a browser context of its own: its own storage, cookies
// and cache, as a fresh profile has, and its own window, so that every
// tab is shown (a hidden one gets no animation frames). Starting Chromium
// takes a second or more; a package of 62 browser tests started it once
// per test, and tests that run in parallel share it.
//
// The zero Browser is ready for use: the first Tab starts Chromium. Close
// ends it: call it from TestMain once m.Run has returned.
type Browser struct {
	once   sync.Once
	ctx    context.Context // the first tab's, which the others are opened from
	cancel context.CancelFunc
	dir    string // the profile
	err    error
}

// Tab opens a tab in a browser context of its own and returns its
// context; tab and browser context are closed when the test ends. It
// skips or fails the test as Start does when there is no browser.
func (b *Browser) Tab(t testing.TB, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	chromium := Chromium(t)
	if testing.Short() && !CI() {
		t.Skip("browser test skipped in -short mode")
	}
	b.once.Do(func() { b.err = b.start(chromium) })
	if b.err != nil {
		t.Fatalf("starting chromium: %v", b.err)
	}
	ctx, cancel := chromedp.NewContext(b.ctx, append([]chromedp.ContextOption{chromedp.WithNewBrowserContext()}, opts...)...)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// start starts Chromium with a fresh profile.
func (b *Browser) start(chromium string) error {
	dir, err := os.MkdirTemp("", "browsertest-")
	if err != nil {
		return err
	}
	b.dir = dir
	actx, acancel := chromedp.NewExecAllocator(context.Background(), Flags(chromium, dir)...)
	bctx, bcancel := chromedp.NewContext(actx)
	b.ctx = bctx
	b.cancel = func() {
		bcancel()
		acancel()
	}
	// Start the browser with the context it lives in (see chromedp.Run).
	if err := chromedp.Do(bctx); err != nil {
		return fmt.Errorf("%s: %w", chromium, err)
	}
	return nil
}

// Close ends the browser, if a Tab started it, and removes its profile.
func (b *Browser) Close() {
	if b.cancel != nil {
		b.cancel()
	}
	if b.dir != "" {
		os.RemoveAll(b.dir)
	}
}

// WaitFor polls a JavaScript expression in the page until it is true, for
// at most 20 s; it fails the test with where the page is and how it begins.
func WaitFor(t testing.TB, ctx context.Context, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
			body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 400) : ""`))
			t.Fatalf("waiting for %s: timed out (last error %v) at %s; the page begins %q", what, err, loc, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Quote quotes s as a JavaScript string literal.
func Quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`).Replace(s) + `"`
}
