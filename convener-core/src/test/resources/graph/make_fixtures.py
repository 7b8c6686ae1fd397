#!/usr/bin/env python3
"""Reference values for the graph kernel's tests, computed by NetworkX.

Run from anywhere: python3 make_fixtures.py  (NetworkX 3.6.1 made the committed files).
Each fixture is a directed weighted edge list plus the expected per-node metrics, computed
exactly as the interaction-graph contract defines them:
  - PageRank on the directed weighted graph (damping 0.85, dangling rank spread uniformly);
  - everything else on the undirected graph whose edge weight is the sum of both directions;
    betweenness and closeness with distance = 1 / weight.
Node i of a fixture is the i-th node of the source graph in NetworkX's node order.
"""
import json
import math
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def contract_graphs(n, edges):
    directed = nx.DiGraph()
    directed.add_nodes_from(range(n))
    for a, b, w in edges:
        if a == b:
            continue
        if directed.has_edge(a, b):
            directed[a][b]["weight"] += w
        else:
            directed.add_edge(a, b, weight=w)
    undirected = nx.Graph()
    undirected.add_nodes_from(range(n))
    for a, b, d in directed.edges(data=True):
        if undirected.has_edge(a, b):
            undirected[a][b]["weight"] += d["weight"]
        else:
            undirected.add_edge(a, b, weight=d["weight"])
    for a, b, d in undirected.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return directed, undirected


def clean(values, n):
    out = []
    for v in range(n):
        x = float(values[v])
        out.append(None if math.isnan(x) else x)
    return out


def fixture(name, n, edges, description):
    directed, undirected = contract_graphs(n, edges)
    pagerank = nx.pagerank(directed, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000)
    betweenness = nx.betweenness_centrality(undirected, weight="distance", normalized=True)
    closeness = nx.closeness_centrality(undirected, distance="distance")
    eigenvector = nx.eigenvector_centrality(undirected, weight="weight", tol=1e-14, max_iter=1000000)
    # nodes= selects NetworkX's iterative code path: in 3.6.1 the vectorised path (nodes=None)
    # divides by the column maximum instead of the row maximum for weighted effective size
    # (networkx/networkx#8906); the iterative path follows the definition.
    nodes = list(range(n))
    constraint = nx.constraint(undirected, nodes=nodes, weight="weight")
    effective_size = nx.effective_size(undirected, nodes=nodes, weight="weight")
    clustering = nx.clustering(undirected)
    louvain = nx.community.louvain_communities(undirected, weight="weight", seed=0)
    partition = [0] * n
    for index, community in enumerate(louvain):
        for v in community:
            partition[v] = index
    data = {
        "name": name,
        "description": description,
        "networkx": nx.__version__,
        "nodes": n,
        "edges": [[a, b, w] for a, b, w in edges],
        "directedEdges": directed.number_of_edges(),
        "undirectedEdges": undirected.number_of_edges(),
        "degree": [undirected.degree(v) for v in range(n)],
        "strength": [float(undirected.degree(v, weight="weight")) for v in range(n)],
        "pagerank": clean(pagerank, n),
        "betweenness": clean(betweenness, n),
        "closeness": clean(closeness, n),
        "eigenvector": clean(eigenvector, n),
        "constraint": clean(constraint, n),
        "effectiveSize": clean(effective_size, n),
        "clustering": clean(clustering, n),
        "louvainCommunities": partition,
        "louvainModularity": nx.community.modularity(undirected, louvain, weight="weight"),
    }
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(data, f, indent=None, separators=(",", ":"))
        f.write("\n")


def indexed(graph):
    index = {v: i for i, v in enumerate(graph.nodes())}
    return len(index), index


def main():
    # Zachary's karate club with NetworkX's contact counts, every tie in both directions.
    karate = nx.karate_club_graph()
    n, ix = indexed(karate)
    edges = []
    for a, b, d in karate.edges(data=True):
        edges.append([ix[a], ix[b], d["weight"]])
        edges.append([ix[b], ix[a], d["weight"]])
    fixture("karate", n, edges, "Zachary karate club, weighted, both directions")

    # Padgett's Florentine families, each marriage once, in NetworkX's edge direction.
    florentine = nx.florentine_families_graph()
    n, ix = indexed(florentine)
    edges = [[ix[a], ix[b], 1.0] for a, b in florentine.edges()]
    fixture("florentine", n, edges, "Florentine families, unweighted, one direction per tie")

    # Les Miserables co-appearances: a->b with the weight, and every third tie answered b->a.
    lesmis = nx.les_miserables_graph()
    n, ix = indexed(lesmis)
    edges = []
    for i, (a, b, d) in enumerate(lesmis.edges(data=True)):
        edges.append([ix[a], ix[b], float(d["weight"])])
        if i % 3 == 0:
            edges.append([ix[b], ix[a], float(1 + i % 4)])
    fixture("lesmis", n, edges, "Les Miserables, weighted, every third tie reciprocated")

    # Four planted communities of 25, p_in 0.3, p_out 0.02, integer weights 1..5, random direction,
    # some ties repeated (parallel edges are summed).
    planted = nx.planted_partition_graph(4, 25, 0.3, 0.02, seed=42)
    rng = random.Random(7)
    edges = []
    for a, b in planted.edges():
        w = float(rng.randint(1, 5))
        r = rng.random()
        if r < 0.4:
            edges.append([a, b, w])
        elif r < 0.8:
            edges.append([b, a, w])
        else:
            edges.append([a, b, w])
            edges.append([b, a, float(rng.randint(1, 3))])
        if rng.random() < 0.1:
            edges.append([a, b, 0.5])
    fixture("planted", 100, edges, "planted partition 4x25, p_in 0.3, p_out 0.02, seed 42")

    # Small directed graph: dangling nodes, a second component, an isolated node, a self-loop
    # (ignored), parallel edges and fractional weights.
    edges = [
        [0, 1, 1.5], [1, 2, 2.25], [2, 0, 0.5], [0, 3, 1.0], [3, 4, 3.0], [1, 4, 0.75],
        [2, 5, 1.0], [2, 5, 1.0], [5, 2, 0.25], [4, 4, 9.0], [3, 1, 0.5],
        [6, 7, 2.0], [7, 8, 1.0], [6, 8, 0.5],
    ]
    fixture("directed", 10, edges, "directed weighted: dangling 4 and 8, component {6,7,8}, isolated 9")


if __name__ == "__main__":
    main()
