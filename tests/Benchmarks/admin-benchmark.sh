#!/usr/bin/env bash
# Admin benchmark for MyAlmaty.Learn: the editors' content list over 10,000 items, the preview of a
# 5,000-word lesson, and how long a publish takes to reach the public page and search. Builds
# tests/Benchmarks/AdminBench (Release), which runs the site in its own process on 127.0.0.1 with a
# temporary data folder, the shipped content plus generated items, signs in an administrator and
# prints a Markdown table (figures in the README's «Benchmarks / Admin area»).
#
# Settings (environment variables):
#   ITEMS=10000 REQUESTS=400 PREVIEWS=100 PUBLISHES=20
# Run it on a quiet machine: it measures time.
set -euo pipefail
cd "$(dirname "$0")/../.."
ITEMS=${ITEMS:-10000}
REQUESTS=${REQUESTS:-400}
PREVIEWS=${PREVIEWS:-100}
PUBLISHES=${PUBLISHES:-20}
dotnet build tests/Benchmarks/AdminBench -c Release -v quiet -nologo >/dev/null
dotnet tests/Benchmarks/AdminBench/bin/Release/net10.0/AdminBench.dll \
  --items "$ITEMS" --requests "$REQUESTS" --previews "$PREVIEWS" --publishes "$PUBLISHES" 2> >(grep '^admin-bench:' >&2)
