#!/usr/bin/env python3
"""Turns a JMH JSON result (run with -prof gc) into docs/BENCHMARKS.md.

Usage: report.py --results results.json --out BENCHMARKS.md [--reporter-stats stats.jsonl] [--allow-missing]
                 [--load-before "..."] [--load-after "..."] [--settings "..."] [--pom pom.xml]

Every row of the issue's table gets a table: each library's score +- error, B/op
(gc.alloc.rate.norm), the ratio against the peer or baseline the target names, and PASS or
MISS against the target. A verdict uses the point estimates; the error columns say how much
to trust them. Exits 2 when a benchmark the table needs is missing from the results.
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# B/op of the objects a propagation round trip cannot avoid, on a 64-bit HotSpot JVM with
# compressed oops and class pointers (12-byte headers, 8-byte alignment): the extracted
# TraceContext (4 longs, an int, 3 references: 64 B) and each header String that inject writes
# (24 B String + a Latin-1 byte[] of 16 B header + 1 B per char, rounded up to 8).
def string_bytes(chars):
    return 24 + ((16 + chars + 7) // 8) * 8

CONTEXT_BYTES = 64
PROPAGATION_BUDGET = {
    # traceparent (55 chars); tracestate is passed through, not copied
    "w3c": CONTEXT_BYTES + string_bytes(55),
    "w3cTracestate": CONTEXT_BYTES + string_bytes(55),
    # X-B3-TraceId (32), X-B3-SpanId (16); X-B3-Sampled is the constant "1"
    "b3Multi": CONTEXT_BYTES + string_bytes(32) + string_bytes(16),
    # a child: the extracted context and the child's; B3 also writes X-B3-ParentSpanId
    "w3cChild": 2 * CONTEXT_BYTES + string_bytes(55),
    "b3MultiChild": 2 * CONTEXT_BYTES + string_bytes(32) + 2 * string_bytes(16),
}
ZERO_BYTES = 1.0  # gc.alloc.rate.norm below this is "0 B/op" (JMH's own noise is ~0.01 B/op)


def load(path):
    with open(path) as f:
        results = json.load(f)
    by_key = {}
    for r in results:
        name = ".".join(r["benchmark"].split(".")[-2:])  # Class.method
        params = r.get("params") or {}
        key = name + "".join("[%s=%s]" % kv for kv in sorted(params.items()))
        by_key[key] = r
    return results, by_key


class Missing(Exception):
    pass


def get(by_key, key):
    if key not in by_key:
        raise Missing(key)
    r = by_key[key]
    pm = r["primaryMetric"]
    alloc = (r.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
    return {
        "score": pm["score"],
        "error": pm.get("scoreError"),
        "unit": pm["scoreUnit"],
        "bytes": alloc["score"] if alloc else None,
    }


def num(x, digits=None):
    if isinstance(x, str):  # JMH writes "NaN" for the error of a single iteration
        try:
            x = float(x)
        except ValueError:
            return x
    if x is None or x != x:  # None or NaN
        return "n/a"
    if digits is None:
        digits = 1 if abs(x) >= 10 else 2
    if abs(x) >= 10000:
        return "{:,.0f}".format(x)
    return "{:,.{}f}".format(x, digits)


def score(m):
    return "%s ± %s %s" % (num(m["score"]), num(m["error"]), m["unit"])


def bytes_op(m):
    return "n/a" if m["bytes"] is None else num(m["bytes"], 0 if m["bytes"] >= 10 else 1)


def verdict(ok):
    return "**PASS**" if ok else "**MISS**"


def pom_versions(pom):
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ET.parse(pom).getroot()
    props = {p.tag.split("}")[1]: (p.text or "").strip() for p in root.find("m:properties", ns)}
    props["project.version"] = root.find("m:version", ns).text.strip()
    return props


def git_state():
    """The commit measured, and the main sources of the modules the benchmarks build that
    differed from it, if any."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    try:
        head = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        modules = ("divak-annotations", "divak-processor", "divak-runtime", "divak-jaxrs", "benchmarks")
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--"]
                               + ["%s/src/main" % m for m in modules],
                               capture_output=True, text=True, check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"
    dirty = [line[3:] for line in dirty if line.strip()]
    if not dirty:
        return "commit `%s`" % head
    return "commit `%s` plus uncommitted changes to %d main source files (%s)" % (
        head, len(dirty), ", ".join("`%s`" % d for d in dirty[:8]) + (", ..." if len(dirty) > 8 else ""))


