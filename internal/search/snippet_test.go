package search

import (
	"strings"
	"testing"
)

// TestPassageBounds: a passage begins where the word's sentence or
// heading does when that is near; else never right after a word that
// turns the meaning ("có thể không", "may not", "don't"), which it keeps.
func TestPassageBounds(t *testing.T) {
	filler := strings.Repeat("một hai ba bốn năm sáu bảy tám chín mười, ", 5)
	for _, c := range []struct{ text, word, want string }{
		// The trial's page: the sentence starts 90 bytes before "phạt".
		{"Trang này tóm tắt những điểm chính. Nếu bạn bị ép bán dâm, bạn là nạn nhân. Theo Luật Phòng, chống mua bán người năm 2024, nạn nhân có thể không bị xử phạt vì những việc mình bị ép làm.",
			"phạt", "Theo Luật Phòng"},
		{"Forced to break the law: you may not be punished\nMany people forced to sell sex do not report.", "punished", "you may not be punished"},
		{"Đọc kỹ.\nMột dòng mới bắt đầu ở đây và nói về xử phạt.", "phạt", "Một dòng mới"},
		{`Hỏi: "Có sao không?" Người bị ép có thể không bị phạt.`, "phạt", "Người bị ép"},
		// Sentences too long to start at: the negation and its modal stay.
		{"Theo luật, " + filler + "nạn nhân có thể không bị xử phạt vì những việc mình bị ép làm.", "phạt", "có thể không bị xử phạt"},
		{"Theo luật, " + filler + "nạn nhân chưa bị xử phạt.", "phạt", "chưa bị xử phạt"},
		{"Under the law, " + strings.Repeat("one two three four five six seven eight, ", 5) + "a victim may not be punished for it.", "punished", "may not be punished"},
		{"Under the law, " + strings.Repeat("one two three four five six seven eight, ", 5) + "you don't have to pay the fine.", "fine", "don't have to pay"},
		{"Under the law, " + strings.Repeat("one two three four five six seven eight, ", 5) + "you will never be sent away.", "away", "will never be sent"},
		// The word PassageBefore bytes on begins just after the negation.
		{"Theo luật, " + filler + "nạn nhân có thể không " + pad("bị xử lý ") + "phạt.", "phạt", "có thể không bị xử lý"},
		{"Under the law, " + filler + "a victim may not " + pad("be held ") + "liable.", "liable", "may not be held"},
	} {
		at := strings.LastIndex(c.text, c.word)
		from, to := passageBounds(c.text, at, len(c.word))
		got := c.text[from:to]
		if !strings.Contains(got, c.want) {
			t.Errorf("passage around %q: %q, want it to hold %q", c.word, got, c.want)
		}
		if before := strings.Fields(c.text[:from]); len(before) > 0 && (negations[before[len(before)-1]] || modals[before[len(before)-1]]) {
			t.Errorf("passage around %q: %q begins right after %q", c.word, got, before[len(before)-1])
		}
		if !strings.Contains(got, c.word) {
			t.Errorf("passage %q lacks %q", got, c.word)
		}
	}
}

// TestKeepNegation: a passage that would begin just after a negation (or
// two or three words after it) begins at it, with its modal.
func TestKeepNegation(t *testing.T) {
	for _, c := range []struct{ text, from, want string }{
		{"Theo luật, nạn nhân có thể không bị xử phạt.", "bị xử", "có thể không bị xử"},
		{"Theo luật, nạn nhân có thể không bị xử phạt.", "xử phạt", "có thể không bị xử"},
		{"Theo luật, nạn nhân chưa bị xử phạt.", "bị xử", "chưa bị xử"},
		{"Theo luật, bạn đừng sợ báo tin.", "sợ", "đừng sợ"},
		{"A victim may not be punished for it.", "be punished", "may not be punished"},
		{"A victim may not be punished for it.", "punished", "may not be punished"},
		{"You don't have to pay.", "have", "don't have"},
		{"You can’t be fined.", "be fined", "can’t be fined"},
		{"You were never fined.", "fined", "were never fined"},
		// No negation near, or one in the sentence before: no change.
		{"Theo luật, nạn nhân được bảo vệ khi báo tin.", "báo tin", "báo tin"},
		{"Đừng. Nạn nhân được bảo vệ.", "được", "được"},
		{"Do not wait\nCall 111 now.", "111", "111"},
	} {
		from := strings.Index(c.text, c.from)
		got := c.text[keepNegation(c.text, from):]
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("keepNegation(%q at %q) begins %q, want %q", c.text, c.from, got, c.want)
		}
	}
}

