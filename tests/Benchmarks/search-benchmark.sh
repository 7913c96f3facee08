#!/usr/bin/env bash
# Search benchmark for MyAlmaty.Learn:
#   1. tests/Benchmarks/SearchBench: 100,000 generated Russian and Kazakh documents indexed with the
#      site's SearchIndex (2 threads), queried through SiteSearch (latency with and without snippets,
#      recall against the corpus's ground truth), and the same in SQLite FTS5;
#   2. the real site started on those indexes, its search page under wrk (2 threads, 16 connections)
#      with a Lua script going through the benchmark's queries in Russian and Kazakh.
# Prints Markdown tables (progress on stderr). See tests/Benchmarks/README.md.
# Settings (environment):
#   DOCUMENTS=100000 QUERIES=150 (per language) DURATION=20 WARMUP=15 CONNECTIONS=16 THREADS=2
#   SITE_PORT=5393 KEEP_TMP=0 (1 keeps the data folder, the site's log and wrk's report)
#   BENCH_ARGS="" (more options for SearchBench, e.g. "--explore")
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DOCUMENTS=${DOCUMENTS:-100000}
QUERIES=${QUERIES:-150}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
SITE_PORT=${SITE_PORT:-5393}
KEEP_TMP=${KEEP_TMP:-0}
BENCH_ARGS=${BENCH_ARGS:-}
TARGET_P99_MS=25
log() { printf '%s\n' "$*" >&2; }
die() { log "search-benchmark: $*"; exit 1; }

if ! command -v wrk >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || die "wrk and curl are needed (run as root to install them)"
    log "Installing wrk and curl…"
    { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk curl; } >&2 \
        || die "apt-get could not install wrk and curl"
fi
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is needed"

TMP=$(mktemp -d /tmp/search-benchmark.XXXXXX)
DATA="$TMP/data"
SITE_PID=""
cleanup() {
    if [ -n "$SITE_PID" ] && kill -0 "$SITE_PID" 2>/dev/null; then
        kill -TERM "$SITE_PID" 2>/dev/null || true
        wait "$SITE_PID" 2>/dev/null || true
    fi
    if [ "$KEEP_TMP" = 1 ]; then log "Kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "Building the site and SearchBench (Release)…"
for project in src/MyAlmaty.Learn.Web tests/Benchmarks/SearchBench; do
    dotnet build "$ROOT/$project" -c Release --nologo -v q >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log" >&2; die "dotnet build $project failed"; }
done

# --- 1. indexing, queries and FTS5 ------------------------------------------------------------

mkdir -p "$DATA"
# shellcheck disable=SC2086
dotnet "$ROOT/tests/Benchmarks/SearchBench/bin/Release/net10.0/SearchBench.dll" --data "$DATA" --documents "$DOCUMENTS" --queries "$QUERIES" \
    --urls "$TMP/urls.txt" --fts "$TMP/fts5.db" $BENCH_ARGS
rm -f "$TMP/fts5.db"

# --- 2. the search page under wrk ----------------------------------------------------------

BASE="http://127.0.0.1:$SITE_PORT"
curl -s -o /dev/null --max-time 1 "$BASE/" && die "something already listens on port $SITE_PORT (set SITE_PORT)"
log "Starting the site on the benchmark's indexes…"
START_NS=$(date +%s%N)
env ASPNETCORE_ENVIRONMENT=Production dotnet "$ROOT/src/MyAlmaty.Learn.Web/bin/Release/net10.0/MyAlmaty.Learn.Web.dll" \
    --urls "$BASE" --Site:RootPath="$ROOT" --Site:DataPath="$DATA" >"$TMP/site.log" 2>&1 &
SITE_PID=$!
FIRST_URL="$BASE$(head -n1 "$TMP/urls.txt")"
for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$FIRST_URL" 2>/dev/null || true)" = 200 ] && break
    kill -0 "$SITE_PID" 2>/dev/null || { cat "$TMP/site.log" >&2; die "the site stopped"; }
    sleep 0.05
done
START_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
[ "$(curl -s -o /dev/null -w '%{http_code}' "$FIRST_URL")" = 200 ] || { cat "$TMP/site.log" >&2; die "the search page does not answer 200"; }

# The site must have opened the benchmark's indexes, not rebuilt them from its (content-only) database,
# and its own content must have come in through the queue.
if grep -q "rebuilt" "$TMP/site.log"; then cat "$TMP/site.log" >&2; die "the site rebuilt an index instead of opening the benchmark's"; fi
json_total() { curl -s "$BASE$1" | grep -o '"total":[0-9]*' | head -n1 | cut -d: -f2; }
BENCH_TOTAL=$(json_total "$(head -n1 "$TMP/urls.txt" | sed 's|/search?|/search.json?|')")
[ "${BENCH_TOTAL:-0}" -gt 0 ] || die "the site does not find the benchmark's documents"
SHIPPED_FOUND=0
for _ in $(seq 1 100); do
    # A phrase from the title of a shipped lesson, which random text does not contain.
    curl -s -G --data-urlencode 'q="прозрачный двусторонний диалог"' "$BASE/ru/search.json" | grep -q '"url":"/ru/' && { SHIPPED_FOUND=1; break; }
    sleep 0.1
done
[ "$SHIPPED_FOUND" = 1 ] || die "the site's own content did not reach the index through the queue"
PAGE_BYTES=$(curl -s "$FIRST_URL" | wc -c)

