package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/draw"

	"github.com/loa-ssg/loa/internal/content"
)

// Photos are published at a size a screen can show: a JPEG or PNG wider
// than MaxImageWidth pixels is scaled down to it (Catmull-Rom resampling,
// golang.org/x/image/draw) and encoded again, turned upright as its EXIF
// orientation says; one that is already narrow enough but heavier than
// reencodeBytes is encoded again when that makes it smaller. Each one wider
// than PhoneImageWidth also gets a copy PhoneImageWidth wide, offered to
// phones through srcset. The published image keeps the file's name, so
// links do not change; the original is published too only when site.yaml
// says keep_original_images: true.
const (
	MaxImageWidth   = 1600
	PhoneImageWidth = 800
	jpegQuality     = 82
	reencodeBytes   = 400 << 10
	// imageVersion changes when the processing does, so that a disk cache
	// made by an older loa is not used.
	imageVersion = "2" // 2: a trailer with a checksum (cacheGet)
)

// imageSizes is the sizes attribute that goes with srcset: the text
// column is at most 44rem wide (static/css/site.css: .wrap is 46rem with
// 1rem padding on each side).
const imageSizes = "(max-width: 46rem) calc(100vw - 2rem), 44rem"

// imageOut is what the build publishes for one source image.
type imageOut struct {
	w, h int // published size in pixels (0: not an image loa can read)
	// data is the image to publish under the file's own name; nil means
	// the original bytes, unchanged.
	data []byte
	// small is the phone copy, smallW pixels wide, or nil.
	small          []byte
	smallW, smallH int
	before, after  int64 // bytes of the original and of data (when set)
	err            error
}

// images processes each source image once per build, whichever page
// publishes it first; it is safe for concurrent use.
type images struct {
	mu sync.Mutex
	m  map[string]*imageEntry // by source path
}

type imageEntry struct {
	once sync.Once
	out  imageOut
}

// image returns what to publish for the content file rel
// ("news/anh.jpg"), processing it on first use.
func (b *builder) image(rel string) *imageOut {
	b.imgs.mu.Lock()
	if b.imgs.m == nil {
		b.imgs.m = map[string]*imageEntry{}
	}
	e := b.imgs.m[rel]
	if e == nil {
		e = &imageEntry{}
		b.imgs.m[rel] = e
	}
	b.imgs.mu.Unlock()
	e.once.Do(func() {
		data, err := fs.ReadFile(b.fsys, path.Join(content.Root, rel))
		if err != nil {
			e.out.err = err
			return
		}
		if b.opts.DryRun { // loa check: the size is enough
			if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
				e.out = imageOut{w: cfg.Width, h: cfg.Height}
			}
			return
		}
		cache := b.opts.ImageCache
		if b.opts.NoCache {
			cache = "" // (from nothing)
		}
		e.out = processImage(data, cache)
		if e.out.data != nil {
			b.imgBefore.Add(e.out.before)
			b.imgAfter.Add(e.out.after)
			b.imgCount.Add(1)
		}
	})
	return &e.out
}

// isPhoto reports whether a file name is a JPEG or PNG, the images the
// build makes smaller.
func isPhoto(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png":
		return true
	}
	return false
}

// smallName is the phone copy's file name: "anh.jpg" → "anh-800w.jpg".
func smallName(name string) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "-" + strconv.Itoa(PhoneImageWidth) + "w" + ext
}

// originalName is where the original goes when kept: "anh.original.jpg".
func originalName(name string) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + ".original" + ext
}

// processImage decides what to publish for the image data. An image it
// cannot decode is published as it is, with no size. With a cache folder,
// scaled copies are kept there by the SHA-256 of data, so that the next
// build does not decode and scale the same photo again.
func processImage(data []byte, cacheDir string) imageOut {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return imageOut{}
	}
	w, h := cfg.Width, cfg.Height
	if format != "jpeg" && format != "png" {
		return imageOut{w: w, h: h}
	}
	orient := 1
	if format == "jpeg" {
		orient = exifOrientation(data)
	}
	if orient >= 5 {
		w, h = h, w // the upright size
	}
	needMain := w > MaxImageWidth || len(data) > reencodeBytes || orient != 1
	mainW := min(w, MaxImageWidth)
	needSmall := mainW > PhoneImageWidth*5/4
	out := imageOut{w: w, h: h}
	if !needMain && !needSmall {
		return out
	}
	var key string
	if cacheDir != "" {
		sum := sha256.Sum256(data)
		key = filepath.Join(cacheDir, fmt.Sprintf("%s-v%s-%d-%d-q%d", hex.EncodeToString(sum[:16]), imageVersion, MaxImageWidth, PhoneImageWidth, jpegQuality))
	}
	var main, small []byte
	if needMain {
		main = cacheGet(key, "main", format)
	}
	if needSmall {
		small = cacheGet(key, "small", format)
	}
	if (needMain && main == nil) || (needSmall && small == nil) {
		src, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return out
		}
		upright := src
		if needMain {
			upright = scale(src, mainW, orient, format)
			if main == nil {
				if main = encode(upright, format); main == nil {
					return out
				}
				cachePut(key, "main", format, main)
			}
		}
		if needSmall && small == nil {
			small = encode(scale(upright, PhoneImageWidth, 1, format), format)
			cachePut(key, "small", format, small)
		}
	}
	if main != nil && (len(main) < len(data) || w > MaxImageWidth || orient != 1) {
		if c, _, err := image.DecodeConfig(bytes.NewReader(main)); err == nil {
			out.data, out.w, out.h = main, c.Width, c.Height
			out.before, out.after = int64(len(data)), int64(len(main))
		}
	}
	if small != nil {
		if c, _, err := image.DecodeConfig(bytes.NewReader(small)); err == nil {
			out.small, out.smallW, out.smallH = small, c.Width, c.Height
		}
	}
	return out
}

