package content

// Kind says what a page is.
type Kind int

// The kinds of page.
const (
	KindPage    Kind = iota // a single-file page or a page bundle
	KindSection             // a folder's _index.<lang>.md
	KindHome                // content/_index.<lang>.md
)

// String returns "page", "section" or "home".
func (k Kind) String() string {
	return [...]string{"page", "section", "home"}[k]
}

// Page is one page in one language. Fields are set by Load and must not be
// changed afterwards.
type Page struct {
	Kind Kind
	Lang string
	// File is the source path relative to the site's source folder,
	// slash-separated ("content/plan/164-kh-ubnd/index.vi.md").
	File string
	// Dir is the content-relative folder of the page's section, or of the
	// bundle for a bundle ("plan", "plan/164-kh-ubnd"; "" for the home page).
	Dir string
	// Key pairs translations: translation_key when written, otherwise the
	// content-relative path without language and extension.
	Key string

	FrontMatter

	// Slug is the page's last URL segment ("" for the home page).
	Slug string
	// Path is the URL path, beginning and ending in "/" ("/ke-hoach/164-kh-ubnd/").
	Path string

	// Text is the whole normalized file; Body is the Markdown after the
	// front matter, a subslice of Text starting at byte BodyOffset.
	Text       []byte
	Body       []byte
	BodyOffset int
	// textSum is the hash of Text when Load let it go (Options.HoldText),
	// for ReadText to see that the file is the one Load read.
	textSum uint64
	// sum is Checksum(Text) for a page Load made from Options.Reuse
	// (0 for one it read), for ReadText and TextSum.
	sum uint64
	// order is the page's index in its Site's Pages (Load), which lets
	// the next Load find a page's earlier version without a map.
	order int32
	// asIs says that Load read Text as the file's bytes as they are
	// (textfile.ReadAsIs), so that ReadText may take the same bytes read
	// again as the text without normalizing them (false for a page made
	// from Options.Reuse).
	asIs bool

	// Parent is the section holding the page in the same language (nil for
	// the home page); for a section with no page in this language, the
	// nearest one above that has.
	Parent *Page
	// Children are the pages and sections directly below a section or the
	// home page, in display order (weight, then date newest first, then title).
	Children []*Page
	// Translations holds this page in every language that has it, in the
	// site's language order, this page included.
	Translations []*Page
	// Attachments are a bundle's other files, sorted by path.
	Attachments []Attachment
	// DraftLangs lists the languages in which this page exists only as a
	// draft, left out of the build (Options.Drafts off), in site order.
	DraftLangs []string
}

// Attachment is a file published beside a bundle's page.
type Attachment struct {
	Path string // content-relative, "plan/164-kh-ubnd/ke-hoach-164.pdf", as named on disk
	// Name is the file name it is published under: the base of Path in
	// NFC, so that a name saved in decomposed Unicode (NFD) gets the same
	// URL as the name typed in a link.
	Name string
	Size int64 // bytes
}

// Index returns the page's place in the Pages of the Site that Load
// returned it in, for a caller that keeps something per page in a slice.
// A page made otherwise says 0: check that Pages[p.Index()] is p.
func (p *Page) Index() int { return int(p.order) }

// Translation returns the page's translation in lang, or nil.
func (p *Page) Translation(lang string) *Page {
	for _, t := range p.Translations {
		if t.Lang == lang {
			return t
		}
	}
	return nil
}

// Section returns the top-level section folder the page lives in ("news"),
// or "" for the home page and pages at the top.
func (p *Page) Section() string {
	for i := 0; i < len(p.Dir); i++ {
		if p.Dir[i] == '/' {
			return p.Dir[:i]
		}
	}
	return p.Dir
}

// IsBundle reports whether the page is a page bundle (<name>/index.<lang>.md).
func (p *Page) IsBundle() bool { return p.Kind == KindPage && p.Dir != "" && isIndex(p.File) }
