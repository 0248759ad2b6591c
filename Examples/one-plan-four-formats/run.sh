#!/usr/bin/env bash
# One plan as an office receives it in four files — a Word attachment, an Excel list, a PDF and a
# web page (served as GB2312) — imported as they are. The summaries agree: same tasks, agencies and
# edges; only the place each task was read from differs. Prints what output.txt holds:
# ./run.sh > output.txt   (needs Poppler's pdftotext for the PDF)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
respgraph="${RESPGRAPH:-$here/../../.build/debug/respgraph}"
cd "$here"
for f in plan.docx plan.xlsx plan.pdf plan.html; do
  echo "\$ respgraph summary --graph $f"
  "$respgraph" summary --graph "$f" | sed -n '/^Total/p'
done
echo
echo '$ respgraph workload --graph plan.pdf --top 5'
"$respgraph" workload --graph plan.pdf --top 5
echo
echo '$ respgraph task plan:41 --graph plan.docx'
"$respgraph" task plan:41 --graph plan.docx
echo
echo '$ respgraph task plan:41 --graph plan.pdf'
"$respgraph" task plan:41 --graph plan.pdf
