#!/usr/bin/env bash
# Quiz benchmark for MyAlmaty.Learn:
#   1. grading throughput for a 20-question quiz (tests/Benchmarks/QuizGrading), and
#   2. the quiz pages under wrk: a learner's open attempt (20 questions' worth of form is not
#      cacheable: it is per learner, with its own shuffle and token) and the quiz's own page.
# Prints Markdown tables. Settings (environment):
#   DURATION=20 WARMUP=5 CONNECTIONS=32 THREADS=2 SITE_PORT=5391 GRADING_SECONDS=10
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
SITE_PORT=${SITE_PORT:-5391}
GRADING_SECONDS=${GRADING_SECONDS:-10}
die() { echo "quiz-benchmark: $*" >&2; exit 1; }

if ! command -v wrk >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || die "wrk and curl are needed (run as root to install them)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk curl >/dev/null
fi

TMP=$(mktemp -d)
SITE_PID=""
cleanup() { [ -n "$SITE_PID" ] && kill "$SITE_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

echo "## Grading (one core, no database)"
echo
echo "| what | median | per quiz | range of 5 runs | allocated per quiz |"
echo "|---|---|---|---|---|"
dotnet run -c Release --project "$ROOT/tests/Benchmarks/QuizGrading" -- "$GRADING_SECONDS" 2>/dev/null | grep '^|'
echo

dotnet publish "$ROOT/src/MyAlmaty.Learn.Web" -c Release -o "$TMP/app" --artifacts-path "$TMP/artifacts" --nologo -v q >"$TMP/publish.log" 2>&1 \
    || { cat "$TMP/publish.log" >&2; die "dotnet publish failed"; }
env ASPNETCORE_ENVIRONMENT=Production dotnet "$TMP/app/MyAlmaty.Learn.Web.dll" --urls "http://127.0.0.1:$SITE_PORT" \
    --Site:RootPath="$ROOT" --Site:DataPath="$TMP/data" >"$TMP/site.log" 2>&1 &
SITE_PID=$!
BASE="http://127.0.0.1:$SITE_PORT"
for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ru/" 2>/dev/null || true)" = 200 ] && break
    sleep 0.5
done

# A learner starts the final quiz (10 of 14 questions drawn, all six kinds) the way a browser does.
QUIZ="$BASE/ru/quizzes/grassroots-final"
JAR="$TMP/cookies"
curl -s -c "$JAR" -b "$JAR" -o "$TMP/intro.html" "$QUIZ"
TOKEN=$(grep -o 'name="__af" value="[^"]*"' "$TMP/intro.html" | head -1 | sed 's/.*value="//; s/"$//')
ATTEMPT=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{redirect_url}' --data-urlencode "__af=$TOKEN" "$QUIZ/attempts")
[ -n "$ATTEMPT" ] || die "could not start an attempt"
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$ATTEMPT")" = 200 ] || die "the attempt page does not answer 200"

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
measure() { # name url
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $COOKIE" "$2" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "$2" >"$TMP/wrk.txt"
    local rps p50 p99 errors bytes
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk.txt")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$TMP/wrk.txt")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$TMP/wrk.txt")")
    errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$TMP/wrk.txt")
    bytes=$(curl -s -H "Cookie: $COOKIE" "$2" | wc -c)
    echo "| $1 | $rps | $p50 ms | $p99 ms | $errors | $((bytes / 1024)) KB |"
}
echo "## Quiz pages under wrk ($CONNECTIONS connections, $THREADS threads, ${DURATION} s after ${WARMUP} s warm-up)"
echo
echo "| page | requests/s | p50 | p99 | errors | size |"
echo "|---|---|---|---|---|---|"
measure "open attempt of the final quiz (10 questions)" "$ATTEMPT"
measure "the quiz's page (with the learner's attempts)" "$QUIZ"
