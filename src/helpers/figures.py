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

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import plotting


def _date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


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


def national_dates_chart(dates: pd.DataFrame):
    """One row per national series, a mark for each date its figures describe, sized by how
    many figures fall on that date; the row label gives the number of dates.

    ``dates`` has ``series``, ``date`` and ``figures`` (as :func:`helpers.summary.national_dates`
    returns).

    Example:
        >>> d = pd.DataFrame({"series": ["a", "a", "b"], "date": pd.to_datetime(
        ...     ["2022-06-30", "2023-06-30", "2023-01-31"]), "figures": [1, 3, 2]})
        >>> [t.get_text() for t in national_dates_chart(d).axes[0].get_yticklabels()]
        ['a (2 dates)', 'b (1 dates)']
    """
    plotting.use_style()
    order = list(dict.fromkeys(dates["series"]))
    fig, ax = plt.subplots(figsize=(7.5, 2.8))
    for row, series in enumerate(order):
        sub = dates[dates["series"].eq(series)]
        ax.scatter(pd.to_datetime(sub["date"]), [row] * len(sub), s=18 + 14 * sub["figures"],
                   color=plotting.PALETTE[row % len(plotting.PALETTE)], alpha=0.75, zorder=3,
                   edgecolor="white", linewidth=0.5)  # fmt: skip
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([f"{s} ({dates['series'].eq(s).sum()} dates)" for s in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    _date_axis(ax)
    ax.set_title("National figures by the date they describe", loc="left")
    ax.set_xlabel("Date the figure describes (end of its period); larger marks: more figures")
    ax.set_ylabel("National series")
    return fig


def extraction_scores(table: pd.DataFrame):
    """Recall, precision and non-figures returned for each extractor, one panel per language.

    ``table`` has one row per extractor and language (:func:`helpers.evaluation.
    scores_by_language`): ``extractor``, ``language``, ``figures`` and the shares ``recall``,
    ``precision`` and ``non_figures_rate`` (between 0 and 1).

    Example:
        >>> t = pd.DataFrame({"extractor": ["x", "x"], "language": ["English", "Vietnamese"],
        ...     "figures": [10, 8], "recall": [1.0, 0.9], "precision": [0.9, 1.0],
        ...     "non_figures_rate": [0.0, 0.1]})
        >>> fig = extraction_scores(t)
        >>> [ax.get_title(loc="left") for ax in fig.axes], fig.axes[0].get_ylabel()
        (['English passages (10 figures)', 'Vietnamese passages (8 figures)'], 'Share (0 to 1)')
    """
    plotting.use_style()
    metrics = {"recall": "Recall", "precision": "Precision",
               "non_figures_rate": "Non-figures\nreturned"}  # fmt: skip
    languages = list(dict.fromkeys(table["language"]))
    extractors = list(dict.fromkeys(table["extractor"]))
    fig, axes = plt.subplots(1, len(languages), figsize=(8.0, 3.8), sharey=True, squeeze=False)
    width = 0.8 / len(extractors)
    x = np.arange(len(metrics))
    for ax, language in zip(axes[0], languages, strict=True):
        rows = table[table["language"].eq(language)].set_index("extractor")
        for k, name in enumerate(extractors):
            values = rows.loc[name, list(metrics)].astype(float).to_numpy()
            bars = ax.bar(x + (k - (len(extractors) - 1) / 2) * width, values, width * 0.95,
                          color=plotting.PALETTE[k], label=name)  # fmt: skip
            ax.bar_label(bars, fmt="%.2f", fontsize=7, padding=2)
        ax.set_xticks(x, list(metrics.values()), fontsize=8)
        ax.set_ylim(0, 1.15)
        ax.set_title(f"{language} passages ({int(rows['figures'].iloc[0])} figures)",
                     loc="left", fontsize=10)  # fmt: skip
        ax.set_xlabel("Measure (higher is better, but non-figures: lower)", fontsize=8)
    axes[0][0].set_ylabel("Share (0 to 1)")
    fig.suptitle("Figure extraction on the labelled passages, by language", x=0.01, y=1.01,
                 ha="left", fontweight="bold")  # fmt: skip
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.0, 0.94), ncol=len(labels),
               frameon=False, fontsize=8)  # fmt: skip
    fig.subplots_adjust(left=0.09, right=0.99, bottom=0.2, top=0.8, wspace=0.06)
    return fig


