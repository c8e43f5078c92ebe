#!/usr/bin/env bash
# Side-by-side build benchmark: loa, Hugo and the Markdown floor on the same
# generated corpus, alternating, one warm-up then RUNS measured runs each,
# printing medians of wall time, peak RSS and CPU time (/usr/bin/time -v)
# and the loa/Hugo ratios. Hugo comes from Debian (apt-get install -y hugo).
#
# Every run writes into a folder of its own, and all are removed at the
# end: on this disk, creating files right after deleting a large tree costs
# several times more (the file system is still busy with the deletion), so
# removing the previous output before each run would make the timings
# depend on who ran last.
#
#   internal/build/bench/compare.sh PAGES_PER_LANGUAGE [RUNS] [WORKDIR]
#
# Needs python3, /usr/bin/time, hugo, and gencorpus.py: ../shared/bench/
# beside the repository, or the file GENCORPUS names. NO_HUGO=1 leaves
# Hugo out (at 100,000 pages per language it needs more memory than this
# machine has: 2.4 GB at 10,000).
set -euo pipefail
pages=${1:?pages per language}
runs=${2:-5}
work=${3:-$(mktemp -d /tmp/loa-compare-XXXX)}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
gen=${GENCORPUS:-$repo/../shared/bench/gencorpus.py}
mkdir -p "$work"
cd "$work"
[ -d loa-site ] || python3 "$gen" --pages "$pages" --out loa-site --format loa --no-directory --quiet
[ -n "${NO_HUGO:-}" ] || [ -d hugo-site ] || python3 "$gen" --pages "$pages" --out hugo-site --format hugo --no-directory --quiet
(cd "$repo" && go build -o "$work/loa" ./cmd/loa && go build -o "$work/markdown-floor" ./cmd/markdown-floor)

# measure COMMAND...: runs it under /usr/bin/time -v, prints "wall_s rss_mb cpu_s".
measure() {
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { echo "failed: $*" >&2; tail -5 "$log" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /Maximum resident set size/ { rss = $2 / 1024 }
              /User time|System time/ { cpu += $2 }
              END { printf "%.3f %.1f %.2f\n", s, rss, cpu }' "$log"
  rm -f "$log"
}
rm -rf runs; mkdir runs
n=0
run_loa()   { n=$((n+1)); measure ./loa build --quiet --source loa-site --out "runs/loa-$n"; }
run_hugo()  { n=$((n+1)); if [ -n "${NO_HUGO:-}" ]; then echo "0 0 0"; return; fi; rm -rf hugo-site/resources; (cd hugo-site && measure hugo --quiet -d "../runs/hugo-$n"); }
run_floor() { n=$((n+1)); measure ./markdown-floor --source loa-site/content --out "runs/floor-$n"; }

run_loa >/dev/null; run_hugo >/dev/null; run_floor >/dev/null   # warm-up
: > loa.txt; : > hugo.txt; : > floor.txt
for i in $(seq "$runs"); do
  run_loa >> loa.txt; run_hugo >> hugo.txt; run_floor >> floor.txt
  paste loa.txt hugo.txt | tail -1 | awk -v i="$i" '{ printf "run %d: loa %.2fs %.0fMB %.1fs cpu  hugo %.2fs %.0fMB %.1fs cpu", i, $1, $2, $3, $4, $5, $6
    if ($4 > 0) printf "  ratio time %.2f rss %.2f cpu %.2f", $1/$4, $2/$5, $3/$6; print "" }'
done
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'; }
lt=$(median loa.txt 1); lm=$(median loa.txt 2); lc=$(median loa.txt 3)
ht=$(median hugo.txt 1); hm=$(median hugo.txt 2); hc=$(median hugo.txt 3)
ft=$(median floor.txt 1); fm=$(median floor.txt 2); fc=$(median floor.txt 3)
pages_loa=$(find runs/loa-1 -name index.html | wc -l); pages_hugo=$(find runs/hugo-2 -name index.html 2>/dev/null | wc -l)
files_loa=$(find runs/loa-1 -type f | wc -l); files_hugo=$(find runs/hugo-2 -type f 2>/dev/null | wc -l)
echo "pages/lang=$pages runs=$runs (medians; cpu = user + system)"
printf "loa    %6.2fs %7.1fMB %6.1fs cpu  %6d pages %6d files\n" "$lt" "$lm" "$lc" "$pages_loa" "$files_loa"
printf "hugo   %6.2fs %7.1fMB %6.1fs cpu  %6d pages %6d files\n" "$ht" "$hm" "$hc" "$pages_hugo" "$files_hugo"
printf "floor  %6.2fs %7.1fMB %6.1fs cpu\n" "$ft" "$fm" "$fc"
awk -v lt="$lt" -v ht="$ht" -v lm="$lm" -v hm="$hm" -v ft="$ft" -v lc="$lc" -v hc="$hc" -v fc="$fc" 'BEGIN { if (ht > 0) printf "loa/hugo time %.2f  rss %.2f  cpu %.2f   ", lt/ht, lm/hm, lc/hc; printf "loa/floor time %.2f  cpu %.2f\n", lt/ft, lc/fc }'
rm -rf runs
