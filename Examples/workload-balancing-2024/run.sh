#!/usr/bin/env bash
# Workload balancing for the 2024 work points: who carries the most, who is an outlier, and the
# rebalancing plan — the fewest role swaps that bring the heaviest load as low as it can go, and
# what five swaps can do. Prints the session (output.txt holds it); writes diagram.dot into $OUT
# (default: this folder) and, with RENDER=1, diagram.svg and diagram.png.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
respgraph="${RESPGRAPH:-$here/../../.build/debug/respgraph}"
out="${OUT:-$here}"
echo '$ respgraph workload --doc 2024 --top 10'
"$respgraph" workload --doc 2024 --top 10
echo
echo '$ respgraph workload outliers --doc 2024'
"$respgraph" workload outliers --doc 2024
echo
echo '$ respgraph workload balance --doc 2024'
"$respgraph" workload balance --doc 2024
echo
echo '$ respgraph workload balance --doc 2024 --max-moves 5'
"$respgraph" workload balance --doc 2024 --max-moves 5
echo
echo '$ respgraph dot --doc 2024 --network dependency --top 12 -o diagram.dot'
"$respgraph" dot --doc 2024 --network dependency --top 12 -o "$out/diagram.dot"
if [ "${RENDER:-0}" = 1 ]; then
  "$respgraph" dot --doc 2024 --network dependency --top 12 --render svg -o "$out/diagram.svg"
  "$respgraph" dot --doc 2024 --network dependency --top 12 --render png -o "$out/diagram.png"
fi