def increase_readings_chart(table: pd.DataFrame):
    """For each "increase of N%", the level reported and the baseline under each reading.

    Example:
        >>> t = pd.DataFrame({"province": ["X"], "as_of": ["2024"], "level": [91.0],
        ...     "baseline_if_points": [25.0], "baseline_if_relative": [54.8]})
        >>> increase_readings_chart(t).axes[0].get_xlabel()
        'Share of applications filed online (%)'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(7.0, 1.2 + 0.6 * len(table)))
    labels = [f"{r.province}, {r.as_of}" for r in table.itertuples()]
    y = np.arange(len(table))
    marks = [
        ("level", "Level reported", "o", 0),
        ("baseline_if_points", "Baseline if points", "s", 1),
        ("baseline_if_relative", "Baseline if relative", "D", 2),
    ]
    for column, label, marker, colour in marks:
        ax.scatter(table[column], y, marker=marker, s=60, label=label,
                   color=plotting.PALETTE[colour], zorder=3)  # fmt: skip
    for i, r in enumerate(table.itertuples()):
        ax.plot([r.baseline_if_points, r.level], [i, i], color="#999999", lw=1, zorder=1)
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 100)
    ax.set_title('What "an increase of N%" implies about the starting point', loc="left")
    ax.set_xlabel("Share of applications filed online (%)")
    ax.set_ylabel("Report (province, date)")
    ax.legend(frameon=False, fontsize=8, loc="lower left", bbox_to_anchor=(0, 1.08), ncol=3)
    return fig


def list_size_chart(sizes: pd.DataFrame):
    """The size of the essential-services list each figure refers to, against its date.

    Example:
        >>> s = pd.DataFrame({"as_of_end": pd.to_datetime(["2022-06-30", "2024-06-30"]),
        ...     "list_size": [25.0, 53.0], "national": [True, False]})
        >>> list_size_chart(s).axes[0].get_ylabel()
        'Essential services in the list referred to (count)'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    for national, marker, label, colour in ((True, "o", "national figure", 0),
                                            (False, "s", "provincial figure", 1)):  # fmt: skip
        sub = sizes[sizes["national"].eq(national)]
        ax.scatter(sub["as_of_end"], sub["list_size"], marker=marker, s=45, label=label,
                   color=plotting.PALETTE[colour], alpha=0.8, zorder=3)  # fmt: skip
    for size in (25, 53, 76):
        ax.axhline(size, color="#bbbbbb", lw=0.8, ls="--", zorder=1)
    _date_axis(ax)
    ax.set_title("The list of essential services grew while it was being measured", loc="left")
    ax.set_xlabel("Date the figure describes")
    ax.set_ylabel("Essential services in the list referred to (count)")
    ax.legend(frameon=False, fontsize=8)
    return fig


