package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// asLoa, set to 1 in the environment, makes the test binary run as loa
// (see TestMain), so that signal_test.go stops a real process with real
// signals.
const asLoa = "LOA_TEST_RUN_AS_LOA"

func TestMain(m *testing.M) {
	// Tests that call run expect English messages unless they ask for
	// another language. A script's own LOA_LANG, even empty, is kept.
	if _, ok := os.LookupEnv("LOA_LANG"); !ok {
		os.Setenv("LOA_LANG", "en")
	}
	if os.Getenv(asLoa) == "1" {
		// The test binary run as loa itself, signals and all
		// (signal_test.go).
		os.Exit(runWithSignals(os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"loa": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI end to end on the small sites written inline in
// testdata/script/*.txtar, checking exit codes, output files and the exact
// file:line:col of errors.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "America/Los_Angeles")
			// English messages unless a script asks for another language
			// (--lang, or env LOA_LANG=).
			env.Setenv("LOA_LANG", "en")
			return nil
		},
	})
}
