// loa: site search, our own, no library. It reads the static index that
// `loa build` writes under search/<lang>/ and fetches only the files a
// query needs: meta.json, the term shards for the query's first letters,
// and the document chunks of the best results. Matching folds Vietnamese
// as people type it (no marks, đ→d, kì=kỳ, hoà=hòa), prefers the exact
// marks when the query has them, ranks phrases, completes the last word,
// and forgives one wrong letter in words of four or more letters.
// window.siteSearch(query) → Promise of [{url, title, snippet}], best first.
(function () {
  "use strict";
  var root = document.documentElement;
  var base = root.getAttribute("data-search");
  if (!base) return;
  var TONES = { "\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5" };
  var cache = {};
  var RESULTS = 10; // results shown, and document chunks fetched for them

  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) return null;
        return r.json();
      }).catch(function () { return null; });
    }
    return cache[path];
  }

  function foldKey(w) {
    return w.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/đ/g, "d");
  }
  function iy(w) {
    var cs = Array.from(w);
    if (cs.length < 2 || cs[cs.length - 1] !== "y") return w;
    var prev = foldKey(cs[cs.length - 2]);
    if ("aeiouy".indexOf(prev) >= 0 && prev.length === 1 && !/quy$/.test(w)) return w;
    return w.slice(0, -1) + "i";
  }
  // terms mirrors search.Terms in Go: words with their folded and exact forms.
  function terms(text) {
    var words = text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}\p{Mn}]+/gu) || [];
    return words.map(function (w) {
      var tone = "", exact = "";
      Array.from(w.normalize("NFD")).forEach(function (c) {
        if (TONES[c]) tone = TONES[c]; else exact += c;
      });
      exact = iy(exact.normalize("NFC")) + tone;
      return { folded: iy(foldKey(w)), exact: exact, marked: w !== foldKey(w) };
    }).filter(function (t) { return t.folded; });
  }
  function prefix(f) { return Array.from(f).slice(0, 2).join(""); }
  function shardKey(f) {
    var p = prefix(f);
    if (/^[a-z0-9]*$/.test(p)) return p;
    return "x" + Array.from(new TextEncoder().encode(p)).map(function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++;
      else if (b.length > a.length) j++;
      else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  // postings decodes a term's entry into {doc: [weight, mask]}.
  function postings(entry) {
    var out = {}, doc = 0, p = entry.p;
    for (var i = 0; i < p.length; i += 2) {
      doc += p[i];
      out[doc] = [p[i + 1] % 256, Math.floor(p[i + 1] / 256)];
    }
    return out;
  }

  function search(query) {
    var qs = terms(query);
    if (!qs.length) return Promise.resolve([]);
    return get("meta.json").then(function (meta) {
      if (!meta) return [];
      var keys = {};
      qs.forEach(function (t) { keys[shardKey(t.folded)] = true; });
      var names = Object.keys(keys);
      return Promise.all(names.map(function (k) {
        return meta.shards.indexOf(k) >= 0 ? get("t/" + k + ".json") : null;
      })).then(function (loaded) {
        var shards = {};
        names.forEach(function (k, i) { shards[k] = loaded[i] || {}; });
        return rank(meta, qs, shards);
      });
    }).then(function (ranked) { return present(ranked, qs); });
  }

  function rank(meta, qs, shards) {
    var N = meta.docs, scores = {}, hits = {};
    // A term found in more documents than its list holds (the index keeps
    // the pages where it weighs most) cannot rule a page out.
    var partial = qs.map(function () { return false; });
    function idf(n) { return Math.log(1 + (N - n + 0.5) / (n + 0.5)); }
    function addEntry(qi, entry, factor, exactForm) {
      var ps = postings(entry), k = idf(entry.n);
      if (entry.n > entry.p.length / 2) partial[qi] = true;
      var exactBit = -1;
      if (exactForm && entry.v) exactBit = entry.v.indexOf(exactForm);
      Object.keys(ps).forEach(function (d) {
        var w = ps[d][0], mask = ps[d][1];
        var s = k * (w / (w + 2)) * factor;
        if (exactForm) s *= (exactBit >= 0 && (mask & (1 << exactBit))) ? 1.6 : 0.8;
        var key = d + ":" + qi;
        if (!hits[key] || hits[key] < s) {
          scores[d] = (scores[d] || 0) - (hits[key] || 0) + s;
          hits[key] = s;
        }
      });
    }
    qs.forEach(function (t, qi) {
      var shard = shards[shardKey(t.folded)];
      var last = qi === qs.length - 1;
      var exactForm = t.marked ? t.exact : "";
      if (shard[t.folded]) addEntry(qi, shard[t.folded], 1, exactForm);
      var flen = Array.from(t.folded).length;
      Object.keys(shard).forEach(function (term) {
        if (term === t.folded || term.indexOf(" ") >= 0) return;
        if (last && flen >= 2 && term.indexOf(t.folded) === 0) {
          // A completion counts more the more pages use it: "tr" is more
          // likely "truyền" than a rare word.
          addEntry(qi, shard[term], 0.35 * Math.log(1 + shard[term].n) / Math.log(1 + N) / Math.max(idf(shard[term].n), 0.1), "");
        } else if (flen >= 4 && oneEdit(term, t.folded)) {
          addEntry(qi, shard[term], 0.3, "");
        }
      });
    });
    // Phrases: neighbouring query words that stand together in a page
    // (the last word may be the start of one, as it is being typed).
    function phrase(entry) {
      var ps = postings(entry), k = idf(entry.n);
      Object.keys(ps).forEach(function (d) {
        if (scores[d] !== undefined) scores[d] += 1.5 * k * (ps[d][0] / (ps[d][0] + 2));
      });
    }
    for (var i = 1; i < qs.length; i++) {
      var shard = shards[shardKey(qs[i - 1].folded)] || {};
      var pair = qs[i - 1].folded + " " + qs[i].folded;
      if (shard[pair]) phrase(shard[pair]);
      else if (i === qs.length - 1 && Array.from(qs[i].folded).length >= 2) {
        Object.keys(shard).forEach(function (term) {
          if (term.indexOf(pair) === 0) phrase(shard[term]);
        });
      }
    }
    // Every query word must be found (as itself, a completion or a near
    // miss), unless its list is partial.
    var docs = Object.keys(scores).filter(function (d) {
      for (var qi = 0; qi < qs.length; qi++) if (!partial[qi] && !hits[d + ":" + qi]) return false;
      return true;
    });
    docs.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return { meta: meta, docs: docs.slice(0, RESULTS).map(Number) };
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  // snippet marks the words of text that match the query, around the first.
  function snippet(text, qs) {
    var parts = text.split(/([\p{L}\p{N}\p{Mn}]+)/u), first = -1, out = [];
    parts.forEach(function (p, i) {
      if (i % 2 === 1) {
        var t = terms(p)[0] || { folded: "", exact: "" };
        // A query word with marks marks only the same word with the same
        // marks ("bán", not "bạn"); without marks, any of them.
        var hit = qs.some(function (q, qi) {
          if (q.marked ? t.exact === q.exact : t.folded === q.folded) return true;
          return qi === qs.length - 1 && Array.from(q.folded).length >= 2 && t.folded.indexOf(q.folded) === 0;
        });
        if (hit && first < 0) first = out.length;
        out.push(hit ? "<mark>" + escapeHTML(p) + "</mark>" : escapeHTML(p));
      } else out.push(escapeHTML(p));
    });
    var start = Math.max(0, first - 24);
    return (start > 0 ? "… " : "") + out.slice(start, start + 70).join("") + (start + 70 < out.length ? " …" : "");
  }

  function present(ranked, qs) {
    if (!ranked.docs || !ranked.docs.length) return [];
    var chunk = ranked.meta.chunk, need = {};
    ranked.docs.forEach(function (d) { need[Math.floor(d / chunk)] = true; });
    var ids = Object.keys(need);
    return Promise.all(ids.map(function (n) { return get("d/" + n + ".json"); })).then(function (loaded) {
      var chunks = {};
      ids.forEach(function (n, i) { chunks[n] = loaded[i] || []; });
      return ranked.docs.map(function (d) {
        var doc = chunks[Math.floor(d / chunk)][d % chunk];
        if (!doc) return null;
        return { url: doc[0], title: doc[1], section: doc[2], snippet: snippet(doc[3], qs) };
      }).filter(Boolean);
    });
  }

  window.siteSearch = search;

  // The search page: read ?q= from the address, show the results.
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !list) return;
  var input = form.querySelector("input[name=q]");
  function show(q) {
    list.textContent = "";
    if (!q) { status.textContent = ""; return; }
    search(q).then(function (results) {
      status.textContent = results.length ? status.getAttribute("data-found").replace("{n}", results.length) : status.getAttribute("data-none");
      results.forEach(function (r) {
        var li = document.createElement("li"), a = document.createElement("a"), meta = document.createElement("p"), p = document.createElement("p");
        a.href = r.url;
        a.textContent = r.title;
        meta.className = "meta";
        meta.textContent = r.section;
        p.innerHTML = r.snippet;
        li.appendChild(a);
        if (r.section) li.appendChild(meta);
        li.appendChild(p);
        list.appendChild(li);
      });
    });
  }
  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  show(q);
  window.addEventListener("popstate", function () {
    var q2 = new URLSearchParams(location.search).get("q") || "";
    input.value = q2;
    show(q2);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.pushState(null, "", url);
    show(input.value);
  });
}());
