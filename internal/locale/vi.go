package locale

// vi translates loa's English messages into Vietnamese, for communicators
// who are not programmers: plain words ("phần đầu trang (giữa hai dòng
// ---)" rather than "front matter"), the technical term in brackets once
// where it helps searching. Each translation takes the same arguments with
// the same verbs as its English key; %[n]s reorders them.
//
// Add an entry for each new English message (the test in
// catalogue_test.go lists the missing ones: LOA_LIST_MESSAGES=1 go test
// ./internal/locale -run Listed -v prints them as entries to fill in). Keep
// the entries sorted by key, the key on one line and the translation on
// the next, so that entries added by different changes do not collide.
var vi = map[string]string{
	`
Exit status:
  0  the site was built (warnings, if any, are printed)
  1  the content has errors (printed as file:line:col), or the build failed;
     the previous output is left as it was
  2  the command line is wrong: an unknown flag, a --source that is no site,
     an --out that loa refuses (/, the source folder or a folder containing
     it, a folder inside content/, templates/ or static/, a file, or a
     non-empty folder without loa's .loa-output marker)
  130  stopped by Ctrl-C (SIGINT); 143, stopped by SIGTERM. The build stops,
       removes its staging folder and leaves the previous output as it was;
       a second Ctrl-C stops loa at once, and the next build removes what
       it left behind
`: `
Mã kết thúc:
  0  đã tạo xong trang web (nếu có cảnh báo thì đã in ra)
  1  nội dung có lỗi (in dạng tệp:dòng:cột), hoặc không tạo được;
     kết quả lần trước vẫn giữ nguyên
  2  dòng lệnh viết sai: tùy chọn lạ, --source không phải thư mục trang web,
     --out mà loa không nhận (/, thư mục nguồn hoặc thư mục chứa nó, thư mục
     nằm trong content/, templates/ hoặc static/, một tệp, hoặc thư mục có tệp
     mà không có tệp đánh dấu .loa-output của loa)
  130  bị dừng bằng Ctrl-C (SIGINT); 143, bị dừng bằng SIGTERM. loa dừng tạo,
       xóa thư mục tạm và giữ nguyên kết quả lần trước; bấm Ctrl-C lần nữa
       thì loa dừng ngay, và lần tạo sau sẽ xóa những gì còn sót lại
`,
	`
Exit status: 0 when there is no error (warnings may be printed), 1 when there
is at least one error, 2 when the command line is wrong.
`: `
Mã kết thúc: 0 khi không có lỗi (có thể có cảnh báo), 1 khi có ít nhất
một lỗi, 2 khi dòng lệnh viết sai.
`,
	`  hint: %s
`: `  cách sửa: %s
`,
	" (%d unchanged)": " (%d tệp không đổi)",
	" (default %q)":   " (mặc định %q)",
	" (names that differ only in capital letters are the same on Windows and macOS disks)": " (trên ổ đĩa Windows và macOS, hai tên chỉ khác nhau ở chữ hoa, chữ thường là một)",
	" in %q": " trong %q",
	"%d entries are past their review period: %s": "%d mục đã quá hạn kiểm tra lại: %s",
	"%d errors":         "%d lỗi",
	"%d files in all":   "tổng cộng %d tệp",
	"%d pages":          "%d trang",
	"%d warnings":       "%d cảnh báo",
	"%q has no %s text": "%q chưa có nội dung bằng %s",
	"%q has not been checked by a person, and its newest source (%s) is more than %d days old":  "%q chưa được ai gọi điện hay đến tận nơi kiểm tra, và nguồn mới nhất của nó (%s) đã quá %d ngày",
	"%q has text in %q, which is not one of the site's languages":                               "%q có nội dung bằng ngôn ngữ %q, nhưng trang web không có ngôn ngữ này",
	"%q is not a Vietnamese phone number":                                                       "%q không phải là số điện thoại Việt Nam",
	"%q is not a date loa can read":                                                             "loa không đọc được ngày %q",
	"%q is not a date written as YYYY-MM-DD":                                                    "%q không phải là ngày viết theo kiểu NĂM-THÁNG-NGÀY (YYYY-MM-DD)",
	"%q is not a day of the calendar":                                                           "%q không phải là một ngày có thật trên lịch",
	"%q is not a language code":                                                                 "%q không phải là mã ngôn ngữ",
	"%q is not a tag's key: after %s comes the tag's slug, as in its page's address":            "%q không phải là tên của một chủ đề: sau %s là tên đường dẫn (slug) của chủ đề, như trong địa chỉ trang của nó",
	"%q is not a time of day":                                                                   "%q không phải là giờ trong ngày",
	"%q is not a weekday code":                                                                  "%q không phải là mã ngày trong tuần",
	"%q was last checked on %s, more than %d days ago":                                          "%q được kiểm tra lần cuối ngày %s, đã quá %d ngày",
	"%s %q should be lower-case letters a–z, digits and hyphens":                                "%s %q chỉ được gồm chữ thường a–z không dấu, chữ số và dấu gạch ngang",
	"%s could not be read as text":                                                              "không đọc được %s thành chữ",
	"%s exists already; loa new never overwrites a page":                                        "%s đã có rồi; loa new không bao giờ ghi đè lên trang có sẵn",
	"%s id %q has nationwide, which only areas can have":                                        "mã (id) %[2]q trong %[1]s có nationwide, nhưng chỉ địa bàn (areas) mới có mục này",
	"remove nationwide: from the category; mark the area that covers the whole country instead": "hãy xóa dòng nationwide: khỏi nhóm dịch vụ; ghi nó ở địa bàn bao trùm cả nước",
	"%s id %q has review_days, which only categories can have":                                  "mã (id) %[2]q trong %[1]s có review_days, nhưng chỉ nhóm dịch vụ (categories) mới có mục này",
	"%s id %q is declared twice":                                                                "mã (id) %[2]q trong %[1]s được khai báo hai lần",
	"%s id %q should be lower-case letters, digits and hyphens":                                 "mã (id) %[2]q trong %[1]s chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang",
	"%s is missing":                                            "thiếu %s",
	"%s should be %s, not %q":                                  "%s phải là %s, không phải %q",
	"%s should be a list":                                      "%s phải là một danh sách",
	"%s should be a set of \"key: value\" lines":               "%s phải là các dòng dạng \"tên: giá trị\"",
	"%s should be a single value, not a list or a set of keys": "%s phải là một giá trị duy nhất, không phải danh sách hay nhóm nhiều dòng",
	"%s: --format must be text or json, not %q":                "%s: --format phải là text hoặc json, không phải %q",
	"%s: flag needs an argument: %s":                           "%s: tùy chọn %s cần có giá trị đi kèm",
	"%s: flag provided but not defined: %s":                    "%s: không có tùy chọn %s",
	"%s: invalid value %s for flag %s":                         "%s: giá trị %s không dùng được cho tùy chọn %s",
	"%s: unexpected argument %q":                               "%s: thừa %q trên dòng lệnh",
	", with %s":                                                ", có %s",
	"--base-url %q is not an absolute http(s) address":         "--base-url %q không phải là địa chỉ web đầy đủ (bắt đầu bằng http:// hoặc https://)",
	"--lang must be vi or en, not %q":                          "--lang phải là vi hoặc en, không phải %q",
	"--public %s is not a built site: it has no index.html":    "--public %s không phải là trang web đã tạo: không có index.html",
	"1 error":       "1 lỗi",
	"1 file in all": "tổng cộng 1 tệp",
	"1 page":        "1 trang",
	"1 warning":     "1 cảnh báo",
	`Run "loa help" for usage.
`: `Gõ "loa help" để xem cách dùng.
`,
	"The site has not built yet.": "Trang web chưa được tạo xong.",
	`Usage: loa build [flags]

Builds the site in --source (content/, templates/, static/) into --out.
The site is written to a staging folder first and replaces --out only when
the whole build succeeded, so a failed build leaves the previous site as it was.
After a build, a cache in .loa-cache/ beside --out lets the next build redo
only what changed, in place (safe to delete; --no-cache builds everything).

Flags:
`: `Cách dùng: loa build [tùy chọn]

Tạo trang web từ thư mục --source (content/, templates/, static/) vào thư mục --out.
Trang web được ghi vào một thư mục tạm trước, và chỉ thay cho --out khi
tạo xong toàn bộ, nên nếu có lỗi thì trang web lần trước vẫn giữ nguyên.
Sau mỗi lần tạo, bộ nhớ đệm trong .loa-cache/ cạnh --out giúp lần sau chỉ làm
lại phần đã đổi, ghi thẳng vào --out (xóa nó lúc nào cũng được; --no-cache
để tạo lại toàn bộ).

Tùy chọn:
`,
	`Usage: loa check [flags]

Checks the site in --source without writing anything: everything loa build
checks (front matter, links to missing files, templates, the directory), and
also links to anchors that do not exist, pages missing in a language, images
without alternative text, headings that skip a level, titles used twice, and
directory entries past their review date. Each problem names its file, line
and column. content/site.yaml's "checks:" sets a rule to error, warning or off.

Flags:
`: `Cách dùng: loa check [tùy chọn]

Kiểm tra trang web trong --source mà không ghi gì: mọi thứ loa build kiểm tra
(phần đầu trang giữa hai dòng ---, liên kết đến tệp không có, khuôn trang,
danh bạ), thêm liên kết đến đề mục không có, trang thiếu bản dịch, ảnh chưa có
lời mô tả, đề mục nhảy cấp, tiêu đề trùng nhau, và mục danh bạ quá hạn kiểm tra
lại. Mỗi vấn đề ghi rõ tệp, dòng và cột. Mục "checks:" trong content/site.yaml
đặt từng phép kiểm tra là error (lỗi), warning (cảnh báo) hoặc off (tắt).

Tùy chọn:
`,
	`
Checks (name, default, what each finds; content/site.yaml's "checks:" changes the default):
`: `
Các phép kiểm tra (tên, mức mặc định, điều nó tìm; mục "checks:" trong content/site.yaml đổi mức mặc định):
`,
	"a link to `#muc-tieu` that no heading of the target page has":                                 "liên kết đến `#muc-tieu` mà trang đích không có đề mục nào như vậy",
	"an image without alternative text":                                                            "ảnh chưa có lời mô tả cho người không nhìn thấy",
	"a page that exists in one language only":                                                      "trang chỉ có ở một ngôn ngữ",
	"a heading that skips a level (`##` then `####`)":                                              "đề mục nhảy cấp (`##` rồi đến `####`)",
	"two pages of one language with the same title":                                                "hai trang cùng ngôn ngữ có tiêu đề giống nhau",
	"a phone number in text that is not a call link":                                               "số điện thoại viết thành chữ thường, chưa phải liên kết để bấm gọi",
	"a published page (not a section) with no text below its front matter, as `loa new` leaves it": "trang đã đăng (không phải trang mục) chưa có nội dung dưới phần đầu trang, như khi loa new vừa tạo",
	"a link to a page in the other language that also exists in the linking page's language":       "liên kết đến trang bằng ngôn ngữ kia, trong khi trang đó cũng có bản bằng ngôn ngữ của trang đang viết",
	`Usage: loa new [--source DIR] <section> <title>

Creates a page in content/<section>/ for every language of the site, named
after the title folded to a slug ("Phòng, chống mại dâm" → phong-chong-mai-dam.vi.md),
with front matter filled in: the title, today's date in the site's time
zone, and draft: true. It never overwrites a file. The pages are drafts:
they are published once their text is written and draft: true is changed
to draft: false (loa serve --drafts shows them before). The section is a folder
under content/ ("news", "guidance/laws").

Flags:
`: `Cách dùng: loa new [--source DIR] <chuyên-mục> <tiêu-đề>

Tạo một trang trong content/<chuyên-mục>/ cho mỗi ngôn ngữ của trang web, đặt tên
theo tiêu đề viết không dấu ("Phòng, chống mại dâm" → phong-chong-mai-dam.vi.md),
với phần đầu trang (giữa hai dòng ---) đã điền sẵn: tiêu đề, ngày hôm nay,
và draft: true (bản nháp). Không bao giờ ghi đè tệp đã có. Các trang mới là
bản nháp: chúng được đăng khi đã viết nội dung và sửa draft: true thành
draft: false (loa serve --drafts cho xem trước). Chuyên mục là một
thư mục trong content/ ("news", "guidance/laws").

Tùy chọn:
`,
	`Usage: loa serve [flags]

Builds the site, serves it at http://127.0.0.1:1313/ and watches content/,
templates/ and static/: every save rebuilds the site and reloads the open
pages. A broken edit keeps the last good site on screen, with the problems
shown over it until they are fixed. Nothing is written into the site's
folder; Ctrl-C stops the preview and removes its temporary files (exit
status 130; 143 for SIGTERM), and a second Ctrl-C stops it at once. When
the system's limit on watched folders is reached, loa says which folders
it cannot watch and how to raise the limit.

With --public DIR it builds nothing: it serves the site already built in
DIR (loa build --out DIR) the way a web host would, with the site's own
404 page and security headers, and without the files meant for the host.

Flags:
`: `Cách dùng: loa serve [tùy chọn]

Tạo trang web, mở bản xem trước tại http://127.0.0.1:1313/ và theo dõi content/,
templates/ và static/: mỗi lần lưu tệp, trang web được tạo lại và các trang đang
mở tự tải lại. Nếu lần sửa có lỗi, bản tạo được lần cuối vẫn hiện, với lỗi hiện
đè lên trên cho đến khi sửa xong. Không ghi gì vào thư mục trang web;
Ctrl-C dừng bản xem trước và xóa các tệp tạm (mã kết thúc 130; 143 khi
bị dừng bằng SIGTERM), bấm Ctrl-C lần nữa thì dừng ngay. Khi máy tính đã
đạt giới hạn số thư mục được theo dõi, loa cho biết thư mục nào không theo
dõi được và cách nâng giới hạn.

Với --public DIR, loa không tạo gì: nó phục vụ trang web đã tạo sẵn trong
DIR (loa build --out DIR) giống như máy chủ web, với trang 404 và các tiêu
đề bảo mật của trang web, và không đưa ra các tệp dành cho máy chủ.

Tùy chọn:
`,
	`Usage: loa version

Prints loa's version and the Go version it was built with.
`: `Cách dùng: loa version

In phiên bản của loa và phiên bản Go đã dùng để dịch nó.
`,
	"a %s line cannot be a hotline": "đường dây loại %s không thể là đường dây nóng",
	"a file (%s)":                   "một tệp (%s)",
	"a frame":                       "một khung nhúng",
	"no section is in the folder content/%s, so this boost does nothing": "không có chuyên mục nào trong thư mục content/%s, nên mức ưu tiên này không có tác dụng",
	"the sections are %s":                                                                         "các chuyên mục là: %s",
	"the boost of %q should be a number from 0.1 to 10":                                           "mức ưu tiên của %q phải là một số từ 0.1 đến 10",
	"write for example 2 for twice the weight, 0.5 for half":                                      "ví dụ: viết 2 để các trang này được xếp lên trước gấp đôi, 0.5 để giảm một nửa",
	"a group of synonyms needs at least two entries":                                              "một nhóm từ đồng nghĩa cần ít nhất hai từ",
	"a half-written site that an earlier, stopped build left could not be deleted: %v":            "không xóa được phần trang web đang tạo dở mà một lần tạo trước (bị dừng giữa chừng) để lại: %v",
	"a hotline is a voice line: remove type:, or hotline:":                                        "đường dây nóng là đường gọi thoại: xóa dòng type: hoặc dòng hotline:",
	"a key here should be a single word such as home":                                             "tên ở đây phải là một từ, ví dụ home",
	"a level-1 heading (#) in the body: the page title is the only h1, so it is shown as level 2": "có đề mục cấp 1 (#) trong bài: tiêu đề trang là đề mục cấp 1 duy nhất, nên đề mục này được hiện thành cấp 2",
	"a line here should read \"key: value\" but has no colon":                                     "dòng này phải có dạng \"tên: giá trị\" nhưng thiếu dấu hai chấm",
	"a list item (\"- ...\") stands where a value was expected":                                   "có một mục danh sách (\"- ...\") ở chỗ cần một giá trị",
	"the quote (\") that starts this value is not closed on its line":                             "dấu ngoặc kép (\") mở đầu giá trị này chưa được đóng trên cùng dòng",
	"end the value with \" on the same line, e.g. title: \"Tập huấn tại xã\"":                     "thêm dấu \" ở cuối giá trị, trên cùng dòng, ví dụ title: \"Tập huấn tại xã\"",
	"a value in quotes ends here, but more text follows it":                                       "giá trị trong ngoặc kép kết thúc ở đây, nhưng sau đó vẫn còn chữ",
	"a quote is missing or extra on this line: each value in quotes needs one quote at each end, e.g. tags: [\"Tuyên truyền\", \"Phụ nữ\"]": "dòng này thiếu hoặc thừa một dấu ngoặc kép: mỗi giá trị trong ngoặc kép cần một dấu \" ở đầu và một dấu \" ở cuối, ví dụ tags: [\"Tuyên truyền\", \"Phụ nữ\"]",
	"a list written in [brackets] is not closed": "danh sách viết trong ngoặc vuông [ ] chưa được đóng",
	"a number": "một số",
	"a script": "một đoạn mã chạy (script)",
	"a service open 24/7 cannot also have opening hours": "dịch vụ mở cửa 24/7 thì không ghi thêm giờ mở cửa",
	"a set of keys written in {braces} is not closed":    "nhóm viết trong ngoặc nhọn { } chưa được đóng",
	"a sound or a video":      "một tệp âm thanh hoặc video",
	"a source has no date":    "một nguồn chưa có ngày",
	"a source has no url":     "một nguồn chưa có địa chỉ (url)",
	"a stylesheet":            "một tệp định dạng (stylesheet)",
	"a stylesheet url()":      "một tệp qua url() của tệp định dạng",
	"a value is missing here": "ở đây thiếu một giá trị",
	"a whole number":          "một số nguyên",
	"add %s: \"07:30\"":       "thêm dòng %s: \"07:30\"",
	"add a line %q under %q":  "thêm dòng %q vào dưới %q",
	"add a line base_url: https://…/ with the address the site is published at to %s, or build with --base-url https://…/": "thêm vào %s một dòng base_url: https://…/ với địa chỉ mà trang web được đăng, hoặc tạo trang web với --base-url https://…/",
	"add a line date: %s (the day it was published; %sT08:30 with the time) to its front matter":                           "thêm dòng date: %s (ngày đăng; %sT08:30 nếu có giờ) vào phần đầu trang (giữa hai dòng ---)",
	"add a line title: … to the front matter":                                                                              "thêm dòng title: … vào phần đầu trang (giữa hai dòng ---)",
	"add date: with the day the source was published or last updated, e.g. date: 2025-09-19":                               "thêm dòng date: với ngày nguồn được đăng hoặc cập nhật lần cuối, ví dụ date: 2025-09-19",
	"add days: [MO, TU, WE, TH, FR]":                                              "thêm dòng days: [MO, TU, WE, TH, FR] (các ngày mở cửa, từ Thứ Hai đến Thứ Sáu)",
	"add description: {vi: \"…\", en: \"…\"}":                                     "thêm dòng description: {vi: \"…\", en: \"…\"}",
	"add id: with a short slug":                                                   "thêm dòng id: với một tên ngắn viết không dấu, nối bằng gạch ngang",
	"add id: with a short slug, e.g. id: tru-so":                                  "thêm dòng id: với một tên ngắn viết không dấu, nối bằng gạch ngang, ví dụ id: tru-so",
	"add id: with the file name, e.g. id: tong-dai-111":                           "thêm dòng id: giống tên tệp, ví dụ id: tong-dai-111",
	"add languages: with at least one entry such as {code: vi, name: Tiếng Việt}": "thêm mục languages: có ít nhất một ngôn ngữ, ví dụ {code: vi, name: Tiếng Việt}",
	"add name: {vi: \"…\", en: \"…\"}":                                            "thêm dòng name: {vi: \"…\", en: \"…\"}",
	"add slug: … to the front matter":                                             "thêm dòng slug: … (tên trên đường dẫn, không dấu) vào phần đầu trang (giữa hai dòng ---)",
	"add the colon, or join the line to the value above it":                       "thêm dấu hai chấm, hoặc nối dòng này vào giá trị ở dòng trên",
	"add the translation beside this file, named %s":                              "thêm bản dịch bên cạnh tệp này, đặt tên là %s",
	"add title: {vi: \"…\", en: \"…\"}":                                           "thêm dòng title: {vi: \"…\", en: \"…\"}",
	"add url: \"https://…\"":                                                      "thêm dòng url: \"https://…\"",
	"alias %q is not a path on this site":                                         "địa chỉ cũ (alias) %q không phải là một đường dẫn trên trang web này",
	"alias %s cannot be published: %s is already there":                           "không đăng được địa chỉ cũ (alias) %s: ở đó đã có %s",
	"alias %s is the address of %s":                                               "địa chỉ cũ (alias) %s đang là địa chỉ của %s",
	"an emergency entry has no number":                                            "một mục số khẩn cấp chưa có số điện thoại",
	"an icon":                                                                     "một biểu tượng (icon)",
	"an image":                                                                    "một ảnh",
	"area":                                                                        "địa bàn",
	"base_url %q is not an absolute http(s) address":                              "base_url %q không phải là địa chỉ web đầy đủ (bắt đầu bằng http:// hoặc https://)",
	"base_url %s is on %s, a name kept for examples that no one can visit: the pages work, but links to them from outside do not, and the poster, the directory and the leaflets are printed without a QR code or the site's address": "base_url %s nằm trên %s, một tên miền chỉ dùng làm ví dụ, không ai vào được: các trang vẫn xem được, nhưng liên kết từ nơi khác đến chúng thì không, và áp phích, danh bạ, tờ rơi sẽ in ra không có mã QR và địa chỉ trang web",
	"build it first with loa build --out %s": "hãy tạo trang web trước bằng loa build --out %s",
	"call to confirm each, then set its checked: to that day (or give it a longer review_days when its facts are fixed by law)":                                                                               "gọi điện xác nhận từng mục, rồi ghi ngày đó vào checked: của mục (hoặc đặt review_days dài hơn khi thông tin do pháp luật quy định)",
	"call to confirm the entry, then add to this file a line, not indented and not under sources:, checked: <the day of the call, e.g. %s> (or give it a longer review_days when its facts are fixed by law)": "gọi điện xác nhận mục này, rồi thêm vào tệp này một dòng không thụt vào (không đặt trong sources:): checked: <ngày đã gọi, ví dụ %s> (hoặc đặt review_days dài hơn khi thông tin do pháp luật quy định)",
	`cannot watch these folders for changes: %s
  This computer's limit for watching folders (%s%s) is reached,
  so edits there will NOT show in the preview.
  fix: raise the limit, then stop and start loa serve again:
    sudo sysctl %s=524288
  to keep it after a restart:
    echo %s=524288 | sudo tee /etc/sysctl.d/90-loa-watch.conf`: `không theo dõi được các thư mục này: %s
  Máy tính này đã đạt giới hạn số thư mục được theo dõi (%s%s),
  nên những gì sửa trong đó sẽ KHÔNG hiện trong bản xem trước.
  cách sửa: nâng giới hạn, rồi dừng và chạy lại loa serve:
    sudo sysctl %s=524288
  để giữ sau khi khởi động lại máy:
    echo %s=524288 | sudo tee /etc/sysctl.d/90-loa-watch.conf`,
	"category":                                                               "nhóm dịch vụ",
	"check %q is set to %q":                                                  "phép kiểm tra %q được đặt là %q",
	"check for a missing closing quote":                                      "xem có thiếu dấu ngoặc kép đóng không",
	"check pages marked draft: true as well":                                 "kiểm tra cả các trang nháp (draft: true)",
	"check the month and the day":                                            "xem lại tháng và ngày",
	"checked: %s is in the future":                                           "ngày kiểm tra checked: %s nằm trong tương lai",
	"choose another title, or edit that file":                                "chọn tiêu đề khác, hoặc sửa tệp đã có",
	"closes at %s, not after it opens at %s":                                 "giờ đóng cửa %s không muộn hơn giờ mở cửa %s",
	"closing time must be after opening time on the same day":                "giờ đóng cửa phải muộn hơn giờ mở cửa trong cùng một ngày",
	"copy what it needs into static/ and refer to it by a path on this site": "chép tệp cần dùng vào thư mục static/ và dẫn đến nó bằng đường dẫn trên trang web này",
	"date: %s is in the future":                                              "ngày date: %s nằm trong tương lai",
	"declare it under locations: of this organization":                       "khai báo nó trong mục locations: (địa điểm) của tổ chức này",
	"default_language %q is not one of the listed languages":                 "default_language %q không nằm trong danh sách ngôn ngữ",
	"delete the folder %s yourself":                                          "hãy tự xóa thư mục %s",
	"describe the image between the brackets: ![Ảnh: buổi tập huấn tại xã …](anh.jpg)": "viết lời mô tả ảnh vào giữa hai ngoặc vuông: ![Ảnh: buổi tập huấn tại xã …](anh.jpg)",
	"did you mean #%s?": "có phải bạn muốn viết #%s?",
	"did you mean %q?":  "có phải bạn muốn viết %q?",
	"did you mean %q? Or declare it under %s in site.yaml": "có phải bạn muốn viết %q? Hoặc khai báo nó trong mục %s của site.yaml",
	"email %q is not an e-mail address":                    "email %q không phải là địa chỉ thư điện tử",
	"end it with }":                                        "đóng lại bằng }",
	"end the list with ]":                                  "đóng danh sách bằng ]",
	"error":                                                "lỗi",
	"footer: names %q, which is no page or section":        "footer: ghi %q, nhưng không có trang hay chuyên mục nào như vậy",
	"give a neutral page such as %s":                       "dùng một trang vô hại, ví dụ %s",
	"give each page a title of its own, so that people can tell them apart in lists and search results": "đặt cho mỗi trang một tiêu đề riêng, để người đọc phân biệt được trong danh sách và kết quả tìm kiếm",
	"give one of them a different slug in its front matter":                                             "đổi tên đường dẫn (slug) của một trong hai trang, ở phần đầu trang (giữa hai dòng ---)",
	"give one of them a different translation_key, or remove one":                                       "đổi translation_key của một trong hai trang, hoặc xóa bớt một trang",
	"give the page another slug":                                                                        "đặt cho trang một tên đường dẫn (slug) khác",
	"give the page another slug, or remove leaflet: from %s":                                            "đặt cho trang một tên đường dẫn (slug) khác, hoặc bỏ dòng leaflet: trong %s",
	"hint": "cách sửa",
	"how to print problems, `FORMAT` text or json (json goes to standard output)": "cách in các vấn đề, `FORMAT` là text hoặc json (json in ra đầu ra chuẩn)",
	"id %q is already used by %s":      "mã id %q đã được dùng ở %s",
	"include pages marked draft: true": "tạo cả các trang nháp (draft: true)",
	"indent with spaces, not tabs":     "thụt đầu dòng bằng dấu cách, không dùng phím Tab",
	"indent with spaces, not tabs, and put values that start with @, ` or %% in quotes": "thụt đầu dòng bằng dấu cách, không dùng phím Tab; giá trị bắt đầu bằng @, ` hoặc %% thì đặt trong ngoặc kép",
	"keep one of them":       "giữ lại một dòng",
	"key %q appears twice%s": "mục %q xuất hiện hai lần%s",
	"keys at the same level need the same number of spaces before them": "các dòng cùng cấp phải thụt vào cùng một số dấu cách",
	"known keys are %s":           "các mục được dùng là: %s",
	"language %q is listed twice": "ngôn ngữ %q được liệt kê hai lần",
	"language code %q is not a two- or three-letter lower-case code":                                  "mã ngôn ngữ %q không phải là mã 2 hoặc 3 chữ thường",
	"latitude is between -90 and 90, longitude between -180 and 180":                                  "vĩ độ nằm trong khoảng -90 đến 90, kinh độ trong khoảng -180 đến 180",
	"latitude/longitude out of range":                                                                 "vĩ độ hoặc kinh độ nằm ngoài khoảng cho phép",
	"layout %q names no template (there is no templates/%s)":                                          "layout %q không ứng với khuôn trang (template) nào (không có templates/%s)",
	"leaflet: %q is not a paper size loa prints leaflets on":                                          "leaflet: %q không phải khổ giấy loa in tờ rơi được",
	"link to a heading's id: lower-case, no marks, words joined by hyphens (## Mục tiêu → #muc-tieu)": "dẫn đến mã của đề mục: chữ thường, bỏ dấu, các từ nối bằng gạch ngang (## Mục tiêu → #muc-tieu)",
	"link to the page's Markdown file, relative to this file, e.g. ../plan/164-kh-ubnd/index.vi.md":   "dẫn đến tệp .md của trang, tính từ vị trí tệp này, ví dụ ../plan/164-kh-ubnd/index.vi.md",
	"list at least one service under services:":                                                       "ghi ít nhất một dịch vụ trong mục services:",
	`loa builds a bilingual public-information website from Markdown and YAML.

Usage:
  loa build [--source DIR] [--out DIR] [--base-url URL] [--drafts] [--portable] [--format text|json] [--quiet] [--stats]
  loa check [--source DIR] [--drafts] [--format text|json]
  loa serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--drafts]
  loa new [--source DIR] <section> <title>
  loa version
  loa help [command]

Run "loa help build" for the flags of a command. Every command takes
--lang vi or --lang en, the language of loa's messages (default: LOA_LANG,
else the site's default language).
`: `loa tạo trang web thông tin công cộng song ngữ từ các tệp Markdown và YAML.

Cách dùng:
  loa serve                     xem trước trang web trong trình duyệt khi đang sửa
  loa new news "Tiêu đề"        tạo một tin mới (bản nháp)
  loa check                     kiểm tra lỗi mà không ghi gì
  loa build                     tạo trang web vào thư mục public/ để đăng

Đầy đủ:
  loa build [--source DIR] [--out DIR] [--base-url URL] [--drafts] [--portable] [--format text|json] [--quiet] [--stats]
  loa check [--source DIR] [--drafts] [--format text|json]
  loa serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--drafts]
  loa new [--source DIR] <chuyên-mục> <tiêu-đề>
  loa version
  loa help [lệnh]

Gõ "loa help build" để xem các tùy chọn của một lệnh. Lệnh nào cũng nhận
--lang vi hoặc --lang en, ngôn ngữ của thông báo (mặc định: LOA_LANG,
nếu không có thì ngôn ngữ chính của trang web). Hướng dẫn tiếng Việt: HUONG-DAN.md.
`,
	`loa: %d change(s), rebuilt in %s
`: `loa: %d thay đổi, đã tạo lại trong %s
`,
	`loa: %s
`: `loa: %s
`,
	`loa: %s again: stopped at once; the next build removes any folder left behind
`: `loa: %s lần nữa: đã dừng ngay; lần tạo sau sẽ xóa thư mục còn sót lại
`,
	`loa: %s, %s
`: `loa: %s, %s
`,
	`loa: %s: stopping (press Ctrl-C again to stop at once)
`: `loa: %s: đang dừng (bấm Ctrl-C lần nữa để dừng ngay)
`,
	`loa: build failed: %s, %s; the previous site was left as it was
`: `loa: không tạo được trang web: %s, %s; trang web lần trước vẫn giữ nguyên
`,
	"loa: built %s (%s), %s, into %s in %s": "loa: đã tạo %s (%s), %s, vào %s trong %s",
	"%d content pages":                      "%d trang nội dung",
	"1 content page":                        "1 trang nội dung",
	"%d lists and topic pages":              "%d trang danh sách và chủ đề",
	"1 list or topic page":                  "1 trang danh sách hay chủ đề",
	`loa: no problems found
`: `loa: không thấy vấn đề nào
`,
	`loa: serving %s at %s (Ctrl-C to stop)
`: `loa: đang xem trước %s tại %s (bấm Ctrl-C để dừng)
`,
	`loa: serving on every network interface: anyone who can reach this computer can see the preview
`: `loa: đang mở cho cả mạng: ai kết nối được tới máy này đều xem được bản xem trước
`,
	`loa: serving on every network interface: anyone who can reach this computer can see the site
`: `loa: đang mở cho cả mạng: ai kết nối được tới máy này đều xem được trang web
`,
	`loa: serving the built site %s at %s as a host would (Ctrl-C to stop)
`: `loa: đang phục vụ trang web đã tạo %s tại %s như máy chủ web (bấm Ctrl-C để dừng)
`,
	"loa: the page below is the last good build. Fix this and save:":        "loa: trang bên dưới là bản tạo được lần cuối. Hãy sửa lỗi sau rồi lưu lại:",
	"loa: the site cannot be shown until this is fixed. Fix this and save:": "loa: chưa hiện được trang web cho đến khi sửa xong lỗi này. Hãy sửa rồi lưu lại:",
	`loa: the build was stopped before it finished; the previous site was left as it was
`: `loa: đã dừng trước khi tạo xong; trang web lần trước vẫn giữ nguyên
`,
	`loa: updating the search index: %v
`: `loa: lỗi khi cập nhật chỉ mục tìm kiếm: %v
`,
	`loa: watching: %v
`: `loa: lỗi khi theo dõi thư mục: %v
`,
	"location id %q is used twice": "mã địa điểm (id) %q được dùng hai lần",
	"if it holds other files, give the folder a name without .md; if it should be a page, first move what is inside it elsewhere, then delete the folder and save the page as a file with this name": "nếu thư mục chứa các tệp khác, hãy đặt cho nó một tên không có .md; nếu đây phải là một trang, trước hết hãy chuyển những gì nằm trong thư mục ra chỗ khác, rồi mới xóa thư mục và lưu trang thành một tệp có tên này",
	"move it out of the bundle folder, or rename it if it is an attachment":                         "chuyển tệp ra khỏi thư mục của trang, hoặc đổi tên nếu đó là tệp đính kèm",
	"move review_days to the category, or to the entries themselves":                                "chuyển review_days sang nhóm dịch vụ (category), hoặc vào chính các mục danh bạ",
	"name a folder under content/, such as news or guidance":                                        "ghi tên một thư mục trong content/, ví dụ news hoặc guidance",
	"new: give a section and a title, e.g. loa new news \"Hội thảo về phòng, chống mua bán người\"": "new: hãy ghi chuyên mục và tiêu đề, ví dụ loa new news \"Hội thảo về phòng, chống mua bán người\"",
	"no %s in %s: is this a loa site?":                                                              "không có %s trong %s: đây có phải là thư mục trang web của loa không?",
	"no URL slug can be made from the file name %q":                                                 "không tạo được tên đường dẫn (slug) từ tên tệp %q",
	"no command given":                      "chưa ghi lệnh nào",
	"no help for unknown command %q":        "không có hướng dẫn cho lệnh lạ %q",
	"no printed piece of kind %q":           "không có loại bản in %q",
	"no template %s":                        "không có khuôn trang (template) %s",
	"opening hours without days":            "giờ mở cửa chưa ghi ngày",
	"read %d content pages (the .md files)": "đã đọc %d trang nội dung (các tệp .md)",
	"read 1 content page (the .md file)":    "đã đọc 1 trang nội dung (tệp .md)",
	"the disk is full: loa stops writing there (what it wrote is deleted at the end) and touches nothing that was there before, but goes on to the end, to say how much room the site needs": "ổ đĩa đã đầy: loa ngừng ghi lên đó (phần loa đã ghi sẽ được xóa khi xong) và không đụng đến những gì đã có ở đó, nhưng vẫn làm tiếp đến hết để biết trang web cần bao nhiêu chỗ",
	"paper: cannot print a %T":                                "paper: không in được %T",
	"print nothing but problems":                              "chỉ in các vấn đề, không in gì khác",
	"print the wall time of each stage, counts and peak heap": "in thời gian của từng bước, các số đếm và bộ nhớ dùng nhiều nhất",
	"\nFor developers (measuring loa's speed and memory):\n":  "\nCho người phát triển (đo tốc độ và bộ nhớ của loa):\n",
	"provider": "tổ chức",
	"publisher email %q is not an email address":                                                                "email của cơ quan chủ quản %q không phải là địa chỉ thư điện tử",
	"publisher phone %q is not a phone number":                                                                  "số điện thoại của cơ quan chủ quản %q không phải là số điện thoại",
	"put the list on the lines below the key, indented":                                                         "viết danh sách ở các dòng bên dưới, thụt vào",
	"put the whole value in double quotes, e.g. title: \"Kế hoạch: 2021–2025\"":                                 "đặt cả giá trị trong ngoặc kép, ví dụ title: \"Kế hoạch: 2021–2025\"",
	"quick_exit %q is not an https address":                                                                     "quick_exit %q không phải là địa chỉ bắt đầu bằng https://",
	"read %s: the file changed while the site was being built; build again":                                     "đọc %s: tệp đã được sửa trong lúc đang tạo trang web; hãy tạo lại trang web",
	"refusing to replace %s: it is not empty and was not made by loa (there is no %s file in it)":               "không thay thư mục %s: thư mục này có tệp và không do loa tạo ra (không có tệp %s trong đó)",
	"refusing to write the site to %s: it contains the source folder %s":                                        "không ghi trang web vào %s: thư mục này chứa thư mục nguồn %s",
	"refusing to write the site to %s: it is a file, not a folder":                                              "không ghi trang web vào %s: đây là một tệp, không phải thư mục",
	"refusing to write the site to %s: it is inside the site's %s/ folder":                                      "không ghi trang web vào %s: thư mục này nằm trong thư mục %s/ của trang web",
	"refusing to write the site to %s: that is the root of the file system":                                     "không ghi trang web vào %s: đây là thư mục gốc của cả ổ đĩa",
	"refusing to write the site to %s: that is the source folder":                                               "không ghi trang web vào %s: đây là thư mục nguồn",
	"remove hours:, or remove open_24_7":                                                                        "xóa mục hours:, hoặc xóa dòng open_24_7",
	"remove it, or write the word people type":                                                                  "hãy xoá nó, hoặc viết từ mà người dân hay gõ",
	"remove the * or quote the value":                                                                           "xóa dấu *, hoặc đặt giá trị trong ngoặc kép",
	"remove the alias, or change it: an old address cannot also be the address of something the site publishes": "xóa địa chỉ cũ (alias) này hoặc đổi nó: địa chỉ cũ không được trùng với địa chỉ của thứ mà trang web đăng",
	"remove the alias, or change that page's slug":                                                              "xóa địa chỉ cũ (alias) này, hoặc đổi tên đường dẫn (slug) của trang kia",
	"rename it to checked: if a person confirmed the entry by phone or in person on that day; if it is the date of a source, write it as date: under that source in sources:": "đổi thành checked: nếu hôm đó có người đã gọi điện hoặc đến tận nơi xác nhận mục này; nếu đó là ngày của một nguồn, ghi nó thành date: dưới nguồn đó trong sources:",
	"rendering: the %d content pages, then the lists and topic pages made from them":                                                                                          "đang tạo: %d trang nội dung, rồi các trang danh sách và trang chủ đề làm từ chúng",
	"rendering: the content page, then the lists and topic pages made from it":                                                                                                "đang tạo: trang nội dung, rồi các trang danh sách và trang chủ đề làm từ nó",
	"review_days %d is not a number of days":                "review_days %d không phải là một số ngày",
	"review_days %d of %s id %q is not a number of days":    "review_days %[1]d của mã (id) %[3]q trong %[2]s không phải là một số ngày",
	"run loa help %s for its flags":                         "gõ loa help %s để xem các tùy chọn",
	"run loa in the site's folder, or point --source at it": "chạy loa trong thư mục của trang web, hoặc ghi thư mục đó sau --source",
	"safety_page: names %q, which is no page":               "safety_page: ghi %q, nhưng không có trang nào như vậy",
	"save the file as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8; in Notepad++: Encoding > Convert to UTF-8)": "lưu tệp theo bảng mã UTF-8 (trong Notepad: File > Save As > Encoding: UTF-8; trong Notepad++: Encoding > Convert to UTF-8)",
	"save the image in the page's bundle folder and link it by its file name":                                          "lưu ảnh vào thư mục riêng của trang và dẫn đến ảnh bằng tên tệp",
	"serve the site already built in `DIR` as a web host would, instead of building and watching":                      "phục vụ trang web đã tạo sẵn trong `DIR` như máy chủ web, thay vì tạo và theo dõi",
	"serve: --port %d is not a port number (1–65535)":                                                                  "serve: --port %d không phải là số cổng (1–65535)",
	"service id %q is used twice":   "mã dịch vụ (id) %q được dùng hai lần",
	"show pages marked draft: true": "hiện cả các trang nháp (draft: true)",
	"site.yaml has no base_url, the site's public address: the feeds, sitemap.xml and each page's canonical link need it in full": "site.yaml chưa có base_url, địa chỉ công khai của trang web: bản tin (feed), sitemap.xml và liên kết chính thức của mỗi trang cần địa chỉ đầy đủ này",
	"site.yaml has no title":       "site.yaml chưa có tên trang web (title)",
	"site.yaml lists no languages": "site.yaml chưa ghi ngôn ngữ nào",
	"slug %q may hold only lower-case letters a–z, digits and single hyphens": "tên đường dẫn (slug) %q chỉ được gồm chữ thường a–z không dấu, chữ số và từng dấu gạch ngang đơn",
	"source: is no longer used":        "mục source: không còn được dùng",
	"start headings in the body at ##": "trong bài, đề mục bắt đầu từ ##",
	"add a line --- as the very first line of the file, above the first key; keep the line --- on line %d, which ends the front matter":                "thêm một dòng --- làm dòng đầu tiên của tệp, phía trên các dòng như title:, date:; giữ nguyên dòng --- ở dòng %d, dòng đó kết thúc phần đầu trang",
	"the front matter does not begin with a line \"---\"":                                                                                              "phần đầu trang thiếu dòng \"---\" mở đầu",
	"start the file with a line ---, then title: …, then a line ---":                                                                                   "bắt đầu tệp bằng một dòng ---, rồi dòng title: …, rồi một dòng ---",
	"add a line --- above this line: the lines between the two --- are title:, date:, draft: and the like; the page's text comes after the second ---": "hãy thêm một dòng --- ngay trên dòng này: giữa hai dòng --- là các dòng title:, date:, draft: và những dòng như vậy; nội dung trang viết sau dòng --- thứ hai",
	"synonyms are given for %q, which is not one of the site's languages":                                                                              "có từ đồng nghĩa cho ngôn ngữ %q, nhưng trang web không có ngôn ngữ này",
	"text":                                 "chữ",
	"the %q text should be a single value": "nội dung %q phải là một giá trị duy nhất",
	"the %s template is missing":           "thiếu khuôn trang (template) %s",
	"the YAML could not be read: %s":       "không đọc được phần khai báo (YAML): %s",
	"the YAML here could not be read: %s":  "không đọc được phần khai báo (YAML) ở đây: %s",
	"the `ADDRESS` to listen on; 0.0.0.0 lets other computers see the preview":                         "địa chỉ `ADDRESS` để mở bản xem trước; 0.0.0.0 cho phép máy khác xem",
	"the `LANGUAGE` of loa's messages, vi or en (default: LOA_LANG, else the site's default language)": "ngôn ngữ `LANGUAGE` của thông báo loa, vi hoặc en (mặc định: LOA_LANG, nếu không có thì ngôn ngữ chính của trang web)",
	"the `PORT` to listen on": "cổng `PORT` để mở bản xem trước",
	"the checks are %s":       "các phép kiểm tra là: %s",
	"the document":            "tệp",
	"the file name says language %q, but the site's languages are %s":                                               "tên tệp ghi ngôn ngữ %q, nhưng trang web chỉ có các ngôn ngữ %s",
	"did you mean %s? Name the file %s.%s.md":                                                                       "có phải bạn muốn ghi %s? Hãy đặt tên tệp là %s.%s.md",
	"a dot before .md marks the language: write %s-%s.md (a \"-\" for the dot), or %s.%s.%s.md":                     "dấu chấm ngay trước .md dùng để ghi ngôn ngữ: hãy đặt tên %s-%s.md (dấu \"-\" thay cho dấu chấm), hoặc %s.%s.%s.md",
	"name the file as one of: %s":                                                                                   "hãy đặt tên tệp là một trong các tên: %s",
	"the front matter is not closed: no line \"---\" ends it":                                                       "phần đầu trang chưa được đóng: thiếu dòng \"---\" ở cuối phần đầu trang",
	"the heading %q is level %d right after level %d":                                                               "đề mục %q là cấp %d nhưng ngay trước nó là cấp %d",
	"the image %q has no alternative text for people who cannot see it":                                             "ảnh %q chưa có lời mô tả cho người không nhìn thấy ảnh",
	"the image %q would be loaded from another website, which the site never does":                                  "ảnh %q sẽ được tải từ một trang web khác, điều mà trang web này không bao giờ làm",
	"the indentation here does not line up with the lines above":                                                    "chỗ thụt đầu dòng ở đây không thẳng hàng với các dòng trên",
	"the interface string %q appears twice":                                                                         "chuỗi giao diện %q xuất hiện hai lần",
	"the interface string %q should be text":                                                                        "chuỗi giao diện %q phải là chữ",
	"the keys are those of the built-in strings (see internal/i18n/defaults/%s.yaml), or %s<slug> for a tag's name": "các tên dùng được là tên của các chuỗi có sẵn (xem internal/i18n/defaults/%s.yaml), hoặc %s<slug> cho tên của một chủ đề",
	"the last good site is still served":                                                                            "vẫn đang hiện bản trang web tạo được lần cuối",
	"the link %q goes to #%s, which %s has no heading for":                                                          "liên kết %q dẫn đến #%s, nhưng %s không có đề mục nào như vậy",
	"the link %q goes to %s, which does not exist":                                                                  "liên kết %q dẫn đến %s, nhưng không có tệp đó",
	"the link %q goes to %s, which is not in a page bundle, so it is not published":                                 "liên kết %q dẫn đến %s, nhưng tệp đó không nằm trong thư mục riêng của một trang (page bundle), nên không được đăng",
	"the link %q goes to %s, which is not published (a draft, or a page with errors)":                               "liên kết %q dẫn đến %s, nhưng trang đó không được đăng (còn là bản nháp, hoặc có lỗi)",
	"the link %q points outside the content folder":                                                                 "liên kết %q trỏ ra ngoài thư mục content",
	"the new site is in place, but the previous one could not be deleted: %v":                                       "trang web mới đã được đặt vào chỗ, nhưng không xóa được bản cũ: %v",
	"the output folder `DIR`, replaced as a whole on success":                                                       "thư mục kết quả `DIR`, được thay toàn bộ khi tạo thành công",
	"choose a folder of its own for the site, e.g. --out public":                                                    "hãy chọn một thư mục riêng cho trang web, ví dụ --out public",
	"the output must be outside content/, templates/ and static/, e.g. --out public":                                "thư mục kết quả phải nằm ngoài content/, templates/ và static/, ví dụ --out public",
	"the page could not be rendered: %v":                                                                            "không tạo được trang: %v",
	"the phone number %q is plain text, not a call link":                                                            "số điện thoại %q chỉ là chữ thường, chưa bấm để gọi được",
	"the request comes from the template %s or from raw HTML in this page: serve the file from static/ instead":     "yêu cầu này đến từ khuôn trang (template) %s hoặc từ mã HTML viết trong trang này: hãy để tệp đó trong static/",
	"the site's folder `DIR`":                                                                                       "thư mục `DIR` của trang web",
	"the site's folder `DIR`, holding content/, templates/ and static/":                                             "thư mục `DIR` của trang web, chứa content/, templates/ và static/",
	"the site's languages are %s":                                                                                   "các ngôn ngữ của trang web là: %s",
	"the site's public `URL`, overriding base_url in content/site.yaml":                                             "địa chỉ công khai `URL` của trang web, thay cho base_url trong content/site.yaml",
	"the template could not be read: %s":                                                                            "không đọc được khuôn trang (template): %s",
	"the text ends in the middle of a quoted value":                                                                 "tệp kết thúc khi một giá trị trong ngoặc kép chưa được đóng",
	"the title %q has no letter or digit to make a file name from":                                                  "tiêu đề %q không có chữ hay số nào để đặt tên tệp",
	"the title %q is also the title of %s":                                                                          "tiêu đề %q trùng với tiêu đề của %s",
	"there is no base layout":                                                                                       "thiếu khuôn trang chung (base layout)",
	"there is no section %q (no folder content/%s)":                                                                 "không có chuyên mục %q (không có thư mục content/%s)",
	"there is no site to show until this is fixed":                                                                  "chưa có trang web để hiện cho đến khi sửa xong lỗi này",
	"there is no template %q":                                                                                       "không có khuôn trang (template) %q",
	"this is a folder, but its name ends in .md like a page's file, so it is not read as a page":                    "đây là một thư mục, nhưng tên của nó kết thúc bằng .md như tệp của một trang, nên loa không đọc nó như một trang",
	"this Markdown file is inside the page bundle %q, so it is not a page of its own":                               "tệp .md này nằm trong thư mục riêng của trang %q (page bundle), nên nó không phải là một trang riêng",
	"this file is not saved as UTF-8 (byte 0x%02X cannot be read)":                                                  "tệp này không được lưu theo bảng mã UTF-8 (không đọc được byte 0x%02X)",
	"this file should be a list of \"key: text\" lines":                                                             "tệp này phải gồm các dòng dạng \"tên: nội dung\"",
	"this file would make browsers load %s from another website (%s); the site never does":                          "tệp này làm trình duyệt tải %s từ một trang web khác (%s); trang web này không bao giờ làm vậy",
	"this line has a second colon (\":\") inside a value":                                                           "dòng này có dấu hai chấm (\":\") thứ hai nằm trong giá trị",
	"this line is indented with a tab":                                                                              "dòng này được thụt vào bằng phím Tab",
	"this line starts a value with a character YAML does not allow there (a tab, @, ` or %%)":                       "dòng này có giá trị bắt đầu bằng một ký tự không được dùng ở đó (Tab, @, ` hoặc %%)",
	"this page is dated %s, but its translation %s is dated %s":                                                     "trang này ghi ngày %s, nhưng bản ở ngôn ngữ khác (%s) lại ghi ngày %s",
	"this page has no date, but its translation %s is dated %s":                                                     "trang này chưa ghi ngày, nhưng bản ở ngôn ngữ khác (%s) ghi ngày %s",
	"this page is dated %s, but its translation %s has no date":                                                     "trang này ghi ngày %s, nhưng bản ở ngôn ngữ khác (%s) chưa ghi ngày",
	"write the same date in both files":                                                                             "ghi cùng một ngày ở cả hai tệp",
	"translations of one page dated on different days (a date changed in one language only)":                        "hai bản ngôn ngữ của một trang ghi ngày khác nhau (ngày chỉ được sửa ở một bản)",
	"this news item has no date":                                                                                    "tin này chưa có ngày",
	"this page and %s are both the %s version of the same page":                                                     "trang này và %s đều là bản %s của cùng một trang",
	"this page and %s would both be published at %s":                                                                "trang này và %s sẽ cùng được đăng tại %s",
	"this page has no %s version":                                                                                   "trang này chưa có bản %s",
	"this page has no front matter":                                                                                 "trang này thiếu phần đầu trang (giữa hai dòng ---, còn gọi là front matter)",
	"this page has no title":                                                                                        "trang này chưa có tiêu đề",
	"this page is published at %s, where the build puts the leaflet of %s":                                          "trang này được đăng tại %s, là chỗ đặt tờ rơi của %s",
	"this page is published at %s, where the build puts the printable directory list":                               "trang này được đăng tại %s, là chỗ đặt bản in danh bạ",
	"this page is published at %s, where the build puts the printable poster":                                       "trang này được đăng tại %s, là chỗ đặt áp phích để in",
	"this page is published at %s, where the directory puts its %s page %q":                                         "trang này được đăng tại %s, là chỗ danh bạ đặt trang %s %q",
	"this page would load %s from another website (%s); the site never does":                                        "trang này sẽ tải %s từ một trang web khác (%s); trang web này không bao giờ làm vậy",
	"this should be a single value":                                                                                 "chỗ này phải là một giá trị duy nhất",
	"this synonym is empty":                                                                                         "từ đồng nghĩa này đang để trống",
	"this text should be given per language, as {vi: \"…\", en: \"…\"}":                                             "nội dung này phải ghi theo từng ngôn ngữ, dạng {vi: \"…\", en: \"…\"}",
	"this value refers to an anchor (*name) that is not defined":                                                    "giá trị này dẫn đến một tên (*tên) chưa được khai báo",
	"time_format %q is not 24h or 12h":                                                                              "time_format %q không phải là 24h hoặc 12h",
	"true or false":                                                                                                 "true (có) hoặc false (không)",
	"try %s":                                                                                                        "thử %s",
	"try slug: %s":                                                                                                  "thử slug: %s",
	"unknown %s %q":                                                                                                 "không có %s %q",
	"unknown check %q under checks:":                                                                                "không có phép kiểm tra %q trong mục checks:",
	"unknown command %q":                                                                                            "không có lệnh %q",
	"unknown interface string %q":                                                                                   "không có chuỗi giao diện %q",
	"unknown key %q%s":                                                                                              "không có mục %q%s",
	"unknown location %q":                                                                                           "không có địa điểm %q",
	"unknown phone type %q":                                                                                         "không có loại điện thoại %q",
	"unknown status %q":                                                                                             "không có trạng thái %q",
	"unknown time_zone %q":                                                                                          "không có múi giờ (time_zone) %q",
	"use %s here, or add the missing level above it":                                                                "dùng %s ở đây, hoặc thêm đề mục cấp còn thiếu ở trên",
	"use MO, TU, WE, TH, FR, SA or SU":                                                                              "dùng MO, TU, WE, TH, FR, SA hoặc SU (Thứ Hai đến Chủ Nhật)",
	"use a two-letter ISO 639-1 code such as vi or en":                                                              "dùng mã 2 chữ ISO 639-1, ví dụ vi hoặc en",
	"use an IANA name such as %q":                                                                                   "dùng tên múi giờ IANA, ví dụ %q",
	"use an ISO 639-1 code such as vi or en":                                                                        "dùng mã ISO 639-1, ví dụ vi hoặc en",
	"use error, warning or off":                                                                                     "dùng error (lỗi), warning (cảnh báo) hoặc off (tắt)",
	"use one of %s":                                                                                                 "dùng một trong: %s",
	"verified: is no longer used":                                                                                   "mục verified: không còn được dùng",
	"version takes no arguments":                                                                                    "lệnh version không nhận thêm gì",
	"warning":                                                                                                       "cảnh báo",
	"%s %q is not a web address":                                                                                    "%s %q không phải là địa chỉ trang web",
	"this is for whoever publishes the site, not for writers: when the site's real address is known, write it in %s as base_url: https://…/ (or build with --base-url https://…/)": "việc này của người phụ trách kỹ thuật, không phải của người viết bài, hãy báo cho họ: khi đã có địa chỉ thật của trang web, ghi nó vào %s thành base_url: https://…/ (hoặc tạo trang với --base-url https://…/)",
	"write %s%s":                            "ghi %s%s",
	"write a CPU profile (pprof) to `FILE`": "ghi hồ sơ CPU (pprof) vào `FILE`",
	"write a copy that works opened from a folder (file://, a USB stick) into --out, default portable":      "ghi một bản sao mở được thẳng từ thư mục (file://, USB) vào --out, mặc định portable",
	"write a heap profile (pprof) to `FILE` after the build":                                                "ghi hồ sơ bộ nhớ (pprof) vào `FILE` sau khi tạo",
	"write a value after the colon or the dash, or remove the line":                                         "ghi một giá trị sau dấu hai chấm hoặc gạch đầu dòng, hoặc xóa dòng này",
	"write a whole number above 0, e.g. review_days: %d":                                                    "ghi một số nguyên lớn hơn 0, ví dụ review_days: %d",
	"write a whole number above 0, e.g. review_days: 1825":                                                  "ghi một số nguyên lớn hơn 0, ví dụ review_days: 1825",
	"write a whole number above 0, e.g. review_days: 365, or remove it to use the category's or the site's": "ghi một số nguyên lớn hơn 0, ví dụ review_days: 365, hoặc xóa dòng này để dùng số ngày của nhóm dịch vụ hay của cả trang web",
	"write it as \"HH:MM\" on a 24-hour clock, e.g. \"07:30\" or \"17:00\", in quotes":                      "ghi dạng \"GIỜ:PHÚT\" theo 24 giờ, ví dụ \"07:30\" hoặc \"17:00\", trong ngoặc kép",
	"write it as 2026-05-31":                                                                            "ghi dạng 2026-05-31",
	"write it as a call link: [%s](tel:%s)":                                                             "viết thành liên kết gọi điện: [%s](tel:%s)",
	"write it as https://example.org/":                                                                  "ghi dạng https://example.org/",
	"write it as name@example.gov.vn":                                                                   "ghi dạng ten@example.gov.vn",
	"write it as name@example.vn":                                                                       "ghi dạng ten@example.vn",
	"write leaflet: A5 (half a sheet, the usual leaflet) or leaflet: A4":                                "ghi leaflet: A5 (nửa tờ A4, khổ tờ rơi thường dùng) hoặc leaflet: A4",
	"write links with \"/\" between folders, not \"\\\\\"":                                              "viết liên kết với dấu \"/\" giữa các thư mục, không dùng \"\\\\\"",
	"write one interface string per line, e.g. home: Trang chủ":                                         "ghi mỗi dòng một chuỗi giao diện, ví dụ home: Trang chủ",
	"write the date the source was published or last updated":                                           "ghi ngày nguồn được đăng hoặc cập nhật lần cuối",
	"write the day a person confirmed the entry by phone or in person":                                  "ghi ngày có người đã gọi điện hoặc đến tận nơi xác nhận mục này",
	"write the digits as they are dialled, e.g. \"0221 3862 000\"":                                      "ghi các chữ số như khi bấm gọi, ví dụ \"0221 3862 000\"",
	"write the file under content/ without its language, e.g. guidance/duyet-web-an-toan":               "ghi tệp trong content/ mà không có mã ngôn ngữ, ví dụ guidance/duyet-web-an-toan",
	"write the folder under content/ (e.g. about for content/about/_index.vi.md), without the language": "ghi thư mục trong content/ (ví dụ about cho content/about/_index.vi.md), không có mã ngôn ngữ",
	"write the full address, starting with https://":                                                    "ghi địa chỉ đầy đủ, bắt đầu bằng https://",
	"write the old address's path, starting with \"/\": /tin-tuc/ke-hoach-cu/":                          "ghi đường dẫn của địa chỉ cũ, bắt đầu bằng \"/\": /tin-tuc/ke-hoach-cu/",
	"write the text after the colon on the same line: %s: …":                                            "ghi nội dung sau dấu hai chấm, trên cùng dòng: %s: …",

	// Heading IDs, Markdown limits and characters no page may hold (issue 12).
	"this page would have the id %q twice, so a link to #%s or a screen reader could land on the wrong element":                                                                                       "trang này sẽ có mã id %q hai lần, nên một liên kết đến #%s hoặc trình đọc màn hình có thể dẫn nhầm chỗ",
	"the id comes from %s: give one of the two elements another id":                                                                                                                                   "mã id này đến từ %s: hãy đặt mã id khác cho một trong hai chỗ",
	"the template %s or raw HTML in this page":                                                                                                                                                        "khuôn trang (template) %s hoặc mã HTML viết thẳng trong trang này",
	"the template %s (the page %s)":                                                                                                                                                                   "khuôn trang (template) %s (trang %s)",
	"this character reference writes the invisible character U+%04X, which a web page cannot contain":                                                                                                 "mã ký tự (character reference) này viết ra ký tự ẩn U+%04X, là ký tự mà trang web không được phép chứa",
	"remove the &#…; reference":                                                                                                                                                                       "xóa mã &#…; này",
	"this paragraph has too many lines with \"]\" in them: converting it would take minutes":                                                                                                          "đoạn văn này có quá nhiều dòng chứa dấu \"]\": chuyển nó thành trang web sẽ mất nhiều phút",
	`put blank lines between paragraphs, and close each link as [text](address); write \[ \] for brackets that are only text`:                                                                         `để một dòng trống giữa các đoạn văn, và đóng mỗi liên kết theo dạng [chữ](địa chỉ); dấu ngoặc chỉ là chữ thì viết \[ \]`,
	"this line is nested more than 100 levels deep (block quotes, list items, or indented by more than 200 spaces)":                                                                                   "dòng này lồng sâu hơn 100 cấp (trích dẫn, mục danh sách, hoặc thụt vào hơn 200 dấu cách)",
	`nest block quotes and lists a few levels at most, and indent lines less; write a > or - that is only text as \> or \-`:                                                                           `chỉ lồng trích dẫn và danh sách vài cấp, và thụt dòng ít hơn; dấu > hoặc - chỉ là chữ thì viết \> hoặc \-`,
	"a link here is not closed: after \"](\" the address runs on without its \")\", and the page has so many like it that converting it would take minutes":                                           "liên kết ở đây chưa được đóng: sau \"](\" địa chỉ chạy tiếp mà không có dấu \")\", và trang có quá nhiều liên kết như vậy nên chuyển nó thành trang web sẽ mất nhiều phút",
	`close each link as [text](address); write \( \) or \[ \] for brackets that are only text`:                                                                                                        `đóng mỗi liên kết theo dạng [chữ](địa chỉ); dấu ngoặc chỉ là chữ thì viết \( \) hoặc \[ \]`,
	"the text %q holds the invisible character U+%04X, which a web page cannot contain":                                                                                                               "đoạn chữ %q chứa ký tự ẩn U+%04X, là ký tự mà trang web không được phép chứa",
	`remove the escape that writes it (such as \x1d or \u001d) from the quoted text`:                                                                                                                  `xóa mã thoát (escape) viết ra ký tự đó (ví dụ \x1d hoặc \u001d) khỏi đoạn chữ trong ngoặc kép`,
	"this file holds the invisible character U+%04X, which a web page cannot contain":                                                                                                                 "tệp này chứa ký tự ẩn U+%04X, là ký tự mà trang web không được phép chứa",
	"delete it: most editors do not show it (it often comes with text copied from a PDF, Word or a chat app); put the cursor at this line and column and press Delete, or retype the words around it": "hãy xóa ký tự đó: phần lớn trình soạn thảo không hiện nó (nó thường đi kèm chữ chép từ PDF, Word hoặc ứng dụng nhắn tin); đặt con trỏ ở dòng và cột này rồi bấm Delete, hoặc gõ lại các chữ quanh đó",
	"write them as a list: [đường dây nóng, tổng đài]":                                                                                                                                                "hãy viết chúng thành một danh sách: [đường dây nóng, tổng đài]",

	// Mistakes that used to pass silently (issue 15).
	"%d more warnings like %q are not shown; loa check --format json lists every one": "còn %d cảnh báo giống như %q không hiện ra; lệnh loa check --format json liệt kê đủ tất cả",
	" (used %d times on this page)":                                                                                                                                                           " (dùng %d lần trong trang này)",
	"%q is not one of the 3-digit national numbers":                                                                                                                                           "%q không phải là số khẩn cấp 3 chữ số nào của cả nước",
	"%s was in the output folder but is not part of the new site, so this build removed it":                                                                                                   "%s có trong thư mục kết quả nhưng không thuộc trang web mới, nên lần tạo này đã xóa nó",
	"Preview them with: loa serve --drafts\n":                                                                                                                                                 "Xem thử các trang này bằng lệnh: loa serve --drafts\n",
	"These pages are drafts (draft: true): they are not on the site yet.\n":                                                                                                                   "Các trang này là bản nháp (draft: true): chúng chưa có trên trang web.\n",
	"To publish a page, write its text, then change draft: true to draft: false.\n":                                                                                                           "Muốn đăng một trang: viết nội dung, rồi sửa dòng draft: true thành draft: false.\n",
	"To publish a translation, translate its title and write its text in %s.\n":                                                                                                               "Muốn đăng bản dịch: dịch tiêu đề và viết nội dung trong %s.\n",
	"a %s: link cannot be published: it would run code or hide a file in the address, so browsers and this site refuse it":                                                                    "không đăng được liên kết kiểu %s: nó sẽ chạy mã lệnh hoặc giấu cả một tệp trong địa chỉ, nên trình duyệt và trang web này đều từ chối",
	"area codes changed in 2017 and all start with 02 now: Hưng Yên 0321 became 0221, Thái Bình 036 became 0227; check the number against its source":                                         "mã vùng đã đổi năm 2017 và nay đều bắt đầu bằng 02: Hưng Yên 0321 thành 0221, Thái Bình 036 thành 0227; hãy đối chiếu số với nguồn",
	"area codes changed in 2017: Hưng Yên is 0221, Thái Bình 0227, Hà Nội 024; check the number against its source":                                                                           "mã vùng đã đổi năm 2017: Hưng Yên là 0221, Thái Bình 0227, Hà Nội 024; hãy đối chiếu số với nguồn",
	"check it against the source: %s followed by 4 or 6 digits, e.g. %s 1234":                                                                                                                 "hãy đối chiếu với nguồn: %s rồi 4 hoặc 6 chữ số, ví dụ %s 1234",
	"check it against the source: a digit is missing or one too many":                                                                                                                         "hãy đối chiếu với nguồn: thiếu hoặc thừa một chữ số",
	"check it against the source: a digit is missing or one too many (e.g. 0221 3862 000)":                                                                                                    "hãy đối chiếu với nguồn: thiếu hoặc thừa một chữ số (cách viết một số máy bàn: 0221 3862 000)",
	"check it against the source: mobile numbers start with 03, 05, 07, 08 or 09 and a known network prefix":                                                                                  "hãy đối chiếu với nguồn: số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09 và đầu số của một nhà mạng",
	"check the date: write the day the news was published (today is %s)":                                                                                                                      "hãy xem lại ngày: ghi ngày tin được đăng (hôm nay là %s)",
	"copy the address of a page that exists, or link to the page's Markdown file, relative to this file, e.g. ../plan/164-kh-ubnd/index.vi.md":                                                "hãy chép địa chỉ của một trang có thật, hoặc liên kết đến tệp Markdown của trang đó, tính từ tệp này, ví dụ ../plan/164-kh-ubnd/index.vi.md",
	"did you mean %s? Or link to the page's Markdown file, relative to this file, e.g. ../plan/164-kh-ubnd/index.vi.md":                                                                       "có phải ý bạn là %s? Hoặc liên kết đến tệp Markdown của trang, tính từ tệp này, ví dụ ../plan/164-kh-ubnd/index.vi.md",
	"each entry needs an id of its own (a copied file keeps the old one): change id: here, e.g. to the file name without .yaml":                                                               "mỗi mục cần một mã (id) riêng (tệp chép từ mục khác vẫn giữ mã cũ): sửa dòng id: ở đây, ví dụ thành tên tệp bỏ đuôi .yaml",
	"embedded videos, maps and forms are not allowed on this site (they would let another website follow visitors): link to it instead, e.g. [Xem video](https://www.youtube.com/watch?v=%s)": "trang web này không nhúng video, bản đồ hay biểu mẫu (chúng để trang web khác theo dõi người xem): hãy đặt liên kết thay vào, ví dụ [Xem video](https://www.youtube.com/watch?v=%s)",
	"embedded videos, maps, forms and scripts are not allowed on this site (they would let another website follow visitors): link to it instead, e.g. [Xem video](https://…)":                 "trang web này không nhúng video, bản đồ, biểu mẫu hay mã lệnh (chúng để trang web khác theo dõi người xem): hãy đặt liên kết thay vào, ví dụ [Xem video](https://…)",
	"empty or remove that folder yourself, or choose another --out; files that must stay in it (CNAME, .git) can be listed in site.yaml: keep: [CNAME, .git]":                                 "hãy tự làm trống hoặc xóa thư mục đó, hoặc chọn --out khác; những tệp phải giữ lại trong đó (CNAME, .git) thì ghi vào site.yaml: keep: [CNAME, .git]",
	"file":   "tệp",
	"folder": "thư mục",
	"for a new line, end the line with a backslash (\\); for a new paragraph, leave an empty line":                                                "muốn xuống dòng, kết thúc dòng bằng dấu gạch chéo ngược (\\); muốn sang đoạn mới, để một dòng trống",
	"if you put it there yourself: list it in site.yaml to keep it at every build (keep: [%s]), or put it in static/ to publish it with the site": "nếu chính bạn đặt nó vào đó: ghi tên nó vào site.yaml để giữ lại mỗi lần tạo (keep: [%s]), hoặc đặt nó vào static/ để đăng cùng trang web",
	"keep: %q is not the name of a file or folder at the top of the output folder":                                                                "keep: %q không phải là tên một tệp hay thư mục nằm ngay trong thư mục kết quả",
	"leave an empty line between paragraphs instead":                                                                                              "thay vào đó, để một dòng trống giữa hai đoạn",
	"link it from the page beside it: ![what it shows](%s) for an image, [title](%s) for a document; or put site-wide files in static/":           "hãy liên kết đến nó từ trang bên cạnh: ![ảnh cho thấy gì](%s) với ảnh, [tên tài liệu](%s) với tài liệu; tệp dùng chung cho cả trang web thì đặt vào static/",
	"link to a page or a file by its address (https://… or a file beside this page); save an image as a file beside the page":                     "hãy liên kết đến một trang hay một tệp bằng địa chỉ của nó (https://… hoặc một tệp bên cạnh trang này); ảnh thì lưu thành tệp bên cạnh trang",
	"loa: %d photos made smaller for the web: %s → %s\n":                                                                                          "loa: đã thu nhỏ %d ảnh cho trang web: %s → %s\n",
	"loa: 1 photo made smaller for the web: %s → %s\n":                                                                                            "loa: đã thu nhỏ 1 ảnh cho trang web: %s → %s\n",
	"no mobile number starts with %s":                                                 "không có số di động nào bắt đầu bằng %s",
	"no page links to this file, so it is not published":                              "không trang nào liên kết đến tệp này, nên nó không được đăng",
	"remove it; give the number in use instead":                                       "hãy bỏ số này; ghi số đang dùng thay vào",
	"save the image beside the page and write ![what the image shows](file-name.jpg)": "hãy lưu ảnh bên cạnh trang và viết ![ảnh cho thấy gì](ten-tep.jpg)",
	"save the image beside the page and write its file name: ![what it shows](%s); or put it in static/ (static/%s is published as %s%s)":                    "hãy lưu ảnh bên cạnh trang và viết tên tệp: ![ảnh cho thấy gì](%s); hoặc đặt nó vào static/ (static/%s được đăng ở %s%s)",
	"save the image in the folder %s/ with the name %s, or write the name of an image that is there":                                                         "hãy lưu ảnh vào thư mục %s/ với tên %s, hoặc ghi tên một ảnh đã có trong đó",
	"since 2018 it is dialled with %s instead of %s: %s":                                                                                                     "từ năm 2018 số này bấm %s thay cho %s: %s",
	"the %s version of this page is still a draft, so it is not published":                                                                                   "bản %s của trang này vẫn là bản nháp, nên chưa được đăng",
	"the HTML tag <%s> is left out of the page: HTML pasted into the text is not published":                                                                  "thẻ HTML <%s> bị bỏ khỏi trang: mã HTML dán vào bài không được đăng",
	"the date %s is in the future, but the page is published now, showing that date":                                                                         "ngày %s còn ở tương lai, nhưng trang được đăng ngay và hiện ngày đó",
	"the link %q goes to %s, which is not a page or file of this site":                                                                                       "liên kết %q dẫn đến %s, nhưng trang web không có trang hay tệp nào ở đó",
	"the link %q goes to the %s version of %q, but this page is in %s":                                                                                       "liên kết %[1]q dẫn đến bản %[2]s của trang %[3]q, trong khi trang này viết bằng %[4]s",
	"link to the %s version instead: %s (or its file, %s)":                                                                                                   "hãy liên kết đến bản %s: %s (hoặc tệp của nó, %s)",
	"the link %q goes to the preview on this computer, which visitors cannot reach":                                                                          "liên kết %q dẫn đến bản xem thử trên máy này, người xem không vào được",
	"the phone number %q has %d digits; a %s number has 8 or 10":                                                                                             "số điện thoại %q có %d chữ số; số %s có 8 hoặc 10 chữ số",
	"the phone number %q has %d digits; a landline number has 11 (0, the area code, the number)":                                                             "số điện thoại %q có %d chữ số; số máy bàn có 11 chữ số (số 0, mã vùng, rồi số máy)",
	"the phone number %q has %d digits; a mobile number has 10":                                                                                              "số điện thoại %q có %d chữ số; số di động có 10 chữ số",
	"the phone number %q has 11 digits but does not start with 02: its area code is from before 2017":                                                        "số điện thoại %q có 11 chữ số nhưng không bắt đầu bằng 02: mã vùng của nó là mã cũ, trước năm 2017",
	"the phone number %q has the area code 0%s, which does not exist":                                                                                        "số điện thoại %q có mã vùng 0%s, mã vùng này không có",
	"the phone number %q holds something other than digits":                                                                                                  "số điện thoại %q có ký tự không phải chữ số",
	"the phone number %q is an old 11-digit mobile number":                                                                                                   "số điện thoại %q là số di động 11 chữ số cũ",
	"the phone number %q is no longer in use: %s":                                                                                                            "số điện thoại %q không còn dùng nữa: %s",
	"the phone number is missing":                                                                                                                            "chưa có số điện thoại",
	"the title %q is still the placeholder that loa new wrote":                                                                                               "tiêu đề %q vẫn là tiêu đề tạm do loa new ghi sẵn",
	"they are 111 (child protection), 112 (search and rescue), 113 (police), 114 (fire), 115 (ambulance)":                                                    "các số đó là 111 (bảo vệ trẻ em), 112 (tìm kiếm cứu nạn), 113 (công an), 114 (cứu hỏa), 115 (cấp cứu)",
	"this %s is not published: its name starts with a dot, which marks hidden files, often private settings":                                                 "%s này không được đăng: tên bắt đầu bằng dấu chấm là dấu hiệu của tệp ẩn, thường chứa cài đặt riêng",
	"this page has no text: there is nothing below its front matter (the lines between the two ---)":                                                         "trang này chưa có nội dung: bên dưới phần đầu trang (các dòng giữa hai dòng ---) không có gì",
	"to publish it, rename it without the dot; otherwise move it out of %s/":                                                                                 "muốn đăng thì đổi tên bỏ dấu chấm ở đầu; nếu không thì chuyển nó ra khỏi %s/",
	"translate the title and the text into %s, or keep draft: true until the translation is done":                                                            "hãy dịch tiêu đề và nội dung sang %s, hoặc giữ draft: true cho đến khi dịch xong",
	"when the translation is ready, change draft: true to draft: false in its file; meanwhile loa serve --drafts shows it on your computer only":             "khi bản dịch xong, sửa draft: true thành draft: false trong tệp của nó; trong lúc chờ, lệnh loa serve --drafts cho xem bản nháp trên máy của bạn (không đăng lên trang web)",
	"write **bold** instead: two stars on each side of the words":                                                                                            "thay vào đó, viết **chữ đậm**: hai dấu sao ở mỗi bên",
	"write *italic* instead: one star on each side of the words":                                                                                             "thay vào đó, viết *chữ nghiêng*: một dấu sao ở mỗi bên",
	"write a 3-digit national number (111), a 1800/1900 number, a 10-digit mobile (0912 345 678) or an 11-digit landline with its area code (0221 3862 000)": "hãy ghi số khẩn cấp 3 chữ số (111), số 1800/1900, số di động 10 chữ số (0912 345 678) hoặc số máy bàn 11 chữ số có mã vùng (0221 3862 000)",
	"write dates as 2021-11-05, or 2021-11-05T08:30 for a time (in the site's time zone), or 2021-11-05T08:30:00+07:00 with the offset from UTC":             "hãy ghi ngày theo kiểu 2021-11-05, hoặc 2021-11-05T08:30 nếu có giờ (theo múi giờ của trang web), hoặc 2021-11-05T08:30:00+07:00 (+07:00 là giờ Việt Nam)",
	"write headings as a line starting with ## and a space: ## Heading":                                                                                      "viết tiêu đề mục thành một dòng bắt đầu bằng ## và một dấu cách: ## Tiêu đề",
	"write it as a list, one item per line under %s:, e.g.  %s":                                                                                              "hãy viết thành danh sách, mỗi mục một dòng dưới %s:, ví dụ  %s",
	"write it like this:  %s":                                                                           "hãy viết như sau:  %s",
	"write links as [the words to click](https://address)":                                              "viết liên kết thành [chữ để bấm](https://địa-chỉ)",
	"write lists as lines starting with - (or 1. for a numbered list)":                                  "viết danh sách thành các dòng bắt đầu bằng - (hoặc 1. cho danh sách đánh số)",
	"write names such as CNAME or .git, one per item: keep: [CNAME, .git]":                              "hãy ghi các tên như CNAME hay .git, mỗi tên một mục: keep: [CNAME, .git]",
	"write one item per line under it, each starting with \"- \"":                                       "mỗi mục một dòng bên dưới, mỗi dòng bắt đầu bằng \"- \"",
	"write one of the ids declared under %s in site.yaml: %s; or declare a new one there":               "hãy ghi một trong các mã (id) đã khai báo ở mục %s trong site.yaml: %s; hoặc khai báo thêm mã mới ở đó",
	"write only the digits, in groups separated by spaces: 0221 3862 000":                               "chỉ ghi chữ số, chia nhóm bằng dấu cách: 0221 3862 000",
	"write tables in Markdown: a line | Column 1 | Column 2 |, a line |---|---|, then one line per row": "viết bảng bằng Markdown: một dòng | Cột 1 | Cột 2 |, một dòng |---|---|, rồi mỗi hàng một dòng",
	"write the address without %s://%s, from the \"/\" after it: %s":                                    "hãy ghi địa chỉ bỏ phần %s://%s, tính từ dấu \"/\" ngay sau nó: %s",
	"write the id of the %s named %q: %s":                                                               "hãy ghi mã (id) của %s có tên %q: %s",
	"write the number as the source gives it: number: \"0221 3862 000\"":                                "hãy ghi số như nguồn đưa ra: number: \"0221 3862 000\"",
	"write the page's text below the second --- line, or set draft: true until it is ready":             "hãy viết nội dung bên dưới dòng --- thứ hai, hoặc đặt draft: true cho đến khi viết xong",
	"write the text without the tag; use **bold** to stress words":                                      "hãy viết chữ mà không có thẻ; muốn nhấn mạnh thì dùng **chữ đậm**",
	"write the year first: %s (or %sT08:30 with a time, %sT08:30:00+07:00 with the offset from UTC)":    "hãy ghi năm trước: %s (hoặc %sT08:30 nếu có giờ, %sT08:30:00+07:00 theo giờ Việt Nam)",
	"write true (yes) or false (no); có and không are read the same way":                                "hãy ghi true (có) hoặc false (không); viết có và không cũng được hiểu như vậy",
	// The build cache (internal/build/cache.go).
	"build everything from nothing, and keep no build cache (.loa-cache/ beside --out)":                                                                                   "tạo lại toàn bộ từ đầu, và không giữ bộ nhớ đệm (.loa-cache/ cạnh --out)",
	"check that loa may write to the folder %s beside the output folder":                                                                                                  "hãy kiểm tra xem loa có được ghi vào thư mục %s nằm cạnh thư mục kết quả không",
	"nothing to do: this build writes a new one (the folder %s is always safe to delete)":                                                                                 "không cần làm gì: lần tạo này ghi một bản mới (xóa thư mục %s lúc nào cũng được, không sao cả)",
	"the build cache is damaged, so this build does not use it and builds the whole site":                                                                                 "bộ nhớ đệm của lần tạo trước (build cache) bị hỏng, nên lần này loa không dùng nó mà tạo lại toàn bộ trang web",
	"the build cache was made by another version of loa, or with other templates, static files or build options, so this build does not use it and builds the whole site": "bộ nhớ đệm của lần tạo trước (build cache) được làm bởi một phiên bản loa khác, hoặc với mẫu trang, tệp tĩnh hay tùy chọn khác, nên lần này loa không dùng nó mà tạo lại toàn bộ trang web",
	"the output folder is made again at every build: change the site in content/, templates/ or static/ instead":                                                          "thư mục kết quả được làm lại ở mỗi lần tạo: hãy sửa trang web trong content/, templates/ hoặc static/",
	"%s is a file, not a folder, so the build cache cannot be kept in it; this build builds the whole site without it":                                                    "%s là một tệp, không phải thư mục, nên loa không giữ được bộ nhớ đệm trong đó; lần này loa tạo lại toàn bộ trang web mà không dùng bộ nhớ đệm",
	"delete the file %s beside the output folder: loa makes the folder itself, and deleting it is always safe":                                                            "hãy xóa tệp %s nằm cạnh thư mục kết quả: loa sẽ tự tạo thư mục này, và xóa nó lúc nào cũng không sao cả",
	"the build cache cannot be kept in this folder (%v), so this build builds the whole site without it":                                                                  "không giữ được bộ nhớ đệm (build cache) trong thư mục này (%v), nên lần này loa tạo lại toàn bộ trang web mà không dùng nó",
	"delete %s beside the output folder (it is always safe to delete), or let loa write there; or build with --no-cache":                                                  "hãy xóa %s nằm cạnh thư mục kết quả (xóa lúc nào cũng được, không sao cả), hoặc cho loa quyền ghi vào đó; hoặc tạo trang với --no-cache",
	"the old build cache could not be deleted (%v); a later build checks it against the output before it uses it":                                                         "không xóa được bộ nhớ đệm (build cache) cũ (%v); lần tạo sau sẽ đối chiếu nó với thư mục kết quả trước khi dùng",
	"delete the folder %s beside the output folder yourself (it is always safe to delete)":                                                                                "hãy tự xóa thư mục %s nằm cạnh thư mục kết quả (xóa lúc nào cũng được, không sao cả)",
	"the site is built, but the build cache could not be written, so the next build builds the whole site again: %v":                                                      "đã tạo xong trang web, nhưng không ghi được bộ nhớ đệm (build cache), nên lần tạo sau sẽ tạo lại toàn bộ: %v",
	"the record of %s was let go, but its shard is written again":                                                                                                         "loa đã bỏ bản ghi của %s khỏi bộ nhớ, rồi lại cần nó để ghi bộ nhớ đệm (đây là lỗi của loa, không phải của trang web)",
	"this file or folder of the output was changed since the last build, so this build does not use the build cache and builds the whole site":                            "tệp hoặc thư mục này trong thư mục kết quả đã bị sửa từ lần tạo trước, nên lần này loa không dùng bộ nhớ đệm (build cache) mà tạo lại toàn bộ trang web",
	"this file or folder of the output was deleted since the last build, so this build does not use the build cache and builds the whole site":                            "tệp hoặc thư mục này trong thư mục kết quả đã bị xóa từ lần tạo trước, nên lần này loa không dùng bộ nhớ đệm (build cache) mà tạo lại toàn bộ trang web",
	"nothing to do: this build puts it back (the output folder is made again at every build)":                                                                             "không cần làm gì: lần tạo này đã đặt lại nó (thư mục kết quả được làm lại ở mỗi lần tạo)",
	// The rollback journal of a warm build (internal/build/journal.go).
	"an earlier build was stopped while it put its changed files in place; the output is put back as it was before that build": "một lần tạo trước bị dừng khi đang đặt các tệp đã thay đổi vào thư mục kết quả; thư mục kết quả đã được trả lại đúng như trước lần tạo đó",
	"an earlier build was stopped while it put changed files in place, and the output could not be put back as it was: %v":     "một lần tạo trước bị dừng khi đang đặt các tệp đã thay đổi vào thư mục kết quả, và không trả lại được thư mục kết quả như cũ: %v",
	"%s: not a journal of this loa":                        "%s: không phải nhật ký thay đổi của loa này",
	"%s: the journal is cut short":                         "%s: nhật ký thay đổi bị cắt ngang, không đủ",
	"%s: a line that is not a change: %q":                  "%s: có một dòng không phải là một thay đổi: %q",
	"nothing to do: this build goes on from there":         "không cần làm gì: lần tạo này tiếp tục từ đó",
	"nothing to do: this build makes the whole site again": "không cần làm gì: lần tạo này tạo lại toàn bộ trang web",
	// loa build's last lines when the system refused (cmd/loa/build.go).
	"loa: build failed; the previous site was left as it was\n":                                                    "loa: không tạo được trang web; trang web lần trước vẫn giữ nguyên\n",
	"loa: build failed; %s was not made\n":                                                                         "loa: không tạo được trang web; thư mục %s chưa được tạo\n",
	"loa: %s is a file, not a folder, so the site cannot be made inside it\n":                                      "loa: %s là một tệp, không phải thư mục, nên không tạo trang web bên trong nó được\n",
	"build into another folder with --out: one that does not exist yet, or a folder, not a file, then build again": "hãy chọn nơi khác bằng --out: một thư mục chưa có, hoặc một thư mục (không phải tệp), rồi tạo lại",
	"loa: the disk has not enough room: the whole site needs about %s there\n":                                     "loa: ổ đĩa không đủ chỗ: cả trang web cần khoảng %s trên đó\n",
	"loa: the disk has not enough room: the whole site needs about %s there, and the disk has %s free\n":           "loa: ổ đĩa không đủ chỗ: cả trang web cần khoảng %s trên đó, mà ổ đĩa chỉ còn trống %s\n",
	"loa: the whole disk holds %s, so deleting files on it cannot make room for the site\n":                        "loa: cả ổ đĩa chỉ chứa được %s, nên xóa tệp trên đó cũng không đủ chỗ cho trang web\n",
	"loa: the temporary folder %s… named above is deleted\n":                                                       "loa: thư mục tạm %s… nêu ở trên đã được xóa\n",
	"use another disk with at least %s free (the %s the site needs, and some to spare): nothing deleted on this one can make room; until then, build into a folder on this computer with --out, to copy onto that disk later": "dùng một ổ đĩa (USB) khác còn trống ít nhất %s (%s cho trang web, thêm một ít cho chắc): xóa gì trên ổ này cũng không đủ chỗ; trong lúc chờ, tạo trang web vào một thư mục trên máy này bằng --out, để chép sang ổ kia sau",
	"use a larger disk, or build into a folder on this computer with --out and copy it over later; delete files on that disk only if you are sure they are not needed, and build again":                                       "dùng ổ đĩa (USB) lớn hơn, hoặc tạo trang web vào một thư mục trên máy này bằng --out rồi chép sang sau; chỉ xóa tệp trên ổ đĩa đó khi biết chắc chúng không còn cần đến, rồi tạo lại",
	// printError (cmd/loa/main.go): errors with the same cause said once.
	"  (and %d more files, for the same reason)\n": "  (và %d tệp khác nữa, cùng lý do đó)\n",
	"  (and %d more errors like it)\n":             "  (và %d lỗi khác giống vậy)\n",
	"  (and 1 more file, for the same reason)\n":   "  (và 1 tệp khác nữa, cùng lý do đó)\n",
	"  (and 1 more error like it)\n":               "  (và 1 lỗi khác giống vậy)\n",
	"the lines above say what the computer refused (a full disk, a folder you may not write to): make room or use a larger disk, or build into another folder with --out, then build again": "các dòng trên nói máy tính đã từ chối việc gì (ổ đĩa đầy, thư mục không được phép ghi vào): dọn bớt cho có chỗ trống hoặc dùng ổ lớn hơn, hoặc tạo trang web vào thư mục khác bằng --out, rồi tạo lại",
	// What loa was doing when an error of the system came (fmt.Errorf with
	// %w); the system's own words at the end are in viSystem.
	"%w (and the output could not be put back as it was: %v; the next build does)": "%w (và chưa trả lại được thư mục kết quả như cũ: %v; lần tạo sau sẽ làm việc đó)",
	"QR code for %q: %w":                           "không tạo được mã QR cho %q: %w",
	"keep %s: %w":                                  "không giữ lại được %s: %w",
	"listen on %s:%d: %w":                          "không mở được địa chỉ %s:%d để xem trước: %w",
	"make staging folder: %w":                      "không tạo được thư mục tạm: %w",
	"make the search spool: %w":                    "không tạo được tệp tạm cho chỉ mục tìm kiếm: %w",
	"read %s: %w":                                  "không đọc được %s: %w",
	"read built-in static files: %w":               "không đọc được các tệp có sẵn của loa (static): %w",
	"read content: %w":                             "không đọc được nội dung (content/): %w",
	"read directory: %w":                           "không đọc được danh bạ dịch vụ: %w",
	"read interface strings: %w":                   "không đọc được các chữ của giao diện (i18n/): %w",
	"read static/: %w":                             "không đọc được thư mục static/: %w",
	"read templates: %w":                           "không đọc được khuôn trang (templates/): %w",
	"remove the journal of a stopped build: %w":    "không xóa được nhật ký của lần tạo bị dừng: %w",
	"render %s (%s): %w":                           "không tạo được %s (%s): %w",
	"render %s: %w":                                "không tạo được %s: %w",
	"render generated pages: %w":                   "không tạo được các trang loa tự làm (danh sách, trang thẻ, danh bạ): %w",
	"render the %s feed: %w":                       "không tạo được bản tin (feed) của ngôn ngữ %s: %w",
	"render the leaflet of %s: %w":                 "không tạo được tờ rơi của %s: %w",
	"search index: read back the pages' terms: %w": "chỉ mục tìm kiếm: không đọc lại được các từ của các trang: %w",
	"search: %s of the earlier index: %w":          "tìm kiếm: %s của chỉ mục lần trước: %w",
	"search: the section of %q: %w":                "tìm kiếm: phần của từ %q trong bộ nhớ đệm: %w",
	"template %s: %w":                              "khuôn trang (template) %s: %w",
	"watch %s: %w":                                 "không theo dõi được %s: %w",
	"watch: %w":                                    "không theo dõi được các tệp: %w",
}

