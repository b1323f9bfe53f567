#!/usr/bin/env bash
# Where a mode of the real-HTTP benchmark spends its request threads' CPU: one server of MODE
# (see benchmarks/http.sh), loaded by wrk on PATH for 40 s to warm up, then profiled for 15 s by
# async-profiler (tools.profiler:async-profiler 4.1 from Maven Central, loaded into the running
# server through the attach API), and a summary per request: CPU by thread kind, the time inside
# divak's, logback's and HK2's frames, and the heaviest divak methods.
#
#   benchmarks/profile-http.sh MODE [PATH]     e.g. divak-unsampled /orders/1
#
# The profiler's signals slow the server (it serves about a third fewer requests while profiled),
# so read the figures as shares, not as costs; benchmarks/http.sh measures the costs. The raw
# collapsed stacks stay in benchmarks/target/profile/MODE.collapsed (flame-graph input).
# Needs wrk, Linux, python3; builds benchmarks.jar when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:?usage: benchmarks/profile-http.sh MODE [PATH]}"
path="${2:-/orders/1}"
target="${DIVAK_TARGET:-target}"
out="benchmarks/$target/profile"
jar="benchmarks/$target/benchmarks.jar"
mkdir -p "$out"
[[ -f "$jar" ]] || mvn -B -q -ntp -Ddivak.target="$target" -pl benchmarks -am package -DskipTests

ap_jar="$HOME/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1.jar"
[[ -f "$ap_jar" ]] || mvn -B -q -ntp dependency:get -Dartifact=tools.profiler:async-profiler:4.1 >/dev/null
lib="$out/libasyncProfiler.so"
unzip -p "$ap_jar" linux-x64/libasyncProfiler.so > "$lib"
javac -d "$out" benchmarks/src/profile/Attach.java

dir="$out/$mode"
rm -rf "$dir"; mkdir -p "$dir"
java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Xms512m -Xmx512m \
  -XX:-UseDynamicNumberOfCompilerThreads -Dlogback.configurationFile=logback-recommended.xml \
  -Ddivak.bench.logDir="$dir" -cp "$jar" divak.benchmarks.http.OrdersServer "$mode" \
  http://127.0.0.1:9/nowhere "$dir/port" > "$dir/stdout.txt" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do [[ -s "$dir/port" ]] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$dir/port")$path"
wrk -t1 -c8 -d40s "$url" > /dev/null
java -cp "$out" Attach "$server" "$PWD/$lib" "start,event=cpu,interval=1ms,threads"
wrk -t1 -c8 -d15s "$url" > "$dir/wrk.txt"
java -cp "$out" Attach "$server" "$PWD/$lib" "stop,file=$PWD/$out/$mode.collapsed,collapsed,threads"
requests=$(grep -oP '\d+(?= requests in)' "$dir/wrk.txt")
python3 benchmarks/profile_summary.py "$out/$mode.collapsed" "$requests" 1000
