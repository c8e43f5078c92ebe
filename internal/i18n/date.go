package i18n

import (
	"fmt"
	"time"
)

var enMonths = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// Date formats t's calendar day for readers of lang: Vietnamese as
// "05/11/2021" (day/month/year, the form of Vietnamese official documents),
// English as "5 November 2021"; other languages as ISO 8601 "2021-11-05".
// t should already be in the site's time zone.
func Date(lang string, t time.Time) string {
	switch lang {
	case "vi":
		return fmt.Sprintf("%02d/%02d/%d", t.Day(), int(t.Month()), t.Year())
	case "en":
		return fmt.Sprintf("%d %s %d", t.Day(), enMonths[t.Month()-1], t.Year())
	default:
		return t.Format("2006-01-02")
	}
}
