package build

import (
	"os"
	"regexp"

	"github.com/loa-ssg/loa/internal/config"
	"github.com/loa-ssg/loa/internal/textfile"
)

// firstLanguage finds the first language code under "languages:" in a
// site.yaml that cannot be parsed as a whole.
var firstLanguage = regexp.MustCompile(`(?s)languages:.*?code:\s*["']?([A-Za-z]{2,3})\b`)

// DefaultLanguage returns the code of the default language of the site in
// the folder source (the first language of content/site.yaml), or "" when
// there is no site.yaml to read. It reads only site.yaml, so that loa can
// choose the language of its messages before a build; a site.yaml with
// mistakes still gives the first language code written in it.
func DefaultLanguage(source string) string {
	if source == "" {
		source = "."
	}
	text, d, err := textfile.Read(os.DirFS(source), config.File)
	if err != nil || d != nil {
		return ""
	}
	if site, _ := config.Parse(config.File, text, ""); site != nil && len(site.Languages) > 0 {
		return site.Default()
	}
	if m := firstLanguage.FindSubmatch(text); m != nil {
		return string(m[1])
	}
	return ""
}
