package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/loa-ssg/loa/internal/build"
	"github.com/loa-ssg/loa/internal/diag"
	"github.com/loa-ssg/loa/internal/locale"
)

// langUsage is the help of --lang, which every command takes.
const langUsage = "the `LANGUAGE` of loa's messages, vi or en (default: LOA_LANG, else the site's default language)"

// addLangFlag gives fs the --lang flag; messages reads its value before
// the flags are parsed.
func addLangFlag(fs *flag.FlagSet) {
	fs.String("lang", "", langUsage)
}

// messages chooses the language of loa's messages for a command line: the
// --lang flag, else env (LOA_LANG), else the default language of the site
// in --source (the current folder without it), else English. A --lang loa
// has no messages in is a usage error.
func messages(args []string, env string) (*diag.Catalogue, error) {
	flagLang := flagValue(args, "lang")
	site := ""
	if locale.Code(flagLang) == "" && locale.Code(env) == "" {
		site = build.DefaultLanguage(flagValue(args, "source"))
	}
	lang, ok := locale.Choose(flagLang, env, site)
	if !ok && flagLang != "" {
		return locale.For(lang), usageError{msg: fmt.Sprintf("--lang must be vi or en, not %q", flagLang)}
	}
	return locale.For(lang), nil
}

// flagValue returns the value of the flag name in args ("--name v",
// "--name=v", "-name v"), or "".
func flagValue(args []string, name string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v
		}
		if a == name && i+1 < len(args) && args[i] != a {
			return args[i+1]
		}
	}
	return ""
}

// withoutLang removes a --lang flag given before the command
// ("loa --lang vi help"), which no command's flags would accept there.
func withoutLang(args []string) []string {
	if len(args) == 0 {
		return args
	}
	a := strings.TrimPrefix(strings.TrimPrefix(args[0], "-"), "-")
	switch {
	case a == args[0]:
		return args
	case strings.HasPrefix(a, "lang="):
		return args[1:]
	case a == "lang" && len(args) > 1:
		return args[2:]
	}
	return args
}
