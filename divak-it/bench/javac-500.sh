#!/usr/bin/env bash
# Times javac on N generated @Traced resources (default 500), without and with the divak
# processor. The modules must be compiled first, into the same output directory:
#
#   mvn -B -q -Ddivak.target=target -pl divak-processor,divak-runtime -am compile
#   divak-it/bench/javac-500.sh [count] [runs]        # DIVAK_TARGET=target by default
#
# Each resource has four traced methods with tags (String, int, boolean, enum, boxed), in
# packages of 50, so each run also writes one DivakResources per package.
#
# Against a baseline: DIVAK_BASELINE names another checkout of divak (a `git worktree add
# --detach ../before <commit>`), compiled the same way. Then the baseline's processor and this
# one compile the same sources in turn (baseline, this, baseline, this, ...), each against its own
# divak-runtime, both with the processor and with -proc:only, and the script prints each side's
# runs and median (wall and CPU milliseconds of the javac process), the ratio of the medians and
# each run's ratio to the baseline run just before it:
#
#   git worktree add --detach ../before 87f04eb
#   (cd ../before && mvn -B -q -Ddivak.target=target -pl divak-processor,divak-runtime -am compile)
#   DIVAK_BASELINE=../before divak-it/bench/javac-500.sh 500 7
#
# JAVAC picks the compiler (default: javac on the PATH). The load average is printed before and
# after: on a shared machine, compare only runs made in turn, and repeat.
set -euo pipefail

