#!/usr/bin/env bash
# The batch-check yardstick (shared/bench/README.md) as whole processes: Byline's `check` against LibraryScan
# (org.ahocorasick whole-word matching, one thread), run alternately, wall and CPU (user+sys) per run and the ratios.
#
#   src/bench/sh/batch-yardstick.sh [SHARED_DIR] [RUNS] [JAR]
#     SHARED_DIR  the shared folder (default: ../shared beside the repository)
#     RUNS        pairs of runs, alternated (default 5)
#     JAR         Byline's jar (default target/byline.jar; build it first with `mvn -q package -DskipTests`)
#   Environment: WORK (default ${XDG_CACHE_HOME:-~/.cache}/byline-bench) holds the load and the baseline;
#                TERMS / POSTS size the load (default 50000 / 200000); JAVA (default java).
#
# Prints one line per run, then the medians and the ratios ours/baseline, with the load average before and after.
# On a busy machine trust the ratios (each pair runs back to back) more than the absolute times.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
shared=$(cd "${1:-$repo/../shared}" && pwd)
runs=${2:-5}
jar=$(cd "$(dirname "${3:-$repo/target/byline.jar}")" && pwd)/$(basename "${3:-$repo/target/byline.jar}")
java=${JAVA:-java}
terms=${TERMS:-50000}
posts=${POSTS:-200000}
work=${WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/byline-bench}
load=$work/load-$terms-$posts
base=$work/baseline

[[ -f $jar ]] || { echo "no $jar: build it with mvn -q package -DskipTests" >&2; exit 2; }
mkdir -p "$work"
if [[ ! -f $load/posts.jsonl ]]; then
  echo "making the load: $terms terms, $posts posts in $load"
  python3 "$shared/bench/make_load.py" "$load" "$terms" "$posts"
fi
if [[ ! -f $base/classpath ]]; then
  echo "building the baseline in $base"
  "$shared/bench/baseline/build.sh" "$base"
fi
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

# runs a command with its stdout to a file; prints "wall cpu" in seconds
timed() {
  local f=$1; shift
  local TIMEFORMAT='%R %U %S'
  local t
  t=$( { time "$@" > "$f" 2>"$out/stderr"; } 2>&1 ) || { echo "failed: $*" >&2; cat "$out/stderr" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' <<<"$t"
}

echo "java: $("$java" -version 2>&1 | head -1); cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %10s %10s %10s %10s %8s %8s\n' run ours_wall ours_cpu base_wall base_cpu r_wall r_cpu
ow=() oc=() bw=() bc=()
for i in $(seq 1 "$runs"); do
  # alternate which goes first, so neither always runs on a cooler machine
  if (( i % 2 )); then
    read -r w1 c1 < <(timed "$out/ours.jsonl" "$java" -jar "$jar" check --policy "$load/policy.json" --input "$load/posts.jsonl")
    read -r w2 c2 < <(timed "$out/base.jsonl" "$java" -cp "$(cat "$base/classpath")" LibraryScan "$load/policy.json" "$load/posts.jsonl")
  else
    read -r w2 c2 < <(timed "$out/base.jsonl" "$java" -cp "$(cat "$base/classpath")" LibraryScan "$load/policy.json" "$load/posts.jsonl")
    read -r w1 c1 < <(timed "$out/ours.jsonl" "$java" -jar "$jar" check --policy "$load/policy.json" --input "$load/posts.jsonl")
  fi
  ow+=("$w1") oc+=("$c1") bw+=("$w2") bc+=("$c2")
  printf '%-4s %10s %10s %10s %10s %8.2f %8.2f\n' "$i" "$w1" "$c1" "$w2" "$c2" \
    "$(awk -v a="$w1" -v b="$w2" 'BEGIN{print a/b}')" "$(awk -v a="$c1" -v b="$c2" 'BEGIN{print a/b}')"
  if [[ -f $out/first.jsonl ]]; then
    cmp -s "$out/first.jsonl" "$out/ours.jsonl" || { echo "the output of run $i differs from run 1" >&2; exit 1; }
  else
    mv "$out/ours.jsonl" "$out/first.jsonl"
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mow=$(median "${ow[@]}") moc=$(median "${oc[@]}") mbw=$(median "${bw[@]}") mbc=$(median "${bc[@]}")
echo "median: ours wall ${mow} s, CPU ${moc} s; baseline wall ${mbw} s, CPU ${mbc} s"
echo "ratio ours/baseline: wall $(awk -v a="$mow" -v b="$mbw" 'BEGIN{printf "%.2f", a/b}'), CPU $(awk -v a="$moc" -v b="$mbc" 'BEGIN{printf "%.2f", a/b}')   (goal: wall <= 0.50, CPU <= 1.00)"
echo "output: $(wc -l < "$out/first.jsonl") lines, sha256 $(sha256sum < "$out/first.jsonl" | cut -c1-16); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
