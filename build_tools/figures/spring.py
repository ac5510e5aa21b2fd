"""A force-directed graph layout (Fruchterman and Reingold's, as networkx's ``spring_layout``
does it) in plain Python, seeded, so that the same graph always gets the same drawing.

It is their "grid variant": only nodes nearer than twice the ideal distance repel, found through
a grid of cells that size, so each step costs about a node's neighbours rather than every pair
(twice as fast for the edition's hundred nodes, and it grows far more slowly).

Why not networkx itself: all its layouts need NumPy, which the edition does not otherwise
install; and plain Python floats give the same bits on every machine, so the figure's bytes do
not depend on the CPU. A weak pull toward the centre keeps small groups of entries from
drifting to the edges.
"""

from __future__ import annotations

import math
import random

ITERATIONS = 60
GRAVITY = 0.3


def spring_layout(
    nodes: list[str],
    edges: list[tuple[str, str, float]],
    seed: int,
    iterations: int = ITERATIONS,
) -> dict[str, tuple[float, float]]:
    """Positions in the unit square (before scaling) for ``nodes``, joined by weighted
    ``edges``; the order of ``nodes`` and ``seed`` fix the result."""
    count = len(nodes)
    if count == 0:
        return {}
    rng = random.Random(seed)
    xs = [rng.random() for _ in nodes]
    ys = [rng.random() for _ in nodes]
    index = {node: i for i, node in enumerate(nodes)}
    links = [(index[a], index[b], float(weight)) for a, b, weight in edges]
    k = math.sqrt(1.0 / count)  # the distance two nodes settle at
    k2 = k * k
    reach = 2 * k  # the grid variant: nodes farther apart than this do not repel
    reach2 = reach * reach
    temperature = 0.1  # the longest step a node may take, cooling to nothing
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx_all = [0.0] * count
        dy_all = [0.0] * count
        cells: dict[tuple[int, int], list[int]] = {}
        for i in range(count):
            cells.setdefault((int(xs[i] // reach), int(ys[i] // reach)), []).append(i)
        for (cx, cy), members in cells.items():  # pairs nearer than 2k repel: k² / distance
            near = []
            for key in ((cx + 1, cy - 1), (cx + 1, cy), (cx + 1, cy + 1), (cx, cy + 1)):
                near += cells.get(key, ())
            for n, i in enumerate(members):
                xi, yi = xs[i], ys[i]
                fx = fy = 0.0
                for j in members[n + 1 :] + near:
                    dx, dy = xi - xs[j], yi - ys[j]
                    d2 = dx * dx + dy * dy or 1e-9
                    if d2 < reach2:
                        force = k2 / d2
                        fx += dx * force
                        fy += dy * force
                        dx_all[j] -= dx * force
                        dy_all[j] -= dy * force
                dx_all[i] += fx
                dy_all[i] += fy
        for a, b, weight in links:  # linked nodes attract: distance² / k, times the weight
            dx, dy = xs[a] - xs[b], ys[a] - ys[b]
            force = weight * math.sqrt(dx * dx + dy * dy) / k
            dx_all[a] -= dx * force
            dy_all[a] -= dy * force
            dx_all[b] += dx * force
            dy_all[b] += dy * force
        for i in range(count):
            dx = dx_all[i] - GRAVITY * (xs[i] - 0.5) * count * k
            dy = dy_all[i] - GRAVITY * (ys[i] - 0.5) * count * k
            length = math.sqrt(dx * dx + dy * dy)
            if length > 0:
                step = min(length, temperature) / length
                xs[i] += dx * step
                ys[i] += dy * step
        temperature -= cooling
    return {node: (xs[i], ys[i]) for i, node in enumerate(nodes)}
