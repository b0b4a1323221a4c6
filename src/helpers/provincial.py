"""A multilevel model that gives every one of the 63 provinces an estimate, and says how sure.

The provinces' reported shares (online applications, full-process services, records
digitised, tasks done, e-ID accounts per resident, …; whole-province figures, each with its
date) are modelled together on the logit scale:

    logit(share / 100) = indicator + slope × (years since 2024) + b_PAPI × PAPI 8.1
                         + b_DTI × DTI standing + province + noise

with a random intercept per province (partial pooling: a province's reports pull its own
level, shrunk towards what the covariates predict, the more so the fewer reports it has), the
citizens' lens (PAPI 8.1, use of e-government portals, standing over 2022–23) and the experts'
lens (DTI 2022, reversed rank) as standardised covariates. Shares are clipped to 1–99% before
the logit (a report of 100% would otherwise be infinitely far).

**Why ``statsmodels.MixedLM`` and not ``BinomialBayesMixedGLM``.** Most shares are reported
without counts ("over 92%"), and where counts exist they run to hundreds of thousands of
applications: a binomial likelihood would treat those as nearly exact, while the real
uncertainty is between definitions, dates and provinces. A Gaussian model of the logit with an
estimated residual variance lets the data say how noisy a report is; it is fitted by REML,
deterministically, and its variance components give prediction intervals directly.

**Intervals.** Every estimate is for what the province would report for that indicator at the
end of 2024, with an 80% interval that adds up the uncertainty of the fixed effects, of the
province's own level (its full between-province variance when it reported nothing, less when
it reported more) and the residual variance of a single report. Leaving the residual out
gives intervals for the province's *mean* report that are too narrow for any one report: the
leave-one-province-out validation (:func:`validate`) shows the difference.

``python -m helpers.provincial --csv`` prints the estimates (province, indicator, estimate,
lower, upper, n_reported), a blank line, and the validation table (method, mae, coverage).
Outputs are rounded (0.1 percentage point; MAE 0.01; coverage 0.001).

Example:
    >>> from helpers import dataset
    >>> est = estimates(dataset.load_observations())
    >>> est["province"].nunique(), bool((est["lower"] <= est["estimate"]).all())
    (63, True)
"""

from __future__ import annotations

import argparse
import sys
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from helpers import dataset, papi, progress, provinces, rates, summary

LEVEL = 0.8
CLIP = (1.0, 99.0)
#: The date every estimate refers to: the end of 2024, the year the 80% online target was due.
REFERENCE = pd.Timestamp("2024-12-31")
ORIGIN = pd.Timestamp("2024-01-01")
#: An indicator enters the model when at least this many provinces report it.
MIN_PROVINCES = 3
#: Stated shares of e-ID accounts use quotas, adults or permanent residents as denominators;
#: the model uses the per-resident rate of :mod:`helpers.rates` instead.
EID_STATED = ("eid_accounts", "eid_level2_accounts", "eid_applications")
EID = "eid_per_resident"
EID_NAME = "e-ID accounts per resident (latest count)"
COVARIATES = {"papi_81": "PAPI 8.1 use of e-government portals (z)",
              "dti": "DTI 2022 standing (z)"}  # fmt: skip
ESTIMATE_COLUMNS = ["province", "indicator", "estimate", "lower", "upper", "n_reported"]
VALIDATION_COLUMNS = ["method", "mae", "coverage", "n"]


def _years(dates: pd.Series) -> np.ndarray:
    return ((pd.to_datetime(dates) - ORIGIN).dt.days / 365.25).to_numpy()


def logit(percent):
    """Logit of a share in percent, clipped to :data:`CLIP`.

    Example:
        >>> round(float(logit(50.0)), 6), round(float(logit(100.0)), 3)
        (0.0, 4.595)
    """
    p = np.clip(np.asarray(percent, dtype=float), *CLIP) / 100
    return np.log(p / (1 - p))


def expit(x):
    """Back to percent.

    Example:
        >>> float(expit(0.0))
        50.0
    """
    return 100 / (1 + np.exp(-np.asarray(x, dtype=float)))


