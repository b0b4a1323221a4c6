"""The analysis helpers compute what the notebooks claim, on the committed data and on toys."""

import pandas as pd
import pytest

from helpers import dataset, profile, progress, quality, series


@pytest.fixture(scope="module")
def obs():
    return dataset.load_observations()


def test_whole_province_drops_districts_wards_and_centres():
    scopes = ["Cat Hai district: activated", "Rach Gia ward centre", "whole province", "",
              "provincial level only", "Gia Loc and Nam Sach districts", "police (wards 1 and 3)",
              "land database digitised, communes"]  # fmt: skip
    assert progress.whole_province(pd.DataFrame({"scope": scopes})).tolist() == [
        False, False, True, True, False, False, False, True,
    ]  # fmt: skip


def test_latest_takes_the_most_recent_whole_province_figure(obs):
    table = progress.latest(obs, ["online_applications", "essential_services_online"])
    for row in table.itertuples():
        same = obs[obs["province_code"].eq(row.province_code)
                   & obs["indicator"].isin(["online_applications", "essential_services_online"])
                   & obs["rate"].notna() & obs["measure"].eq("level")
                   & progress.whole_province(obs) & obs["geography"].eq("pre2025")]  # fmt: skip
        assert row.as_of_end == same["as_of_end"].max()
        assert not progress.PART_OF_PROVINCE.search(row.scope or "")


def test_units_2025_average_their_former_provinces(obs):
    dti = progress.dti_ranks(obs, "2022")
    units = progress.by_unit_2025(dti)
    # Ho Chi Minh City absorbed Binh Duong and Ba Ria - Vung Tau.
    expected = dti.loc[["79", "74", "77"]].mean()
    assert units.loc["Ho Chi Minh City", "mean"] == pytest.approx(expected)
    assert units["provinces"].sum() == 63 and len(units) == 34


def test_hai_duong_increase_implies_25_percent_if_read_as_points(obs):
    readings = quality.increase_readings(obs)
    hd = readings[readings["province"].eq("Hai Duong")]
    assert len(hd) == 2
    assert hd["baseline_if_points"].tolist() == [25.0, 25.0]
    assert hd["baseline_if_relative"].between(54, 56).all()


def test_list_sizes_show_the_three_lists(obs):
    assert {25.0, 53.0, 76.0} <= set(quality.list_sizes(obs)["list_size"])


def test_group_denominators_are_not_shares(obs):
    breakdown = obs[obs["stated"].eq("11/25") & obs["province"].eq("Hai Duong")]
    assert breakdown["rate"].isna().all()


def test_crossing_brackets_a_target():
    points = pd.DataFrame({"t": [2021.5, 2021.8, 2022.1], "millions": [20.0, 45.0, 50.0]})
    assert series.crossing(points, 50) == {"last_below": 2021.8, "first_at_or_above": 2022.1}
    assert series.crossing(points, 90) == {"last_below": 2022.1, "first_at_or_above": None}


def test_model_series_use_only_chosen_figures(obs):
    chosen = series.selection()
    used = series.national_series(obs, "eid_accounts_activated")
    left_out = set(chosen.loc[chosen["include"].eq("no"), "figure_id"])
    assert left_out.isdisjoint(used["figure_id"])
    assert (used["millions"] > 0).all() and used["t"].is_monotonic_increasing
    with pytest.raises(KeyError, match="no series 'unicorns'"):
        series.national_series(obs, "unicorns")


def test_every_selected_figure_exists(obs):
    assert set(series.selection()["figure_id"]) <= set(obs["figure_id"])


def test_count_shares_drop_a_total_made_of_its_parts(obs):
    cells = series.count_shares(obs)
    hd = cells[cells["province"].eq("Hai Duong")]
    assert sorted(hd["trials"]) == [201331.0, 293861.0]  # the parts, not their total 495,192
    assert (cells["successes"] <= cells["trials"]).all()


def test_profile_accepts_any_spelling_and_refuses_unknown_places(obs):
    assert profile.build_profile(obs, "Hải Dương").code == "30"
    assert profile.build_profile(obs, "HCMC").slug == "ho-chi-minh-city"
    with pytest.raises(KeyError):
        profile.build_profile(obs, "Atlantis")
    with pytest.raises(KeyError, match="nation"):
        profile.build_profile(obs, "Vietnam")


def test_every_national_figure_of_a_modelled_indicator_is_chosen_or_refused(obs):
    """A new national figure must be placed in or out of its series explicitly."""
    national = obs[obs["province_code"].eq("VN") & obs["indicator"].isin(
        ["eid_accounts", "chip_id_cards"])]  # fmt: skip
    unlisted = set(national["figure_id"]) - set(series.selection()["figure_id"])
    assert not unlisted, f"add to data/reference/model_series.csv: {sorted(unlisted)}"
