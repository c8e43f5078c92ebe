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
