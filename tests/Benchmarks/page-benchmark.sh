#!/usr/bin/env bash
# Page benchmark for MyAlmaty.Learn: a lesson page under wrk against nginx serving the same bytes,
# cold and warm start to the first 200, and resident memory after 10,000 requests.
# Prints a Markdown table. See tests/Benchmarks/README.md.
#
# Settings (environment variables):
#   DURATION=20        seconds of each measured wrk run
#   WARMUP=5           seconds of wrk warm-up before each measured run (not counted)
#   CONNECTIONS=32     wrk connections
#   THREADS=2          wrk threads
#   PAGE=/ru/courses/grassroots/urban-activist
#   NGINX_WORKERS=2    nginx worker_processes (a number or "auto")
#   MEMORY_REQUESTS=10000  requests sent before resident memory is read
#   SITE_ENV=""        extra environment for the site process only, e.g. "DOTNET_gcServer=0"
#   REVISION=""        publish the app from this git revision (e.g. HEAD) instead of the working tree;
#                      content/ and themes/ are still read from the working tree
#   KEEP_TMP=0         1 keeps the temporary folder (published app, logs, nginx config)
#   WAIT_QUIET=120     before each measurement, wait up to this many seconds for the machine to be
#                      idle (other processes < 0.1 core over 2 s); 0 does not wait
set -euo pipefail

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PAGE=${PAGE:-/ru/courses/grassroots/urban-activist}
NGINX_WORKERS=${NGINX_WORKERS:-2}
MEMORY_REQUESTS=${MEMORY_REQUESTS:-10000}
SITE_ENV=${SITE_ENV:-}
KEEP_TMP=${KEEP_TMP:-0}
REVISION=${REVISION:-}
WAIT_QUIET=${WAIT_QUIET:-120}

TARGET_RATIO=50       # site requests/s as % of nginx's, at least
TARGET_P99_MS=20      # site p99 latency, at most
TARGET_RSS_MB=200     # site resident memory after MEMORY_REQUESTS requests, at most

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROJECT="$ROOT/src/MyAlmaty.Learn.Web"

log() { printf '%s\n' "$*" >&2; }
die() { log "page-benchmark: $*"; exit 1; }

# --- tools -----------------------------------------------------------------------------------

