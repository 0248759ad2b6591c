#!/usr/bin/env python3
"""The rebalancing plan of each curated document solved as a MILP by HiGHS, for respgraph's tests.

    pip install highspy==1.12.0
    python3 Tests/RespGraphAnalysisTests/Golden/make_rebalancing_reference.py .build/debug/respgraph \
        Tests/RespGraphAnalysisTests/Golden/rebalancing-reference.json

Model (the issue's own): y[t,a] = 1 when agency a leads task t, for the non-collective agencies named
in t; each task keeps its number of non-collective leads; an agency's load is 1 per lead and 0.5 per
support (collectives keep their roles and are not counted). Stage 1 minimises the highest load L;
stage 2 fixes L and minimises the number of new leads (moves). With a move limit K: minimise L
subject to at most K moves. respgraph's answers must equal these.
"""
import csv
import io
import json
import subprocess
import sys

import highspy

respgraph, target = sys.argv[1], sys.argv[2]


def run(*args):
    return subprocess.run([respgraph, *args], capture_output=True, text=True, check=True).stdout


kinds = {a["agency"]: a["kind"] for a in json.loads(run("agencies", "--format", "json"))["agencies"]}


def solve(tasks, max_moves=None, fixed_level=None):
    """Returns (highest load, moves) of the optimum."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0)
    inf = highspy.kHighsInf
    base = {}
    var = {}  # (t, a) -> column
    cost_new = []
    agencies = set()
    for t, (leads, supports) in enumerate(tasks):
        for a in leads + supports:
            if kinds.get(a) == "collective":
                continue
            agencies.add(a)
            base[a] = base.get(a, 0) + 0.5
    # L is column 0.
    h.addVar(0, inf)
    h.changeColCost(0, 1 if fixed_level is None else 0)
    for t, (leads, supports) in enumerate(tasks):
        free = [a for a in leads + supports if kinds.get(a) != "collective"]
        k = sum(1 for a in leads if kinds.get(a) != "collective")
        cols = []
        for a in free:
            col = h.getNumCol()
            h.addVar(0, 1)
            h.changeColIntegrality(col, highspy.HighsVarType.kInteger)
            var[(t, a)] = col
            if a not in leads:
                cost_new.append(col)
            cols.append(col)
        if cols:
            h.addRow(k, k, len(cols), cols, [1.0] * len(cols))
    for a in agencies:
        cols = [c for (t, b), c in var.items() if b == a]
        # base + 0.5 * leads - L <= 0
        h.addRow(-inf, -base[a], len(cols) + 1, cols + [0], [0.5] * len(cols) + [-1.0])
    if max_moves is not None:
        h.addRow(-inf, max_moves, len(cost_new), cost_new, [1.0] * len(cost_new))
    if fixed_level is not None:
        h.changeColBounds(0, fixed_level, fixed_level)
        for c in cost_new:
            h.changeColCost(c, 1)
    h.run()
    sol = h.getSolution().col_value
    moves = round(sum(sol[c] for c in cost_new))
    return sol[0], moves


def tasks_of(doc):
    rows = csv.DictReader(io.StringIO(run("export", "--format", "tasks", "--doc", doc)))
    split = lambda s: [x for x in s.split("，") if x]
    return [(split(r["lead"]), split(r["support"])) for r in rows]


out = {"command": "python3 Tests/RespGraphAnalysisTests/Golden/make_rebalancing_reference.py .build/debug/respgraph "
                  "Tests/RespGraphAnalysisTests/Golden/rebalancing-reference.json",
       "solver": "HiGHS " + ".".join(str(h) for h in [highspy.Highs().versionMajor(), highspy.Highs().versionMinor(), highspy.Highs().versionPatch()]),
       "documents": {}}
for doc in ["2022", "2024"]:
    tasks = tasks_of(doc)
    level, _ = solve(tasks)
    level = round(level * 2) / 2
    _, moves = solve(tasks, fixed_level=level)
    limited = {}
    for k in [1, 3, 5]:
        lk, _ = solve(tasks, max_moves=k)
        limited[str(k)] = round(lk * 2) / 2
    out["documents"][doc] = {"lowest_max_load": level, "fewest_moves": moves, "lowest_max_load_within_moves": limited}
# HiGHS prints a banner on standard output when created, so the values go to a file.
with open(target, "w", encoding="utf-8") as f:
    f.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
