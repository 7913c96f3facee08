#!/usr/bin/env bash
# Account timing benchmark for MyAlmaty.Learn: do the account POSTs (wrong-password sign-in, sign-up,
# sign-in link request, password reset request) take the same time whether the address is unknown,
# registered, unconfirmed, password-less or locked? Timing must not tell who is registered.
# Publishes the site (Release), runs it on 127.0.0.1 with its own data folder, and runs
# tests/Benchmarks/AccountTiming, which prepares a fresh address in the right state for every
# sample, takes the samples interleaved (each round visits every operation and state in a shuffled
# order) and prints Markdown tables. See tests/Benchmarks/README.md.
#
# Settings (environment variables):
#   SAMPLES=20      measured samples per (operation, state)
#   WARMUP=10       warm-up rounds before them (not counted)
#   SEED=""         shuffle seed (random when empty; printed with the results)
#   PARALLEL=4      requests at a time while preparing the accounts (the samples are one at a time)
#   PAUSE_MS=0      pause after each sample
#   WAIT_QUIET=300  seconds, in all, to wait for the machine to be idle: 2 s before the timed rounds and
#                   0.5 s before each round (other processes < 0.1 core); 0 does not wait
#   SITE_ENV=""     extra environment for the site process only, e.g. "DOTNET_gcServer=0"
#   KEEP_TMP=0      1 keeps the temporary folder (published app, data, site log, samples.csv)
# Exit status: 0 whatever the spread (a benchmark, not a test); non-zero if anything answers
# otherwise than it should.
set -euo pipefail

SAMPLES=${SAMPLES:-20}
WARMUP=${WARMUP:-10}
SEED=${SEED:-}
PARALLEL=${PARALLEL:-4}
PAUSE_MS=${PAUSE_MS:-0}
WAIT_QUIET=${WAIT_QUIET:-300}
SITE_ENV=${SITE_ENV:-}
KEEP_TMP=${KEEP_TMP:-0}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
log() { printf '%s\n' "$*" >&2; }
die() { log "account-timing: $*"; exit 1; }

if ! command -v curl >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || die "curl is needed; run as root or install it first"
    log "Installing curl…"
    { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q curl; } >&2 \
        || die "apt-get could not install curl"
fi
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is needed"

TMP=$(mktemp -d /tmp/account-timing.XXXXXX)
SITE_PID=""
cleanup() {
    if [ -n "$SITE_PID" ] && kill -0 "$SITE_PID" 2>/dev/null; then
        kill -TERM "$SITE_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$SITE_PID" 2>/dev/null || break; sleep 0.05; done
        kill -KILL "$SITE_PID" 2>/dev/null || true
        wait "$SITE_PID" 2>/dev/null || true
    fi
    if [ "$KEEP_TMP" = 1 ]; then log "Kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port on 127.0.0.1 nobody listens on (checked with a connect attempt).
PORT=""
for _ in $(seq 1 200); do
    candidate=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || die "no free port found"

log "Publishing the site (Release) and building AccountTiming…"
dotnet publish "$ROOT/src/MyAlmaty.Learn.Web" -c Release -o "$TMP/app" --artifacts-path "$TMP/artifacts" --nologo -v q >"$TMP/publish.log" 2>&1 \
    || { cat "$TMP/publish.log" >&2; die "dotnet publish failed"; }
dotnet build "$ROOT/tests/Benchmarks/AccountTiming" -c Release -o "$TMP/timing" --artifacts-path "$TMP/artifacts" --nologo -v q >"$TMP/build.log" 2>&1 \
    || { cat "$TMP/build.log" >&2; die "building AccountTiming failed"; }

DATA="$TMP/data"
mkdir -p "$DATA"
SITE="http://127.0.0.1:$PORT"
log "Starting the site on $SITE…"
# shellcheck disable=SC2086
env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production $SITE_ENV \
    dotnet "$TMP/app/MyAlmaty.Learn.Web.dll" \
    --urls "$SITE" \
    --Site:RootPath="$ROOT" \
    --Site:DataPath="$DATA" \
    --Site:AccountRequestsPerMinute=1000000 \
    --Logging:LogLevel:Default=Warning \
    >"$TMP/site.log" 2>&1 &
SITE_PID=$!
for i in $(seq 1 600); do
    [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$SITE/ru/account/sign-in" 2>/dev/null || true)" = 200 ] && break
    kill -0 "$SITE_PID" 2>/dev/null || { cat "$TMP/site.log" >&2; die "the site exited before answering (log above)"; }
    [ "$i" -lt 600 ] || die "no 200 from /ru/account/sign-in within 120 s (see $TMP/site.log)"
    sleep 0.2
done

CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
cat <<HEADER

## MyAlmaty.Learn account timing — $(date -u '+%Y-%m-%d %H:%M UTC')

Machine: $(nproc) cores ($CPU), Linux $(uname -r); .NET SDK $(dotnet --version).
Site: Release publish of the working tree$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null | sed 's/^/ at /'), Production, on $SITE; client and site on the same machine, one request at a time over kept-alive connections.
Each cell: the wall time of the POST alone (sending to the last byte of the answer), a new address prepared in that state for every sample.

HEADER

STATUS=0
dotnet "$TMP/timing/AccountTiming.dll" --site "$SITE" --mail "$DATA/mail-pickup" --samples "$SAMPLES" --warmup "$WARMUP" \
    --seed "$SEED" --parallel "$PARALLEL" --pause-ms "$PAUSE_MS" --csv "$TMP/samples.csv" --site-pid "$SITE_PID" --wait-quiet "$WAIT_QUIET" || STATUS=$?
if [ "$STATUS" -ne 0 ]; then
    tail -n 40 "$TMP/site.log" >&2
    die "the run failed (site log above)"
fi
kill -0 "$SITE_PID" 2>/dev/null || die "the site stopped during the run (see $TMP/site.log)"
if grep -q -E '^(fail|crit):' "$TMP/site.log"; then
    grep -E -A3 '^(fail|crit):' "$TMP/site.log" | head -n 40 >&2
    die "the site logged errors during the run (above)"
fi