// A photo kept in the image cache ends with imageTrailer: imageSum of its
// name and bytes, little-endian, then imageMagic, so that a file cut
// short, written over, or replaced by another photo's (another name) is
// not published (cacheGet).
const (
	imageMagic   = "loa\x00"
	imageTrailer = 4 + len(imageMagic)
)

// cacheGet returns the bytes of the image kept under key (which: "main"
// or "small"), or nil when there is none or it is not whole (its trailer
// and checksum, then its header as an image of format).
func cacheGet(key, which, format string) []byte {
	if key == "" {
		return nil
	}
	name := key + "-" + which + "." + format
	b, err := os.ReadFile(name)
	if err != nil || len(b) < imageTrailer || string(b[len(b)-len(imageMagic):]) != imageMagic {
		return nil
	}
	b, sum := b[:len(b)-imageTrailer], b[len(b)-imageTrailer:]
	if binary.LittleEndian.Uint32(sum) != imageSum(name, b) {
		return nil
	}
	if _, _, err := image.DecodeConfig(bytes.NewReader(b)); err != nil {
		return nil
	}
	return b
}

// imageSum is the CRC-32C (Castagnoli) of the base of name, a file of
// the image cache, then of data, the image it holds.
func imageSum(name string, data []byte) uint32 {
	return crc32.Update(crc32.Checksum([]byte(filepath.Base(name)), castagnoli), castagnoli, data)
}

// cachePut keeps data, an image of format, under key (which: "main" or
// "small") with its trailer (see cacheGet), through a temporary file and
// a rename; it fails silently (the cache is only a saving).
func cachePut(key, which, format string, data []byte) {
	if key == "" || data == nil || os.MkdirAll(filepath.Dir(key), 0o755) != nil {
		return
	}
	name := key + "-" + which + "." + format
	tmp := name + ".tmp" + strconv.Itoa(os.Getpid())
	kept := binary.LittleEndian.AppendUint32(slices.Clip(data), imageSum(name, data))
	if os.WriteFile(tmp, append(kept, imageMagic...), 0o644) == nil {
		_ = os.Rename(tmp, name)
	}
}

// scale returns src scaled to width pixels (upright, as EXIF orientation
// orient says), with Catmull-Rom resampling: it scales in the source's
// orientation, then turns the smaller image.
func scale(src image.Image, width, orient int, format string) image.Image {
	sb := src.Bounds()
	sw, sh := sb.Dx(), sb.Dy()
	if orient >= 5 {
		sw, sh = sh, sw
	}
	h := max(1, (sh*width+sw/2)/sw)
	tw, th := width, h
	if orient >= 5 {
		tw, th = h, width
	}
	var dst draw.Image
	if format == "png" {
		dst = image.NewNRGBA(image.Rect(0, 0, tw, th))
	} else {
		dst = image.NewRGBA(image.Rect(0, 0, tw, th))
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, sb, draw.Src, nil)
	if rgba, ok := dst.(*image.RGBA); ok {
		return orientImage(rgba, orient)
	}
	return dst
}

func encode(img image.Image, format string) []byte {
	var buf bytes.Buffer
	var err error
	if format == "png" {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality})
	}
	if err != nil {
		return nil
	}
	return buf.Bytes()
}

// orientImage returns img turned upright as EXIF orientation o (1–8,
// TIFF 6.0 tag 0x0112) says it was taken: 3 is turned 180°, 6 a quarter
// turn clockwise, 8 counter-clockwise; 2, 4, 5 and 7 are mirrored.
func orientImage(img *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride:]
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			copy(out.Pix[dy*out.Stride+4*dx:dy*out.Stride+4*dx+4], row[4*x:4*x+4])
		}
	}
	return out
}

// exifOrientation reads the orientation tag (0x0112) of a JPEG's EXIF
// block (the APP1 segment starting "Exif\0\0", a TIFF structure: byte
// order, IFD0 entries of 12 bytes). It returns 1 (upright) when there is
// none or the data is malformed.
func exifOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 1
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return 1
		}
		marker := data[i+1]
		if marker == 0xDA || marker == 0xD9 { // start of scan, end of image
			return 1
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		if n < 2 || i+2+n > len(data) {
			return 1
		}
		seg := data[i+4 : i+2+n]
		if marker == 0xE1 && len(seg) >= 14 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 1
}

func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var u16 func([]byte) int
	var u32 func([]byte) int
	switch string(t[:2]) {
	case "II":
		u16 = func(b []byte) int { return int(b[0]) | int(b[1])<<8 }
		u32 = func(b []byte) int { return int(b[0]) | int(b[1])<<8 | int(b[2])<<16 | int(b[3])<<24 }
	case "MM":
		u16 = func(b []byte) int { return int(b[0])<<8 | int(b[1]) }
		u32 = func(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }
	default:
		return 1
	}
	off := u32(t[4:8])
	if off < 8 || off+2 > len(t) {
		return 1
	}
	count := u16(t[off:])
	for k := 0; k < count; k++ {
		e := off + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if u16(t[e:]) == 0x0112 {
			if o := u16(t[e+8:]); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}
