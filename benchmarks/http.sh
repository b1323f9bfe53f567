#!/usr/bin/env bash
# The real-HTTP benchmark: the same Jersey service on Grizzly, one JVM per mode (untraced; divak
# unsampled and sampled with its defaults; divak unsampled with each default feature off in turn,
# and with logback's defaults (a file appender flushed per line) or an AsyncAppender; the
# OpenTelemetry Java agent sampled and unsampled), all up at once, loaded over loopback by wrk in
# interleaved bursts, spans sent to a sink in the driver's JVM.
#
#   benchmarks/http.sh           the full run (startup timed 3 times per mode; each server warmed up
#                                until the JIT settles, at most 90 s; then 6 rounds of a 5 s burst
#                                per endpoint and mode; 30-40 minutes): rewrites the section between
#                                <!-- http:begin --> and <!-- http:end --> of docs/BENCHMARKS.md,
#                                and nothing else of it
#   benchmarks/http.sh --smoke   short phases (about 3 minutes): the numbers mean nothing, the
#                                checks do; writes only under benchmarks/target/http-results/
#
# Further arguments go to the driver (divak.benchmarks.http.HttpBenchmark), e.g.
#   benchmarks/http.sh --smoke --modes untraced,divak-sampled      some modes only
#   benchmarks/http.sh --rounds 10                                 more rounds
# A run given any of them writes its report under benchmarks/target/http-results/ only.
#
# Every run checks, and fails (exit 1, the failed checks listed) when one does not hold: each
# mode's answers (status, body, Request-Id relayed or generated or absent), every span of a
# sampled divak mode delivered to the sink (one SERVER per request served, one CLIENT per inner
# call) and none of an unsampled mode, one access line per request when the access log is on.
# The agent's delivery is reported, not checked (its queue drops under load).
#
# Needs wrk (Debian: apt-get install wrk), Linux's /proc, python3 and the java on PATH (or
# JAVA_HOME), which runs the driver and every server JVM. The build goes to benchmarks/target
# ($DIVAK_TARGET as for run.sh). Measure on a quiet machine: the load average before and after
# is in the report.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
if [[ "${1:-}" == "--smoke" ]]; then
  mode=smoke
  shift
fi
target="${DIVAK_TARGET:-target}"
if ! command -v wrk >/dev/null; then
  echo "http.sh needs wrk: apt-get install wrk (Debian/Ubuntu)" >&2
  exit 1
fi
java_cmd=java
if [[ -n "${JAVA_HOME:-}" ]]; then java_cmd="$JAVA_HOME/bin/java"; fi

source_state="$(python3 benchmarks/report.py --print-source-state)"
mvn -B -q -ntp -Ddivak.target="$target" -pl benchmarks -am package -DskipTests

jar="benchmarks/$target/benchmarks.jar"
agent="benchmarks/$target/otel/opentelemetry-javaagent.jar"
results="benchmarks/$target/http-results"
mkdir -p "$results"
rm -rf "$results/$mode-"*
json="$results/http-$mode.json"
rm -f "$json"

status=0
smoke_flag=()
if [[ "$mode" == smoke ]]; then smoke_flag=(--smoke); fi
"$java_cmd" -cp "$jar" divak.benchmarks.http.HttpBenchmark "${smoke_flag[@]}" \
  --results "$results" --agent "$agent" "$@" || status=$?
if [[ ! -f "$json" ]]; then
  echo "http.sh: the driver wrote no results ($json)" >&2
  exit 1
fi

# The report: a failed or smoke run never reaches docs/BENCHMARKS.md.
python3 benchmarks/http_report.py --results "$json" --out "$results/http-$mode.md" \
  --source-state "$source_state"
if [[ "$mode" == full && $status -eq 0 && $# -eq 0 ]]; then
  python3 benchmarks/http_report.py --results "$json" --out docs/BENCHMARKS.md --section \
    --source-state "$source_state"
fi
sed -n '/^### `\/orders/,/^Run it/p' "$results/http-$mode.md" | sed '$d'
exit $status