// TestPassagesNeverAfterNegation: of a long text with negations
// everywhere, no passage the index keeps begins right after one, and
// none runs a heading into the text after it.
func TestPassagesNeverAfterNegation(t *testing.T) {
	var b strings.Builder
	words := strings.Fields("bị xử phạt hành chính tiền nạn nhân được bảo vệ hỗ trợ tư vấn pháp lý miễn phí cai nghiện tự nguyện tại gia đình cộng đồng trung tâm y tế")
	for i, w := range words {
		if i%7 == 0 {
			b.WriteString("Mục lớn số hai\n")
		}
		b.WriteString(strings.Repeat("người này đã nói rằng họ ", 3) + "có thể không " + w + " vì việc đó, ")
	}
	text := b.String()
	a := NewAnalyzer(NewDict())
	d := a.Analyze(Doc{URL: "/a/", Title: "A", Text: text})
	if len(d.passages) < 5 {
		t.Fatalf("%d passages, want many", len(d.passages))
	}
	for _, p := range d.passages {
		if strings.Contains(p, "hai Người") || strings.Contains(p, "hai người") {
			t.Errorf("a heading runs into the text after it: %q", p)
		}
		head := strings.Join(strings.Fields(p)[:3], " ")
		i := strings.Index(text, head)
		if i < 0 {
			t.Fatalf("passage %q is not in the text", p)
		}
		before := strings.Fields(text[:i])
		if n := len(before); n > 0 && (before[n-1] == "không" || before[n-1] == "thể") {
			t.Errorf("passage %q begins right after %q", p, before[n-1])
		}
		if f := strings.Fields(p); f[len(f)-1] == "có" || f[len(f)-1] == "thể" {
			t.Errorf("passage %q ends just before the negation that follows", p)
		}
	}
}

// TestKeepNegationAfter: a passage that would end just before a negation
// (or a word or three before it) ends negationWords words after it, or
// at the end of its sentence.
func TestKeepNegationAfter(t *testing.T) {
	for _, c := range []struct{ text, to, want string }{
		// The second phone trial's snippet ended "…vì bị mua bán có…".
		{"Người bị ép làm điều trái luật vì bị mua bán có thể không bị xử lý về hành vi đó, theo luật năm 2024.", " thể", "vì bị mua bán có thể không bị xử lý về"},
		{"Nạn nhân chưa bị xử phạt.", " chưa", "Nạn nhân chưa bị xử phạt"},
		{"A victim may not be punished for what they were forced to do.", " not", "A victim may not be punished for what"},
		{"You don't have to pay the fine.", " don", "You don't have to pay the"},
		// The negation in the next sentence or block, or too far: no change.
		{"Người bị ép được giúp. Không ai bị phạt.", " Không", "Người bị ép được giúp."},
		{"Người bị ép được giúp\nKhông ai bị phạt.", "\nKhông", "Người bị ép được giúp"},
		{"Người bị ép được giúp đỡ rất nhiều lần không bị phạt.", " đỡ", "Người bị ép được giúp"},
	} {
		to := strings.Index(c.text, c.to)
		got := c.text[:keepNegationAfter(c.text, to)]
		if !strings.HasSuffix(got, c.want) {
			t.Errorf("keepNegationAfter(%q at %q) ends %q, want it to end %q", c.text, c.to, got, c.want)
		}
	}
}

// TestDisplay: block boundaries show as ". ", or as " " after a block
// that ends a sentence or leads in.
func TestDisplay(t *testing.T) {
	for in, want := range map[string]string{
		"Forced to break the law: you may not be punished\nMany people": "Forced to break the law: you may not be punished. Many people",
		"Theo Điều 3 của pháp lệnh:\n Bán dâm là…":                      "Theo Điều 3 của pháp lệnh: Bán dâm là…",
		"Gọi 111.\nHoặc 113":                                            "Gọi 111. Hoặc 113",
		"Một\n\n\nHai":                                                  "Một. Hai",
		"Không có dòng mới":                                             "Không có dòng mới",
	} {
		if got := display(in); got != want {
			t.Errorf("display(%q) = %q, want %q", in, got, want)
		}
	}
}

// pad returns s with short words after it, PassageBefore-1 bytes in all
// (a space at the end): a passage around the word after it would begin
// at s's first word.
func pad(s string) string {
	for len(s) < PassageBefore-1 {
		if PassageBefore-1-len(s) == 3 {
			s += "xy "
		} else {
			s += "x "
		}
	}
	return s
}
