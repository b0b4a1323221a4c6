"""Audit flags are computed from the numbers, and each one can fire and can stay quiet."""

import numpy as np
import pandas as pd
import pytest

from helpers import audit


def obs(**overrides):
    row = {
        "value": 100.0, "denominator": np.nan, "percent_stated": np.nan, "unit": "count",
        "denominator_kind": "", "measure": "level", "as_of_basis": "stated",
        "province_code": "30", "indicator": "eid_accounts", "as_of": "2024-03-18",
        "source_id": "a", "qualifier": "exact",
    }  # fmt: skip
    return row | overrides


def flags(*rows):
    return audit.add_flags(pd.DataFrame(list(rows)))["flags"].tolist()


def test_quiet_row_raises_nothing():
    assert flags(obs()) == [""]


@pytest.mark.parametrize(
    "stated, computed, raised",
    [(92.0, 453520 / 495192, False), (99.0, 289790 / 293861, False), (92.0, 0.90, True)],
)
def test_percent_mismatch_uses_half_a_point(stated, computed, raised):
    row = obs(value=computed * 1000, denominator=1000.0, percent_stated=stated)
    assert ("percent_mismatch" in flags(row)[0]) is raised


def test_value_above_target_is_a_target_exceeded():
    out = audit.add_flags(pd.DataFrame([obs(value=958367.0, denominator=794301.0,
                                            denominator_kind="target")]))  # fmt: skip
    assert out.loc[0, "flag_above_denominator"]
    assert out.loc[0, "above_denominator_meaning"] == "target exceeded"


def test_value_above_a_total_is_suspect():
    out = audit.add_flags(pd.DataFrame([obs(value=12.0, denominator=10.0,
                                            denominator_kind="total")]))  # fmt: skip
    assert out.loc[0, "above_denominator_meaning"].startswith("part larger")


def test_ranks_are_never_above_their_denominator_by_meaning():
    assert flags(obs(unit="rank", value=6.0, denominator=63.0)) == [""]


@pytest.mark.parametrize(
    "a, b, disagree",
    [
        ({"value": 100.0}, {"value": 101.0}, False),
        ({"value": 100.0}, {"value": 150.0}, True),
        ({"value": 1.2e6, "qualifier": "over"}, {"value": 1.234e6}, False),
        ({"value": 15e9, "qualifier": "nearly"}, {"value": 14.5e9}, False),
        ({"value": 1.2e6, "qualifier": "over"}, {"value": 1.0e6}, True),
    ],
)
def test_sources_disagree(a, b, disagree):
    raised = flags(obs(**a), obs(source_id="b", **b))
    assert all(("sources_disagree" in f) is disagree for f in raised)


def test_same_source_or_other_date_never_disagrees():
    assert flags(obs(), obs(value=500.0)) == ["", ""]
    assert flags(obs(), obs(source_id="b", value=500.0, as_of="2024-06")) == ["", ""]


def test_increase_in_percent_is_ambiguous_but_a_count_increase_is_not():
    assert flags(obs(measure="change", unit="percent", value=66.0)) == ["ambiguous_increase"]
    assert flags(obs(measure="change", unit="count", value=35000.0)) == [""]


def test_inferred_date_is_flagged():
    assert flags(obs(as_of_basis="inferred")) == ["date_inferred"]


def test_rate_prefers_the_stated_percent_and_ignores_changes():
    out = audit.add_flags(pd.DataFrame([
        obs(value=453520.0, denominator=495192.0, percent_stated=92.0),
        obs(value=91.0, unit="percent"),
        obs(value=66.0, unit="percent", measure="change"),
        obs(value=5.0, denominator=10.0),
    ]))  # fmt: skip
    assert out["rate"].tolist()[:2] == [92.0, 91.0]
    assert np.isnan(out["rate"].iloc[2])
    assert out["rate"].iloc[3] == 50.0


@pytest.mark.parametrize(
    "qualifier, disagree",
    [("more than", False), ("over", False), ("less than", True), ("exact", True)],
)
def test_a_qualifier_bounds_the_size_of_a_fall(qualifier, disagree):
    # "fell by more than 5%" (-5) fits a fall of 8% (-8); "fell by less than 5%" does not.
    change = {"measure": "change", "unit": "percent"}
    a = obs(value=-5.0, qualifier=qualifier, source_id="a", **change)
    b = obs(value=-8.0, source_id="b", **change)
    assert audit.disagreements(pd.DataFrame([a, b])).tolist() == [disagree, disagree]


def test_a_fall_implies_a_higher_baseline():
    # "giảm 5%" beside a level of 40%: 45% before if points, 40/0.95 if relative
    from helpers import quality

    rows = [obs(value=40.0, unit="percent", source_id="s", measure="level"),
            obs(value=-5.0, unit="percent", source_id="s", measure="change")]  # fmt: skip
    flagged = audit.add_flags(pd.DataFrame(rows)).assign(province="X", scope="")
    flagged["figure_id"] = ["a", "b"]
    out = quality.increase_readings(flagged).iloc[0]
    assert (out["level"], out["increase"], out["baseline_if_points"]) == (40.0, -5.0, 45.0)
    assert out["baseline_if_relative"] == pytest.approx(40 / 0.95)
