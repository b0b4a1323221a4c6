"""Denominators: average population per province (GSO table V02.01), and how 2021 is carried on.

``data/raw/population.csv`` transcribes the General Statistics Office's average population of
the 63 provinces for 2011–2021 (persons; GSO publishes thousands with two decimals) from a copy
of table V02.01 (see ``data/raw/table_sources.csv``). It is written by

    python -m helpers.population --from-workbook "PATH/population by county.xlsx"

The wide sheet has no header row; the year of each column is read from the long-format
``Population.xlsx`` beside it (same values, one row per province and year), and a column whose
values do not match exactly one year there is an error.

No provincial table for 2022 or later was found, so nothing is transcribed for those years.
Rates for later dates need a denominator all the same; :func:`carry_forward` extends 2021 by a
stated rule and labels every such value. The default rule applies each province's own compound
annual growth of 2019–2021; only these years are used because the 2019 census re-based the
series (Ha Noi jumps by 7.6% from 2018 to 2019, some Mekong provinces fall), so growth across
2018–2019 measures the revision, not people. :func:`rule_effect` shows how much the choice
matters against a flat 2021 and the national 2019–2021 growth.

Example:
    >>> pop = load()
    >>> years = pop["year"]
    >>> int(years.min()), int(years.max()), int(pop.query("year == 2019")["population"].sum())
    (2011, 2021, 96484000)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import paths, provinces

TABLE = paths.RAW / "population.csv"
SOURCE_ID = "gso-v0201-average-population-2011-2021"
COLUMNS = ["province", "year", "population", "source_id"]
LAST_YEAR = 2021
#: Years after the census re-basing that the carry-forward rules use.
GROWTH_YEARS = (2019, 2021)
RULES = {
    "own_growth": "each province's own compound annual growth of 2019–2021",
    "flat": "the 2021 population unchanged",
    "national_growth": "the national compound annual growth of 2019–2021 for every province",
}


def from_tables(wide: pd.DataFrame, long: pd.DataFrame) -> pd.DataFrame:
    """The tidy table from the wide sheet (province, then one column per year, no header) and
    the long table (``city``, ``year``, ``population``) that names the years.

    Raises ValueError when a column matches no single year, or a province is unknown.

    Example:
        >>> wide = pd.DataFrame([["Ha Noi", 8093900, 8246540.000000001]])
        >>> long = pd.DataFrame({"city": ["Ha Noi"] * 2, "year": ["2019", 2020],
        ...                      "population": [8093900, 8246540]})
        >>> from_tables(wide, long)[["province", "year", "population"]].to_dict("records")
        [{'province': 'Ha Noi', 'year': 2019, 'population': 8093900}, \
{'province': 'Ha Noi', 'year': 2020, 'population': 8246540}]
    """
    codes = wide.iloc[:, 0].map(lambda n: provinces.resolve(str(n)))
    if codes.duplicated().any():
        raise ValueError(f"provinces listed twice: {sorted(codes[codes.duplicated()])}")
    long = long.assign(
        code=long["city"].map(lambda n: provinces.resolve(str(n))),
        year=long["year"].astype(int),
        persons=pd.to_numeric(long["population"]).round().astype("int64"),
    )
    lookup = long.set_index(["code", "year"])["persons"]
    records = []
    for column in wide.columns[1:]:
        values = pd.to_numeric(wide[column]).round().astype("int64")
        years = [
            y for y in sorted(long["year"].unique())
            if all(lookup.get((c, y)) == v for c, v in zip(codes, values, strict=True))
        ]  # fmt: skip
        if len(years) != 1:
            raise ValueError(f"column {column}: matches years {years} of the long table, not one")
        for code, persons in zip(codes, values, strict=True):
            records.append({"province": provinces.name(code), "year": years[0],
                            "population": int(persons), "source_id": SOURCE_ID})  # fmt: skip
    table = pd.DataFrame(records, columns=COLUMNS)
    order = {c: i for i, c in enumerate(provinces.table().index)}
    table = table.sort_values(["year", "province"],
                              key=lambda s: s.map(lambda n: order[provinces.resolve(n)])
                              if s.name == "province" else s)  # fmt: skip
    return table.reset_index(drop=True)


def read_workbook(path: Path, years_from: Path | None = None) -> pd.DataFrame:
    """Read ``population by county.xlsx`` (sheet V02.01) and, for the years, ``Population.xlsx``
    in the same folder unless ``years_from`` names it. Needs ``openpyxl``.

    Example:
        >>> read_workbook(Path("nowhere.xlsx"))
        Traceback (most recent call last):
        ...
        FileNotFoundError: nowhere.xlsx: no such workbook
    """
    path = Path(path)
    years_from = Path(years_from or path.with_name("Population.xlsx"))
    for file in (path, years_from):
        if not file.is_file():
            raise FileNotFoundError(f"{file}: no such workbook")
    wide = pd.read_excel(path, sheet_name="V02.01", header=None, engine="openpyxl")
    long = pd.read_excel(years_from, sheet_name=0, engine="openpyxl")
    return from_tables(wide, long)


def load(path: Path = TABLE) -> pd.DataFrame:
    """The transcribed table with ``province_code``; population in persons.

    Example:
        >>> load().groupby("year").size().eq(63).all()
        np.True_
    """
    table = pd.read_csv(path, dtype={"population": "int64"}, keep_default_na=False)
    table.insert(0, "province_code", table["province"].map(provinces.resolve))
    return table


def growth(pop: pd.DataFrame, years: tuple[int, int] = GROWTH_YEARS) -> pd.Series:
    """Compound annual growth per province code between the two ``years``.

    Example:
        >>> p = pd.DataFrame({"province_code": ["01"] * 2, "year": [2019, 2021],
        ...                   "population": [100.0, 121.0]})
        >>> round(float(growth(p).loc["01"]), 6)
        0.1
    """
    first, last = years
    wide = pop.pivot_table(index="province_code", columns="year", values="population")
    return ((wide[last] / wide[first]) ** (1 / (last - first)) - 1).rename("growth")


def carry_forward(pop: pd.DataFrame, years, rule: str = "own_growth") -> pd.DataFrame:
    """Populations for ``years`` after 2021 by ``rule`` (see :data:`RULES`), rounded to persons.

    Example:
        >>> p = pd.DataFrame({"province_code": ["01", "01", "02", "02"],
        ...                   "year": [2019, 2021, 2019, 2021],
        ...                   "population": [100.0, 121.0, 100.0, 100.0]})
        >>> carry_forward(p, [2022], "own_growth")["population"].tolist()
        [133.0, 100.0]
        >>> carry_forward(p, [2022], "national_growth")["population"].tolist()  # totals 200 -> 221
        [127.0, 105.0]
    """
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}: one of {', '.join(RULES)}")
    base = pop[pop["year"].eq(LAST_YEAR)].set_index("province_code")["population"]
    if rule == "own_growth":
        rate = growth(pop)
    elif rule == "national_growth":
        totals = pop.groupby("year")["population"].sum()
        first, last = GROWTH_YEARS
        rate = pd.Series((totals[last] / totals[first]) ** (1 / (last - first)) - 1, base.index)
    else:
        rate = pd.Series(0.0, base.index)
    rows = []
    for year in years:
        if year <= LAST_YEAR:
            raise ValueError(f"{year} is a GSO year: nothing to carry forward")
        values = (base * (1 + rate.reindex(base.index)) ** (year - LAST_YEAR)).round()
        rows.append(pd.DataFrame({"province_code": base.index, "year": year,
                                  "population": values.to_numpy(), "rule": rule}))  # fmt: skip
    return pd.concat(rows, ignore_index=True)


def denominators(pop: pd.DataFrame | None = None, through: int = 2025,
                 rule: str = "own_growth") -> pd.DataFrame:  # fmt: skip
    """Population per province and year, 2011 to ``through``: GSO where it exists, carried
    forward after 2021; ``basis`` says which.

    Example:
        >>> d = denominators()
        >>> d.groupby("basis")["year"].agg(["min", "max"]).to_dict("index")
        {'GSO': {'min': 2011, 'max': 2021}, 'own_growth': {'min': 2022, 'max': 2025}}
    """
    pop = load() if pop is None else pop
    observed = pop[["province_code", "year", "population"]].assign(basis="GSO")
    later = carry_forward(pop, range(LAST_YEAR + 1, through + 1), rule)
    later = later.rename(columns={"rule": "basis"})
    out = pd.concat([observed, later], ignore_index=True)
    out["population"] = out["population"].astype(float)
    return out.sort_values(["province_code", "year"]).reset_index(drop=True)


def population_for(codes, years, table: pd.DataFrame | None = None) -> np.ndarray:
    """The denominator for each (province code, year) pair (NaN where there is none).

    Example:
        >>> population_for(["01"], [2019])
        array([8093900.])
    """
    table = denominators() if table is None else table
    lookup = table.set_index(["province_code", "year"])["population"]
    return np.array([lookup.get((c, int(y)), np.nan) for c, y in zip(codes, years, strict=True)])


def rule_effect(pop: pd.DataFrame | None = None, year: int = 2024) -> pd.DataFrame:
    """How far the other rules land from the default for ``year``, per province, in percent of
    the default (positive = that rule gives more people, so lower per-resident rates).

    Example:
        >>> effect = rule_effect()
        >>> list(effect.columns)
        ['province', 'own_growth', 'flat', 'national_growth', 'flat_vs_own_%', 'national_vs_own_%']
    """
    pop = load() if pop is None else pop
    wide = pd.DataFrame({
        rule: carry_forward(pop, [year], rule).set_index("province_code")["population"]
        for rule in RULES
    })  # fmt: skip
    wide.insert(0, "province", [provinces.name(c) for c in wide.index])
    for rule, label in (("flat", "flat_vs_own_%"), ("national_growth", "national_vs_own_%")):
        wide[label] = ((wide[rule] / wide["own_growth"] - 1) * 100).round(2)
    return wide


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from-workbook", type=Path, required=True, metavar="PATH",
                        help="'population by county.xlsx' (sheet V02.01)")  # fmt: skip
    parser.add_argument("--years-from", type=Path, default=None, metavar="PATH",
                        help="the long table naming the years (default: Population.xlsx beside it)")
    parser.add_argument("--output", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    try:
        table = read_workbook(args.from_workbook, args.years_from)
    except (FileNotFoundError, ValueError, KeyError) as exc:
        print(f"{args.from_workbook}: {exc}", file=sys.stderr)
        return 1
    table.to_csv(args.output, index=False, lineterminator="\n")
    print(f"wrote {len(table)} rows ({table['year'].min()}–{table['year'].max()}) to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
