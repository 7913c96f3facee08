#!/usr/bin/env bash
# Search soak for MyAlmaty.Learn (tests/Benchmarks/SearchSoak): the real site in-process on a
# temporary data folder with the shipped content; one writer edits, publishes, unpublishes, deletes
# and re-imports content through the site's services while eight threads search. Fails (exit 1) on
# any exception or error logged, and when the number of open files grows. See tests/Benchmarks/README.md.
# Usage: tests/Benchmarks/search-soak.sh [minutes=10]
# Prints Markdown (progress every 10 s on stderr).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MINUTES=${1:-10}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
dotnet build "$ROOT/tests/Benchmarks/SearchSoak" -c Release --nologo -v q >"$LOG" 2>&1 || { cat "$LOG" >&2; echo "search-soak: build failed" >&2; exit 1; }
dotnet "$ROOT/tests/Benchmarks/SearchSoak/bin/Release/net10.0/SearchSoak.dll" "$MINUTES"
