package directory

import "strconv"

// Weekdays are the RFC 5545 weekday codes in ISO order, Monday first.
var Weekdays = [7]string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// Minutes parses "HH:MM" (24-hour clock, 00:00 to 24:00) into minutes after
// midnight.
func Minutes(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) {
		return 0, false
	}
	return h*60 + m, true
}
