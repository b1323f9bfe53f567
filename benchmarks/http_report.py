#!/usr/bin/env python3
"""Turns the real-HTTP benchmark's JSON (HttpBenchmark) into a Markdown section.

Usage: http_report.py --results http-full.json --out FILE [--section] [--source-state "..."]

Every figure of a mode is a ratio to `untraced` in the same pass, then averaged over the passes,
with the spread (lowest to highest pass) beside it. With --section the text goes between the
markers <!-- http:begin --> and <!-- http:end --> of FILE (appended at its end when they are
absent; the rest of FILE is left as it is); without, FILE holds the section alone.
"""
import argparse
import json
import os
import sys

BEGIN = "<!-- http:begin -->"
END = "<!-- http:end -->"


def mean(xs):
    return sum(xs) / len(xs)


def fmt_ratio(xs):
    if not xs:
        return "—"
    if len(xs) == 1:
        return "%.2f×" % xs[0]
    return "%.2f× (%.2f–%.2f)" % (mean(xs), min(xs), max(xs))


def fmt_num(xs, pattern, unit=""):
    """The mean with its unit, then the lowest and highest pass: "2.5 s (2.3–2.6)"."""
    if not xs:
        return "—"
    if len(xs) == 1:
        return pattern % xs[0] + unit
    return (pattern + unit + " (" + pattern + "–" + pattern + ")") % (mean(xs), min(xs), max(xs))


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
    passes = sorted({r["pass"] for r in runs})
    by = {(r["pass"], r["mode"]): r for r in runs}

    def ok(r):
        return r is not None and "endpoints" in r

    def ratios(mode, key):
        """key(run) per pass, divided by the untraced run's of the same pass."""
        xs = []
        for p in passes:
            r, u = by.get((p, mode)), by.get((p, "untraced"))
            if ok(r) and ok(u):
                a, b = key(r), key(u)
                if a is not None and b:
                    xs.append(a / b)
        return xs

    def values(mode, key):
        return [key(by[(p, mode)]) for p in passes if ok(by.get((p, mode)))]

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
    w("Each run: startup (spawn to the first 200 of `/orders/1`); answers checked (status, body,")
    w("Request-Id relayed or generated); warm-up in slices of load on each endpoint in turn until the")
    w("JIT's compiler threads used less than %d %% of the server's CPU in the last slice of each"
      % round(data["settled_compiler_share"] * 100))
    w("endpoint (cap %d s); then each endpoint measured for %d s. Server CPU per request from"
      % (data["warmup_cap_s"], data["measure_s"]))
    w("`/proc/<pid>/stat` (utime + stime); RSS is `VmRSS` at the end. After a graceful stop the sink's")
    w("spans are compared with what the server served (its own counter): a divak mode that delivers")
    w("less than every span, or an access log short of one line per request, fails the run.")
    w("")
    w("| conditions | |")
    w("|---|---|")
    w("| machine | %s cores, %s |" % (data["cores"], cpu_model()))
    w("| Java | %s; server flags `%s` |" % (data["java"], data["jvm_flags"]))
    w("| load | `%s`, and the same on `/lines/4711` |" % data["wrk"])
    w("| warm-up | slices of %d s (`wrk` without `--latency`), cap %d s |" % (data["warmup_slice_s"], data["warmup_cap_s"]))
    w("| passes | %d, every mode once per pass; even passes in reverse order |" % data["passes"])
    w("| load average | before %s; after %s |" % (data["load_before"], data["load_after"]))
    w("| measured | %s |" % source_state)
    w("")

    w("### Untraced, absolute (mean over the passes, lowest–highest)")
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
        w("### `%s`: each mode as a ratio to untraced in the same pass" % path)
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

    w("### Startup, warm-up, memory, delivery")
    w("")
    w("| mode | startup | startup Δ untraced | warm-up | warm-up requests | RSS | spans delivered / expected | access lines |")
    w("|---|---|---|---|---|---|---|---|")
    for mode in modes:
        deltas = []
        for p in passes:
            r, u = by.get((p, mode)), by.get((p, "untraced"))
            if ok(r) and ok(u):
                deltas.append(r["startup_ms"] - u["startup_ms"])
        settled = values(mode, lambda r: r["warmup"]["settled"])
        capped = "" if all(settled) else " (%d of %d capped)" % (settled.count(False), len(settled))
        got = exp = internal = 0
        lines = lines_exp = 0
        for p in passes:
            r = by.get((p, mode))
            if ok(r):
                s = r["spans"]
                got += s["server"] + s["client"]
                exp += s["expected_server"] + s["expected_client"]
                internal += s["internal"] + s["other"]
                lines += r["access_lines"]["actual"]
                lines_exp += r["access_lines"]["expected"]
        delivery = "%d / %d" % (got, exp)
        if exp:
            delivery += " (%.1f %%)" % (100.0 * got / exp)
        if internal:
            delivery += ", %d other" % internal
        w("| %s | %s | %s | %s%s | %s | %s | %s | %d / %d |" % (
            mode, fmt_num(values(mode, lambda r: r["startup_ms"]), "%.0f", " ms"),
            "—" if mode == "untraced" else fmt_num(deltas, "%+.0f", " ms"),
            fmt_num(values(mode, lambda r: r["warmup"]["seconds"]), "%.1f", " s"), capped,
            fmt_num(values(mode, lambda r: r["warmup"]["requests"]), "%.0f"),
            fmt_num(values(mode, lambda r: r["rss_kb"] / 1024.0), "%.0f", " MB"),
            delivery, lines, lines_exp))
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
    w("Run it with `benchmarks/http.sh` (about %s; rewrites this section only) or" % "30–60 minutes, as soon as the JIT settles")
    w("`benchmarks/http.sh --smoke` (one short pass, checks only, written under")
    w("`benchmarks/target/http-results/`). Raw JSON, server logs and access logs of each run are kept")
    w("in `benchmarks/target/http-results/`.")
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
