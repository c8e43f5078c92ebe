// loa: site search, our own, no library. It reads the static index that
// `loa build` writes under search/<lang>/ and fetches only the files a
// query needs: meta.json, the term shards for the query's first letters,
// the files of its words, and the document chunks of the results shown. Matching folds Vietnamese
// as people type it (no marks, đ→d, kì=kỳ, hoà=hòa), prefers the exact
// marks when the query has them, ranks phrases, completes the last word.
// A word that finds nothing as typed is read as Telex or VNI keystrokes,
// cut into syllables when typed without spaces, and only then forgiven
// one wrong letter; every such repair is said on the page. Synonyms
// from content/search.yaml widen the query (ranked below the words as
// typed); "quotes" require the phrase. When no
// page has every word, the pages with most of them come back, each saying
// what it lacks; when the language finds nothing, the others are searched.
// window.siteSearch(query[, limit]) → Promise of [{url, title, snippet,
// lang}], every match (or the first limit), best first: this language's,
// then the others'.
(function () {
  var root = document.documentElement;
  var base = root.getAttribute("data-search");
  if (!base) return;
  var folder = base.replace(/[^\/]+\/$/, ""), here = base.slice(folder.length, -1);
  // The tone marks in the order of their digit in Go's Term.Exact and in
  // VNI (1 sắc … 5 nặng), and of the Telex keys s f r x j.
  var TONES = "\u0301\u0300\u0309\u0303\u0323";
  var WORD = /[\p{L}\p{N}\p{Mn}]+/gu;
  // Queries are cut at 300 characters and 10 words, so that every query
  // stays cheap; at most 3 words of a query are read as keystrokes or cut
  // into syllables; results are shown 10 at a time.
  var COMPLETIONS = 8; // completions and near misses of a word looked at
  var cache = {};

  // get fetches JSON once per page; init (meta.json) asks the server
  // whether it changed, so that a new index is never read with old files.
  function get(url, init) {
    if (!cache[url]) {
      cache[url] = fetch(url, init).then((r) => {
        if (!r.ok) return null;
        return r.json();
      }).catch(() => null);
    }
    return cache[url];
  }

  function has(o, k) { return {}.hasOwnProperty.call(o, k); }
  function foldKey(w) {
    return w.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/đ/g, "d");
  }
  // iy mirrors iy in Go: a final "y" after a consonant, or in "quy", is "i".
  function iy(w) { return w.replace(/([^aăâeêioôơuưy]|qu)y$/, "$1i"); }
  // term mirrors search.Terms in Go: a word's folded and exact forms
  // (remembered: snippets meet the same words again and again), as {f:
  // folded, x: exact (Term.Exact: the tone's digit last), marked (typed
  // with marks), raw (as typed)}; the short names keep the script within
  // its budget.
  var known = new Map();
  function term(w) {
    if (!known.has(w)) {
      if (known.size > 20000) known.clear();
      known.set(w, makeTerm(w));
    }
    return known.get(w);
  }
  function makeTerm(w) {
    var tone = "", exact = "";
    [...w.normalize("NFD")].forEach((c) => {
      var k = TONES.indexOf(c);
      if (k < 0) exact += c; else tone = k + 1;
    });
    exact = iy(exact.normalize()) + tone;
    var folded = iy(foldKey(w));
    return folded ? { f: folded, x: exact, marked: w !== foldKey(w), raw: w } : null;
  }
  function words(text) {
    return text.normalize().toLowerCase().match(WORD) || [];
  }
  function prefix(f) { return [...f].slice(0, 2).join(""); }
  // pick returns the number of the file holding key: the last of the
  // sorted first keys that is not after it (a few thousand at most).
  function pick(firsts, key) {
    var n = 0;
    firsts.forEach((f, i) => { if (f <= key) n = i; });
    return n;
  }
  // oneEdit reports whether a and b are one letter apart: one changed,
  // added or left out.
  function oneEdit(a, b) {
    if (a === b) return false;
    for (var i = 0; a[i] === b[i]; i++);
    return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
  }


  // Raw keystrokes and words without spaces: these mirror DecodeTelex,
  // DecodeVNI and Syllables in internal/search/keys.go.
  var VOWELS = "aăâeêioôơuưy";
  function isVowel(c) { return VOWELS.includes(c); }
  // hornBreve puts the horn on the last o or u (uo: both) or the breve on
  // the last a, when no other vowel follows it.
  function hornBreve(out) {
    for (var i = out.length; i--;) {
      var k = "oua".indexOf(out[i]);
      if (k >= 0) { out[i] = "ơưă"[k]; if (!k && out[i - 1] === "u") out[i - 1] = "ư"; return true; }
      if (isVowel(out[i])) return false;
    }
    return false;
  }
  // markLast turns the last letter of out that is one of from into the
  // marked letter at the same place in to.
  function markLast(out, from, to) {
    for (var i = out.length; i--;) {
      var k = from.indexOf(out[i]);
      if (k >= 0) { out[i] = to[k]; return true; }
    }
    return false;
  }
  // decode reads w as Telex keystrokes (vni false) or VNI ones: the word
  // they spell when it is one Vietnamese syllable, or "".
  function decode(w, vni) {
    if (!/^[a-z0-9]{1,16}$/.test(w) || vni && !/^[a-z]/.test(w)) return "";
    var out = [], tone = "", changed = false;
    for (var i = 0; i < w.length; i++) {
      var c = w[i], n = out.length, k = (vni ? "12345" : "sfrxj").indexOf(c), ok = true;
      if (vni) {
        if (k >= 0) { ok = out.some(isVowel); tone = TONES[k]; }
        else if (c === "6") ok = markLast(out, "aeo", "âêô");
        else if (c === "7") ok = hornBreve(out) && !out.includes("ă");
        else if (c === "8") ok = markLast(out, "a", "ă");
        else if (c === "9") ok = markLast(out, "d", "đ");
        else if (c === "0") return "";
        else { out.push(c); continue; }
        if (!ok) return "";
      } else if (n && out[n - 1] === c && "aeod".includes(c)) out[n - 1] = "âêôđ"["aeod".indexOf(c)];
      else if (c === "w") { if (!hornBreve(out)) out.push("ư"); }
      else if (k >= 0 && out.some(isVowel)) tone = TONES[k];
      else { out.push(c); continue; }
      changed = true;
    }
    var t = changed && out.length && term(placeTone(out, tone)), s = t ? syllables(t.f) : [];
    return s[0] && !s[0][1] ? t.raw : "";
  }
  // placeTone puts the tone mark after the vowel that carries it (w is
  // changed).
  function placeTone(w, tone) {
    var vs = [], i = /^(qu.|gi[aăâeêioôơuưy])/.test(w.join("")) ? 2 : 0;
    for (; i < w.length; i++) if (isVowel(w[i])) vs.push(i);
    var last = vs[vs.length - 1], at = last;
    vs.forEach((i) => { if ("âăêôơư".includes(w[i])) at = i; });
    if (!"âăêôơ".includes(w[at]) && !(w[at] === "ư" && at === last) && vs.length >= 2 && last === w.length - 1) at = vs[vs.length - 2];
    if (tone && vs.length) w.splice(at + 1, 0, tone);
    return w.join("").normalize();
  }
  // SYLLABLE is a folded Vietnamese syllable: a first consonant (or
  // none), a vowel group and a final consonant (or none); the open groups
  // (ending in a glide, or ia, ua) take none. It is the onsets, nuclei and
  // codas of keys.go as one pattern (keys_test.go checks it against them).
  var SYLLABLE = /^(ngh?|[cgknpt]h|gi|qu|tr|[b-dghk-npr-tvx])?(ieu|yeu|oa[iy]|oeo|uay|uoi|uou|uy[au]|a[iouy]|e[ou]|i[au]|oi|u[aiu]|(uye|o[aeo]|[iuy]e|u[oy]|[aeiouy])([cn]h|ng|[cmnpt])?)$/;
  // syllableLens returns the lengths of the syllables s starts with,
  // longest first.
  function syllableLens(s) {
    var out = [];
    for (var n = 9; --n;) if (s[n - 1] && SYLLABLE.test(s.slice(0, n))) out.push(n);
    return out;
  }
  function syllables(f) {
    if (!/^[a-z0-9]{1,40}$/.test(f)) return [];
    // fewest[i]: the fewest syllables f[i:] is cut into (Infinity, the
    // least of none: no way).
    var n = f.length, fewest = [];
    fewest[n] = 0;
    for (var i = n; i--;) {
      fewest[i] = Math.min(...syllableLens(f.slice(i)).map((l) => fewest[i + l] + 1));
    }
    if (fewest[0] > n) return [];
    var out = [];
    function walk(i, acc, budget) {
      if (out.length >= 4) return;
      if (i === n) { out.push(acc); return; }
      syllableLens(f.slice(i)).forEach((l) => {
        if (fewest[i + l] < budget) walk(i + l, [...acc, f.slice(i, i + l)], budget - 1);
      });
    }
    for (var b = fewest[0]; b <= fewest[0] + 1 && out.length < 4; b++) {
      var before = out.length;
      walk(0, [], b);
      out = out.slice(0, before).concat(out.slice(before).filter((s) => s.length === b));
    }
    return out;
  }

  // postings decodes a term's entry into {doc: [weight (saturating),
  // mask of exact forms, in the title]}.
  function postings(entry) {
    var out = {}, doc = 0, p = entry.p;
    for (var i = 0; i < p.length; i += 2) {
      var v = p[i + 1], w = v % 256;
      doc += p[i];
      out[doc] = [w / (w + 2), v >> 8 & 65535, v >> 24];
    }
    return out;
  }

  // An index: one language's meta.json and the files loaded so far.
  class Index {
    constructor(lang) {
      this.lang = lang;
      this.base = folder + lang + "/";
      this.shards = {}; // listings by number
      // Loaded entries by folded word (none: 0 when longer words start
      // with it, to complete it, else false); no prototype, so that words
      // such as "constructor" are words.
      this.words = Object.create(null);
    }
    load() {
      var ix = this;
      return ix.ready || (ix.ready = get(ix.base + "meta.json", { cache: "no-cache" }).then((meta) => {
        if (!meta || meta.v !== 3) return ix.meta = null; // none, or an index this script cannot read
        ["t", "w"].forEach((k) => { meta[k] = meta[k].split(" "); });
        // The other files' names are the same from build to build: the
        // index's id makes them new addresses, never a cached old copy.
        ix.q = ".json?" + meta.id;
        ix.small = new Set(meta.s.split(" "));
        ix.syn = (meta.syn || []).map((g) => {
          return g.map((e) => ({ ts: words(e).map(term).filter(Boolean) })).filter((e) => e.ts.length);
        });
        // The words and pairs of words of the synonyms count as known
        // when a word typed without spaces or marks is repaired.
        ix.synWords = Object.create(null);
        ix.syn.flat().forEach((e) => {
          e.ts.forEach((t, i) => { ix.synWords[t.f] = ix.synWords[i ? e.ts[i - 1].f + " " + t.f : t.f] = 1; });
        });
        return ix.meta = meta;
      }));
    }
    // need loads the shards of the given folded words and the listings of
    // lex, all at once: meta.json names the first word of each. A word
    // that grows longer is in f's shard after it, or starts the next one
    // (whose first name then starts with f), so that completing a word
    // that has no completion waits for no listing.
    need(folded, lex) {
      var ix = this;
      return ix.load().then((meta) => {
        return meta && Promise.all(folded.map((f) => {
          var k = pick(meta.w, f);
          return f in ix.words || get(ix.base + "w/" + k + ix.q).then((w) => {
            ix.words[f] = w && has(w, f) ? w[f] : Object.keys(w || {}).concat(meta.w[k + 1] || "").some((o) => o.startsWith(f)) && 0;
          });
        }).concat(ix.lexicon(lex || [])));
      });
    }
    // lexicon loads the listings of words that have no entry, for
    // completions and near misses.
    lexicon(folded) {
      var ix = this;
      return Promise.all(folded.map((f) => {
        var k = pick(ix.meta.t, prefix(f));
        return get(ix.base + "t/" + k + ix.q).then((s) => { ix.shards[k] = s; });
      }));
    }
    // words of f's listing, loaded or empty (meta.json is loaded).
    lex(f) {
      return this.shards[pick(this.meta.t, prefix(f))] || {};
    }
    // listed returns how many pages have the loaded word f (0 for none).
    listed(f) {
      var e = this.words[f];
      return e ? e.n : 0;
    }
    // entry returns a loaded word's entry, or a pair's ("a b") from the
    // file of its first word.
    entry(f) {
      var sp = f.indexOf(" ");
      if (sp < 0) return this.words[f] || null;
      var e = this.words[f.slice(0, sp)], x = e && e.x;
      return x && has(x, f.slice(sp + 1)) ? x[f.slice(sp + 1)] : null;
    }
    // completions lists the words that start with f (not in the index),
    // most used first.
    completions(f) {
      var l = this.lex(f);
      return Object.keys(l).filter((w) => w.startsWith(f))
        .sort((a, b) => l[b] - l[a]);
    }
  }
  // completes reports whether the last word is completed: when it has two
  // letters or more, is not a word of the site by itself ("tuyên tr") and
  // starts a longer one, so that a whole word costs no more files; and is
  // not a syllable typed with marks, a word as it stands ("trốn" is not
  // the start of "trong"; a fourth phone trial found 23 pages of
  // "trong", none marked, and no help).
  function completes(ix, t, last) {
    return last && [...t.f].length >= 2 && ix.words[t.f] === 0 && !(t.marked && SYLLABLE.test(t.f));
  }
  // eachTerm calls fn(t, s) for every term of every alternative of slots ss.
  function eachTerm(ss, fn) {
    ss.forEach((s) => { s.alts.forEach((a) => { a.ts.forEach((t) => { fn(t, s); }); }); });
  }

  // parse cuts a query into words; words between quotes share a phrase
  // number (odd), so that the phrase is required.
  function parse(query) {
    var out = [];
    // A phone number is one word, however it is spaced ("0981 848 484",
    // "+84 981.848.484"), as the index has it.
    String(query).slice(0, 300).replace(/\d+([ .-]\d+)+/g, (m) => {
      var d = m.replace(/\D/g, "");
      return /^(0|84)\d{7}/.test(d) ? d : m;
    }).split(/["“”„]/).forEach((part, i) => {
      words(part).forEach((w) => {
        var t = term(w);
        if (t) out.push({ t: t, phrase: i % 2 ? i : 0 });
      });
    });
    out = out.slice(0, 10);
    if (out.length && !/[\s"”]$/.test(query)) out[out.length - 1].last = true;
    return out;
  }

  // readings lists what the keys of w may have meant: its Telex and VNI
  // decodings and its syllables.
  function readings(w) {
    var c = [], raw = w.t.raw;
    [decode(raw), decode(raw, 1)].forEach((d) => { if (d) c.push({ ts: [term(d)] }); });
    syllables(w.t.f).forEach((s) => {
      if (s.length > 1) c.push({ ts: s.map(term), seg: true });
    });
    return c;
  }

  // repair replaces each word that finds nothing as typed by what its
  // keystrokes spell (Telex, then VNI) or by its syllables, when those are
  // in the index (the syllables of one word share a phrase number, even),
  // else by the word one letter away (of 4 letters or more, and no
  // syllable as typed: "nongg", "helpine", not "trốn") that is on a
  // page with all the other words (not the small ones): a synonym's
  // first, then the most used. A word alone has nothing to confirm a near
  // word with, so only a synonym's is taken ("helpine" is "helpline", but
  // "China" is not "chinh": nothing found, and the help shows).
  // The first reading of a word came with the words (see query); the
  // others, and the listing for near words, come only when it is not in
  // the index.
  function repair(ix, ws) {
    var lost = ws.filter((w) => !w.phrase && !ix.listed(w.t.f) && !completes(ix, w.t, w.last)).slice(0, 3), near;
    if (!lost.length) return Promise.resolve(ws);
    // wide[k]: the k-th lost word when its first reading is not found
    // and it is no syllable as typed, else false: a syllable is a word
    // ("trốn" is not "trợ" mistyped), which no near word replaces.
    var cands = lost.map(readings), wide = lost.map((w, k) => !(cands[k][0] && found(ix, cands[k][0])) && !SYLLABLE.test(w.t.f) && w.t.f);
    return ix.need(cands.flatMap((c, k) => wide[k] ? c.flatMap((x) => x.ts.map((t) => t.f)) : []), wide.filter((f) => f[3])).then(() => {
      // The words one letter away, in the index or the synonyms.
      near = wide.map((f) => !f[3] ? [] : Object.keys({ ...ix.lex(f), ...ix.synWords }).filter((o) => !/ /.test(o) && oneEdit(o, f)).slice(0, COMPLETIONS));
      return ix.need(near.flat());
    }).then(() => {
      var out = ws.slice(), rest = ws.filter((w) => !ix.small.has(w.t.raw) && ix.words[w.t.f]).map((w) => postings(ix.words[w.t.f]));
      lost.forEach((w, k) => {
        near[k] = near[k].filter((f) => rest.length ? ix.words[f] && Object.keys(postings(ix.words[f])).some((d) => rest.every((r) => d in r)) : f in ix.synWords)
          .sort((a, b) => (b in ix.synWords) - (a in ix.synWords) || ix.listed(b) - ix.listed(a));
        if (near[k][0]) cands[k].push({ ts: [term(near[k][0])] });
        var best = cands[k].find((c) => found(ix, c));
        if (!best) return;
        out.fixed = 1;
        var phrase = best.ts.length > 1 ? 2 * (k + 1) : 0;
        out.splice(out.indexOf(w), 1, ...best.ts.map((t) => ({ t: t, phrase: phrase })));
      });
      return out;
    });
  }

  // found reports whether every word of a reading c is in the index.
  // Syllables count only side by side somewhere ("China" is no "chi na"):
  // else the word stays as typed, and is reported so.
  function found(ix, c) {
    return c.ts.every((t, i) => {
      var pair = i > 0 && c.ts[i - 1].f + " " + t.f;
      return (ix.listed(t.f) || ix.synWords[t.f]) && (!pair || !c.seg || !ix.meta.pairs || ix.entry(pair) || ix.synWords[pair]);
    });
  }

  // slots groups the words into what must each be found: a quoted phrase,
  // a synonym (the words as typed, or any other entry of their group), a
  // word typed without spaces, or a single word. Each slot lists its
  // alternatives: {ts: terms, phrase: required side by side, factor}.
  function slots(ix, ws) {
    var out = [];
    for (var i = 0; i < ws.length;) {
      var w = ws[i], j = i + 1;
      if (w.phrase % 2 === 1) {
        while (j < ws.length && ws[j].phrase === w.phrase) j++;
        out.push(slot(ws.slice(i, j), [], true));
        i = j;
        continue;
      }
      var syn = synonyms(ix, ws, i);
      if (syn) {
        out.push(slot(ws.slice(i, i + syn.n), syn.alts, false));
        i += syn.n;
        continue;
      }
      while (w.phrase && j < ws.length && ws[j].phrase === w.phrase) j++;
      out.push(slot(ws.slice(i, j), [], j - i > 1));
      i = j;
    }
    return out;
  }
  function slot(ws, others, phrase) {
    var ts = ws.map((w) => w.t);
    var same = ws.every((w) => w.phrase && w.phrase === ws[0].phrase);
    return {
      label: ts.map((t) => t.raw).join(" "),
      last: ws.length === 1 && ws[0].last && !ws[0].phrase,
      alts: [{ ts: ts, phrase: phrase || same && ts.length > 1, factor: 1 }].concat(others)
    };
  }
  // synonyms finds the longest entry of a synonym group that the words
  // from i start with, and returns how many words it takes and the group's
  // other entries.
  function synonyms(ix, ws, i) {
    var best = null;
    ix.syn.forEach((g) => {
      g.forEach((e) => {
        var n = e.ts.length;
        if (i + n > ws.length || best && best.n >= n) return;
        for (var k = 0; k < n; k++) {
          var w = ws[i + k];
          if (w.phrase % 2 === 1 || w.t.f !== e.ts[k].f) return;
        }
        best = {
          n: n, alts: g.filter((o) => o !== e).map((o) => {
            return { ts: o.ts, phrase: o.ts.length > 1, factor: 0.6 };
          })
        };
      });
    });
    return best;
  }

  function idf(N, n) { return Math.log(1 + (N - n + 0.5) / (n + 0.5)); }

  // scoreTerm returns {docs: {doc: score}, partial} for one term: the
  // word itself and the completions of the last word as it is being typed
  // (a word one letter away is a repair, reported: see repair).
  function scoreTerm(ix, t, last) {
    var N = ix.meta.docs, docs = {}, partial = false, title = {};
    function add(entry, factor, exactForm) {
      var ps = postings(entry), k = idf(N, entry.n);
      if (entry.n > entry.p.length / 2) partial = true;
      var bit = exactForm && entry.v ? entry.v.indexOf(exactForm) : -1;
      Object.keys(ps).forEach((d) => {
        // A page without the marks typed, when some page has them, ranks
        // below every page with them ("trương": "trưởng" after).
        var s = k * ps[d][0] * factor - (bit < 0 || ps[d][1] >> bit & 1 ? 0 : 1e3);
        if (!docs[d] || docs[d] < s) docs[d] = s;
        if (ps[d][2]) title[d] = 1;
      });
    }
    var e = ix.entry(t.f);
    if (e) add(e, 1, t.marked ? t.x : "");
    if (completes(ix, t, last)) {
      ix.completions(t.f).slice(0, COMPLETIONS).forEach((w) => {
        var c = ix.entry(w);
        // A completion counts more the more pages use it.
        if (c) add(c, 0.35 * Math.log(1 + c.n) / Math.log(1 + N) / Math.max(idf(N, c.n), 0.1), "");
      });
    }
    return { docs: docs, partial: partial, title: title };
  }
  // pairBonus adds to scores the pages where a and b stand together.
  function pairBonus(ix, a, b, scores, prefixOnly, run) {
    var N = ix.meta.docs, first = ix.entry(a.f), x = first && first.x || {}, pair = ix.entry(a.f + " " + b.f);
    var entries = pair ? [pair] : prefixOnly ? Object.keys(x).filter((k) => {
      return k.startsWith(b.f);
    }).map((k) => x[k]) : [];
    entries.forEach((entry) => {
      var ps = postings(entry), k = idf(N, entry.n);
      Object.keys(ps).forEach((d) => {
        if (d in scores) scores[d] += 1.5 * k * ps[d][0] * (run ? run[d] = (run[d] || 0) + 1 : 1);
      });
    });
  }
  // scoreAlt returns {docs, partial} for one alternative of a slot.
  function scoreAlt(ix, alt, last, big) {
    var per = alt.ts.map((t) => scoreTerm(ix, t, last));
    var strict = per.filter((x) => !x.partial);
    var docs = {}, partial = per.length > 0 && strict.length === 0;
    per.forEach((x) => {
      Object.keys(x.docs).forEach((d) => {
        if (strict.every((y) => d in y.docs)) docs[d] = (docs[d] || 0) + x.docs[d];
      });
    });
    for (var i = 1; i < alt.ts.length; i++) {
      var a = alt.ts[i - 1], b = alt.ts[i], pair = ix.entry(a.f + " " + b.f);
      if (ix.meta.pairs && (!pair || pair.n <= pair.p.length / 2)) {
        var ps = pair ? postings(pair) : {};
        for (var d in docs) {
          if (ps[d]) continue;
          // Required side by side (quotes, or a synonym's other entry)...
          if (alt.phrase) delete docs[d];
          // ...or, apart, worth less than a synonym side by side.
          else docs[d] *= 0.5;
        }
        if (alt.phrase) partial = false;
      }
      pairBonus(ix, a, b, docs, false);
    }
    // Pages with all the words in their title come first (a synonym's
    // after the words as typed).
    for (var d in docs) docs[d] = (docs[d] + (per.every((x) => x.title[d]) ? 10 / big : 0)) * alt.factor;
    return { docs: docs, partial: partial };
  }

  // rank scores every page of ix for the slots; it returns the pages
  // with every slot, or when there are none the pages with most of them.

  function rank(ix, ss) {
    var scores = {}, count = {}, big = ss.filter((s) => !ix.small.has(s.label)).length || 1;
    var per = ss.map((s) => {
      var docs = {}, partial = false;
      s.alts.forEach((alt) => {
        var r = scoreAlt(ix, alt, s.last, big);
        partial = partial || r.partial;
        for (var d in r.docs) if (!(docs[d] >= r.docs[d])) docs[d] = r.docs[d];
      });
      for (var d in docs) scores[d] = (scores[d] || 0) + docs[d];
      return { docs: docs, partial: partial };
    });
    // Neighbouring words standing together rank higher (the last one may
    // be the start of a word being typed).
    for (var i = 1, run = {}; i < ss.length; i++) {
      var a = ss[i - 1].alts[0].ts, b = ss[i].alts[0].ts;
      pairBonus(ix, a[a.length - 1], b[0], scores, i === ss.length - 1 && ss[i].last, run);
    }
    // A small word ("will", "I" in "will I be punished") is not required
    // beside others (the page that answers may not use it), nor alone when
    // no page has it: it would make every result partial.
    var many = ss.some((s) => !ix.small.has(s.label));
    var skip = per.map((x, i) => ix.small.has(ss[i].label) && (many || !x.partial && !Object.keys(x.docs).length));
    var need = ss.length - skip.filter(Boolean).length, docs = Object.keys(scores);
    docs.forEach((d) => { count[d] = per.filter((x, i) => !skip[i] && (d in x.docs || x.partial)).length; });
    var all = docs.filter((d) => count[d] === need), partial = !all.length && need > 1;
    if (!partial) docs = all;
    // (Ties keep the order of the keys: by document number.)
    docs.sort((a, b) => (partial ? count[b] - count[a] : 0) || scores[b] - scores[a]);
    return docs.map((d) => ({
      doc: +d,
      missing: partial ? ss.filter((s, i) => !(d in per[i].docs) && !per[i].partial && !skip[i]).map((s) => s.label) : []
    }));
  }

  // query runs a query against one index: {ix, hits, missing (words no
  // page has), fixed (the query as repaired, or none), marks (terms to
  // mark)}. limit is how many results are wanted (Infinity: all; none
  // when ix is another language's): when words are on no page here and
  // only a near word could stand for them, the documents of the pages
  // with the other words, and (when they are fewer than limit) the other
  // languages, are fetched at once.
  function query(ix, q, limit) {
    var ws = parse(q);
    var res = { hits: [], marks: [], ix: ix };
    if (!ws.length) return Promise.resolve(res);
    // One round for the words and what their keys most likely meant, so
    // that a word typed as Telex or without spaces waits for no second
    // one. (Not for a word that is a syllable as typed: it rarely finds
    // nothing.) Another language is searched when this one found
    // nothing: its listings come in that round too, as its words are
    // likely missing as well.
    // odd: a word is no syllable and has 4 letters or more (a typo, that
    // a near word may repair).
    var more = [], fs = ws.map((w) => w.t.f), odd;
    ws.forEach((w) => {
      var s = syllables(w.t.f), r = !s[0] || s[0][1] ? readings(w) : 0;
      odd = odd || r && w.t.f[3];
      if (r[0]) r[0].ts.forEach((t) => { more.push(t.f); });
    });
    return ix.need(fs.concat(more), ix.lang !== here && fs).then(() => {
      if (!ix.meta) { res.error = true; return res; }
      // Words here on no page, when none has readings or is being typed
      // ("hưng", "abc"): the results are likely the pages with the other
      // words (fetch their documents now), and when fewer than limit, the
      // other languages will be searched: start now. Not when an odd word
      // may be a typo for a word on those pages (unless there are none).
      var typing = ws.filter((w) => completes(ix, w.t, w.last)).map((w) => w.t.f);
      if (limit && !more.length && fs.some((f) => !ix.words[f]) && !typing[0]) {
        res.hits = rank(ix, slots(ix, ws));
        if (!odd || !res.hits.length) {
          setTimeout(present, 0, res, 0, 10); // (after the near words' listing)
          if (res.hits.length < limit) others(q);
        }
      }
      // The listing of a word not in the index is loaded when it is the
      // last and a longer word starts with it (to complete it), and, in
      // repair, for near misses.
      return ix.lexicon(typing).then(() => {
        return repair(ix, ws);
      }).then((ws2) => {
        var ss = slots(ix, ws2), all = [], comp = [];
        eachTerm(ss, (t) => { all.push(t.f); });
        return ix.need(all).then(() => {
          // Scoring uses the most used completions of a last word too.
          eachTerm(ss, (t, s) => {
            if (completes(ix, t, s.last)) comp = comp.concat(ix.completions(t.f).slice(0, COMPLETIONS));
          });
          return ix.need(comp);
        }).then(() => {
          res.fixed = ws2.fixed && ws2;
          // Small words ("có", "bị", "không") are marked only when the
          // query has nothing else; the rarer a word, the more it tells.
          eachTerm(ss, (t, s) => { res.marks.push({ t: t, last: completes(ix, t, s.last), w: idf(ix.meta.docs, ix.listed(t.f)), small: ix.small.has(t.raw) }); });
          var big = res.marks.filter((m) => !m.small);
          res.marks = (big.length ? big : res.marks).sort((a, b) => b.w - a.w);
          res.hits = rank(ix, ss);
          // (Read only when there are hits.)
          res.missing = ss.map((s) => s.label).filter((l) => res.hits.every((h) => h.missing.includes(l)));
          return res;
        });
      });
    });
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
  }
  // snippet returns [the HTML of text (a page's start or a passage, cut
  // by the index where a sentence or heading begins, never after "không"
  // or "not"), with the query's words in <mark>, and the weight of the
  // distinct query words in it].
  function snippet(text, marks) {
    var got = new Set(), sum = 0;
    return [text.split(/([\p{L}\p{N}\p{Mn}]+)/u).map((p, i) => {
      var t = term(p.toLowerCase()), h = i % 2 && t && marks.find((m) => {
        // A query word with marks marks only the same word with the same
        // marks ("bán", not "bạn"); without marks, any of them.
        var q = m.t;
        return (q.marked ? t.x === q.x : t.f === q.f) ||
          m.last && t.f.startsWith(q.f);
      });
      if (!h) return escapeHTML(p);
      if (!got.has(h)) { got.add(h); sum += h.w; }
      return "<mark>" + escapeHTML(p) + "</mark>";
    }).join(""), sum];
  }

  // around makes the snippet of document d: of its start, and of the
  // passages around the query's words further down (their entries carry
  // them), the one with the most telling query words.
  function around(ix, d, start, marks) {
    var best = snippet(start, marks);
    marks.forEach((m) => {
      var e = ix.entry(m.t.f), f = e && e.f && e.f[d], s = f && snippet("…" + f[1] + "…", marks);
      if (s && s[1] > best[1]) best = s;
    });
    return best[0];
  }

  // present fetches the documents of hits[from:to] and makes results.
  function present(res, from, to) {
    var ix = res.ix, c = ix.meta.chunk;
    return Promise.all(res.hits.slice(from, to).map((h) => get(ix.base + "d/" + (h.doc / c | 0) + ix.q).then((ch) => {
      var doc = ch && ch[h.doc % c], s;
      // The snippet is made when first read, from what is loaded already,
      // so that all the results of a common word come back quickly.
      return doc && {
        url: doc[0], title: doc[1], section: doc[2], lang: ix.lang, missing: h.missing,
        get snippet() { return s || (s = around(ix, h.doc, doc[3], res.marks)); }
      };
    }))).then((rs) => rs.filter(Boolean));
  }

  // full reports whether a query's results have every word.
  function full(res) { return res.hits.length && !res.hits[0].missing.length; }

  var indexes = {};
  function index(lang) { return indexes[lang] || (indexes[lang] = new Index(lang)); }
  // others runs q on the site's other languages.
  function others(q) {
    return index(here).load().then((meta) => {
      return Promise.all((meta && meta.langs || []).filter((l) => l !== here).map((l) => query(index(l), q)));
    });
  }

  // siteSearch is the documented interface: every match (or the first
  // limit), this language's first, each {url, title, snippet, lang,
  // section, missing}.
  function siteSearch(q, limit) {
    limit = limit > 0 ? limit : Infinity;
    return query(index(here), q, limit).then((mine) => {
      // With a limit this language fills, the others are not searched
      // (they would come after it).
      if (mine.hits.length >= limit) return [mine, []];
      return others(q).then((rs) => [mine, rs]);
    }).then((r) => {
      // Other languages add only the pages that have every word.
      var all = [r[0]].concat(r[1].map((res) => {
        res.hits = res.hits.filter((h) => !h.missing.length);
        return res;
      }));
      return Promise.all(all.map((res) => {
        var n = Math.min(res.hits.length, limit);
        limit -= n;
        return n ? present(res, 0, n) : [];
      }));
    }).then((lists) => lists.flat());
  }
  siteSearch.keys = { decode: decode, syllables: syllables }; // for the tests: decode(w[, vni])
  window.siteSearch = siteSearch;

  // The search page: read ?q= from the address, show the results.
  function byId(id) { return document.getElementById("search-" + id); }
  var form = byId("form");
  var list = byId("results");
  var status = byId("status");
  if (!form || !list) return;
  var input = form.querySelector("input[name=q]");
  var more = byId("more");
  var help = byId("help");
  function say(key, vals) {
    // key_one, key_few…: the plural forms (CLDR categories) of a count.
    var s = status.dataset[key + "_" + (vals && new Intl.PluralRules(here).select(vals.n))] || status.dataset[key] || "";
    for (var k in vals) s = s.split("{" + k + "}").join(vals[k]);
    return s;
  }
  function langName(code) {
    try { return new Intl.DisplayNames([here], { type: "language" }).of(code); } catch (e) { return code; }
  }
  // calls makes the phone numbers in a snippet call links, as the site's
  // pages do: meta.json "c" is the rule (a regular expression of the
  // digits: the numbers the site knows, and the shape of a phone number).
  function calls(h, ix) {
    var c = RegExp("^(" + ix.meta.c + ")$");
    return h.replace(/(\+84[ .-]?)?\d+([ .-]\d+)*/g, (m) => {
      var d = m.replace(/^\+84/, "0").replace(/\D/g, "");
      return c.test(d) ? '<a class="call-inline" href="tel:' + d + '">' + m + "</a>" : m;
    });
  }
  // spell returns a repaired query as the snippets of rs (the first
  // results) write its words side by side ("mua bán người": the syllables
  // of a word typed without spaces have no marks), else as repaired.
  function spell(ws, rs) {
    var s = words(rs.map((r) => r.snippet).join(" ").replace(/<[^>]*>/g, "")), n = ws.length;
    for (var i = 0; i + n <= s.length; i++) {
      if (ws.every((w, k) => (term(s[i + k]) || 0).f === w.t.f)) return s.slice(i, i + n).join(" ");
    }
    return ws.map((w) => w.t.raw).join(" ");
  }
  var shown = null, seq = 0, slow;
  function append(res) {
    var from = list.children.length;
    return present(res, from, from + 10).then((rs) => {
      rs.forEach((r, i) => {
        // The snippet is HTML already (escaped, with <mark>); the rest is text.
        var li = document.createElement("li");
        if (r.lang !== here) li.lang = r.lang;
        li.innerHTML = '<a href="' + escapeHTML(r.url) + '">' + escapeHTML(r.title) + "</a>" +
          (r.section ? '<p class="meta">' + escapeHTML(r.section) + "</p>" : "") + "<p>" + calls(r.snippet, index(r.lang)) + "</p>" +
          (r.missing.length ? '<p class="meta" lang="' + here + '">' + escapeHTML(say("missing", { words: r.missing.join(", ") })) + "</p>" : "");
        list.appendChild(li);
        if (from > 0 && i === 0) li.firstChild.focus();
      });
      more.hidden = list.children.length >= res.hits.length;
    });
  }
  function show(q) {
    var mine = ++seq;
    list.textContent = "";
    more.hidden = true;
    shown = null;
    if (!q.trim()) { status.textContent = ""; help.hidden = false; return; }
    // A search that takes more than a moment (a slow network) says so.
    clearTimeout(slow);
    slow = setTimeout(() => { status.textContent = say("busy"); }, 300);
    query(index(here), q, Infinity).then((res) => {
      if (full(res)) return [res, null];
      // Nothing (or only some of the words) here: look in the other languages.
      return others(q).then((rs) => {
        return [res, rs.filter(full)[0]];
      });
    }).then((pair) => {
      var res = pair[0];
      return res.fixed ? present(res, 0, 10).then((rs) => { res.fixed = spell(res.fixed, rs); return pair; }) : pair;
    }).then((pair) => {
      if (mine !== seq) return;
      clearTimeout(slow);
      var res = pair[0], other = pair[1], msg = [];
      if (res.fixed) msg.push(say("fixed", { q: res.fixed }));
      if (res.error) msg.push(say("error"));
      if (other) {
        shown = other;
        msg.push(say("other", { here: langName(here), there: langName(other.ix.lang), n: other.hits.length }));
      } else if (res.hits.length) {
        shown = res;
        msg.push(res.hits[0].missing.length ? say("partial") : say("found", { n: res.hits.length }));
        if (res.missing.length) msg.push(say("missing", { words: res.missing.join(", ") }));
      } else if (!res.error) msg.push(say("none"));
      status.textContent = msg.join(" ");
      help.hidden = !!shown && full(shown) && !res.error;
      if (shown) return append(shown);
    });
  }
  more.addEventListener("click", () => { if (shown) append(shown); });
  // fromURL shows the results of ?q= (on load, and on Back and Forward).
  function fromURL() {
    show(input.value = new URLSearchParams(location.search).get("q") || "");
  }
  index(here).load(); // meta.json, before the first query is typed
  fromURL();
  window.addEventListener("popstate", fromURL);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    var url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.pushState(null, "", url);
    // On a phone the keyboard stays up while the input has the focus, over
    // the results; the status line still announces them.
    input.blur();
    show(input.value);
  });
}());
