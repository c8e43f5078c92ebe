package phone

import (
	"fmt"
	"strings"
)

// The Vietnamese numbering plan as this package applies it.
//
// Sources:
//   - Circular 22/2014/TT-BTTTT of 22/12/2014 of the Ministry of Information
//     and Communications, the telecommunications numbering plan ("Quy hoạch
//     kho số viễn thông"): national short numbers, 1800/1900 numbers of 8 or
//     10 digits, landline and mobile number lengths.
//   - Decision 2036/QĐ-BTTTT of 21/11/2015, the landline area-code
//     changeover, done in three phases from 11/02/2017 to 31/08/2017: every
//     area code now starts with 2 and has 3 digits (Hà Nội 24 and Hồ Chí
//     Minh City 28 have 2 and their subscriber numbers 8), so that every
//     landline is dialled as 11 digits: 0, the area code, the number.
//     Lists: https://hungyen.vnpt.vn/vnpt/thong-bao-chuyen-doi-ma-vung-dien-thoai-co-dinh-c2120.html,
//     https://nld.com.vn/tin-tuc/ma-vung-dien-thoai-co-dinh-59-tinh-tp-duoc-doi-tu-11-2-20170118100258067.htm
//     (both read 30/11/2026). The 2025 merger of provinces kept the codes.
//   - Decision 798/QĐ-BTTTT of 25/05/2018: 11-digit mobile numbers became
//     10 digits from 15/09/2018 (0162–0169 → 032–039, 0120/0121/0122/0126/0128
//     → 070/079/077/076/078, 0123/0124/0125/0127/0129 → 083/084/085/081/082,
//     0186/0188 → 056/058, 0199 → 059); see
//     http://kynguyenso.plo.vn/ky-nguyen-so/tuyet-chieu/2-cach-chuyen-so-dien-thoai-11-so-ve-10-so-773007.html
//     (read 30/11/2026). Later allocations: 052, 055, 086–089.
//   - The national 3-digit numbers: 111 (child protection), 112 (search and
//     rescue), 113 (police), 114 (fire and rescue), 115 (ambulance).

// AreaCodes maps each landline area code in force since 2017 (without the
// leading 0) to its province as named in the changeover.
var AreaCodes = map[string]string{
	"24": "Hà Nội", "28": "TP Hồ Chí Minh",
	"203": "Quảng Ninh", "204": "Bắc Giang", "205": "Lạng Sơn", "206": "Cao Bằng", "207": "Tuyên Quang",
	"208": "Thái Nguyên", "209": "Bắc Kạn", "210": "Phú Thọ", "211": "Vĩnh Phúc", "212": "Sơn La",
	"213": "Lai Châu", "214": "Lào Cai", "215": "Điện Biên", "216": "Yên Bái", "218": "Hòa Bình",
	"219": "Hà Giang", "220": "Hải Dương", "221": "Hưng Yên", "222": "Bắc Ninh", "225": "Hải Phòng",
	"226": "Hà Nam", "227": "Thái Bình", "228": "Nam Định", "229": "Ninh Bình", "232": "Quảng Bình",
	"233": "Quảng Trị", "234": "Thừa Thiên Huế", "235": "Quảng Nam", "236": "Đà Nẵng", "237": "Thanh Hóa",
	"238": "Nghệ An", "239": "Hà Tĩnh", "251": "Đồng Nai", "252": "Bình Thuận", "254": "Bà Rịa – Vũng Tàu",
	"255": "Quảng Ngãi", "256": "Bình Định", "257": "Phú Yên", "258": "Khánh Hòa", "259": "Ninh Thuận",
	"260": "Kon Tum", "261": "Đắk Nông", "262": "Đắk Lắk", "263": "Lâm Đồng", "269": "Gia Lai",
	"270": "Vĩnh Long", "271": "Bình Phước", "272": "Long An", "273": "Tiền Giang", "274": "Bình Dương",
	"275": "Bến Tre", "276": "Tây Ninh", "277": "Đồng Tháp", "290": "Cà Mau", "291": "Bạc Liêu",
	"292": "Cần Thơ", "293": "Hậu Giang", "294": "Trà Vinh", "296": "An Giang", "297": "Kiên Giang",
	"299": "Sóc Trăng",
}

