package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/i18n"
)

const buildUsage = `Usage: loa build [flags]

Builds the site in --source (content/, templates/, static/) into --out.
The site is written to a staging folder first and replaces --out only when
the whole build succeeded, so a failed build leaves the previous site as it was.
After a build, a cache in .loa-cache/ beside --out lets the next build redo
only what changed, in place (safe to delete; --no-cache builds everything).

Flags:
`

type buildConfig struct {
	opts                build.Options
	format              string
	quiet, stats        bool
	cpuProfile, memProf string
}

func buildFlags(c *buildConfig) (*flag.FlagSet, *buildConfig) {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.StringVar(&c.opts.Source, "source", ".", "the site's folder `DIR`, holding content/, templates/ and static/")
	fs.StringVar(&c.opts.Out, "out", "public", "the output folder `DIR`, replaced as a whole on success")
	fs.StringVar(&c.opts.BaseURL, "base-url", "", "the site's public `URL`, overriding base_url in content/site.yaml")
	fs.BoolVar(&c.opts.Drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&c.opts.Portable, "portable", false, "write a copy that works opened from a folder (file://, a USB stick) into --out, default portable")
	fs.BoolVar(&c.opts.NoCache, "no-cache", false, "build everything from nothing, and keep no build cache (.loa-cache/ beside --out)")
	fs.StringVar(&c.format, "format", "text", "how to print problems, `FORMAT` text or json (json goes to standard output)")
	fs.BoolVar(&c.quiet, "quiet", false, "print nothing but problems")
	fs.BoolVar(&c.stats, "stats", false, "print the wall time of each stage, counts and peak heap")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) to `FILE`")
	fs.StringVar(&c.memProf, "memprofile", "", "write a heap profile (pprof) to `FILE` after the build")
	return fs, c
}

// buildMemoryLimit is the soft limit on the memory of the Go runtime that
// loa build sets (runtime/debug.SetMemoryLimit) unless the GOMEMLIMIT
// environment variable sets one: 1.5 GiB. Without it the garbage
// collector lets the heap grow to twice what is live, which for a site of
// 100,000 pages per language is more than 2 GB; with it, it collects more
// often as the heap nears the limit. A site whose live data alone needs
// more still builds (the limit is soft), only with more CPU time spent
// collecting. Sites of a few thousand pages never reach it.
const buildMemoryLimit = 1536 << 20

