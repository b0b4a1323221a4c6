"""Forecasts of the national series that know their uncertainty, and one backtest for them all.

The national series are short (a dozen dated reports), irregular (reports weeks or a year
apart) and campaign-driven (35 million e-ID accounts in three months of 2023). Every method
here forecasts a report at any later date, with a central 80% interval:

* baselines: ``naive`` (the last report; a random walk whose variance grows with the gap),
  ``drift`` (the average slope since the first report), ``linear`` (a straight line by least
  squares) and ``half_slope`` (the last report plus half the slope between the last two reports
  times the gap, a crude damped-drift rule);
* state-space models on a monthly grid, with the months without a report left missing so the
  Kalman filter bridges the gaps and gives predictive intervals: ``llt`` (statsmodels
  ``UnobservedComponents``, local linear trend) and ``damped`` (a local linear trend whose
  slope decays by a factor ``phi`` every month, :class:`DampedTrend`);
* the same two on the share of the population, through a logit (``llt_share``,
  ``damped_share``): forecasts and bounds are turned back into millions as population × share,
  so none falls below zero or above the population;
* the diffusion curves of :mod:`helpers.models` (``logistic``, ``bass``);
* ``selected``: at each forecast, the method with the best one-step interval score on the
  reports before the forecast origin (:func:`select`), ``damped_share`` until there is a record.

Irregular spacing: the baselines scale by the gap in years; the state-space models step month by
month, so a gap of seven months is seven transitions with their noise and, for ``damped``, seven
multiplications of the slope by ``phi``. Reports dated in the same month share one grid cell
(the later report stands for the month); reports sharing a date count once, at the median of
their values (:func:`reports`).

Example:
    >>> from helpers import dataset
    >>> obs = dataset.load_observations()
    >>> eid = reports(series.national_series(obs, "eid_accounts_activated"))
    >>> bool(eid["date"].is_unique), int(eid["reports"].sum()) >= len(eid)
    (True, True)
"""

from __future__ import annotations

import argparse
import functools
import sys
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import special, stats

from helpers import dataset, models, series

#: Central coverage of every interval.
LEVEL = 0.8
#: Reports a forecast needs before its origin (fixed before any backtest was run; the same
#: number the earlier curve backtest used).
MIN_TRAIN = 5
#: Forecast horizons: one report ahead, or a target at least this many months after the origin.
HORIZONS = {"one report": 0, "6 months": 6, "12 months": 12}
#: Default of ``selected`` while no method has a track record; chosen before backtesting.
PRIMARY = "damped_share"
#: One-step forecasts a method needs on record before :func:`select` may pick it.
MIN_RECORD = 2
#: Rounding of every forecast and bound, in millions (100 accounts), before scoring or plotting.
DECIMALS = 4
#: The series modelled, and their population-based ceilings.
SERIES = ("eid_accounts_activated", "chip_id_cards_issued")


# --- data -------------------------------------------------------------------------------------


def reports(points: pd.DataFrame) -> pd.DataFrame:
    """One row per reported date: the median of the values reported for it, and how many.

    ``points`` is a :func:`helpers.series.national_series` frame. Several publishers often repeat
    one official figure ("over 55.25 million", "exceeded 55.25 million"); counting them twice
    would weigh that date twice. The median keeps a single outlying repetition from moving it.

    Example:
        >>> p = pd.DataFrame({"as_of": ["2024", "2024", "2024", "2025-03-18"],
        ...                   "millions": [55.25, 55.25, 60.0, 61.0]})
        >>> reports(p)[["date", "millions", "reports"]].to_dict("records")[0]["millions"]
        55.25
    """
    ends = pd.to_datetime([dataset.parse_period(a).end for a in points["as_of"]])
    grouped = (
        points.assign(date=ends)
        .groupby("date")["millions"]
        .agg(millions="median", reports="size")
        .reset_index()
    )
    grouped["t"] = series.decimal_year(grouped["date"])
    grouped["month"] = month_index(grouped["date"])
    return grouped[["date", "t", "month", "millions", "reports"]]


def month_index(dates) -> np.ndarray:
    """Months since year 0 (January 2023 → 2023 × 12), the grid of the state-space models.

    Example:
        >>> month_index(pd.Series(pd.to_datetime(["2023-01-31", "2023-02-01"]))).tolist()
        [24276, 24277]
    """
    dates = pd.DatetimeIndex(pd.to_datetime(dates))
    return np.asarray(dates.year * 12 + dates.month - 1, dtype=int)


