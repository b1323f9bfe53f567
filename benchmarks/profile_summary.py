#!/usr/bin/env python3
"""Summarizes async-profiler's collapsed stacks (with thread names) per request served.

Usage: profile_summary.py FILE.collapsed REQUESTS INTERVAL_US

Each sample stands for INTERVAL_US of CPU. Prints the CPU per request by thread kind (as
benchmarks/http.sh splits it), then, for the request threads, the time inside frames of divak,
logback, slf4j, HK2, Jersey and Grizzly (a frame counts once per sample however deep it recurs),
and divak's heaviest methods, inclusive.
"""
import collections
import sys

KINDS = (("grizzly-http-server", "request"), ("grizzly-nio-kernel", "selector"),
         ("CompilerThread", "jit"), ("GC Thread", "gc"), ("G1 ", "gc"),
         ("divak-", "spans"), ("HttpClient-", "spans"))
LIBRARIES = ("divak/", "ch/qos/logback/", "org/slf4j/", "org/jvnet/hk2/", "org/glassfish/jersey/",
             "org/glassfish/grizzly/")


def kind(thread):
    for prefix, name in KINDS:
        if prefix in thread:
            return name
    return "other"


def main():
    path, requests, interval = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    scale = interval / max(1, requests)
    by_kind = collections.Counter()
    inside = collections.Counter()
    methods = collections.Counter()
    with open(path) as f:
        for line in f:
            stack, n = line.rstrip("\n").rsplit(" ", 1)
            n = int(n)
            frames = stack.split(";")
            k = kind(frames[0])
            by_kind[k] += n
            if k != "request":
                continue
            for lib in LIBRARIES:
                if any(fr.startswith(lib) for fr in frames[1:]):
                    inside[lib] += n
            seen = set()
            for fr in frames[1:]:
                if fr.startswith("divak/") and not fr.startswith("divak/benchmarks/") and fr not in seen:
                    seen.add(fr)
                    methods[fr] += n
    print("%d requests profiled; µs of CPU per request (inflated by the profiler: compare shares)" % requests)
    total = sum(by_kind.values())
    for k, n in by_kind.most_common():
        print("  %-9s %7.1f µs  %5.1f %%" % (k, n * scale, 100.0 * n / total))
    request = by_kind["request"] or 1
    print("request threads, inside the frames of:")
    for lib in LIBRARIES:
        print("  %-24s %7.1f µs  %5.1f %%" % (lib, inside[lib] * scale, 100.0 * inside[lib] / request))
    print("divak's heaviest methods on the request threads (inclusive):")
    for m, n in methods.most_common(15):
        print("  %7.2f µs  %s" % (n * scale, m))


if __name__ == "__main__":
    main()
