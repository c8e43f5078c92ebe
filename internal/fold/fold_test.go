package fold

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Phòng, chống mại dâm", "phong-chong-mai-dam"},
		{"Đường dây nóng 111", "duong-day-nong-111"},
		{"Kế hoạch 164/KH-UBND", "ke-hoach-164-kh-ubnd"},
		{"  --Hưng Yên--  ", "hung-yen"},
		{"Thuỷ, thủy, HOÀ", "thuy-thuy-hoa"},
		{"../etc/passwd", "etc-passwd"},
		{"!!!", ""},
		{"Ủy ban nhân dân tỉnh", "uy-ban-nhan-dan-tinh"},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Slug(norm.NFD.String(tc.in)); got != tc.want {
			t.Errorf("Slug(NFD %q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestKey(t *testing.T) {
	if got := Key("ĐỒNG Ý"); got != "dong y" {
		t.Errorf("Key = %q", got)
	}
	if got := String("Đà Nẵng"); got != "Da Nang" {
		t.Errorf("String = %q", got)
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"ke-hoach": true, "164-kh-ubnd": true, "": false, "../x": false,
		"a/b": false, "Ke-hoach": false, "a--b": false, "-a": false, "kế": false,
	} {
		if got := ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIDs(t *testing.T) {
	var ids IDs
	ids.Put("muc-tieu-1")
	got := []string{ids.Generate("Mục tiêu"), ids.Generate("Mục tiêu"), ids.Generate("Mục tiêu"), ids.Generate("???")}
	want := []string{"muc-tieu", "muc-tieu-2", "muc-tieu-3", "section"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("IDs[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestIDsLinear holds that making IDs unique costs O(1) per heading, also
// for many headings with one text and for headings that fold to nothing
// (issue 12: 20,000 "## a" took 15 s when each tried every suffix before).
func TestIDsLinear(t *testing.T) {
	const n = 20_000
	var ids IDs
	ids.Put("a-3")
	seen := map[string]bool{"a-3": true}
	for i := range n {
		for _, text := range []string{"a", "???", "A " + strconv.Itoa(i%50)} {
			id := ids.Generate(text)
			if seen[id] {
				t.Fatalf("%q given twice", id)
			}
			seen[id] = true
		}
	}
	if ids.tries > 4*n {
		t.Errorf("%d IDs tried for %d headings: making IDs unique is no longer O(1) per heading", ids.tries, 3*n)
	}
	if !seen["a-19999"] || !seen["a-20000"] || seen["a-20001"] || !seen["section-19999"] {
		t.Error("suffixes do not count up from 1, skipping the reserved a-3")
	}
}

func FuzzIDs(f *testing.F) {
	f.Add("a\na\na-1\n\n???\nsection", "a-2")
	f.Fuzz(func(t *testing.T, texts, reserved string) {
		var ids IDs
		seen := map[string]bool{}
		for _, r := range strings.Split(reserved, "\n") {
			ids.Put(r)
			seen[r] = true
		}
		for _, text := range strings.Split(texts, "\n") {
			id := ids.Generate(text)
			if seen[id] || id == "" {
				t.Fatalf("Generate(%q) = %q, already given or reserved", text, id)
			}
			seen[id] = true
		}
	})
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Phòng, chống mại dâm", "Đ", "a\u0301", "\xff", "../.."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != "" && !ValidSlug(got) {
			t.Fatalf("Slug(%q) = %q is not a valid slug", s, got)
		}
		if Slug(got) != got {
			t.Fatalf("Slug not idempotent on %q", s)
		}
	})
}
