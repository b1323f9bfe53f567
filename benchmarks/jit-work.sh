#!/usr/bin/env bash
# How much JIT work each mode of the real-HTTP benchmark's server adds: one server at a time (as
# benchmarks/http.sh starts it, no span sink), the same load (5 s wrk slices on /orders and /lines
# in turn) for 60 s, and `jstat -compiler` (methods compiled, total compile time) every 10 s.
# RATIONALE.md, "The cost of a request", has what it showed.
#
#   benchmarks/jit-work.sh [REPETITIONS [MODE ...]]    default: 2 untraced divak-unsampled
#                                                      divak-unsampled-no-accesslog
#
# Needs wrk and the JDK's jstat; build benchmarks/target/benchmarks.jar first (benchmarks/http.sh
# does). Measure on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-2}
shift || true
modes=("$@")
if [[ ${#modes[@]} -eq 0 ]]; then modes=(untraced divak-unsampled divak-unsampled-no-accesslog); fi
jar=benchmarks/${DIVAK_TARGET:-target}/benchmarks.jar
java_cmd=java
if [[ -n "${JAVA_HOME:-}" ]]; then java_cmd="$JAVA_HOME/bin/java"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for rep in $(seq 1 "$reps"); do
  for mode in "${modes[@]}"; do
    dir=$work/$mode-$rep
    mkdir -p "$dir"
    "$java_cmd" -Xms512m -Xmx512m -XX:-UseDynamicNumberOfCompilerThreads \
      -Dlogback.configurationFile=logback-recommended.xml -Ddivak.bench.logDir="$dir" \
      -cp "$jar" divak.benchmarks.http.OrdersServer "$mode" http://127.0.0.1:9/none "$dir/port" \
      > "$dir/stdout" 2>&1 &
    pid=$!
    for _ in $(seq 1 150); do [[ -s $dir/port ]] && break; sleep 0.2; done
    port=$(cat "$dir/port")
    line="$mode (run $rep): after N s, methods compiled/compile time s"
    for slice in $(seq 1 12); do
      if (( slice % 2 )); then path=/orders/4711; else path=/lines/4711; fi
      wrk -t1 -c8 -d5s "http://127.0.0.1:$port$path" > /dev/null
      if (( slice % 2 == 0 )); then
        line="$line  $((slice * 5))s: $(jstat -compiler "$pid" | awk 'END { print $1 "/" $4 }')"
      fi
    done
    echo "$line"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  done
done
