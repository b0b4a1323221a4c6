"""Adoption models with honest uncertainty: logistic and Bass curves, and a binomial GLM.

The forecasts of the national series and the backtest that judges every model, these curves
included, live in :mod:`helpers.forecast`.

Time is in decimal years (2023.5 is 1 July 2023). Curves are fitted by non-linear least squares
(:func:`scipy.optimize.curve_fit`); uncertainty comes from a seeded parametric simulation
(parameters drawn from their estimated covariance, plus residual noise for prediction
intervals), so every band and interval is reproducible.

Example:
    >>> import numpy as np
    >>> t = np.linspace(2022, 2025, 13)
    >>> y = logistic(t, 80.0, 2.0, 2023.0)
    >>> fit = fit_curve("logistic", t, y + np.random.default_rng(0).normal(0, 0.5, t.size))
    >>> abs(fit.params["K"] - 80) < 2, round(fit.params["t0"], 1)
    (True, 2023.0)
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import optimize, stats

SEED = 20220106  # Decision 06/QD-TTg was signed on 6 January 2022
N_DRAWS = 2000


def logistic(t, K, r, t0):
    """Logistic curve: saturation ``K``, growth rate ``r`` per year, midpoint ``t0``.

    Example:
        >>> float(logistic(2023.0, 80.0, 2.0, 2023.0))
        40.0
    """
    return K / (1.0 + np.exp(-r * (np.asarray(t, dtype=float) - t0)))


def bass(t, m, p, q, start):
    """Bass diffusion (cumulative adopters): market ``m``, innovation ``p``, imitation ``q``.

    Adoption starts at ``start`` (zero before it).

    Example:
        >>> float(bass(2022.0, 80.0, 0.03, 0.4, 2022.0))
        0.0
    """
    s = np.clip(np.asarray(t, dtype=float) - start, 0.0, None)
    e = np.exp(-(p + q) * s)
    return m * (1.0 - e) / (1.0 + (q / p) * e)


MODELS = {
    "logistic": (logistic, ("K", "r", "t0")),
    "bass": (bass, ("m", "p", "q", "start")),
}


@dataclass
class CurveFit:
    """A fitted curve: parameters, their covariance, residual spread and AIC."""

    model: str
    params: dict[str, float]
    cov: np.ndarray
    sigma: float
    n: int
    aic: float
    t: np.ndarray = field(repr=False)
    y: np.ndarray = field(repr=False)

    @property
    def k(self) -> int:
        """Number of estimated parameters, residual variance included."""
        return len(self.params) + 1

    def predict(self, t) -> np.ndarray:
        """Point prediction at times ``t``.

        Example:
            >>> fit = fit_curve("logistic", [2022, 2023, 2024, 2025], [10, 40, 70, 78])
            >>> fit.predict([2023]).shape
            (1,)
        """
        func, _ = MODELS[self.model]
        return func(np.asarray(t, dtype=float), *self.params.values())

    def draws(self, n: int = N_DRAWS, seed: int = SEED) -> np.ndarray:
        """Parameter draws from the estimated covariance (rows), reproducible by seed.

        Example:
            >>> fit = fit_curve("logistic", [2022, 2023, 2024, 2025], [10, 40, 70, 78])
            >>> fit.draws(5).shape
            (5, 3)
        """
        rng = np.random.default_rng(seed)
        mean = np.array(list(self.params.values()))
        cov = np.nan_to_num(self.cov, nan=0.0, posinf=0.0, neginf=0.0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return rng.multivariate_normal(mean, cov, size=n, method="svd")

    def band(
        self, t, level: float = 0.8, prediction: bool = True, seed: int = SEED
    ) -> pd.DataFrame:
        """Central ``level`` band at times ``t``: of the curve, or of a new observation.

        Example:
            >>> fit = fit_curve("logistic", [2022, 2023, 2024, 2025], [10, 40, 70, 78])
            >>> list(fit.band([2026]).columns)
            ['t', 'mean', 'lower', 'upper']
        """
        t = np.asarray(t, dtype=float)
        func, _ = MODELS[self.model]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            # all draws at once: one row per draw (element-wise, so the same numbers as a loop)
            curves = func(t[None, :], *(d[:, None] for d in self.draws(seed=seed).T))
        curves = curves[np.isfinite(curves).all(axis=1)]
        if prediction:
            noise = np.random.default_rng(seed + 1).normal(0, self.sigma, curves.shape)
            curves = curves + noise
        alpha = (1 - level) / 2
        return pd.DataFrame(
            {
                "t": t,
                "mean": self.predict(t),
                "lower": np.quantile(curves, alpha, axis=0),
                "upper": np.quantile(curves, 1 - alpha, axis=0),
            }
        )


def _start(model: str, t: np.ndarray, y: np.ndarray) -> tuple[list, tuple]:
    # The saturation level may fall a little below the largest report (reports are noisy and
    # some round up); forcing it above every point would pin the fit to a bound.
    top = float(y.max())
    if model == "logistic":
        return [top * 1.2, 1.5, float(np.median(t))], (
            [top * 0.5, 0.01, t.min() - 5],
            [top * 10, 20, t.max() + 5],
        )
    return [top * 1.2, 0.05, 0.5, float(t.min()) - 0.25], (
        [top * 0.5, 1e-4, 1e-3, t.min() - 3],
        [top * 10, 1.0, 10.0, t.min()],
    )  # fmt: skip


def aic(rss: float, n: int, k: int) -> float:
    """Akaike information criterion for least squares with Gaussian errors.

    Example:
        >>> round(aic(10.0, 20, 4), 3)
        -5.863
    """
    return n * math.log(rss / n) + 2 * k


def fit_curve(model: str, t, y) -> CurveFit:
    """Fit ``model`` ("logistic" or "bass") to points ``(t, y)`` by least squares.

    Raises:
        ValueError: with fewer points than parameters + 1, or when the fit fails.

    Example:
        >>> fit_curve("bass", [2022, 2023], [1, 2])
        Traceback (most recent call last):
        ...
        ValueError: bass needs at least 5 points, got 2
    """
    func, names = MODELS[model]
    t = np.asarray(t, dtype=float)
    y = np.asarray(y, dtype=float)
    if t.size < len(names) + 1:
        raise ValueError(f"{model} needs at least {len(names) + 1} points, got {t.size}")
    p0, bounds = _start(model, t, y)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", optimize.OptimizeWarning)
            params, cov = optimize.curve_fit(func, t, y, p0=p0, bounds=bounds, maxfev=20000)
    except RuntimeError as exc:
        raise ValueError(f"{model} fit failed: {exc}") from None
    rss = float(np.sum((y - func(t, *params)) ** 2))
    dof = max(t.size - len(names), 1)
    k = len(names) + 1
    return CurveFit(
        model=model,
        params=dict(zip(names, map(float, params), strict=True)),
        cov=cov,
        sigma=math.sqrt(rss / dof),
        n=int(t.size),
        aic=aic(max(rss, 1e-12), t.size, k),
        t=t,
        y=y,
    )


def compare(fits: list[CurveFit]) -> pd.DataFrame:
    """AIC table: lower is better; ``delta_aic`` from the best and Akaike weights.

    Example:
        >>> t = [2021.5, 2022, 2022.5, 2023, 2023.5, 2024, 2024.5]
        >>> y = [1, 5, 20, 45, 65, 75, 79]
        >>> list(compare([fit_curve("logistic", t, y), fit_curve("bass", t, y)]).columns)
        ['model', 'n', 'parameters', 'aic', 'delta_aic', 'weight']
    """
    table = pd.DataFrame(
        {
            "model": [f.model for f in fits],
            "n": [f.n for f in fits],
            "parameters": [f.k for f in fits],
            "aic": [f.aic for f in fits],
        }
    )
    table["delta_aic"] = table["aic"] - table["aic"].min()
    weights = np.exp(-0.5 * table["delta_aic"])
    table["weight"] = weights / weights.sum()
    return table.sort_values("aic", kind="stable").reset_index(drop=True)


def time_to_target(fit: CurveFit, target: float, level: float = 0.8, horizon: float = 2035.0):
    """When the fitted curve reaches ``target``: median and central interval over draws.

    Draws whose curve never reaches the target before ``horizon`` count as "not reached";
    their share is returned, and bounds that fall among them are ``inf``.

    Example:
        >>> fit = fit_curve("logistic", [2022, 2022.5, 2023, 2023.5, 2024], [5, 20, 40, 60, 72])
        >>> out = time_to_target(fit, 60)
        >>> 2023 < out["median"] < 2024.5 and out["share_not_reached"] < 0.5
        True
    """
    grid = np.arange(fit.t.min(), horizon, 1 / 48)
    func, _ = MODELS[fit.model]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        curves = func(grid[None, :], *(d[:, None] for d in fit.draws().T))
    reached = curves >= target
    first = reached.argmax(axis=1)
    times = np.where(reached.any(axis=1), grid[first], np.inf)
    alpha = (1 - level) / 2

    # order statistics (no interpolation), so a bound among the never-reached draws is inf
    def q(p: float) -> float:
        return float(np.quantile(times, p, method="inverted_cdf"))

    return {
        "target": target,
        "median": q(0.5),
        "lower": q(alpha),
        "upper": q(1 - alpha),
        "share_not_reached": float(np.mean(~np.isfinite(times))),
    }


def binomial_glm(
    df: pd.DataFrame, successes: str, trials: str, formula_terms: list[str], scale: str = "X2"
):
    """Binomial GLM (logit link) of ``successes`` out of ``trials`` on ``formula_terms``.

    Counts of applications run to hundreds of thousands, so a plain binomial model would claim
    absurdly narrow intervals whenever provinces or periods differ for reasons the terms do not
    capture. By default the dispersion is estimated from the Pearson chi-square
    (``scale="X2"``, quasi-binomial) and used when it exceeds 1; ``scale=None`` gives the plain
    binomial fit.

    Returns the statsmodels results; odds ratios and intervals via :func:`odds_ratios`.

    Example:
        >>> d = pd.DataFrame({"k": [20, 55, 80], "n": [100, 100, 100], "t": [0.0, 1.0, 2.0]})
        >>> res = binomial_glm(d, "k", "n", ["t"])
        >>> round(float(res.params["t"]), 2)
        1.39
    """
    X = sm.add_constant(df[formula_terms].astype(float), has_constant="add")
    endog = np.column_stack([df[successes], df[trials] - df[successes]]).astype(float)
    model = sm.GLM(endog, X, family=sm.families.Binomial())
    fit = model.fit()
    if scale == "X2" and fit.df_resid > 0:
        dispersion = fit.pearson_chi2 / fit.df_resid
        if dispersion > 1:  # overdispersion widens the intervals; it never narrows them
            fit = model.fit(scale=dispersion)
    return fit


def odds_ratios(results, level: float = 0.95) -> pd.DataFrame:
    """Odds ratios of a fitted binomial GLM with their confidence interval.

    Example:
        >>> d = pd.DataFrame({"k": [20, 55, 80], "n": [100, 100, 100], "t": [0.0, 1.0, 2.0]})
        >>> odds_ratios(binomial_glm(d, "k", "n", ["t"])).loc["t", "odds_ratio"].round(1)
        np.float64(4.0)
    """
    ci = results.conf_int(alpha=1 - level)
    return pd.DataFrame(
        {
            "odds_ratio": np.exp(results.params),
            "lower": np.exp(ci[0]),
            "upper": np.exp(ci[1]),
            "p_value": results.pvalues,
        }
    )


def spearman_ci(x, y, level: float = 0.95) -> dict[str, float]:
    """Spearman rank correlation with a Fisher-z interval (Bonett–Wright standard error).

    With fewer than 10 pairs the interval is wide and the result says so in ``note``.

    Example:
        >>> out = spearman_ci(range(12), [1, 2, 3, 5, 4, 6, 7, 9, 8, 10, 11, 12])
        >>> round(out["rho"], 3), out["n"]
        (0.986, 12)
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    n = int(x.size)
    if n < 4:
        return {
            "rho": np.nan,
            "lower": np.nan,
            "upper": np.nan,
            "p_value": np.nan,
            "n": n,
            "note": "fewer than 4 pairs: no estimate",
        }
    rho, p_value = stats.spearmanr(x, y)
    rho = float(np.clip(rho, -0.9999, 0.9999))
    se = math.sqrt((1 + rho**2 / 2) / (n - 3))
    z = math.atanh(rho)
    crit = stats.norm.ppf(0.5 + level / 2)
    note = "n < 10: interval is wide, read as indicative only" if n < 10 else ""
    return {
        "rho": rho,
        "lower": math.tanh(z - crit * se),
        "upper": math.tanh(z + crit * se),
        "p_value": float(p_value),
        "n": n,
        "note": note,
    }


def glm_curve(results, term: str, values, level: float = 0.95) -> pd.DataFrame:
    """Fitted probability (in %) of a one-term binomial GLM along ``values``, with its interval.

    Example:
        >>> d = pd.DataFrame({"k": [20, 55, 80], "n": [100, 100, 100], "t": [0.0, 1.0, 2.0]})
        >>> curve = glm_curve(binomial_glm(d, "k", "n", ["t"]), "t", [0.0, 2.0])
        >>> list(curve.columns), bool(curve["lower"].lt(curve["mean"]).all())
        (['t', 'mean', 'lower', 'upper'], True)
    """
    values = np.asarray(values, dtype=float)
    X = pd.DataFrame({"const": 1.0, term: values})
    frame = results.get_prediction(X).summary_frame(alpha=1 - level)
    return pd.DataFrame(
        {
            "t": values,
            "mean": frame["mean"].to_numpy() * 100,
            "lower": frame["mean_ci_lower"].to_numpy() * 100,
            "upper": frame["mean_ci_upper"].to_numpy() * 100,
        }
    )
