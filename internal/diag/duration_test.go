package diag

import (
	"testing"
	"time"
)

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		d      time.Duration
		en, vi string
	}{
		{2307 * time.Millisecond, "2.307s", "2,3 giây"},
		{254 * time.Millisecond, "254ms", "0,25 giây"},
		{3 * time.Millisecond, "3ms", "0,01 giây"},
		{0, "0s", "0,01 giây"},
		{996 * time.Millisecond, "996ms", "1,0 giây"},
		{9960 * time.Millisecond, "9.96s", "10 giây"},
		{15400 * time.Millisecond, "15.4s", "15 giây"},
		{59600 * time.Millisecond, "59.6s", "1 phút"},
		{65 * time.Second, "1m5s", "1 phút 5 giây"},
		{263 * time.Second, "4m23s", "4 phút 23 giây"},
		{-time.Second, "0s", "0,01 giây"},
	} {
		if got := Duration("en", tc.d); got != tc.en {
			t.Errorf("Duration(en, %v) = %q, want %q", tc.d, got, tc.en)
		}
		if got := Duration("vi", tc.d); got != tc.vi {
			t.Errorf("Duration(vi, %v) = %q, want %q", tc.d, got, tc.vi)
		}
	}
}
