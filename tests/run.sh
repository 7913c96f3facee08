#!/usr/bin/env bash
# Runs every test of MyAlmaty.Learn (unit, HTTP and browser tests) and installs what they need.
# Ends with one line "N passed, N failed"; a skipped test counts as a failure, because a test
# that does not run checks nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
# Debian's Chromium for the browser tests; fontconfig, which SkiaSharp's native library (media uploads) loads.
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/*/libfontconfig.so.1' >/dev/null || missing+=(libfontconfig1)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]}…"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test MyAlmaty.Learn.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

read -r total passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
total = passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns).attrib
    total += int(c["total"]); passed += int(c["passed"]); failed += int(c["failed"]) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c["notExecuted"]) + int(c.get("inconclusive", 0))
print(total, passed, failed, skipped)
PY
)

if [ "$total" -eq 0 ]; then
  echo "No test ran."
  status=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "$skipped test(s) did not run; a skipped test counts as failed."
  failed=$((failed + skipped))
  status=1
fi
echo "$passed passed, $failed failed"
exit $status
