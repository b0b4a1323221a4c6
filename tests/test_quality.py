"""The data-quality checks of chapter 2 compute what the chapter says they do."""

import pandas as pd
import pytest

from helpers import dataset, figures, quality


@pytest.fixture(scope="module")
def obs():
    return dataset.load_observations()


def test_a_ministrys_part_of_a_list_counts_against_the_whole_list(obs):
    # "six out of eleven" police services of the 25-service list of March 2022
    sizes = quality.list_sizes(obs).set_index("figure_id")["list_size"]
    assert sizes["nid-sggpnews-2022-03-eid-24200-03"] == 25
    assert set(sizes) <= set(quality.ESSENTIAL_LISTS)


def test_list_size_points_keep_one_row_per_figure(obs):
    sizes = quality.list_sizes(obs)
    points = quality.list_size_points(sizes)
    assert len(points) == len(sizes)
    assert set(points["Reported for"]) <= {"national", "province"}
    assert points.loc[sizes["national"].to_numpy(), "Place"].eq("Vietnam").all()


def test_increase_points_give_both_baselines():
    readings = pd.DataFrame({"province": ["Hai Duong"], "as_of": ["2024-03-18"],
                             "level": [91.0], "baseline_if_points": [25.0],
                             "baseline_if_relative": [91.0 / 1.66]})  # fmt: skip
    points = quality.increase_points(readings).set_index("Point")["Online share (%)"]
    # 91 - 66 = 25 points; 91 / 1.66 = 54.819... relative, rounded to 0.01
    assert points.to_dict() == {"level reported": 91.0, "baseline if points": 25.0,
                                "baseline if relative": 54.82}  # fmt: skip
    ax = figures.increase_readings_chart(quality.increase_points(readings)).axes[0]
    drawn = sorted(float(c.get_offsets()[0][0]) for c in ax.collections)
    assert drawn == [25.0, 54.82, 91.0]


def _toy(as_of, values, sources, flagged):
    n = len(values)
    return pd.DataFrame({
        "province_code": ["01"] * n, "province": ["Ha Noi"] * n, "indicator": ["x"] * n,
        "indicator_name": ["X"] * n, "unit": ["count"] * n, "measure": ["level"] * n,
        "as_of": as_of, "as_of_end": pd.to_datetime(as_of), "stated": [str(v) for v in values],
        "value": values, "source_id": sources, "flag_sources_disagree": flagged,
    })  # fmt: skip


def test_near_duplicates_pair_different_sources_within_the_window():
    toy = _toy(["2024-01-01", "2024-01-01", "2024-01-20", "2024-03-01"], [1.0, 2.0, 3.0, 4.0],
               ["a", "b", "a", "b"], [True, True, False, False])  # fmt: skip
    pairs = quality.near_duplicates(toy)
    # a1-b1 same day (flagged), b1-a2 19 days apart; a1-a2 share a source, March is too far
    assert pairs[["stated_a", "stated_b", "same_date", "flagged"]].values.tolist() == [
        ["1.0", "2.0", True, True], ["2.0", "3.0", False, False]]
    counts = quality.disagreement_counts(toy)
    assert counts.tolist() == [2, 1, 2]


def test_national_shares_are_percent_figures_of_the_year(obs):
    shares = quality.national_shares(obs, 2022)
    assert len(shares) > 0 and shares["province"].eq("Vietnam").all()
    assert shares["as_of_end"].is_monotonic_increasing
    assert set(shares["indicator"]) <= {"online_applications", "essential_services_online"}
