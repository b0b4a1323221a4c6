"""The forecasts respect their protocol (no peeking), their bounds, and known answers."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import dataset, forecast, series, summary


def frame(dates, values):
    """Reports as national_series gives them (as_of, millions)."""
    return pd.DataFrame({"as_of": dates, "millions": values})


def train_of(dates, values):
    return forecast.reports(frame(dates, values))


POP = pd.DataFrame({"t": [2021.5, 2022.5, 2023.5, 2024.5, 2025.5],
                    "millions": [98.5, 99.46, 100.3, 101.3, 102.3]})  # fmt: skip
MONTHLY = [f"{y}-{m:02d}" for y in (2022, 2023, 2024) for m in range(1, 13)]


@pytest.fixture(scope="module")
def obs():
    return dataset.load_observations()


def test_reports_sharing_a_date_count_once_at_their_median():
    out = forecast.reports(frame(["2024", "2024", "2024", "2025-03-18"], [55.25, 55.25, 60, 61]))
    assert out["millions"].tolist() == [55.25, 61.0]
    assert out["reports"].tolist() == [3, 1]
    assert out["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-12-31", "2025-03-18"]


def test_population_is_the_sourced_yearly_average(obs):
    pop = forecast.population(obs).set_index("year")["millions"]
    # GSO averages as worded: 98,5 (2021), 99,46 (2022), 100,3 (2023), 101,3 (2024), 102,3 (2025)
    assert pop.round(2).to_dict() == {2021: 98.5, 2022: 99.46, 2023: 100.3, 2024: 101.3,
                                      2025: 102.3}  # fmt: skip


def test_population_interpolates_and_extrapolates_linearly():
    # halfway between the 2022 and 2023 averages; one year past 2025 adds the 2024-25 change
    assert forecast.population_at(POP, [2023.0])[0] == pytest.approx((99.46 + 100.3) / 2)
    assert forecast.population_at(POP, [2026.5])[0] == pytest.approx(103.3)
    assert forecast.population_at(POP, [2020.5])[0] == pytest.approx(98.5 - 0.96)


def test_interval_score_by_hand():
    # width 6; a miss 2 above the upper bound costs 2 / 0.2 * 2 = 20 more
    assert forecast.interval_score([5.0, 12.0, 2.0], [4.0] * 3, [10.0] * 3).tolist() == [
        6.0, 26.0, 26.0]  # fmt: skip


def test_naive_interval_grows_with_the_square_root_of_the_gap():
    train = train_of(["2022-01", "2022-07", "2023-01", "2023-07", "2024-01"], [1, 3, 4, 6, 7])
    out = forecast.predict("naive", train, pd.to_datetime(["2024-04-30", "2025-04-30"]), None)
    half = (out["upper"] - out["forecast"]).to_numpy()
    gaps = series.decimal_year(out["date"]).to_numpy() - train["t"].iloc[-1]
    assert half[1] / half[0] == pytest.approx(np.sqrt(gaps[1] / gaps[0]), rel=1e-3)
    assert out["forecast"].tolist() == [7.0, 7.0]


def test_half_slope_rule_adds_half_the_last_slope_times_the_gap():
    train = train_of(["2023-12", "2024-06", "2024-12", "2025-06", "2025-12"], [10, 20, 26, 30, 34])
    out = forecast.predict("half_slope", train, pd.to_datetime(["2026-06-30"]), None)
    # last slope 4 per half year; half of it over half a year adds 2
    assert out["forecast"].iloc[0] == pytest.approx(36.0, abs=0.05)


def test_kalman_models_bridge_gaps_on_a_straight_line():
    months = [m for i, m in enumerate(MONTHLY) if i % 3 != 1]  # every third month missing
    values = [10 + 0.5 * MONTHLY.index(m) for m in months]
    train = train_of(months, values)
    target = pd.to_datetime(["2025-06-30"])
    truth = 10 + 0.5 * (len(MONTHLY) - 1 + 6)
    for method in ("llt", "damped"):
        out = forecast.predict(method, train, target, None).iloc[0]
        assert out["lower"] <= out["forecast"] <= out["upper"]
        tolerance = 0.5 if method == "llt" else 3.0  # the damped slope may fade
        assert out["forecast"] == pytest.approx(truth, abs=tolerance)


def test_damped_trend_recovers_its_damping():
    rng = np.random.default_rng(7)
    slope, level, y = 1.0, 0.0, []
    for _ in range(300):
        slope = 0.8 * slope + rng.normal(0, 0.3)
        level = level + slope + rng.normal(0, 0.1)
        y.append(level)
    result = forecast.fit_state_space("damped", np.array(y))
    assert result.params[2] == pytest.approx(0.8, abs=0.12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.floats(0.0, 15.0), min_size=6, max_size=10))
def test_bounded_methods_stay_between_zero_and_the_population(steps):
    values = np.minimum(1 + np.cumsum(steps), 95.0)
    dates = [f"{2021 + i // 2}-{6 * (i % 2) + 6:02d}" for i in range(len(values))]
    train = train_of(dates, values)
    targets = pd.to_datetime(["2026-06-30", "2026-12-31"])
    ceiling = forecast.population_at(POP, series.decimal_year(pd.Series(targets)))
    for method in forecast.BOUNDED:
        out = forecast.predict(method, train, targets, POP).dropna()
        assert (out["lower"] >= 0).all()
        assert (out["upper"] <= ceiling[: len(out)] + 1e-4).all()
        assert (out["lower"] <= out["forecast"] + 1e-4).all()
        assert (out["forecast"] <= out["upper"] + 1e-4).all()


def _series():
    dates = ["2022-03", "2022-06", "2022-09", "2022-12", "2023-03", "2023-06", "2023-09",
             "2023-12", "2024-06", "2024-12"]  # fmt: skip
    return frame(dates, [1.0, 2.0, 3.5, 8.0, 9.0, 9.5, 10.5, 11.0, 12.5, 13.0])


def test_backtest_uses_only_reports_before_each_target():
    bt = forecast.backtest(_series(), POP, methods=["naive", "drift", "damped_share"])
    assert (bt["origin"] < bt["target"]).all()
    later = bt[bt["horizon"].ne("one report")]
    months = later["horizon"].str.extract(r"(\d+)", expand=False).astype(int)
    assert (later["gap_months"] >= months).all()


def test_changing_a_later_report_changes_no_earlier_forecast():
    methods = ["naive", "half_slope", "damped_share"]
    base = forecast.backtest(_series(), POP, methods=methods)
    changed = _series()
    changed.loc[changed.index[-1], "millions"] = 40.0
    other = forecast.backtest(changed, POP, methods=methods)
    last = pd.Timestamp("2024-12-31")
    keep = ["horizon", "method", "target", "forecast", "lower", "upper"]
    pd.testing.assert_frame_equal(
        base.loc[base["target"] < last, keep].reset_index(drop=True),
        other.loc[other["target"] < last, keep].reset_index(drop=True),
    )


def test_selection_follows_the_better_record_and_starts_from_the_primary():
    rows = []
    for k, target in enumerate([2, 3, 4, 5]):
        for method, (lower, upper) in {"good": (4.5, 5.5), "poor": (0.0, 20.0)}.items():
            rows.append({"horizon": "one report", "method": method, "origin": target - 1,
                         "target": target, "actual": 5.0, "forecast": 5.0, "lower": lower,
                         "upper": upper, "gap_months": 1})  # fmt: skip
        rows.append({"horizon": "one report", "method": forecast.PRIMARY, "origin": target - 1,
                     "target": target, "actual": 5.0, "forecast": 5.0 + k, "lower": 0.0,
                     "upper": 99.0, "gap_months": 1})  # fmt: skip
    picked = forecast.select(pd.DataFrame(rows), ["good", "poor"])
    # records of targets 2 and 3 exist only from origin 3 on (target 4)
    assert picked["chosen"].tolist() == [forecast.PRIMARY, forecast.PRIMARY, "good", "good"]


def test_naive_one_step_mae_on_the_e_id_series_by_hand(obs):
    points = series.national_series(obs, "eid_accounts_activated")
    bt = forecast.backtest(points, None, methods=["naive"])
    one = bt[bt["horizon"].eq("one report") & bt["method"].eq("naive")]
    # after the first five dated reports: 54 -> 55.25 -> 61 -> 62 -> 65 -> 65 -> 67 -> 67
    assert one["abs_error"].sum() == pytest.approx(1.25 + 5.75 + 1 + 3 + 0 + 2 + 0)
    assert len(one) == 7


def test_reach_reads_the_crossing_month_from_the_bounds():
    f = pd.DataFrame({"date": pd.to_datetime(["2026-01-31", "2026-02-28", "2026-03-31"]),
                      "forecast": [9.0, 10.0, 11.0], "lower": [8.0, 9.0, 10.0],
                      "upper": [10.0, 11.0, 12.0]})  # fmt: skip
    out = forecast.reach(f, 10.0)
    assert [out[k].strftime("%Y-%m") for k in ("earliest", "median", "latest")] == [
        "2026-01", "2026-02", "2026-03"]  # fmt: skip


def test_national_targets_are_bracketed_by_the_reports(obs):
    points, _ = forecast.load(obs)
    table = forecast.targets_table(points, {}).set_index("target_id")
    eid = table.loc["vn-eid-40m-2023-06"]
    assert str(eid["last_report_below"]) == "2023-06-19"  # 16.5 million
    assert str(eid["first_report_at_or_above"]) == "2023-09-11"  # over 52.7 million
    chip = table.loc["vn-chip-50m-2021-07"]
    assert str(chip["last_report_below"]) == "2021-10-06"  # about 45 million
    assert str(chip["first_report_at_or_above"]) == "2022-01-18"  # over 50 million


def test_goal_compares_with_naive():
    table = pd.DataFrame({"series": ["s"] * 2, "method": ["naive", "selected"],
                          "horizon": ["one report"] * 2, "forecasts": [7, 7], "mae": [2.0, 1.7],
                          "coverage": [1.0, 0.95], "interval_score": [20.0, 25.0]})  # fmt: skip
    out = forecast.goal(table).iloc[0]
    assert (out["mae_met"], out["coverage_met"], out["interval_met"]) == (False, False, False)


def test_cli_prints_the_table_columns(monkeypatch, capsys):
    bt = pd.DataFrame({"series": ["s"], "horizon": ["one report"], "method": ["naive"],
                       "forecast": [1.0], "abs_error": [0.5], "covered": [True],
                       "interval_score": [3.0]})  # fmt: skip
    monkeypatch.setattr(forecast, "backtest_all", lambda obs=None: bt)
    assert forecast.main(["--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "series,method,horizon,forecasts,mae,coverage,interval_score"
    assert lines[1] == "s,naive,one report,1,0.5,1.0,3.0"


def test_population_figures_are_not_project06_figures(obs):
    assert not summary.project06(obs)["indicator"].eq("population").any()
    national = obs["province_code"].eq("VN")
    counted = summary.headline(obs, dataset.load_sources())["national observations"]
    assert counted == int((national & obs["indicator"].ne("population")).sum())


def test_essential_lists_give_the_share_of_the_list_in_force(obs):
    table = series.essential_lists(obs)
    first = table.iloc[0]
    assert (first["provided"], first["list_size"], first["share_of_list"]) == (21, 25, 84.0)
    assert table["date"].is_monotonic_increasing


def test_decimal_year_counts_days_in_the_calendar_year():
    dates = pd.Series(pd.to_datetime(
        ["2023-01-01 00:00", "2023-07-02 00:00", "2024-12-31 00:00", "2024-03-01 12:00"]
    ))
    expected = [2023.0, 2023 + 182 / 365, 2024 + 365 / 366, 2024 + 60.5 / 366]
    assert series.decimal_year(dates).tolist() == pytest.approx(expected, abs=1e-12)