def covariates(obs: pd.DataFrame, papi_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The two lens covariates for all 63 provinces, standardised (mean 0, sd 1).

    Example:
        >>> from helpers import dataset
        >>> c = covariates(dataset.load_observations())
        >>> c.shape, c.notna().all().all()
        ((63, 2), np.True_)
    """
    papi_table = papi.load() if papi_table is None else papi_table
    out = pd.DataFrame(index=provinces.table().index)
    out["papi_81"] = papi.combined(papi_table, "8.1")
    out["dti"] = 64 - progress.dti_ranks(obs, "2022").reindex(out.index).astype(float)
    return ((out - out.mean()) / out.std(ddof=0)).round(6)


def reports(obs: pd.DataFrame) -> pd.DataFrame:
    """The reported shares the model learns from: one row per whole-province level figure with
    a share of a whole (not of a quota, not above 100%), plus the latest e-ID accounts per
    resident; indicators reported by fewer than :data:`MIN_PROVINCES` provinces are left out.

    Example:
        >>> from helpers import dataset
        >>> r = reports(dataset.load_observations())
        >>> bool(r["share"].between(0, 100).all()), EID in set(r["indicator"])
        (True, True)
    """
    rows = summary.project06(obs)
    rows = rows[
        rows["rate"].notna()
        & rows["measure"].eq("level")
        & progress.whole_province(rows)
        & ~rows["denominator_kind"].isin(["target", "group"])
        & rows["rate"].le(100)
        & ~rows["indicator"].isin(EID_STATED)
    ]
    shared = rows[["figure_id", "province_code", "indicator", "as_of", "as_of_end", "rate"]]
    eid = rates.latest(rates.per_resident(obs)).assign(indicator=EID)
    eid = eid.rename(columns={"per_resident": "rate"})[shared.columns]
    out = pd.concat([shared, eid], ignore_index=True).rename(columns={"rate": "share"})
    out = out.dropna(subset=["share"])
    keep = out.groupby("indicator")["province_code"].nunique()
    out = out[out["indicator"].isin(keep[keep >= MIN_PROVINCES].index)]
    out["t"] = _years(out["as_of_end"])
    out["y"] = logit(out["share"])
    return out.sort_values(["province_code", "indicator", "as_of_end", "figure_id"]).reset_index(
        drop=True
    )


def report_counts(data: pd.DataFrame) -> pd.DataFrame:
    """What the model learns from: per indicator (by name), how many reports and how many
    provinces, most reports first (ties by name).

    ``data`` is :func:`reports`' output.

    Example:
        >>> d = pd.DataFrame({"indicator": ["online_applications", EID, "online_applications"],
        ...                   "province_code": ["01", "01", "02"]})
        >>> report_counts(d).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
        [['Administrative applications received online', 2, 2],
         ['e-ID accounts per resident (latest count)', 1, 1]]
    """
    names = dataset.load_indicators()["name"].to_dict() | {EID: EID_NAME}
    out = data.groupby("indicator").agg(reports=("province_code", "size"),
                                        provinces=("province_code", "nunique"))  # fmt: skip
    out = out.reset_index().assign(indicator=lambda d: d["indicator"].map(names))
    return out.sort_values(["reports", "indicator"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)  # fmt: skip


@dataclass
class Fit:
    """A fitted model: fixed effects and their covariance, variance components, and each
    province's estimated level (BLUP) with its conditional variance."""

    params: pd.Series
    cov: pd.DataFrame
    tau2: float
    sigma2: float
    levels: pd.Series
    level_var: pd.Series
    indicators: list[str]
    n_obs: int

    def design(self, indicator: str, t: float, cov: pd.Series) -> np.ndarray:
        x = pd.Series(0.0, index=self.params.index)
        x[f"C(indicator)[{indicator}]"] = 1.0
        x["t"] = t
        for name in COVARIATES:
            x[name] = cov[name]
        return x.to_numpy()

    def predict(self, indicator: str, t: float, cov: pd.Series, code: str | None = None,
                residual: bool = True) -> tuple[float, float]:  # fmt: skip
        """Mean and variance (logit scale) of a report by province ``code`` (None: a province
        the model has not seen)."""
        x = self.design(indicator, t, cov)
        mean = float(x @ self.params.to_numpy())
        var = float(x @ self.cov.to_numpy() @ x)
        if code is not None and code in self.levels.index:
            mean += float(self.levels[code])
            var += float(self.level_var[code])
        else:
            var += self.tau2
        if residual:
            var += self.sigma2
        return mean, var


#: Fits already made in this process, by the content of their data and covariates: the
#: estimates, the leave-one-out validation and the page tables ask for the same fits, and a fit
#: is deterministic.
_FITS: dict[tuple[int, int], Fit] = {}


def _content(frame: pd.DataFrame) -> int:
    return int(pd.util.hash_pandas_object(frame, index=True).sum())


def fit(data: pd.DataFrame, cov: pd.DataFrame) -> Fit:
    """Fit the random-intercept model to ``data`` (from :func:`reports`).

    Example:
        >>> from helpers import dataset
        >>> obs = dataset.load_observations()
        >>> f = fit(reports(obs), covariates(obs))
        >>> f.tau2 >= 0 and f.sigma2 > 0
        True
    """
    key = (_content(data[["province_code", "indicator", "t", "y"]]), _content(cov))
    if key not in _FITS:
        _FITS[key] = _fit(data, cov)
    return _FITS[key]


def _design(frame: pd.DataFrame) -> pd.DataFrame:
    """The fixed-effects design of ``y ~ 0 + C(indicator) + t + papi_81 + dti``, written out
    (a 0/1 column per indicator, in sorted order, then time and the covariates) with the names a
    formula gives its columns: parsing the formula again for each of the leave-one-out fits took
    a sixth of their time.

    Example:
        >>> f = pd.DataFrame({"indicator": ["b", "a"], "t": [0.5, 1.0], "papi_81": [0.1, -0.2],
        ...                   "dti": [1.0, 0.0]})
        >>> _design(f).to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
        {'C(indicator)[a]': [0.0, 1.0], 'C(indicator)[b]': [1.0, 0.0], 't': [0.5, 1.0],
         'papi_81': [0.1, -0.2], 'dti': [1.0, 0.0]}
    """
    levels = sorted(frame["indicator"].unique())
    columns = {f"C(indicator)[{level}]": frame["indicator"].eq(level).astype(float)
               for level in levels}  # fmt: skip
    columns |= {name: frame[name].astype(float) for name in ("t", *COVARIATES)}
    return pd.DataFrame(columns, index=frame.index)


def _fit(data: pd.DataFrame, cov: pd.DataFrame) -> Fit:
    frame = data.join(cov, on="province_code")
    model = sm.MixedLM(frame["y"], _design(frame), groups=frame["province_code"])
    # L-BFGS sometimes stops at a degenerate point on this model (an infinite likelihood, zero
    # covariate effects, a singular covariance); BFGS, then Nelder-Mead, reach the optimum.
    for method in ("bfgs", "nm"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = model.fit(reml=True, method=[method])
        diagonal = np.diag(result.cov_params().to_numpy())
        if np.isfinite(result.llf) and np.all((diagonal > 0) & (diagonal < 1e6)):
            break
    else:
        raise ValueError(f"the mixed model did not converge on {len(frame)} reports")
    names = list(result.fe_params.index)
    tau2 = float(result.cov_re.iloc[0, 0])
    sigma2 = float(result.scale)
    # Each province's level (BLUP) and its conditional variance, written out for a random
    # intercept: shrink the mean residual by tau2 / (tau2 + sigma2 / n); this also holds when
    # tau2 sits at 0, where statsmodels declines to predict random effects.
    residual = frame["y"] - result.model.exog @ result.fe_params.to_numpy()
    by_province = residual.groupby(frame["province_code"])
    counts, sums = by_province.size(), by_province.sum()
    levels = tau2 * sums / (sigma2 + counts * tau2)
    level_var = tau2 * sigma2 / (sigma2 + counts * tau2)
    return Fit(
        params=result.fe_params,
        cov=result.cov_params().loc[names, names],
        tau2=tau2,
        sigma2=sigma2,
        levels=levels,
        level_var=level_var,
        indicators=sorted(frame["indicator"].unique()),
        n_obs=len(frame),
    )


def _interval(mean: float, var: float, level: float = LEVEL) -> tuple[float, float, float]:
    z = stats.norm.ppf(0.5 + level / 2)
    sd = np.sqrt(var)
    return float(expit(mean)), float(expit(mean - z * sd)), float(expit(mean + z * sd))


def estimates(obs: pd.DataFrame, data: pd.DataFrame | None = None,
              cov: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """Per-province estimates for every modelled indicator at :data:`REFERENCE`, with the 80%
    interval of a report and ``n_reported`` (the province's reports the model used, over all
    indicators; 0 means the estimate rests on the covariates and the other provinces alone).

    Example:
        >>> from helpers import dataset
        >>> est = estimates(dataset.load_observations())
        >>> none = est[est["n_reported"].eq(0)]
        >>> some = est[est["n_reported"].gt(0)]
        >>> bool((none["upper"] - none["lower"]).mean() > (some["upper"] - some["lower"]).mean())
        True
    """
    data = reports(obs) if data is None else data
    cov = covariates(obs) if cov is None else cov
    model = fit(data, cov)
    counts = data.groupby("province_code").size()
    t_ref = float(_years(pd.Series([REFERENCE]))[0])
    rows = []
    for code in provinces.table().index:
        for indicator in model.indicators:
            mean, var = model.predict(indicator, t_ref, cov.loc[code], code)
            estimate, lower, upper = _interval(mean, var)
            rows.append({"province_code": code, "province": provinces.name(code),
                         "unit_2025": provinces.unit_2025(code), "indicator": indicator,
                         "estimate": estimate, "lower": lower, "upper": upper,
                         "n_reported": int(counts.get(code, 0))})  # fmt: skip
    out = pd.DataFrame(rows)
    for column in ("estimate", "lower", "upper"):
        out[column] = out[column].round(1)
    return out


def coefficients(obs: pd.DataFrame) -> pd.DataFrame:
    """Fixed effects of the covariates and the time slope (logit scale) with 95% intervals,
    and the two variance components, rounded to 3 decimals.

    Example:
        >>> from helpers import dataset
        >>> list(coefficients(dataset.load_observations())["term"])[-2:]
        ['between-province variance', 'residual variance']
    """
    model = fit(reports(obs), covariates(obs))
    z = stats.norm.ppf(0.975)
    rows = []
    names = {"t": "time (per year)", **COVARIATES}
    for term, label in names.items():
        b, se = float(model.params[term]), float(np.sqrt(model.cov.loc[term, term]))
        rows.append({"term": label, "estimate": b, "lower": b - z * se, "upper": b + z * se})
    rows.append({"term": "between-province variance", "estimate": model.tau2})
    rows.append({"term": "residual variance", "estimate": model.sigma2})
    return pd.DataFrame(rows).round(3)


def leave_one_out(obs: pd.DataFrame, data: pd.DataFrame | None = None,
                  cov: pd.DataFrame | None = None,
                  codes: list[str] | None = None) -> pd.DataFrame:  # fmt: skip
    """Each province's reports predicted by a model fitted without that province.

    Methods: ``multilevel`` (report interval), ``multilevel, mean-only interval`` (the same
    prediction with the residual variance left out of the interval), and ``indicator mean``
    (the mean of the other provinces' reports of that indicator, with an interval of
    ±1.28 of their standard deviation). One row per report and method. ``codes`` names the
    provinces left out in turn (default: every province that reported; one model is fitted for
    each).

    Example:
        >>> from helpers import dataset
        >>> loo = leave_one_out(dataset.load_observations(), codes=["30"])  # Hai Duong
        >>> sorted(loo["method"].unique()), loo["province_code"].unique().tolist()
        (['indicator mean', 'multilevel', 'multilevel, mean-only interval'], ['30'])
    """
    data = reports(obs) if data is None else data
    cov = covariates(obs) if cov is None else cov
    z = stats.norm.ppf(0.5 + LEVEL / 2)
    rows = []
    for code in sorted(data["province_code"].unique()) if codes is None else codes:
        train, test = data[data["province_code"].ne(code)], data[data["province_code"].eq(code)]
        model = fit(train, cov)
        for report in test.itertuples():
            actual = float(report.share)
            for method, residual in (("multilevel", True),
                                     ("multilevel, mean-only interval", False)):  # fmt: skip
                mean, var = model.predict(report.indicator, report.t, cov.loc[code], None,
                                          residual)  # fmt: skip
                estimate, lower, upper = _interval(mean, var)
                rows.append({"province_code": code, "figure_id": report.figure_id,
                             "indicator": report.indicator, "method": method, "actual": actual,
                             "forecast": estimate, "lower": lower, "upper": upper})  # fmt: skip
            others = train.loc[train["indicator"].eq(report.indicator), "share"]
            mean, sd = float(others.mean()), float(others.std(ddof=1))
            rows.append({"province_code": code, "figure_id": report.figure_id,
                         "indicator": report.indicator, "method": "indicator mean",
                         "actual": actual, "forecast": mean, "lower": max(mean - z * sd, 0.0),
                         "upper": min(mean + z * sd, 100.0)})  # fmt: skip
    out = pd.DataFrame(rows)
    for column in ("forecast", "lower", "upper"):
        out[column] = out[column].round(4)
    out["abs_error"] = (out["forecast"] - out["actual"]).abs()
    out["covered"] = out["actual"].between(out["lower"], out["upper"])
    return out


def validate(obs: pd.DataFrame, loo: pd.DataFrame | None = None) -> pd.DataFrame:
    """MAE (percentage points) and 80% interval coverage of each method, leave-one-province-out.

    ``loo`` is :func:`leave_one_out`'s table (computed for every province when not given).

    Example:
        >>> from helpers import dataset
        >>> obs = dataset.load_observations()
        >>> table = validate(obs, leave_one_out(obs, codes=["30", "31"]))
        >>> list(table.columns), len(table)
        (['method', 'mae', 'coverage', 'n'], 3)
    """
    loo = leave_one_out(obs) if loo is None else loo
    table = loo.groupby("method", sort=False).agg(
        mae=("abs_error", "mean"), coverage=("covered", "mean"), n=("abs_error", "size")
    )
    table["mae"] = table["mae"].round(2)
    table["coverage"] = table["coverage"].round(3)
    return table.reset_index()[VALIDATION_COLUMNS]


def province_estimates(obs: pd.DataFrame, province: str) -> pd.DataFrame:
    """One province's estimates with readable columns (for the province pages of the report).

    Example:
        >>> from helpers import dataset
        >>> t = province_estimates(dataset.load_observations(), "Lam Dong")
        >>> int(t["reports used"].iloc[0])
        0
    """
    code = provinces.resolve(province)
    est = estimates(obs)
    rows = est[est["province_code"].eq(code)]
    return rows[["indicator", "estimate", "lower", "upper", "n_reported"]].rename(columns={
        "estimate": "estimate, end 2024 (%)", "lower": "80% interval, lower (%)",
        "upper": "80% interval, upper (%)", "n_reported": "reports used",
    }).reset_index(drop=True)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", action="store_true", help="print the tables as CSV")
    args = parser.parse_args(argv)
    obs = dataset.load_observations()
    est = estimates(obs)[ESTIMATE_COLUMNS]
    table = validate(obs)
    if args.csv:
        sys.stdout.write(est.to_csv(index=False, lineterminator="\n", float_format="%.1f"))
        sys.stdout.write("\n")
        validation = table[["method", "mae", "coverage"]]
        sys.stdout.write(validation.to_csv(index=False, lineterminator="\n"))
    else:
        print(est.to_string(index=False))
        print()
        print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