def tile_map_figure(values: pd.Series, *, title: str, label: str, cmap: str = "viridis",
                    fmt: str = "{:.0f}", groups: pd.Series | None = None,
                    vmin: float | None = None, vmax: float | None = None):  # fmt: skip
    """A tile map of the 63 provinces coloured by ``values`` (indexed by province code).

    ``label`` names the colour scale with its unit; ``groups`` (code → 2025 unit) draws the
    borders of the 34 units that replaced the provinces in July 2025.

    Example:
        >>> fig = tile_map_figure(pd.Series({"01": 24.0}), title="T", label="Rank (1 = best)")
        >>> fig.axes[1].get_ylabel()
        'Rank (1 = best)'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(6.2, 8.6))
    mapping = plotting.tile_map(ax, values, cmap=cmap, fmt=fmt, groups=groups, vmin=vmin,
                                vmax=vmax)  # fmt: skip
    bar = fig.colorbar(mapping, ax=ax, shrink=0.45, pad=0.02)
    bar.ax.set_ylabel(label)
    ax.set_title(title, loc="left")
    ax.text(0.0, -0.01, "Grey tiles: no figure found. Tiles are placed roughly north to south.",
            transform=ax.transAxes, fontsize=7, color="#444444", va="top")  # fmt: skip
    return fig


def latest_shares_chart(table: pd.DataFrame, target: float | None = None):
    """Latest online share per province, with the date of each figure and a target line.

    ``table`` needs ``province``, ``rate``, ``as_of`` and ``indicator_name``.

    Example:
        >>> t = pd.DataFrame({"province": ["A"], "rate": [80.0], "as_of": ["2024"],
        ...                   "indicator_name": ["x"]})
        >>> latest_shares_chart(t, target=80).axes[0].get_xlabel()
        'Share filed online (%)'
    """
    plotting.use_style()
    table = table.sort_values(["rate", "province"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 1.0 + 0.28 * len(table)))
    kinds = sorted(table["indicator_name"].unique())
    for k, kind in enumerate(kinds):
        sub = table[table["indicator_name"].eq(kind)]
        ax.scatter(sub["rate"], sub.index, s=40, label=kind, color=plotting.PALETTE[k],
                   zorder=3)  # fmt: skip
    for y, r in table.iterrows():
        ax.annotate(r["as_of"], (r["rate"], y), xytext=(5, 0), textcoords="offset points",
                    va="center", fontsize=6.5, color="#444444")  # fmt: skip
    ax.set_yticks(table.index, table["province"])
    if target is not None:
        ax.axvline(target, color="#D55E00", lw=1, ls="--")
        ax.text(target, 1.0, f" {target:.0f}% target", transform=ax.get_xaxis_transform(),
                color="#D55E00", fontsize=7, va="bottom")  # fmt: skip
    ax.set_xlim(0, 108)
    ax.set_title("Latest whole-province online share, with the date of each figure", loc="left")
    ax.set_xlabel("Share filed online (%)")
    ax.set_ylabel("Province")
    ax.legend(frameon=False, fontsize=7, loc="lower left", bbox_to_anchor=(0, 1.04))
    return fig


def completion_chart(table: pd.DataFrame):
    """Project 06 tasks and models completed out of assigned, per province and report.

    Example:
        >>> t = pd.DataFrame({"province": ["A"], "indicator_name": ["Tasks"], "value": [67.0],
        ...     "denominator": [83.0], "percent": [80.7], "as_of": ["2024-09"]})
        >>> completion_chart(t).axes[0].get_xlabel()
        'Completed (% of assigned)'
    """
    plotting.use_style()
    table = table.sort_values("percent")
    kinds = ["tasks" if "task" in n.lower() else "models" for n in table["indicator_name"]]
    labels = [f"{r.province}, {k} ({r.as_of})" for r, k in zip(table.itertuples(), kinds,
                                                                strict=True)]  # fmt: skip
    colours = [plotting.PALETTE[0] if "task" in n.lower() else plotting.PALETTE[2]
               for n in table["indicator_name"]]  # fmt: skip
    fig, ax = plt.subplots(figsize=(7.0, 1.2 + 0.4 * len(table)))
    bars = ax.barh(labels, table["percent"], color=colours)
    words = ["tasks" if "task" in n.lower() else "models" for n in table["indicator_name"]]
    ax.bar_label(bars, [f"{r.value:.0f}/{r.denominator:.0f} {w}"
                        for r, w in zip(table.itertuples(), words, strict=True)],
                 fontsize=7, padding=3)  # fmt: skip
    ax.set_xlim(0, 118)
    ax.set_title("Project 06 tasks and models completed, as each province reported", loc="left")
    ax.set_xlabel("Completed (% of assigned)")
    ax.set_ylabel("Province, what is counted (date of report)")
    return fig


def rank_scatter(x: pd.Series, y: pd.Series, result: dict, *, xlabel: str, ylabel: str,
                 labels: pd.Series | None = None):  # fmt: skip
    """Scatter of two provincial measures with the Spearman correlation and its interval.

    Example:
        >>> r = {"rho": 0.5, "lower": -0.1, "upper": 0.8, "n": 12, "note": ""}
        >>> rank_scatter(pd.Series([1, 2]), pd.Series([3, 4]), r, xlabel="a (rank)",
        ...              ylabel="b (%)").axes[0].get_xlabel()
        'a (rank)'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    ax.scatter(x, y, s=40, color=plotting.PALETTE[0], zorder=3)
    if labels is not None:
        for xi, yi, text in zip(x, y, labels, strict=True):
            ax.annotate(text, (xi, yi), xytext=(4, 3), textcoords="offset points", fontsize=6.5)
    summary = (f"Spearman ρ = {result['rho']:.2f} (95% CI {result['lower']:.2f} to "
               f"{result['upper']:.2f}), n = {result['n']}")  # fmt: skip
    ax.text(0.01, 0.02, summary, transform=ax.transAxes, fontsize=8, color="#222222")
    ax.set_title("Digital-transformation rank and online uptake", loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def curve_chart(
    points: pd.DataFrame,
    bands: dict[str, pd.DataFrame],
    *,
    title: str,
    ylabel: str,
    target: float | None = None,
    excluded: pd.DataFrame | None = None,
):
    """Observed points of a series with fitted curves and their 80% prediction bands.

    ``points`` has ``t`` (decimal year) and ``millions``; ``bands`` maps a model name to the
    frame returned by :meth:`helpers.models.CurveFit.band`.

    Example:
        >>> p = pd.DataFrame({"t": [2022.0, 2023.0], "millions": [1.0, 2.0]})
        >>> b = {"logistic": pd.DataFrame({"t": [2022.0, 2023.0], "mean": [1.0, 2.0],
        ...      "lower": [0.5, 1.5], "upper": [1.5, 2.5]})}
        >>> curve_chart(p, b, title="T", ylabel="Accounts (million)").axes[0].get_xlabel()
        'Year'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(7.2, 4.2))
    for k, (name, band) in enumerate(bands.items()):
        colour = plotting.PALETTE[k + 1]
        ax.fill_between(band["t"], band["lower"], band["upper"], color=colour, alpha=0.18,
                        lw=0, label=f"{name}: 80% prediction band")  # fmt: skip
        ax.plot(band["t"], band["mean"], color=colour, lw=1.6, label=f"{name} fit")
    if excluded is not None and len(excluded):
        ax.scatter(excluded["t"], excluded["millions"], marker="x", color="#999999", s=30,
                   label="reported, other definition (not fitted)", zorder=3)  # fmt: skip
    ax.scatter(points["t"], points["millions"], color=plotting.PALETTE[0], s=30, zorder=4,
               label="reported figure (fitted)")  # fmt: skip
    if target is not None:
        ax.axhline(target, color="#D55E00", ls="--", lw=1)
        ax.text(ax.get_xlim()[0], target, f" target {target:g} million", color="#D55E00",
                fontsize=7, va="bottom")  # fmt: skip
    ax.set_title(title, loc="left")
    ax.set_xlabel("Year")
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=7, loc="upper left")
    return fig


def backtest_chart(bt: pd.DataFrame, *, title: str, ylabel: str):
    """One-step-ahead forecasts with 80% intervals against what was then reported.

    Example:
        >>> bt = pd.DataFrame({"t": [2024.0, 2024.0], "method": ["naive", "linear"],
        ...     "forecast": [1.0, 1.2], "lower": [0.5, 0.9], "upper": [1.5, 1.5],
        ...     "actual": [1.1, 1.1]})
        >>> backtest_chart(bt, title="T", ylabel="Accounts (million)").axes[0].get_xlabel()
        'Year of the forecast point'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(7.2, 4.0))
    methods = sorted(bt["method"].unique())
    offsets = np.linspace(-0.04, 0.04, len(methods))
    for k, method in enumerate(methods):
        sub = bt[bt["method"].eq(method)].dropna(subset=["forecast"])
        x = sub["t"] + offsets[k]
        spread = [sub["forecast"] - sub["lower"], sub["upper"] - sub["forecast"]]
        ax.errorbar(x, sub["forecast"], yerr=spread, fmt="o", ms=4, capsize=2,
                    color=plotting.PALETTE[k + 1],
                    label=f"{method} forecast (80% interval)")  # fmt: skip
    actual = bt.drop_duplicates("t")
    ax.scatter(actual["t"], actual["actual"], marker="*", s=90, color=plotting.PALETTE[0],
               label="reported", zorder=4)  # fmt: skip
    ax.set_title(title, loc="left")
    ax.set_xlabel("Year of the forecast point")
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=7, loc="upper left")
    return fig


