"""Reference values for ChampionScoringTest, computed independently with NetworkX.

Run: python3 expected_scores.py   (NetworkX 3.x). Prints the expected components and scores of the
"two teams and a bridge" scenario. The scenario (weights 1 unless said):
  red team a, b, c; blue team d, e, f
  replies a->b, b->c, c->a, d->e, e->f, f->d, c->d, d->c
  endorsements a->c three times (diminishing returns 1 + 0.5 + 0.25 = 1.75)
  reactions b->c twice (1 + 0.5 = 1.5)
  a self-reply c->c (ignored) and a post (message without targets) by c
"""
import math
import networkx as nx

nodes = "abcdef"
replies = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d"), ("c", "d"), ("d", "c")]
endorse = {("a", "c"): 1 + 0.5 + 0.25}
react = {("b", "c"): 1 + 0.5}

D = nx.DiGraph()
D.add_nodes_from(nodes)
def add(u, v, w):
    D.add_edge(u, v, weight=D[u][v]["weight"] + w if D.has_edge(u, v) else w)
for u, v in replies:
    add(u, v, 1)
for (u, v), w in list(endorse.items()) + list(react.items()):
    add(u, v, w)

U = nx.Graph()
U.add_nodes_from(nodes)
for u, v, d in D.edges(data=True):
    w = d["weight"] + (U[u][v]["weight"] if U.has_edge(u, v) else 0)
    U.add_edge(u, v, weight=w)
for u, v, d in U.edges(data=True):
    d["distance"] = 1 / d["weight"]

pr = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000)
bet = nx.betweenness_centrality(U, weight="distance", normalized=True)
con = nx.constraint(U, weight="weight")

given = {n: 0.0 for n in nodes}
resp = {n: 0.0 for n in nodes}
endo = {n: 0.0 for n in nodes}
for u, v in replies:
    given[u] += 1
    resp[v] += 1
for (u, v), w in endorse.items():
    given[u] += w
    endo[v] += w
for (u, v), w in react.items():
    given[u] += w
    resp[v] += w
given["c"] += 1  # the post

def norm(x):
    m = max(x.values())
    return {k: (v / m if m > 0 else 0) for k, v in x.items()}

maxb = max(bet.values())
brok = {n: 0.5 * (bet[n] / maxb) + 0.5 * max(0.0, 1 - con[n]) for n in nodes}
W = {"influence": 0.3, "engagement": 0.2, "responses": 0.2, "endorsements": 0.1, "brokerage": 0.2}
comp = {"influence": norm(pr), "engagement": norm(given), "responses": norm(resp), "endorsements": norm(endo),
        "brokerage": brok}
for n in nodes:
    score = sum(W[c] * comp[c][n] for c in W)
    ratio = math.log((resp[n] + 1) / (given[n] + 1))
    print(n, "score=%.12f" % score, " ".join("%s=%.12f" % (c, comp[c][n]) for c in W),
          "pr=%.12f bet=%.12f con=%.12f given=%.2f resp=%.2f ratio=%.4f" % (pr[n], bet[n], con[n], given[n], resp[n], ratio))

# The contract's graph for `metrics`: the same events without diminishing returns
# (a->c endorsements weigh 3, b->c reactions 2); self-loops ignored.
C = nx.DiGraph()
C.add_nodes_from(nodes)
for u, v, w in [("a", "b", 1), ("b", "c", 3), ("c", "a", 1), ("a", "c", 3), ("d", "e", 1), ("e", "f", 1),
                ("f", "d", 1), ("c", "d", 1), ("d", "c", 1)]:
    C.add_edge(u, v, weight=w)
CU = nx.Graph()
CU.add_nodes_from(nodes)
for u, v, d in C.edges(data=True):
    CU.add_edge(u, v, weight=d["weight"] + (CU[u][v]["weight"] if CU.has_edge(u, v) else 0))
for u, v, d in CU.edges(data=True):
    d["distance"] = 1 / d["weight"]
cpr = nx.pagerank(C, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000)
cbet = nx.betweenness_centrality(CU, weight="distance", normalized=True)
ccon = nx.constraint(CU, weight="weight")
ceff = nx.effective_size(CU, weight="weight")
print("contract c: pagerank=%.12f betweenness=%.12f constraint=%.12f effectiveSize=%.12f strength=%s degree=%d"
      % (cpr["c"], cbet["c"], ccon["c"], ceff["c"], CU.degree("c", weight="weight"), CU.degree("c")))

# Effective size by NetworkX's own definition (its pure-Python path: sum over neighbours u of
# 1 - sum_w p(c,w) m(u,w)). With SciPy installed, NetworkX 3.6.1 takes a vectorised path that gives
# 2.7778 on this weighted graph instead; the test follows the definition (2.768518...).
def mutual(u, v):
    return 2 * CU[u][v]["weight"] if CU.has_edge(u, v) else 0
def nmw(u, v, norm=sum):
    s = norm(mutual(u, w) for w in CU[u])
    return mutual(u, v) / s if s else 0
print("contract c: effectiveSize by definition=%.12f"
      % sum(1 - sum(nmw("c", w) * nmw(u, w, norm=max) for w in CU["c"]) for u in CU["c"]))
