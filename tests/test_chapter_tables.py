"""The tables and figure data of chapters 3 and 4: deterministic order, every plotted point,
readable columns."""

import numpy as np
import pandas as pd
import pytest

from helpers import (
    dataset,
    figures,
    forecast,
    forecast_plots,
    lens_figures,
    models,
    progress,
    provinces,
    provincial,
)


@pytest.fixture(scope="module")
def obs():
    return dataset.load_observations()


# --- chapter 3 --------------------------------------------------------------------------------


def test_units_with_the_same_mean_rank_are_ordered_by_best_rank_then_name():
    # Bac Ninh (Bac Giang 13th, Bac Ninh 14th) and Tuyen Quang (Ha Giang 10th, Tuyen Quang 17th)
    # share a mean of 13.5; Tuyen Quang's best province ranked higher, so it comes first although
    # its name comes later. Cao Bang and Lang Son, alone in their units, tie on mean and best:
    # their names decide.
    ranks = pd.Series({"24": 13.0, "27": 14.0, "02": 10.0, "08": 17.0, "04": 40.0, "20": 40.0})
    table = progress.units_table(ranks)
    ranked = table[table["with_value"].gt(0)]
    assert ranked["unit"].tolist() == ["Tuyen Quang", "Bac Ninh", "Cao Bang", "Lang Son"]
    assert len(table) == 34 and table["provinces"].sum() == 63
    # units without a rank go last, still in a fixed (alphabetical) order
    rest = table[table["with_value"].eq(0)]["unit"].tolist()
    assert rest == sorted(rest)


def test_units_table_on_the_data_is_the_same_whatever_the_input_order(obs):
    dti = progress.dti_ranks(obs, "2022")
    later = progress.dti_ranks(obs, "2024", geography="post2025")
    one = progress.units_table(dti, later)
    other = progress.units_table(dti.sample(frac=1, random_state=3), later.iloc[::-1])
    pd.testing.assert_frame_equal(one, other)
    # the ties of the committed data: Thai Nguyen (best 8th) before Quang Ngai (best 26th)
    order = one["unit"].tolist()
    assert order.index("Thai Nguyen") < order.index("Quang Ngai")
    assert one.set_index("unit").loc["Ho Chi Minh City", "former_provinces"] == (
        "Ba Ria - Vung Tau, Binh Duong, Ho Chi Minh City"
    )
    assert one.set_index("unit").loc["Ha Noi", "later"] == 1


def test_from_figures_adds_the_details_of_each_row_s_figure(obs):
    rows = obs.sample(5, random_state=1)[["figure_id"]]
    out = progress.from_figures(rows, obs)
    expected = obs.set_index("figure_id").loc[rows["figure_id"], "source_url"].tolist()
    assert out["source_url"].tolist() == expected
    assert out.index.equals(rows.index)


def test_two_counts_of_one_province_on_one_date_are_two_bars():
    table = pd.DataFrame({"province": ["Binh Duong", "Binh Duong"],
                          "indicator_name": ["Project 06 tasks completed"] * 2,
                          "value": [15.0, 11.0], "denominator": [18.0, 48.0],
                          "percent": [15 / 18 * 100, 11 / 48 * 100], "as_of": ["2024-12"] * 2})
    ax = figures.completion_chart(table).axes[0]
    widths = sorted(round(p.get_width(), 1) for p in ax.patches)
    assert widths == [22.9, 83.3]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(set(labels)) == 2


def test_latest_shares_data_is_ordered_with_a_tie_breaker():
    table = pd.DataFrame({"province": ["Hung Yen", "Hai Duong", "Bac Ninh"],
                          "rate": [92.0, 92.0, 92.85], "as_of": ["2024", "2024", "2024"],
                          "indicator_name": ["x"] * 3, "publisher": ["p"] * 3,
                          "source_url": [""] * 3})
    assert figures.latest_shares_data(table)["Province"].tolist() == [
        "Bac Ninh", "Hai Duong", "Hung Yen"]


def test_tile_map_data_has_every_province_once():
    data = figures.tile_map_data(pd.Series({"01": 24.0}), "rank")
    assert len(data) == 63 and data["Province code"].is_unique
    assert data["rank"].notna().sum() == 1
    assert set(data["2025 unit"]) == set(provinces.table()["unit_2025"])


def test_scatter_data_keeps_only_provinces_with_both_measures():
    table = pd.DataFrame({"province": ["A", "B", "C"], "label": ["AAA", "BBB", "CCC"],
                          "unit_2025": ["U", "V", "W"], "x": [1.0, np.nan, 3.0],
                          "y": [2.0, 5.0, np.nan]})
    out = lens_figures.scatter_data(table, "x", "y", {"x": "X", "y": "Y"})
    assert out.to_dict("records") == [{"Province": "A", "Code": "AAA", "2025 unit": "U",
                                       "X": 1.0, "Y": 2.0}]


def test_estimates_data_holds_every_estimate_and_every_report_drawn(obs):
    est = provincial.estimates(obs)
    rep = provincial.reports(obs)
    data = lens_figures.estimates_data(est, rep, indicator="online_applications",
                                       reference="2024-12-31")
    drawn = data[data["What"].eq("estimate")]
    assert len(drawn) == 63 and drawn["Province"].is_unique
    own = rep[rep["indicator"].eq("online_applications")]
    assert data["What"].eq("own report").sum() == len(own)
    assert (drawn["80% lower (%)"] <= drawn["Share (%)"]).all()


