package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// interrupted is the cause of the command's context when a signal
// (SIGINT from Ctrl-C, or SIGTERM) stopped loa.
type interrupted struct{ sig os.Signal }

func (e interrupted) Error() string { return "stopped by " + signalName(e.sig) }

// exitCode is the shell's convention for a process ended by a signal:
// 128 + its number, 130 for SIGINT and 143 for SIGTERM.
func (e interrupted) exitCode() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "Ctrl-C (SIGINT)"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}

// interruptedBy returns the signal that stopped ctx's command, if any.
func interruptedBy(ctx context.Context) (interrupted, bool) {
	var in interrupted
	ok := errors.As(context.Cause(ctx), &in)
	return in, ok
}

// runWithSignals runs the command in args as run does, stopped by SIGINT
// or SIGTERM: the first cancels the command's context (a build then
// removes its staging folder and leaves the previous site as it was; the
// preview removes its temporary folder) and the exit status is 130 or 143;
// a second signal ends loa at once with that status, leaving whatever
// temporary folders there were for the next build to remove.
func runWithSignals(args []string, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	m, _ := messages(args, os.Getenv("LOA_LANG")) // run says what is wrong with --lang
	go func() {
		sig := <-sigs
		m.Fprintf(stderr, "loa: %s: stopping (press Ctrl-C again to stop at once)\n", signalName(sig))
		cancel(interrupted{sig})
		sig = <-sigs
		m.Fprintf(stderr, "loa: %s again: stopped at once; the next build removes any folder left behind\n", signalName(sig))
		os.Exit(interrupted{sig}.exitCode())
	}()
	return run(ctx, args, stdout, stderr)
}
