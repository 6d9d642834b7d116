#!/usr/bin/env bash
# Start-up time to the sign-in window, N runs, median. Needs a display or xvfb-run.
#   dist/measure-startup.sh 7 java -jar target/byline.jar
#   dist/measure-startup.sh 7 target/dist/image/Byline/bin/Byline
# Each run starts the command with -Dbyline.startupProbe=true (through JAVA_TOOL_OPTIONS, so it works for the
# packaged launcher too) on one demo workspace in a temporary BYLINE_HOME, seeded by an untimed first run.
# Prints per run: "jvm" = ms from JVM start to the laid-out sign-in window (the probe's own clock),
# "launch" = ms from this script's exec of the command to the same moment, and the CPU seconds the process used.
set -euo pipefail
runs=$1; shift
# one X server for all runs (so its own start-up is not counted)
if [[ -z ${DISPLAY:-} ]]; then exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$runs" "$@"; fi
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
export BYLINE_HOME="$home"
# EXTRA_JAVA_OPTIONS (e.g. -Xshare:off, to compare without the class-data sharing archive) is added to each run
export PROBE_OPTS="-Dbyline.startupProbe=true ${EXTRA_JAVA_OPTIONS:-}"
probe() { JAVA_TOOL_OPTIONS="$PROBE_OPTS" "$@" 2>/dev/null; }
probe "$@" > /dev/null                                  # seeds the demo workspace (first start), not timed
jvm=() launch=()
for i in $(seq 1 "$runs"); do
  t0=$(date +%s%3N)
  out=$( { /usr/bin/time -f 'cpu=%U+%S' bash -c 'JAVA_TOOL_OPTIONS="$PROBE_OPTS" "$@"' _ "$@" 2>&1; } | grep -E 'byline.startupProbe|cpu=' | tr '\n' ' ')
  ms=$(sed -n 's/.* ms=\([0-9]*\).*/\1/p' <<<"$out"); at=$(sed -n 's/.* at=\([0-9]*\).*/\1/p' <<<"$out")
  cpu=$(sed -n 's/.*cpu=\([0-9.+]*\).*/\1/p' <<<"$out")
  jvm+=("$ms"); launch+=($((at - t0)))
  echo "run $i: jvm=${ms}ms launch=$((at - t0))ms cpu=${cpu}s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
echo "median of $runs: jvm=$(median "${jvm[@]}")ms launch=$(median "${launch[@]}")ms   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
