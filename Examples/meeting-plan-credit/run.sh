#!/usr/bin/env bash
# Meeting plans for the 获得信贷 (access to credit) tasks of 2024 (24 tasks: solved exactly): three
# meetings, then afternoons of at most 6 tasks in rooms of at most 12 agencies (the fewest meetings
# that fit), with the agency–task diagram. Prints the session (output.txt holds it); writes
# diagram.dot into $OUT (default: this folder) and, with RENDER=1, diagram.svg and diagram.png.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
respgraph="${RESPGRAPH:-$here/../../.build/debug/respgraph}"
out="${OUT:-$here}"
echo '$ respgraph plan --doc 2024 --indicator 获得信贷 --meetings 3'
"$respgraph" plan --doc 2024 --indicator 获得信贷 --meetings 3
echo
echo '$ respgraph plan --doc 2024 --indicator 获得信贷 --max-tasks 6 --max-agencies 12'
"$respgraph" plan --doc 2024 --indicator 获得信贷 --max-tasks 6 --max-agencies 12
echo
echo '$ respgraph dot --doc 2024 --network tasks --indicator 获得信贷 -o diagram.dot'
"$respgraph" dot --doc 2024 --network tasks --indicator 获得信贷 -o "$out/diagram.dot"
if [ "${RENDER:-0}" = 1 ]; then
  "$respgraph" dot --doc 2024 --network tasks --indicator 获得信贷 --render svg -o "$out/diagram.svg"
  "$respgraph" dot --doc 2024 --network tasks --indicator 获得信贷 --render png -o "$out/diagram.png"
fi
