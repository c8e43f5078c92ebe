package paper

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode/utf8"
)

//go:embed templates/*.html
var files embed.FS

// templates holds one template per piece, each combined with sheet.html.
var templates = func() map[string]*template.Template {
	base := template.Must(template.New("sheet.html").ParseFS(files, "templates/sheet.html"))
	m := map[string]*template.Template{}
	for _, name := range []string{"poster.html", "list.html", "leaflet.html"} {
		m[name] = template.Must(template.Must(base.Clone()).ParseFS(files, "templates/"+name))
	}
	return m
}()

// Size is a paper size of ISO 216 that a piece is laid out for.
type Size string

// The sizes a piece can have: A4 (210 × 297 mm) and A5 (148 × 210 mm).
const (
	A4 Size = "A4"
	A5 Size = "A5"
)

// Sheet is what every printed piece shows and needs.
type Sheet struct {
	// Lang is the piece's language code; S its interface strings by key.
	Lang string
	S    map[string]string
	// Title is the piece's heading; SiteTitle the site's name.
	Title, SiteTitle string
	// Size is the paper size; A4 when empty.
	Size Size
	// CSS is the URL of the print stylesheet (static/css/print.css); CSP the
	// content attribute of the Content-Security-Policy <meta> tag.
	CSS string
	CSP template.HTMLAttr
	// Target is the absolute URL the QR code opens, printed under it too;
	// Address the site's address as people type it ("example.org").
	Target, Address string
	// Back is the URL of the page the piece is made from, linked on screen
	// only, for the way back.
	Back string
	// QuickExit is the neutral page the quick exit opens (site.yaml
	// quick_exit): on screen, the piece has the same way out as every page
	// of the site, as a plain link (the pieces load no script).
	QuickExit string
	// Made is the day the piece was made, as the language writes it, and
	// MadeISO the same day as YYYY-MM-DD, so that an old poster can be
	// recognised.
	Made, MadeISO string
	// Emergency lists the emergency numbers (site.yaml emergency).
	Emergency []Number
	// Unreachable, when not empty, says that Target and Address open on no
	// one else's phone: "print_placeholder" when the site's address is a
	// name kept for examples (config.Site.ReservedHost), "print_preview" in
	// loa serve's preview on this computer (config.Site.LoopbackHost). The
	// piece then prints neither the QR code nor the address, which would
	// send whoever holds the paper nowhere; in the QR code's place it
	// prints the string S[Unreachable+"_paper"] (NoQR), and on screen only,
	// framed above the piece, the string S[Unreachable], which says why
	// and what to do.
	Unreachable string

	qr   template.HTML
	kind string
}

// Number is an emergency number and what it is for.
type Number struct{ Number, Name string }

// QR returns the sheet's QR code, drawn by Render.
func (s *Sheet) QR() template.HTML { return s.qr }

// NoQR returns what the sheet prints in place of a QR code that would open
// nothing (see Unreachable): the string S[Unreachable+"_paper"].
func (s *Sheet) NoQR() string { return s.S[s.Unreachable+"_paper"] }

// Kind names the piece for the stylesheet: "poster", "list" or "leaflet".
func (s *Sheet) Kind() string { return s.kind }

// page names the sheet's @page rule: "a4" or "a5".
func (s *Sheet) page() string {
	if s.Size == A5 {
		return "a5"
	}
	return "a4"
}

// PageClass is the class that chooses the sheet's @page rule.
func (s *Sheet) PageClass() string { return "page-" + s.page() }

// Poster is the A4 poster of the emergency numbers.
type Poster struct {
	Sheet
	// Message is the short call to act, above the numbers.
	Message string
}

// List is the directory as a printable list.
type List struct {
	Sheet
	Entries []Entry
}

// Entry is an organization of the directory as the list prints it.
type Entry struct {
	// Name is the organization's name; Helps what it helps with (its
	// services' names or its description, shortened).
	Name, Helps string
	Phones      []Phone
	// Hours are its opening hours, one line each ("Thứ Hai – Thứ Sáu:
	// 07:30–17:00"), or the string for day and night.
	Hours []string
}

// Phone is a number as the list prints it: Display for reading, Dial for
// its tel: link (digits, or +84 and digits), Label for
// what it is ("đường dây nóng").
type Phone struct{ Display, Dial, Label string }

// Leaflet is the leaflet of a page.
type Leaflet struct {
	Sheet
	// Lead is the page's description; Summary its first paragraph;
	// Points the titles of its sections.
	Lead, Summary string
	Points        []string
}

// Render writes piece (a *Poster, *List or *Leaflet) as an HTML page to
// w. It fails when the QR code cannot be drawn (a Target too long for
// one) or a template fails.
func Render(w io.Writer, piece any) error {
	var name string
	var s *Sheet
	switch p := piece.(type) {
	case *Poster:
		name, s = "poster.html", &p.Sheet
	case *List:
		name, s = "list.html", &p.Sheet
	case *Leaflet:
		name, s = "leaflet.html", &p.Sheet
		p.Lead = Shorten(p.Lead, 300)
		p.Summary = Shorten(p.Summary, map[Size]int{A4: 900, A5: 450}[p.size()])
		if max := map[Size]int{A4: 10, A5: 6}[p.size()]; len(p.Points) > max {
			p.Points = p.Points[:max]
		}
	default:
		return fmt.Errorf("paper: cannot print a %T", piece)
	}
	s.qr, s.kind = "", strings.TrimSuffix(name, ".html")
	if s.Unreachable == "" {
		qr, err := QR(s.Target, s.S["scan_qr"]+": "+s.Target)
		if err != nil {
			return err
		}
		s.qr = qr
	}
	var buf bytes.Buffer
	if err := templates[name].ExecuteTemplate(&buf, "sheet.html", piece); err != nil {
		return fmt.Errorf("template %s: %w", name, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func (s *Sheet) size() Size {
	if s.Size == "" {
		return A4
	}
	return s.Size
}

// Shorten returns text cut at a word boundary to at most max characters,
// with "…" when it was cut, so that a piece keeps to one sheet.
func Shorten(text string, max int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	r := []rune(text)[:max]
	cut := string(r)
	if i := strings.LastIndex(cut, " "); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
