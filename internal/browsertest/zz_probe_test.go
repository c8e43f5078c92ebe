package browsertest

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZProbe(t *testing.T) {
	base := site(t)
	p := page{t, browser(t)}
	for _, line := range strings.Split(os.Getenv("PROBE"), "|") {
		lang, q, _ := strings.Cut(line, ":")
		pg := "/tim-kiem/"
		if lang == "en" {
			pg = "/en/search/"
		}
		p.open(base + pg + "?q=" + strings.ReplaceAll(q, " ", "+"))
		s := eval[string](p, `new Promise(r => setTimeout(r, 800)).then(() => window.siteSearch(`+quote(q)+`)).then(rs => document.getElementById("search-status").textContent + "\n" + rs.slice(0, 8).map(r => r.lang + " " + r.url + " | " + r.title + " | " + r.snippet.slice(0, 160)).join("\n"))`)
		fmt.Printf("== %s %q\n%s\n", lang, q, s)
	}
}
