// Package phone knows the Vietnamese telephone numbering plan: which
// numbers can exist, so that a number missing a digit or with an area code
// that no longer exists is caught before it is published as a call link.
//
// It receives a number as an author wrote it ("0221 3862 000", "111",
// "+84 912 345 678") and returns what is wrong with it in plain words. It
// imports nothing of loa's and knows nothing of pages or YAML.
package phone
