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

var viWeekdays = [...]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// LongDate formats t with its weekday and, unless t is the first instant
// of its calendar day (midnight, or the moment the clocks jump on a day
// that has no midnight: how a date written without a time is kept), its
// time: Vietnamese "Thứ Sáu, 05/11/2021, 08:30" (or "8:30 SA" with
// twelveHour: SA before noon, CH after, as Vietnamese portals write it),
// English "Friday 5 November 2021, 08:30" (or "8:30 am"). t should already
// be in the site's time zone.
func LongDate(lang string, t time.Time, twelveHour bool) string {
	var s string
	switch lang {
	case "vi":
		s = viWeekdays[t.Weekday()] + ", " + Date(lang, t)
	case "en":
		s = t.Weekday().String() + " " + Date(lang, t)
	default:
		s = Date(lang, t)
	}
	if before := t.Add(-time.Nanosecond); before.Day() != t.Day() {
		return s
	}
	if !twelveHour {
		return s + fmt.Sprintf(", %02d:%02d", t.Hour(), t.Minute())
	}
	h := t.Hour() % 12
	if h == 0 {
		h = 12
	}
	am, pm := "am", "pm"
	if lang == "vi" {
		am, pm = "SA", "CH"
	}
	mark := am
	if t.Hour() >= 12 {
		mark = pm
	}
	return s + fmt.Sprintf(", %d:%02d %s", h, t.Minute(), mark)
}