func runBuild(ctx context.Context, m *diag.Catalogue, args []string, stdout, stderr io.Writer) error {
	fs, c := buildFlags(new(buildConfig))
	if err := parseFlags(ctx, m, fs, args, stdout, stderr); err != nil {
		return err
	}
	if c.opts.Portable && !flagSet(fs, "out") {
		// Not over the copy for the web server.
		c.opts.Out = "portable"
	}
	if err := checkFormat("build", c.format); err != nil {
		return err
	}
	if !c.quiet && c.format == "text" {
		c.opts.Progress = stderr
		c.opts.Messages = m
	}
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(buildMemoryLimit))
	}
	start := time.Now()
	c.opts.ImageCache = imageCache()
	_, statErr := os.Stat(c.opts.Out)
	hadSite := statErr == nil // for the words after a failure
	res, err := build.Run(ctx, c.opts)
	if errors.Is(err, context.Canceled) {
		m.Fprintf(stderr, "loa: the build was stopped before it finished; the previous site was left as it was\n")
		return err
	}
	if c.memProf != "" {
		if perr := writeHeapProfile(c.memProf); perr != nil {
			return perr
		}
	}
	if c.stats {
		printStats(stderr, res, time.Since(start))
	}
	if c.format == "json" {
		if perr := diag.PrintJSON(stdout, m.Localize(res.Diagnostics)); perr != nil {
			return perr
		}
	} else if perr := m.PrintText(stderr, res.Diagnostics); perr != nil {
		return perr
	}
	if errors.Is(err, build.ErrContent) {
		if c.format == "text" {
			errs, warns := res.Diagnostics.Count()
			m.Fprintf(stderr, "loa: build failed: %s, %s; the previous site was left as it was\n",
				errorCount(m, errs), warningCount(m, warns))
		}
		return errReported
	}
	var oe *build.OptionError
	if err != nil && !errors.As(err, &oe) && c.format == "text" {
		r := room{needed: res.Needed}
		if build.DiskFull(err) {
			r.free, r.total, r.known = build.DiskSpace(filepath.Dir(c.opts.Out))
		}
		printRefusal(m, stderr, err, r, c.opts.Out, hadSite)
		return errReported
	}
	if err != nil {
		return asUsage(err)
	}
	if !c.quiet && c.format == "text" {
		var parts []string
		total := 0
		for _, l := range res.Languages {
			parts = append(parts, fmt.Sprintf("%d %s", res.Pages[l], l))
			total += res.Pages[l]
		}
		_, warns := res.Diagnostics.Count()
		files := m.Sprintf("%d files in all", res.Files)
		if res.Files == 1 {
			files = m.Sprintf("1 file in all")
		}
		if res.Unchanged > 0 {
			files += m.Sprintf(" (%d unchanged)", res.Unchanged)
		}
		pages := m.Sprintf("%d pages", total)
		if total == 1 {
			pages = m.Sprintf("1 page")
		}
		if made := total - res.ContentPages; res.ContentPages > 0 && made > 0 {
			// The count the progress lines gave, and what it grew into.
			read, lists := m.Sprintf("%d content pages", res.ContentPages), m.Sprintf("%d lists and topic pages", made)
			if res.ContentPages == 1 {
				read = m.Sprintf("1 content page")
			}
			if made == 1 {
				lists = m.Sprintf("1 list or topic page")
			}
			parts[len(parts)-1] += "; " + read + ", " + lists
		}
		m.Fprintf(stderr, "loa: built %s (%s), %s, into %s in %s",
			pages, strings.Join(parts, ", "), files, res.Out,
			diag.Duration(m.Lang(), time.Since(start)))
		if warns > 0 {
			m.Fprintf(stderr, ", with %s", warningCount(m, warns))
		}
		fmt.Fprintln(stderr)
		if res.Images == 1 {
			m.Fprintf(stderr, "loa: 1 photo made smaller for the web: %s → %s\n", i18n.Size(m.Lang(), res.ImageBytes[0]), i18n.Size(m.Lang(), res.ImageBytes[1]))
		} else if res.Images > 1 {
			m.Fprintf(stderr, "loa: %d photos made smaller for the web: %s → %s\n", res.Images, i18n.Size(m.Lang(), res.ImageBytes[0]), i18n.Size(m.Lang(), res.ImageBytes[1]))
		}
	}
	return nil
}

// imageCache is the folder where scaled photos are kept between builds:
// loa/images in the user's cache folder ($XDG_CACHE_HOME or ~/.cache on
// Linux, %LocalAppData% on Windows), or "" when there is none.
func imageCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "loa", "images")
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.WriteHeapProfile(f)
}

