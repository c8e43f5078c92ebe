package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/diag"
)

// errHelped means the command's help was printed instead of running it.
var errHelped = errors.New("help printed")

// parseFlags parses a command's arguments: -h/--help prints its help
// (returning errHelped), a bad flag or a stray argument is a usage error.
func parseFlags(ctx context.Context, m *diag.Catalogue, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	fs.SetOutput(io.Discard)
	addLangFlag(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			if err := runHelp(ctx, m, []string{fs.Name()}, stdout, stderr); err != nil {
				return err
			}
			return errHelped
		}
		return flagError(fs.Name(), err)
	}
	if fs.NArg() > 0 {
		return usageError{msg: fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

// flagError turns an error of package flag into a usage error in words
// that loa can translate.
func flagError(cmd string, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return usageError{msg: fmt.Sprintf("%s: flag provided but not defined: %s", cmd, name),
			hint: fmt.Sprintf("run loa help %s for its flags", cmd)}
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return usageError{msg: fmt.Sprintf("%s: flag needs an argument: %s", cmd, name)}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if value, name, ok := strings.Cut(rest, " for flag "); ok {
			name, _, _ = strings.Cut(name, ":")
			return usageError{msg: fmt.Sprintf("%s: invalid value %s for flag %s", cmd, value, name)}
		}
	}
	return usageError{msg: cmd + ": " + msg}
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