def month_end(index) -> pd.DatetimeIndex:
    """The last day of grid month ``index`` (inverse of :func:`month_index`).

    Example:
        >>> str(month_end([24277])[0].date())
        '2023-02-28'
    """
    index = np.asarray(index, dtype=int)
    starts = pd.to_datetime({"year": index // 12, "month": index % 12 + 1, "day": 1})
    return pd.DatetimeIndex(starts + pd.offsets.MonthEnd(0))


def population(obs: pd.DataFrame) -> pd.DataFrame:
    """Vietnam's average population per year (GSO), placed at mid-year, in millions.

    Only the yearly averages are used (not the census count of one day, nor the age shares).

    Example:
        >>> from helpers import dataset
        >>> pop = population(dataset.load_observations())
        >>> bool(pop["millions"].between(90, 110).all()), bool(pop["t"].is_monotonic_increasing)
        (True, True)
    """
    rows = obs[
        obs["indicator"].eq("population")
        & obs["province_code"].eq("VN")
        & obs["unit"].eq("count")
        & obs["as_of"].str.fullmatch(r"\d{4}")
    ]
    if rows.empty:
        raise ValueError("no yearly national population figure (indicator 'population')")
    out = pd.DataFrame(
        {
            "year": rows["as_of"].astype(int),
            "millions": rows["value"] / 1e6,
            "figure_id": rows["figure_id"],
        }
    )
    out = out.sort_values(["year", "figure_id"]).drop_duplicates("year", keep="last")
    return out.assign(t=out["year"] + 0.5)[["year", "t", "millions", "figure_id"]].reset_index(
        drop=True
    )


def ceiling_check(obs: pd.DataFrame) -> pd.DataFrame:
    """Why the ceiling is the whole population: the latest reports against the 2025 population
    and against those aged 15 and over (the population less its 0-14 share, both GSO 2025).

    Residents aged 14 and over are the ones who must hold a chip ID card; no national count of
    them was found, and the 15-and-over count already falls below the cards reported, so a
    ceiling of adults would be broken by the reports themselves.

    Example:
        >>> from helpers import dataset
        >>> table = ceiling_check(dataset.load_observations()).set_index("quantity")
        >>> bool(table.loc["aged 15 and over, 2025 (million, approx.)", "value"] < 80)
        True
    """
    pop = population(obs)
    latest = pop.iloc[-1]
    share = obs[
        obs["indicator"].eq("population") & obs["unit"].eq("percent")
        & obs["as_of"].eq(str(int(latest["year"])))
    ]  # fmt: skip
    rows = [{"quantity": f"average population, {int(latest['year'])} (million)",
             "value": latest["millions"], "figure_id": latest["figure_id"]}]  # fmt: skip
    if len(share):
        young = share.iloc[0]
        rows.append({"quantity": f"aged 0-14, {int(latest['year'])} (% of population)",
                     "value": young["value"], "figure_id": young["figure_id"]})  # fmt: skip
        rows.append({"quantity": f"aged 15 and over, {int(latest['year'])} (million, approx.)",
                     "value": round(latest["millions"] * (1 - young["value"] / 100), 1),
                     "figure_id": "computed"})  # fmt: skip
    for name in SERIES:
        last = series.national_series(obs, name).iloc[-1]
        rows.append({"quantity": f"latest report: {series.SERIES[name]} ({last['as_of']})",
                     "value": last["millions"], "figure_id": last["figure_id"]})  # fmt: skip
    return pd.DataFrame(rows)


def population_at(pop: pd.DataFrame, t) -> np.ndarray:
    """Population (millions) at decimal years ``t``: linear between mid-year averages, and
    beyond the first or last year along the line through the two nearest years.

    Example:
        >>> pop = pd.DataFrame({"t": [2024.5, 2025.5], "millions": [101.3, 102.3]})
        >>> population_at(pop, [2025.0, 2026.5]).round(2).tolist()
        [101.8, 103.3]
    """
    t = np.asarray(t, dtype=float)
    x, y = pop["t"].to_numpy(float), pop["millions"].to_numpy(float)
    inside = np.interp(t, x, y)
    if x.size < 2:
        return inside
    low = y[0] + (t - x[0]) * (y[1] - y[0]) / (x[1] - x[0])
    high = y[-1] + (t - x[-1]) * (y[-1] - y[-2]) / (x[-1] - x[-2])
    return np.where(t < x[0], low, np.where(t > x[-1], high, inside))


# --- state-space models -----------------------------------------------------------------------


class DampedTrend(sm.tsa.statespace.MLEModel):
    """Local linear trend with a damped slope: level += slope + noise; slope = phi × slope +
    noise, ``0 < phi < 1``. Months without a report are missing values.

    Example:
        >>> y = np.array([1.0, 2.0, np.nan, 3.5, 4.0, np.nan, 4.6, 4.9])
        >>> res = fit_state_space("damped", y)
        >>> bool(0 < res.params[2] < 1)
        True
    """

    def __init__(self, endog):
        super().__init__(endog, k_states=2, k_posdef=2, initialization="diffuse")
        self["design"] = np.array([[1.0, 0.0]])
        self["transition"] = np.array([[1.0, 1.0], [0.0, 0.5]])
        self["selection"] = np.eye(2)

    @property
    def param_names(self) -> list[str]:
        return ["sigma2.level", "sigma2.trend", "damping"]

    @property
    def start_params(self) -> np.ndarray:
        values = self.endog[:, 0][np.isfinite(self.endog[:, 0])]
        spread = float(np.var(np.diff(values))) if values.size > 2 else 1.0
        spread = spread if spread > 0 else 1.0
        return np.array([spread / 4, spread / 4, 0.7])

    def transform_params(self, unconstrained):
        u = np.asarray(unconstrained, dtype=float)
        return np.array([u[0] ** 2, u[1] ** 2, special.expit(u[2])])

    def untransform_params(self, constrained):
        c = np.asarray(constrained, dtype=float)
        damping = special.logit(np.clip(c[2], 1e-6, 1 - 1e-6))
        return np.array([np.sqrt(c[0]), np.sqrt(c[1]), damping])

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        self["state_cov", 0, 0] = params[0]
        self["state_cov", 1, 1] = params[1]
        self["transition", 1, 1] = params[2]


def fit_state_space(kind: str, y: np.ndarray):
    """Fit ``kind`` ("llt" or "damped") by maximum likelihood to a monthly array with gaps.

    Example:
        >>> y = np.array([1.0, np.nan, 3.0, 4.0, np.nan, 6.2, 7.1])
        >>> fit_state_space("llt", y).nobs
        7
    """
    if kind == "llt":
        model = sm.tsa.UnobservedComponents(y, level="local linear trend")
    elif kind == "damped":
        model = DampedTrend(y)
    else:
        raise ValueError(f"unknown state-space model {kind!r}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # short series: convergence warnings are expected
        return model.fit(disp=False, maxiter=500)


@functools.lru_cache(maxsize=1024)
def _fit_cached(kind: str, grid: bytes):
    # The backtest asks for the same training reports once per horizon and target; a fit is
    # deterministic, so each distinct monthly grid is fitted once.
    return fit_state_space(kind, np.frombuffer(grid, dtype=float).copy())


def _grid(train: pd.DataFrame, values: np.ndarray) -> np.ndarray:
    months = train["month"].to_numpy()
    y = np.full(months.max() - months.min() + 1, np.nan)
    y[months - months.min()] = values  # a later report in the same month overwrites
    return y


# --- methods ----------------------------------------------------------------------------------
# Each takes the training reports (``reports`` rows), the target dates and the population, and
# returns arrays (mean, lower, upper) in millions, one entry per target date.

Z = float(stats.norm.ppf(0.5 + LEVEL / 2))


def _gaps(train: pd.DataFrame, targets: pd.DatetimeIndex) -> np.ndarray:
    return series.decimal_year(pd.Series(targets)).to_numpy() - float(train["t"].iloc[-1])


def _naive(train, targets, pop):
    steps, spans = np.diff(train["millions"]), np.diff(train["t"])
    sigma = np.sqrt(np.mean(steps**2 / spans))
    gap = _gaps(train, targets)
    last = float(train["millions"].iloc[-1])
    half = Z * sigma * np.sqrt(gap)
    return np.full(gap.shape, last), last - half, last + half


def _drift(train, targets, pop):
    t, y = train["t"].to_numpy(), train["millions"].to_numpy()
    span = t[-1] - t[0]
    slope = (y[-1] - y[0]) / span
    residual = np.diff(y) - slope * np.diff(t)
    sigma2 = np.sum(residual**2 / np.diff(t)) / max(len(y) - 2, 1)
    gap = _gaps(train, targets)
    half = Z * np.sqrt(sigma2 * (gap + gap**2 / span))
    mean = y[-1] + slope * gap
    return mean, mean - half, mean + half


def _linear(train, targets, pop):
    t = train["t"].to_numpy()
    ols = sm.OLS(train["millions"].to_numpy(), sm.add_constant(t)).fit()
    new = series.decimal_year(pd.Series(targets)).to_numpy()
    frame = ols.get_prediction(sm.add_constant(new, has_constant="add")).summary_frame(
        alpha=1 - LEVEL
    )
    return (frame["mean"].to_numpy(), frame["obs_ci_lower"].to_numpy(),
            frame["obs_ci_upper"].to_numpy())  # fmt: skip


def _half_slope(train, targets, pop):
    t, y = train["t"].to_numpy(), train["millions"].to_numpy()
    slopes = np.diff(y) / np.diff(t)
    # the rule's own past errors set its spread: step k predicted from the slope before it
    errors = np.diff(y)[1:] - 0.5 * slopes[:-1] * np.diff(t)[1:]
    sigma = np.sqrt(np.mean(errors**2 / np.diff(t)[1:]))
    gap = _gaps(train, targets)
    mean = y[-1] + 0.5 * slopes[-1] * gap
    half = Z * sigma * np.sqrt(gap)
    return mean, mean - half, mean + half


def _empirical(share: bool):
    # a random walk whose increments follow their own past distribution (per square root of a
    # year) instead of a normal one: a campaign jump widens the upper tail, not both tails
    def method(train, targets, pop):
        values = train["millions"].to_numpy()
        if share:
            values = special.logit(values / population_at(pop, train["t"]))
        steps = np.diff(values) / np.sqrt(np.diff(train["t"]))
        quantiles = np.quantile(steps, [(1 - LEVEL) / 2, 0.5, (1 + LEVEL) / 2])
        root = np.sqrt(_gaps(train, targets))
        low, mid, high = (values[-1] + q * root for q in quantiles)
        if share:
            ceiling = population_at(pop, series.decimal_year(pd.Series(targets)))
            low, mid, high = (ceiling * special.expit(v) for v in (low, mid, high))
        return mid, low, high

    return method


def _state_space(kind: str, share: bool):
    def method(train, targets, pop):
        values = train["millions"].to_numpy()
        if share:
            values = special.logit(values / population_at(pop, train["t"]))
        result = _fit_cached(kind, _grid(train, values).astype(float).tobytes())
        steps = np.maximum(month_index(targets) - int(train["month"].iloc[-1]), 1)
        frame = result.get_forecast(int(steps.max())).summary_frame(alpha=1 - LEVEL)
        pick = frame.iloc[steps - 1]
        mean, lower, upper = (pick[c].to_numpy() for c in ("mean", "mean_ci_lower",
                                                               "mean_ci_upper"))  # fmt: skip
        if share:
            ceiling = population_at(pop, series.decimal_year(pd.Series(targets)))
            mean, lower, upper = (ceiling * special.expit(v) for v in (mean, lower, upper))
        return mean, lower, upper

    return method


@functools.lru_cache(maxsize=1024)
def _curve_cached(kind: str, t: bytes, y: bytes) -> models.CurveFit:
    # As for the state-space fits: one least-squares fit per distinct set of training reports.
    return models.fit_curve(kind, np.frombuffer(t, dtype=float), np.frombuffer(y, dtype=float))


def _curve(kind: str):
    def method(train, targets, pop):
        new = series.decimal_year(pd.Series(targets)).to_numpy()
        fit = _curve_cached(kind, train["t"].to_numpy(float).tobytes(),
                            train["millions"].to_numpy(float).tobytes())  # fmt: skip
        band = fit.band(new, level=LEVEL)
        return band["mean"].to_numpy(), band["lower"].to_numpy(), band["upper"].to_numpy()

    return method


METHODS: dict[str, Callable] = {
    "naive": _naive,
    "drift": _drift,
    "linear": _linear,
    "half_slope": _half_slope,
    "empirical": _empirical(share=False),
    "empirical_share": _empirical(share=True),
    "llt": _state_space("llt", share=False),
    "damped": _state_space("damped", share=False),
    "llt_share": _state_space("llt", share=True),
    "damped_share": _state_space("damped", share=True),
    "logistic": _curve("logistic"),
    "bass": _curve("bass"),
}
#: What each method is, for tables.
DESCRIPTIONS = {
    "naive": "last report; random-walk interval",
    "drift": "last report + average slope since the first report",
    "linear": "least-squares straight line",
    "half_slope": "last report + half the last slope × gap",
    "empirical": "random walk with the past increments' own distribution",
    "empirical_share": "the same on the logit of the population share",
    "llt": "local linear trend (Kalman, monthly grid)",
    "damped": "damped local linear trend (Kalman, monthly grid)",
    "llt_share": "local linear trend on the logit of the population share",
    "damped_share": "damped trend on the logit of the population share",
    "logistic": "logistic curve (least squares, simulated band)",
    "bass": "Bass curve (least squares, simulated band)",
    "selected": "best one-step interval score on earlier reports",
}
#: Each method's name in words, for tables, legends and prose.
NAMES = {
    "naive": "naive",
    "drift": "drift",
    "linear": "straight line",
    "half_slope": "half slope",
    "empirical": "empirical random walk",
    "empirical_share": "empirical random walk on the share",
    "llt": "local linear trend",
    "damped": "damped trend",
    "llt_share": "local linear trend on the share",
    "damped_share": "damped trend on the share",
    "logistic": "logistic curve",
    "bass": "Bass curve",
    "selected": "selected",
}
BASELINES = ("naive", "drift", "linear")
#: Methods whose forecasts and bounds stay between zero and the population.
BOUNDED = ("empirical_share", "llt_share", "damped_share")
#: Target indicators (targets.csv) and the series that measures each.
TARGET_SERIES = {"eid_accounts": "eid_accounts_activated", "chip_id_cards": "chip_id_cards_issued"}


def predict(method: str, train: pd.DataFrame, targets, pop: pd.DataFrame) -> pd.DataFrame:
    """Forecasts of ``method`` from the ``train`` reports for the dates ``targets``.

    Returns ``date``, ``forecast``, ``lower``, ``upper`` (millions, rounded to
    :data:`DECIMALS`); NaN where the method cannot fit.

    Example:
        >>> train = pd.DataFrame({"date": pd.to_datetime(["2024-01-31", "2024-06-30",
        ...     "2024-12-31"]), "millions": [10.0, 12.0, 13.0]})
        >>> train = train.assign(t=series.decimal_year(train["date"]),
        ...                      month=month_index(train["date"]))
        >>> out = predict("naive", train, pd.to_datetime(["2025-06-30"]), None)
        >>> float(out["forecast"].iloc[0]), bool(out["lower"].iloc[0] < 13 < out["upper"].iloc[0])
        (13.0, True)
    """
    targets = pd.DatetimeIndex(pd.to_datetime(targets))
    mean, lower, upper = _forecast(method, train, targets, pop)
    return pd.DataFrame({"date": targets, "forecast": mean, "lower": lower, "upper": upper})


def _forecast(method: str, train: pd.DataFrame, targets: pd.DatetimeIndex,
              pop: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    # predict's numbers without its table: the backtest asks for some 500 of them
    try:
        with np.errstate(all="ignore"):
            mean, lower, upper = METHODS[method](train, targets, pop)
    except (ValueError, np.linalg.LinAlgError):
        mean = lower = upper = np.full(len(targets), np.nan)
    return tuple(np.asarray(a, dtype=float).round(DECIMALS) for a in (mean, lower, upper))


# --- backtest ---------------------------------------------------------------------------------


def interval_score(actual, lower, upper, level: float = LEVEL) -> np.ndarray:
    """Winkler interval score of central ``level`` intervals: width, plus 2/alpha times the
    distance by which the actual value falls outside (lower is better).

    Example:
        >>> interval_score([5.0, 12.0], [4.0, 4.0], [10.0, 10.0]).tolist()
        [6.0, 26.0]
    """
    actual, lower, upper = (np.asarray(a, dtype=float) for a in (actual, lower, upper))
    alpha = round(1 - level, 12)  # 0.2, not 0.19999999999999996
    below = np.clip(lower - actual, 0, None)
    above = np.clip(actual - upper, 0, None)
    return (upper - lower) + 2 / alpha * (below + above)


def backtest(points: pd.DataFrame, pop: pd.DataFrame, methods=None) -> pd.DataFrame:
    """Rolling-origin backtest of every method at every horizon on one series' reports.

    For each report ``j`` and horizon ``h``, a forecast uses only the reports dated at least
    ``h`` months before report ``j`` (for "one report", all reports dated before it), and needs
    :data:`MIN_TRAIN` of them. One row per (horizon, target report, method), ``selected``
    included.

    Example:
        >>> d = pd.DataFrame({"as_of": [f"{y}-{m:02d}" for y in (2022, 2023) for m in (3, 6, 9, 12)],
        ...                   "millions": [1.0, 2.0, 3.5, 4.0, 5.1, 6.0, 6.4, 7.5]})
        >>> bt = backtest(d, None, methods=["naive", "drift"])
        >>> sorted(bt["horizon"].unique()), int(bt.query("horizon == 'one report'")["target"].nunique())
        (['6 months', 'one report'], 3)
    """  # noqa: E501
    data = reports(points)
    methods = list(methods or METHODS)
    dates, month, millions = data["date"], data["month"].to_numpy(), data["millions"].to_numpy()
    rows = []
    for horizon, months in HORIZONS.items():
        for j in range(len(data)):
            train = data.iloc[:j] if not months else data[month <= month[j] - months]
            if len(train) < MIN_TRAIN:
                continue
            target = pd.DatetimeIndex([dates.iloc[j]])
            origin, gap = train["date"].iloc[-1], int(month[j] - month[len(train) - 1])
            for method in methods:
                mean, lower, upper = _forecast(method, train, target, pop)
                rows.append({"horizon": horizon, "method": method, "origin": origin,
                             "target": dates.iloc[j], "gap_months": gap, "actual": millions[j],
                             "forecast": mean[0], "lower": lower[0],
                             "upper": upper[0]})  # fmt: skip
    bt = pd.DataFrame(rows)
    bt = pd.concat([bt, select(bt, methods)], ignore_index=True)
    return _with_scores(bt)


def _with_scores(bt: pd.DataFrame) -> pd.DataFrame:
    bt = bt.copy()
    bt["abs_error"] = (bt["forecast"] - bt["actual"]).abs()
    bt["covered"] = bt["actual"].between(bt["lower"], bt["upper"])
    bt["interval_score"] = interval_score(bt["actual"], bt["lower"], bt["upper"])
    return bt


def select(bt: pd.DataFrame, methods) -> pd.DataFrame:
    """The ``selected`` forecasts: for each forecast, the method whose one-step forecasts of
    reports dated up to the forecast's origin have the lowest mean interval score (each method
    needs :data:`MIN_RECORD` of them, on the same reports); :data:`PRIMARY` before that.

    Only reports the forecast could have seen are judged, so the choice peeks at nothing.

    Example:
        >>> bt = pd.DataFrame({"horizon": ["one report"] * 6, "method": ["a", "b"] * 3,
        ...     "origin": [1, 1, 2, 2, 3, 3], "target": [2, 2, 3, 3, 4, 4], "actual": [5.0] * 6,
        ...     "forecast": [5.0, 4.0] * 3, "lower": [4.0, 0.0] * 3, "upper": [6.0, 9.0] * 3,
        ...     "gap_months": [1] * 6})
        >>> select(bt, ["a", "b"])[["target", "chosen"]].values.tolist()  # no record for 2 and 3
        [[4, 'a']]
    """
    scored = _with_scores(bt)
    one = scored[scored["horizon"].eq("one report")]
    rows = []
    for _, group in scored.groupby(["horizon", "target"], sort=False):
        origin = group["origin"].iloc[0]
        record = one[one["target"] <= origin].pivot_table(
            index="target", columns="method", values="interval_score"
        )
        record = record[[m for m in methods if m in record.columns]].dropna()
        chosen = record.mean().idxmin() if len(record) >= MIN_RECORD else PRIMARY
        pick = group[group["method"].eq(chosen)]
        if pick.empty:
            continue
        rows.append(pick.iloc[0].to_dict() | {"method": "selected", "chosen": chosen})
    return pd.DataFrame(rows, columns=[*bt.columns, "chosen"])


def score(bt: pd.DataFrame) -> pd.DataFrame:
    """Per method and horizon: forecasts scored, MAE (millions), coverage of the 80% intervals
    and mean interval score (millions).

    Example:
        >>> bt = pd.DataFrame({"horizon": ["one report"] * 2, "method": ["naive"] * 2,
        ...     "forecast": [1.0, 2.0], "abs_error": [1.0, 3.0], "covered": [True, False],
        ...     "interval_score": [2.0, 30.0]})
        >>> score(bt).to_dict("records")
        [{'method': 'naive', 'horizon': 'one report', 'forecasts': 2, 'mae': 2.0, 'coverage': 0.5, 'interval_score': 16.0}]
    """  # noqa: E501
    valid = bt.dropna(subset=["forecast"])
    table = (
        valid.groupby(["method", "horizon"], sort=False)
        .agg(forecasts=("abs_error", "size"), mae=("abs_error", "mean"),
             coverage=("covered", "mean"), interval_score=("interval_score", "mean"))
        .reset_index()
    )  # fmt: skip
    order = {h: i for i, h in enumerate(HORIZONS)}
    methods = {m: i for i, m in enumerate([*METHODS, "selected"])}
    table = table.assign(
        _h=table["horizon"].map(order), _m=table["method"].map(methods).fillna(len(methods))
    )
    return table.sort_values(["_h", "_m"]).drop(columns=["_h", "_m"]).reset_index(drop=True)


def goal(table: pd.DataFrame, method: str = "selected") -> pd.DataFrame:
    """The project's goal for one-step forecasts, per series: ``method``'s MAE at most 0.8 ×
    naive, coverage between 0.7 and 0.9, interval score below naive's.

    ``table`` is :func:`backtest_table`'s output.

    Example:
        >>> t = pd.DataFrame({"series": ["s", "s"], "method": ["naive", "selected"],
        ...     "horizon": ["one report"] * 2, "forecasts": [7, 7], "mae": [2.0, 1.5],
        ...     "coverage": [1.0, 0.857], "interval_score": [20.0, 12.0]})
        >>> out = goal(t).iloc[0]
        >>> float(out["mae_ratio"]), bool(out[["mae_met", "coverage_met", "interval_met"]].all())
        (0.75, True)
    """
    one = table[table["horizon"].eq("one report")].set_index(["series", "method"])
    rows = []
    for name in dict.fromkeys(table["series"]):
        best, naive = one.loc[(name, method)], one.loc[(name, "naive")]
        ratio = best["mae"] / naive["mae"]
        rows.append({
            "series": name, "method": method, "mae": best["mae"], "naive_mae": naive["mae"],
            "mae_ratio": round(float(ratio), 3), "mae_met": bool(ratio <= 0.8),
            "coverage": best["coverage"], "coverage_met": bool(0.7 <= best["coverage"] <= 0.9),
            "interval_score": best["interval_score"],
            "naive_interval_score": naive["interval_score"],
            "interval_met": bool(best["interval_score"] < naive["interval_score"]),
        })  # fmt: skip
    return pd.DataFrame(rows)


def largest_errors(bt: pd.DataFrame, method: str = "naive") -> pd.DataFrame:
    """Per series: how much of ``method``'s one-step absolute error comes from its single
    largest miss (the report it missed most, and by how much).

    Example:
        >>> bt = pd.DataFrame({"series": ["s"] * 3, "horizon": ["one report"] * 3,
        ...     "method": ["naive"] * 3, "target": pd.to_datetime(["2024-01-31", "2024-02-29",
        ...     "2024-03-31"]), "abs_error": [1.0, 6.0, 1.0]})
        >>> largest_errors(bt)[["largest_error", "share_of_total"]].values.tolist()
        [[6.0, 0.75]]
    """
    one = bt[bt["horizon"].eq("one report") & bt["method"].eq(method)]
    rows = []
    for name, group in one.groupby("series", sort=False):
        worst = group.loc[group["abs_error"].idxmax()]
        share = round(float(worst["abs_error"] / group["abs_error"].sum()), 3)
        rows.append({"series": name, "method": method, "forecasts": len(group),
                     "mae": group["abs_error"].mean(), "largest_error": worst["abs_error"],
                     "report": worst["target"].date(), "share_of_total": share})  # fmt: skip
    return pd.DataFrame(rows)


#: What each curve parameter means, with its unit (time in decimal years).
PARAMETERS = {
    "K": "ceiling (million)",
    "r": "growth rate (per year)",
    "t0": "midpoint (year)",
    "m": "market size (million)",
    "p": "innovation coefficient (per year)",
    "q": "imitation coefficient (per year)",
    "start": "start of adoption (year)",
}


def curve_parameters(fits: dict[str, models.CurveFit], digits: int = 3) -> pd.DataFrame:
    """The fitted parameters of each curve in ``fits`` (name → fit), one row per parameter,
    with what it means, rounded to ``digits`` decimals.

    Example:
        >>> t = [2021.5, 2022, 2022.5, 2023, 2023.5, 2024, 2024.5]
        >>> fit = models.fit_curve("logistic", t, [1, 5, 20, 45, 65, 75, 79])
        >>> curve_parameters({"logistic": fit})["Meaning"].tolist()
        ['ceiling (million)', 'growth rate (per year)', 'midpoint (year)']
    """
    rows = [{"Model": name, "Parameter": key, "Meaning": PARAMETERS[key],
             "Estimate": round(float(value), digits)}
            for name, fit in fits.items() for key, value in fit.params.items()]  # fmt: skip
    return pd.DataFrame(rows)


def one_step_table(table: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The one-step scores for reading: one row per method (in the order of
    :data:`DESCRIPTIONS`), its name and what it is, then each series' MAE (millions), coverage
    of the 80% intervals and mean interval score (millions); ``labels`` names the series.

    ``table`` is :func:`backtest_table`'s output.

    Example:
        >>> t = pd.DataFrame({"series": ["s"], "method": ["naive"], "horizon": ["one report"],
        ...     "forecasts": [7], "mae": [1.857], "coverage": [1.0], "interval_score": [36.5]})
        >>> out = one_step_table(t, {"s": "e-ID"})
        >>> out.iloc[0].tolist()[:2], out.columns.tolist()[2:]  # doctest: +NORMALIZE_WHITESPACE
        (['naive', 'last report; random-walk interval'],
         ['e-ID: MAE (million)', 'e-ID: coverage', 'e-ID: interval score'])
    """
    one = table[table["horizon"].eq("one report")]
    order = [m for m in DESCRIPTIONS if m in set(one["method"])]
    out = pd.DataFrame({"Method": [NAMES[m] for m in order],
                        "What it is": [DESCRIPTIONS[m] for m in order]})  # fmt: skip
    scores = {"mae": "MAE (million)", "coverage": "coverage", "interval_score": "interval score"}
    for code, label in labels.items():
        part = one[one["series"].eq(code)].set_index("method").reindex(order)
        for column, words in scores.items():
            out[f"{label}: {words}"] = part[column].to_numpy()
    return out


def goal_table(goals: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """:func:`goal` for reading: one row per part of the goal, one column per series.

    Example:
        >>> g = pd.DataFrame({"series": ["s"], "method": ["selected"], "mae": [1.5],
        ...     "naive_mae": [2.0], "mae_ratio": [0.75], "mae_met": [True], "coverage": [0.857],
        ...     "coverage_met": [True], "interval_score": [12.0], "naive_interval_score": [20.0],
        ...     "interval_met": [True]})
        >>> t = goal_table(g, {"s": "e-ID"})
        >>> t.iloc[:3].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
        [['One-step MAE, selected method (million)', 1.5],
         ['One-step MAE, naive (million)', 2.0],
         ['MAE ratio to naive (goal: at most 0.8)', 0.75]]
    """
    rows = {
        "mae": "One-step MAE, selected method (million)",
        "naive_mae": "One-step MAE, naive (million)",
        "mae_ratio": "MAE ratio to naive (goal: at most 0.8)",
        "mae_met": "MAE goal met",
        "coverage": "Coverage of the 80% intervals (goal: 0.7 to 0.9)",
        "coverage_met": "Coverage goal met",
        "interval_score": "Interval score, selected method (million)",
        "naive_interval_score": "Interval score, naive (million)",
        "interval_met": "Interval-score goal met (below naive)",
    }
    goals = goals.set_index("series")
    out = pd.DataFrame({"Part of the goal": list(rows.values())})
    for code, label in labels.items():
        # plain Python values, so a table shows True as "yes" and a number as a number
        values = [goals.loc[code, column] for column in rows]
        out[label] = pd.Series([getattr(v, "item", lambda v=v: v)() for v in values],
                               dtype=object)  # fmt: skip
    return out


# --- forecasts and targets --------------------------------------------------------------------


def chosen_method(bt: pd.DataFrame, among=None) -> str:
    """The method :func:`select` would pick with every one-step forecast on record, optionally
    only ``among`` some methods (the forecasts to 2026 use :data:`BOUNDED`).

    Example:
        >>> bt = pd.DataFrame({"horizon": ["one report"] * 4, "method": ["a", "b"] * 2,
        ...     "target": [2, 2, 3, 3], "interval_score": [1.0, 5.0, 2.0, 1.0]})
        >>> chosen_method(bt), chosen_method(bt, among=["b"])
        ('a', 'b')
    """
    one = bt[bt["horizon"].eq("one report") & ~bt["method"].eq("selected")]
    if among is not None:
        one = one[one["method"].isin(among)]
    record = one.pivot_table(index="target", columns="method", values="interval_score").dropna(
        axis=1
    )
    return str(record.mean().idxmin()) if len(record) >= MIN_RECORD else PRIMARY


def path(points: pd.DataFrame, pop: pd.DataFrame, method: str, end: str = "2026-12-31"):
    """Month-end forecasts from the last report to ``end`` with 80% bounds, using all reports.

    Example:
        >>> d = pd.DataFrame({"as_of": ["2024-01", "2024-04", "2024-08", "2024-12", "2025-03"],
        ...                   "millions": [10.0, 11.0, 12.5, 13.0, 13.6]})
        >>> p = path(d, None, "naive", end="2025-06-30")
        >>> [str(x.date()) for x in p["date"]], float(p["forecast"].iloc[-1])
        (['2025-04-30', '2025-05-31', '2025-06-30'], 13.6)
    """
    data = reports(points)
    months = np.arange(int(data["month"].iloc[-1]) + 1, int(month_index([end])[0]) + 1)
    return predict(method, data, month_end(months), pop).assign(method=method)


def final_paths(bt: pd.DataFrame, points: dict[str, pd.DataFrame], pop: pd.DataFrame,
                end: str = "2026-12-31") -> dict[str, pd.DataFrame]:  # fmt: skip
    """Each series' forecast path to ``end`` from all its reports, by the bounded method with the
    best one-step interval score over the whole backtest (:func:`chosen_method`).

    Example:
        >>> bt = pd.DataFrame({"series": [s for s in SERIES for _ in (1, 2)],
        ...     "horizon": "one report", "method": "empirical_share", "target": [1, 2] * 2,
        ...     "interval_score": 1.0})
        >>> paths = final_paths(bt, *load(), end="2026-06-30")
        >>> str(paths["chip_id_cards_issued"]["date"].iloc[-1].date())
        '2026-06-30'
    """
    return {
        name: path(points[name], pop, chosen_method(bt[bt["series"].eq(name)], among=BOUNDED),
                   end=end)
        for name in points
    }  # fmt: skip


def reach(frame: pd.DataFrame, target: float) -> dict[str, object]:
    """When a forecast path reaches ``target``: the first month its median does, and the 80%
    interval from the first month the upper bound does to the first month the lower bound does
    (``None``: not within the path).

    For a cumulative count that only grows, the date a path first crosses the target is below a
    month exactly when the count at that month is above the target, so these quantiles of the
    crossing date follow from the quantiles of the forecast without simulation.

    Example:
        >>> f = pd.DataFrame({"date": pd.to_datetime(["2026-01-31", "2026-02-28", "2026-03-31"]),
        ...     "forecast": [9.0, 10.0, 11.0], "lower": [8.0, 8.5, 9.0], "upper": [10.0, 11.5, 13.0]})
        >>> {k: (str(v.date()) if v is not None else None) for k, v in reach(f, 10.0).items()}
        {'median': '2026-02-28', 'earliest': '2026-01-31', 'latest': None}
    """  # noqa: E501

    def first(column: str):
        hit = frame.loc[frame[column] >= target, "date"]
        return hit.iloc[0] if len(hit) else None

    return {"median": first("forecast"), "earliest": first("upper"), "latest": first("lower")}


def targets_table(points: dict[str, pd.DataFrame], paths: dict[str, pd.DataFrame],
                  targets: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """Each national count target of the modelled series: whether the reports show it reached
    (the last report below it and the first at or above it), else when the forecast path
    reaches it, with its 80% interval.

    ``points`` and ``paths`` map series codes to :func:`helpers.series.national_series` frames
    and :func:`path` frames; ``targets`` defaults to ``data/reference/targets.csv``.

    Example:
        >>> d = pd.DataFrame({"as_of": ["2024-01", "2024-06"], "millions": [8.0, 9.0]})
        >>> f = pd.DataFrame({"date": pd.to_datetime(["2024-12-31"]), "forecast": [10.5],
        ...     "lower": [9.5], "upper": [11.0]})
        >>> tg = pd.DataFrame({"target_id": ["x"], "indicator": ["eid_accounts"], "province":
        ...     ["Vietnam"], "stated": ["10 million"], "deadline": ["2024-12-31"], "source_id": ["s"]})
        >>> targets_table({"eid_accounts_activated": d}, {"eid_accounts_activated": f}, tg)[
        ...     ["status", "forecast_median"]].iloc[0].tolist()
        ['not in the reports', '2024-12']
    """  # noqa: E501
    if targets is None:
        targets = pd.read_csv(dataset.TARGETS, dtype=str, keep_default_na=False)
    rows = []
    chosen = targets[targets["indicator"].isin(TARGET_SERIES) & targets["province"].eq("Vietnam")]
    for _, target in chosen.iterrows():
        code = TARGET_SERIES[target["indicator"]]
        value = float(target["stated"].split()[0])  # "40 million" → 40
        data = reports(points[code]).rename(columns={"date": "when"})
        bracket = series.crossing(data.assign(t=data["t"]), value)
        below = data.loc[data["t"].eq(bracket["last_below"]), "when"]
        above = data.loc[data["t"].eq(bracket["first_at_or_above"]), "when"]
        row = {"target_id": target["target_id"], "series": code, "target_millions": value,
               "deadline": target["deadline"], "source_id": target["source_id"],
               "last_report_below": below.iloc[0].date() if len(below) else None,
               "first_report_at_or_above": above.iloc[0].date() if len(above) else None,
               }  # fmt: skip
        if len(above):
            row |= {"status": "reached (reports)", "forecast_median": None,
                    "forecast_earliest": None, "forecast_latest": None}  # fmt: skip
        else:
            when = reach(paths[code], value)
            row |= {"status": "not in the reports"} | {
                f"forecast_{k}": (v.strftime("%Y-%m") if v is not None else "after the path")
                for k, v in when.items()
            }
        rows.append(row)
    return pd.DataFrame(rows)


def load(obs: pd.DataFrame | None = None) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The national series (as fitted) and the population table.

    Example:
        >>> points, pop = load()
        >>> sorted(points) == sorted(SERIES)
        True
    """
    obs = dataset.load_observations() if obs is None else obs
    return {name: series.national_series(obs, name) for name in SERIES}, population(obs)


def backtest_all(obs: pd.DataFrame | None = None, methods=None) -> pd.DataFrame:
    """:func:`backtest` of both series (all methods, or ``methods``), with a ``series`` column.

    Example:
        >>> bt = backtest_all(methods=["naive", "empirical_share"])
        >>> sorted(bt["series"].unique()) == sorted(SERIES)
        True
    """
    points, pop = load(obs)
    return pd.concat(
        [backtest(points[name], pop, methods).assign(series=name) for name in SERIES],
        ignore_index=True,
    )


def backtest_table(bt: pd.DataFrame) -> pd.DataFrame:
    """The scores of :func:`backtest_all`, one row per series, method and horizon, rounded.

    Example:
        >>> bt = pd.DataFrame({"series": ["s"], "horizon": ["one report"], "method": ["naive"],
        ...     "forecast": [1.0], "abs_error": [0.5], "covered": [True], "interval_score": [3.0]})
        >>> list(backtest_table(bt).columns)
        ['series', 'method', 'horizon', 'forecasts', 'mae', 'coverage', 'interval_score']
    """
    parts = [score(group).assign(series=name) for name, group in bt.groupby("series", sort=False)]
    table = pd.concat(parts, ignore_index=True)
    table = table[["series", "method", "horizon", "forecasts", "mae", "coverage",
                   "interval_score"]]  # fmt: skip
    return table.round({"mae": 3, "coverage": 3, "interval_score": 3})


def main(argv: list[str] | None = None) -> int:
    """Print the backtest table (``--csv``: as CSV) of both national series; ``--forecasts``
    prints the month-end forecasts to the end of 2026 with their 80% bounds instead.

    Example:
        >>> main(["--help"])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        SystemExit: 0
    """
    parser = argparse.ArgumentParser(
        prog="python -m helpers.forecast",
        description="Rolling-origin backtest of the national e-ID and chip-card forecasts.",
    )
    parser.add_argument("--csv", action="store_true", help="print the table as CSV")
    parser.add_argument("--forecasts", action="store_true",
                        help="print the forecasts to the end of 2026 instead")  # fmt: skip
    args = parser.parse_args(argv)
    bt = backtest_all()
    if args.forecasts:
        points, pop = load()
        paths = final_paths(bt, points, pop)
        table = pd.concat([p.assign(series=name) for name, p in paths.items()], ignore_index=True)
        table = table[["series", "method", "date", "forecast", "lower", "upper"]]
    else:
        table = backtest_table(bt)
    if args.csv:
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
