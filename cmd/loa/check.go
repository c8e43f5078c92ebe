package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/check"
	"github.com/loa-ssg/loa/internal/diag"
)

const checkUsage = `Usage: loa check [flags]

Checks the site in --source without writing anything: everything loa build
checks (front matter, links to missing files, templates, the directory), and
also links to anchors that do not exist, pages missing in a language, images
without alternative text, headings that skip a level, titles used twice, and
directory entries past their review date. Each problem names its file, line
and column. content/site.yaml's "checks:" sets a rule to error, warning or off.

Flags:
`

const checksHeading = `
Checks (name, default, what each finds; content/site.yaml's "checks:" changes the default):
`

// printChecks lists check.Rules for loa help check: each rule's name,
// default severity and summary, the summary in m's language.
func printChecks(m *diag.Catalogue, w io.Writer) {
	m.Fprint(w, checksHeading)
	for _, r := range check.Rules {
		summary := r.Summary
		if t, ok := m.Translate(summary); ok {
			summary = t
		}
		fmt.Fprintf(w, "  %-20s %-8s %s\n", r.Name, r.Default, summary)
	}
}

type checkConfig struct {
	opts   build.Options
	format string
}

func checkFlags(c *checkConfig) *flag.FlagSet {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.StringVar(&c.opts.Source, "source", ".", "the site's folder `DIR`, holding content/, templates/ and static/")
	fs.BoolVar(&c.opts.Drafts, "drafts", false, "check pages marked draft: true as well")
	fs.StringVar(&c.format, "format", "text", "how to print problems, `FORMAT` text or json (json goes to standard output)")
	return fs
}

func runCheck(ctx context.Context, m *diag.Catalogue, args []string, stdout, stderr io.Writer) error {
	c := &checkConfig{}
	if err := parseFlags(ctx, m, checkFlags(c), args, stdout, stderr); err != nil {
		return err
	}
	if err := checkFormat("check", c.format); err != nil {
		return err
	}
	c.opts.DryRun = true
	res, err := build.Run(ctx, c.opts)
	if err != nil && !errors.Is(err, build.ErrContent) {
		return asUsage(err)
	}
	errs, warns := res.Diagnostics.Count()
	if c.format == "json" {
		if err := diag.PrintJSON(stdout, m.Localize(res.Diagnostics)); err != nil {
			return err
		}
	} else {
		if err := m.PrintText(stderr, res.Diagnostics); err != nil {
			return err
		}
		if errs+warns == 0 {
			m.Fprintf(stderr, "loa: no problems found\n")
		} else {
			m.Fprintf(stderr, "loa: %s, %s\n", errorCount(m, errs), warningCount(m, warns))
		}
	}
	if errs > 0 {
		return errReported
	}
	return nil
}
