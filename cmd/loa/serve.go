package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/serve"
)

const serveUsage = `Usage: loa serve [flags]

Builds the site, serves it at http://127.0.0.1:1313/ and watches content/,
templates/ and static/: every save rebuilds the site and reloads the open
pages. A broken edit keeps the last good site on screen, with the problems
shown over it until they are fixed. Nothing is written into the site's
folder; Ctrl-C stops the preview and removes its temporary files (exit
status 130; 143 for SIGTERM), and a second Ctrl-C stops it at once. When
the system's limit on watched folders is reached, loa says which folders
it cannot watch and how to raise the limit.

With --public DIR it builds nothing: it serves the site already built in
DIR (loa build --out DIR) the way a web host would, with the site's own
404 page and security headers, and without the files meant for the host.

Flags:
`

type serveConfig struct {
	opts   serve.Options
	public string
}

func serveFlags(c *serveConfig) *flag.FlagSet {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.StringVar(&c.opts.Build.Source, "source", ".", "the site's folder `DIR`, holding content/, templates/ and static/")
	fs.IntVar(&c.opts.Port, "port", 1313, "the `PORT` to listen on")
	fs.StringVar(&c.opts.Bind, "bind", "127.0.0.1", "the `ADDRESS` to listen on; 0.0.0.0 lets other computers see the preview")
	fs.BoolVar(&c.opts.Build.Drafts, "drafts", false, "show pages marked draft: true")
	fs.StringVar(&c.public, "public", "", "serve the site already built in `DIR` as a web host would, instead of building and watching")
	return fs
}

func runServe(ctx context.Context, m *diag.Catalogue, args []string, stdout, stderr io.Writer) error {
	c := &serveConfig{}
	if err := parseFlags(ctx, m, serveFlags(c), args, stdout, stderr); err != nil {
		return err
	}
	if c.opts.Port < 1 || c.opts.Port > 65535 {
		return usageError{msg: fmt.Sprintf("serve: --port %d is not a port number (1–65535)", c.opts.Port)}
	}
	c.opts.Log = stderr
	c.opts.Messages = m
	c.opts.Build.ImageCache = imageCache()
	if c.public != "" {
		return asUsage(serve.RunPublic(ctx, serve.PublicOptions{Dir: c.public, Bind: c.opts.Bind, Port: c.opts.Port, Log: stderr, Messages: m}))
	}
	return asUsage(serve.Run(ctx, c.opts))
}
