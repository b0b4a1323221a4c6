"""Deterministic placement of point labels that do not overlap each other or the points.

Scatter plots of provinces need every point labelled and readable. :func:`place` works in
display units (points, 1/72 inch) with label boxes estimated from the font size and the
number of characters (so the result does not depend on which fonts are installed), and tries,
for each label in a fixed order, a list of positions around its point at growing distances:
the first position whose box overlaps no earlier label, no point and stays inside the axes is
taken. A label that finds no free place goes where it overlaps least and gets a thin leader
line. Nothing is random, so the same data always give the same picture.

Example:
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(4, 3))
    >>> _ = ax.scatter([1, 1.01, 2], [1, 1.0, 2]); _ = ax.set(xlim=(0, 3), ylim=(0, 3))
    >>> boxes = place(ax, [1, 1.01, 2], [1, 1.0, 2], ["HNI", "HPG", "DNG"])
    >>> overlaps(boxes)
    0
"""

from __future__ import annotations

import itertools

import numpy as np
from matplotlib.transforms import Affine2D

#: Width of one character and height of a line, as multiples of the font size.
CHAR_WIDTH = 0.68
LINE_HEIGHT = 1.15
#: Half the size of the box kept free around every point (points).
POINT_RADIUS = 3.0
#: Distances from the point (points) tried in turn.
RADII = (3.0, 7.0, 12.0, 18.0, 26.0)


def _candidates(radius: float, w: float, h: float) -> list[tuple[float, float]]:
    """Lower-left corners (relative to the point) of boxes around it at ``radius``."""
    r = radius
    return [
        (r, r * 0.3), (r, -h - r * 0.3), (-w - r, r * 0.3), (-w - r, -h - r * 0.3),
        (-w / 2, r), (-w / 2, -h - r), (r, -h / 2), (-w - r, -h / 2),
    ]  # fmt: skip


def _overlap(a, b) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def overlaps(boxes: list[tuple[float, float, float, float]]) -> int:
    """How many pairs of boxes (x0, y0, x1, y1) overlap.

    Example:
        >>> overlaps([(0, 0, 2, 2), (1, 1, 3, 3), (5, 5, 6, 6)])
        1
    """
    return sum(_overlap(a, b) > 0 for a, b in itertools.combinations(boxes, 2))


def place(ax, x, y, texts, fontsize: float = 6.5, color: str = "#222222"):
    """Write ``texts`` next to points ``(x, y)`` (data units) without overlaps where possible.

    Set the axes limits first: positions are computed for the limits in force. Returns the
    label boxes in points (x0, y0, x1, y1), in the order of ``texts``.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots(figsize=(3, 3)); _ = ax.set(xlim=(0, 1), ylim=(0, 1))
        >>> len(place(ax, [0.5], [0.5], ["A"]))
        1
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    fig = ax.figure
    to_points = fig.dpi_scale_trans.inverted() + Affine2D().scale(72)
    pts = to_points.transform(ax.transData.transform(np.column_stack([x, y])))
    frame = to_points.transform(ax.transAxes.transform([(0, 0), (1, 1)]))
    (ax0, ay0), (ax1, ay1) = frame
    h = fontsize * LINE_HEIGHT
    occupied = [(px - POINT_RADIUS, py - POINT_RADIUS, px + POINT_RADIUS, py + POINT_RADIUS)
                for px, py in pts]  # fmt: skip
    placed: list[tuple[float, float, float, float] | None] = [None] * len(pts)
    # Crowded points first (most neighbours within 30 points), then left to right.
    crowd = [int(np.sum(np.hypot(*(pts - p).T) < 30)) for p in pts]
    order = sorted(range(len(pts)), key=lambda i: (-crowd[i], pts[i][0], pts[i][1], str(texts[i])))
    for i in order:
        px, py = pts[i]
        w = max(len(str(texts[i])), 1) * fontsize * CHAR_WIDTH
        best, best_cost, leader = None, np.inf, False
        for radius in RADII:
            for dx, dy in _candidates(radius, w, h):
                box = (px + dx, py + dy, px + dx + w, py + dy + h)
                inside = box[0] >= ax0 and box[2] <= ax1 and box[1] >= ay0 and box[3] <= ay1
                others = [b for j, b in enumerate(occupied) if j != i]
                cost = sum(_overlap(box, b) for b in others + [b for b in placed if b])
                cost += 0 if inside else 1e6
                if cost < best_cost:
                    best, best_cost, leader = box, cost, radius > RADII[1]
                if cost == 0:
                    break
            if best_cost == 0:
                break
        placed[i] = best
        cx, cy = best[0], best[1]
        ax.annotate(
            str(texts[i]), (x[i], y[i]), xytext=(cx - px, cy - py), textcoords="offset points",
            fontsize=fontsize, color=color, ha="left", va="bottom",
            arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "#888888",
                        "shrinkA": 0, "shrinkB": 2} if leader else None,
        )  # fmt: skip
    return placed
