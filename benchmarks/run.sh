#!/usr/bin/env bash
# Builds the benchmarks module and runs every benchmark: divak beside Brave, the OpenTelemetry SDK
# and zipkin2 in one JMH run.
#
#   benchmarks/run.sh           the full run (about 10 minutes): writes docs/BENCHMARKS.md
#   benchmarks/run.sh --smoke   one short iteration of each benchmark (CI, about a minute): checks
#                               that each runs and passes its own checks; writes only under the
#                               build directory, never docs/BENCHMARKS.md
#
# Any extra arguments go to JMH, e.g. a benchmark filter: benchmarks/run.sh --smoke Propagation
#
# The build goes to <module>/target, as for any Maven build. Set DIVAK_TARGET=target-x to build
# into <module>/target-x instead (a working tree shared with other builds). Results, the JMH log
# and the reporter's counts are kept in benchmarks/$DIVAK_TARGET/results/.
#
# Measure on a quiet machine: the load average before and after the run is written into the
# report so that a reader can tell.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
if [[ "${1:-}" == "--smoke" ]]; then
  mode=smoke
  shift
fi
target="${DIVAK_TARGET:-target}"

# What is measured: the commit, and any main sources that differ from it, before the build.
source_state="$(python3 benchmarks/report.py --print-source-state)"
mvn -B -q -ntp -Ddivak.target="$target" -pl benchmarks -am package -DskipTests

jar="benchmarks/$target/benchmarks.jar"
results="benchmarks/$target/results"
mkdir -p "$results"

if [[ "$mode" == smoke ]]; then
  # One fork (so each benchmark runs as in the full run, in its own JVM), no warm-up, one 100 ms
  # iteration: the numbers mean nothing, the self-checks do.
  settings="-f 1 -wi 0 -i 1 -r 100ms -prof gc"
  out="$results/BENCHMARKS-smoke.md"
else
  settings="-f 1 -wi 5 -w 2s -i 5 -r 2s -prof gc"
  out="docs/BENCHMARKS.md"
fi
json="$results/$mode.json"
stats="$results/$mode-reporter.jsonl"
rm -f "$json" "$stats"

load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
# shellcheck disable=SC2086 # settings is a list of JMH options
java -Ddivak.bench.reporterStats="$stats" -jar "$jar" $settings -foe true \
  -rf json -rff "$json" "$@" 2>&1 | tee "$results/$mode.log"
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# The cross-check by thread CPU time (see CpuTimeCheck), one JVM per row.
cpu="$results/$mode-cpu.jsonl"
rm -f "$cpu"
if [[ "$mode" == full && $# -eq 0 ]]; then
  for group in spans propagation json request; do
    java -cp "$jar" divak.benchmarks.CpuTimeCheck "$group" "$cpu"
  done
fi

mkdir -p "$(dirname "$out")"
python3 benchmarks/report.py --results "$json" --reporter-stats "$stats" --out "$out" \
  --settings "$settings" --load-before "$load_before" --load-after "$load_after" \
  --source-state "$source_state" --cpu-check "$cpu" \
  ${1:+--allow-missing}
