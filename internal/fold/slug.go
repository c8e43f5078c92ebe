package fold

import (
	"strconv"
	"strings"
)

// Slug turns s into a URL path segment: folded (no marks, đ→d), lower-case,
// letters and digits kept, every other run of characters turned into one
// hyphen, no hyphen at either end. "Phòng, chống mại dâm" → "phong-chong-mai-dam".
// It returns "" when s has no letter or digit.
func Slug(s string) string {
	f := Key(s)
	var b strings.Builder
	b.Grow(len(f))
	hyphen := false
	for _, r := range f {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	return b.String()
}

// ValidSlug reports whether s is already a slug as Slug makes them: one or
// more of a-z, 0-9 and single inner hyphens. A slug never contains "/",
// "." or "..", so it cannot climb out of its folder.
func ValidSlug(s string) bool {
	return s != "" && Slug(s) == s
}

// IDs hands out unique heading IDs within one page: the first heading
// "Mục tiêu" gets "muc-tieu", the second "muc-tieu-1". The zero value is
// ready to use; use one IDs per page. Each Generate costs O(1) amortized,
// however many headings share a text: the next suffix to try is kept per
// base, and every ID is passed over at most once.
type IDs struct {
	seen  map[string]bool
	next  map[string]int // base → the next suffix to try
	tries int            // IDs tried so far, for the test that keeps Generate O(1)
}

// Generate returns a unique ID for heading text. Text with no letter or
// digit gets "section".
func (x *IDs) Generate(text string) string {
	base := Slug(text)
	if base == "" {
		base = "section"
	}
	return x.claim(base)
}

// Put reserves id, as for an ID the author wrote by hand or one the
// page's layout uses ("main"), so that Generate never returns it.
func (x *IDs) Put(id string) {
	if x.seen == nil {
		x.seen = map[string]bool{}
	}
	x.seen[id] = true
}

func (x *IDs) claim(base string) string {
	if x.seen == nil {
		x.seen = map[string]bool{}
	}
	if !x.seen[base] {
		x.seen[base] = true
		return base
	}
	if x.next == nil {
		x.next = map[string]int{}
	}
	n := max(x.next[base], 1)
	for {
		id := base + "-" + strconv.Itoa(n)
		n++
		x.tries++
		if !x.seen[id] {
			x.next[base] = n
			x.seen[id] = true
			return id
		}
	}
}
