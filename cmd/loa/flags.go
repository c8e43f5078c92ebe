package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/loa-ssg/loa/internal/build"
)

// errHelped means the command's help was printed instead of running it.
var errHelped = errors.New("help printed")

// parseFlags parses a command's arguments: -h/--help prints its help
// (returning errHelped), a bad flag or a stray argument is a usage error.
func parseFlags(ctx context.Context, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			if err := runHelp(ctx, []string{fs.Name()}, stdout, stderr); err != nil {
				return err
			}
			return errHelped
		}
		return usageError{msg: fs.Name() + ": " + err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{msg: fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

// checkFormat refuses a --format other than text or json.
func checkFormat(cmd, format string) error {
	if format != "text" && format != "json" {
		return usageError{msg: fmt.Sprintf("%s: --format must be text or json, not %q", cmd, format)}
	}
	return nil
}

// asUsage turns a build.OptionError (a mistake in the options) into a
// usage error, exit status 2; other errors pass through.
func asUsage(err error) error {
	var oe *build.OptionError
	if errors.As(err, &oe) {
		return usageError{msg: oe.Msg, hint: oe.Hint}
	}
	return err
}