HTTP_BEGIN = "<!-- http:begin -->"
HTTP_END = "<!-- http:end -->"


def http_section(path):
    """The real-HTTP section of an existing report (benchmarks/http.sh writes it between the two
    markers), kept as it is when this report rewrites the file; "" when there is none."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return ""
    begin = text.find(HTTP_BEGIN)
    end = text.find(HTTP_END, begin)
    if begin < 0 or end < 0:
        return ""
    return text[begin:end + len(HTTP_END)]


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results")
    ap.add_argument("--out")
    ap.add_argument("--reporter-stats")
    ap.add_argument("--load-before", default="not recorded")
    ap.add_argument("--load-after", default="not recorded")
    ap.add_argument("--settings", default="")
    ap.add_argument("--pom", default=os.path.join(os.path.dirname(__file__), "..", "pom.xml"))
    ap.add_argument("--title", default="Benchmarks")
    ap.add_argument("--source-state", help="the commit measured, as --print-source-state gave it"
                    " before the build (default: the working tree now)")
    ap.add_argument("--print-source-state", action="store_true",
                    help="print the commit and any uncommitted main sources, and exit")
    ap.add_argument("--cpu-check", help="CpuTimeCheck's JSON lines: thread CPU time per op")
    ap.add_argument("--allow-missing", action="store_true",
                    help="a filtered run: do not fail for benchmarks it did not run")
    args = ap.parse_args()
    if args.print_source_state:
        print(git_state())
        return 0
    if not args.results or not args.out:
        ap.error("--results and --out are required")

    results, by_key = load(args.results)
    if not results:
        print("no results in " + args.results, file=sys.stderr)
        return 2
    first = results[0]
    versions = pom_versions(args.pom)
    out = []
    w = out.append
    summary = []

    w("# " + args.title)
    w("")
    w("Generated by `benchmarks/run.sh` from the JMH results; do not edit by hand, run it again.")
    w("divak and its peers ran in the same JMH run, on the same machine, one after the other.")
    w("")
    w("| | |")
    w("|---|---|")
    w("| date | %s |" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    w("| machine | `nproc` = %s, %s |" % (os.cpu_count(), cpu_model()))
    w("| load average (1, 5, 15 min) | before: %s; after: %s |" % (args.load_before, args.load_after))
    w("| JVM | %s %s (%s) |" % (first.get("vmName", "?"), first.get("vmVersion", "?"), first.get("jdkVersion", "?")))
    w("| JMH | %s, `%s` |" % (first.get("jmhVersion", "?"), args.settings or "?"))
    w("| divak | %s, %s |" % (versions.get("project.version", "?"), args.source_state or git_state()))
    w("| Brave | %s |" % versions.get("brave.version", "?"))
    w("| OpenTelemetry SDK | %s (with opentelemetry-extension-trace-propagators) |" % versions.get("opentelemetry.version", "?"))
    w("| zipkin2 | %s |" % versions.get("zipkin.version", "?"))
    w("| Jersey | %s |" % versions.get("jersey.version", "?"))
    w("")
    w("Scores are JMH point estimates ± the 99.9% confidence half-interval; B/op is `gc.alloc.rate.norm`")
    w("from `-prof gc`. A verdict compares point estimates; on a loaded machine the errors are wide.")
    w("")

    def table(title, intro, rows, headers):
        w("## " + title)
        w("")
        for line in intro:
            w(line)
        w("")
        w("| " + " | ".join(headers) + " |")
        w("|" + "|".join("---" for _ in headers) + "|")
        for row in rows:
            w("| " + " | ".join(row) + " |")
        w("")

    missing = []

    # Row 1 and 2: spans.
    try:
        d = get(by_key, "SpanBenchmarks.divak[sampled=true]")
        b = get(by_key, "SpanBenchmarks.brave[sampled=true]")
        o = get(by_key, "SpanBenchmarks.otel[sampled=true]")
        fastest = min(b["score"], o["score"])
        ratio = d["score"] / fastest
        fewer = d["bytes"] is not None and d["bytes"] < min(b["bytes"], o["bytes"])
        ok = ratio <= 0.5 and fewer
        rows = []
        for lib, m in (("divak", d), ("Brave", b), ("OpenTelemetry", o)):
            rows.append([lib, score(m), bytes_op(m), "%.2f×" % (m["score"] / fastest)])
        table("1. Child span of a remote parent, sampled",
              ["Start a SERVER span as the child of a remote parent, tag it twice, finish it, hand",
               "it to a reporter that only counts (`SpanBenchmarks`, `sampled=true`).",
               "Target: ≤ 0.5× the faster peer's ns/op, and fewer B/op than both. "
               "Result: %.2f× the faster peer, %s vs %s / %s B/op: %s."
               % (ratio, bytes_op(d), bytes_op(b), bytes_op(o), verdict(ok))],
              rows, ["library", "time", "B/op", "× the faster peer"])
        summary.append(["1", "sampled child span", "≤ 0.5× faster peer, fewer B/op",
                        "%.2f×, %s B/op (peers %s, %s)" % (ratio, bytes_op(d), bytes_op(b), bytes_op(o)), verdict(ok)])
    except Missing as e:
        missing.append(str(e))

    try:
        d = get(by_key, "SpanBenchmarks.divak[sampled=false]")
        b = get(by_key, "SpanBenchmarks.brave[sampled=false]")
        o = get(by_key, "SpanBenchmarks.otel[sampled=false]")
        ok = d["score"] <= 10 and d["bytes"] is not None and d["bytes"] < ZERO_BYTES
        rows = []
        for lib, m in (("divak", d), ("Brave", b), ("OpenTelemetry", o)):
            rows.append([lib, score(m), bytes_op(m), "%.2f×" % (m["score"] / 10.0)])
        table("2. The same span, unsampled",
              ["The parent says \"not sampled\"; Brave's sampler is `NEVER_SAMPLE`, OpenTelemetry's",
               "`alwaysOff`, divak's `Sampler.never()` (`SpanBenchmarks`, `sampled=false`).",
               "Target: ≤ 10 ns/op and 0 B/op (below %.0f B/op counts as 0). Result: %s ns, %s B/op: %s."
               % (ZERO_BYTES, num(d["score"]), bytes_op(d), verdict(ok))],
              rows, ["library", "time", "B/op", "× the 10 ns target"])
        summary.append(["2", "unsampled child span", "≤ 10 ns, 0 B/op",
                        "%s ns, %s B/op" % (num(d["score"]), bytes_op(d)), verdict(ok)])
    except Missing as e:
        missing.append(str(e))

    # Row 3: propagation.
    rows = []
    intro = ["Extract the context from incoming headers, inject it onto outgoing ones",
             "(`PropagationBenchmarks`). Every library reads and writes a `HashMap<String, String>`",
             "with a plain `get` / `put`; the outgoing map is reused, so B/op is what the library",
             "allocates. Target: ≤ 0.75× the faster peer, and no allocation beyond the extracted",
             "context and the header strings (the budget column: a 64 B `TraceContext` and each",
             "written header `String` with its byte array)."]
    verdicts = []
    for fmt, title, peers in (("w3c", "W3C traceparent", (("OpenTelemetry", "otel"),)),
                              ("w3cTracestate", "W3C traceparent + tracestate", (("OpenTelemetry", "otel"),)),
                              ("b3Multi", "B3 multi", (("OpenTelemetry", "otel"), ("Brave", "brave"))),
                              ("w3cChild", "W3C, inject a child", (("OpenTelemetry", "otel"),)),
                              ("b3MultiChild", "B3 multi, inject a child",
                               (("OpenTelemetry", "otel"), ("Brave", "brave")))):
        try:
            d = get(by_key, "PropagationBenchmarks.divak_" + fmt)
            ms = [(lib, get(by_key, "PropagationBenchmarks.%s_%s" % (key, fmt))) for lib, key in peers]
        except Missing as e:
            missing.append(str(e))
            continue
        fastest = min(m["score"] for _, m in ms)
        ratio = d["score"] / fastest
        budget = PROPAGATION_BUDGET[fmt]
        ok = ratio <= 0.75 and d["bytes"] is not None and d["bytes"] <= budget + ZERO_BYTES
        verdicts.append(ok)
        rows.append([title, "divak", score(d), bytes_op(d), str(budget), "%.2f×" % ratio, verdict(ok)])
        for lib, m in ms:
            rows.append([title, lib, score(m), bytes_op(m), "", "%.2f×" % (m["score"] / fastest), ""])
        summary.append(["3", "extract + inject, " + title, "≤ 0.75× faster peer, B/op ≤ %d" % budget,
                        "%.2f×, %s B/op" % (ratio, bytes_op(d)), verdict(ok)])
    if rows:
        table("3. Extract + inject", intro, rows,
              ["format", "library", "time", "B/op", "budget B/op", "× the faster peer", "target"])

    # Row 4: Zipkin JSON.
    try:
        d = get(by_key, "ZipkinJsonBenchmarks.divak")
        z = get(by_key, "ZipkinJsonBenchmarks.zipkin2")
        speedup = z["score"] / d["score"]
        ok = speedup >= 1.5
        table("4. Zipkin v2 JSON, one SERVER span with 4 tags",
              ["divak's `ZipkinJson.encode` against zipkin2's `SpanBytesEncoder.JSON_V2` for the same",
               "span (`ZipkinJsonBenchmarks`); `@Setup` decodes divak's bytes with",
               "`SpanBytesDecoder.JSON_V2` and requires zipkin2's span. Target: ≥ 1.5× zipkin2's",
               "throughput. Result: %.2f×: %s." % (speedup, verdict(ok))],
              [["divak", score(d), bytes_op(d), "%.2f×" % speedup],
               ["zipkin2", score(z), bytes_op(z), "1.00×"]],
              ["library", "time", "B/op", "throughput × zipkin2"])
        summary.append(["4", "Zipkin v2 JSON encoding", "≥ 1.5× zipkin2's throughput",
                        "%.2f×, %s B/op (zipkin2 %s)" % (speedup, bytes_op(d), bytes_op(z)), verdict(ok)])
    except Missing as e:
        missing.append(str(e))

    # Row 5: a request through Jersey.
    try:
        u = get(by_key, "RequestBenchmarks.untraced")
        s = get(by_key, "RequestBenchmarks.divakSampled")
        n = get(by_key, "RequestBenchmarks.divakUnsampled")
        rs = s["score"] / u["score"]
        rn = n["score"] / u["score"]
        ok_s = rs <= 1.15
        ok_n = rn <= 1.03
        table("5. One GET through Jersey's ApplicationHandler",
              ["`ApplicationHandler.apply` of an in-process `ContainerRequest` for a resource compiled",
               "with the divak processor (`RequestBenchmarks`): without divak, with `DivakFeature`",
               "and the generated `DivakResources` sampled, and unsampled, with divak's defaults on: a",
               "Request-Id generated (none sent), the MDC, the request metrics, and the access line",
               "written through logback as the README recommends (a `FileAppender` without a flush per line).",
               "Targets: sampled ≤ 1.15×, unsampled ≤ 1.03× the untraced request."],
              [["untraced", score(u), bytes_op(u), "1.00×", ""],
               ["divak, sampled", score(s), bytes_op(s), "%.2f×" % rs, verdict(ok_s)],
               ["divak, unsampled", score(n), bytes_op(n), "%.2f×" % rn, verdict(ok_n)]],
              ["request", "time", "B/op", "× untraced", "target"])
        summary.append(["5", "Jersey GET, sampled", "≤ 1.15× untraced", "%.2f×" % rs, verdict(ok_s)])
        summary.append(["5", "Jersey GET, unsampled", "≤ 1.03× untraced", "%.2f×" % rn, verdict(ok_n)])
    except Missing as e:
        missing.append(str(e))

    # Row 6: reporter throughput.
    try:
        r = get(by_key, "ReporterBenchmarks.divak")
        stats = []
        if args.reporter_stats and os.path.exists(args.reporter_stats):
            with open(args.reporter_stats) as f:
                stats = [json.loads(line) for line in f if line.strip()]
        measured = [x for x in stats if x.get("measurement")]
        dropped = sum(x["dropped"] for x in stats)
        failed = sum(x["failed"] for x in stats)
        received = sum(x["received"] for x in measured)
        seconds = sum(x["secondsUntilFlushed"] for x in measured)
        sink_rate = received / seconds if seconds else float("nan")
        ok = r["score"] >= 500000 and dropped == 0 and failed == 0 and bool(stats)
        table("6. Reporter throughput",
              ["`ZipkinReporter.report` from 2 producer threads (`@Threads(2)`), encoding each span",
               "and POSTing batches to a loopback collector on 127.0.0.1 that reads, counts and",
               "discards the body and answers 202 (`ReporterBenchmarks`). A producer pauses while the",
               "queue is ¾ full, so the score counts only spans queued, never dropped ones; after each",
               "iteration the reporter is flushed and the collector must have received exactly what",
               "the reporter counts as reported. Target: ≥ 500,000 spans/s with 0 drops below the",
               "queue's capacity (10,000 spans, 4 MiB). Result: %s: %s." % (
                   "%s spans/s, %d dropped, %d failed" % (num(r["score"]), dropped, failed), verdict(ok))],
              [["divak `ZipkinReporter`", score(r).replace("ops/s", "spans/s"), bytes_op(r),
                "%s spans in %d measured iterations; %s spans/s counted at the collector, flush included"
                % ("{:,}".format(received), len(measured), num(sink_rate)),
                "%d / %d" % (dropped, failed)]],
              ["reporter", "throughput", "B/span", "at the collector", "dropped / failed"])
        summary.append(["6", "reporter throughput", "≥ 500,000 spans/s, 0 dropped",
                        "%s spans/s, %d dropped" % (num(r["score"]), dropped), verdict(ok)])
    except Missing as e:
        missing.append(str(e))

    # Benchmarks in the run that no row of the table covers (added for other issues).
    covered = ("SpanBenchmarks.", "PropagationBenchmarks.", "ZipkinJsonBenchmarks.",
               "RequestBenchmarks.", "ReporterBenchmarks.")
    others = sorted(k for k in by_key if not k.startswith(covered))
    if others:
        table("Other benchmarks in this run", ["Measured in the same run; no target in the table above."],
              [["`%s`" % k, score(get(by_key, k)), bytes_op(get(by_key, k))] for k in others],
              ["benchmark", "score", "B/op"])

    cpu = {}
    if args.cpu_check and os.path.exists(args.cpu_check):
        with open(args.cpu_check) as f:
            for line in f:
                if line.strip():
                    x = json.loads(line)
                    cpu[x["benchmark"]] = x["cpuNsPerOp"]
    if cpu:
        checks = []

        def ratio_row(row, what, target, divak_key, peer_keys, limit, inverse=False):
            if divak_key not in cpu or not all(k in cpu for k in peer_keys):
                return
            base = min(cpu[k] for k in peer_keys)
            r = cpu[divak_key] / base
            shown = 1 / r if inverse else r
            ok = shown >= limit if inverse else shown <= limit
            checks.append([row, what, target, "%s ns vs %s ns" % (num(cpu[divak_key]), num(base)),
                           "%.2f×" % shown, verdict(ok)])

        ratio_row("1", "sampled child span", "≤ 0.5× faster peer",
                  "SpanBenchmarks.divak[sampled=true]",
                  ["SpanBenchmarks.brave[sampled=true]", "SpanBenchmarks.otel[sampled=true]"], 0.5)
        if "SpanBenchmarks.divak[sampled=false]" in cpu:
            t = cpu["SpanBenchmarks.divak[sampled=false]"]
            checks.append(["2", "unsampled child span", "≤ 10 ns", "%s ns" % num(t), "%.2f×" % (t / 10),
                           verdict(t <= 10)])
        for fmt, title, peers in (("w3c", "W3C traceparent", ("otel",)),
                                  ("w3cTracestate", "W3C + tracestate", ("otel",)),
                                  ("b3Multi", "B3 multi", ("otel", "brave")),
                                  ("w3cChild", "W3C, inject a child", ("otel",)),
                                  ("b3MultiChild", "B3 multi, inject a child", ("otel", "brave"))):
            ratio_row("3", "extract + inject, " + title, "≤ 0.75× faster peer",
                      "PropagationBenchmarks.divak_" + fmt,
                      ["PropagationBenchmarks.%s_%s" % (p, fmt) for p in peers], 0.75)
        ratio_row("4", "Zipkin v2 JSON", "≥ 1.5× zipkin2's throughput", "ZipkinJsonBenchmarks.divak",
                  ["ZipkinJsonBenchmarks.zipkin2"], 1.5, inverse=True)
        ratio_row("5", "Jersey GET, sampled", "≤ 1.15× untraced", "RequestBenchmarks.divakSampled",
                  ["RequestBenchmarks.untraced"], 1.15)
        ratio_row("5", "Jersey GET, unsampled", "≤ 1.03× untraced", "RequestBenchmarks.divakUnsampled",
                  ["RequestBenchmarks.untraced"], 1.03)
        table("Cross-check: thread CPU time",
              ["On a shared machine a benchmark's wall-clock time includes the time its thread waited",
               "for a CPU, so the JMH ratios above move with the load. `CpuTimeCheck` runs the same",
               "benchmark bodies (the same states and self-checks) and times them by the calling",
               "thread's CPU time, which that wait does not inflate: the libraries of one row in one",
               "JVM, in alternating rounds, the fastest of 15 rounds after 10 of warm-up. Single-threaded",
               "rows only (row 6 is measured at the collector)."],
              checks, ["row", "benchmark", "target", "divak vs baseline (CPU)", "ratio", "by CPU time"])

    w("## How to run")
    w("")
    w("```")
    w("benchmarks/run.sh              # the full run; rewrites this file (about 10 minutes)")
    w("benchmarks/run.sh --smoke      # one short iteration of each, as CI runs it")
    w("benchmarks/run.sh --smoke Span # any further arguments go to JMH, e.g. a filter")
    w("```")
    w("")
    w("The build goes to `<module>/target` (`DIVAK_TARGET=target-x` for another directory); the JMH")
    w("JSON, its log and the reporter's per-iteration counts are kept in `benchmarks/target/results/`.")
    w("Each benchmark checks its own result in `@Setup`/`@TearDown` and fails the run when it is")
    w("wrong: spans really reported (or, unsampled, not), headers really round-tripped, divak's JSON")
    w("decoded by zipkin2 to the same span, the collector given exactly the spans counted as sent.")
    w("The same constants (span name, two string tags, trace and span ids, header values) serve every")
    w("library; see `Workload.java`.")
    w("")

    # The summary goes first, after the header table.
    head_end = out.index("") if "" in out else len(out)
    sums = ["## Summary", "",
            "| row | benchmark | target | divak | verdict |", "|---|---|---|---|---|"]
    sums += ["| " + " | ".join(row) + " |" for row in summary]
    if args.cpu_check and os.path.exists(args.cpu_check) and os.path.getsize(args.cpu_check):
        sums += ["", "Wall-clock ratios move with the machine's load; the thread CPU time cross-check"
                 " (section \"Cross-check: thread CPU time\") is the steadier figure for rows 1 to 5."]
    if missing:
        sums += ["", "Not in these results: " + ", ".join("`%s`" % m for m in missing) + "."]
    sums.append("")
    insert_at = out.index("from `-prof gc`. A verdict compares point estimates; on a loaded machine the errors are wide.") + 2
    out[insert_at:insert_at] = sums

    text = "\n".join(out).rstrip() + "\n"
    kept = http_section(args.out)
    if kept:
        text += "\n" + kept + "\n"
    with open(args.out, "w") as f:
        f.write(text)
    print("wrote %s: %s" % (args.out, "; ".join("%s %s" % (row[1], row[4].strip("*")) for row in summary)))
    if missing:
        print("missing benchmarks: " + ", ".join(missing), file=sys.stderr)
        return 0 if args.allow_missing else 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
