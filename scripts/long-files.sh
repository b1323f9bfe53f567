#!/usr/bin/env bash
# Lists source files longer than 300 lines whose header does not say why they are long. A file may
# be long for a reason (a contract test that every container runs, a table); then one of its first
# 40 lines says so with the words "Long because". Exits non-zero when a file is listed.
#
#   scripts/long-files.sh          # every tracked .java file
set -euo pipefail
cd "$(dirname "$0")/.."
limit=300
found=0
while IFS= read -r file; do
  lines=$(wc -l < "$file")
  if [ "$lines" -gt "$limit" ] && ! head -n 40 "$file" | grep -q "Long because"; then
    printf '%5d %s\n' "$lines" "$file"
    found=1
  fi
done < <(git ls-files '*.java' | grep -v '/src/test/resources/')
exit "$found"
