"""The transcribed all-province tables: their checks and their tidy processed form.

Two tables cover every province on one basis: PAPI's e-governance scores
(``data/raw/papi_egovernance.csv``, :mod:`helpers.papi`) and the GSO's average population
(``data/raw/population.csv``, :mod:`helpers.population`). Their sources are registered in
``data/raw/table_sources.csv`` (same columns as ``sources.csv``; kept apart because these
sources give tables, not report figures). Beyond the pandera schemas, :func:`check` reports
one ``file:line: column: what`` problem for an unknown province, a year the source does not
really hold, a province-year given twice or not at all, a value outside the index's scale or
the plausible range, and a value left blank without the ``missing`` flag (or the reverse).

Example:
    >>> tables, problems = check()
    >>> problems, sorted(tables)
    ([], ['papi', 'population', 'table_sources'])
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import dataset, papi, paths, population, provinces, schemas
from helpers.dataset import Problem

TABLE_SOURCES = "table_sources.csv"
#: Plausible average population of one province (persons): Bac Kan ~0.3 million, HCMC ~9.
POPULATION_RANGE = (100_000, 20_000_000)
GSO_YEARS = range(2011, population.LAST_YEAR + 1)
PAPI_COLUMNS = ["province_code", "province", "unit_2025", "year", "dimension", "dimension_name",
                "scale_min", "scale_max", "value", "flag", "source_id"]  # fmt: skip
POPULATION_COLUMNS = ["province_code", "province", "unit_2025", "year", "population",
                      "source_id"]  # fmt: skip
SPECS = {
    "table_sources": (TABLE_SOURCES, dataset.SOURCE_COLUMNS, schemas.SOURCES),
    "papi": (papi.TABLE.name, papi.COLUMNS, schemas.PAPI),
    "population": (population.TABLE.name, population.COLUMNS, schemas.POPULATION),
}


def _keyed(df: pd.DataFrame, keys: list[str], file: str, what: str) -> list[Problem]:
    """Duplicated keys: one problem on every line that repeats another."""
    repeated = df[df.duplicated(keys, keep=False)]
    return [
        Problem(file, int(row["_line"]), keys[0],
                f"{what} {' '.join(str(row[k]) for k in keys)} is given more than once")
        for _, row in repeated.iterrows()
    ]  # fmt: skip


def _complete(df: pd.DataFrame, groups: list[str], file: str, what: str) -> list[Problem]:
    """Provinces missing from each group (e.g. a year and dimension): one problem per province,
    on the group's first line."""
    found = []
    for key, group in df.groupby(groups, sort=True):
        have = set(group["code"].dropna())
        first = int(group["_line"].min())
        label = " ".join(map(str, key if isinstance(key, tuple) else (key,)))
        for code in provinces.table().index:
            if code not in have:
                found.append(Problem(file, first, "province",
                                     f"{what} {label}: no row for {provinces.name(code)} "
                                     "(every one of the 63 provinces needs one)"))  # fmt: skip
    return found


def _papi_rows(df: pd.DataFrame, file: str, sources: set[str]) -> list[Problem]:
    found = []
    for row in df.to_dict("records"):  # plain dicts: a Series per row is slow
        line = int(row["_line"])

        def problem(column: str, message: str, line=line) -> None:
            found.append(Problem(file, line, column, message))

        if pd.isna(row["code"]):
            problem("province", f"unknown province {row['province']!r}")
        if row["source_id"] not in sources:
            problem("source_id", f"no source {row['source_id']!r} in {TABLE_SOURCES}")
        if not row["year"].isdigit():
            continue
        year = int(row["year"])
        if year not in papi.YEARS:
            problem("year", f"{year} is not a year the workbook really holds (its sheets for "
                    "2020 and 2021 repeat 2019); real years: "
                    + ", ".join(map(str, papi.YEARS)))  # fmt: skip
            continue
        expected = papi.SCALES.get((year, row["dimension"]))
        if expected is None:
            problem("dimension", f"PAPI {year} has no dimension {row['dimension']}")
            continue
        if row["scale"] != expected:
            problem("scale", f"{row['scale']!r}: dimension {row['dimension']} in {year} is on "
                    f"the scale {expected}")  # fmt: skip
        blank = row["value"] == ""
        if blank and row["flag"] != "missing":
            problem("value", "is blank but the flag is not 'missing' (a missing value is never 0)")
        if not blank and row["flag"] == "missing":
            problem("flag", "'missing' but the row has a value")
        if not blank and row["value"].replace(".", "", 1).isdigit():
            low, high = papi.scale_bounds(expected)
            if not low <= float(row["value"]) <= high:
                problem("value", f"{row['value']} is outside the scale {expected} of dimension "
                        f"{row['dimension']}")  # fmt: skip
    return found