COUNT=${1:-500}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=${DIVAK_TARGET:-target}
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
JAVAC=${JAVAC:-javac}
BASELINE=${DIVAK_BASELINE:+$(cd "$DIVAK_BASELINE" && pwd)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

jar() { # the jar of group:artifact:version in the local repository
  local path="$REPO/${1//.//}/$2/$3/$2-$3.jar"
  [ -f "$path" ] || { echo "missing $path: build the modules first" >&2; exit 1; }
  echo "$path"
}
prop() { sed -n "s:.*<$2>\(.*\)</$2>.*:\1:p" "$1/pom.xml" | head -1; }

# Sets CP (what the sources compile against) and PROC (the processor path) for checkout $1.
paths() {
  local root=$1
  for m in divak-annotations divak-runtime divak-processor; do
    [ -d "$root/$m/$TARGET/classes" ] || { echo "compile $m of $root into $TARGET first" >&2; exit 1; }
  done
  CP="$root/divak-annotations/$TARGET/classes:$root/divak-runtime/$TARGET/classes"
  CP="$CP:$(jar jakarta.ws.rs jakarta.ws.rs-api "$(prop "$root" jakarta.ws.rs.version)")"
  CP="$CP:$(jar org.slf4j slf4j-api "$(prop "$root" slf4j.version)")"
  PROC="$root/divak-processor/$TARGET/classes:$root/divak-annotations/$TARGET/classes"
  PROC="$PROC:$(jar com.palantir.javapoet javapoet "$(prop "$root" javapoet.version)")"
}
paths "$ROOT"
CURRENT_CP=$CP CURRENT_PROC=$PROC
if [ -n "$BASELINE" ]; then
  paths "$BASELINE"
  BASELINE_CP=$CP BASELINE_PROC=$PROC
  CP=$CURRENT_CP PROC=$CURRENT_PROC
fi

# Generate the sources.
for ((i = 0; i < COUNT; i++)); do
  pkg="bench.p$((i / 50))"
  dir="$WORK/src/${pkg//.//}"
  mkdir -p "$dir"
  [ -f "$dir/Kind.java" ] || printf 'package %s;\n\npublic enum Kind { A, B }\n' "$pkg" > "$dir/Kind.java"
  cat > "$dir/Resource$i.java" <<JAVA
package $pkg;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.ws.rs.*;

@Path("/r$i")
@Produces("text/plain")
@Traced
public class Resource$i {
  @GET
  @Path("/{id}")
  public String get(@Tag("id") @PathParam("id") String id) {
    return "r$i " + id;
  }

  @GET
  public String list(@Tag("page") @QueryParam("page") int page, @Tag("all") @QueryParam("all") boolean all,
      @Tag("kind") @QueryParam("kind") Kind kind, @Tag("limit") @QueryParam("limit") Integer limit) {
    return "page " + page;
  }

  @POST
  public String create(@Tag("body") String body) {
    return body;
  }

  @DELETE
  @Path("/{id}")
  public void delete(@Tag("id") @PathParam("id") String id) {
  }
}
JAVA
done
find "$WORK/src" -name '*.java' | sort > "$WORK/files"

# One javac run into fresh output directories; appends "wall_ms cpu_ms" to the file $1.
# The CPU time is the javac process's user + system time, less disturbed by other builds.
once() {
  local record=$1; shift
  rm -rf "$WORK/out" "$WORK/gen" && mkdir -p "$WORK/out" "$WORK/gen"
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$JAVAC" --release 17 -nowarn -d "$WORK/out" -s "$WORK/gen" "$@" @"$WORK/files" \
    2>"$WORK/javac.err" >&2; } 2>&1 ) || { cat "$WORK/javac.err" >&2; exit 1; }
  awk -v t="$t" 'BEGIN { split(t, f, " "); printf "%d %d\n", f[1] * 1000, (f[2] + f[3]) * 1000 }' >> "$record"
}
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%d", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
summary() { # label, record file
  local wall cpu
  wall=$(cut -d' ' -f1 "$2" | sort -n | tr '\n' ' ' | sed 's/ $//')
  cpu=$(cut -d' ' -f2 "$2" | sort -n | tr '\n' ' ' | sed 's/ $//')
  printf '%-44s wall %s ms, median %s; cpu %s ms, median %s\n' "$1" "$wall" \
    "$(cut -d' ' -f1 "$2" | median)" "$cpu" "$(cut -d' ' -f2 "$2" | median)"
}
counts() {
  printf '%44s %s classes, %s generated sources\n' "" \
    "$(find "$WORK/out" -name '*.class' | wc -l | tr -d ' ')" "$(find "$WORK/gen" -name '*.java' | wc -l | tr -d ' ')"
}

run() { # label, extra javac options...
  local label=$1; shift
  local record="$WORK/record" && : > "$record"
  for ((r = 1; r <= RUNS; r++)); do once "$record" -cp "$CP" "$@"; done
  summary "$label" "$record"
  counts
}

# Baseline and this checkout in turn; prints both and the ratio of the medians (this / baseline).
compare() { # label, extra javac options...
  local label=$1; shift
  local old="$WORK/old" new="$WORK/new" && : > "$old" && : > "$new"
  for ((r = 1; r <= RUNS; r++)); do
    once "$old" -cp "$BASELINE_CP" -processorpath "$BASELINE_PROC" -processor divak.processor.DivakProcessor "$@"
    once "$new" -cp "$CURRENT_CP" -processorpath "$CURRENT_PROC" -processor divak.processor.DivakProcessor "$@"
  done
  summary "$label, baseline" "$old"
  summary "$label, this checkout" "$new"
  counts
  awk -v a="$(cut -d' ' -f1 "$old" | median)" -v b="$(cut -d' ' -f1 "$new" | median)" \
    -v c="$(cut -d' ' -f2 "$old" | median)" -v d="$(cut -d' ' -f2 "$new" | median)" \
    'BEGIN { printf "%44s ratio of medians (this / baseline): wall %.3f, cpu %.3f\n", "", b / a, d / c }'
  # Each run against the baseline run just before it: less moved by a load that changes slowly.
  paste -d' ' "$old" "$new" | awk '{ printf "%.3f %.3f\n", $3 / $1, $4 / $2 }' > "$WORK/pairs"
  printf '%44s pair ratios (this / baseline): wall %s; cpu %s\n' "" \
    "$(cut -d' ' -f1 "$WORK/pairs" | sort -n | tr '\n' ' ' | sed 's/ $//')" \
    "$(cut -d' ' -f2 "$WORK/pairs" | sort -n | tr '\n' ' ' | sed 's/ $//')"
}

echo "$("$JAVAC" -version 2>&1), $COUNT resources, $(nproc) cores, $RUNS runs each; load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$BASELINE" ]; then
  echo "baseline: $BASELINE ($(git -C "$BASELINE" rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo "this:     $ROOT ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
  compare "divak processor only (-proc:only)" -proc:only
  compare "with divak processor"
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
run "without processor" -proc:none
run "with divak processor" -processorpath "$PROC" -processor divak.processor.DivakProcessor
run "divak processor only (-proc:only)" -processorpath "$PROC" -processor divak.processor.DivakProcessor -proc:only
# The same decorators as plain sources: what the generated code costs to compile, without the
# processor; the difference to "with divak processor" is the processor's own time.
rm -rf "$WORK/pregen" && "$JAVAC" --release 17 -nowarn -cp "$CP" -d "$WORK/out" -s "$WORK/pregen" -proc:only \
  -processorpath "$PROC" -processor divak.processor.DivakProcessor @"$WORK/files" 2>/dev/null || true
mkdir -p "$WORK/pregen" && find "$WORK/pregen" -name '*.java' | sort >> "$WORK/files"
run "without processor, decorators as sources" -proc:none
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
