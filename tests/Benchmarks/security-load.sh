#!/usr/bin/env bash
# Security load benchmark for MyAlmaty.Learn (see tests/Benchmarks/README.md):
#   1. mixed load: wrk with CONNECTIONS connections on 20 requests (pages, search, quiz starts with
#      antiforgery token and cookies): no 5xx, no fail:/crit: in the site's log, one attempt per quiz;
#   2. search flood fairness: wrk floods search with FLOOD_CONNECTIONS connections from 127.0.0.1
#      while a second client (127.0.0.2) searches one request at a time: it must still get results;
#   3. memory under junk: VmRSS before and after JUNK_REQUESTS distinct junk query strings (up to
#      ~100 KB) and NOTICE_REQUESTS distinct notice values on cacheable pages: within MEMORY_LIMIT_MB.
# Prints a Markdown report on stdout (progress on stderr); exits 1 when a criterion fails.
# Settings (environment): DURATION=60 CONNECTIONS=200 THREADS=2 FLOOD_CONNECTIONS=700 FLOOD_DURATION=30
#   (at least; the flood goes on, up to FLOOD_MAX=150 s, until the second client has made SECOND_REQUESTS=100)
#   SECOND_CLIENT_TARGET=95 (% of 200 with results) JUNK_REQUESTS=800 NOTICE_REQUESTS=800 MEMORY_WARMUP=5000
#   MEMORY_LIMIT_MB=20 SITE_PORT (default: a free one) KEEP_TMP=0 WAIT_QUIET=120 (wait up to this many
#   seconds for an idle machine before each part; 0: don't)
set -euo pipefail
DURATION=${DURATION:-60}; CONNECTIONS=${CONNECTIONS:-200}; THREADS=${THREADS:-2}
FLOOD_DURATION=${FLOOD_DURATION:-30}; FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-700}; FLOOD_MAX=${FLOOD_MAX:-150}; SECOND_REQUESTS=${SECOND_REQUESTS:-100}
JUNK_REQUESTS=${JUNK_REQUESTS:-800}; NOTICE_REQUESTS=${NOTICE_REQUESTS:-800}
MEMORY_WARMUP=${MEMORY_WARMUP:-5000}; MEMORY_LIMIT_MB=${MEMORY_LIMIT_MB:-20}
SECOND_CLIENT_TARGET=${SECOND_CLIENT_TARGET:-95}; KEEP_TMP=${KEEP_TMP:-0}; WAIT_QUIET=${WAIT_QUIET:-120}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SCRIPTS="$ROOT/tests/Benchmarks/security-load"
log() { printf '%s\n' "$*" >&2; }
die() { log "security-load: $*"; exit 2; }

if ! command -v wrk >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || die "wrk and curl are needed (run as root to install them)"
    log "Installing wrk and curl…"
    { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk curl; } >&2 \
        || die "apt-get could not install wrk and curl"
fi
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is needed"
# 700 client sockets plus as many on the site's side: both inherit this shell's limit.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge $(( FLOOD_CONNECTIONS * 2 + 512 )) ] || die "open-file limit $(ulimit -n) is too low for $FLOOD_CONNECTIONS connections"

