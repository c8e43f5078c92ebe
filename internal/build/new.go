package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/content"
	"github.com/loa-ssg/loa/internal/fold"
)

// NewPage creates content/<section>/<slug>.<lang>.md in source for every
// language of the site, where slug is title folded (fold.Slug), each with
// front matter: the title, today's date in the site's time zone (now is
// "today"), and draft: true. It creates no file when any of them exists
// already, and returns the paths it wrote, relative to source. A section
// that is not a folder of content/, or a title with no letter or digit, is
// an *OptionError.
func NewPage(source, section, title string, now time.Time) ([]string, error) {
	site, _, l, err := loadConfig(os.DirFS(source), "")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &OptionError{fmt.Sprintf("no %s in %s: is this a loa site?", config.File, source), "run loa in the site's folder, or point --source at it"}
	case errors.Is(err, ErrContent):
		return nil, l
	case err != nil:
		return nil, err
	}
	section = strings.Trim(filepath.ToSlash(section), "/")
	dir := filepath.Join(source, content.Root, filepath.FromSlash(section))
	if info, err := os.Stat(dir); err != nil || !info.IsDir() || strings.Contains(section, "..") {
		return nil, &OptionError{fmt.Sprintf("there is no section %q (no folder content/%s)", section, section),
			"name a folder under content/, such as news or guidance"}
	}
	slug := fold.Slug(title)
	if slug == "" {
		return nil, &OptionError{fmt.Sprintf("the title %q has no letter or digit to make a file name from", title), ""}
	}
	var paths []string
	for _, lang := range site.Languages {
		p := filepath.Join(dir, slug+"."+lang.Code+".md")
		if _, err := os.Stat(p); err == nil {
			return nil, &OptionError{fmt.Sprintf("%s exists already; loa new never overwrites a page", p), "choose another title, or edit that file"}
		}
		paths = append(paths, p)
	}
	date := now.In(site.Location).Format("2006-01-02T15:04:05-07:00")
	for i, p := range paths {
		t := title
		if i > 0 {
			t = title + " (" + site.Languages[i].Name + ")"
		}
		body := fmt.Sprintf("---\ntitle: %q\ndescription: \"\"\ndate: %s\ndraft: true\n---\n\n", t, date)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(source, p)
		paths[i] = filepath.ToSlash(rel)
	}
	return paths, nil
}
