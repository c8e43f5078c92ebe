package i18n

import (
	"fmt"
	"strings"
)

// The units Size writes, smallest first.
const (
	unitB = iota
	unitKB
	unitMB
	unitGB
)

// Size writes n bytes for readers of lang, in units of 1,024 bytes:
// "980 B", "245 KB", then megabytes and gigabytes with one decimal, "1.2 MB"
// in English and "1,2 MB" in Vietnamese, which writes a decimal comma.
// Other languages get the English form. The unit is chosen after
// rounding, so a size just under a megabyte is "1.0 MB", never "1024 KB".
func Size(lang string, n int64) string { return sizeIn(lang, n, unitOf(n)) }

// SizeBeside writes n as Size does, but in like's unit when that is the
// larger, so that two sizes printed side by side read at a glance: n =
// 1,044,480 beside like = 4,089,446 is "1,0 MB" (beside "3,9 MB"), not
// "1020 KB". A size that would read as nothing in like's unit ("0,0 MB")
// keeps its own ("3 KB").
func SizeBeside(lang string, n, like int64) string {
	own, u := unitOf(n), unitOf(like)
	if u <= own {
		return sizeIn(lang, n, own)
	}
	// The least size that does not round to 0 in u: half its last digit.
	least := [...]int64{unitKB: 512, unitMB: (1<<20 + 19) / 20, unitGB: (1<<30 + 19) / 20}[u]
	if n > 0 && n < least {
		return sizeIn(lang, n, own)
	}
	return sizeIn(lang, n, u)
}

// unitOf returns the unit Size writes n in.
func unitOf(n int64) int {
	const kb, mb = 1024, 1024 * 1024
	switch {
	case n < kb:
		return unitB
	case n < mb-kb/2:
		return unitKB
	case n < 1024*mb-mb/20:
		return unitMB
	}
	return unitGB
}

// sizeIn writes n bytes in unit for readers of lang (see Size).
func sizeIn(lang string, n int64, unit int) string {
	const kb, mb = 1024, 1024 * 1024
	var s string
	switch unit {
	case unitB:
		return fmt.Sprintf("%d B", n)
	case unitKB:
		return fmt.Sprintf("%d KB", (n+kb/2)/kb)
	case unitMB:
		s = fmt.Sprintf("%.1f MB", float64(n)/mb)
	default:
		s = fmt.Sprintf("%.1f GB", float64(n)/(1024*mb))
	}
	if lang == "vi" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
