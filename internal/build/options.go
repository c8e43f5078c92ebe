package build

import (
	"io"
	"io/fs"
	"time"

	"github.com/loa-ssg/loa/internal/diag"
)

// Options configure a build. The zero value builds the site in the current
// folder into ./public.
type Options struct {
	// Source is the site's folder, holding content/, templates/ and static/.
	// Default ".".
	Source string
	// Out is the output folder. Default "public" (relative to the working
	// folder, not to Source).
	Out string
	// BaseURL overrides base_url in site.yaml.
	BaseURL string
	// Drafts includes pages marked draft: true.
	Drafts bool
	// DryRun does everything but write: the site is loaded, converted,
	// rendered and checked, and Out is neither checked nor touched
	// (loa check).
	DryRun bool
	// Now is the build time, the one clock of a build: directory entries
	// past their review period, dates in the future, the day printed
	// pieces were made, and what templates see as .Now (render.Input.Now
	// is this value; nothing else reads the system clock for output).
	// Zero means time.Now() when the build starts; tests set it so that
	// output is stable.
	Now time.Time
	// Workers is how many pages are converted and rendered at once.
	// 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, receives a line per stage of a long build.
	Progress io.Writer
	// Messages is the language of the Progress lines; nil is English.
	// Diagnostics are returned in English: translate them with
	// Messages.Localize when printing.
	Messages *diag.Catalogue
	// Portable writes a copy that works opened from a folder (file://, a
	// USB stick): every link and asset path relative, with index.html
	// written out, and the search page falling back to the A–Z list.
	// Canonical and hreflang links keep the site's address.
	Portable bool
	// ImageCache is a folder where scaled copies of photos are kept between
	// builds, by the hash of the original ("": none; every build scales
	// them again).
	ImageCache string
	// NoCache builds everything from nothing and keeps no build cache
	// (see CacheDir); the cache there was is deleted. Photos are scaled
	// again too: ImageCache is neither read nor written.
	NoCache bool
	// Templates and Static replace the built-in templates and static files
	// (for tests); nil means the ones embedded in the binary.
	Templates, Static fs.FS
}