// viSystem translates the texts the operating system gives its errors
// (the errno texts of Go's syscall package on Linux, and io/fs's), as
// they end a Go error: "open content/a.md: permission denied". The path
// stays as the system wrote it, the operation is viSystemOps'; the English
// text stays in brackets, to search for.
var viSystem = map[string]string{
	"%s: address already in use":            "%s: địa chỉ này đang được một chương trình khác dùng (address already in use)",
	"%s: cannot allocate memory":            "%s: không đủ bộ nhớ (cannot allocate memory)",
	"%s: device or resource busy":           "%s: thiết bị đang bận (device or resource busy)",
	"%s: directory not empty":               "%s: thư mục không trống (directory not empty)",
	"%s: disk quota exceeded":               "%s: đã dùng hết dung lượng được cấp trên ổ đĩa (disk quota exceeded)",
	"%s: file already exists":               "%s: tệp đã có (file already exists)",
	"%s: file does not exist":               "%s: không có tệp này (file does not exist)",
	"%s: file exists":                       "%s: tệp đã có (file exists)",
	"%s: file name too long":                "%s: tên tệp quá dài (file name too long)",
	"%s: input/output error":                "%s: lỗi đọc ghi ổ đĩa (input/output error)",
	"%s: invalid cross-device link":         "%s: không chuyển được tệp sang ổ đĩa khác (invalid cross-device link)",
	"%s: is a directory":                    "%s: đây là thư mục, không phải tệp (is a directory)",
	"%s: no space left on device":           "%s: ổ đĩa đã đầy (no space left on device)",
	"%s: no such file or directory":         "%s: không có tệp hay thư mục này (no such file or directory)",
	"%s: not a directory":                   "%s: đây không phải thư mục (not a directory)",
	"%s: operation not permitted":           "%s: không được phép làm việc này (operation not permitted)",
	"%s: permission denied":                 "%s: không có quyền (permission denied)",
	"%s: read-only file system":             "%s: ổ đĩa chỉ cho đọc, không ghi được (read-only file system)",
	"%s: too many levels of symbolic links": "%s: liên kết tắt (symlink) vòng quanh quá nhiều lần (too many levels of symbolic links)",
	"%s: too many open files":               "%s: mở quá nhiều tệp cùng lúc (too many open files)",
}

