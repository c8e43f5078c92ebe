#!/usr/bin/env bash
# Side-by-side build benchmark: loa, Hugo and the Markdown floor on the same
# generated corpus, alternating, one warm-up then RUNS measured runs each,
# printing medians of wall time and peak RSS (/usr/bin/time -v) and the
# loa/Hugo ratios. Hugo comes from Debian (apt-get install -y hugo).
#
#   internal/build/bench/compare.sh PAGES_PER_LANGUAGE [RUNS] [WORKDIR]
#
# Needs python3, /usr/bin/time, hugo, and ../shared/bench/gencorpus.py.
set -euo pipefail
pages=${1:?pages per language}
runs=${2:-5}
work=${3:-$(mktemp -d /tmp/loa-compare-XXXX)}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
gen=${GENCORPUS:-$repo/../shared/bench/gencorpus.py}
mkdir -p "$work"
cd "$work"
[ -d loa-site ] || python3 "$gen" --pages "$pages" --out loa-site --format loa --no-directory --quiet
[ -d hugo-site ] || python3 "$gen" --pages "$pages" --out hugo-site --format hugo --no-directory --quiet
(cd "$repo" && go build -o "$work/loa" ./cmd/loa && go build -o "$work/markdown-floor" ./cmd/markdown-floor)

# measure NAME COMMAND...: runs it under /usr/bin/time -v, prints "wall_s rss_mb".
measure() {
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { echo "failed: $*" >&2; tail -5 "$log" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /Maximum resident set size/ { rss = $2 / 1024 }
              END { printf "%.3f %.1f\n", s, rss }' "$log"
  rm -f "$log"
}
run_loa()   { rm -rf out-loa;   measure ./loa build --quiet --source loa-site --out out-loa; }
run_hugo()  { rm -rf out-hugo hugo-site/resources; (cd hugo-site && measure hugo --quiet -d ../out-hugo); }
run_floor() { rm -rf out-floor; measure ./markdown-floor --source loa-site/content --out out-floor; }

run_loa >/dev/null; run_hugo >/dev/null; run_floor >/dev/null   # warm-up
: > loa.txt; : > hugo.txt; : > floor.txt
for i in $(seq "$runs"); do
  run_loa >> loa.txt; run_hugo >> hugo.txt; run_floor >> floor.txt
  paste loa.txt hugo.txt | tail -1 | awk -v i="$i" '{ printf "run %d: loa %.2fs %.0fMB  hugo %.2fs %.0fMB  ratio time %.2f rss %.2f\n", i, $1, $2, $3, $4, $1/$3, $2/$4 }'
done
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'; }
lt=$(median loa.txt 1); lm=$(median loa.txt 2); ht=$(median hugo.txt 1); hm=$(median hugo.txt 2); ft=$(median floor.txt 1); fm=$(median floor.txt 2)
pages_loa=$(find out-loa -name index.html | wc -l); pages_hugo=$(find out-hugo -name index.html | wc -l)
echo "pages/lang=$pages runs=$runs (medians)"
printf "loa    %6.2fs %7.1fMB  %6d pages\n" "$lt" "$lm" "$pages_loa"
printf "hugo   %6.2fs %7.1fMB  %6d pages\n" "$ht" "$hm" "$pages_hugo"
printf "floor  %6.2fs %7.1fMB\n" "$ft" "$fm"
awk -v lt="$lt" -v ht="$ht" -v lm="$lm" -v hm="$hm" -v ft="$ft" 'BEGIN { printf "loa/hugo time %.2f  rss %.2f   loa/floor time %.2f\n", lt/ht, lm/hm, lt/ft }'