// MobilePrefixes are the first three digits of 10-digit mobile numbers.
var MobilePrefixes = []string{
	"032", "033", "034", "035", "036", "037", "038", "039",
	"052", "055", "056", "058", "059",
	"070", "076", "077", "078", "079",
	"081", "082", "083", "084", "085", "086", "087", "088", "089",
	"090", "091", "092", "093", "094", "096", "097", "098", "099",
}

// National lists the 3-digit national numbers.
var National = map[string]string{
	"111": "child protection", "112": "search and rescue", "113": "police",
	"114": "fire and rescue", "115": "ambulance",
}

// oldMobile maps an 11-digit mobile prefix to its 10-digit replacement
// (Decision 798/QĐ-BTTTT).
var oldMobile = map[string]string{
	"0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
	"0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
	"0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036",
	"0167": "037", "0168": "038", "0169": "039", "0186": "056", "0188": "058", "0199": "059",
}

// retired are numbers that must not be published any more.
var retired = map[string]string{
	"18001567": "the former child-protection hotline 1800 1567 has been replaced by 111",
}

// Problem says what is wrong with a number. Message and Args make the
// message, Hint and HintArgs the fix (English formats with fmt verbs), so
// that callers can pass them to diag.Errorf and WithHint unchanged, and
// the catalogues translate them.
type Problem struct {
	Message  string
	Args     []any
	Hint     string
	HintArgs []any
}

// Text returns the formatted message.
func (p *Problem) Text() string { return fmt.Sprintf(p.Message, p.Args...) }

// HintText returns the formatted hint.
func (p *Problem) HintText() string { return fmt.Sprintf(p.Hint, p.HintArgs...) }

// Digits returns the number as dialled: digits only, with +84 written as
// the leading 0 ("+84 221 3862 000" → "02213862000"). ok is false when the
// number holds anything but digits, spaces, dots, hyphens and a leading +.
func Digits(number string) (digits string, ok bool) {
	s := strings.TrimSpace(number)
	if rest, found := strings.CutPrefix(s, "+84"); found {
		s = "0" + strings.TrimLeft(rest, " .-")
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '.' || r == '-':
		default:
			return "", false
		}
	}
	return b.String(), b.Len() > 0
}

// Dial returns number as a tel: link and a phone dial it (RFC 3966): the
// number without the spaces, dots and hyphens people group it with, a
// leading "+84" kept as written (a global number, which also works from a
// phone in Vietnam). Dial("0221 3862 000") = "02213862000"; Dial("+84 981
// 848 484") = "+84981848484". It does not check the number (see Check).
func Dial(number string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, number)
}