def _population_rows(df: pd.DataFrame, file: str, sources: set[str]) -> list[Problem]:
    found = []
    low, high = POPULATION_RANGE
    for row in df.to_dict("records"):  # plain dicts: a Series per row is slow
        line = int(row["_line"])
        if pd.isna(row["code"]):
            found.append(Problem(file, line, "province", f"unknown province {row['province']!r}"))
        if row["source_id"] not in sources:
            found.append(Problem(file, line, "source_id",
                                 f"no source {row['source_id']!r} in {TABLE_SOURCES}"))  # fmt: skip
        if row["year"].isdigit() and int(row["year"]) not in GSO_YEARS:
            found.append(Problem(file, line, "year",
                                 f"{row['year']} is not a year of the GSO table "
                                 f"({GSO_YEARS[0]}–{GSO_YEARS[-1]}); later years are carried "
                                 "forward in code (helpers.population), never stored"))  # fmt: skip
        if row["population"].isdigit() and not low <= int(row["population"]) <= high:
            found.append(Problem(file, line, "population",
                                 f"{int(row['population']):,} persons is outside the plausible "
                                 f"range for a province ({low:,}–{high:,})"))  # fmt: skip
    return found


def check(
    raw: Path = paths.RAW, other_sources: set[str] = frozenset()
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read and check the tables in ``raw``; ``other_sources`` are the ids of ``sources.csv``
    (an id may not be registered in both files).

    Example:
        >>> tables, problems = check()
        >>> len(tables["papi"]), len(tables["population"])
        (1197, 693)
    """
    tables, problems = {}, []
    for name, (filename, columns, schema) in SPECS.items():
        df, found = dataset.read_table(raw / filename, columns)
        problems += found
        if len(df):
            problems += schemas.check(df[[*columns, "_line"]], schema,
                                      dataset.relative(raw / filename))  # fmt: skip
        df = df.assign(code=[provinces.try_resolve(p) for p in df["province"]]
                       if "province" in df else None)  # fmt: skip
        tables[name] = df
    registered = tables["table_sources"]
    sources_file = dataset.relative(raw / TABLE_SOURCES)
    for _, row in registered[registered["source_id"].isin(other_sources)].iterrows():
        message = f"{row['source_id']!r} is also registered in sources.csv"
        problems.append(Problem(sources_file, int(row["_line"]), "source_id", message))
    ids = set(registered["source_id"])
    papi_file = dataset.relative(raw / papi.TABLE.name)
    pop_file = dataset.relative(raw / population.TABLE.name)
    p, q = tables["papi"], tables["population"]
    problems += _papi_rows(p, papi_file, ids) + _population_rows(q, pop_file, ids)
    problems += _keyed(p, ["province", "year", "dimension"], papi_file, "province-year-dimension")
    problems += _keyed(q, ["province", "year"], pop_file, "province-year")
    if len(p):
        problems += _complete(p, ["year", "dimension"], papi_file, "year and dimension")
    if len(q):
        problems += _complete(q, ["year"], pop_file, "year")
    return tables, sorted(set(problems))


def _bad_lines(problems: list[Problem], file: str) -> set[int]:
    return {p.line for p in problems if p.file == file}


def tidy(tables: dict[str, pd.DataFrame], problems: list[Problem],
         raw: Path = paths.RAW) -> dict[str, pd.DataFrame]:  # fmt: skip
    """The processed tables: province codes, names and 2025 units added, typed values; rows
    with a problem are left out (``validate`` reports them).

    Example:
        >>> out = tidy(*check())
        >>> out["papi"].columns.tolist() == PAPI_COLUMNS, len(out["population"])
        (True, 693)
    """
    info = provinces.table()
    p = tables["papi"]
    p = p[~p["_line"].isin(_bad_lines(problems, dataset.relative(raw / papi.TABLE.name)))]
    bounds = [papi.scale_bounds(s) for s in p["scale"]]
    papi_out = pd.DataFrame({
        "province_code": p["code"], "province": p["code"].map(info["name_en"]),
        "unit_2025": p["code"].map(info["unit_2025"]), "year": p["year"].astype(int),
        "dimension": p["dimension"], "dimension_name": p["dimension"].map(papi.DIMENSIONS),
        "scale_min": [b[0] for b in bounds], "scale_max": [b[1] for b in bounds],
        "value": pd.to_numeric(p["value"].replace("", None)).astype(float),
        "flag": p["flag"], "source_id": p["source_id"],
    }, columns=PAPI_COLUMNS)  # fmt: skip
    q = tables["population"]
    q = q[~q["_line"].isin(_bad_lines(problems, dataset.relative(raw / population.TABLE.name)))]
    pop_out = pd.DataFrame({
        "province_code": q["code"], "province": q["code"].map(info["name_en"]),
        "unit_2025": q["code"].map(info["unit_2025"]), "year": q["year"].astype(int),
        "population": q["population"].astype("int64"), "source_id": q["source_id"],
    }, columns=POPULATION_COLUMNS)  # fmt: skip
    return {
        "papi": papi_out.sort_values(["year", "dimension", "province_code"]).reset_index(drop=True),
        "population": pop_out.sort_values(["year", "province_code"]).reset_index(drop=True),
    }
