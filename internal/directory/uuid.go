package directory

import (
	"crypto/sha1"
	"fmt"
)

// namespace is loa's UUID namespace for directory records, itself a UUIDv5
// of the URL namespace and "https://loa.invalid/hsds" (RFC 9562 §5.5).
var namespace = uuidV5([16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}, "https://loa.invalid/hsds")

// UUID returns the stable UUIDv5 (RFC 9562 §5.5) of a directory record,
// formatted as HSDS wants its ids ("xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx").
// parts name the record: UUID("organization", "tong-dai-111"),
// UUID("service", "tong-dai-111", "bao-ve-tre-em"). The same parts give the
// same UUID in every build, so hand-written files need no UUIDs.
func UUID(parts ...string) string {
	name := ""
	for i, p := range parts {
		if i > 0 {
			name += "/"
		}
		name += p
	}
	return format(uuidV5(namespace, name))
}

func uuidV5(ns [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	return u
}

func format(u [16]byte) string {
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
