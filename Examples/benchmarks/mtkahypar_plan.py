#!/usr/bin/env python3
"""The yardstick for respgraph plan: Mt-KaHyPar (deterministic preset, connectivity objective)
partitioning a document's tasks into K meetings of at most T tasks, as a user with Python would.

    python3 Examples/benchmarks/mtkahypar_plan.py write RESPGRAPH DOC FILE.json   # the hypergraph, once
    python3 Examples/benchmarks/mtkahypar_plan.py FILE.json K T                     # timed: read, partition, print attendance
"""
import csv
import io
import json
import subprocess
import sys

if sys.argv[1] == "write":
    respgraph, doc, target = sys.argv[2:5]
    run = lambda *a: subprocess.run([respgraph, *a], capture_output=True, text=True, check=True).stdout
    kinds = {a["agency"]: a["kind"] for a in json.loads(run("agencies", "--format", "json"))["agencies"]}
    rows = csv.DictReader(io.StringIO(run("export", "--format", "tasks", "--doc", doc)))
    tasks = [sorted({x for x in (r["lead"] + "，" + r["support"]).split("，") if x and kinds.get(x) != "collective"}) for r in rows]
    json.dump(tasks, open(target, "w", encoding="utf-8"), ensure_ascii=False)
    sys.exit(0)

import mtkahypar

tasks = json.load(open(sys.argv[1], encoding="utf-8"))
k, cap = int(sys.argv[2]), int(sys.argv[3])
agencies = sorted({a for t in tasks for a in t})
edges = [[i for i, t in enumerate(tasks) if a in t] for a in agencies]
initializer = mtkahypar.initialize(1, False)
context = initializer.context_from_preset(mtkahypar.PresetType.DETERMINISTIC)
context.set_partitioning_parameters(k, 0.1, mtkahypar.Objective.KM1)
context.set_individual_target_block_weights([cap] * k)
context.logging = False
mtkahypar.set_seed(0)
part = initializer.create_hypergraph(context, len(tasks), len(edges), edges).partition(context)
blocks = [part.block_id(v) for v in range(len(tasks))]
print(sum(len({blocks[t] for t in e}) for e in edges))
