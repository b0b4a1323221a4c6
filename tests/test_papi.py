"""PAPI e-governance table: the workbook's traps are handled, and the years are the real ones.

Expected values come from news reports of the PAPI releases (pages named in
data/raw/table_sources.csv) and from the PAPI scales, not from this code's output.
"""

import numpy as np
import pandas as pd
import pytest

from helpers import papi, paths, provinces

WORKBOOKS = paths.SHARED / "workbooks"
ENGLISH = WORKBOOKS / "PAPI-2015-2023(eng).xlsm"
VIETNAMESE = WORKBOOKS / "PAPI-2015-2023.xlsm"
needs_workbook = pytest.mark.skipif(not ENGLISH.is_file(), reason="PAPI workbook not present")


@pytest.fixture(scope="module")
def table():
    return papi.load()


def test_only_real_years_with_every_province_once(table):
    assert sorted(table["year"].unique()) == [2018, 2019, 2022, 2023]
    counts = table.groupby(["year", "dimension"])["province_code"].agg(["size", "nunique"])
    assert (counts["size"] == 63).all() and (counts["nunique"] == 63).all()
    assert set(table.query("year == 2018")["dimension"]) == {"total", "8", "8.1", "8.2"}


def test_missing_values_stay_missing_never_zero(table):
    assert not (table["value"] == 0).any()
    assert table["value"].isna().equals(table["flag"].eq("missing"))


@pytest.mark.parametrize(
    "province, year",
    [("Bac Ninh", 2022), ("Quang Ninh", 2023), ("Binh Duong", 2023)],
)
def test_provinces_left_blank_by_the_workbook(table, province, year):
    rows = table[table["province_code"].eq(provinces.resolve(province)) & table["year"].eq(year)]
    assert len(rows) == 5 and rows["value"].isna().all()


def test_bac_giang_2022_is_flagged_not_dropped(table):
    rows = table[table["province"].eq("Bac Giang") & table["year"].eq(2022)].set_index("dimension")
    assert np.isnan(rows.loc["total", "value"])  # left out of the 2022 ranking
    for dimension in ("8", "8.1", "8.2", "8.3"):
        assert rows.loc[dimension, "flag"] == "no_total"
        assert rows.loc[dimension, "value"] > 0
    assert "inaccurate" in rows.loc["8", "note"]
    assert "24" not in papi.scores(table, "8.1", 2022).index


@pytest.mark.parametrize(
    "province, year, dimension, reported, digits",
    [
        ("Quang Ninh", 2022, "total", 47.8763, 4),  # news of the 2022 release
        ("Binh Duong", 2022, "total", 47.4488, 4),
        ("Cao Bang", 2022, "total", 38.80, 2),  # last of 2022 (susta.vn)
        ("Thua Thien Hue", 2023, "total", 46.0415, 4),  # first of 2023
        ("Bac Giang", 2023, "total", 44.3204, 4),  # en.bacgiang.gov.vn, May 2024
        ("Bac Giang", 2023, "8", 3.4825, 4),
        ("Nghe An", 2019, "total", 44.72, 2),  # baonghean.vn, April 2020
        ("Nghe An", 2019, "8", 3.85, 2),
    ],
)
def test_cross_checks_from_the_news(table, province, year, dimension, reported, digits):
    assert round(papi.value(table, province, year, dimension), digits) == reported


def test_2019_is_2019_and_no_year_copies_another(table):
    totals = table.query("dimension == 'total'").pivot(index="province_code", columns="year",
                                                       values="value")
    assert round(totals[2019].mean(), 3) == 43.616
    # Hai Duong scored 42.81 in 2020 and 42.68 in 2021 (haiduongnews.com): no stored year
    # holds those, so the sheets labelled 2020 and 2021 (which repeat 2019) are rightly absent.
    assert not totals.loc["30"].round(2).isin([42.81, 42.68]).any()
    for a, b in [(2018, 2019), (2019, 2022), (2022, 2023)]:
        assert not totals[a].equals(totals[b])


def test_dimension_8_is_the_sum_of_its_sub_dimensions(table):
    wide = table.pivot_table(index=["province_code", "year"], columns="dimension", values="value")
    parts = wide[["8.1", "8.2", "8.3"]].sum(axis=1, min_count=2)
    both = wide["8"].notna()
    assert (wide.loc[both, "8"] - parts[both]).abs().max() < 0.0005 * 4


