package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowedImports is the table of docs/ARCHITECTURE.md: what each package
// may import of tongbao. The flow goes one way — site, rank, render, then
// build and serve — and the leaves import nothing of tongbao.
var allowedImports = map[string][]string{
	"internal/diag":        nil,
	"internal/par":         nil,
	"internal/zh":          nil,
	"internal/markdown":    nil,
	"internal/search":      nil,
	"internal/theme":       nil,
	"internal/browsertest": nil,
	"internal/e2e":         nil,
	"internal/site":        {"diag", "par", "markdown", "zh", "theme"},
	"internal/rank":        {"site", "zh", "diag", "par"},
	"internal/render":      {"site", "rank", "markdown", "search", "zh", "diag", "par"},
	"internal/build":       {"site", "rank", "render", "diag", "par"},
	"internal/serve":       {"site", "rank", "render", "diag", "par"},
	"internal/demo":        {"site"},
	"internal/sheet":       {"site", "diag"},
	"cmd/tongbao":          {"build", "serve", "demo", "sheet", "site", "theme", "zh", "diag", "tongbao"},
	"tongbao":              nil, // the repository's own site, embedded
}

func TestPackageImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "tongbao", "tongbao/internal/...", "tongbao/cmd/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		if pkg != "tongbao" {
			pkg = strings.TrimPrefix(pkg, "tongbao/")
		}
		allowed, known := allowedImports[pkg]
		if !known {
			t.Errorf("%s is not in docs/ARCHITECTURE.md's table of packages", pkg)
			continue
		}
		for _, imp := range strings.Fields(imports) {
			name, ours := strings.CutPrefix(imp, "tongbao/internal/")
			if imp == "tongbao" {
				name, ours = imp, true
			}
			if ours && !slices.Contains(allowed, name) {
				t.Errorf("%s imports %s, which docs/ARCHITECTURE.md does not allow", pkg, imp)
			}
		}
	}
}
