#!/usr/bin/env bash
# Mail benchmark for MyAlmaty.Learn: end-to-end delivery of personalised workshop invitations (HTML
# and text bodies, a text/calendar REQUEST alternative and the same .ics attached, List-Unsubscribe)
# from the outbox in a SQLite file to an SMTP server on 127.0.0.1 (the SmtpServer package, in the
# benchmark's process). Builds tests/Benchmarks/MailBench (Release) and runs it once per mode, each
# in a fresh process and data folder:
#   pool    the outbox's workers (Mail:Workers default, 4), each on its own kept connection
#   single  one worker on one kept connection
#   naive   a new SMTP connection per message, one at a time (written in the benchmark only)
# and prints a Markdown table (figures in the README's «Benchmarks / Mail»).
#
# Settings (environment variables): MESSAGES=10000 MODES="pool single naive" NAIVE_MESSAGES=$MESSAGES
# (the naive sender is slow: fewer messages keep its run short).
# Run it on a quiet machine: it measures time.
set -euo pipefail
cd "$(dirname "$0")/../.."
MESSAGES=${MESSAGES:-10000}
MODES=${MODES:-pool single naive}
NAIVE_MESSAGES=${NAIVE_MESSAGES:-$MESSAGES}
dotnet build tests/Benchmarks/MailBench -c Release -v quiet -nologo >/dev/null
echo "| sender | workers | connections | messages | time | messages/s | resident memory start / max / end |"
echo "|---|---:|---:|---:|---:|---:|---|"
for mode in $MODES; do
  dotnet tests/Benchmarks/MailBench/bin/Release/net10.0/MailBench.dll --mode "$mode" --messages "$([ "$mode" = naive ] && echo "$NAIVE_MESSAGES" || echo "$MESSAGES")" 2> >(grep '^mail-bench:' >&2)
done
