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

from helpers import formatting, plotting, provinces


def _date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def coverage_heatmap(table: pd.DataFrame):
    """Observations per province and indicator group, as a heat map with counts.

    Example:
        >>> table = pd.DataFrame({"e-ID": [2, 0]}, index=["Ha Noi", "Ha Giang"])
        >>> coverage_heatmap(table).axes[0].get_xlabel()
        'Indicator group (number in a cell: figures recorded)'
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
    ax.set_xlabel("Indicator group (number in a cell: figures recorded)")
    ax.set_ylabel("Province (pre-2025, by official code)")
    return fig


def _half_years(labels: pd.Series) -> list[str]:
    """Every half-year from the first label to the last ("2019 H1" … "2021 H2")."""
    first, last = sorted(labels)[0], sorted(labels)[-1]
    out, (year, half) = [], (int(first[:4]), int(first[-1]))
    while f"{year} H{half}" <= last:
        out.append(f"{year} H{half}")
        year, half = (year, 2) if half == 1 else (year + 1, 1)
    return out


def sources_timeline(counts: pd.DataFrame):
    """Sources per half-year of publication, stacked by what they report on; half-years
    without a source keep their place on the axis.

    ``counts`` has ``Half-year`` ("2023 H2"), ``Sources report on`` and ``Sources``, as
    :func:`helpers.summary.publications` returns; the stacks follow the order of its rows.

    Example:
        >>> c = pd.DataFrame({"Half-year": ["2022 H1", "2023 H2"], "Sources report on": ["a", "b"],
        ...                   "Sources": [2, 1]})
        >>> ax = sources_timeline(c).axes[0]
        >>> ax.get_ylabel(), [t.get_text() for t in ax.get_xticklabels()][1]
        ('Sources published (count)', '2022 H2')
    """
    plotting.use_style()
    scopes = list(dict.fromkeys(counts["Sources report on"]))
    table = counts.pivot_table(index="Half-year", columns="Sources report on", values="Sources",
                               aggfunc="sum", fill_value=0)  # fmt: skip
    table = table.reindex(index=_half_years(counts["Half-year"]), columns=scopes, fill_value=0)
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    table.plot.bar(stacked=True, ax=ax, width=0.8, color=plotting.PALETTE[: len(scopes)])
    ax.set_ylim(0, table.sum(axis=1).max() * 1.08)  # room above the tallest bar
    ax.set_title("When the sources were published", loc="left")
    ax.set_xlabel("Half-year of publication")
    ax.set_ylabel("Sources published (count)")
    ax.tick_params(axis="x", labelrotation=45)
    plotting.legend_below(ax, ncol=3)
    return fig


def national_dates_chart(dates: pd.DataFrame):
    """One row per national series, a mark for each date its figures describe, sized by how
    many figures fall on that date; the row label gives the number of dates.

    ``dates`` has ``Series``, ``Date described`` and ``Figures`` (as
    :func:`helpers.summary.national_dates` returns).

    Example:
        >>> d = pd.DataFrame({"Series": ["a", "a", "b"], "Date described": pd.to_datetime(
        ...     ["2022-06-30", "2023-06-30", "2023-01-31"]), "Figures": [1, 3, 2]})
        >>> [t.get_text() for t in national_dates_chart(d).axes[0].get_yticklabels()]
        ['a (2 dates)', 'b (1 date)']
    """
    plotting.use_style()
    order = list(dict.fromkeys(dates["Series"]))
    fig, ax = plt.subplots(figsize=(7.5, 2.8))
    for row, series in enumerate(order):
        sub = dates[dates["Series"].eq(series)]
        ax.scatter(pd.to_datetime(sub["Date described"]), [row] * len(sub),
                   s=18 + 14 * sub["Figures"], color=plotting.PALETTE[row % len(plotting.PALETTE)],
                   alpha=0.75, zorder=3, edgecolor="white", linewidth=0.5)  # fmt: skip
    counts = dates["Series"].value_counts()
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([f"{s} ({counts[s]} date{'s' if counts[s] != 1 else ''})" for s in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    _date_axis(ax)
    ax.set_title("National figures by the date they describe", loc="left")
    ax.set_xlabel("Date the figure describes (end of its period); larger marks: more figures")
    ax.set_ylabel("National series")
    return fig


#: The measures of :func:`extraction_scores`, by column of the score table.
EXTRACTION_MEASURES = {"recall": "Recall", "precision": "Precision",
                       "non_figures_rate": "Non-figures returned"}  # fmt: skip


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
    metrics = EXTRACTION_MEASURES
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
        ax.set_xticks(x, [label.replace(" ", "\n", 1) if label.startswith("Non") else label
                          for label in metrics.values()], fontsize=8)  # fmt: skip
        ax.set_ylim(0, 1.15)
        ax.set_title(f"{language} passages ({int(rows['figures'].iloc[0])} figures)",
                     loc="left", fontsize=10)  # fmt: skip
        ax.set_xlabel("Measure (higher is better, but non-figures: lower)", fontsize=8)
    axes[0][0].set_ylabel("Share (0 to 1)")
    fig.suptitle("Figure extraction on the labelled passages, by language", x=0.01, y=1.01,
                 ha="left", fontweight="bold")  # fmt: skip
    fig.subplots_adjust(left=0.09, right=0.99, bottom=0.2, top=0.86, wspace=0.06)
    plotting.legend_below(axes[0][0], ncol=len(extractors))
    return fig


def extraction_scores_data(table: pd.DataFrame) -> pd.DataFrame:
    """The bars :func:`extraction_scores` draws, one row per language, measure and extractor, in
    the order drawn; shares rounded to four decimals.

    Example:
        >>> t = pd.DataFrame({"extractor": ["x"], "language": ["English"], "figures": [10],
        ...     "recall": [0.9], "precision": [2 / 3], "non_figures_rate": [0.0]})
        >>> extraction_scores_data(t)[["Measure", "Share (0 to 1)"]].values.tolist()
        [['Recall', 0.9], ['Precision', 0.6667], ['Non-figures returned', 0.0]]
    """
    rows = [
        {"Language": row["language"], "Measure": label, "Extractor": row["extractor"],
         "Share (0 to 1)": round(float(row[column]), 4), "Labelled figures": int(row["figures"])}
        for language in dict.fromkeys(table["language"])
        for column, label in EXTRACTION_MEASURES.items()
        for _, row in table[table["language"].eq(language)].iterrows()
    ]  # fmt: skip
    return pd.DataFrame(rows)


def increase_readings_chart(points: pd.DataFrame):
    """For each "increase of N%", the level reported and the baseline under each reading.

    ``points`` has ``Report``, ``Point`` (``level reported``, ``baseline if points``,
    ``baseline if relative``) and ``Online share (%)``, as
    :func:`helpers.quality.increase_points` returns; reports are drawn top to bottom in the
    order of their first row.

    Example:
        >>> t = pd.DataFrame({"Report": ["X, 2024"] * 3, "Point": ["level reported",
        ...     "baseline if points", "baseline if relative"], "Online share (%)": [91, 25, 54.8]})
        >>> increase_readings_chart(t).axes[0].get_xlabel()
        'Share of applications filed online (%)'
    """
    plotting.use_style()
    reports = list(dict.fromkeys(points["Report"]))
    row = {report: k for k, report in enumerate(reports)}
    fig, ax = plt.subplots(figsize=(7.0, 1.2 + 0.6 * len(reports)))
    for report, sub in points.groupby("Report", sort=False):
        shares = sub["Online share (%)"]
        ax.plot([shares.min(), shares.max()], [row[report]] * 2, color="#999999", lw=1, zorder=1)
    marks = [
        ("level reported", "Level reported", "o", 0),
        ("baseline if points", "Baseline if the increase is in points", "s", 1),
        ("baseline if relative", "Baseline if the increase is relative", "D", 2),
    ]
    for point, label, marker, colour in marks:
        sub = points[points["Point"].eq(point)]
        ax.scatter(sub["Online share (%)"], sub["Report"].map(row), marker=marker, s=60,
                   label=label, color=plotting.PALETTE[colour], zorder=3)  # fmt: skip
    ax.set_yticks(range(len(reports)), reports)
    ax.set_ylim(len(reports) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_title('What "an increase of N%" implies about the starting point', loc="left")
    ax.set_xlabel("Share of applications filed online (%)")
    ax.set_ylabel("Report (province, date)")
    plotting.legend_below(ax, ncol=2)
    return fig


def list_size_chart(points: pd.DataFrame):
    """The size of the essential-services list each figure refers to, against its date.

    ``points`` has ``Date described (end)``, ``Reported for`` (``national`` or ``province``)
    and ``Services in the list``, as :func:`helpers.quality.list_size_points` returns.

    Example:
        >>> s = pd.DataFrame({"Date described (end)": pd.to_datetime(["2022-06-30",
        ...     "2024-06-30"]), "Services in the list": [25, 53],
        ...     "Reported for": ["national", "province"]})
        >>> list_size_chart(s).axes[0].get_ylabel()
        'Services in the list (count)'
    """
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(7.0, 3.0))
    for kind, marker, label, colour in (("national", "o", "national figure", 0),
                                        ("province", "s", "provincial figure", 1)):  # fmt: skip
        sub = points[points["Reported for"].eq(kind)]
        ax.scatter(sub["Date described (end)"], sub["Services in the list"], marker=marker, s=45,
                   label=label, color=plotting.PALETTE[colour], alpha=0.7, zorder=3)  # fmt: skip
    sizes = sorted(points["Services in the list"].unique())
    for size in sizes:
        ax.axhline(size, color="#bbbbbb", lw=0.8, ls="--", zorder=1)
    ax.set_yticks(sizes, [f"{size} services" for size in sizes])
    ax.set_ylim(0, 90)
    ax.grid(axis="y", visible=False)
    _date_axis(ax)
    ax.set_title("The list of essential services grew while it was measured", loc="left")
    ax.set_xlabel("Date the figure describes (end of its period)")
    ax.set_ylabel("Services in the list (count)")
    plotting.legend_below(ax, ncol=2)
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
    fig, ax = plt.subplots(figsize=(7.5, 1.2 + 0.28 * len(table)))
    kinds = sorted(table["indicator_name"].unique())
    upper = table["upper"] if "upper" in table else pd.Series(np.nan, index=table.index)
    qualifier = table["qualifier"] if "qualifier" in table else pd.Series("", index=table.index)
    ranged = upper.notna()
    for k, kind in enumerate(kinds):
        sub = table[table["indicator_name"].eq(kind) & ~ranged]
        ax.scatter(sub["rate"], sub.index, s=40, label=kind, color=plotting.PALETTE[k],
                   zorder=3)  # fmt: skip
    if ranged.any():  # a range stated for a group of provinces: the whole range, no point
        ax.hlines(table.index[ranged], table["rate"][ranged], upper[ranged], color="#444444",
                  lw=3, zorder=2, label="range stated for a group of provinces")  # fmt: skip
    bound = {"under": "under", "less than": "under", "over": "over", "more than": "over",
             "exceeding": "over", "at least": "at least"}  # fmt: skip
    for y, r in table.iterrows():
        end = upper[y] if ranged[y] else r["rate"]
        words = bound.get(str(qualifier[y]), "")
        text = formatting.period_label(r["as_of"])
        if words:  # a bound, not a value: say so next to it
            text = f"{words} {formatting.percent(r['rate'], 0)}, {text}"
        ax.annotate(text, (end, y), xytext=(5, 0), textcoords="offset points", va="center",
                    fontsize=6.5, color="#444444")  # fmt: skip
    ax.set_yticks(table.index, table["province"])
    top = len(table) - 0.5
    ax.set_ylim(-0.5, top + 0.8)  # room above the highest row for the target's label
    if target is not None:
        ax.axvline(target, color="#D55E00", lw=1, ls="--")
        ax.text(target, top + 0.4, f" {target:.0f}% target", color="#D55E00", fontsize=7,
                va="center")  # fmt: skip
    ax.set_xlim(0, 112)
    ax.set_title("Latest whole-province online share, with the date of each figure", loc="left")
    ax.set_xlabel("Share filed online (%)")
    ax.set_ylabel("Province")
    plotting.legend_below(ax, ncol=1)
    return fig


def _counted(name: str) -> str:
    return "tasks" if "task" in name.lower() else "models"


def completion_chart(table: pd.DataFrame):
    """Project 06 tasks and models completed out of assigned, one bar per province and report.

    Each bar is labelled on the left with the province, how many tasks or models were assigned
    and the date of the report, so two reports of one province on one date (a plan's own tasks
    and the Government's pilots, say) are two bars, never one drawn over the other.

    Example:
        >>> t = pd.DataFrame({"province": ["A", "A"], "indicator_name": ["Tasks"] * 2,
        ...     "value": [15.0, 11.0], "denominator": [18.0, 48.0], "percent": [83.3, 22.9],
        ...     "as_of": ["2024-12"] * 2})
        >>> fig = completion_chart(t)
        >>> fig.axes[0].get_xlabel(), [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ('Completed (% of assigned)', ['A: 48 tasks (Dec 2024)', 'A: 18 tasks (Dec 2024)'])
    """
    plotting.use_style()
    table = table.sort_values(["percent", "province"], kind="stable").reset_index(drop=True)
    kinds = [_counted(n) for n in table["indicator_name"]]
    labels = [f"{r.province}: {r.denominator:.0f} {k} ({formatting.period_label(r.as_of)})"
              for r, k in zip(table.itertuples(), kinds, strict=True)]  # fmt: skip
    colours = [plotting.PALETTE[0] if k == "tasks" else plotting.PALETTE[2] for k in kinds]
    fig, ax = plt.subplots(figsize=(7.0, 1.2 + 0.4 * len(table)))
    y = np.arange(len(table))
    bars = ax.barh(y, table["percent"], color=colours)
    ax.bar_label(bars, [f"{r.value:.0f} done ({r.percent:.0f}%)" for r in table.itertuples()],
                 fontsize=7, padding=3)  # fmt: skip
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 118)
    ax.set_title("Project 06 tasks and models completed, as each province reported", loc="left")
    ax.set_xlabel("Completed (% of assigned)")
    ax.set_ylabel("Province: tasks or models assigned (date of report)")
    return fig


def completion_data(table: pd.DataFrame) -> pd.DataFrame:
    """The table :func:`completion_chart` draws, one row per bar, with readable columns.

    Example:
        >>> t = pd.DataFrame({"province": ["A"], "indicator_name": ["Project 06 tasks"],
        ...     "value": [15.0], "denominator": [18.0], "percent": [83.333], "as_of": ["2024-12"],
        ...     "scope": ["tasks set for 2024"]})
        >>> completion_data(t).to_dict("records")[0]  # doctest: +NORMALIZE_WHITESPACE
        {'Province': 'A', 'Counted': 'tasks', 'Completed': 15, 'Assigned': 18,
         'Completed (% of assigned)': 83.3, 'Date described': '2024-12',
         'What the report counts': 'tasks set for 2024'}
    """
    table = table.sort_values(["percent", "province"], ascending=[False, True], kind="stable")
    return pd.DataFrame({
        "Province": table["province"],
        "Counted": [_counted(n) for n in table["indicator_name"]],
        "Completed": table["value"].astype(int),
        "Assigned": table["denominator"].astype(int),
        "Completed (% of assigned)": table["percent"].round(1),
        "Date described": table["as_of"],
        "What the report counts": table["scope"],
    }).reset_index(drop=True)  # fmt: skip


def latest_shares_data(table: pd.DataFrame) -> pd.DataFrame:
    """The table :func:`latest_shares_chart` draws, one row per province, highest share first.

    ``Share (%)`` is the lower end where a report gives a range for a group of provinces,
    ``Upper end of range (%)`` its upper end; ``Qualifier`` says whether the share is a bound
    ("over", "under").

    Example:
        >>> t = pd.DataFrame({"province": ["A", "B"], "rate": [80.0, 92.0], "as_of": ["2024", "2023"],
        ...     "indicator_name": ["x", "x"], "qualifier": ["over", "exact"],
        ...     "publisher": ["P", "Q"], "source_url": ["https://a.vn", ""]})
        >>> latest_shares_data(t)[["Province", "Share (%)", "Qualifier"]].values.tolist()
        [['B', 92.0, 'exact'], ['A', 80.0, 'over']]
    """  # noqa: E501
    table = table.sort_values(["rate", "province"], ascending=[False, True], kind="stable")
    missing = pd.Series(np.nan, index=table.index)
    return pd.DataFrame({
        "Province": table["province"],
        "Indicator": table["indicator_name"],
        "Share (%)": table["rate"],
        "Upper end of range (%)": table.get("upper", missing),
        "Qualifier": table.get("qualifier", ""),
        "Date described": table["as_of"],
        "Publisher": table["publisher"],
        "Source URL": table["source_url"],
    }).reset_index(drop=True)  # fmt: skip


def tile_map_data(values: pd.Series, name: str) -> pd.DataFrame:
    """The values a tile map draws, one row per province (all 63, empty where it has none),
    with its 2025 unit; ``name`` heads the value column.

    Example:
        >>> t = tile_map_data(pd.Series({"30": 14.0}), "DTI 2022 rank")
        >>> hai_duong = t[t["Province"].eq("Hai Duong")]
        >>> len(t), hai_duong.to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
        (63, [{'Province code': '30', 'Province': 'Hai Duong', '2025 unit': 'Hai Phong',
               'DTI 2022 rank': 14.0}])
    """
    info = provinces.table()
    return pd.DataFrame({
        "Province code": info.index,
        "Province": info["name_en"].to_numpy(),
        "2025 unit": info["unit_2025"].to_numpy(),
        name: values.reindex(info.index).to_numpy(),
    })  # fmt: skip


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
    plotting.legend_below(ax, ncol=2)
    return fig


def curve_data(points: pd.DataFrame, bands: dict[str, pd.DataFrame],
               excluded: pd.DataFrame | None = None, digits: int = 4) -> pd.DataFrame:  # fmt: skip
    """The table :func:`curve_chart` draws: one row per report (fitted, or left out for its
    definition) and one per point of each fitted curve with its 80% band, rounded to ``digits``
    decimals (millions and decimal years).

    Example:
        >>> p = pd.DataFrame({"t": [2022.5], "millions": [1.0]})
        >>> b = {"logistic": pd.DataFrame({"t": [2022.5], "mean": [1.1], "lower": [0.5],
        ...      "upper": [1.5]})}
        >>> curve_data(p, b)[["What", "Millions", "80% lower"]].values.tolist()
        [['reported figure (fitted)', 1.0, nan], ['logistic fit', 1.1, 0.5]]
    """
    parts = [pd.DataFrame({"What": "reported figure (fitted)", "Year": points["t"],
                           "Millions": points["millions"]})]  # fmt: skip
    if excluded is not None and len(excluded):
        parts.append(pd.DataFrame({"What": "reported, other definition (not fitted)",
                                   "Year": excluded["t"], "Millions": excluded["millions"]}))
    for name, band in bands.items():
        parts.append(pd.DataFrame({"What": f"{name} fit", "Year": band["t"],
                                   "Millions": band["mean"], "80% lower": band["lower"],
                                   "80% upper": band["upper"]}))  # fmt: skip
    out = pd.concat(parts, ignore_index=True)
    out = out.reindex(columns=["What", "Year", "Millions", "80% lower", "80% upper"])
    numbers = ["Year", "Millions", "80% lower", "80% upper"]
    out[numbers] = out[numbers].astype(float).round(digits)
    return out


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
    plotting.legend_below(ax, ncol=2)
    return fig


def profile_chart_data(rows: pd.DataFrame) -> pd.DataFrame:
    """The markers :func:`profile_chart` draws, one row per share, by indicator then by date
    (shares rounded to four decimals).

    Example:
        >>> r = pd.DataFrame({"as_of_end": pd.to_datetime(["2024-03-18", "2023-12-31"]),
        ...     "as_of": ["2024-03-18", "2023-12"], "rate": [91.0, 12.8],
        ...     "indicator_name": ["Online", "Online"], "stated": ["91%", "12.8%"],
        ...     "publisher": ["P", "P"], "source_url": ["https://p.vn", ""]})
        >>> profile_chart_data(r)[["Date described", "Share (%)"]].values.tolist()
        [['2023-12', 12.8], ['2024-03-18', 91.0]]
    """
    rows = rows.sort_values(["indicator_name", "as_of_end"], kind="stable")
    return pd.DataFrame({
        "Indicator": rows["indicator_name"],
        "Date described": rows["as_of"],
        "Date plotted": rows["as_of_end"].dt.strftime("%Y-%m-%d"),
        "Share (%)": rows["rate"].round(4),
        "As stated": rows["stated"],
        "Publisher": rows["publisher"],
        "Source URL": rows["source_url"],
    }).reset_index(drop=True)  # fmt: skip


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
        plotting.legend_below(ax, ncol=2)
    return fig
