package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/diag"
)

const newUsage = `Usage: loa new [--source DIR] <section> <title>

Creates a page in content/<section>/ for every language of the site, named
after the title folded to a slug ("Phòng, chống mại dâm" → phong-chong-mai-dam.vi.md),
with front matter filled in: the title, today's date in the site's time
zone, and draft: true. It never overwrites a file. The pages are drafts:
they are published once their text is written and draft: true is changed
to draft: false (loa serve --drafts shows them before). The section is a folder
under content/ ("news", "guidance/laws").

Flags:
`

func runNew(_ context.Context, m *diag.Catalogue, args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	source := fs.String("source", ".", "the site's folder `DIR`")
	addLangFlag(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			m.Fprint(stdout, newUsage)
			printFlags(m, stdout, fs)
			return nil
		}
		return flagError("new", err)
	}
	if fs.NArg() < 2 {
		return usageError{msg: "new: give a section and a title, e.g. loa new news \"Hội thảo về phòng, chống mua bán người\""}
	}
	title := strings.Join(fs.Args()[1:], " ")
	files, err := build.NewPage(*source, fs.Arg(0), title, time.Now())
	if err != nil {
		return asUsage(err)
	}
	for _, f := range files {
		fmt.Fprintln(stdout, f)
	}
	m.Fprintf(stdout, "These pages are drafts (draft: true): they are not on the site yet.\n")
	m.Fprintf(stdout, "Preview them with: loa serve --drafts\n")
	if len(files) > 1 {
		m.Fprintf(stdout, "To publish a translation, translate its title and write its text in %s.\n", strings.Join(files[1:], ", "))
	}
	m.Fprintf(stdout, "To publish a page, write its text, then change draft: true to draft: false.\n")
	return nil
}
