#!/usr/bin/env bash
# The coordination ego network of 自治区数据局 (the Data Bureau) in 2024: its tasks, whom it relies on,
# who relies on it, and a diagram of its partners. Prints the session (output.txt holds it); writes
# diagram.dot into $OUT (default: this folder) and, with RENDER=1, diagram.svg and diagram.png.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
respgraph="${RESPGRAPH:-$here/../../.build/debug/respgraph}"
out="${OUT:-$here}"
echo '$ respgraph agency 数据局 --doc 2024'
"$respgraph" agency 数据局 --doc 2024
echo
echo '$ respgraph deps 数据局 --doc 2024'
"$respgraph" deps 数据局 --doc 2024
echo
echo '$ respgraph dot --doc 2024 --agency 数据局 --top 16 -o diagram.dot'
"$respgraph" dot --doc 2024 --agency 数据局 --top 16 -o "$out/diagram.dot"
if [ "${RENDER:-0}" = 1 ]; then
  "$respgraph" dot --doc 2024 --agency 数据局 --top 16 --render svg -o "$out/diagram.svg"
  "$respgraph" dot --doc 2024 --agency 数据局 --top 16 --render png -o "$out/diagram.png"
fi
