package diag

import (
	"fmt"
	"strings"
	"time"
)

// Duration writes how long something took for readers of lang. English
// (and any language but Vietnamese) gets Go's form rounded to the
// millisecond, "2.307s", "254ms". Vietnamese gets seconds with a decimal
// comma, in words a writer reads: "2,3 giây", "0,25 giây", "15 giây",
// "1 phút 5 giây" ("2.307s" reads as two thousand three hundred and
// seven there, and "ms" means nothing to most). d below 0.01 s is
// "0,01 giây"; negative d is 0.
func Duration(lang string, d time.Duration) string {
	d = max(d, 0)
	if lang != "vi" {
		return d.Round(time.Millisecond).String()
	}
	var s string
	switch {
	case d >= time.Minute-time.Second/2:
		sec := int64(d.Round(time.Second) / time.Second)
		if sec%60 == 0 {
			return fmt.Sprintf("%d phút", sec/60)
		}
		return fmt.Sprintf("%d phút %d giây", sec/60, sec%60)
	case d >= 10*time.Second-time.Second/20:
		return fmt.Sprintf("%d giây", int64(d.Round(time.Second)/time.Second))
	case d >= time.Second-time.Second/200:
		s = fmt.Sprintf("%.1f", d.Seconds())
	default:
		s = fmt.Sprintf("%.2f", max(d.Seconds(), 0.01))
	}
	return strings.Replace(s, ".", ",", 1) + " giây"
}
