#!/usr/bin/env bash
# Checks that the build is reproducible: builds the published modules twice from the same sources,
# into separate output directories (target-repro-1, target-repro-2), and compares every jar (main,
# sources, javadoc) byte for byte. Exits non-zero and names the jars that differ.
#
#   scripts/reproducible.sh            # with ./mvnw
#   MVN=mvn scripts/reproducible.sh    # with the system Maven
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_cmd=${MVN:-./mvnw}
modules=divak-bom,divak-annotations,divak-runtime,divak-processor,divak-jaxrs,divak-spring-boot,divak-cdi,divak-quarkus,divak-quarkus-deployment

for run in 1 2; do
  "$mvn_cmd" -B -ntp -q -pl "$modules" -am -Dmaven.test.skip=true \
    -Ddivak.target="target-repro-$run" clean package
done

compared=0
differ=0
for first in */target-repro-1/*.jar; do
  second=${first/target-repro-1/target-repro-2}
  compared=$((compared + 1))
  if ! cmp -s "$first" "$second"; then
    echo "differs: $first $second"
    differ=$((differ + 1))
  fi
done
echo "reproducible: $((compared - differ)) of $compared jars identical"
[ "$compared" -gt 0 ] && [ "$differ" -eq 0 ]