// printStats prints what --stats promises: each stage's wall time, the
// counts, and the peak heap (the runtime's high-water mark of heap memory
// obtained from the system, which bounds the live heap from above).
func printStats(w io.Writer, res build.Result, total time.Duration) {
	for _, s := range res.Stages {
		fmt.Fprintf(w, "stats: %-8s %8s\n", s.Name, s.Duration.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "stats: %-8s %8s\n", "total", total.Round(time.Millisecond))
	pages := 0
	for _, n := range res.Pages {
		pages += n
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(w, "stats: %d pages, %d files (%d unchanged), %d diagnostics; heap from the system %d MB, %d GCs\n",
		pages, res.Files, res.Unchanged, len(res.Diagnostics), m.HeapSys>>20, m.NumGC)
}

// errorCount says "1 error" or "N errors" in m's language.
func errorCount(m *diag.Catalogue, n int) string {
	if n == 1 {
		return m.Sprintf("1 error")
	}
	return m.Sprintf("%d errors", n)
}

// warningCount says "1 warning" or "N warnings" in m's language.
func warningCount(m *diag.Catalogue, n int) string {
	if n == 1 {
		return m.Sprintf("1 warning")
	}
	return m.Sprintf("%d warnings", n)
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// room is what loa build knows of the room on a disk that filled up, in
// bytes: what the site needs there (build.Result.Needed; 0 when not
// known), and what the disk has free and holds in all (build.DiskSpace;
// known is false when the system cannot say).
type room struct {
	needed, free, total int64
	known               bool
}

// fileOnPath returns the first of out's parent folders, from the top,
// that is a file and not a folder ("baocao.txt" for --out
// baocao.txt/web), or "" when none is: the system then refuses the
// output with "not a directory", which says nothing of which part of the
// path is wrong.
func fileOnPath(out string) string {
	out = filepath.Clean(out)
	var parents []string
	for dir := filepath.Dir(out); ; dir = filepath.Dir(dir) {
		parents = append(parents, dir)
		if dir == filepath.Dir(dir) {
			break
		}
	}
	for i := len(parents) - 1; i >= 0; i-- {
		if info, err := os.Stat(parents[i]); err == nil && !info.IsDir() {
			return parents[i]
		}
	}
	return ""
}

// printRefusal writes what loa build says when the system refused it (a
// full disk, a folder loa may not write to): the system's words
// (printError); which parent of out is a file, when one is (fileOnPath:
// the hint then says to choose another --out, not to make room); on a
// full disk the room the site needs against the room
// there is (r), and whether deleting files on that disk could ever make
// enough; what became of the output folder out (kept, when there was a
// site there before, hadSite; or not made); and what to do (on a disk too
// small as a whole, only another disk helps: no word of deleting).
func printRefusal(m *diag.Catalogue, w io.Writer, err error, r room, out string, hadSite bool) {
	printError(m, w, err)
	file := fileOnPath(out)
	if file != "" {
		m.Fprintf(w, "loa: %s is a file, not a folder, so the site cannot be made inside it\n", file)
	}
	full := build.DiskFull(err)
	lang := m.Lang()
	tooSmall := full && r.needed > 0 && r.known && r.total < r.needed
	switch {
	case !full || r.needed == 0:
	case r.known:
		m.Fprintf(w, "loa: the disk has not enough room: the whole site needs about %s there, and the disk has %s free\n", i18n.Size(lang, r.needed), i18n.SizeBeside(lang, r.free, r.needed))
		if tooSmall {
			m.Fprintf(w, "loa: the whole disk holds %s, so deleting files on it cannot make room for the site\n", i18n.SizeBeside(lang, r.total, r.needed))
		}
	default:
		m.Fprintf(w, "loa: the disk has not enough room: the whole site needs about %s there\n", i18n.Size(lang, r.needed))
	}
	if staging := "." + filepath.Base(out) + ".staging-"; build.OutputKept(err) && strings.Contains(err.Error(), staging) {
		m.Fprintf(w, "loa: the temporary folder %s… named above is deleted\n", staging)
	}
	switch {
	case !build.OutputKept(err):
	case hadSite:
		m.Fprintf(w, "loa: build failed; the previous site was left as it was\n")
	default:
		m.Fprintf(w, "loa: build failed; %s was not made\n", out)
	}
	hint := m.Sprintf("the lines above say what the computer refused (a full disk, a folder you may not write to): make room or use a larger disk, or build into another folder with --out, then build again")
	switch {
	case file != "":
		hint = m.Sprintf("build into another folder with --out: one that does not exist yet, or a folder, not a file, then build again")
	case tooSmall:
		// A fifth more than needed, in whole megabytes: the need is an
		// estimate (file systems round and keep their own records).
		want := (r.needed*6/5 + 1<<20 - 1) >> 20 << 20
		hint = m.Sprintf("use another disk with at least %s free (the %s the site needs, and some to spare): nothing deleted on this one can make room; until then, build into a folder on this computer with --out, to copy onto that disk later", i18n.Size(lang, want), i18n.Size(lang, r.needed))
	case full:
		hint = m.Sprintf("use a larger disk, or build into a folder on this computer with --out and copy it over later; delete files on that disk only if you are sure they are not needed, and build again")
	}
	m.Fprintf(w, "  hint: %s\n", hint)
}
