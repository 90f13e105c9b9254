"""Writes synthetic_landscape.json: a seeded synthetic landscape on the 15,625-cell space and the
locality measures that Tests/LandscapeTests check against it, computed independently with numpy/scipy.

Run from this folder: python3 make_synthetic_golden.py (numpy 2.4.6, scipy 1.17.1 were used).
Nothing here comes from the real benchmark data.
"""
import json
from collections import deque

import numpy as np
from scipy import sparse, stats
from scipy.sparse import csgraph

N, EDGES = 5 ** 6, 6
rng = np.random.default_rng(20240501)
codes = np.arange(N)
ops = np.stack([(codes // 5 ** e) % 5 for e in range(EDGES)], axis=1)

# Additive terms, pairwise interactions and noise, rounded to one decimal so that ties occur.
A = rng.normal(0, 1, size=(EDGES, 5))
B = rng.normal(0, 1, size=(EDGES, EDGES, 5, 5))
f = A[np.arange(EDGES), ops].sum(axis=1)
for e in range(EDGES):
    for g in range(e + 1, EDGES):
        f += 0.8 * B[e, g, ops[:, e], ops[:, g]]
f += 0.6 * rng.normal(0, 1, size=N)
f = np.round(10 * f) / 10
api = rng.permutation(N)  # API index by code
classes = rng.integers(0, 2000, size=N)  # isomorphism-class key by code

neighbours = np.array([[c + (o - ops[c, e]) * 5 ** e for e in range(EDGES) for o in range(5) if o != ops[c, e]]
                       for c in range(N)])


def distance(a, b):
    return int(np.sum(ops[a] != ops[b]))


def rank_key(c):  # best first: higher fitness, then lower API index
    return (-f[c], api[c])


best = min(codes, key=rank_key)
dist = (ops != ops[best]).sum(axis=1)
maxima = sorted([c for c in range(N) if np.all(f[c] > f[neighbours[c]])], key=rank_key)

# Weak basins by breadth-first search over non-increasing moves; strong = cells in exactly one.
membership = np.zeros(N, dtype=int)
owner = np.full(N, -1)
weak_sizes, weak_extents = [], []
for i, m in enumerate(maxima):
    seen = {m}
    queue = deque([m])
    while queue:
        x = queue.popleft()
        for y in neighbours[x]:
            if y not in seen and f[y] <= f[x]:
                seen.add(y)
                queue.append(y)
    members = np.fromiter(seen, dtype=int)
    membership[members] += 1
    owner[members] = i
    weak_sizes.append(len(members))
    weak_extents.append(int(max(distance(m, x) for x in members)))
strong_sizes, strong_extents = [0] * len(maxima), [0] * len(maxima)
for x in np.nonzero(membership == 1)[0]:
    i = owner[x]
    strong_sizes[i] += 1
    strong_extents[i] = max(strong_extents[i], distance(maxima[i], x))

# Neutral networks: components of the equal-fitness neighbour graph.
rows = np.repeat(codes, 24)
cols = neighbours.ravel()
equal = f[rows] == f[cols]
graph = sparse.coo_matrix((np.ones(equal.sum()), (rows[equal], cols[equal])), shape=(N, N))
count, labels = csgraph.connected_components(graph, directed=False)
networks = []
for label in range(count):
    members = np.nonzero(labels == label)[0]
    if len(members) > 1:
        networks.append((len(members), float(f[members[0]]), int(api[members].min()),
                         len(set(classes[members].tolist())), label))
networks.sort(key=lambda n: (-n[0], -n[1], n[2]))
largest_neighbour_values = []
if networks:
    inside = labels == networks[0][4]
    adjacent = neighbours[inside].ravel()
    largest_neighbour_values = sorted(set(f[adjacent[~inside[adjacent]]].tolist()))

# Fourier order energies: E_j = Σ over characters with j non-zero frequencies of |f̂|² / N².
spectrum = np.abs(np.fft.fftn(f.reshape((5,) * EDGES))) ** 2 / N ** 2
order = sum(np.meshgrid(*[np.arange(5) != 0] * EDGES, indexing="ij"))
energies = [float(spectrum[order == j].sum()) for j in range(EDGES + 1)]
variance = sum(energies[1:])
rho = [sum((1 - 5 * j / 24) ** k * energies[j] for j in range(1, EDGES + 1)) / variance for k in range(1, 21)]


def correlations(x, y):
    pearson = stats.pearsonr(x, y)
    spearman = stats.spearmanr(x, y)
    kendall = stats.kendalltau(x, y)
    return {"pearson": float(pearson.statistic), "pearsonP": float(pearson.pvalue),
            "spearman": float(spearman.statistic), "spearmanP": float(spearman.pvalue),
            "kendall": float(kendall.statistic), "kendallP": float(kendall.pvalue)}


golden = {
    "note": "made by make_synthetic_golden.py (numpy default_rng(20240501)); synthetic, not benchmark data",
    "valuesByCode": f.tolist(),
    "apiIndexByCode": api.tolist(),
    "classByCode": [str(c) for c in classes],
    "globalMaxIndex": int(api[best]),
    "maxFitness": float(f[best]),
    "localMaxima": [int(api[m]) for m in maxima],
    "weakBasinSizes": weak_sizes,
    "weakBasinExtents": weak_extents,
    "strongBasinSizes": strong_sizes,
    "strongBasinExtents": strong_extents,
    "neutralNetworkSizes": [n[0] for n in networks],
    "neutralNetworkFitness": [n[1] for n in networks],
    "neutralNetworkRepresentatives": [n[2] for n in networks],
    "neutralNetworkClasses": [n[3] for n in networks],
    "largestNeighbourValues": largest_neighbour_values,
    "orderEnergies": energies,
    "autocorrelation": rho,
    "fdc": correlations(f, dist),
    "localMaximaCorrelation": correlations(f[maxima], dist[maxima]),
}
with open("synthetic_landscape.json", "w") as out:
    json.dump(golden, out)
print(len(maxima), "maxima;", len(networks), "networks; largest", networks[0][0] if networks else 0)
