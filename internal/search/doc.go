// Package search owns the site search: how Vietnamese and English text is
// cut into terms (NFC, lower case, marks folded, đ→d, Vietnamese spelling
// variants made equal), and the static index written for the client
// script static/js/search.js.
//
// The index of a language is a folder of small JSON files, so that a query
// downloads only what it needs:
//
//	search/<lang>/meta.json        document count, shard list, format version
//	search/<lang>/t/<key>.json     terms whose folded form starts with <key>
//	                               (its first two letters): {"term": {"n":
//	                               documents, "v": [exact forms], "p": [gap,
//	                               weight + 256×mask of exact forms, …]}}
//	search/<lang>/d/<n>.json       documents n*DocChunk … : url, title,
//	                               section, text for snippets
//
// An Analyzer per worker cuts each page into terms (in parallel, in build),
// numbering term forms in one shared Dict and packing the result small;
// Build merges the results of one language into files, which depend only
// on the pages and their order. The package imports fold only; it
// must not know about pages, templates or output folders.
package search
