#!/usr/bin/env python3
"""Reference values for respgraph's network measures, computed by NetworkX.

Builds the agency networks of each Guangxi document straight from the curated task tables in
Graphs/ (independently of respgraph's Swift code) and writes networkx-golden.json beside this script.

    python3 Tests/RespGraphAnalysisTests/Golden/make_networkx_golden.py

Rules (the same as respgraph's defaults): collective placeholders (kind "collective" in
Graphs/agencies.csv) are left out; an agency is a node when a task names it; the co-assignment
network links every two agencies of a task (weight = shared tasks); the dependency network links
each lead to each supporter of a task (weight = tasks). Weighted path measures use distance 1/w.
Iterative measures run to tol=1e-12 so their values are converged, not NetworkX's loose default.

Effective size is computed with nodes= given: in NetworkX 3.6.1, effective_size(G, weight=...) without
nodes takes a sparse-matrix shortcut (when scipy is installed) whose row-max normalisation does not
match its own per-node definition on weighted graphs (for 自治区市场监管局 in 2022: 19.989 against
17.797 from the definition). Passing nodes= runs the definition, which is what respgraph computes.
"""
import csv
import json
import math
import os
import sys

import networkx as nx

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def read_csv(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def clean(values):
    return {k: (None if isinstance(v, float) and math.isnan(v) else float(v)) for k, v in sorted(values.items())}


def networks(rows, collectives):
    co = nx.Graph()
    dep = nx.DiGraph()
    for r in rows:
        leads = [a for a in r["lead"].split("，") if a and a not in collectives]
        sups = [a for a in r["support"].split("，") if a and a not in collectives]
        members = list(dict.fromkeys(leads + sups))
        for a in members:
            co.add_node(a)
            dep.add_node(a)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                w = co.edges[a, b]["weight"] + 1 if co.has_edge(a, b) else 1
                co.add_edge(a, b, weight=w)
        for a in dict.fromkeys(leads):
            for b in dict.fromkeys(sups):
                if a != b:
                    w = dep.edges[a, b]["weight"] + 1 if dep.has_edge(a, b) else 1
                    dep.add_edge(a, b, weight=w)
    for g in (co, dep):
        for a, b, d in g.edges(data=True):
            d["distance"] = 1.0 / d["weight"]
    return co, dep


def network_level(g):
    """The report's network-level figures, from NetworkX's own functions and values."""
    n = g.number_of_nodes()
    deg = dict(g.degree())
    bet = nx.betweenness_centrality(g, normalized=True)
    clo = nx.closeness_centrality(g)
    lengths = [d for _, row in nx.all_pairs_shortest_path_length(g) for _, d in row.items() if d > 0]
    comps = list(nx.connected_components(g))
    return {
        "density": nx.density(g),
        "valued_density": sum(w for _, _, w in g.edges(data="weight")) / (n * (n - 1) / 2),
        "degree_centralization": sum(max(deg.values()) - d for d in deg.values()) / ((n - 1) * (n - 2)),
        "betweenness_centralization": sum(max(bet.values()) - b for b in bet.values()) / (n - 1),
        "closeness_centralization": sum(max(clo.values()) - c for c in clo.values()) / ((n - 1) * (n - 2) / (2 * n - 3)),
        "average_path_length": sum(lengths) / len(lengths),
        "diameter": max(lengths),
        "global_efficiency": nx.global_efficiency(g),
        "average_clustering": nx.average_clustering(g),
        "transitivity": nx.transitivity(g),
        "degree_assortativity": nx.degree_assortativity_coefficient(g),
        "components": len(comps),
        "largest_component": max(len(c) for c in comps),
    }


def measures(co, dep, kinds):
    tol = 1e-12
    out = {
        "coassign": {
            "nodes": co.number_of_nodes(),
            "links": co.number_of_edges(),
            "degree_centrality": clean(nx.degree_centrality(co)),
            "strength": clean(dict(co.degree(weight="weight"))),
            "betweenness": clean(nx.betweenness_centrality(co, normalized=True)),
            "betweenness_weighted": clean(nx.betweenness_centrality(co, normalized=True, weight="distance")),
            "closeness": clean(nx.closeness_centrality(co)),
            "closeness_weighted": clean(nx.closeness_centrality(co, distance="distance")),
            "harmonic": clean(nx.harmonic_centrality(co)),
            "harmonic_weighted": clean(nx.harmonic_centrality(co, distance="distance")),
            "eigenvector": clean(nx.eigenvector_centrality(co, max_iter=100000, tol=tol)),
            "eigenvector_weighted": clean(nx.eigenvector_centrality(co, max_iter=100000, tol=tol, weight="weight")),
            "effective_size": clean(nx.effective_size(co, nodes=list(co))),
            "effective_size_weighted": clean(nx.effective_size(co, nodes=list(co), weight="weight")),
            "constraint": clean(nx.constraint(co)),
            "constraint_weighted": clean(nx.constraint(co, weight="weight")),
            "core_number": clean(nx.core_number(co)),
            "components": nx.number_connected_components(co),
            "modularity_by_kind": nx.community.modularity(
                co, [{a for a in co if kinds[a] == k} for k in sorted({kinds[a] for a in co})], weight="weight"),
            "modularity_by_kind_unweighted": nx.community.modularity(
                co, [{a for a in co if kinds[a] == k} for k in sorted({kinds[a] for a in co})], weight=None),
        },
        "network_level": network_level(co),
        "dependency": {
            "nodes": dep.number_of_nodes(),
            "links": dep.number_of_edges(),
            "pagerank": clean(nx.pagerank(dep, alpha=0.85, weight="weight", tol=tol, max_iter=100000)),
            "betweenness": clean(nx.betweenness_centrality(dep, normalized=True)),
            "in_degree": clean(dict(dep.in_degree())),
            "out_degree": clean(dict(dep.out_degree())),
        },
    }
    return out


def main():
    registry = read_csv("Graphs/agencies.csv")
    collectives = {r["name"] for r in registry if r["kind"] == "collective"}
    kinds = {r["name"]: r["kind"] for r in registry}
    golden = {
        "networkx_version": nx.__version__,
        "python_version": sys.version.split()[0],
        "command": "python3 Tests/RespGraphAnalysisTests/Golden/make_networkx_golden.py",
        "documents": {},
    }
    for doc, path in [("2022", "Graphs/guangxi-2022-tasks.csv"), ("2024", "Graphs/guangxi-2024-tasks.csv")]:
        co, dep = networks(read_csv(path), collectives)
        golden["documents"][doc] = measures(co, dep, kinds)
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "networkx-golden.json")
    with open(target, "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", os.path.relpath(target, ROOT))


if __name__ == "__main__":
    main()
