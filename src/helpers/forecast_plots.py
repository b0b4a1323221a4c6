"""The figures of the national forecasts: the backtest, and the forecasts to the end of 2026.

Both take numbers already rounded by :mod:`helpers.forecast` and set every axis limit from them
(rounded outwards to whole steps), so a rerun draws the same picture even if an optimizer's last
digits moved.

Example:
    >>> bt = pd.DataFrame({"series": ["a"] * 2, "method": ["naive", "selected"],
    ...     "horizon": ["one report"] * 2, "target": pd.to_datetime(["2024-06-30"] * 2),
    ...     "actual": [5.0, 5.0], "forecast": [4.0, 5.5], "lower": [3.0, 4.5], "upper": [6.0, 6.5]})
    >>> fig = backtest_figure(bt, {"a": "Series A"}, methods=["naive", "selected"])
    >>> fig.axes[0].get_ylabel()
    'Millions (cumulative)'
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FormatStrFormatter, MultipleLocator

from helpers import plotting, series


def _year_axis(ax) -> None:
    ax.xaxis.set_major_locator(MultipleLocator(1.0))
    ax.xaxis.set_minor_locator(MultipleLocator(0.25))
    ax.xaxis.set_major_formatter(FormatStrFormatter("%d"))


def _finish(fig, axes, title: str):
    # the title above the panels, one legend for all of them below their axis titles (clear of
    # titles and data; the figure is saved with a tight bounding box, which grows to include it)
    handles, texts = axes[0][0].get_legend_handles_labels()
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    renderer = fig.canvas.get_renderer()
    below = min(ax.get_tightbbox(renderer).y0 for ax in axes[0]) - 4  # display units
    _, y = fig.transFigure.inverted().transform((0, below))
    fig.legend(handles, texts, loc="upper left", bbox_to_anchor=(axes[0][0].get_position().x0, y),
               ncol=2, frameon=False, fontsize=7.5)  # fmt: skip
    return fig


def _limits(values, step: float) -> tuple[float, float]:
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    low = math.floor(values.min() / step) * step
    high = math.ceil(values.max() / step) * step
    return max(low, 0.0), high


def backtest_figure(bt: pd.DataFrame, labels: dict[str, str], methods: list[str],
                    names: dict[str, str] | None = None, step: float = 10.0):  # fmt: skip
    """One panel per series: each one-step forecast of ``methods`` with its 80% interval, next
    to the report it forecast.

    ``bt`` is :func:`helpers.forecast.backtest_all` output; ``labels`` maps series codes to
    panel titles; ``names`` maps methods to legend labels.

    Example:
        >>> bt = pd.DataFrame({"series": ["a"], "method": ["naive"], "horizon": ["one report"],
        ...     "target": pd.to_datetime(["2024-06-30"]), "actual": [5.0], "forecast": [4.0],
        ...     "lower": [3.0], "upper": [6.0]})
        >>> backtest_figure(bt, {"a": "A"}, ["naive"]).axes[0].get_xlabel()
        'Date of the report forecast (year)'
    """
    plotting.use_style()
    names = names or {}
    one = bt[bt["horizon"].eq("one report") & bt["method"].isin(methods)]
    fig, axes = plt.subplots(1, len(labels), figsize=(9.6, 4.2), squeeze=False)
    offsets = dict(zip(methods, np.linspace(-0.05, 0.05, len(methods)), strict=True))
    for ax, (code, label) in zip(axes[0], labels.items(), strict=True):
        sub = one[one["series"].eq(code)].dropna(subset=["forecast"])
        for k, method in enumerate(methods):
            part = sub[sub["method"].eq(method)]
            x = series.decimal_year(part["target"]) + offsets[method]
            ax.errorbar(x, part["forecast"],
                        yerr=[part["forecast"] - part["lower"], part["upper"] - part["forecast"]],
                        fmt="o", ms=3.5, capsize=2, lw=1, color=plotting.PALETTE[k + 1],
                        label=f"{names.get(method, method)}: forecast, 80% interval")  # fmt: skip
        actual = sub.drop_duplicates("target")
        ax.scatter(series.decimal_year(actual["target"]), actual["actual"], marker="*", s=80,
                   color=plotting.PALETTE[0], zorder=4, label="reported value")  # fmt: skip
        ax.set_ylim(*_limits(pd.concat([sub["lower"], sub["upper"], sub["actual"]]), step))
        years = series.decimal_year(sub["target"])
        ax.set_xlim(math.floor(years.min() * 4 - 1) / 4, math.ceil(years.max() * 4 + 1) / 4)
        _year_axis(ax)
        ax.set_title(label, loc="left", fontsize=10)
        ax.set_xlabel("Date of the report forecast (year)")
    axes[0][0].set_ylabel("Millions (cumulative)")
    return _finish(fig, axes, "One report ahead: forecasts made before each report, and the report")


def backtest_data(bt: pd.DataFrame, labels: dict[str, str], methods: list[str],
                  names: dict[str, str] | None = None) -> pd.DataFrame:  # fmt: skip
    """The forecasts :func:`backtest_figure` draws: one row per series, report and method, with
    the reported value, the forecast and its 80% interval (millions).

    Example:
        >>> bt = pd.DataFrame({"series": ["a"], "method": ["naive"], "horizon": ["one report"],
        ...     "target": pd.to_datetime(["2024-06-30"]), "actual": [5.0], "forecast": [4.0],
        ...     "lower": [3.0], "upper": [6.0]})
        >>> rows = backtest_data(bt, {"a": "A"}, ["naive"]).to_dict("records")
        >>> rows  # doctest: +NORMALIZE_WHITESPACE
        [{'Series': 'A', 'Report date': '2024-06-30', 'Method': 'naive', 'Reported (million)': 5.0,
          'Forecast (million)': 4.0, '80% lower (million)': 3.0, '80% upper (million)': 6.0}]
    """
    names = names or {}
    one = bt[bt["horizon"].eq("one report") & bt["method"].isin(methods)
             & bt["series"].isin(list(labels))].dropna(subset=["forecast"])  # fmt: skip
    order = {m: i for i, m in enumerate(methods)}
    rank = {c: i for i, c in enumerate(labels)}
    one = one.assign(_s=one["series"].map(rank), _m=one["method"].map(order))
    one = one.sort_values(["_s", "target", "_m"], kind="stable")
    return pd.DataFrame({
        "Series": one["series"].map(labels),
        "Report date": one["target"].dt.strftime("%Y-%m-%d"),
        "Method": one["method"].map(lambda m: names.get(m, m)),
        "Reported (million)": one["actual"].astype(float).round(4),
        "Forecast (million)": one["forecast"],
        "80% lower (million)": one["lower"],
        "80% upper (million)": one["upper"],
    }).reset_index(drop=True)  # fmt: skip


def forecast_data(panels: dict[str, dict]) -> pd.DataFrame:
    """What :func:`forecast_figure` draws, one row per point: each panel's reports, its
    forecast median with the 80% band, and the population line (millions; decimal years).

    Example:
        >>> p = {"A": {"reports": pd.DataFrame({"t": [2025.0], "millions": [60.0]}),
        ...     "path": pd.DataFrame({"date": pd.to_datetime(["2026-12-31"]), "forecast": [62.0],
        ...     "lower": [60.0], "upper": [66.0]}), "method": "m",
        ...     "population": pd.DataFrame({"t": [2027.0], "millions": [104.0]})}}
        >>> forecast_data(p)["What"].tolist()
        ['reported value', 'forecast median (m)', 'population']
    """
    parts = []
    for title, panel in panels.items():
        reports, path, pop = panel["reports"], panel["path"], panel["population"]
        parts += [
            pd.DataFrame({"Series": title, "What": "reported value", "Year": reports["t"],
                          "Millions": reports["millions"]}),
            pd.DataFrame({"Series": title, "What": f"forecast median ({panel['method']})",
                          "Year": series.decimal_year(path["date"]).to_numpy(),
                          "Millions": path["forecast"].to_numpy(),
                          "80% lower": path["lower"].to_numpy(),
                          "80% upper": path["upper"].to_numpy()}),
            pd.DataFrame({"Series": title, "What": "population", "Year": pop["t"],
                          "Millions": pop["millions"]}),
        ]  # fmt: skip
    out = pd.concat(parts, ignore_index=True)
    out = out.reindex(columns=["Series", "What", "Year", "Millions", "80% lower", "80% upper"])
    numbers = ["Year", "Millions", "80% lower", "80% upper"]
    out[numbers] = out[numbers].astype(float).round(4)
    return out


def forecast_figure(panels: dict[str, dict], step: float = 10.0, end: float = 2027.0):
    """One panel per series: the reports, the forecast median to the end of 2026 with its 80%
    band, and the population (the bounded models' ceiling).

    ``panels`` maps a title to ``{"reports": frame with t, millions; "path": frame with date,
    forecast, lower, upper; "population": frame with t, millions; "method": legend label}``.

    Example:
        >>> p = {"A": {"reports": pd.DataFrame({"t": [2025.0], "millions": [60.0]}),
        ...     "path": pd.DataFrame({"date": pd.to_datetime(["2026-12-31"]), "forecast": [62.0],
        ...     "lower": [60.0], "upper": [66.0]}), "method": "m",
        ...     "population": pd.DataFrame({"t": [2025.0, 2027.0], "millions": [102.0, 104.0]})}}
        >>> forecast_figure(p).axes[0].get_ylabel()
        'Millions (cumulative)'
    """
    plotting.use_style()
    fig, axes = plt.subplots(1, len(panels), figsize=(9.6, 4.2), squeeze=False)
    top = 0.0
    for ax, (title, panel) in zip(axes[0], panels.items(), strict=True):
        reports, path, pop = panel["reports"], panel["path"], panel["population"]
        t = series.decimal_year(path["date"])
        last = reports.iloc[-1]
        x = np.concatenate([[last["t"]], t])
        joined = {c: np.concatenate([[last["millions"]], path[c]])
                  for c in ("forecast", "lower", "upper")}  # fmt: skip
        ax.fill_between(x, joined["lower"], joined["upper"], color=plotting.PALETTE[1],
                        alpha=0.25, lw=0, label="80% forecast band")  # fmt: skip
        ax.plot(x, joined["forecast"], color=plotting.PALETTE[1], lw=1.6,
                label=f"forecast median ({panel['method']})")  # fmt: skip
        ax.plot(pop["t"], pop["millions"], color="#444444", ls="--", lw=1,
                label="population (GSO average; extrapolated after 2025)")  # fmt: skip
        ax.scatter(reports["t"], reports["millions"], color=plotting.PALETTE[0], s=22, zorder=4,
                   label="reported value (one per date)")  # fmt: skip
        top = max(top, float(np.nanmax([pop["millions"].max(), path["upper"].max()])))
        ax.set_xlim(math.floor(reports["t"].min()), end)
        _year_axis(ax)
        ax.set_title(title, loc="left", fontsize=10)
        ax.set_xlabel("Year")
    for ax in axes[0]:
        ax.set_ylim(0, math.ceil(top / step) * step)
    axes[0][0].set_ylabel("Millions (cumulative)")
    return _finish(fig, axes, "Forecasts to the end of 2026 with 80% bands")
