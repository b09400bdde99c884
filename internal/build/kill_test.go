package build

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestKillMidBuild kills `tongbao build` with SIGKILL at random moments,
// 50 times, alternating between two inputs that give different trees, and
// checks after every kill that the output is exactly one complete build:
// every file of its manifest there with its hash, no other file, and the
// manifest one of the two known ones — never missing, mixed or partial.
// A staging folder a kill leaves beside the output must be gone after the
// next build that completes.
func TestKillMidBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 50 builds")
	}
	exe := tongbaoBinary(t)
	// Three years (36 circulars, ~200 files, 7 MB) keep the loop near 30 s
	// on two cores; different seeds give every circular other numbers.
	inputs := [2]string{demoSite(t, 3, 1), demoSite(t, 3, 2)}
	dest := filepath.Join(t.TempDir(), "public")

	// Each input built twice, alternately: the manifests of the first two,
	// and the time a build takes — the fastest of the four, since any of
	// them can take twenty times as long as the rest (cold caches, a disk
	// still writing what the other packages' tests wrote: two of four took
	// 11 s against 0.4 and 0.6 s in one CI run, and their median then put
	// 1 kill in 50), and kills spread over such a time would mostly come
	// after the build had ended. A build the disk stalls in the loop below
	// is then killed, which the test wants too.
	var manifests [2]Manifest
	var times []time.Duration
	for i := range 4 {
		start := time.Now()
		if out, err := exec.Command(exe, "build", "-s", inputs[i%2], "-d", dest).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
		times = append(times, time.Since(start))
		if i < 2 {
			m, err := ReadManifest(dest)
			if err != nil {
				t.Fatal(err)
			}
			manifests[i] = m
		}
	}
	typical := slices.Min(times)
	if len(DiffManifests(manifests[0], manifests[1])) < 50 {
		t.Fatal("the two inputs give nearly the same tree: old and new could not be told apart")
	}
	which := func() int {
		if err := CheckTree(dest); err != nil {
			t.Fatalf("the output is not a complete build: %v", err)
		}
		m, err := ReadManifest(dest)
		if err != nil {
			t.Fatal(err)
		}
		for i := range manifests {
			if len(DiffManifests(m, manifests[i])) == 0 {
				return i
			}
		}
		t.Fatal("the output is complete but neither build")
		return -1
	}

	seed := uint64(time.Now().UnixNano())
	t.Logf("random seed %d; one full build takes %v (builds took %v)", seed, typical.Round(time.Millisecond), times)
	rng := rand.New(rand.NewPCG(seed, 1))
	var killed, completed, keptOld, gotNew, leftBehind int
	current := 1 // the last build above was inputs[1]
	start := time.Now()
	for i := range 50 {
		next := 1 - current
		cmd := exec.Command(exe, "build", "-s", inputs[next], "-d", dest)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// Spread over twice the time a build takes: a build in this loop
		// takes longer than those timed above (it first removes what the
		// last kill left), and this gives kills and completed builds both.
		delay := time.Duration(rng.Int64N(int64(typical) * 2))
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("run %d: build failed without being killed: %v", i, err)
			}
			completed++
			if l := leftovers(t, dest); len(l) > 0 {
				t.Fatalf("run %d: a completed build left staging folders: %v", i, l)
			}
		case <-time.After(delay):
			cmd.Process.Kill()
			<-done
			killed++
			if len(leftovers(t, dest)) > 0 {
				leftBehind++
			}
		}
		switch got := which(); got {
		case current:
			keptOld++
		case next:
			gotNew++
			current = next
		}
	}
	t.Logf("50 runs in %v: %d killed, %d completed; the output was the old build %d times, the new one %d times; %d kills left a staging folder",
		time.Since(start).Round(time.Millisecond), killed, completed, keptOld, gotNew, leftBehind)
	if killed < 10 {
		t.Errorf("only %d of 50 builds were killed: the test proves little", killed)
	}

	// The next complete build removes whatever the kills left.
	if out, err := exec.Command(exe, "build", "-s", inputs[0], "-d", dest).CombinedOutput(); err != nil {
		t.Fatalf("final build: %v\n%s", err, out)
	}
	if which() != 0 {
		t.Error("the final build is not the one asked for")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"public"}) {
		t.Errorf("beside the output after a complete build: %v, want only public", names)
	}
}
