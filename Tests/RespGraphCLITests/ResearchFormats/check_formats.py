"""Reads respgraph's research exports with real readers and checks they describe the same graph.

    python3 check_formats.py RESPGRAPH FOLDER

NetworkX reads GraphML, GEXF (with viz), node-link JSON, Cytoscape.js JSON and Pajek; igraph reads
GraphML and runs its bipartite projection on the `bipartite` attribute as is; a UCINET DL reader
written here (full matrix and edge list, one- and two-mode) is checked against NetworkX's Pajek
reading; the Neo4j pair is loaded into Kùzu with respgraph's Cypher script and a lead count is
queried back. Exit status 0 when every check holds.
"""
import json
import os
import shlex
import subprocess
import sys

import igraph
import kuzu
import networkx as nx

respgraph, folder = sys.argv[1], sys.argv[2]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def export(fmt, network, name, *extra):
    path = os.path.join(folder, name)
    subprocess.run([respgraph, "export", "--format", fmt, "--network", network, "--doc", "2024", "-o", path, *extra],
                   check=True, capture_output=True)
    return path


def read_dl(path):
    """A UCINET DL reader: returns (row labels, column labels, {(row, column): value})."""
    words = open(path, encoding="utf-8").read().split("\n")
    header = words[0].lower()
    params = dict(part.split("=") for part in header.split()[1:])
    fmt = params["format"]
    sections, current = {}, None
    for line in words[1:]:
        key = line.strip().lower()
        if key in ("labels:", "row labels:", "column labels:", "data:"):
            current = key[:-1]
            sections[current] = []
        elif line.strip():
            sections[current].append(line)
    label = lambda items: [shlex.split(x)[0] for x in items]
    if "n" in params:
        rows = columns = label(sections["labels"])
    else:
        rows, columns = label(sections["row labels"]), label(sections["column labels"])
    values = {}
    if fmt == "fullmatrix":
        for i, line in enumerate(sections["data"]):
            for j, v in enumerate(line.split()):
                if float(v) != 0:
                    values[(rows[i], columns[j])] = float(v)
    else:
        for line in sections["data"]:
            i, j, v = line.split()
            values[(rows[int(i) - 1], columns[int(j) - 1])] = float(v)
    return rows, columns, values