TMP=$(mktemp -d /tmp/security-load.XXXXXX)
SITE_PID=""; WRK_PID=""
stop_site() { if [ -n "$SITE_PID" ] && kill -0 "$SITE_PID" 2>/dev/null; then kill -TERM "$SITE_PID"; wait "$SITE_PID" || true; fi; SITE_PID=""; }
cleanup() { if [ -n "$WRK_PID" ]; then kill "$WRK_PID" 2>/dev/null || true; fi; stop_site; if [ "$KEEP_TMP" = 1 ]; then log "Kept $TMP"; else rm -rf "$TMP"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port nobody listens on, below the ephemeral range that wrk's and others' client sockets use.
pick_port() {
    for _ in $(seq 1 200); do
        SITE_PORT=$(( 20000 + RANDOM % 12000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$SITE_PORT") 2>/dev/null || break
    done
    BASE="http://127.0.0.1:$SITE_PORT"
}
BASE=""; PORT_FIXED=${SITE_PORT:+1}; [ -n "$PORT_FIXED" ] && BASE="http://127.0.0.1:$SITE_PORT"
DATA="$TMP/data"
status_of() { curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$@" 2>/dev/null || true; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }
urlencode() { local LC_ALL=C s=$1 i c out=""; for ((i = 0; i < ${#s}; i++)); do c=${s:i:1}; case $c in [a-zA-Z0-9.~_-]) out+=$c ;; *) printf -v c '%%%02X' "'$c"; out+=$c ;; esac; done; printf '%s' "$out"; }
rss_mb() { awk -v k="$1:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$SITE_PID/status"; }
log_lines() { wc -l <"$SITE_LOG"; }
FAIL_LINE='^[0-9:.]* ?(fail|crit): '
fails_since() { tail -n +"$(( $1 + 1 ))" "$SITE_LOG" | grep -cE "$FAIL_LINE" || true; }
# Of those, how many are stamped at or after a time (HH:MM:SS.mmm, the site's local time).
fails_after() { tail -n +"$(( $1 + 1 ))" "$SITE_LOG" | awk -v re="$FAIL_LINE" -v t="$2" '$0 ~ re && $1 >= t { n++ } END { print n + 0 }'; }
clock_ago() { date -d "@$(awk -v t="$(date +%s.%N)" -v d="$1" 'BEGIN { printf "%.3f", t - d }')" +%H:%M:%S.%3N; }
fail_groups() { awk -v re="$FAIL_LINE" -f "$SCRIPTS/fail-groups.awk" "$@" | sort -rn; }
TICKS=$(getconf CLK_TCK)
machine_busy() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
process_ticks() { awk '{ print $14 + $15 }' "/proc/$SITE_PID/stat"; }
children_ticks() { times >"$TMP/times.txt"; awk -v t="$TICKS" 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.0f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * t }' "$TMP/times.txt"; }
# CPU in cores over a phase, "site / wrk+curl / other": noise_start, then noise_end SECONDS sets CPU
# (both in this shell, not in $(…): `times` counts the shell's own finished children).
noise_start() { N_BUSY=$(machine_busy); N_SITE=$(process_ticks); children_ticks >"$TMP/ticks.txt"; N_KIDS=$(cat "$TMP/ticks.txt"); }
noise_end() {
    local busy site kids; busy=$(machine_busy); site=$(process_ticks); children_ticks >"$TMP/ticks.txt"; kids=$(cat "$TMP/ticks.txt")
    CPU=$(awk -v b=$(( busy - N_BUSY )) -v s=$(( site - N_SITE )) -v k=$(( kids - N_KIDS )) -v t="$TICKS" -v d="$1" \
        'BEGIN { o = b - s - k; if (o < 0) o = 0; printf "%.2f / %.2f / %.2f", s / t / d, k / t / d, o / t / d }')
}
wait_quiet() { # until other processes use < 0.1 core over 2 s (the idle site uses next to nothing)
    local deadline=$(( $(now_ms) + WAIT_QUIET * 1000 )) b0 b1
    [ "$WAIT_QUIET" -gt 0 ] || return 0
    while :; do
        b0=$(machine_busy); sleep 2; b1=$(machine_busy)
        awk -v n=$(( b1 - b0 )) -v t="$TICKS" 'BEGIN { exit !(n / t / 2 < 0.1) }' && return 0
        [ "$(now_ms)" -lt "$deadline" ] || { log "The machine is still busy; measuring anyway."; return 0; }
    done
}
start_site() { # log file; a port taken meanwhile by someone else is replaced by another
    SITE_LOG=$1
    [ -n "$BASE" ] || pick_port
    env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production dotnet "$TMP/app/MyAlmaty.Learn.Web.dll" \
        --urls "$BASE" --Site:RootPath="$ROOT" --Site:DataPath="$DATA" --Logging:LogLevel:Default=Information "--Logging:Console:TimestampFormat=HH:mm:ss.fff " >"$SITE_LOG" 2>&1 &
    SITE_PID=$!
    for _ in $(seq 1 600); do
        [ "$(status_of "$BASE/ru/")" = 200 ] && return 0
        if ! kill -0 "$SITE_PID" 2>/dev/null; then
            if [ -z "$PORT_FIXED" ] && grep -q 'address already in use' "$SITE_LOG"; then pick_port; start_site "$1"; return; fi
            cat "$SITE_LOG" >&2; die "the site stopped"
        fi
        sleep 0.2
    done
    die "no 200 from /ru/ within 120 s (see $SITE_LOG)"
}
# Sums the "status N count" lines of a wrk report: all, 2xx+3xx, 429, 5xx.
statuses() { awk '$1 == "status" { all += $3; if ($2 < 400) ok += $3; if ($2 == 429) busy += $3; if ($2 >= 500) bad += $3 } END { print all + 0, ok + 0, busy + 0, bad + 0 }' "$1"; }
status_list() { awk '$1 == "status" { print $2 ": " $3 }' "$1" | sort -n | paste -sd, - | sed 's/,/, /g'; }
socket_errors() { awk '$1 == "summary" { print $4 + $5 + $6 + $8 }' "$1"; }
# Sends about TOTAL answered requests with wrk (each thread stops after its share), a few seconds at a time.
send_count() { # total connections script args…
    local total=$1 connections=$2 script=$3 sent=0 share run=0 got; shift 3
    while [ "$sent" -lt "$total" ]; do
        run=$(( run + 1 ))
        share=$(( (total - sent + THREADS - 1) / THREADS ))
        wrk -t"$THREADS" -c"$connections" -d3s --timeout 10s -s "$script" "$BASE" -- "$@" "$share" "$run" >"$TMP/wrk-count.txt"
        cat "$TMP/wrk-count.txt" >>"$TMP/wrk-count-all.txt"
        read -r got _ < <(statuses "$TMP/wrk-count.txt")
        [ "$got" -gt 0 ] || die "no answers (see $TMP/wrk-count.txt)"
        sent=$(( sent + got ))
    done
}

log "Publishing the site (Release) to $TMP/app…"
dotnet publish "$ROOT/src/MyAlmaty.Learn.Web" -c Release -o "$TMP/app" --artifacts-path "$TMP/artifacts" --nologo -v q >"$TMP/publish.log" 2>&1 \
    || { cat "$TMP/publish.log" >&2; die "dotnet publish failed"; }
log "Starting the site (fresh data folder: database, content import, search index)…"
start_site "$TMP/site.log"; log "The site answers on $BASE."

# --- pages, found by following the site's own links --------------------------------------------
links() { curl -s --max-time 10 "$BASE$1" | grep -o 'href="/[^"#?]*"' | sed 's/^href="//; s/"$//' | sort -u; }
first() { grep -m1 -E "$1" || true; }
HOME_RU=$(links /ru/); HOME_KK=$(links /kk/)
COURSE=$(first '^/ru/courses/[a-z0-9-]+$' <<<"$HOME_RU")
GLOSSARY_TERM=$(first '^/ru/glossary/[a-z0-9-]+$' <<<"$HOME_RU")
SUMMARY=$(first '^/ru/summaries/[a-z0-9-]+$' <<<"$HOME_RU")
KK_TERM=$(first '^/kk/glossary/[a-z0-9-]+$' <<<"$HOME_KK")
[ -n "$COURSE" ] && [ -n "$GLOSSARY_TERM" ] && [ -n "$SUMMARY" ] && [ -n "$KK_TERM" ] || die "the home pages do not link a course, a term and a summary"
COURSE_LINKS=$(links "$COURSE")
LESSON=$(grep -qx /ru/courses/grassroots/urban-activist <<<"$COURSE_LINKS" && echo /ru/courses/grassroots/urban-activist || first "^$COURSE/[a-z0-9-]+$" <<<"$COURSE_LINKS")
FINAL_QUIZ=$(first '^/ru/quizzes/[a-z0-9-]+$' <<<"$COURSE_LINKS")
LESSON_LINKS=$(links "$LESSON")
QUIZ=$(first '^/ru/quizzes/[a-z0-9-]+$' <<<"$LESSON_LINKS")
LESSON_KK=$(first '^/kk/courses/[a-z0-9-]+/[a-z0-9-]+$' <<<"$LESSON_LINKS")
KK_QUIZ=$(first '^/kk/quizzes/[a-z0-9-]+$' <<<"$(links "$LESSON_KK")")
[ -n "$QUIZ" ] && [ -n "$KK_QUIZ" ] && [ -n "$FINAL_QUIZ" ] || die "no quizzes linked from $COURSE and $LESSON"
[ "$QUIZ" != "$FINAL_QUIZ" ] || die "the lesson's quiz is the course's final quiz"

search() { printf '/%s/%s?q=%s' "$1" "$2" "$(urlencode "$3")"; }
PAGES=(/ru/ /kk/ /ru/courses "$COURSE" "$LESSON" "$LESSON_KK" /ru/glossary "$GLOSSARY_TERM" /ru/summaries "$SUMMARY" /ru/about "$KK_TERM"
    "$(search ru search город)" "$(search ru search 'городские активисты')" "$(search kk search қала)" "$(search kk search belsendi)" "$(search ru search.json актив)")
for page in "${PAGES[@]}"; do [ "$(status_of "$BASE$page")" = 200 ] || die "$page does not answer 200"; done

# --- quiz starts: the antiforgery token and cookies a browser would have ------------------------
JAR="$TMP/cookies"
curl -s -c "$JAR" -b "$JAR" -o "$TMP/quiz.html" "$BASE$QUIZ"
TOKEN=$(grep -o 'name="__af" value="[^"]*"' "$TMP/quiz.html" | sed -n '1{s/.*value="//; s/"$//; p}')
[[ "$TOKEN" =~ ^[A-Za-z0-9_-]+$ ]] || die "no antiforgery token (__af) on $QUIZ"
FIRST=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Sec-Fetch-Site: same-origin' --data-urlencode "__af=$TOKEN" "$BASE$QUIZ/attempts")
[ "${FIRST%% *}" = 302 ] || die "starting $QUIZ answered $FIRST, not 302"
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }')
[[ "$COOKIE" == *ma_af=* && "$COOKIE" == *ma_learner=* ]] || die "no ma_af and ma_learner cookies after the first start ($COOKIE)"
# The lesson quiz's attempt is open already; the other two are first started under the load, all at once.
for page in "${PAGES[@]}"; do printf 'GET\t%s\t-\t-\n' "$page"; done >"$TMP/pages.txt"
{ cat "$TMP/pages.txt"; for quiz in "$QUIZ" "$KK_QUIZ" "$FINAL_QUIZ"; do printf 'POST\t%s/attempts\t%s\t__af=%s\n' "$quiz" "$COOKIE" "$TOKEN"; done; } >"$TMP/mixed.txt"

# --- 1. mixed load ------------------------------------------------------------------------------
wait_quiet
log "1. Mixed load: $CONNECTIONS connections, ${DURATION} s, $(wc -l <"$TMP/mixed.txt") requests in turn…"
L0=$(log_lines); noise_start
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$SCRIPTS/requests.lua" "$BASE" -- "$TMP/mixed.txt" >"$TMP/wrk-mixed.txt"
noise_end "$DURATION"; M_CPU=$CPU; M_CUT=$(clock_ago 1.5)
sleep 1
MIXED_FAILS=$(fails_since "$L0"); MIXED_LATE=$(fails_after "$L0" "$M_CUT")
read -r M_ALL M_OK M_429 M_5XX < <(statuses "$TMP/wrk-mixed.txt")
M_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-mixed.txt")
M_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$TMP/wrk-mixed.txt")"); M_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$TMP/wrk-mixed.txt")"); M_SOCKET=$(socket_errors "$TMP/wrk-mixed.txt")
M_TARGETS=$(awk '$1 == "attempt" { n++ } END { print n + 0 }' "$TMP/wrk-mixed.txt")
M_STARTS=$(awk '$1 == "attempt" { n += $3 } END { print n + 0 }' "$TMP/wrk-mixed.txt")
M_IDS=$(awk '$1 == "attempt" { sub(/.*\//, "", $2); print $2 }' "$TMP/wrk-mixed.txt" | sort -u | wc -l)
ATTEMPTS=""; ONE_EACH=1
# The Kazakh start of the lesson's quiz continues the attempt open in Russian (one open attempt per
# quiz, in the language it was started in): three quizzes started, two attempts, two addresses.
for quiz in "$QUIZ" "$KK_QUIZ" "$FINAL_QUIZ"; do
    n=$(curl -s -H "Cookie: $COOKIE" "$BASE$quiz" | { grep -oE "href=\"/(ru|kk)/quizzes/${quiz##*/}/attempts/[^\"]*\"" || true; } | sort -u | wc -l)
    ATTEMPTS+="${ATTEMPTS:+, }\`$quiz\`: $n"; [ "$n" = 1 ] || ONE_EACH=0
done
[ "$M_TARGETS" = 2 ] && [ "$M_IDS" = 2 ] || ONE_EACH=0

# --- 2. search flood fairness -------------------------------------------------------------------
SECOND_URLS=("$(search ru search активист)" "$(search kk search белсенді)" "$(search ru search 'умный город')")
for url in "${SECOND_URLS[@]}"; do
    curl -s --interface 127.0.0.2 --max-time 10 -o "$TMP/second.html" "$BASE$url" || die "127.0.0.2 cannot reach the site"
    grep -q 'class="search-result"' "$TMP/second.html" || die "no results for $url from 127.0.0.2"
done
{ for q in город городской активисты инициатива; do printf 'GET\t%s\t-\t-\n' "$(search ru search "$q")"; done
  printf 'GET\t%s\t-\t-\n' "$(search kk search қала)" "$(search kk search qala)" "$(search ru search.json город)"; } >"$TMP/flood.txt"
wait_quiet
log "2. Search flood: $FLOOD_CONNECTIONS connections for ${FLOOD_DURATION} s from 127.0.0.1, one request at a time from 127.0.0.2…"
L0=$(log_lines); noise_start; START_MS=$(now_ms)
# wrk stops at FLOOD_MAX at the latest, or when sent SIGINT (it then prints its report as usual).
wrk -t"$THREADS" -c"$FLOOD_CONNECTIONS" -d"${FLOOD_MAX}s" --timeout 10s --latency -s "$SCRIPTS/requests.lua" "$BASE" -- "$TMP/flood.txt" >"$TMP/wrk-flood.txt" &
WRK_PID=$!
sleep 2
MIN_END=$(( START_MS + (FLOOD_DURATION - 1) * 1000 )); MAX_END=$(( START_MS + (FLOOD_MAX - 2) * 1000 )); i=0
: >"$TMP/second.txt"
while t=$(now_ms); { [ "$t" -lt "$MIN_END" ] || [ "$i" -lt "$SECOND_REQUESTS" ]; } && [ "$t" -lt "$MAX_END" ] && kill -0 "$WRK_PID" 2>/dev/null; do
    url=${SECOND_URLS[i % ${#SECOND_URLS[@]}]}; i=$(( i + 1 ))
    line=$(curl -s --interface 127.0.0.2 --max-time 15 -o "$TMP/second.html" -w '%{http_code} %{time_total}' "$BASE$url" 2>/dev/null || true)
    found=0; grep -q 'class="search-result"' "$TMP/second.html" 2>/dev/null && found=1
    echo "$line $found" >>"$TMP/second.txt"; rm -f "$TMP/second.html"
done
kill -INT "$WRK_PID" 2>/dev/null || true
wait "$WRK_PID" || true; WRK_PID=""
FLOOD_SECONDS=$(( ($(now_ms) - START_MS + 500) / 1000 )); noise_end "$FLOOD_SECONDS"; F_CPU=$CPU
sleep 1
FLOOD_FAILS=$(fails_since "$L0")
read -r F_ALL F_OK F_429 F_5XX < <(statuses "$TMP/wrk-flood.txt")
F_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-flood.txt"); F_SOCKET=$(socket_errors "$TMP/wrk-flood.txt")
S_ALL=$(wc -l <"$TMP/second.txt")
S_GOOD=$(awk '$1 == 200 && $3 == 1 { n++ } END { print n + 0 }' "$TMP/second.txt")
S_CODES=$(awk '{ c[$1]++ } END { for (k in c) print k ": " c[k] }' "$TMP/second.txt" | sort -n | paste -sd, - | sed 's/,/, /g')
S_SHARE=$(awk -v g="$S_GOOD" -v a="$S_ALL" 'BEGIN { printf "%.1f", a ? 100 * g / a : 0 }')
percentile() { sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'; }
S_P50=$(awk '{ print $2 }' "$TMP/second.txt" | percentile 50); S_P99=$(awk '{ print $2 }' "$TMP/second.txt" | percentile 99)

# --- 3. memory under junk query strings (a fresh start of the same site, for a clean baseline) ---
stop_site
log "3. Memory: restarting the site, $MEMORY_WARMUP requests of warm-up…"
start_site "$TMP/site-memory.log"; L0=0
wait_quiet
send_count "$MEMORY_WARMUP" 8 "$SCRIPTS/requests.lua" "$TMP/pages.txt"
sleep 2
RSS_BEFORE=$(rss_mb VmRSS)
log "   VmRSS $RSS_BEFORE MB; $JUNK_REQUESTS junk query strings, $NOTICE_REQUESTS notice values…"
J_START=$(now_ms); noise_start
: >"$TMP/wrk-count-all.txt"; send_count "$JUNK_REQUESTS" 2 "$SCRIPTS/junk.lua" junk; mv "$TMP/wrk-count-all.txt" "$TMP/wrk-junk.txt"
send_count "$NOTICE_REQUESTS" 2 "$SCRIPTS/junk.lua" notice; mv "$TMP/wrk-count-all.txt" "$TMP/wrk-notice.txt"
noise_end "$(( ($(now_ms) - J_START + 500) / 1000 ))"; J_CPU=$CPU
sleep 2; send_count 200 4 "$SCRIPTS/requests.lua" "$TMP/pages.txt"; sleep 1
RSS_AFTER=$(rss_mb VmRSS); HWM=$(rss_mb VmHWM)
MEMORY_FAILS=$(fails_since "$L0")
J_CODES=$(status_list "$TMP/wrk-junk.txt"); N_CODES=$(status_list "$TMP/wrk-notice.txt")
read -r J_ALL _ _ _ < <(statuses "$TMP/wrk-junk.txt"); read -r N_ALL _ _ _ < <(statuses "$TMP/wrk-notice.txt")
GROWTH=$(awk -v a="$RSS_AFTER" -v b="$RSS_BEFORE" 'BEGIN { printf "%+.1f", a - b }')

# --- report ---------------------------------------------------------------------------------------
pass() { if [ "$1" = 1 ]; then echo PASS; else echo "**FAIL**"; fi; }
P1=$(pass "$([ "$M_5XX" = 0 ] && [ "$MIXED_FAILS" = 0 ] && echo 1)")
P1Q=$(pass "$ONE_EACH")
P2=$(pass "$(awk -v s="$S_SHARE" -v t="$SECOND_CLIENT_TARGET" -v a="$S_ALL" -v f="$FLOOD_FAILS" -v b="$F_5XX" 'BEGIN { print (a > 0 && s >= t && f == 0 && b == 0) ? 1 : "" }')")
P3=$(pass "$(awk -v g="$GROWTH" -v l="$MEMORY_LIMIT_MB" -v f="$MEMORY_FAILS" 'BEGIN { print (g <= l && f == 0) ? 1 : "" }')")
FAILED=0; for verdict in "$P1" "$P1Q" "$P2" "$P3"; do [ "$verdict" = PASS ] || FAILED=1; done
PAGE_LIST=$(printf '`%s`, ' "${PAGES[@]:0:12}"); PAGE_LIST=${PAGE_LIST%, }
cat <<REPORT

## MyAlmaty.Learn security load — $(date -u '+%Y-%m-%d %H:%M UTC')

Machine: $(nproc) cores, Linux $(uname -r), .NET $(dotnet --version) SDK, $(wrk -v 2>&1 | head -n1 | awk '{ print $1 " " $2 }'); wrk and the site share the cores.
Site: Release publish of the working tree$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null | sed 's/^/ at /'), Production, fresh data folder, log level Information.

### 1. Mixed load — $CONNECTIONS connections, $THREADS threads, ${DURATION} s

20 requests in turn: 12 pages ($PAGE_LIST), 4 search pages and 1 \`search.json\` (one client address, so search's
per-client places apply: 429 is its answer), and 3 quiz starts (\`POST …/attempts\` with \`__af\`, \`ma_af\`, \`ma_learner\`) on
\`$QUIZ\` (attempt open before the load), \`$KK_QUIZ\` and \`$FINAL_QUIZ\` (first started under the load).

| Measure | Result | Criterion | Verdict |
|---|---:|---|---|
| Requests/s | $M_RPS | | |
| Latency p50 / p99 | $M_P50 / $M_P99 ms | | |
| Answers by status | $(status_list "$TMP/wrk-mixed.txt") | | |
| Socket errors (connect, read, write, timeout) | $M_SOCKET | | |
| CPU cores: site / wrk / other processes (noise) | $M_CPU | noise ≈ 0 | |
| 5xx answers; \`fail:\`/\`crit:\` lines in the log (of them in the last 1.5 s, as wrk closed its connections) | $M_5XX; $MIXED_FAILS ($MIXED_LATE) | none | $P1 |
| Quiz starts answered 302 / distinct attempt addresses / distinct attempt ids | $M_STARTS / $M_TARGETS / $M_IDS | one attempt per quiz (the Kazakh start continues the Russian attempt): 2 / 2 | $P1Q |
| Attempts per quiz afterwards (learner's quiz pages) | $ATTEMPTS | 1 each | |

### 2. Search flood fairness — ${FLOOD_SECONDS} s

| Measure | Result | Criterion | Verdict |
|---|---:|---|---|
| Flooder (127.0.0.1, $FLOOD_CONNECTIONS connections, $(wc -l <"$TMP/flood.txt") queries): requests/s | $F_RPS | | |
| Flooder: answers by status | $(status_list "$TMP/wrk-flood.txt") | | |
| Flooder: socket errors; 5xx; \`fail:\`/\`crit:\` lines | $F_SOCKET; $F_5XX; $FLOOD_FAILS | no 5xx, no fail | |
| CPU cores: site / wrk + curl / other processes (noise) | $F_CPU | noise ≈ 0 | |
| Second client (127.0.0.2, one at a time): requests, statuses | $S_ALL ($S_CODES) | | |
| Second client: 200 with results | $S_GOOD = $S_SHARE % | ≥ $SECOND_CLIENT_TARGET % | $P2 |
| Second client: latency p50 / p99 | $S_P50 / $S_P99 ms | | |

### 3. Resident memory under junk query strings

A fresh start of the same site, $MEMORY_WARMUP requests to the pages above, then $J_ALL requests with distinct junk query strings
(\`/ru/about?x=\` 100 KB, \`/ru/glossary?notice=\`, \`/kk/?utm=\`, a lesson with \`utm_*\`, \`/ru/summaries?notice=untranslated&ref=\`)
and $N_ALL distinct \`notice\` values on five cacheable pages, then 2 s pause and 200 normal requests.

| Measure | Result | Criterion | Verdict |
|---|---:|---|---|
| VmRSS after the warm-up | $RSS_BEFORE MB | | |
| VmRSS after the junk (peak VmHWM) | $RSS_AFTER MB ($HWM MB) | | |
| Growth; \`fail:\`/\`crit:\` lines | $GROWTH MB; $MEMORY_FAILS | ≤ $MEMORY_LIMIT_MB MB, none | $P3 |
| Junk answers by status; notice answers by status | $J_CODES; $N_CODES | | |
| CPU cores during the junk: site / wrk / other processes (noise) | $J_CPU | | |
REPORT
if grep -qE "$FAIL_LINE" "$TMP/site.log" "$TMP/site-memory.log"; then
    printf '\n`fail:`/`crit:` entries of the site log (count × category — message — exception):\n\n```\n'
    fail_groups "$TMP/site.log" "$TMP/site-memory.log"
    printf '```\n'
fi
exit "$FAILED"