// Check returns nil when number can exist in the Vietnamese numbering
// plan, and otherwise what is wrong with it: a 3-digit number that is not
// national, a 1800/1900 number that is not 8 or 10 digits, a landline that
// is not 11 digits or has an area code not in force, a mobile that is not
// 10 digits or has an unknown prefix, a retired number.
func Check(number string) *Problem {
	if strings.TrimSpace(number) == "" {
		return &Problem{Message: "the phone number is missing", Hint: `write the number as the source gives it: number: "0221 3862 000"`}
	}
	d, ok := Digits(number)
	if !ok {
		return &Problem{Message: "the phone number %q holds something other than digits", Args: []any{number},
			Hint: "write only the digits, in groups separated by spaces: 0221 3862 000"}
	}
	if why, ok := retired[d]; ok {
		return &Problem{Message: "the phone number %q is no longer in use: %s", Args: []any{number, why},
			Hint: "remove it; give the number in use instead"}
	}
	switch {
	case len(d) == 3 && d[0] == '1':
		if _, ok := National[d]; ok {
			return nil
		}
		return &Problem{Message: "%q is not one of the 3-digit national numbers", Args: []any{number},
			Hint: "they are 111 (child protection), 112 (search and rescue), 113 (police), 114 (fire), 115 (ambulance)"}
	case strings.HasPrefix(d, "1800") || strings.HasPrefix(d, "1900"):
		if len(d) == 8 || len(d) == 10 {
			return nil
		}
		return &Problem{Message: "the phone number %q has %d digits; a %s number has 8 or 10", Args: []any{number, len(d), d[:4]},
			Hint: "check it against the source: %s followed by 4 or 6 digits, e.g. %s 1234", HintArgs: []any{d[:4], d[:4]}}
	case strings.HasPrefix(d, "02"):
		return landline(number, d)
	case strings.HasPrefix(d, "01") && len(d) == 11:
		if p, ok := oldMobile[d[:4]]; ok {
			return &Problem{Message: "the phone number %q is an old 11-digit mobile number", Args: []any{number},
				Hint: "since 2018 it is dialled with %s instead of %s: %s", HintArgs: []any{p, d[:4], p + " " + d[4:7] + " " + d[7:]}}
		}
	case len(d) == 11 && d[0] == '0' && d[1] >= '3':
		return &Problem{Message: "the phone number %q has 11 digits but does not start with 02: its area code is from before 2017", Args: []any{number},
			Hint: "area codes changed in 2017 and all start with 02 now: Hưng Yên 0321 became 0221, Thái Bình 036 became 0227; check the number against its source"}
	case strings.HasPrefix(d, "0") && len(d) >= 2 && strings.ContainsRune("35789", rune(d[1])):
		if len(d) != 10 {
			return &Problem{Message: "the phone number %q has %d digits; a mobile number has 10", Args: []any{number, len(d)},
				Hint: "check it against the source: a digit is missing or one too many"}
		}
		for _, p := range MobilePrefixes {
			if strings.HasPrefix(d, p) {
				return nil
			}
		}
		return &Problem{Message: "no mobile number starts with %s", Args: []any{d[:3]},
			Hint: "check it against the source: mobile numbers start with 03, 05, 07, 08 or 09 and a known network prefix"}
	}
	return &Problem{Message: "%q is not a Vietnamese phone number", Args: []any{number},
		Hint: "write a 3-digit national number (111), a 1800/1900 number, a 10-digit mobile (0912 345 678) or an 11-digit landline with its area code (0221 3862 000)"}
}

// landline checks a number starting with 02. The area code is the first
// group as written ("021 3862 000" → 21) when the author grouped it, else
// read from the digits.
func landline(number, d string) *Problem {
	area := ""
	if first, _, grouped := strings.Cut(strings.TrimSpace(number), " "); grouped && !strings.HasPrefix(first, "+") {
		if fd, _ := Digits(first); strings.HasPrefix(fd, "02") && len(fd) <= 4 {
			area = fd[1:]
		}
	}
	if area == "" && len(d) >= 4 {
		area = d[1:4]
		if d[1:3] == "24" || d[1:3] == "28" {
			area = d[1:3]
		}
	}
	if _, ok := AreaCodes[area]; !ok {
		return &Problem{Message: "the phone number %q has the area code 0%s, which does not exist", Args: []any{number, area},
			Hint: "area codes changed in 2017: Hưng Yên is 0221, Thái Bình 0227, Hà Nội 024; check the number against its source"}
	}
	if len(d) != 11 {
		return &Problem{Message: "the phone number %q has %d digits; a landline number has 11 (0, the area code, the number)", Args: []any{number, len(d)},
			Hint: "check it against the source: a digit is missing or one too many (e.g. 0221 3862 000)"}
	}
	return nil
}
