package phone

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for number, want := range map[string]string{
		"111": "", "112": "", "115": "", "0221 3862 000": "", "024 3825 2121": "", "028 3829 1234": "",
		"0227.3831.234": "", "0912 345 678": "", "0388-123-456": "", "1800 1234": "", "1900 123 456": "",
		"+84 221 3862 000": "", "+84 912 345 678": "",
		"0221 386 200":   "has 10 digits; a landline number has 11",
		"021 3862 000":   "has the area code 021, which does not exist",
		"0321 3862 000":  "its area code is from before 2017",
		"0217 386 2000":  "has the area code 0217",
		"116":            "is not one of the 3-digit national numbers",
		"1800 1567":      "no longer in use",
		"1800 12345":     "has 9 digits; a 1800 number has 8 or 10",
		"0912 345 67":    "has 9 digits; a mobile number has 10",
		"0951 234 567":   "no mobile number starts with 095",
		"0168 123 4567":  "an old 11-digit mobile number",
		"(0221) 3862000": "holds something other than digits",
		"0221 3862 00O":  "holds something other than digits",
		"0612 345 678":   "is not a Vietnamese phone number",
	} {
		p := Check(number)
		switch {
		case want == "" && p != nil:
			t.Errorf("%q: %s", number, p.Text())
		case want != "" && p == nil:
			t.Errorf("%q: accepted, want %q", number, want)
		case want != "" && !strings.Contains(p.Text(), want):
			t.Errorf("%q: %s, want %q", number, p.Text(), want)
		}
	}
	if h := Check("0168 123 4567").HintText(); !strings.Contains(h, "038 123 4567") {
		t.Errorf("old mobile hint: %s", h)
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"111", "0221 3862 000", "+84 9", "02", "0", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p := Check(s); p != nil && (p.Text() == "" || p.HintText() == "") {
			t.Fatalf("%q: empty problem", s)
		}
	})
}

func TestDial(t *testing.T) {
	for in, want := range map[string]string{
		"111":             "111",
		"1800 1234":       "18001234",
		"0912 345 678":    "0912345678",
		"0912.345.678":    "0912345678",
		"0912-345-678":    "0912345678",
		"0221 3862 000":   "02213862000",
		" 0 9 ":           "09",
		"+84 (0)912":      "+84(0)912",
		"+84 981 848 484": "+84981848484",
		"":                "",
	} {
		if got := Dial(in); got != want {
			t.Errorf("Dial(%q) = %q, want %q", in, got, want)
		}
	}
}