cat >"$TMP/search.lua" <<'LUA'
-- Goes through the benchmark's search addresses in order, each thread from its own point.
local paths = {}
local threads = 0
function setup(thread)
    thread:set("id", threads)
    threads = threads + 1
end
function init(args)
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
    i = (id or 0) * math.floor(#paths / 2)
end
function request()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
LUA

site_ticks() { awk '{ print $14 + $15 }' "/proc/$SITE_PID/stat"; }
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
TICKS=$(getconf CLK_TCK)
# User + system CPU of this shell's finished children (wrk), in ticks; `times` must run in this shell.
children_ticks() {
    times >"$TMP/times.txt"
    awk -v t="$TICKS" 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.0f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * t }' "$TMP/times.txt"
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# Wait (up to 2 minutes) until the machine is idle: other processes < 0.1 core over 2 s.
for _ in $(seq 1 60); do
    a=$(machine_ticks); s0=$(site_ticks); sleep 2; b=$(machine_ticks); s1=$(site_ticks)
    awk -v n="$(( (b - a) - (s1 - s0) ))" -v t="$TICKS" 'BEGIN { exit !(n / t / 2 < 0.1) }' && break
    log "  waiting for the machine to be quiet…"
done
log "wrk: ${WARMUP} s warm-up, ${DURATION} s measured…"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$TMP/search.lua" "$BASE" -- "$TMP/urls.txt" >/dev/null
children_ticks >"$TMP/wrk-ticks.txt"; WRK0=$(cat "$TMP/wrk-ticks.txt")
SITE0=$(site_ticks); ALL0=$(machine_ticks)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$TMP/search.lua" "$BASE" -- "$TMP/urls.txt" >"$TMP/wrk.txt"
SITE1=$(site_ticks); ALL1=$(machine_ticks)
children_ticks >"$TMP/wrk-ticks.txt"; WRK1=$(cat "$TMP/wrk-ticks.txt")
RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk.txt")
P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$TMP/wrk.txt")")
P90=$(to_ms "$(awk '$1 == "90%" { print $2 }' "$TMP/wrk.txt")")
P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$TMP/wrk.txt")")
REQUESTS=$(awk '/requests in/ { print $1 }' "$TMP/wrk.txt")
ERRORS=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$TMP/wrk.txt")
SITE_CORES=$(awk -v a="$SITE0" -v b="$SITE1" -v t="$TICKS" -v d="$DURATION" 'BEGIN { printf "%.2f", (b - a) / t / d }')
WRK_CORES=$(awk -v a="$WRK0" -v b="$WRK1" -v t="$TICKS" -v d="$DURATION" 'BEGIN { printf "%.2f", (b - a) / t / d }')
OTHER_CORES=$(awk -v a="$ALL0" -v b="$ALL1" -v s="$((SITE1 - SITE0))" -v w="$((WRK1 - WRK0))" -v t="$TICKS" -v d="$DURATION" 'BEGIN { n = ((b - a) - s - w) / t / d; if (n < 0) n = 0; printf "%.2f", n }')
QUIET=$(awk -v n="$OTHER_CORES" 'BEGIN { print (n < 0.1) ? "yes" : "**no**" }')
P99_OK=$(awk -v p="$P99" -v t="$TARGET_P99_MS" 'BEGIN { print (p <= t) ? "yes" : "**no**" }')
[ "$ERRORS" -eq 0 ] || { cat "$TMP/wrk.txt" >&2; die "the search page answered with errors"; }

# The same with one connection: the latency of a page when nothing queues.
log "wrk with 1 connection, 10 s…"
wrk -t1 -c1 -d10s --latency -s "$TMP/search.lua" "$BASE" -- "$TMP/urls.txt" >"$TMP/wrk-one.txt"
ONE_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-one.txt")
ONE_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$TMP/wrk-one.txt")")
ONE_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$TMP/wrk-one.txt")")

cat <<REPORT

### The search page under wrk

Release build of the site (\`dotnet MyAlmaty.Learn.Web.dll\`, Production) with the benchmark's indexes in its data folder
($(wc -l <"$TMP/urls.txt") addresses \`/ru/search?q=…\` and \`/kk/search?q=…\` in turn, the same queries as above; a page is about $((PAGE_BYTES / 1024)) KB).
It started in $START_MS ms to the first search page, without rebuilding (no "rebuilt" in its log), and its own content came in through the queue;
the first query finds $BENCH_TOTAL documents. wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s measured;
**wrk runs on the same $(nproc) cores as the site.**

| Measure | Result | Target | Met |
|---|---:|---|---|
| Requests/s | $RPS | | |
| Latency p50 / p90 | $P50 / $P90 ms | | |
| Latency p99 | $P99 ms | ≤ $TARGET_P99_MS ms | $P99_OK |
| Requests in the measured run (errors) | $REQUESTS ($ERRORS) | | |
| CPU: the site / wrk | $SITE_CORES / $WRK_CORES cores | | |
| CPU used by other processes (noise) | $OTHER_CORES cores | ≈ 0 for a valid run | $QUIET |
| With 1 connection (nothing queues), 10 s: requests/s, p50 / p99 | $ONE_RPS, $ONE_P50 / $ONE_P99 ms | | |
REPORT
