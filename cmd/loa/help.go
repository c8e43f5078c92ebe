package main

import (
	"context"
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
		fs.SetOutput(stdout)
		fmt.Fprint(stdout, buildUsage)
		fs.PrintDefaults()
	case "version":
		fmt.Fprint(stdout, "Usage: loa version\n\nPrints loa's version and the Go version it was built with.\n")
	default:
		return usageError{msg: fmt.Sprintf("no help for unknown command %q", args[0])}
	}
	return nil
}
