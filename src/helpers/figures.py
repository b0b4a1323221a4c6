"""One function per published figure: each takes tidy data and returns a titled, labelled figure.

Notebooks call these and pass the result to :func:`helpers.plotting.publish`, so a notebook
stays "load, call, show" and every figure's drawing code is tested here.

Example:
    >>> from helpers import dataset, summary
    >>> fig = coverage_heatmap(summary.coverage(dataset.load_observations()))
    >>> fig.axes[0].get_title(loc="left")
    'Where the Project 06 figures are'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import plotting


def coverage_heatmap(table: pd.DataFrame):
    """Observations per province and indicator group, as a heat map with counts.

    Example:
        >>> table = pd.DataFrame({"e-ID": [2, 0]}, index=["Ha Noi", "Ha Giang"])
        >>> coverage_heatmap(table).axes[0].get_xlabel()
        'Indicator group (observations per cell)'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(7.5, 0.17 * len(table) + 1.6))
    data = table.to_numpy()
    ax.imshow(np.where(data > 0, np.log1p(data), np.nan), cmap="Blues", aspect="auto", vmin=0)
    dark = np.log1p(data.max()) * 0.6
    for (i, j), value in np.ndenumerate(data):
        if value:
            colour = "white" if np.log1p(value) > dark else "#222222"
            ax.text(j, i, str(value), ha="center", va="center", fontsize=6, color=colour)
    ax.set_xticks(range(table.shape[1]), table.columns, rotation=35, ha="right", fontsize=7)
    ax.set_yticks(range(table.shape[0]), table.index, fontsize=6)
    ax.grid(False)
    ax.set_title("Where the Project 06 figures are", loc="left")
    ax.set_xlabel("Indicator group (observations per cell)")
    ax.set_ylabel("Province (pre-2025, by official code)")
    return fig


def sources_timeline(sources: pd.DataFrame):
    """Sources per half-year of publication, split by what they report on.

    ``sources`` needs ``published`` (ISO date, month or year) and ``scope`` (a label).

    Example:
        >>> s = pd.DataFrame({"published": ["2023-07", "2024-01-25"], "scope": ["a", "b"]})
        >>> sources_timeline(s).axes[0].get_ylabel()
        'Sources published (count)'
    """
    plotting.use_style()
    dates = pd.to_datetime(sources["published"], format="ISO8601")
    half = dates.dt.year.astype(str) + np.where(dates.dt.month <= 6, " H1", " H2")
    counts = pd.crosstab(half, sources["scope"]).sort_index()
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    counts.plot.bar(stacked=True, ax=ax, width=0.8, color=plotting.PALETTE[: counts.shape[1]])
    ax.set_title("When the sources were published", loc="left")
    ax.set_xlabel("Half-year of publication")
    ax.set_ylabel("Sources published (count)")
    ax.legend(title=None, fontsize=8, frameon=False)
    ax.tick_params(axis="x", labelrotation=45)
    return fig


def extraction_scores(table: pd.DataFrame):
    """Grouped bars of recall, precision and non-figures returned, one group per extractor.

    ``table`` is indexed by extractor with columns ``recall``, ``precision`` and
    ``non_figures_rate`` (shares between 0 and 1).

    Example:
        >>> t = pd.DataFrame({"recall": [1.0], "precision": [0.9], "non_figures_rate": [0.0]},
        ...                  index=["x"])
        >>> extraction_scores(t).axes[0].get_ylabel()
        'Share (0 to 1)'
    """
    plotting.use_style()
    metrics = {"recall": "Recall", "precision": "Precision",
               "non_figures_rate": "Non-figures returned"}  # fmt: skip
    data = table[list(metrics)].rename(columns=metrics).T
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    data.plot.bar(ax=ax, width=0.75, color=plotting.PALETTE[: data.shape[1]], rot=0)
    for container in ax.containers:
        ax.bar_label(container, fmt="%.2f", fontsize=7, padding=2)
    ax.set_ylim(0, 1.3)
    ax.set_title("Figure extraction on the labelled passages", loc="left")
    ax.set_xlabel("Measure (recall and precision: higher is better; non-figures: lower)")
    ax.set_ylabel("Share (0 to 1)")
    ax.legend(title=None, frameon=False, fontsize=8, loc="upper center", ncol=2)
    return fig
