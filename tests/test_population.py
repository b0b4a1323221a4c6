"""Population denominators: the GSO totals, the years, and the carry-forward rules."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import paths, population

WORKBOOK = paths.SHARED / "workbooks" / "population by county.xlsx"


@pytest.fixture(scope="module")
def pop():
    return population.load()


def test_years_and_provinces(pop):
    assert sorted(pop["year"].unique()) == list(range(2011, 2022))
    assert pop.groupby("year")["province_code"].nunique().eq(63).all()


@pytest.mark.parametrize("year, national", [(2019, 96_484_000), (2021, 98_506_250)])
def test_columns_sum_to_the_national_average_population(pop, year, national):
    assert pop.loc[pop["year"].eq(year), "population"].sum() == national


def test_the_2019_census_rebased_the_series(pop):
    hanoi = pop[pop["province_code"].eq("01")].set_index("year")["population"]
    assert hanoi[2019] / hanoi[2018] - 1 > 0.07  # a revision, not a year's growth


def test_growth_ignores_the_years_before_the_census(pop):
    changed = pop.copy()
    changed.loc[changed["year"] < 2019, "population"] *= 3
    pd.testing.assert_series_equal(population.growth(pop), population.growth(changed))


def test_own_growth_carries_hanoi_by_hand(pop):
    p2019, p2021 = 8_093_900, 8_330_830  # GSO, Ha Noi
    expected = round(p2021 * ((p2021 / p2019) ** 0.5) ** 3)  # 2024 = 2021 + 3 years
    got = population.carry_forward(pop, [2024]).set_index("province_code").loc["01", "population"]
    assert got == expected


def test_flat_and_national_rules(pop):
    flat = population.carry_forward(pop, [2025], "flat").set_index("province_code")["population"]
    last = pop[pop["year"].eq(2021)].set_index("province_code")["population"]
    assert (flat == last.astype(float)).all()
    nat = population.carry_forward(pop, [2022], "national_growth")
    # every province grows by the national 2019-2021 rate, so the total does too (to rounding)
    rate = (98_506_250 / 96_484_000) ** 0.5
    assert nat["population"].sum() == pytest.approx(98_506_250 * rate, abs=63)


def test_gso_years_are_never_carried(pop):
    with pytest.raises(ValueError, match="2021 is a GSO year"):
        population.carry_forward(pop, [2021])


def test_denominators_label_their_basis():
    d = population.denominators(through=2025)
    assert set(d.query("year <= 2021")["basis"]) == {"GSO"}
    assert set(d.query("year > 2021")["basis"]) == {"own_growth"}
    assert len(d) == 63 * 15


def test_how_much_the_rule_matters(pop):
    """By 2024 the flat rule gives fewer people than own growth wherever a province grew in
    2019-2021, and more where it shrank; the difference stays within about 10%."""
    effect = population.rule_effect(pop, 2024)
    grew = population.growth(pop) > 0
    assert (effect.loc[grew[grew].index, "flat_vs_own_%"] < 0).all()
    assert (effect.loc[grew[~grew].index, "flat_vs_own_%"] >= 0).all()
    assert effect[["flat_vs_own_%", "national_vs_own_%"]].abs().max().max() < 10


@given(
    start=st.floats(1e5, 1e7),
    rate=st.floats(-0.05, 0.05),
    years=st.integers(1, 4),
)
def test_own_growth_continues_the_geometric_path(start, rate, years):
    p = pd.DataFrame({"province_code": ["01", "01"], "year": [2019, 2021],
                      "population": [start, start * (1 + rate) ** 2]})
    out = population.carry_forward(p, [2021 + years])["population"].iloc[0]
    assert out == pytest.approx(start * (1 + rate) ** (2 + years), abs=1.0)


def test_a_column_that_matches_no_year_is_an_error():
    wide = pd.DataFrame([["Ha Noi", 1.0]])
    long = pd.DataFrame({"city": ["Ha Noi"], "year": [2019], "population": [2.0]})
    with pytest.raises(ValueError, match="column 1: matches years"):
        population.from_tables(wide, long)


@pytest.mark.skipif(not WORKBOOK.is_file(), reason="population workbook not present")
def test_the_workbook_reproduces_the_committed_table():
    table = population.read_workbook(WORKBOOK)
    assert table.to_csv(index=False, lineterminator="\n") == population.TABLE.read_text()
