package i18n

import (
	"fmt"
	"strings"
)

// Size writes n bytes for readers of lang, in units of 1,024 bytes:
// "980 B", "245 KB", then megabytes and gigabytes with one decimal, "1.2 MB"
// in English and "1,2 MB" in Vietnamese, which writes a decimal comma.
// Other languages get the English form. The unit is chosen after
// rounding, so a size just under a megabyte is "1.0 MB", never "1024 KB".
func Size(lang string, n int64) string {
	const kb, mb = 1024, 1024 * 1024
	var s string
	switch {
	case n < kb:
		return fmt.Sprintf("%d B", n)
	case n < mb-kb/2:
		return fmt.Sprintf("%d KB", (n+kb/2)/kb)
	case n < 1024*mb-mb/20:
		s = fmt.Sprintf("%.1f MB", float64(n)/mb)
	default:
		s = fmt.Sprintf("%.1f GB", float64(n)/(1024*mb))
	}
	if lang == "vi" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