for network in ["tasks", "coassign", "dependency"]:
    graphml = nx.read_graphml(export("graphml", network, f"{network}.graphml"))
    gexf = nx.read_gexf(export("gexf", network, f"{network}.gexf"))
    nodelink = nx.node_link_graph(json.load(open(export("json", network, f"{network}.json"), encoding="utf-8")), edges="links")
    cyto = nx.cytoscape_graph(json.load(open(export("cytoscape", network, f"{network}.cyjs"), encoding="utf-8")))
    pajek_path = export("pajek", network, f"{network}.net")
    first, rest = open(pajek_path, encoding="utf-8").read().split("\n", 1)
    if network == "tasks":
        # The two-mode header *Vertices n n1 (agencies first) is Pajek's; NetworkX's reader knows
        # only the one-mode form, so it reads a copy without n1.
        check(len(first.split()) == 3, f"two-mode Pajek header: {first}")
        pajek_path = os.path.join(folder, "tasks-one-mode.net")
        open(pajek_path, "w", encoding="utf-8").write(" ".join(first.split()[:2]) + "\n" + rest)
    pajek = nx.read_pajek(pajek_path)
    sizes = {(g.number_of_nodes(), g.number_of_edges()) for g in [graphml, gexf, nodelink, cyto]}
    check(len(sizes) == 1, f"{network}: GraphML, GEXF, JSON and Cytoscape agree on size: {sizes}")
    n, m = sizes.pop()
    check(pajek.number_of_nodes() == n and pajek.number_of_edges() == m, f"{network}: Pajek size {pajek.number_of_nodes()}, {pajek.number_of_edges()} vs {n}, {m}")
    # Analysis attributes on every node; GEXF with viz colour and size.
    data = graphml.nodes["a0"]
    check(all(k in data for k in ["bipartite", "lead", "support", "weighted_load", "community", "core", "kind"]), f"{network}: analysis attributes {sorted(data)}")
    check(data["weighted_load"] == data["lead"] + 0.5 * data["support"], f"{network}: weighted load")
    check("viz" in gexf.nodes["a0"] and "color" in gexf.nodes["a0"]["viz"] and gexf.nodes["a0"]["viz"]["size"] > 4, f"{network}: GEXF viz")
    # Pajek against GraphML: the same labelled edges with the same values.
    label = {v: d["label"] for v, d in graphml.nodes(data=True)}
    if network == "tasks":
        want = {(label[u], label[v]): (2.0 if d["role"] == "lead" else 1.0) for u, v, d in graphml.edges(data=True)}
    else:
        want = {(label[u], label[v]): d["weight"] for u, v, d in graphml.edges(data=True)}
    got = {(u, v): d["weight"] for u, v, d in pajek.edges(data=True)}
    if network != "dependency":
        want = {tuple(sorted(k)): w for k, w in want.items()}
        got = {tuple(sorted(k)): w for k, w in got.items()}
    check(want == got, f"{network}: Pajek edges and values as GraphML ({len(want)} vs {len(got)})")
    # UCINET DL, full matrix and edge list, against the Pajek reading.
    for fmt in ["ucinet", "ucinet-edgelist"]:
        rows, columns, values = read_dl(export(fmt, network, f"{network}-{fmt}.dl"))
        if network != "dependency":
            values = {tuple(sorted(k)): w for k, w in values.items()}
        check(values == (got if network != "dependency" else {k: w for k, w in got.items()}), f"{network} {fmt}: DL cells as Pajek")
        check(set(rows) | set(columns) == set(label.values()), f"{network} {fmt}: labels")

# igraph: GraphML with the numeric bipartite attribute, projected as is.
g = igraph.Graph.Read_GraphML(os.path.join(folder, "tasks.graphml"))
check(g.is_bipartite(), "igraph: the agency–task graph is bipartite")
agencies_projection, _ = g.bipartite_projection(types="bipartite")
two_mode = nx.read_graphml(os.path.join(folder, "tasks.graphml"))
agencies = [v for v, d in two_mode.nodes(data=True) if d["bipartite"] == 0]
nx_projection = nx.bipartite.projected_graph(two_mode.to_undirected(), agencies)
check((agencies_projection.vcount(), agencies_projection.ecount()) == (nx_projection.number_of_nodes(), nx_projection.number_of_edges()),
      f"igraph projection {agencies_projection.vcount()}/{agencies_projection.ecount()} vs NetworkX {nx_projection.number_of_nodes()}/{nx_projection.number_of_edges()}")

# Neo4j bulk-import pair loaded into Kùzu with respgraph's script; a lead count queried back.
export("neo4j", "tasks", "g")
os.chdir(folder)
connection = kuzu.Connection(kuzu.Database(os.path.join(folder, "graph.kuzu")))
for line in open("g-load.cypher", encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("//"):
        connection.execute(line.rstrip(";"))
led = connection.execute("MATCH (a:Agency)-[:LEADS]->(:Task) WHERE a.name = '自治区数据局' RETURN count(*)").get_next()[0]
agency = json.loads(subprocess.run([respgraph, "agency", "数据局", "--doc", "2024", "--format", "json"], capture_output=True, text=True, check=True).stdout)
check(led == agency["tasks_led"], f"Kùzu lead count {led} vs respgraph agency {agency['tasks_led']}")
edges = connection.execute("MATCH (:Agency)-[r]->(:Task) RETURN count(r)").get_next()[0]
check(edges == two_mode.number_of_edges(), f"Kùzu relationships {edges} vs {two_mode.number_of_edges()}")

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("all checks hold")
