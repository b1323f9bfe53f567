#!/usr/bin/env bash
# Starts a real Zipkin and the demo with DIVAK_ZIPKIN_URL set, then opens the fan-out trace in
# Zipkin's own web UI in headless Chromium and saves docs/zipkin-trace.png.
# Needs Debian's chromium (apt-get install -y chromium). Everything runs on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${ZIPKIN_PORT:-9411}
out=${1:-docs/zipkin-trace.png}
work=$(mktemp -d)
trap 'kill $zipkin_pid 2>/dev/null || true; rm -rf "$work"' EXIT

mvn -B -q -N dependency:copy -Dartifact=io.zipkin:zipkin-server:3.5.1:jar:exec \
  -DoutputDirectory="$work" -Dmdep.stripVersion=true

QUERY_PORT=$port java -Xmx256m -jar "$work"/zipkin-server-exec.jar \
  --server.address=127.0.0.1 --logging.level.root=WARN > "$work/zipkin.log" 2>&1 &
zipkin_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null

DIVAK_ZIPKIN_URL="http://127.0.0.1:$port/api/v2" mvn -B -q -pl samples -am -DskipTests compile exec:java
sleep 2

trace=$(curl -fs "http://127.0.0.1:$port/api/v2/traces?serviceName=frontend&spanName=get%20%2Forders%2F%7Bid%7D&limit=1" \
  | grep -o '"traceId":"[0-9a-f]*"' | head -1 | cut -d'"' -f4)
[ -n "$trace" ] || { echo "no trace found in Zipkin" >&2; exit 1; }
echo "trace $trace"

mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --disable-quic --user-data-dir="$work/chrome" \
  --hide-scrollbars --window-size=1500,1000 --virtual-time-budget=15000 \
  --screenshot="$out" "http://127.0.0.1:$port/zipkin/traces/$trace" 2>/dev/null
echo "saved $out"
