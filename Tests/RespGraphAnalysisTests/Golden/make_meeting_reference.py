#!/usr/bin/env python3
"""Meeting plans of the curated documents by outside solvers, for respgraph's tests.

    pip install highspy==1.12.0 mtkahypar==1.7.post1
    python3 Tests/RespGraphAnalysisTests/Golden/make_meeting_reference.py .build/debug/respgraph \
        Tests/RespGraphAnalysisTests/Golden/meeting-reference.json

Model: each task is in exactly one of k meetings of at most T tasks (T = ceil(1.1 n / k), the cap
respgraph chooses when only --meetings is given); a meeting invites the non-collective agencies its
tasks name; the attendance is the number of (meeting, agency) invitations.
- Small selections (the tasks of one indicator, k = 2 and 3): the exact optimum, a MILP solved by
  HiGHS: x[t,b] task t in meeting b, y[a,b] agency a invited to b; sum_b x[t,b] = 1,
  x[t,b] <= y[a,b] for every agency a of t, sum_t x[t,b] <= T; minimise sum y.
- Whole documents (k = 2, 3, 4, 6, 8): Mt-KaHyPar's connectivity (km1) partition of the hypergraph
  whose vertices are tasks and hyperedges agencies, deterministic preset, every block at most T
  tasks; attendance = km1 + the agencies named.
respgraph's plans must equal the optimum where it is known and never cost more than Mt-KaHyPar.
"""
import csv
import io
import json
import subprocess
import sys

import highspy
import mtkahypar

respgraph, target = sys.argv[1], sys.argv[2]


def run(*args):
    return subprocess.run([respgraph, *args], capture_output=True, text=True, check=True).stdout


kinds = {a["agency"]: a["kind"] for a in json.loads(run("agencies", "--format", "json"))["agencies"]}


def tasks_of(doc):
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "tasks", "--doc", doc))))
    named = lambda r: sorted({x for x in (r["lead"] + "，" + r["support"]).split("，") if x and kinds.get(x) != "collective"})
    return [(r["indicator"], named(r)) for r in rows]


def cap(n, k):
    return max(1, (11 * n + 10 * k - 1) // (10 * k))


def milp(tasks, k, T):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0)
    agencies = sorted({a for t in tasks for a in t})
    x = {}
    y = {}
    for b in range(k):
        for a in agencies:
            y[a, b] = h.getNumCol()
            h.addVar(0, 1)
            h.changeColIntegrality(y[a, b], highspy.HighsVarType.kInteger)
            h.changeColCost(y[a, b], 1)
        for t in range(len(tasks)):
            x[t, b] = h.getNumCol()
            h.addVar(0, 1)
            h.changeColIntegrality(x[t, b], highspy.HighsVarType.kInteger)
    for t in range(len(tasks)):
        h.addRow(1, 1, k, [x[t, b] for b in range(k)], [1.0] * k)
        for b in range(k):
            for a in tasks[t]:
                h.addRow(-highspy.kHighsInf, 0, 2, [x[t, b], y[a, b]], [1.0, -1.0])
    for b in range(k):
        h.addRow(-highspy.kHighsInf, T, len(tasks), [x[t, b] for t in range(len(tasks))], [1.0] * len(tasks))
    h.run()
    return round(h.getInfo().objective_function_value)


initializer = mtkahypar.initialize(1, False)


def kahypar(tasks, k, T):
    agencies = sorted({a for t in tasks for a in t})
    edges = [[i for i, t in enumerate(tasks) if a in t] for a in agencies]
    context = initializer.context_from_preset(mtkahypar.PresetType.DETERMINISTIC)
    context.set_partitioning_parameters(k, 0.1, mtkahypar.Objective.KM1)
    context.set_individual_target_block_weights([T] * k)
    context.logging = False
    mtkahypar.set_seed(0)
    part = initializer.create_hypergraph(context, len(tasks), len(edges), edges).partition(context)
    blocks = [part.block_id(v) for v in range(len(tasks))]
    assert all(blocks.count(b) <= T for b in range(k))
    return sum(len({blocks[t] for t in e}) for e in edges)


out = {"command": "python3 Tests/RespGraphAnalysisTests/Golden/make_meeting_reference.py .build/debug/respgraph "
                  "Tests/RespGraphAnalysisTests/Golden/meeting-reference.json",
       "solvers": "HiGHS %d.%d.%d (exact, small selections); Mt-KaHyPar %s, deterministic preset (whole documents)" % (
           highspy.Highs().versionMajor(), highspy.Highs().versionMinor(), highspy.Highs().versionPatch(), "1.7"),
       "exact": [], "kahypar": []}
for doc in ["2022", "2024"]:
    rows = tasks_of(doc)
    indicators = []
    for ind, _ in rows:
        if ind not in indicators:
            indicators.append(ind)
    for ind in indicators:
        tasks = [t for i, t in rows if i == ind]
        if not 6 <= len(tasks) <= 24:
            continue
        for k in [2, 3]:
            T = cap(len(tasks), k)
            out["exact"].append({"document": doc, "indicator": ind, "tasks": len(tasks), "meetings": k, "max_tasks": T,
                                 "attendance": milp([t for t in tasks], k, T)})
    tasks = [t for _, t in rows]
    for k in [2, 3, 4, 6, 8]:
        T = cap(len(tasks), k)
        out["kahypar"].append({"document": doc, "tasks": len(tasks), "meetings": k, "max_tasks": T, "attendance": kahypar(tasks, k, T)})
# HiGHS prints a banner on standard output when created, so the values go to a file.
with open(target, "w", encoding="utf-8") as f:
    f.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