install_missing() {
    local packages=()
    command -v nginx >/dev/null 2>&1 || packages+=(nginx-light)
    command -v wrk >/dev/null 2>&1 || packages+=(wrk)
    command -v curl >/dev/null 2>&1 || packages+=(curl)
    [ ${#packages[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing ${packages[*]}; run as root or install them first"
    log "Installing ${packages[*]}…"
    # Keep the package from starting a system-wide nginx on port 80: this script runs its own.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && created_policy=1
    fi
    local status=0
    { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"; } >&2 || status=$?
    if [ "$created_policy" -eq 1 ]; then rm -f "$policy"; fi
    [ "$status" -eq 0 ] || die "apt-get could not install ${packages[*]}"
    return 0
}

install_missing
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is needed to publish the site"
[ -d "$PROJECT" ] || die "no project at $PROJECT"

# --- temporary folder and clean-up -----------------------------------------------------------

TMP=$(mktemp -d /tmp/page-benchmark.XXXXXX)
# nginx workers run as an unprivileged user when started by root: they must be able to reach www/.
chmod 755 "$TMP"
SITE_PID=""
NGINX_PID=""

stop_pid() {
    local pid=$1
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    stop_pid "$SITE_PID"
    stop_pid "$NGINX_PID"
    if [ "$KEEP_TMP" = 1 ]; then log "Kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- helpers -----------------------------------------------------------------------------------

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Sets PORT to a port on 127.0.0.1 nobody listens on (checked with a connect attempt; no extra tools).
USED_PORTS=" "
PORT=""
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$(( 20000 + RANDOM % 40000 ))
        case "$USED_PORTS" in *" $port "*) continue ;; esac
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            USED_PORTS+="$port "
            PORT=$port
            return 0
        fi
    done
    die "no free port found"
}

http_status() { curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$1" 2>/dev/null || true; }

# wrk latency figure ("812.00us", "1.53ms", "1.02s") in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000
        else if (v ~ /ms$/) n = n
        else if (v ~ /m$/) n = n * 60000
        else if (v ~ /s$/) n = n * 1000
        printf "%.2f", n
    }'
}

# Parses a `wrk --latency` report into "requests_per_s p50_ms p99_ms total_requests errors".
parse_wrk() {
    local file=$1 rps p50 p99 total errors
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$file")
    p50=$(awk '$1 == "50%" { print $2 }' "$file")
    p99=$(awk '$1 == "99%" { print $2 }' "$file")
    total=$(awk '/requests in/ { print $1 }' "$file")
    errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$file")
    echo "${rps:-0} $(to_ms "${p50:-0}") $(to_ms "${p99:-0}") ${total:-0} ${errors}"
}

run_wrk() { # url seconds [--latency] > report
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" ${3:-} "$1"
}

# Starts the published site on SITE_PORT with the given data folder; sets SITE_PID.
start_site() {
    local data=$1 logfile=$2
    # shellcheck disable=SC2086
    env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production $SITE_ENV \
        dotnet "$TMP/app/MyAlmaty.Learn.Web.dll" \
        --urls "http://127.0.0.1:$SITE_PORT" \
        --Site:RootPath="$ROOT" \
        --Site:DataPath="$data" \
        >"$logfile" 2>&1 &
    SITE_PID=$!
}

# Launches the site and sets START_MS to the milliseconds until /ru/ first answers 200 (polled every ~20 ms).
START_MS=0
START_CPU_MS=0
START_OTHER_CORES=0
time_to_first_200() {
    local data=$1 logfile=$2 started status busy0 busy1 site
    busy0=$(machine_busy)
    started=$(now_ms)
    start_site "$data" "$logfile"
    while :; do
        status=$(http_status "http://127.0.0.1:$SITE_PORT/ru/")
        [ "$status" = 200 ] && break
        if ! kill -0 "$SITE_PID" 2>/dev/null; then
            cat "$logfile" >&2
            die "the site exited before answering (log above)"
        fi
        [ $(( $(now_ms) - started )) -gt 120000 ] && die "no 200 from /ru/ within 120 s (see $logfile)"
        sleep 0.02
    done
    START_MS=$(( $(now_ms) - started ))
    busy1=$(machine_busy)
    site=$(process_ticks "$SITE_PID")
    START_CPU_MS=$(( site * 1000 / TICKS ))
    # Everything else that ran meanwhile, curl polls included, in cores on average.
    START_OTHER_CORES=$(awk -v n=$(( busy1 - busy0 - site )) -v t="$TICKS" -v ms="$START_MS" 'BEGIN { if (n < 0) n = 0; printf "%.2f", n / t / (ms / 1000) }')
}

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

TICKS=$(getconf CLK_TCK 2>/dev/null || echo 100)
machine_busy() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
process_ticks() { # CPU ticks (user + system) of a process and of its direct children (nginx workers)
    local pid=$1 total=0 file line
    local -a f
    for file in /proc/[0-9]*/stat; do
        read -r line 2>/dev/null <"$file" || continue   # the process may have gone
        read -r -a f <<<"${line##*) }"                  # fields after "pid (comm) ": state ppid … utime stime
        if [ "$file" = "/proc/$pid/stat" ] || [ "${f[1]}" = "$pid" ]; then
            total=$(( total + f[11] + f[12] ))
        fi
    done
    echo "$total"
}

# Waits (up to WAIT_QUIET seconds) until the machine has been idle for 2 s: the figures mean little
# while something else is using the cores. Our own idle servers use next to nothing.
wait_quiet() {
    [ "$WAIT_QUIET" -gt 0 ] || return 0
    local deadline=$(( $(now_ms) + WAIT_QUIET * 1000 )) b0 b1
    while :; do
        b0=$(machine_busy); sleep 2; b1=$(machine_busy)
        awk -v n=$(( b1 - b0 )) -v t="$TICKS" 'BEGIN { exit !(n / t / 2 < 0.1) }' && return 0
        if [ "$(now_ms)" -ge "$deadline" ]; then
            log "The machine is still busy after ${WAIT_QUIET} s; measuring anyway (see the noise row)."
            return 0
        fi
    done
}

verdict() { if [ "$1" = 1 ]; then echo "yes"; else echo "**no**"; fi; }

# --- publish (not timed) ---------------------------------------------------------------------

free_port; SITE_PORT=$PORT
free_port; NGINX_PORT=$PORT

if [ -n "$REVISION" ]; then
    # A clean copy of the sources at that revision: the working tree may be in the middle of an edit.
    mkdir -p "$TMP/src"
    git -C "$ROOT" archive --format=tar "$REVISION" -- src Directory.Build.props Directory.Packages.props | tar -x -C "$TMP/src" \
        || die "cannot export $REVISION"
    PROJECT="$TMP/src/src/MyAlmaty.Learn.Web"
    SOURCE="git $(git -C "$ROOT" rev-parse --short "$REVISION")"
else
    SOURCE="working tree$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null | sed 's/^/ at /')"
fi
log "Publishing the site (Release, $SOURCE) to $TMP/app…"
dotnet publish "$PROJECT" -c Release -o "$TMP/app" --artifacts-path "$TMP/artifacts" --nologo -v q >"$TMP/publish.log" 2>&1 \
    || { cat "$TMP/publish.log" >&2; die "dotnet publish failed"; }

# --- 2. cold and warm start ------------------------------------------------------------------

DATA="$TMP/data"
mkdir -p "$DATA"
wait_quiet
log "Cold start (empty data folder: migrations and full content import)…"
time_to_first_200 "$DATA" "$TMP/site-cold.log"
COLD_MS=$START_MS; COLD_CPU_MS=$START_CPU_MS; COLD_OTHER=$START_OTHER_CORES
stop_pid "$SITE_PID"; SITE_PID=""

wait_quiet
log "Warm start (existing database)…"
time_to_first_200 "$DATA" "$TMP/site-warm.log"
WARM_MS=$START_MS; WARM_CPU_MS=$START_CPU_MS; WARM_OTHER=$START_OTHER_CORES

# --- 3. resident memory after MEMORY_REQUESTS requests ---------------------------------------

SITE_URL="http://127.0.0.1:$SITE_PORT$PAGE"
[ "$(http_status "$SITE_URL")" = 200 ] || die "$SITE_URL does not answer 200"

# wrk runs for a duration; this script makes each thread stop after its share of the requests.
cat >"$TMP/stop-after.lua" <<'LUA'
local count, limit = 0, 0
function init(args) limit = tonumber(args[1]) end
function response(status, headers, body)
    count = count + 1
    if count >= limit then wrk.thread:stop() end
end
LUA
wait_quiet
log "Sending $MEMORY_REQUESTS requests, then reading VmRSS…"
SENT=0
while [ "$SENT" -lt "$MEMORY_REQUESTS" ]; do
    share=$(( (MEMORY_REQUESTS - SENT + THREADS - 1) / THREADS ))
    wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$TMP/stop-after.lua" "$SITE_URL" -- "$share" >"$TMP/wrk-memory.txt"
    read -r _ _ _ total errors < <(parse_wrk "$TMP/wrk-memory.txt")
    [ "$errors" -eq 0 ] || die "errors while sending requests (see $TMP/wrk-memory.txt)"
    SENT=$(( SENT + total ))
done
sleep 1
RSS_MB=$(rss_mb "$SITE_PID")
HWM_MB=$(hwm_mb "$SITE_PID")

# --- 1. throughput and latency: the site, then nginx with the same bytes ---------------------

curl -s --max-time 5 -o "$TMP/page.html" -D "$TMP/page.headers" "$SITE_URL"
PAGE_BYTES=$(wc -c <"$TMP/page.html")
CACHE_AGE=$(curl -s --max-time 5 -o /dev/null -D - "$SITE_URL" | awk -F': *' 'tolower($1) == "age" { gsub("\r", "", $2); print $2 }')

mkdir -p "$TMP/nginx/www" "$TMP/nginx/logs" "$TMP/nginx/tmp"
cp "$TMP/page.html" "$TMP/nginx/www/page.html"
chmod -R a+rX "$TMP/nginx/www"
cat >"$TMP/nginx/nginx.conf" <<CONF
worker_processes $NGINX_WORKERS;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    gzip off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server_tokens off;
    client_body_temp_path $TMP/nginx/tmp/client;
    proxy_temp_path $TMP/nginx/tmp/proxy;
    fastcgi_temp_path $TMP/nginx/tmp/fastcgi;
    uwsgi_temp_path $TMP/nginx/tmp/uwsgi;
    scgi_temp_path $TMP/nginx/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $TMP/nginx/www;
        location / {
            default_type "text/html; charset=utf-8";
            try_files /page.html =404;
        }
    }
}
CONF
nginx -c "$TMP/nginx/nginx.conf" -p "$TMP/nginx" -g 'daemon off;' >"$TMP/nginx/logs/stdout.log" 2>&1 &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT$PAGE"
for _ in $(seq 1 100); do
    [ "$(http_status "$NGINX_URL")" = 200 ] && break
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/nginx/logs/"* >&2; die "nginx did not start"; }
    sleep 0.05
