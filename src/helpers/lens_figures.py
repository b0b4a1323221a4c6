"""Figures of the three-lens chapter: labelled lens scatters and the 63-province estimates.

Like :mod:`helpers.figures`, each function takes tidy data and returns a titled, labelled
figure for :func:`helpers.plotting.publish`.

Example:
    >>> import pandas as pd
    >>> t = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [2.0, 1.0, 3.0], "label": ["X", "Y", "Z"]})
    >>> r = {"rho": 0.5, "lower": -0.1, "upper": 0.8, "n": 3, "note": ""}
    >>> fig = lens_scatter(t, "a", "b", r, xlabel="a (z)", ylabel="b (%)", title="T")
    >>> fig.axes[0].get_xlabel()
    'a (z)'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import labels, plotting


def _limits(values: pd.Series, pad: float = 0.08) -> tuple[float, float]:
    low, high = float(values.min()), float(values.max())
    span = (high - low) or 1.0
    return round(low - pad * span, 3), round(high + pad * span, 3)


def lens_scatter(table: pd.DataFrame, x: str, y: str, result: dict, *, xlabel: str,
                 ylabel: str, title: str, label: str = "label"):  # fmt: skip
    """Provinces on two lenses, each point labelled with its short code (placed without
    overlaps), the Spearman correlation and its 95% interval under the title.

    Example:
        >>> t = pd.DataFrame({"a": [1.0, 2.0], "b": [2.0, 1.0], "label": ["X", "Y"]})
        >>> r = {"rho": -1.0, "lower": -1.0, "upper": -1.0, "n": 2, "note": ""}
        >>> fig = lens_scatter(t, "a", "b", r, xlabel="a", ylabel="b", title="T")
        >>> [t.get_text() for t in fig.axes[0].texts][:2]
        ['X', 'Y']
    """
    plotting.use_style()
    rows = table[table[x].notna() & table[y].notna()]
    fig, ax = plt.subplots(figsize=(7.0, 5.2))
    ax.scatter(rows[x], rows[y], s=22, color=plotting.PALETTE[0], zorder=3)
    ax.set_xlim(*_limits(rows[x]))
    ax.set_ylim(*_limits(rows[y]))
    labels.place(ax, rows[x].to_numpy(), rows[y].to_numpy(), rows[label].tolist())
    ax.set_title(title, loc="left", pad=18)
    summary = (f"Spearman ρ = {result['rho']:.2f} (95% CI {result['lower']:.2f} to "
               f"{result['upper']:.2f}), n = {result['n']}")  # fmt: skip
    ax.text(0.0, 1.01, summary, transform=ax.transAxes, fontsize=8, color="#333333",
            va="bottom")  # fmt: skip
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def scatter_data(table: pd.DataFrame, x: str, y: str, names: dict[str, str],
                 label: str = "label") -> pd.DataFrame:  # fmt: skip
    """The points :func:`lens_scatter` draws: the provinces with both measures, with their
    short code and 2025 unit; ``names`` gives the measures' readable column names.

    Example:
        >>> t = pd.DataFrame({"province": ["A", "B"], "label": ["AAA", "BBB"],
        ...     "unit_2025": ["U", "U"], "a": [1.0, None], "b": [2.0, 3.0]})
        >>> scatter_data(t, "a", "b", {"a": "A (%)", "b": "B (z)"}).to_dict("records")
        [{'Province': 'A', 'Code': 'AAA', '2025 unit': 'U', 'A (%)': 1.0, 'B (z)': 2.0}]
    """
    rows = table[table[x].notna() & table[y].notna()]
    return pd.DataFrame({"Province": rows["province"], "Code": rows[label],
                         "2025 unit": rows["unit_2025"], names[x]: rows[x],
                         names[y]: rows[y]}).reset_index(drop=True)  # fmt: skip


def estimates_data(estimates: pd.DataFrame, reported: pd.DataFrame, *, indicator: str,
                   reference: str = "") -> pd.DataFrame:  # fmt: skip
    """The points :func:`estimates_chart` draws for ``indicator``: each province's estimate for
    the date ``reference`` with its 80% interval and the number of reports it rests on, then
    each of the province's own reports of the indicator with the date it describes.

    Example:
        >>> est = pd.DataFrame({"province_code": ["01"], "province": ["A"], "unit_2025": ["U"],
        ...     "indicator": ["k"], "estimate": [50.0], "lower": [30.0], "upper": [70.0],
        ...     "n_reported": [1]})
        >>> rep = pd.DataFrame({"province_code": ["01"], "indicator": ["k"], "share": [55.0],
        ...     "as_of": ["2024"]})
        >>> estimates_data(est, rep, indicator="k")[["Province", "What", "Share (%)"]].values.tolist()
        [['A', 'estimate', 50.0], ['A', 'own report', 55.0]]
    """  # noqa: E501
    rows = estimates[estimates["indicator"].eq(indicator)]
    rows = rows.sort_values(["unit_2025", "province"], kind="stable")
    names = rows.set_index("province_code")[["province", "unit_2025"]]
    own = reported[reported["indicator"].eq(indicator)
                   & reported["province_code"].isin(names.index)]  # fmt: skip
    own = own.join(names, on="province_code").sort_values(["unit_2025", "province", "as_of"],
                                                           kind="stable")  # fmt: skip
    return pd.concat([
        pd.DataFrame({"Province": rows["province"], "2025 unit": rows["unit_2025"],
                      "What": "estimate", "Share (%)": rows["estimate"],
                      "80% lower (%)": rows["lower"], "80% upper (%)": rows["upper"],
                      "Reports used": rows["n_reported"], "Date described": reference}),
        pd.DataFrame({"Province": own["province"], "2025 unit": own["unit_2025"],
                      "What": "own report", "Share (%)": own["share"].round(2),
                      "Date described": own["as_of"]}),
    ], ignore_index=True)  # fmt: skip


def estimates_chart(estimates: pd.DataFrame, reported: pd.DataFrame, *, indicator: str,
                    indicator_name: str, reference: str):  # fmt: skip
    """Every province's estimate with its 80% interval for one indicator, grouped by the 34
    units of 2025 (alternating bands, unit names on the right); filled dots where the
    province reported something, open dots where it reported nothing; crosses for its own
    reports of this indicator.

    ``estimates`` needs province_code, province, unit_2025, indicator, estimate, lower, upper,
    n_reported; ``reported`` needs province_code, indicator, share.

    Example:
        >>> est = pd.DataFrame({"province_code": ["01", "02"], "province": ["A", "B"],
        ...     "unit_2025": ["U", "V"], "indicator": ["k", "k"], "estimate": [50.0, 60.0],
        ...     "lower": [30.0, 20.0], "upper": [70.0, 90.0], "n_reported": [1, 0]})
        >>> rep = pd.DataFrame({"province_code": ["01"], "indicator": ["k"], "share": [55.0]})
        >>> fig = estimates_chart(est, rep, indicator="k", indicator_name="K", reference="2024")
        >>> fig.axes[0].get_xlabel()
        'K, estimated for 2024 (%; line: 80% interval)'
    """
    plotting.use_style()
    rows = estimates[estimates["indicator"].eq(indicator)]
    rows = rows.sort_values(["unit_2025", "province"]).reset_index(drop=True)
    # first row at the top
    y = pd.Series(np.arange(len(rows))[::-1].astype(float), index=rows["province_code"])
    fig, ax = plt.subplots(figsize=(7.6, 0.165 * len(rows) + 1.6))
    for k, (unit, group) in enumerate(rows.groupby("unit_2025", sort=True)):
        top, bottom = y[group["province_code"]].max(), y[group["province_code"]].min()
        if k % 2 == 0:
            ax.axhspan(bottom - 0.5, top + 0.5, color="#f0f0f0", zorder=0, lw=0)
        ax.text(1.01, (top + bottom) / 2, unit, transform=ax.get_yaxis_transform(), fontsize=6,
                va="center", ha="left", color="#444444")  # fmt: skip
    some = rows["n_reported"].gt(0).to_numpy()
    ys = y.to_numpy()
    ax.hlines(ys, rows["lower"], rows["upper"], color=np.where(some, plotting.PALETTE[0],
              "#9a9a9a"), lw=1.2, zorder=2)  # fmt: skip
    ax.scatter(rows["estimate"][some], ys[some], s=16, color=plotting.PALETTE[0], zorder=3,
               label="estimate for a province with reports (any indicator)")  # fmt: skip
    ax.scatter(rows["estimate"][~some], ys[~some], s=16, facecolor="white", edgecolor="#666666",
               zorder=3, label="estimate for a province with no report")  # fmt: skip
    own = reported[reported["indicator"].eq(indicator) & reported["province_code"].isin(y.index)]
    ax.scatter(own["share"], y[own["province_code"]].to_numpy(), marker="x", s=20,
               color=plotting.PALETTE[3], zorder=4,
               label="the province's own report(s)")  # fmt: skip
    ax.set_yticks(ys, rows["province"].tolist(), fontsize=6)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlim(0, 100)
    ax.grid(axis="y", visible=False)
    ax.set_title(f"{indicator_name}: an estimate for every province, {reference}", loc="left")
    ax.set_xlabel(f"{indicator_name}, estimated for {reference} (%; line: 80% interval)")
    ax.set_ylabel("Province, grouped by its 2025 unit (named on the right)")
    plotting.legend_below(ax, ncol=2)
    return fig
