package diag

import "testing"

var frontMatterKeys = []string{"title", "description", "date", "lastmod", "draft", "weight",
	"slug", "aliases", "tags", "translation_key", "layout"}

func TestSuggest(t *testing.T) {
	for _, tc := range []struct {
		word       string
		candidates []string
		want       string
	}{
		{"titel", frontMatterKeys, "title"},
		{"wieght", frontMatterKeys, "weight"},
		{"tittle", frontMatterKeys, "title"},
		{"Title", frontMatterKeys, "title"},
		{"descripton", frontMatterKeys, "description"},
		{"translationkey", frontMatterKeys, "translation_key"},
		{"alias", frontMatterKeys, ""}, // two edits from "aliases", limit 1 for 5 letters
		{"aliase", frontMatterKeys, "aliases"},
		{"colour", frontMatterKeys, ""},
		{"author", frontMatterKeys, ""},
		{"xyz", frontMatterKeys, ""},
		{"title", nil, ""},
		{"vocie", []string{"voice", "text", "textphone", "cell", "fax"}, "voice"},
		{"hung-yen", []string{"hung-yen", "ha-noi"}, "hung-yen"},
		// Runes, not bytes: one Vietnamese letter is one edit.
		{"đuong-day-nong", []string{"duong-day-nong"}, "duong-day-nong"},
		{"kế-hoạch", []string{"ke-hoach"}, "ke-hoach"},
		// The first of equally close candidates wins.
		{"dat", []string{"date", "data"}, "date"},
	} {
		if got := Suggest(tc.word, tc.candidates); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"title", "title", 0},
		{"titel", "title", 1}, // adjacent transposition
		{"kitten", "sitting", 3},
		{"hoà", "hoạ", 1},
		{"ca", "abc", 3}, // optimal string alignment, not full Damerau
	} {
		if got := distance(tc.a, tc.b); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := distance(tc.b, tc.a); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}
