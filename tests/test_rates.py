"""Rates per resident: the right denominator, flows set apart, rates above 100% explained."""

import numpy as np
import pandas as pd
import pytest

from helpers import dataset, population, rates


@pytest.fixture(scope="module")
def obs():
    return dataset.load_observations()


def figure(**change):
    base = {"figure_id": "f-01", "province_code": "34", "province": "Thai Binh",
            "indicator": "eid_accounts", "unit": "count", "measure": "level",
            "geography": "pre2025", "scope": "accounts activated", "stated": "x",
            "as_of": "2021-12-31", "as_of_end": pd.Timestamp("2021-12-31"),
            "as_of_precision": "day", "value": 937830.0, "rate": np.nan,
            "denominator_kind": "", "publisher": "p"}
    return base | change


def test_a_gso_year_uses_the_gso_population():
    out = rates.per_resident(pd.DataFrame([figure()])).iloc[0]
    assert out["population"] == 1_875_660 and out["population_basis"] == "GSO"
    assert out["per_resident"] == 50.0


def test_thai_binh_2023_by_hand(obs):
    """958,367 accounts over Thai Binh's 2023 population carried by its own 2019-2021 growth:
    1,875,660 x (1,875,660 / 1,862,200) = 1,889,217 people."""
    table = rates.per_resident(obs)
    row = table[table["stated"].eq("958,367 out of 794,301")].iloc[0]
    assert row["population"] == round(1_875_660 * 1_875_660 / 1_862_200)
    assert row["per_resident"] == round(958_367 / 1_889_217 * 100, 2)
    assert row["above_100"] and "quota" in row["explanation"]  # 120.7% of the quota


def test_flows_are_marked():
    period = figure(as_of="2024-07-01/2024-07-05", as_of_precision="period",
                    as_of_end=pd.Timestamp("2024-07-05"))
    day = figure(figure_id="f-02", scope="accounts activated in a single day")
    out = rates.per_resident(pd.DataFrame([period, day, figure(figure_id="f-03")]))
    assert out.set_index("figure_id")["counts"].to_dict() == {
        "f-01": "flow", "f-02": "flow", "f-03": "stock"}


def test_parts_of_provinces_and_other_indicators_are_left_out():
    rows = [figure(scope="level-1 accounts only"),
            figure(figure_id="f-02", scope="Cat Hai district"),
            figure(figure_id="f-03", indicator="online_applications")]
    assert rates.per_resident(pd.DataFrame(rows)).empty


def test_above_100_per_resident_is_flagged_and_explained():
    big = figure(indicator="eid_applications", value=2_000_000.0, scope="applications issued",
                 as_of="2024", as_of_end=pd.Timestamp("2024-12-31"), as_of_precision="year")
    row = rates.per_resident(pd.DataFrame([big])).iloc[0]
    assert row["per_resident"] > 100 and row["above_100"]
    for words in ("more than once", "where they are registered", "carried 3 year(s)",
                  "issued are counted"):
        assert words in row["explanation"]


def test_no_rate_above_100_goes_unexplained(obs):
    table = rates.per_resident(obs)
    assert table["above_100"].equals(table["explanation"].ne(""))


def test_latest_prefers_activated_over_issued_on_the_same_date(obs):
    t = rates.latest(rates.per_resident(obs)).set_index("province")
    assert t.loc["Ho Chi Minh City", "value"] == 304_191  # not the 1,497,360 issued
    assert t.loc["Ha Noi", "value"] == 4_220_000


def test_the_carry_forward_rule_moves_rates_by_a_few_points(obs):
    effect = rates.rule_effect(obs)
    table = population.load()
    grew = population.growth(table)
    code_of = dict(zip(table["province"], table["province_code"], strict=True))
    for row in effect.itertuples():
        code = code_of[row.province]
        if grew[code] > 0:  # fewer people under the flat rule, so a higher rate
            assert row.flat >= row.own_growth
    assert effect["spread_points"].max() < 10