def test_report_counts_add_up_to_the_reports(obs):
    data = provincial.reports(obs)
    counts = provincial.report_counts(data)
    assert counts["reports"].sum() == len(data)
    assert counts["reports"].is_monotonic_decreasing
    assert counts["indicator"].notna().all() and counts["indicator"].is_unique


# --- chapter 4 --------------------------------------------------------------------------------


def test_curve_data_has_every_report_and_every_curve_point():
    points = pd.DataFrame({"t": [2022.0, 2023.0], "millions": [1.0, 2.0]})
    excluded = pd.DataFrame({"t": [2022.5], "millions": [9.0]})
    band = pd.DataFrame({"t": [2022.0, 2022.5, 2023.0], "mean": [1.0, 1.5, 2.0],
                         "lower": [0.5, 1.0, 1.5], "upper": [1.5, 2.0, 2.5]})
    data = figures.curve_data(points, {"logistic": band, "bass": band}, excluded)
    assert data["What"].value_counts().to_dict() == {
        "logistic fit": 3, "bass fit": 3, "reported figure (fitted)": 2,
        "reported, other definition (not fitted)": 1}
    assert data.loc[data["What"].eq("reported figure (fitted)"), "80% lower"].isna().all()


def test_curve_data_rounds_away_float_noise():
    band = pd.DataFrame({"t": [2022.0], "mean": [1.0 + 1e-9], "lower": [0.5], "upper": [1.5]})
    data = figures.curve_data(pd.DataFrame({"t": [], "millions": []}), {"logistic": band})
    assert data["Millions"].tolist() == [1.0]


def test_backtest_and_forecast_data_match_what_is_drawn():
    bt = pd.DataFrame({"series": ["a", "a", "a"], "method": ["naive", "selected", "drift"],
                       "horizon": ["one report"] * 3,
                       "target": pd.to_datetime(["2024-06-30"] * 3), "actual": [5.0] * 3,
                       "forecast": [4.0, 5.5, 6.0], "lower": [3.0, 4.5, 5.0],
                       "upper": [6.0, 6.5, 7.0]})
    data = forecast_plots.backtest_data(bt, {"a": "A"}, ["selected", "naive"], {"naive": "N"})
    assert data["Method"].tolist() == ["selected", "N"]  # in the order asked, drift not drawn
    panels = {"A": {"reports": pd.DataFrame({"t": [2025.0, 2025.5], "millions": [60.0, 61.0]}),
                    "path": pd.DataFrame({"date": pd.to_datetime(["2026-06-30", "2026-12-31"]),
                                          "forecast": [62.0, 63.0], "lower": [60.0, 61.0],
                                          "upper": [66.0, 70.0]}),
                    "method": "m",
                    "population": pd.DataFrame({"t": [2027.0], "millions": [104.0]})}}
    data = forecast_plots.forecast_data(panels)
    assert data["What"].value_counts().to_dict() == {"reported value": 2, "forecast median (m)": 2,
                                                     "population": 1}
    assert data["80% upper"].max() == 70.0


def test_every_method_has_a_name_and_a_description():
    assert set(forecast.NAMES) == set(forecast.DESCRIPTIONS) == {*forecast.METHODS, "selected"}
    assert len(set(forecast.NAMES.values())) == len(forecast.NAMES)


def test_one_step_table_has_a_row_per_method_and_the_scores_per_series():
    table = pd.DataFrame({"series": ["s", "s", "s", "t"], "method": ["naive", "selected", "naive",
                                                                  "naive"],
                          "horizon": ["one report", "one report", "6 months", "one report"],
                          "forecasts": [7, 7, 5, 8], "mae": [1.5, 2.0, 9.0, 4.0],
                          "coverage": [1.0, 0.5, 1.0, 0.75],
                          "interval_score": [30.0, 20.0, 99.0, 40.0]})
    out = forecast.one_step_table(table, {"s": "S", "t": "T"})
    assert out["Method"].tolist() == ["naive", "selected"]
    assert out["S: MAE (million)"].tolist() == [1.5, 2.0]  # the 6-month score is left out
    assert out["T: coverage"].iloc[0] == 0.75 and np.isnan(out["T: coverage"].iloc[1])


def test_goal_table_reads_the_goal_part_by_part():
    goals = forecast.goal(pd.DataFrame({"series": ["s", "s"], "method": ["naive", "selected"],
                                        "horizon": ["one report"] * 2, "forecasts": [7, 7],
                                        "mae": [2.0, 1.0], "coverage": [1.0, 0.8],
                                        "interval_score": [20.0, 10.0]}))
    out = forecast.goal_table(goals, {"s": "S"}).set_index("Part of the goal")["S"]
    assert out["MAE ratio to naive (goal: at most 0.8)"] == 0.5
    assert out["MAE goal met"] is True and out["Coverage goal met"] is True


def test_curve_parameters_name_every_parameter():
    t = [2021.5, 2022, 2022.5, 2023, 2023.5, 2024, 2024.5]
    y = [1, 5, 20, 45, 65, 75, 79]
    fits = {m: models.fit_curve(m, t, y) for m in ("logistic", "bass")}
    out = forecast.curve_parameters(fits)
    assert out["Parameter"].tolist() == ["K", "r", "t0", "m", "p", "q", "start"]
    assert out["Meaning"].notna().all()
    assert out.set_index("Parameter").loc["K", "Estimate"] == round(fits["logistic"].params["K"], 3)
