package build

import (
	"strings"
	"testing"
)

// helpSite has a publisher, an About page linked from the footer, a page
// on browsing safely, and body text with known and unknown numbers.
const helpSite = `-- content/site.yaml --
title: {vi: Trang thử, en: Test site}
base_url: https://example.org/
languages:
  - {code: vi, name: Tiếng Việt}
  - {code: en, name: English}
menu: [tin]
footer: [about]
categories:
  - {id: emergency, name: {vi: Khẩn cấp, en: Emergency}}
areas:
  - {id: national, name: {vi: Toàn quốc, en: Nationwide}}
safety_page: an-toan
publisher:
  name: {vi: Sở Thử nghiệm, en: Department of Tests}
  phone: "0221 3862 000"
  email: "gopy@example.org"
emergency:
  - {number: "111", name: {vi: Bảo vệ trẻ em, en: Child protection}}
  - {number: "113", name: {vi: Công an, en: Police}}
-- content/_index.vi.md --
---
title: Trang chủ
---
Gọi **111** hoặc 113. Văn phòng: 0221.3862.000. Hỏi thêm: 0912 345 678, hay [0912 345 679](tel:0912345679), hay 0912.345.670.
-- content/_index.en.md --
---
title: Home
---
Call 111.
-- content/tin/_index.vi.md --
---
title: Tin
---
-- content/about/_index.vi.md --
---
title: Giới thiệu
slug: gioi-thieu
---
Về trang.
-- content/about/_index.en.md --
---
title: About
---
About the site.
-- content/support/_index.vi.md --
---
title: Hỗ trợ
slug: ho-tro
---
-- content/support/services/tu-van.yaml --
id: tu-van
name: {vi: Tư vấn, en: Advice}
description: {vi: "Gọi 0221 3862 000 hoặc 113.", en: "Call 0221 3862 000 or 113."}
sources:
  - {url: "https://example.org/nguon", date: 2026-11-01}
services:
  - id: goi
    name: {vi: Gọi, en: Call}
    categories: [emergency]
    areas: [national]
    phones:
      - {number: "0912 345 670", type: voice}
-- content/an-toan.vi.md --
---
title: An toàn
---
Duyệt web an toàn.
`

// TestCallLinksAndSiteInfo checks what every page of helpSite shows: the
// known numbers in its text as call links (a directory phone too), and
// in a provider's description, with the report-a-mistake link, the emergency strip, the
// browse-safely link beside the quick exit, the publisher and the About
// link in the footer; that the home page does not list the About page
// as a section; and the warning on an unknown number left as text.
func TestCallLinksAndSiteInfo(t *testing.T) {
	res, dir := mustBuild(t, helpSite)
	home := readOut(t, dir, "index.html")
	for _, want := range []string{
		`Gọi <strong><a href="tel:111" class="call-inline">111</a></strong> hoặc <a href="tel:113" class="call-inline">113</a>.`,
		`Văn phòng: <a href="tel:02213862000" class="call-inline">0221.3862.000</a>.`,
		`Hỏi thêm: 0912 345 678, hay <a href="tel:0912345679" class="call-inline">0912 345 679</a>, hay <a href="tel:0912345670" class="call-inline">0912.345.670</a>.`,
		`<a class="sos-call" href="tel:113">113<span class="visually-hidden"> Công an</span></a>`,
		`<a class="safety-link" href="/an-toan/">Duyệt web an toàn</a>`,
		`<p class="publisher">Đơn vị chịu trách nhiệm: <strong>Sở Thử nghiệm</strong><br>Điện thoại: <a class="call-inline" href="tel:02213862000">0221 3862 000</a><br>Thư điện tử: <a href="mailto:gopy@example.org">gopy@example.org</a></p>`,
		`<ul class="footer-links">
<li><a href="/gioi-thieu/">Giới thiệu</a></li>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html lacks\n%s", want)
		}
	}
	if strings.Contains(home, `<ul class="cards">
<li><a href="/gioi-thieu/">`) {
		t.Errorf("the home page lists the About page among its sections")
	}
	en := readOut(t, dir, "en/index.html")
	if !strings.Contains(en, `<li><a href="/en/about/">About</a></li>`) || strings.Contains(en, "safety-link") {
		t.Errorf("en/index.html: the footer should link /en/about/, and no browse-safely link (no English page):\n%s", en)
	}
	prov := readOut(t, dir, "ho-tro/tu-van/index.html")
	for _, want := range []string{
		`<p>Gọi <a href="tel:02213862000" class="call-inline">0221 3862 000</a> hoặc <a href="tel:113" class="call-inline">113</a>.</p>`,
		`<p class="report"><a href="mailto:gopy@example.org?subject=B%C3%A1o%20th%C3%B4ng%20tin%20sai%3A%20T%C6%B0%20v%E1%BA%A5n%20%28https%3A%2F%2Fexample.org%2Fho-tro%2Ftu-van%2F%29">`,
	} {
		if !strings.Contains(prov, want) {
			t.Errorf("ho-tro/tu-van/index.html lacks\n%s", want)
		}
	}
	var warned []string
	for _, d := range res.Diagnostics {
		if strings.Contains(d.Message, "[unlinked-phone]") {
			warned = append(warned, d.Pos.String()+": "+d.Message+" / "+d.Hint)
		}
	}
	want := `content/_index.vi.md:4:59: the phone number "0912 345 678" is plain text, not a call link [unlinked-phone] / write it as a call link: [0912 345 678](tel:0912345678)`
	if len(warned) != 1 || warned[0] != want {
		t.Errorf("unlinked-phone warnings:\n%s\nwant\n%s", strings.Join(warned, "\n"), want)
	}
}

// TestSitePagesMissing checks that footer: and safety_page: naming no
// page are errors at site.yaml.
func TestSitePagesMissing(t *testing.T) {
	got := mustFail(t, strings.Replace(strings.Replace(helpSite, "footer: [about]", "footer: [gioi-thieu]", 1),
		"safety_page: an-toan", "safety_page: huong-dan/an-toan", 1))
	for _, want := range []string{
		`content/site.yaml: error: footer: names "gioi-thieu", which is no page or section`,
		`content/site.yaml: error: safety_page: names "huong-dan/an-toan", which is no page`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics:\n%swant %s", got, want)
		}
	}
}
