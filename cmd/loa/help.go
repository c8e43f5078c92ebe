package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/loa-ssg/loa/internal/diag"
)

const checkExitStatus = `
Exit status: 0 when there is no error (warnings may be printed), 1 when there
is at least one error, 2 when the command line is wrong.
`

const versionUsage = `Usage: loa version

Prints loa's version and the Go version it was built with.
`

func runHelp(_ context.Context, m *diag.Catalogue, args []string, stdout, _ io.Writer) error {
	args = withoutLang(args)
	if len(args) > 1 {
		args = append(args[:1:1], withoutLang(args[1:])...)
	}
	if len(args) == 0 {
		m.Fprint(stdout, usage)
		return nil
	}
	switch args[0] {
	case "build":
		fs, _ := buildFlags(new(buildConfig))
		m.Fprint(stdout, buildUsage)
		printFlags(m, stdout, fs)
		m.Fprint(stdout, exitStatus)
	case "check":
		m.Fprint(stdout, checkUsage)
		printFlags(m, stdout, checkFlags(new(checkConfig)))
		printChecks(m, stdout)
		m.Fprint(stdout, checkExitStatus)
	case "serve":
		m.Fprint(stdout, serveUsage)
		printFlags(m, stdout, serveFlags(new(serveConfig)))
	case "new":
		return runNew(context.Background(), m, []string{"-h"}, stdout, io.Discard)
	case "version":
		m.Fprint(stdout, versionUsage)
	default:
		return usageError{msg: fmt.Sprintf("no help for unknown command %q", args[0])}
	}
	return nil
}

const exitStatus = `
Exit status:
  0  the site was built (warnings, if any, are printed)
  1  the content has errors (printed as file:line:col), or the build failed;
     the previous output is left as it was
  2  the command line is wrong: an unknown flag, a --source that is no site,
     an --out that loa refuses (/, the source folder or a folder containing
     it, a folder inside content/, templates/ or static/, a file, or a
     non-empty folder without loa's .loa-output marker)
  130  stopped by Ctrl-C (SIGINT); 143, stopped by SIGTERM. The build stops,
       removes its staging folder and leaves the previous output as it was;
       a second Ctrl-C stops loa at once, and the next build removes what
       it left behind
`

// printFlags lists fs's flags the way the README writes them: "--name",
// with --lang, in m's language; the flags for measuring loa itself
// (devFlags) last, under a heading of their own, so that an editor
// reading the help meets the ones for them first.
func printFlags(m *diag.Catalogue, w io.Writer, fs *flag.FlagSet) {
	if fs.Lookup("lang") == nil {
		addLangFlag(fs)
	}
	var dev []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if devFlags[f.Name] {
			dev = append(dev, f)
			return
		}
		printFlag(m, w, f)
	})
	if len(dev) > 0 {
		m.Fprintf(w, "\nFor developers (measuring loa's speed and memory):\n")
		for _, f := range dev {
			printFlag(m, w, f)
		}
	}
}

// devFlags are the flags for measuring loa itself, not for building a site.
var devFlags = map[string]bool{"cpuprofile": true, "memprofile": true, "stats": true}

// printFlag writes one flag for printFlags: "  --name ARG", then its
// usage and default on the next line.
func printFlag(m *diag.Catalogue, w io.Writer, f *flag.Flag) {
	g := *f
	if t, ok := m.Translate(f.Usage); ok {
		g.Usage = t
	}
	name, usage := flag.UnquoteUsage(&g)
	line := "  --" + f.Name
	if name != "" {
		line += " " + name
	}
	fmt.Fprintf(w, "%s\n      %s", line, usage)
	if f.DefValue != "" && f.DefValue != "false" {
		m.Fprintf(w, " (default %q)", f.DefValue)
	}
	fmt.Fprintln(w)
}
