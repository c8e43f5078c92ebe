// Package search owns the site search: how Vietnamese and English text is
// cut into terms (NFC, lower case, marks folded, đ→d, Vietnamese spelling
// variants made equal), and the static index written for the client
// script static/js/search.js.
//
// The index of a language is a folder of JSON files, so that a query
// downloads only what it needs, and the number of files grows with the
// size of the index (about ShardBytes a file), not with the number of
// words or pages:
//
//	search/<lang>/meta.json        format version, document count, the
//	                               first two-letter group of each listing
//	                               ("t") and the first word of each shard
//	                               ("w"), each a space-separated string,
//	                               synonyms, languages
//	search/<lang>/t/<n>.json       listing: the words of a few two-letter
//	                               groups and how many documents have each
//	                               ({"word": n}), for completions and near
//	                               misses
//	search/<lang>/w/<n>.json       shard: neighbouring words' entries,
//	                               {"word": {"n": documents, "v": [exact
//	                               forms], "p": [gap, weight + 256×mask of
//	                               exact forms + 2²⁴ in the title, …],
//	                               "f": {"doc": [passage
//	                               number, "text around the word"]}, "x":
//	                               {"second word": pair entry}}}
//	search/<lang>/d/<n>.json       documents n*DocChunk … : url, title,
//	                               section, start of the text
//
// Words are sorted as JavaScript compares strings, so that the client finds
// a word's listing and shard in meta.json by comparing it with their first
// names. A query
// downloads meta.json, one shard per word (and a listing for a word that
// is not there), and the document chunks of the results it shows.
//
// An Analyzer per worker cuts each page into terms (in parallel, in build),
// numbering term forms in one shared Dict and packing the result small;
// Build merges the results of one language into files, which depend only
// on the pages and their order. A build keeps the results in a Spool (a
// file) between analysing a page and Build, not in memory; BuildBeside
// is Build with its pass over the documents split into functions the
// caller runs side by side (the package starts no goroutine). Postings gives
// each word's full postings (a section per word) for a build to keep, and
// UpdateFrom makes an index again after a few documents changed from the
// earlier index's files and the sections of the words that changed
// (UpdateWith: from every document's terms). The package imports fold only; it
// must not know about pages, templates or output folders.
package search
