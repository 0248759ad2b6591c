#!/usr/bin/env bash
# An office's own task list, kept in a spreadsheet and saved as UTF-8 CSV, read with the same rules
# as the published plans. Prints what output.txt holds: ./run.sh > output.txt
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
respgraph="${RESPGRAPH:-$here/../../.build/debug/respgraph}"
cd "$here"
echo '$ respgraph summary --graph tasks.csv'
"$respgraph" summary --graph tasks.csv
echo
echo '$ respgraph workload --graph tasks.csv --include-collectives'
"$respgraph" workload --graph tasks.csv --include-collectives
echo
echo '$ respgraph agency 钦州 --graph tasks.csv'
"$respgraph" agency 钦州 --graph tasks.csv