def test_values_lie_on_their_scales(table):
    for (year, dimension), rows in table.dropna(subset=["value"]).groupby(["year", "dimension"]):
        low, high = papi.scale_bounds(papi.SCALES[(year, dimension)])
        assert rows["value"].between(low, high).all(), (year, dimension)


def test_combined_standing_covers_all_63_provinces(table):
    z = papi.combined(table, "8.1")
    assert z.notna().sum() == 63
    # Quang Ninh has only 2022, Bac Ninh only 2023: each keeps its single year's z-score
    s22 = papi.scores(table, "8.1", 2022)
    assert z.loc["22"] == pytest.approx((s22.loc["22"] - s22.mean()) / s22.std(ddof=0))


def test_reader_refuses_a_sheet_with_the_wrong_scale():
    names = [provinces.name(c) for c in provinces.table().index]
    rows = [("Tỉnh", None, *names), ("Chỉ số nội dung 8: Quản trị điện tử", "0-100", *[3.0] * 63)]
    with pytest.raises(ValueError, match="dimension 8 on scale 0-100, expected 1-10"):
        papi.read_sheet(rows, 2019)


def test_reader_treats_zero_and_text_as_missing_and_skips_copies():
    names = [provinces.name(c) for c in provinces.table().index]
    labels = {"total": ("Chỉ số PAPI tổng hợp (không có trọng số)", "10-80 điểm"),
              "8": ("Chỉ số nội dung 8: Quản trị điện tử", "1-10 điểm"),
              "8.1": ("8.1: Sử dụng cổng", "0.33-3.33 điểm"),
              "8.2": ("8.2: Tiếp cận", "0.33-3.33 điểm"),
              "8.3": ("8.3: Phúc đáp", "0.33-3.33 điểm")}

    def sheet(first, rest=2.0):
        body = [(*labels[d], first if d == "total" else 3.0, *[rest] * 62) for d in labels]
        return [("Tỉnh", None, *names), *body]

    table, skipped = papi.from_rows({"2019": sheet("KCDL"), "2020": sheet("KCDL"),
                                     "2022": sheet(0, rest=2.5)})
    assert skipped == ["sheet 2020 repeats the values of sheet 2019: not a year"]
    hanoi = table[table["province"].eq("Ha Noi")].set_index(["year", "dimension"])
    assert pd.isna(hanoi.loc[(2019, "total"), "value"])
    assert hanoi.loc[(2019, "8"), "flag"] == "no_total"
    assert "'KCDL'" in hanoi.loc[(2019, "total"), "note"]
    assert pd.isna(hanoi.loc[(2022, "total"), "value"])
    assert "holds 0" in hanoi.loc[(2022, "total"), "note"]


@needs_workbook
@pytest.mark.parametrize("workbook", [ENGLISH, VIETNAMESE])
def test_both_workbooks_reproduce_the_committed_table(workbook):
    table, skipped = papi.read_workbook(workbook)
    assert papi.to_csv_text(table) == papi.TABLE.read_text(encoding="utf-8")
    assert skipped == ["sheet 2020 repeats the values of sheet 2019: not a year",
                       "sheet 2021 repeats the values of sheet 2019: not a year"]


@needs_workbook
def test_the_sheets_labelled_2020_and_2021_are_copies_of_2019():
    import openpyxl

    book = openpyxl.load_workbook(ENGLISH, read_only=True, data_only=True)
    sheets = {y: papi.read_sheet(list(book[str(y)].iter_rows(values_only=True)), y)
              for y in (2019, 2020, 2021)}
    book.close()
    for year in (2020, 2021):
        assert sheets[year]["value"].tolist() == sheets[2019]["value"].tolist()
    hai_duong = sheets[2020].query("code == '30' and dimension == 'total'")["value"].iloc[0]
    assert round(hai_duong, 2) != 42.81  # Hai Duong's reported 2020 score


def test_cli_without_the_workbook_fails_cleanly(tmp_path, capsys):
    assert papi.main(["--from-workbook", str(tmp_path / "none.xlsm"),
                      "--output", str(tmp_path / "out.csv")]) == 1
    assert "no such workbook" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()