done
curl -s --max-time 5 -o "$TMP/nginx-page.html" "$NGINX_URL"
cmp -s "$TMP/page.html" "$TMP/nginx-page.html" || die "nginx does not serve the same bytes as the site"

# CPU accounting, in clock ticks, to show how much of the machine other processes took during a run.
children_ticks() { # user + system CPU of this shell's finished children (wrk); `times` must run in this shell
    times >"$TMP/times.txt"
    awk -v t="$TICKS" 'NR == 2 {
        split($1, u, /[ms]/); split($2, s, /[ms]/)
        printf "%.0f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * t
    }' "$TMP/times.txt"
}
cores() { awk -v n="$1" -v t="$TICKS" -v d="$DURATION" 'BEGIN { if (n < 0) n = 0; printf "%.2f", n / t / d }'; }

measure() { # name url pid
    wait_quiet
    log "$1: ${WARMUP} s warm-up, ${DURATION} s measured…"
    run_wrk "$2" "$WARMUP" >"$TMP/wrk-$1-warmup.txt"
    local busy0 server0 wrk0 busy1 server1 wrk1 errors
    children_ticks >"$TMP/wrk-ticks.txt"
    server0=$(process_ticks "$3"); wrk0=$(cat "$TMP/wrk-ticks.txt"); busy0=$(machine_busy)
    run_wrk "$2" "$DURATION" --latency >"$TMP/wrk-$1.txt"
    children_ticks >"$TMP/wrk-ticks.txt"
    busy1=$(machine_busy); server1=$(process_ticks "$3"); wrk1=$(cat "$TMP/wrk-ticks.txt")
    read -r _ _ _ _ errors < <(parse_wrk "$TMP/wrk-$1.txt")
    [ "$errors" -eq 0 ] || { cat "$TMP/wrk-$1.txt" >&2; die "$1 answered with errors"; }
    # "server wrk other" in cores used on average over the measured run
    echo "$(cores $(( server1 - server0 ))) $(cores $(( wrk1 - wrk0 ))) $(cores $(( (busy1 - busy0) - (server1 - server0) - (wrk1 - wrk0) )))" >"$TMP/cpu-$1.txt"
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
measure site "$SITE_URL" "$SITE_PID"
measure nginx "$NGINX_URL" "$NGINX_PID"
read -r SITE_CPU SITE_WRK_CPU SITE_OTHER_CPU <"$TMP/cpu-site.txt"
read -r NGINX_CPU NGINX_WRK_CPU NGINX_OTHER_CPU <"$TMP/cpu-nginx.txt"
read -r SITE_RPS SITE_P50 SITE_P99 SITE_TOTAL _ < <(parse_wrk "$TMP/wrk-site.txt")
read -r NGINX_RPS NGINX_P50 NGINX_P99 NGINX_TOTAL _ < <(parse_wrk "$TMP/wrk-nginx.txt")
RSS_AFTER_MB=$(rss_mb "$SITE_PID")
HWM_AFTER_MB=$(hwm_mb "$SITE_PID")

# --- report ----------------------------------------------------------------------------------

RATIO=$(awk -v s="$SITE_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "%.1f", (n > 0 ? 100 * s / n : 0) }')
RATIO_OK=$(awk -v r="$RATIO" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t) ? 1 : 0 }')
P99_OK=$(awk -v p="$SITE_P99" -v t="$TARGET_P99_MS" 'BEGIN { print (p <= t) ? 1 : 0 }')
RSS_OK=$(awk -v r="$RSS_MB" -v t="$TARGET_RSS_MB" 'BEGIN { print (r <= t) ? 1 : 0 }')
QUIET=$(awk -v a="$SITE_OTHER_CPU" -v b="$NGINX_OTHER_CPU" 'BEGIN { print (a < 0.1 && b < 0.1) ? 1 : 0 }')
CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
GC_SERVER=$(grep -o '"System.GC.Server": *[a-z]*' "$TMP/app/MyAlmaty.Learn.Web.runtimeconfig.json" | awk '{ print $2 }')

cat <<REPORT

## MyAlmaty.Learn page benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')

Machine: $(nproc) cores ($CPU), $(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, Linux $(uname -r).
.NET $(dotnet --version) SDK, $(nginx -v 2>&1 | sed 's/^nginx version: //'), $(wrk -v 2>&1 | head -n1 | awk '{ print $1 " " $2 }').
Page: \`$PAGE\`, $PAGE_BYTES bytes of HTML, gzip off on both servers; site output-cache \`Age\`: ${CACHE_AGE:-none}.
wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s measured. wrk and the server under test share the same $(nproc) cores.
Load average before the throughput runs: $LOAD_BEFORE.
Site: Release publish of the $SOURCE, Production, runtime settings as shipped (runtimeconfig System.GC.Server=${GC_SERVER:-unset})${SITE_ENV:+, overridden for this run by \`$SITE_ENV\`}. nginx: worker_processes $NGINX_WORKERS, sendfile on, access log off.

| Measure | Site | nginx (same bytes) | Site / nginx | Target | Met |
|---|---:|---:|---:|---|---|
| Requests/s | $SITE_RPS | $NGINX_RPS | $RATIO % | ≥ $TARGET_RATIO % of nginx | $(verdict "$RATIO_OK") |
| Latency p50 | $SITE_P50 ms | $NGINX_P50 ms | | | |
| Latency p99 | $SITE_P99 ms | $NGINX_P99 ms | | ≤ $TARGET_P99_MS ms | $(verdict "$P99_OK") |
| Requests in the measured run | $SITE_TOTAL | $NGINX_TOTAL | | | |
| CPU cores used by the server / by wrk | $SITE_CPU / $SITE_WRK_CPU | $NGINX_CPU / $NGINX_WRK_CPU | | | |
| CPU cores used by other processes (noise) | $SITE_OTHER_CPU | $NGINX_OTHER_CPU | | ≈ 0 for a valid run | $(verdict "$QUIET") |
| Cold start to first 200 (empty data folder: migrate + import) | $COLD_MS ms (site CPU $COLD_CPU_MS ms; other processes $COLD_OTHER cores) | | | | |
| Warm start to first 200 (existing database) | $WARM_MS ms (site CPU $WARM_CPU_MS ms; other processes $WARM_OTHER cores) | | | | |
| Resident memory (VmRSS) after $SENT requests | $RSS_MB MB | | | ≤ $TARGET_RSS_MB MB | $(verdict "$RSS_OK") |
| Peak resident memory (VmHWM) after $SENT requests | $HWM_MB MB | | | | |
| VmRSS / VmHWM after the throughput runs | $RSS_AFTER_MB / $HWM_AFTER_MB MB | | | | |
REPORT
