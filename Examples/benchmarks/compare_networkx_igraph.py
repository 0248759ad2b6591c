#!/usr/bin/env python3
"""Times NetworkX and igraph on the same networks respgraph-bench measured.

    swift run -c release respgraph-bench --scales 1,10,100,1000 --export-dir /tmp/respgraph-bench \
        --out Examples/benchmarks/respgraph.md
    python3 Examples/benchmarks/compare_networkx_igraph.py /tmp/respgraph-bench > Examples/benchmarks/libraries.md

Reads coassign-K.txt (undirected, "u v weight") and dependency-K.txt (directed) for each scale K and
times: unweighted and weighted betweenness (length 1/w), closeness, PageRank on the dependency
network, and communities (igraph: multilevel/Louvain; NetworkX: louvain_communities, seed 1).
Medians of 3 runs (1 at 1000×). Where a NetworkX measure would take minutes, it is timed on a sample
of sources and extrapolated linearly (marked "≈"); exact betweenness is skipped at 1000× for both
libraries, as for respgraph; exact closeness runs at every scale in igraph and NetworKit.

NetworKit (2 threads, like respgraph) adds its exact betweenness and closeness and its sampled
betweenness with the same kind of guarantee as respgraph's (KADABRA: every value within ε = 0.005
with probability 1 − δ, δ = 0.05; its Riondato–Kornaropoulos ApproxBetweenness took 19 s at 10× and
is left out); igraph and NetworkX run on one thread.
"""
import os
import statistics
import sys
import time

import igraph as ig
import networkit as nk
import networkx as nx

nk.setNumberOfThreads(2)


def load(path, directed):
    with open(path) as f:
        n = int(f.readline().split()[1])
        edges, weights = [], []
        for line in f:
            u, v, w = line.split()
            edges.append((int(u), int(v)))
            weights.append(float(w))
    return n, edges, weights


def timed(runs, fn):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(folder):
    scales = sorted(int(name.split("-")[1].split(".")[0]) for name in os.listdir(folder) if name.startswith("coassign-"))
    print(f"NetworkX {nx.__version__}, igraph {ig.__version__}, NetworKit {nk.__version__}, Python {sys.version.split()[0]}\n")
    print("| scale | library | betweenness (s) | betweenness weighted (s) | closeness (s) | PageRank (s) | communities (s) | sampled betweenness, ε 0.005 (s) |")
    print("|---|---|---|---|---|---|---|---|")
    for k in scales:
        runs = 1 if k >= 1000 else 3
        n, edges, weights = load(os.path.join(folder, f"coassign-{k}.txt"), False)
        dn, dedges, dweights = load(os.path.join(folder, f"dependency-{k}.txt"), True)
        g = ig.Graph(n=n, edges=edges, directed=False)
        g.es["weight"] = weights
        g.es["distance"] = [1.0 / w for w in weights]
        dg = ig.Graph(n=dn, edges=dedges, directed=True)
        dg.es["weight"] = dweights
        big = k >= 1000
        cells = [
            "–" if big else f"{timed(runs, lambda: g.betweenness(directed=False)):.3f}",
            "–" if big else f"{timed(runs, lambda: g.betweenness(directed=False, weights='distance')):.3f}",
            f"{timed(runs, lambda: g.closeness()):.3f}",
            f"{timed(runs, lambda: dg.pagerank(weights='weight')):.3f}",
            f"{timed(runs, lambda: g.community_multilevel(weights='weight')):.3f}",
        ]
        print(f"| {k}× | igraph | " + " | ".join(cells) + " | – |", flush=True)

        K = nk.Graph(n, weighted=True, directed=False)
        for (u, v), w in zip(edges, weights):
            K.addEdge(u, v, 1.0 / w)
        U = nk.graphtools.toUnweighted(K)
        cells = [
            "–" if big else f"{timed(runs, lambda: nk.centrality.Betweenness(U, normalized=True).run()):.3f}",
            "–" if big else f"{timed(runs, lambda: nk.centrality.Betweenness(K, normalized=True).run()):.3f}",
            f"{timed(runs, lambda: nk.centrality.Closeness(U, True, nk.centrality.ClosenessVariant.GENERALIZED).run()):.3f}",
            "", "",
        ]
        approx = timed(runs, lambda: nk.centrality.KadabraBetweenness(U, 0.005, 0.05).run())
        print(f"| {k}× | NetworKit (2 threads) | " + " | ".join(c if c else "–" for c in cells) + f" | {approx:.3f} |", flush=True)

        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_weighted_edges_from((u, v, w) for (u, v), w in zip(edges, weights))
        for u, v, d in G.edges(data=True):
            d["distance"] = 1.0 / d["weight"]
        D = nx.DiGraph()
        D.add_nodes_from(range(dn))
        D.add_weighted_edges_from((u, v, w) for (u, v), w in zip(dedges, dweights))

        def sampled(fn, sources):
            t = timed(1, fn)
            return t * n / sources

        if big:
            cells = ["–", "–", "–"]
        elif n <= 500:
            cells = [f"{timed(runs, lambda: nx.betweenness_centrality(G)):.3f}",
                     f"{timed(runs, lambda: nx.betweenness_centrality(G, weight='distance')):.3f}",
                     f"{timed(runs, lambda: nx.closeness_centrality(G)):.3f}"]
        else:
            s = 50
            cells = [f"≈{sampled(lambda: nx.betweenness_centrality(G, k=s, seed=1), s):.1f}",
                     f"≈{sampled(lambda: nx.betweenness_centrality(G, k=s, seed=1, weight='distance'), s):.1f}",
                     f"≈{sampled(lambda: [nx.closeness_centrality(G, u=u) for u in range(s)], s):.1f}"]
        cells.append(f"{timed(runs, lambda: nx.pagerank(D, alpha=0.85, weight='weight')):.3f}")
        cells.append(f"{timed(runs, lambda: nx.community.louvain_communities(G, weight='weight', seed=1)):.3f}")
        print(f"| {k}× | NetworkX | " + " | ".join(cells) + " | – |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/respgraph-bench")
