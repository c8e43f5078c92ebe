package main

import (
	"context"
	"flag"
	"fmt"
	"io"
)

func runHelp(_ context.Context, args []string, stdout, _ io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return nil
	}
	switch args[0] {
	case "build":
		fs, _ := buildFlags(new(buildConfig))
		fmt.Fprint(stdout, buildUsage)
		printFlags(stdout, fs)
		fmt.Fprint(stdout, exitStatus)
	case "check":
		fmt.Fprint(stdout, checkUsage)
		printFlags(stdout, checkFlags(new(checkConfig)))
		fmt.Fprint(stdout, "\nExit status: 0 when there is no error (warnings may be printed), 1 when there\nis at least one error, 2 when the command line is wrong.\n")
	case "serve":
		fmt.Fprint(stdout, serveUsage)
		printFlags(stdout, serveFlags(new(serveConfig)))
	case "new":
		return runNew(context.Background(), []string{"-h"}, stdout, io.Discard)
	case "version":
		fmt.Fprint(stdout, "Usage: loa version\n\nPrints loa's version and the Go version it was built with.\n")
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
`

// printFlags lists fs's flags the way the README writes them: "--name".
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n      %s", line, usage)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %q)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}
