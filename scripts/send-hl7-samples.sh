#!/usr/bin/env bash
# Sends every samples/hl7/*.hl7 to a running gateway with mllp_send (Debian package python3-hl7) and
# checks that every message got an ACK with MSA-1 = AA. Exits non-zero otherwise.
#
#   scripts/send-hl7-samples.sh [host] [port]        (defaults: localhost 2575)
#
# mllp_send reads MLLP-framed input (messages ended by the 0x1c end block) from stdin or --file; the
# samples are bare messages with CR segment separators, which only its --loose mode takes: it splits
# the file on "MSH|^~\&|", turns CRLF and LF into CR and frames each message itself. It prints each
# ACK, framed, on a line of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

host=${1:-localhost}
port=${2:-2575}

command -v mllp_send >/dev/null || { echo "mllp_send not found: apt-get install python3-hl7" >&2; exit 2; }

failed=0
for sample in samples/hl7/*.hl7; do
    name=$(basename "$sample")
    expected=$(grep -o 'MSH|^~\\&|' "$sample" | wc -l)
    if ! acks=$(mllp_send --loose --file "$sample" --port "$port" "$host"); then
        echo "FAIL $name: mllp_send failed" >&2
        failed=1
        continue
    fi
    # one MSA segment per ACK; fields: MSA|<code>|<control id>|<text>
    msas=$(printf '%s' "$acks" | tr '\r' '\n' | grep '^MSA|' || true)
    answered=$(printf '%s' "$msas" | grep -c '^MSA|' || true)
    accepted=$(printf '%s' "$msas" | grep -c '^MSA|AA|' || true)
    if [[ $answered -ne $expected || $accepted -ne $expected ]]; then
        echo "FAIL $name: $expected message(s), $answered ACK(s), $accepted AA:" >&2
        printf '%s\n' "$msas" | cut -d'|' -f1-4 >&2
        failed=1
    else
        printf 'AA   %s: %s\n' "$name" "$(printf '%s' "$msas" | cut -d'|' -f4 | paste -sd' ')"
    fi
done
exit $failed
