"""Label placement: deterministic, no overlaps where room exists, inside the axes."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from helpers import labels


def crowd(seed=3, n=40):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 10, n), rng.uniform(0, 10, n), [f"P{i:02d}" for i in range(n)]


def draw(x, y, texts):
    fig, ax = plt.subplots(figsize=(7, 5))
    ax.set(xlim=(-1, 11), ylim=(-1, 11))
    boxes = labels.place(ax, x, y, texts)
    return fig, ax, boxes


def test_forty_labels_do_not_overlap():
    fig, _ax, boxes = draw(*crowd())
    assert labels.overlaps(boxes) == 0
    plt.close(fig)


def test_same_input_same_positions():
    a = draw(*crowd())[2]
    b = draw(*crowd())[2]
    assert a == b


def test_labels_stay_inside_the_axes():
    x, y, texts = [0, 10, 0, 10], [0, 0, 10, 10], ["SW", "SE", "NW", "NE"]
    fig, ax, boxes = draw(x, y, texts)
    to_points = 72 / fig.dpi
    (x0, y0), (x1, y1) = ax.transAxes.transform([(0, 0), (1, 1)]) * to_points
    for b in boxes:
        assert x0 <= b[0] and b[2] <= x1 and y0 <= b[1] and b[3] <= y1
    plt.close(fig)


def test_a_label_avoids_other_points():
    # a point right of A would be covered by A's preferred (north-east) place
    fig, ax, boxes = draw([5, 5.15], [5, 5.1], ["AAAA", "B"])
    pts = ax.transData.transform([(5.15, 5.1)]) * 72 / fig.dpi
    px, py = pts[0]
    a = boxes[0]
    assert not (a[0] < px < a[2] and a[1] < py < a[3])
    plt.close(fig)
