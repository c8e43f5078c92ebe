// Package paper owns the printed pieces of a site: the A4 poster of the
// emergency numbers, the directory as a printable list, and the A5 or A4
// leaflet of a page whose front matter asks for one (leaflet: A5). Each is
// an HTML page with a print stylesheet (@page size and margins) laid out to
// print on one sheet, in black and white as well as in colour, with a QR
// code that opens the site (or the page) and the day the sheet was made.
//
// It receives plain structs (Poster, List, Leaflet) that the render package
// fills from the content, the directory and the interface strings, and
// writes HTML to an io.Writer. QR codes are drawn at build time as inline
// SVG (QR). It imports no other package of loa and must not read files,
// decide URLs or where output goes on disk.
package paper
