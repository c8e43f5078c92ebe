package build

import (
	"strings"
	"testing"
)

// printSite adds to directorySite a home page in each language and a page
// whose front matter asks for a leaflet.
const printSite = directorySite + `-- content/_index.vi.md --
---
title: Trang chủ
---
Chào.
-- content/_index.en.md --
---
title: Home
---
Hello.
-- content/guidance/goi.vi.md --
---
title: Gọi ở đâu
description: Số nào cho việc gì.
leaflet: a5
---
Khi nguy hiểm, gọi 113.

## Khi nguy hiểm

Gọi 113.

## Khi cần tư vấn

Gọi 111.
`

// TestPrintPieces builds a site with a directory and a leaflet page and
// checks what each printed piece holds and where the pages link them.
func TestPrintPieces(t *testing.T) {
	_, dir := mustBuild(t, printSite)
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"in/ap-phich/index.html", []string{`<html lang="vi">`, `<main class="sheet poster">`, "Cần giúp đỡ? Hãy gọi",
			`<a class="number" href="tel:111">111</a>`, `<a class="number" href="tel:113">113</a>`, `<time datetime="2026-11-30">30/11/2026</time>`,
			`<span class="address">hungyen.gov.vn</span>`, `<span class="url">https://hungyen.gov.vn/</span>`, `<svg class="qr"`,
			`<link rel="stylesheet" href="/css/print.`, `<a class="back" href="/">Về trang web</a>`,
			`<a class="quick-exit" href="https://nchmf.gov.vn/" rel="nofollow noreferrer">Thoát nhanh</a>`}},
		{"en/print/poster/index.html", []string{`<html lang="en">`, "Need help? Call", `30 November 2026`,
			`<span class="url">https://hungyen.gov.vn/en/</span>`}},
		{"in/danh-ba/index.html", []string{`<main class="sheet list">`, `<span class="name">Trợ giúp pháp lý</span>`,
			`<a class="number" href="tel:02213862000">0221 3862 000</a>`, `<span class="url">https://hungyen.gov.vn/support/</span>`}},
		{"en/print/directory/index.html", []string{`<span class="name">Legal aid</span>`, `<span class="helps">Advice</span>`}},
		{"guidance/goi/to-roi/index.html", []string{`<body class="page-a5">`, `<main class="sheet leaflet">`, `<h1>Gọi ở đâu</h1>`,
			`<p class="lead">Số nào cho việc gì.</p>`, `<p class="summary">Khi nguy hiểm, gọi 113.</p>`, `<li>Khi cần tư vấn</li>`,
			`<span class="url">https://hungyen.gov.vn/guidance/goi/</span>`}},
		{"index.html", []string{`<a href="/in/ap-phich/">In áp phích</a>`}},
		{"support/index.html", []string{`<p class="print-action"><a href="/in/ap-phich/">In áp phích</a> · <a href="/in/danh-ba/">In danh bạ</a></p>`}},
		{"en/support/index.html", []string{`<a href="/en/print/directory/">Print the directory</a>`}},
		{"guidance/goi/index.html", []string{`<a href="/guidance/goi/to-roi/">In tờ rơi</a>`}},
	} {
		got := readOut(t, dir, tc.file)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %s", tc.file, w)
			}
		}
	}
	if got := readOut(t, dir, "guidance/goi/index.html"); strings.Contains(got, "ap-phich") {
		t.Errorf("a plain page links the poster")
	}
}

// TestPrintPathTaken: a page at the address of a printed piece is an error
// at the page, not a file written twice.
func TestPrintPathTaken(t *testing.T) {
	got := mustFail(t, printSite+`-- content/in/_index.vi.md --
---
title: In
---
-- content/in/ap-phich.vi.md --
---
title: Áp phích
---
`)
	want := "content/in/ap-phich.vi.md:1:1: error: this page is published at /in/ap-phich/, where the build puts the printable poster"
	if !strings.Contains(got, want) {
		t.Errorf("diagnostics:\n%s\nwant a line\n%s", got, want)
	}
}
