package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"strconv"
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
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"photo": photoCmd},
	})
}

// photoCmd writes a JPEG as heavy as a photo from a phone (noise in it):
// photo FILE WIDTH HEIGHT.
func photoCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: photo FILE WIDTH HEIGHT")
	}
	w, err1 := strconv.Atoi(args[1])
	h, err2 := strconv.Atoi(args[2])
	if err1 != nil || err2 != nil {
		ts.Fatalf("photo: width and height are numbers")
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	seed := uint32(1)
	for y := range h {
		for x := range w {
			seed = seed*1664525 + 1013904223
			img.SetRGBA(x, y, color.RGBA{uint8(seed >> 24), uint8(x), uint8(y), 255})
		}
	}
	var buf bytes.Buffer
	ts.Check(jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
}