// viSystemOps translates the operation that begins a system error's path
// part, as Go's os package names it (fs.PathError.Op, os.LinkError.Op on
// Linux): "open content/a.md" in "open content/a.md: permission denied".
// The English name stays in brackets, to search for. The argument is the
// path, or for rename and link the two paths.
var viSystemOps = map[string]string{
	"chmod %s":      "không đổi được quyền của (chmod) %s",
	"chtimes %s":    "không đặt được giờ sửa của (chtimes) %s",
	"close %s":      "không ghi xong được (close) %s",
	"createtemp %s": "không tạo được tệp tạm (createtemp) %s",
	"link %s":       "không tạo được liên kết cứng (link) %s",
	"lstat %s":      "không xem được (lstat) %s",
	"mkdir %s":      "không tạo được thư mục (mkdir) %s",
	"mkdirtemp %s":  "không tạo được thư mục tạm (mkdirtemp) %s",
	"open %s":       "không mở được (open) %s",
	"openat %s":     "không mở được (openat) %s",
	"read %s":       "không đọc được (read) %s",
	"readdirent %s": "không đọc được thư mục (readdirent) %s",
	"readlink %s":   "không đọc được liên kết tắt (readlink) %s",
	"remove %s":     "không xóa được (remove) %s",
	"rename %s":     "không đổi tên được (rename) %s",
	"stat %s":       "không xem được (stat) %s",
	"symlink %s":    "không tạo được liên kết tắt (symlink) %s",
	"sync %s":       "không ghi xuống đĩa được (sync) %s",
	"truncate %s":   "không cắt ngắn được (truncate) %s",
	"unlinkat %s":   "không xóa được (unlinkat) %s",
	"write %s":      "không ghi được (write) %s",
}

// viWords translates English words and phrases that code passes as %s
// arguments into messages ("service id"). They are translated wherever
// they fill a %s or %v of a message.
var viWords = map[string]string{
	"English":      "tiếng Anh",
	"Vietnamese":   "tiếng Việt",
	"Chinese":      "tiếng Trung",
	"French":       "tiếng Pháp",
	"Korean":       "tiếng Hàn",
	"Japanese":     "tiếng Nhật",
	"Lao":          "tiếng Lào",
	"Khmer":        "tiếng Khmer",
	"location id":  "mã địa điểm (id)",
	"service id":   "mã dịch vụ (id)",
	"service name": "tên dịch vụ (name)",
}
