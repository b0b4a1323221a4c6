"""The all-province tables: their checker (:func:`helpers.panels.check`, which `build` and
`validate` run) names file, line and column of every kind of problem, on temporary copies of the
data tree; `validate` reports what it finds."""

import csv
import shutil

import pytest

from helpers import dataset, panels, papi, paths, population, validate


def rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path, records, columns):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)


@pytest.fixture
def tree(tmp_path):
    """A copy of the real raw and reference folders; ``edit(table, fn)`` changes one table's
    rows and returns the problems the checker finds (as printed lines, with the temporary path
    stripped); ``edit.validate()`` runs all of `validate` on the copy."""
    raw, ref = tmp_path / "raw", tmp_path / "reference"
    shutil.copytree(paths.RAW, raw)
    shutil.copytree(paths.REFERENCE, ref)
    sources = {row["source_id"] for row in rows(raw / "sources.csv")}

    def stripped(found):
        return [p.replace(f"{tmp_path}/", "") for p in found]

    def edit(name, change=None):
        path = raw / name
        columns = {"papi_egovernance.csv": papi.COLUMNS, "population.csv": population.COLUMNS,
                   "table_sources.csv": dataset.SOURCE_COLUMNS}[name]
        if change is not None:
            write(path, change(rows(path)), columns)
        return stripped(str(p) for p in sorted(set(panels.check(raw, sources)[1])))

    edit.validate = lambda: stripped(validate.validate(raw, ref, check_processed=False))
    return edit


def test_the_copied_tree_is_clean(tree):
    assert tree("papi_egovernance.csv") == []
    assert tree.validate() == []


def test_validate_reports_what_the_checker_finds(tree):
    def change(r):
        r[4]["province"] = "Atlantis"
        return r

    found = tree("papi_egovernance.csv", change)
    reported = tree.validate()
    assert found and set(found) <= set(reported)


def test_unknown_province_is_named_with_its_line(tree):
    def change(r):
        r[4]["province"] = "Atlantis"
        return r

    problems = tree("papi_egovernance.csv", change)
    assert "raw/papi_egovernance.csv:6: province: unknown province 'Atlantis'" in problems
    # ... and the real province is now missing from that year and dimension
    assert any("no row for" in p and p.startswith("raw/papi_egovernance.csv:2: province")
               for p in problems), problems


def test_duplicated_province_year_is_reported_on_both_lines(tree):
    problems = tree("population.csv", lambda r: [*r, dict(r[0])])
    assert "raw/population.csv:2: province: province-year Ha Noi 2011 is given more than once" \
        in problems
    assert f"raw/population.csv:{len(population.load()) + 2}: province: province-year Ha Noi 2011"\
        " is given more than once" in problems


def test_missing_province_year_is_reported(tree):
    problems = tree("population.csv", lambda r: [x for x in r
                                                  if not (x["province"] == "Ca Mau"
                                                          and x["year"] == "2020")])
    assert any(p.startswith("raw/population.csv:") and "year 2020: no row for Ca Mau" in p
               for p in problems), problems


@pytest.mark.parametrize(
    "dimension, value, expected",
    [
        ("8", "10.5", "10.5 is outside the scale 1-10 of dimension 8"),
        ("8.1", "0.2", "0.2 is outside the scale 0.33-3.33 of dimension 8.1"),
        ("total", "95", "95 is outside the scale 10-80 of dimension total"),
        ("8", "", "value: is blank but the flag is not 'missing'"),
        ("8", "abc", "value: 'abc' is not a number or blank"),
    ],
)
def test_values_outside_the_scale(tree, dimension, value, expected):
    line = {}

    def change(r):
        i = next(i for i, x in enumerate(r) if x["year"] == "2022" and x["dimension"] == dimension
                 and x["flag"] == "")
        r[i]["value"] = value
        line["n"] = i + 2
        return r

    problems = tree("papi_egovernance.csv", change)
    assert any(p.startswith(f"raw/papi_egovernance.csv:{line['n']}:") and expected in p
               for p in problems), problems


def test_a_copied_year_is_not_a_year(tree):
    def change(r):
        copy = [dict(x, year="2020") for x in r if x["year"] == "2019"]
        return r + copy

    problems = tree("papi_egovernance.csv", change)
    assert any(": year: 2020 is not a year the workbook really holds" in p for p in problems)


def test_a_scale_that_does_not_fit_the_year(tree):
    def change(r):
        r[0]["scale"] = "1-10"  # the 2018 overall score is on 10-80
        return r

    problems = tree("papi_egovernance.csv", change)
    assert any(p.startswith("raw/papi_egovernance.csv:2: scale: '1-10'") for p in problems)


def test_population_years_after_2021_are_not_stored(tree):
    def change(r):
        extra = [dict(x, year="2022") for x in r if x["year"] == "2021"]
        return r + extra

    problems = tree("population.csv", change)
    assert any(": year: 2022 is not a year of the GSO table" in p for p in problems)


def test_implausible_population_and_unknown_source(tree):
    def change(r):
        r[0]["population"] = "67613"  # thousands read as persons would look like this
        r[1]["source_id"] = "nowhere"
        return r

    problems = tree("population.csv", change)
    assert any(p.startswith("raw/population.csv:2: population: 67,613 persons is outside")
               for p in problems)
    assert "raw/population.csv:3: source_id: no source 'nowhere' in table_sources.csv" in problems


def test_a_source_registered_twice_is_a_problem(tree):
    def change(r):
        r[0]["source_id"] = rows(paths.RAW / "sources.csv")[0]["source_id"]
        return r

    problems = tree("table_sources.csv", change)
    assert any(p.startswith("raw/table_sources.csv:2: source_id:") and "also registered" in p
               for p in problems)
