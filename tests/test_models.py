"""The models recover known parameters from synthetic data within stated tolerances."""

import numpy as np
import pandas as pd
import pytest

from helpers import models

T = np.linspace(2021.5, 2025.0, 15)


def noisy(y, sd, seed=1):
    return y + np.random.default_rng(seed).normal(0, sd, np.size(y))


def test_logistic_fit_recovers_parameters():
    y = noisy(models.logistic(T, 85.0, 2.2, 2023.2), 0.8)
    fit = models.fit_curve("logistic", T, y)
    assert fit.params["K"] == pytest.approx(85.0, rel=0.05)
    assert fit.params["r"] == pytest.approx(2.2, rel=0.15)
    assert fit.params["t0"] == pytest.approx(2023.2, abs=0.1)
    assert fit.sigma == pytest.approx(0.8, rel=0.5)


def test_bass_fit_recovers_market_size_and_total_rate():
    y = noisy(models.bass(T, 90.0, 0.04, 0.9, 2021.0), 0.5)
    fit = models.fit_curve("bass", T, y)
    assert fit.params["m"] == pytest.approx(90.0, rel=0.08)
    assert fit.params["p"] + fit.params["q"] == pytest.approx(0.94, rel=0.2)


def test_aic_prefers_the_generating_model_on_clean_data():
    y = noisy(models.logistic(T, 85.0, 2.2, 2023.2), 0.3, seed=3)
    table = models.compare([models.fit_curve("logistic", T, y), models.fit_curve("bass", T, y)])
    assert table.loc[0, "model"] == "logistic"
    assert table["weight"].sum() == pytest.approx(1.0)


def test_prediction_band_covers_about_its_level():
    truth = models.logistic(T, 85.0, 2.2, 2023.2)
    fit = models.fit_curve("logistic", T, noisy(truth, 1.0, seed=5))
    fresh = noisy(truth, 1.0, seed=99)
    band = fit.band(T, level=0.8)
    coverage = np.mean((fresh >= band["lower"]) & (fresh <= band["upper"]))
    assert 0.6 <= coverage <= 1.0
    narrower = fit.band(T, level=0.8, prediction=False)
    assert (narrower["upper"] - narrower["lower"]).mean() < (band["upper"] - band["lower"]).mean()


def test_bands_are_reproducible():
    fit = models.fit_curve("logistic", T, noisy(models.logistic(T, 85, 2.2, 2023.2), 1))
    pd.testing.assert_frame_equal(fit.band([2026, 2027]), fit.band([2026, 2027]))


def test_time_to_target_brackets_the_truth():
    fit = models.fit_curve("logistic", T, noisy(models.logistic(T, 85.0, 2.2, 2023.2), 0.5))
    truth = 2023.2 + np.log(70 / 15) / 2.2  # when 85 / (1 + e^(-r (t - t0))) = 70
    out = models.time_to_target(fit, 70.0)
    assert out["lower"] <= truth <= out["upper"]
    assert out["share_not_reached"] == 0.0


def test_target_above_saturation_is_reported_as_not_reached():
    fit = models.fit_curve("logistic", T, noisy(models.logistic(T, 60.0, 2.2, 2023.2), 0.3))
    out = models.time_to_target(fit, 100.0)
    assert out["share_not_reached"] > 0.9
    assert out["median"] == np.inf


def test_too_few_points_raise():
    with pytest.raises(ValueError, match="at least 4 points"):
        models.fit_curve("logistic", [2022, 2023, 2024], [1, 2, 3])


def test_binomial_glm_recovers_the_slope():
    rng = np.random.default_rng(7)
    t = np.repeat(np.arange(8.0), 5)
    n = np.full(t.size, 400)
    p = 1 / (1 + np.exp(-(-2.0 + 0.6 * t)))
    d = pd.DataFrame({"k": rng.binomial(n, p), "n": n, "t": t})
    res = models.binomial_glm(d, "k", "n", ["t"])
    assert res.params["t"] == pytest.approx(0.6, abs=0.05)
    ors = models.odds_ratios(res)
    assert ors.loc["t", "lower"] < np.exp(0.6) < ors.loc["t", "upper"]


def test_spearman_interval_and_small_sample_note():
    rng = np.random.default_rng(11)
    x = rng.normal(size=60)
    out = models.spearman_ci(x, x + rng.normal(scale=1.0, size=60))
    assert out["lower"] < out["rho"] < out["upper"]
    assert out["n"] == 60 and out["note"] == ""
    small = models.spearman_ci([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])
    assert small["note"].startswith("n < 10")
    assert np.isnan(models.spearman_ci([1, 2], [1, 2])["rho"])


def test_binomial_glm_widens_intervals_for_overdispersed_counts():
    rng = np.random.default_rng(3)
    t = np.repeat(np.arange(6.0), 4)
    n = np.full(t.size, 50_000)
    # Each province-period has its own deviation from the trend: far more spread than binomial.
    p = 1 / (1 + np.exp(-(-1.0 + 0.5 * t + rng.normal(0, 0.4, t.size))))
    d = pd.DataFrame({"k": rng.binomial(n, p), "n": n, "t": t})
    quasi = models.binomial_glm(d, "k", "n", ["t"])
    plain = models.binomial_glm(d, "k", "n", ["t"], scale=None)
    assert quasi.bse["t"] > 10 * plain.bse["t"]
    ors = models.odds_ratios(quasi)
    assert ors.loc["t", "lower"] < np.exp(0.5) < ors.loc["t", "upper"]
