#!/usr/bin/env python3
"""Turns the real-HTTP benchmark's JSON (HttpBenchmark) into a Markdown section.

Usage: http_report.py --results http-full.json --out FILE [--section] [--source-state "..."]

Every figure of a mode is a ratio to `untraced` in the same round (bursts seconds apart), then
the median over the rounds, with the spread (lowest to highest round) beside it. With --section the text goes between the
markers <!-- http:begin --> and <!-- http:end --> of FILE (appended at its end when they are
absent; the rest of FILE is left as it is); without, FILE holds the section alone.
"""
import argparse
import json
import os
import sys

BEGIN = "<!-- http:begin -->"
END = "<!-- http:end -->"


def median(xs):
    ys = sorted(xs)
    n = len(ys)
    return ys[n // 2] if n % 2 else (ys[n // 2 - 1] + ys[n // 2]) / 2


def fmt_ratio(xs):
    if not xs:
        return "—"
    if len(xs) == 1:
        return "%.2f×" % xs[0]
    return "%.2f× (%.2f–%.2f)" % (median(xs), min(xs), max(xs))


def fmt_num(xs, pattern, unit=""):
    """The median with its unit, then the lowest and highest: "2.5 s (2.3–2.6)"."""
    if not xs:
        return "—"
    if len(xs) == 1:
        return pattern % xs[0] + unit
    return (pattern + unit + " (" + pattern + "–" + pattern + ")") % (median(xs), min(xs), max(xs))


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def section(data, source_state):
    runs = data["runs"]
    modes = []
    for r in runs:
        if r["mode"] not in modes:
            modes.append(r["mode"])
    rounds = sorted({r["round"] for r in runs})
    by = {(r["round"], r["mode"]): r for r in runs}

    def ok(r):
        return r is not None and "endpoints" in r

    def ratios(mode, key):
        """key(burst) per round, divided by the untraced burst's of the same round."""
        xs = []
        for p in rounds:
            r, u = by.get((p, mode)), by.get((p, "untraced"))
            if ok(r) and ok(u):
                a, b = key(r), key(u)
                if a is not None and b:
                    xs.append(a / b)
        return xs

    def values(mode, key):
        return [key(by[(p, mode)]) for p in rounds if ok(by.get((p, mode)))]

    out = []
    w = out.append
    w(BEGIN)
    w("## Real HTTP: the service as users run it (`benchmarks/http.sh`)")
    w("")
    w("One Jersey %s service on Grizzly, its own JVM per mode, on 127.0.0.1: `GET /orders/{id}` answers"
      % "3.1.11")
    w("a small JSON body; `GET /lines/{id}` fetches `/orders/{id}` from the same service through a")
    w("Jersey `Client` (traced in the divak modes) and wraps it. Logging to files through logback:")
    w("`logback-recommended.xml` (README's setup: a synchronous `FileAppender` with `immediateFlush`")
    w("false) in every mode but `divak-unsampled-syncfile` (`logback-sync.xml`: logback's defaults, a")
    w("`FileAppender` that flushes each line) and `divak-unsampled-asyncfile` (`logback-async.xml`: an")
    w("`AsyncAppender`, `discardingThreshold` 0, in front of the buffered `FileAppender`). divak modes: `DivakFeature` with its defaults (access log,")
    w("Request-Id generation, MDC, metrics), the generated `DivakResources`, spans as Zipkin v2 JSON;")
    w("`-no-*` turns one default off. `otel-*`: the untraced service with the OpenTelemetry Java agent")
    w("2.22.0 (OTLP http/protobuf, `always_on`/`always_off`, metrics and logs exporters off). Spans go")
    w("to a sink in the driver's JVM on loopback, which counts them by kind.")
    w("")
    w("Each mode: startup timed %d times (spawn to the first 200 of `/orders/1`, a server started"
      % data["startups"])
    w("for that alone, modes in turn); then one server per mode, all up at once: answers checked")
    w("(status, body, Request-Id relayed or generated), warm-up in slices of load on each endpoint in")
    w("turn until the JIT's compiler threads used less than %d %% of the server's CPU in the last slice"
      % round(data["settled_compiler_share"] * 100))
    w("of each endpoint (cap %d s). Then %d rounds: in each, every mode gets a %d s burst on each"
      % (data["warmup_cap_s"], data["rounds"], data["measure_s"]))
    w("endpoint (%d ms apart; the order of the modes turns by one each round), so each mode is"
      % data["gap_ms"])
    w("compared with untraced seconds apart, not minutes: on this VM throughput drifts by 10–40 %")
    w("over minutes. Ratios are per round, then the median over the rounds (lowest–highest round).")
    w("Server CPU per request from `/proc/<pid>/stat` (utime + stime), split by thread from")
    w("`/proc/<pid>/task/*/stat`; RSS is `VmRSS` at the end. After a graceful stop the sink's spans")
    w("are compared with what the server served (its own counter): a divak mode that delivers less")
    w("than every span, or an access log short of one line per request, fails the run.")
    w("")
    w("| conditions | |")
    w("|---|---|")
    w("| machine | %s cores, %s |" % (data["cores"], cpu_model()))
    w("| Java | %s; server flags `%s` |" % (data["java"], data["jvm_flags"]))
    w("| load | `%s`, and the same on `/lines/4711` |" % data["wrk"])
    w("| warm-up | slices of %d s (`wrk` without `--latency`), cap %d s |" % (data["warmup_slice_s"], data["warmup_cap_s"]))
    w("| rounds | %d × (a %d s burst per endpoint per mode), all servers up |" % (data["rounds"], data["measure_s"]))
    w("| load average | before %s; after %s |" % (data["load_before"], data["load_after"]))
    w("| measured | %s |" % source_state)
    w("")

    w("### Untraced, absolute (median over the rounds, lowest–highest)")
    w("")
    w("| endpoint | requests/s | p50 | p99 | server CPU / request |")
    w("|---|---|---|---|---|")
    for ep, path in (("orders", "/orders/{id}"), ("lines", "/lines/{id}")):
        def v(k, ep=ep):
            return values("untraced", lambda r: r["endpoints"][ep][k])
        w("| `%s` | %s | %s | %s | %s |" % (
            path, fmt_num(v("requests_per_second"), "%.0f"), fmt_num(v("p50_us"), "%.0f", " µs"),
            fmt_num(v("p99_us"), "%.0f", " µs"), fmt_num(v("cpu_us_per_request"), "%.1f", " µs")))
    w("")

    for ep, path in (("orders", "/orders/{id}"), ("lines", "/lines/{id}")):
        w("### `%s`: each mode as a ratio to untraced in the same round" % path)
        w("")
        w("| mode | throughput × | server CPU / request × | p50 × | p99 × |")
        w("|---|---|---|---|---|")
        for mode in modes:
            if mode == "untraced":
                continue
            def k(name, ep=ep):
                return lambda r: r["endpoints"][ep][name]
            w("| %s | %s | %s | %s | %s |" % (
                mode, fmt_ratio(ratios(mode, k("requests_per_second"))),
                fmt_ratio(ratios(mode, k("cpu_us_per_request"))),
                fmt_ratio(ratios(mode, k("p50_us"))), fmt_ratio(ratios(mode, k("p99_us")))))
        w("")

    kinds = ["request", "selector", "jit", "gc", "spans", "other", "ended"]
    for ep, path in (("orders", "/orders/{id}"), ("lines", "/lines/{id}")):
        w("### `%s`: who spends the server's CPU, µs per request (median over the rounds)" % path)
        w("")
        w("| mode | " + " | ".join(kinds) + " | server | driver (sink) |")
        w("|---|" + "---|" * (len(kinds) + 2))
        for mode in modes:
            def by_kind(kind, ep=ep):
                return values(mode, lambda r: r["endpoints"][ep].get(
                    "cpu_us_per_request_by_thread", {}).get(kind))
            cells = []
            for kind in kinds:
                xs = [x for x in by_kind(kind) if x is not None]
                cells.append("%.1f" % median(xs) if xs else "—")
            total = values(mode, lambda r, ep=ep: r["endpoints"][ep]["cpu_us_per_request"])
            driver = [x for x in values(mode, lambda r, ep=ep: r["endpoints"][ep].get(
                "driver_cpu_us_per_request")) if x is not None]
            w("| %s | %s | %s | %s |" % (mode, " | ".join(cells), "%.1f" % median(total) if total else "—",
                                          "%.1f" % median(driver) if driver else "—"))
        w("")
    w("`request`: Grizzly's workers (Jersey, the resource, the filters, the access line); `selector`:")
    w("Grizzly's socket threads; `jit`, `gc`; `spans`: the thread that sends spans and the HTTP client it")
    w("posts with; `ended`: threads that ended during the measurement. `driver`: the driver JVM, mostly")
    w("the span sink decoding what it receives, on the same cores.")
    w("")

    w("### Startup, warm-up, memory, delivery")
    w("")
    w("| mode | startup | startup Δ untraced | warm-up | warm-up requests | RSS | spans delivered / expected | access lines |")
    w("|---|---|---|---|---|---|---|---|")
    per_mode = {m["mode"]: m for m in data["modes"]}
    base = per_mode.get("untraced", {}).get("startup_ms") or []
    for m in data["modes"]:
        mode = m["mode"]
        startups = m.get("startup_ms") or []
        delta = "—" if mode == "untraced" or not startups or not base else "%+.0f ms" % (median(startups) - median(base))
        w_up = m.get("warmup")
        warm = "—" if not w_up else "%.1f s%s" % (w_up["seconds"], "" if w_up["settled"] else " (capped)")
        warm_req = "—" if not w_up else "%d" % w_up["requests"]
        rss = "%.0f MB" % (m["rss_kb"] / 1024.0) if "rss_kb" in m else "—"
        spans = m.get("spans")
        if spans:
            got = spans["server"] + spans["client"]
            exp = spans["expected_server"] + spans["expected_client"]
            delivery = "%d / %d" % (got, exp)
            if exp:
                delivery += " (%.1f %%)" % (100.0 * got / exp)
            if spans["internal"] + spans["other"]:
                delivery += ", %d other" % (spans["internal"] + spans["other"])
        else:
            delivery = "—"
        lines = m.get("access_lines")
        access = "%d / %d" % (lines["actual"], lines["expected"]) if lines else "—"
        w("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            mode, fmt_num(startups, "%.0f", " ms"), delta, warm, warm_req, rss, delivery, access))
    w("")
    failures = data.get("failures", [])
    if failures:
        w("**%d check(s) failed in this run:**" % len(failures))
        w("")
        for f in failures:
            w("- " + f.replace("\n", " "))
    else:
        w("Every check passed: answers, Request-Ids, every divak span delivered, one access line per request.")
    w("")
    w("Run it with `benchmarks/http.sh` (about 30–40 minutes, depending on how soon the JIT settles;")
    w("rewrites this section only) or `benchmarks/http.sh --smoke` (short phases, checks only, written under")
    w("`benchmarks/target/http-results/`). Raw JSON, server logs and access logs of each run are kept")
    w("in `benchmarks/target/http-results/`. Where one mode's request threads spend their CPU:")
    w("`benchmarks/profile-http.sh MODE [PATH]` (async-profiler in one warm server; shares per request).")
    w(END)
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--section", action="store_true",
                    help="replace the marked section of --out, keeping the rest of the file")
    ap.add_argument("--source-state", default="commit unknown")
    args = ap.parse_args()
    with open(args.results) as f:
        data = json.load(f)
    text = section(data, args.source_state)
    if args.section and os.path.exists(args.out):
        with open(args.out) as f:
            old = f.read()
        begin, end = old.find(BEGIN), old.find(END)
        if begin >= 0 and end > begin:
            text = old[:begin] + text + old[end + len(END):]
        else:
            text = old.rstrip() + "\n\n" + text + "\n"
    elif not text.endswith("\n"):
        text += "\n"
    with open(args.out, "w") as f:
        f.write(text)
    print("wrote " + args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
