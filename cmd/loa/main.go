// Command loa builds a bilingual static website from Markdown and YAML.
//
//	loa build [--source DIR] [--out DIR] [--base-url URL] [--drafts] [--portable]
//	loa check [--source DIR] [--drafts] [--format text|json]
//	loa serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--drafts]
//	loa new [--source DIR] <section> <title>
//	loa version
//	loa help [command]
//
// Every command takes --lang vi|en, the language of its messages; without
// it, LOA_LANG, else the site's default language, else English.
//
// Exit status: 0 on success, 1 when the content has errors or the build
// failed, 2 when the command line is wrong, 130 when stopped by Ctrl-C
// (SIGINT) and 143 when stopped by SIGTERM.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/loa-ssg/loa/internal/diag"
)

// usageError marks a wrong command line: exit status 2. hint, when set,
// says how to fix it.
type usageError struct{ msg, hint string }

func (e usageError) Error() string { return e.msg }

// errReported means the problem was already printed: exit status 1.
var errReported = errors.New("reported")

const usage = `loa builds a bilingual public-information website from Markdown and YAML.

Usage:
  loa build [--source DIR] [--out DIR] [--base-url URL] [--drafts] [--portable] [--format text|json] [--quiet] [--stats]
  loa check [--source DIR] [--drafts] [--format text|json]
  loa serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--drafts]
  loa new [--source DIR] <section> <title>
  loa version
  loa help [command]

Run "loa help build" for the flags of a command. Every command takes
--lang vi or --lang en, the language of loa's messages (default: LOA_LANG,
else the site's default language).
`

func main() {
	os.Exit(runWithSignals(os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	m, err := messages(args, os.Getenv("LOA_LANG"))
	if err == nil {
		err = dispatch(ctx, m, withoutLang(args), stdout, stderr)
	}
	if in, ok := interruptedBy(ctx); ok {
		// The command said what it left behind; other errors still show.
		if err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, errReported) && !errors.Is(err, errHelped) {
			printError(m, stderr, err)
		}
		return in.exitCode()
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		msg, _ := m.Message(ue.msg)
		m.Fprintf(stderr, "loa: %s\n", msg)
		if ue.hint != "" {
			hint, _ := m.Message(ue.hint)
			m.Fprintf(stderr, "  hint: %s\n", hint)
		} else {
			m.Fprintf(stderr, "Run \"loa help\" for usage.\n")
		}
		return 2
	case errors.Is(err, errReported):
		return 1
	case errors.Is(err, errHelped):
		return 0
	default:
		printError(m, stderr, err)
		return 1
	}
}

// printError writes err to w as "loa: " and its text in m's language
// (diag.Catalogue.Message: a wrapped error and the system's words at its
// end translated too). When err joins several (errors.Join: every file a
// full disk refused), each cause is said once: the first error with it,
// then how many more share it, so that an editor reads one line, not one
// per file.
func printError(m *diag.Catalogue, w io.Writer, err error) {
	for _, g := range byCause(err) {
		msg, _ := m.Message(g.first.Error())
		fmt.Fprintf(w, "loa: %s\n", msg)
		switch {
		case g.more == 0:
		case g.files && g.more == 1:
			m.Fprintf(w, "  (and 1 more file, for the same reason)\n")
		case g.files:
			m.Fprintf(w, "  (and %d more files, for the same reason)\n", g.more)
		case g.more == 1:
			m.Fprintf(w, "  (and 1 more error like it)\n")
		default:
			m.Fprintf(w, "  (and %d more errors like it)\n", g.more)
		}
	}
}

// causeGroup is the errors of a join that share their innermost cause.
type causeGroup struct {
	first error // the first error with the cause, in the join's order
	more  int   // how many more have it
	files bool  // whether every one of them is about a file (*fs.PathError)
}

// byCause flattens err's joins (an error with Unwrap() []error, at any
// depth) and groups the errors by the text of their innermost cause, the
// end of their chain of Unwrap() error: the system's "no space left on
// device" for every file a full disk refused. Groups keep the order of
// their first error. An error that wraps nothing is a group of its own
// unless the same text comes again.
func byCause(err error) []causeGroup {
	var groups []causeGroup
	at := map[string]int{}
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		cause := e
		for u := errors.Unwrap(cause); u != nil; u = errors.Unwrap(cause) {
			cause = u
		}
		var pe *fs.PathError
		file := errors.As(e, &pe)
		key := cause.Error()
		if cause == e {
			key = "\x00" + key // not the same as a cause wrapped by another
		}
		if i, ok := at[key]; ok {
			groups[i].more++
			groups[i].files = groups[i].files && file
			return
		}
		at[key] = len(groups)
		groups = append(groups, causeGroup{first: e, files: file})
	}
	walk(err)
	return groups
}

// dispatch runs the command args[0]; m is the language of its messages.
func dispatch(ctx context.Context, m *diag.Catalogue, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		m.Fprint(stderr, usage)
		return usageError{msg: "no command given"}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		return runBuild(ctx, m, rest, stdout, stderr)
	case "check":
		return runCheck(ctx, m, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, m, rest, stdout, stderr)
	case "new":
		return runNew(ctx, m, rest, stdout, stderr)
	case "version", "--version":
		return runVersion(ctx, m, rest, stdout, stderr)
	case "help", "-h", "--help":
		return runHelp(ctx, m, rest, stdout, stderr)
	default:
		return usageError{msg: fmt.Sprintf("unknown command %q", cmd)}
	}
}
