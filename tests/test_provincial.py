"""The multilevel model: every province gets an estimate, intervals widen without reports,
partial pooling behaves as its formula says, and the validation is honest."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from helpers import dataset, lenses, provinces, provincial


@pytest.fixture(scope="module")
def obs():
    return dataset.load_observations()


@pytest.fixture(scope="module")
def est(obs):
    return provincial.estimates(obs)


def test_every_province_gets_every_indicator(est):
    assert est["province_code"].nunique() == 63
    per = est.groupby("province_code")["indicator"].nunique()
    assert per.nunique() == 1  # the same indicators for all
    assert est["estimate"].between(0, 100).all()
    assert ((est["lower"] <= est["estimate"]) & (est["estimate"] <= est["upper"])).all()


def test_no_report_means_a_wider_interval(est):
    width = (est["upper"] - est["lower"]).rename("width")
    table = est.assign(width=width, none=est["n_reported"].eq(0))
    by = table.groupby(["indicator", "none"])["width"].mean().unstack()
    assert (by[True] > by[False]).all()


def test_n_reported_counts_the_reports_used(obs, est):
    data = provincial.reports(obs)
    counts = data.groupby("province_code").size()
    got = est.drop_duplicates("province_code").set_index("province_code")["n_reported"]
    assert got[got > 0].to_dict() == counts.to_dict()
    assert (got == 0).sum() == 63 - len(counts)


def test_reports_exclude_quotas_parts_and_overshoots(obs):
    data = provincial.reports(obs)
    # a count stated against a quota may enter as e-ID accounts per resident, never as the
    # share of its quota
    stated = set(data.loc[data["indicator"].ne(provincial.EID), "figure_id"])
    quota = obs[obs["denominator_kind"].eq("target")]["figure_id"]
    assert not stated & set(quota)
    assert data["share"].le(100).all()
    counts = data.groupby("indicator")["province_code"].nunique()
    assert (counts >= provincial.MIN_PROVINCES).all()


def toy(n_provinces=30, reports=3, tau=0.8, sigma=0.6, seed=7):
    """Data drawn from the model itself: two indicators, a slope, a covariate effect."""
    rng = np.random.default_rng(seed)
    codes = list(provinces.table().index[:n_provinces])
    cov = pd.DataFrame({"papi_81": rng.normal(size=63), "dti": rng.normal(size=63)},
                       index=provinces.table().index)
    level = pd.Series(rng.normal(0, tau, n_provinces), index=codes)
    rows = []
    for code in codes:
        for k in range(reports):
            indicator = ["a", "b"][k % 2]
            t = rng.uniform(-1, 1)
            y = {"a": 0.5, "b": 1.5}[indicator] + 0.3 * t + 0.5 * cov.loc[code, "papi_81"] \
                + level[code] + rng.normal(0, sigma)
            rows.append({"figure_id": f"{code}-{k}", "province_code": code,
                         "indicator": indicator, "t": t, "y": y,
                         "share": float(provincial.expit(y))})
    return pd.DataFrame(rows), cov, level


def test_recovers_known_parameters_and_pools_partially():
    data, cov, level = toy(n_provinces=50, reports=4)
    fit = provincial.fit(data, cov)
    assert fit.params["papi_81"] == pytest.approx(0.5, abs=0.25)
    assert fit.sigma2 == pytest.approx(0.36, rel=0.5)
    # the level of a province is its mean residual shrunk by tau2 / (tau2 + sigma2 / n)
    shrink = fit.tau2 / (fit.tau2 + fit.sigma2 / 4)
    assert 0 < shrink < 1
    assert np.corrcoef(fit.levels.reindex(level.index), level)[0, 1] > 0.6
    assert (fit.level_var < fit.tau2).all()


def test_leave_one_out_coverage_on_data_from_the_model():
    data, cov, _ = toy(n_provinces=30, reports=3)
    loo = provincial.leave_one_out(None, data, cov)
    table = provincial.validate(None, loo).set_index("method")
    assert 0.7 <= table.loc["multilevel", "coverage"] <= 0.95
    # leaving the residual variance out makes the interval too narrow for single reports
    assert table.loc["multilevel, mean-only interval", "coverage"] < table.loc["multilevel",
                                                                                "coverage"]


def test_validation_on_the_data_meets_the_target(obs):
    loo = provincial.leave_one_out(obs)
    table = provincial.validate(obs, loo).set_index("method")
    assert 0.7 <= table.loc["multilevel", "coverage"] <= 0.9
    assert table["n"].nunique() == 1
    assert table.equals(provincial.validate(obs).set_index("method"))
    # leaving out only some provinces gives their rows of the whole validation
    some = provincial.leave_one_out(obs, codes=["30", "01"])
    assert set(some["province_code"]) == {"30", "01"}
    expected = loo[loo["province_code"].isin(["30", "01"])]
    pd.testing.assert_frame_equal(some.sort_values(["province_code", "figure_id", "method"])
                                  .reset_index(drop=True),
                                  expected.sort_values(["province_code", "figure_id", "method"])
                                  .reset_index(drop=True))  # fmt: skip


def test_cli_prints_estimates_a_blank_line_and_the_validation(obs, capsys):
    provincial.main(["--csv"])
    out = capsys.readouterr().out
    first, second = out.split("\n\n")
    estimates = pd.read_csv(pd.io.common.StringIO(first))
    validation = pd.read_csv(pd.io.common.StringIO(second))
    assert list(estimates.columns) == provincial.ESTIMATE_COLUMNS
    assert estimates["province"].nunique() == 63
    assert list(validation.columns) == ["method", "mae", "coverage"]
    printed = provincial.validate(obs)[["method", "mae", "coverage"]]
    pd.testing.assert_frame_equal(validation, printed, check_dtype=False)


def test_a_model_fitted_again_gives_the_same_numbers(obs):
    # what the command and chapter 3 print comes from fits made again in every process
    codes = sorted(provincial.reports(obs)["province_code"].unique())[:3]
    first = [provincial.estimates(obs), provincial.leave_one_out(obs, codes=codes)]
    provincial._FITS.clear()
    again = [provincial.estimates(obs), provincial.leave_one_out(obs, codes=codes)]
    for a, b in zip(first, again, strict=True):
        pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_the_module_runs_as_a_command():
    done = subprocess.run([sys.executable, "-m", "helpers.provincial", "--help"], check=True,
                          capture_output=True, text=True)  # fmt: skip
    assert "--csv" in done.stdout


def test_province_page_table(obs):
    table = provincial.province_estimates(obs, "Can Tho")
    assert table["reports used"].eq(0).all() and len(table) > 5


def test_lens_table_and_correlations(obs):
    table = lenses.province_table(obs)
    corr = lenses.correlations(table).set_index(["x", "y"])
    assert corr.loc[("papi_81", "dti_standing"), "n"] == 63
    assert corr.loc[("online_share", "papi_81"), "n"] == table["online_share"].notna().sum()
    assert (corr["lower"] <= corr["rho"]).all() and (corr["rho"] <= corr["upper"]).all()


def test_disagreement_is_a_difference_of_positions():
    t = pd.DataFrame({"province": ["A", "B", "C"], "x": [1.0, 2.0, 3.0], "y": [3.0, 2.0, 1.0]},
                     index=["01", "02", "04"])
    out = lenses.disagreements(t, "x", "y", top=3).set_index("province")
    assert out.loc["A", "gap"] == -100.0 and out.loc["C", "gap"] == 100.0
    assert out.loc["B", "gap"] == 0.0
