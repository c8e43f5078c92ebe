// Package search owns the site search: how Vietnamese and English text is
// cut into terms (NFC, lower case, marks folded, đ→d, Vietnamese spelling
// variants made equal), and the static index written for the client
// script static/js/search.js.
//
// The index of a language is a folder of small JSON files, so that a query
// downloads only what it needs:
//
//	search/<lang>/meta.json        format version, document count, shard
//	                               list, synonyms, languages
//	search/<lang>/t/<key>.json     the words whose folded form starts with
//	                               <key> (its first two letters): {"word":
//	                               {"n": documents, "w": 1}} for a word with
//	                               a file of its own, or the entry itself for
//	                               a rare word: {"n": documents, "v": [exact
//	                               forms], "p": [gap, weight + 256×mask of
//	                               exact forms, …]}
//	search/<lang>/w/<word>.json    a word's entry, and "x": the entries of
//	                               the pairs it starts, by their second word
//	                               (see FileKey for the file name)
//	search/<lang>/d/<n>.json       documents n*DocChunk … : url, title,
//	                               section, text for snippets
//
// A query downloads meta.json, the listings of its words' shards and its
// words' files: a few kilobytes, however large the site.
//
// An Analyzer per worker cuts each page into terms (in parallel, in build),
// numbering term forms in one shared Dict and packing the result small;
// Build merges the results of one language into files, which depend only
// on the pages and their order. The package imports fold only; it
// must not know about pages, templates or output folders.
package search
