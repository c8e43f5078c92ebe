package config

import "time"

// Day returns the first instant of the calendar day y-m-d in loc. That is
// midnight, except on a day whose midnight does not exist because the
// clocks jump forward at 00:00 (America/Santiago on 2024-09-08: the day
// starts at 01:00 -03): then it is the instant of the jump. Day never
// returns an instant of the day before, as time.Date may for such a day.
// Like time.Date, it normalizes values outside their usual ranges: day 31
// of June is 1 July, month 13 is January of the next year.
func Day(y int, m time.Month, d int, loc *time.Location) time.Time {
	// Normalize first (at noon UTC, which every day has), so that the
	// checks below compare with the day that is meant.
	y, m, d = time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Date()
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	if ty, tm, td := t.Date(); ty != y || tm != m || td != d {
		// time.Date kept the offset from before the jump: t is late on
		// the day before, and the zone in effect ends where the day starts.
		_, end := t.ZoneBounds()
		return end
	}
	if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
		// time.Date moved midnight past the jump: the zone in effect
		// starts where the day starts.
		if start, _ := t.ZoneBounds(); !start.IsZero() && start.Before(t) && sameDay(start, t) {
			return start
		}
	}
	return t
}

// IsDay reports whether t, in its own location, is the first instant of its
// calendar day (see Day): the form a date written without a time takes.
// Such a value is a calendar day: it is shown without a time of day, and
// written as a date ("2024-09-08") wherever the format allows one.
func IsDay(t time.Time) bool {
	return !t.IsZero() && !sameDay(t.Add(-time.Nanosecond), t)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
