package build

import (
	"errors"
	"hash/crc32"
	"os"

	"github.com/loa-ssg/loa/internal/diag"
)

// errDamaged is what warm returns when a part of the cache that it reads
// late, a terms shard (see termsPath), turns out damaged: nothing is
// written before commit, so run builds the whole site again with a
// fresh builder, and d says why.
type errDamaged struct{ d diag.Diagnostic }

func (e *errDamaged) Error() string { return e.d.Message }

// damagedCache is the warning for a cache whose file (the main file or
// a shard) is damaged.
func damagedCache(file string) diag.Diagnostic {
	return diag.Warningf(diag.Position{File: file}, "the build cache is damaged, so this build does not use it and builds the whole site").
		WithHint("nothing to do: this build writes a new one (the folder %s is always safe to delete)", CacheDir)
}

// readTermShard reads and decodes the terms shard k of lang of the cache
// of out, which the main file knows as ref. It fails when the file is
// missing or is not the one ref describes (size, checksum, count).
func readTermShard(out, lang string, k int, ref shardRef) ([]fileTerms, error) {
	data, err := os.ReadFile(termsPath(out, k, lang))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) != ref.Size || crc32.Checksum(data, castagnoli) != ref.Sum {
		return nil, errShard
	}
	// (each takes a byte at least: no more room than that)
	sd := shardData{Terms: make([]fileTerms, 0, min(ref.Records, len(data)))}
	if err := decodeShard(data, &sd); err != nil {
		return nil, err
	}
	if len(sd.Records) > 0 || len(sd.Sources) > 0 || len(sd.Terms) != ref.Records {
		return nil, errShard
	}
	return sd.Terms, nil
}

// termRefs returns the terms shards of lang as st's main file knows
// them, or nil when it knows none (or not as many as recordShards).
func (st *cacheState) termRefs(lang string) []shardRef {
	if refs := st.TermShards[lang]; len(refs) == recordShards {
		return refs
	}
	return nil
}

// traceTerms, when set (tests), is told of each language whose terms
// shards loadTerms reads.
var traceTerms func(lang string)

// loadTerms reads the terms shards of the languages langs, on every
// core, keeps them in st.terms, and returns the terms of their pages by
// page file. A shard missing or damaged gives an *errDamaged naming it.
func (b *builder) loadTerms(st *cacheState, langs []string) (map[string][]byte, error) {
	if st.terms == nil {
		st.terms = map[string][][]fileTerms{}
	}
	type job struct {
		lang string
		k    int
	}
	var jobs []job
	for _, lang := range langs {
		if st.terms[lang] != nil {
			continue
		}
		if st.termRefs(lang) == nil {
			d := damagedCache(cachePath(b.out))
			return nil, &errDamaged{d}
		}
		if traceTerms != nil {
			traceTerms(lang)
		}
		st.terms[lang] = make([][]fileTerms, recordShards)
		for k := range recordShards {
			jobs = append(jobs, job{lang, k})
		}
	}
	errs := make([]error, len(jobs))
	b.forEach(len(jobs), func(j int) {
		lang, k := jobs[j].lang, jobs[j].k
		st.terms[lang][k], errs[j] = readTermShard(b.out, lang, k, st.TermShards[lang][k])
	})
	for j, err := range errs {
		if err != nil {
			for _, lang := range langs {
				delete(st.terms, lang) // (not trusted)
			}
			d := damagedCache(termsPath(b.out, jobs[j].k, jobs[j].lang))
			return nil, &errDamaged{d}
		}
	}
	if b.stopped() {
		return nil, b.ctx.Err()
	}
	terms := map[string][]byte{}
	for _, lang := range langs {
		for _, shard := range st.terms[lang] {
			for _, ft := range shard {
				terms[ft.File] = ft.Terms
			}
		}
	}
	return terms, nil
}

// termShardOf returns the terms shard k of lang of st (the last cache),
// as loadTerms read it or, when it did not, read now (not kept).
func (st *cacheState) termShardOf(out, lang string, k int) ([]fileTerms, error) {
	if shards := st.terms[lang]; shards != nil && shards[k] != nil {
		return shards[k], nil
	}
	refs := st.termRefs(lang)
	if refs == nil {
		return nil, errors.New("the last cache has no terms shards of " + lang)
	}
	return readTermShard(out, lang, k, refs[k])
}

// saveTerms writes again the terms shards of a cache saved after a
// build from prev (nil: none) that hold something new, and returns the
// terms shards of every language. byShard holds the pages that have a
// record, by shard, in the site's order; reused the records kept as the
// last cache had them (so were the page's terms). A terms shard whose
// pages are all reused, as many as before, keeps its file; another is
// written again from the new pages' terms and the others' as the last
// cache has them.
func (b *builder) saveTerms(prev *cacheState, byShard [][]int, reused map[string]*cachedRecord) (map[string][]shardRef, error) {
	pages := b.content.Pages
	langs := b.res.Languages
	refs := make(map[string][]shardRef, len(langs))
	for _, lang := range langs {
		refs[lang] = make([]shardRef, recordShards)
	}
	errs := make([]error, len(langs)*recordShards)
	b.forEach(len(errs), func(j int) {
		lang, k := langs[j/recordShards], j%recordShards
		var mine []int
		dirty := false
		for _, i := range byShard[k] {
			if pages[i].Lang == lang {
				mine = append(mine, i)
				if _, ok := reused[pages[i].File]; !ok {
					dirty = true
				}
			}
		}
		var old []shardRef
		if prev != nil {
			old = prev.termRefs(lang)
		}
		if old != nil && !dirty && old[k].Records == len(mine) {
			refs[lang][k] = old[k]
			return
		}
		var kept map[string][]byte // the last cache's terms of this shard, read when needed
		sd := shardData{Terms: make([]fileTerms, len(mine))}
		for n, i := range mine {
			p := pages[i]
			sd.Terms[n].File = p.File
			if _, ok := reused[p.File]; ok {
				if kept == nil {
					shard, err := prev.termShardOf(b.out, lang, k)
					if err != nil {
						errs[j] = err
						return
					}
					kept = make(map[string][]byte, len(shard))
					for _, ft := range shard {
						kept[ft.File] = ft.Terms
					}
				}
				t, ok := kept[p.File]
				if !ok {
					errs[j] = errShard
					return
				}
				sd.Terms[n].Terms = t
				continue
			}
			v, _ := b.inc.records.Load(p)
			sd.Terms[n].Terms, _ = v.(*pageRecord).analyzed.GobEncode()
		}
		buf, err := appendShard(nil, &sd)
		if err == nil {
			refs[lang][k] = shardRef{Sum: crc32.Checksum(buf, castagnoli), Size: int64(len(buf)), Records: len(mine)}
			err = writeFileAtomic(termsPath(b.out, k, lang), buf)
		}
		errs[j] = err
	})
	return refs, errors.Join(errs...)
}
