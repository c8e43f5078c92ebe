package config

import (
	"testing"
	"time"
)

// TestDay checks the first instant of calendar days, including days whose
// midnight does not exist (clocks jump from 00:00 to 01:00) in zones that
// do that, and a day with a time zone change that is not at midnight.
func TestDay(t *testing.T) {
	for _, tc := range []struct {
		zone, day, want string
	}{
		{"Asia/Ho_Chi_Minh", "2021-11-05", "2021-11-05T00:00:00+07:00"},
		{"America/Santiago", "2024-09-08", "2024-09-08T01:00:00-03:00"},
		{"America/Santiago", "2024-09-07", "2024-09-07T00:00:00-04:00"},
		{"America/Sao_Paulo", "2018-11-04", "2018-11-04T01:00:00-02:00"},
		{"Asia/Beirut", "2024-03-31", "2024-03-31T01:00:00+03:00"},
		{"Europe/Berlin", "2024-03-31", "2024-03-31T00:00:00+01:00"},
		{"America/Havana", "2024-11-03", "2024-11-03T00:00:00-04:00"},
	} {
		loc, err := time.LoadLocation(tc.zone)
		if err != nil {
			t.Skipf("no zone data: %v", err)
		}
		d, _ := time.Parse("2006-01-02", tc.day)
		got := Day(d.Year(), d.Month(), d.Day(), loc)
		if s := got.Format(time.RFC3339); s != tc.want {
			t.Errorf("Day(%s, %s) = %s, want %s", tc.day, tc.zone, s, tc.want)
		}
		if !IsDay(got) {
			t.Errorf("IsDay(%s) = false", got)
		}
		if IsDay(got.Add(time.Minute)) || IsDay(got.Add(-time.Minute)) {
			t.Errorf("IsDay is true a minute away from %s", got)
		}
	}
}

// TestDayNormalizes: a day outside the month, or a month outside the year,
// rolls over as with time.Date (the day after 30 June is 1 July), in a
// fixed zone and in one with a jump at midnight.
func TestDayNormalizes(t *testing.T) {
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Skipf("no zone data: %v", err)
	}
	santiago, err := time.LoadLocation("America/Santiago")
	if err != nil {
		t.Skipf("no zone data: %v", err)
	}
	for _, tc := range []struct {
		loc  *time.Location
		y    int
		m    time.Month
		d    int
		want string
	}{
		{hcm, 2026, time.June, 31, "2026-07-01T00:00:00+07:00"},
		{hcm, 2026, time.December, 32, "2027-01-01T00:00:00+07:00"},
		{hcm, 2026, 13, 1, "2027-01-01T00:00:00+07:00"},
		{hcm, 2026, time.March, 0, "2026-02-28T00:00:00+07:00"},
		{time.UTC, 2024, time.February, 30, "2024-03-01T00:00:00Z"},
		{santiago, 2024, time.August, 39, "2024-09-08T01:00:00-03:00"},
	} {
		got := Day(tc.y, tc.m, tc.d, tc.loc)
		if s := got.Format(time.RFC3339); s != tc.want {
			t.Errorf("Day(%d, %d, %d, %s) = %s, want %s", tc.y, tc.m, tc.d, tc.loc, s, tc.want)
		}
	}
}