def glm_chart(data: pd.DataFrame, curve: pd.DataFrame, *, title: str):
    """Observed online shares (sized by applications) and the GLM trend with its interval.

    ``data``: ``t``, ``share`` (%), ``trials``, ``label``; ``curve``: ``t``, ``mean``,
    ``lower``, ``upper`` in %.

    Example:
        >>> d = pd.DataFrame({"t": [2023.0], "share": [90.0], "trials": [1000], "label": ["A"]})
        >>> c = pd.DataFrame({"t": [2023.0], "mean": [90.0], "lower": [85.0], "upper": [94.0]})
        >>> glm_chart(d, c, title="T").axes[0].get_ylabel()
        'Applications filed online (%)'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(7.2, 4.0))
    ax.fill_between(curve["t"], curve["lower"], curve["upper"], color=plotting.PALETTE[1],
                    alpha=0.2, lw=0, label="GLM trend: 95% confidence interval")  # fmt: skip
    ax.plot(curve["t"], curve["mean"], color=plotting.PALETTE[1], label="GLM trend")
    sizes = 20 + 200 * data["trials"] / data["trials"].max()
    ax.scatter(data["t"], data["share"], s=sizes, color=plotting.PALETTE[0], alpha=0.7,
               label="reported share (size: applications)", zorder=3)  # fmt: skip
    for r in data.itertuples():
        ax.annotate(r.label, (r.t, r.share), xytext=(5, -8), textcoords="offset points",
                    fontsize=6.5)  # fmt: skip
    ax.set_ylim(0, 105)
    ax.set_title(title, loc="left")
    ax.set_xlabel("Year (middle of the reporting period)")
    ax.set_ylabel("Applications filed online (%)")
    ax.legend(frameon=False, fontsize=7, loc="lower right")
    return fig


def profile_chart(rows: pd.DataFrame, province: str):
    """A province's share-type figures over time, one marker per figure, by indicator.

    Example:
        >>> r = pd.DataFrame({"as_of_end": pd.to_datetime(["2024-03-18"]), "rate": [91.0],
        ...                   "indicator_name": ["Online"]})
        >>> profile_chart(r, "X").axes[0].get_ylabel()
        'Share (%)'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(7.2, 3.8))
    if rows.empty:
        ax.text(0.5, 0.5, "No Project 06 share was found for this province.",
                ha="center", va="center", transform=ax.transAxes, color="#444444")  # fmt: skip
        ax.set_ylim(0, 105)
    for k, (name, sub) in enumerate(rows.groupby("indicator_name", sort=True)):
        ax.scatter(sub["as_of_end"], sub["rate"], s=40, label=name,
                   color=plotting.PALETTE[k % len(plotting.PALETTE)], zorder=3)  # fmt: skip
    if not rows.empty:
        ax.set_ylim(0, 105 if rows["rate"].max() <= 100 else rows["rate"].max() * 1.08)
    _date_axis(ax)
    ax.set_title(f"{province}: Project 06 shares reported over time", loc="left")
    ax.set_xlabel("Date the figure describes")
    ax.set_ylabel("Share (%)")
    if not rows.empty:
        ax.legend(frameon=False, fontsize=7, loc="lower left", bbox_to_anchor=(0, 1.04), ncol=2)
    return fig
