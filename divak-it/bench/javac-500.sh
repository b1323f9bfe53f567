#!/usr/bin/env bash
# Times javac on N generated @Traced resources (default 500), without and with the divak
# processor. The modules must be compiled first, into the same output directory:
#
#   mvn -B -q -Ddivak.target=target -pl divak-processor,divak-runtime -am compile
#   divak-it/bench/javac-500.sh [count] [runs]        # DIVAK_TARGET=target by default
#
# Each resource has four traced methods with tags (String, int, boolean, enum, boxed), in
# packages of 50, so each run also writes one DivakResources per package.
set -euo pipefail

COUNT=${1:-500}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=${DIVAK_TARGET:-target}
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

jar() { # the jar of group:artifact:version in the local repository
  local path="$REPO/${1//.//}/$2/$3/$2-$3.jar"
  [ -f "$path" ] || { echo "missing $path: build the modules first" >&2; exit 1; }
  echo "$path"
}
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -1; }

for m in divak-annotations divak-runtime divak-processor; do
  [ -d "$ROOT/$m/$TARGET/classes" ] || { echo "compile $m into $TARGET first" >&2; exit 1; }
done
CP="$ROOT/divak-annotations/$TARGET/classes:$ROOT/divak-runtime/$TARGET/classes"
CP="$CP:$(jar jakarta.ws.rs jakarta.ws.rs-api "$(prop jakarta.ws.rs.version)")"
CP="$CP:$(jar org.slf4j slf4j-api "$(prop slf4j.version)")"
PROC="$ROOT/divak-processor/$TARGET/classes:$ROOT/divak-annotations/$TARGET/classes"
PROC="$PROC:$(jar com.palantir.javapoet javapoet "$(prop javapoet.version)")"

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

run() { # label, extra javac options...
  local label=$1; shift
  local times=()
  for ((r = 1; r <= RUNS; r++)); do
    rm -rf "$WORK/out" "$WORK/gen" && mkdir -p "$WORK/out" "$WORK/gen"
    local start end
    start=$(date +%s%N)
    javac --release 17 -nowarn -cp "$CP" -d "$WORK/out" -s "$WORK/gen" "$@" @"$WORK/files"
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  printf '%-44s %s ms (sorted runs); %s classes, %s generated sources\n' "$label" "$sorted" \
    "$(find "$WORK/out" -name '*.class' | wc -l | tr -d ' ')" "$(find "$WORK/gen" -name '*.java' | wc -l | tr -d ' ')"
}

echo "javac $(javac -version 2>&1 | cut -d' ' -f2), $COUNT resources, $(nproc) cores, $RUNS runs each"
run "without processor" -proc:none
run "with divak processor" -processorpath "$PROC" -processor divak.processor.DivakProcessor
run "divak processor only (-proc:only)" -processorpath "$PROC" -processor divak.processor.DivakProcessor -proc:only
# The same decorators as plain sources: what the generated code costs to compile, without the
# processor; the difference to "with divak processor" is the processor's own time.
rm -rf "$WORK/pregen" && javac --release 17 -nowarn -cp "$CP" -d "$WORK/out" -s "$WORK/pregen" -proc:only \
  -processorpath "$PROC" -processor divak.processor.DivakProcessor @"$WORK/files" 2>/dev/null || true
mkdir -p "$WORK/pregen" && find "$WORK/pregen" -name '*.java' | sort >> "$WORK/files"
run "without processor, decorators as sources" -proc:none
