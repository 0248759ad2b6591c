#!/usr/bin/env bash
# The research report comparing the 2022 plan with the 2024 work points: Markdown on standard output
# (report.md holds it), and with RENDER=1 the self-contained HTML (report.html) and a screenshot of it
# taken by headless Chromium (screenshot.png).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
respgraph="${RESPGRAPH:-$here/../../.build/debug/respgraph}"
"$respgraph" report --compare 2022 --compare 2024
if [ "${RENDER:-0}" = 1 ]; then
  "$respgraph" report --compare 2022 --compare 2024 --format html -o "$here/report.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
    --screenshot="$here/screenshot.png" "file://$here/report.html" >/dev/null 2>&1
fi
