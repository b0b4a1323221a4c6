"""Build ``data/processed/`` from ``data/raw/`` and ``data/reference/``, deterministically.

Every raw figure ends up either in ``observations.csv`` (one tidy row, numbers parsed by
:func:`helpers.quantities.parse_quantity`, audit flags computed) or in ``rejects.csv`` with the
file, line, column and reason. The all-province tables (PAPI e-governance scores, GSO population;
see :mod:`helpers.panels`) are checked and written in tidy form as ``papi.csv`` and
``population.csv``. ``python -m helpers.build`` writes all four;
``python -m helpers.build --check`` exits 1 when the committed files differ from a fresh build.

Every problem is also printed as ``file:line: column: what`` on standard error. A ``stated``
phrase is refused when it does not read as one figure (a vague amount, an ambiguous unit or
direction: see :mod:`helpers.quantities`) and when it reads in a unit that the row's indicator
does not measure (:func:`unit_problem`): a currency other than VND or USD, a unit of measure
such as hectares, a rank or score under another kind of indicator. A fall is kept with its
negative value and ``measure = "change"``.

Example:
    >>> result = build()
    >>> len(result.observations) + result.rejects["figure_id"].nunique() == result.raw_rows
    True
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers import audit, dataset, panels, paths, provinces, schemas
from helpers.dataset import Problem
from helpers.quantities import CHANGE_UNITS, FOREIGN_CURRENCIES, UNITS, parse_quantity

#: Currencies: a figure in one is never stored under an indicator kept in another.
MONEY = {"VND", "USD"}
#: The units a figure may be read in under an indicator kept in each unit. A count may be stated
#: as a share of its whole or as an amount paid; a share as the count behind it; either may be
#: stated as a multiple ("gấp đôi"). Currencies other than VND and USD and units of measure
#: (hectares, tonnes, ...) are measured by no indicator.
MEASURED = {
    "count": {"count", "percent", "VND", "USD", "times"},
    "percent": {"percent", "count", "times"},
    "VND": {"VND", "times"},
    "USD": {"USD", "times"},
    "points": {"points"},
    "rank": {"rank"},
}
#: The indicator for figures that fit no other keeps any of the dataset's units.
OTHER = "other"


def unit_problem(stated: str, unit: str, indicator: str, indicator_unit: str) -> str | None:
    """Why a figure read in ``unit`` cannot be kept under ``indicator``, or None if it can.

    Example:
        >>> unit_problem("5,000 ha", "ha", "other", "count")
        "'5,000 ha' is in ha, a unit no indicator measures (other is kept in count)"
        >>> unit_problem("£2 million", "GBP", "project06_budget", "VND")
        "'£2 million' is in GBP: the dataset keeps money in VND or USD only, and currencies are never converted"
        >>> unit_problem("92%", "percent", "eid_accounts", "count") is None
        True
    """  # noqa: E501
    if indicator_unit in ("rank", "points") and unit != indicator_unit:
        return f"{stated!r} does not read as {indicator_unit}"
    if {unit, indicator_unit} <= MONEY and unit != indicator_unit:
        return (
            f"{stated!r} is in {unit}, but {indicator} is kept in {indicator_unit} and currencies "
            "are never converted (use 'other')"
        )
    if unit in FOREIGN_CURRENCIES:
        return (
            f"{stated!r} is in {unit}: the dataset keeps money in VND or USD only, and "
            "currencies are never converted"
        )
    if unit not in (*UNITS, *CHANGE_UNITS):
        return (
            f"{stated!r} is in {unit}, a unit no indicator measures "
            f"({indicator} is kept in {indicator_unit})"
        )
    allowed = set(UNITS) | set(CHANGE_UNITS) if indicator == OTHER else MEASURED[indicator_unit]
    if unit not in allowed:
        return (
            f"{stated!r} reads as {unit}, which {indicator} (kept in {indicator_unit}) "
            "does not measure"
        )
    return None

OBSERVATION_COLUMNS = [
    "figure_id", "province_code", "province", "province_vi", "region", "unit_2025",
    "geography", "indicator", "indicator_name", "measure", "as_of", "as_of_start", "as_of_end",
    "as_of_precision", "as_of_basis", "value", "upper", "denominator", "denominator_kind",
    "percent_stated", "percent_computed", "rate", "unit", "qualifier", "stated", "scope",
    "context", "curator_note", "source_id", "source_url", "seed_file", "publisher", "published",
    "language",
    "flags", *[f"flag_{name}" for name in audit.FLAGS], "above_denominator_meaning",
]  # fmt: skip
REJECT_COLUMNS = ["figure_id", "file", "line", "column", "reason"]


@dataclass
class BuildResult:
    """What a build produced: observations, rejects, and every problem found on the way."""

    observations: pd.DataFrame
    rejects: pd.DataFrame
    problems: list[Problem]
    raw_rows: int
    #: The all-province tables (PAPI, population) in their tidy processed form.
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: The raw and reference tables as read (:func:`read_inputs`), for further checks.
    inputs: dict[str, pd.DataFrame] = field(default_factory=dict)


def _place(row) -> dict[str, str]:
    """Province columns for a figure row; raises KeyError naming the unknown place."""
    return dict(_place_of(row["geography"], row["province"]))


@functools.lru_cache(maxsize=4096)
def _place_of(geography: str, province: str) -> tuple[tuple[str, str], ...]:
    return tuple(_resolve_place(geography, province).items())


def _resolve_place(geography: str, province: str) -> dict[str, str]:
    if geography == "post2025":
        unit = provinces.resolve_unit_2025(province)
        slug = provinces.normalize(unit).replace(" ", "-")
        vi = provinces.table().query("unit_2025 == @unit")["unit_2025_vi"].iloc[0]
        return {"province_code": f"P25-{slug}", "province": unit, "province_vi": vi,
                "region": "", "unit_2025": unit}  # fmt: skip
    code = provinces.resolve(province)
    if code == provinces.NATIONAL_CODE:
        return {"province_code": code, "province": provinces.NATIONAL_NAME,
                "province_vi": "Việt Nam", "region": "", "unit_2025": ""}  # fmt: skip
    info = provinces.table().loc[code]
    return {"province_code": code, "province": info["name_en"], "province_vi": info["name_vi"],
            "region": info["region"], "unit_2025": info["unit_2025"]}  # fmt: skip


def _published(text: str) -> dt.date | None:
    try:
        return dataset.parse_period(text).end
    except ValueError:
        return None


def process_figures(
    figures: pd.DataFrame, sources: pd.DataFrame, indicators: pd.DataFrame, file: str
) -> tuple[list[dict], list[Problem]]:
    """Turn raw figure rows into observation records; problems for rows that cannot be read.

    Example:
        >>> figs = pd.DataFrame([{"figure_id": "s-01", "source_id": "s", "province": "Atlantis",
        ...     "indicator": "eid_accounts", "stated": "over 5,600", "as_of": "2024",
        ...     "as_of_basis": "stated", "denominator_kind": "", "geography": "pre2025",
        ...     "scope": "", "context": "c", "curator_note": "", "_line": 2}])
        >>> srcs = pd.DataFrame([{"source_id": "s", "url": "https://x", "publisher": "p",
        ...     "published": "2024-12-01", "language": "en", "number_style": "",
        ...     "seed_file": ""}])
        >>> _, problems = process_figures(figs, srcs, dataset.load_indicators(), "f.csv")
        >>> [str(p) for p in problems]
        ["f.csv:2: province: unknown province: 'Atlantis'"]
    """
    # Plain dictionaries, not a pandas Series per row: the build reads every row of the data.
    source_index = {r["source_id"]: r for r in sources.drop_duplicates("source_id")
                    .to_dict("records")}  # fmt: skip
    indicator_index = indicators.to_dict("index")
    records, problems = [], []
    for row in figures.to_dict("records"):
        line = int(row["_line"])
        found: list[Problem] = []

        def problem(column: str, message: str, found=found, line=line) -> None:
            found.append(Problem(file, line, column, message))

        source = source_index.get(row["source_id"])
        if source is None:
            problem("source_id", f"no source with id {row['source_id']!r} in sources.csv")
        elif not source["url"] and not source["seed_file"]:
            problem("source_id", f"source {row['source_id']!r} has neither a URL nor a seed file")
        try:
            place = _place(row)
        except KeyError as exc:
            problem("province", exc.args[0])
            place = None
        indicator = indicator_index.get(row["indicator"])
        if indicator is None:
            problem("indicator", f"unknown indicator {row['indicator']!r} (see indicators.csv)")
        try:
            period = dataset.parse_period(row["as_of"])
        except ValueError as exc:
            problem("as_of", str(exc))
            period = None
        quantity = None
        if indicator is not None:
            lang = (source["number_style"] or source["language"]) if source is not None else None
            try:
                quantity = parse_quantity(row["stated"], unit_hint=indicator["unit"], lang=lang)
            except ValueError as exc:
                problem("stated", f"does not parse: {exc}")
            reason = None if quantity is None else unit_problem(
                row["stated"], quantity.unit, row["indicator"], indicator["unit"]
            )
            if reason:
                problem("stated", reason)
            if (
                quantity is not None
                and quantity.unit == "count"
                and not float(quantity.value).is_integer()
            ):
                problem(
                    "stated",
                    f"{row['stated']!r} reads as {quantity.value:g}, not a whole count: "
                    "check the thousands separator against the source language",
                )
        published = _published(source["published"]) if source is not None else None
        if period is not None and published is not None and period.start > published:
            problem("as_of", f"{row['as_of']!r} starts after the source's publication date")
        problems.extend(found)
        if found:
            continue
        records.append(
            {
                "figure_id": row["figure_id"],
                **place,
                "geography": row["geography"],
                "indicator": row["indicator"],
                "indicator_name": indicator["name"],
                "measure": quantity.measure,
                "as_of": row["as_of"],
                "as_of_start": period.start.isoformat(),
                "as_of_end": period.end.isoformat(),
                "as_of_precision": period.precision,
                "as_of_basis": row["as_of_basis"],
                "value": quantity.value,
                "upper": quantity.upper,
                "denominator": quantity.denominator,
                "denominator_kind": row["denominator_kind"],
                "percent_stated": quantity.percent,
                "unit": quantity.unit,
                "qualifier": quantity.qualifier,
                "stated": row["stated"],
                "scope": row["scope"],
                "context": row["context"],
                "curator_note": row["curator_note"],
                "source_id": row["source_id"],
                "source_url": source["url"],
                "seed_file": source["seed_file"],
                "publisher": source["publisher"],
                "published": source["published"],
                "language": source["language"],
            }
        )
    return records, problems


def read_inputs(
    raw: Path = paths.RAW, reference: Path = paths.REFERENCE
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read the raw and reference tables; structural and schema problems come back too.

    Example:
        >>> tables, problems = read_inputs()
        >>> sorted(tables)
        ['figures', 'indicators', 'sources', 'targets']
    """
    specs = {
        "sources": (raw / "sources.csv", dataset.SOURCE_COLUMNS, schemas.SOURCES),
        "figures": (raw / "figures.csv", dataset.FIGURE_COLUMNS, schemas.FIGURES),
        "indicators": (reference / "indicators.csv", dataset.INDICATOR_COLUMNS, schemas.INDICATORS),
        "targets": (reference / "targets.csv", dataset.TARGET_COLUMNS, schemas.TARGETS),
    }
    tables, problems = {}, []
    for name, (path, columns, schema) in specs.items():
        df, found = dataset.read_table(path, columns)
        problems += found
        if len(df):
            problems += schemas.check(df[[*columns, "_line"]], schema, dataset.relative(path))
        tables[name] = df
    sources_file = dataset.relative(raw / "sources.csv")
    if len(tables["sources"]):
        urls = tables["sources"]["url"]
        for _, row in tables["sources"][urls.ne("") & urls.duplicated(keep=False)].iterrows():
            problems.append(
                Problem(sources_file, int(row["_line"]), "url",
                        f"{row['url']!r} is registered twice: one row per source document")
            )  # fmt: skip
    for _, row in tables["sources"].iterrows():
        if not row.get("url") and not row.get("seed_file"):
            problems.append(
                Problem(sources_file, int(row["_line"]), "url",
                        "is empty (a source needs a URL, or its seed file when no page was found)")
            )  # fmt: skip
    return tables, problems


def build(raw: Path = paths.RAW, reference: Path = paths.REFERENCE) -> BuildResult:
    """Build observations and rejects in memory (nothing is written).

    Example:
        >>> bool(build().observations["province_code"].isin(["VN"]).any())
        True
    """
    tables, problems = read_inputs(raw, reference)
    figures_file = dataset.relative(raw / "figures.csv")
    indicators = tables["indicators"].drop_duplicates("code").set_index("code")
    records, row_problems = process_figures(
        tables["figures"], tables["sources"], indicators, figures_file
    )
    table_data, table_problems = panels.check(raw, set(tables["sources"]["source_id"]))
    problems = sorted(set(problems + row_problems + table_problems))
    # A figure row is rejected for any problem on its line, from the schema or the row checks.
    lines = tables["figures"].set_index("_line")["figure_id"]
    bad = [p for p in problems if p.file == figures_file and p.line in lines.index]
    rejected_ids = {lines[p.line] for p in bad}
    rejects = pd.DataFrame(
        [
            {
                "figure_id": lines[p.line],
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "reason": p.message,
            }
            for p in bad
        ],
        columns=REJECT_COLUMNS,
    )
    kept = [r for r in records if r["figure_id"] not in rejected_ids]
    obs = pd.DataFrame(kept)
    if len(obs):
        for column in ("value", "upper", "denominator", "percent_stated"):
            obs[column] = pd.to_numeric(obs[column]).astype(float)
        obs = audit.add_flags(obs)
        obs = obs[OBSERVATION_COLUMNS].sort_values("figure_id", kind="stable")
    else:
        obs = pd.DataFrame(columns=OBSERVATION_COLUMNS)
    return BuildResult(obs.reset_index(drop=True), rejects, problems, len(tables["figures"]),
                       panels.tidy(table_data, problems, raw), tables)  # fmt: skip


def to_csv(df: pd.DataFrame) -> str:
    """Deterministic CSV text (fixed float format, Unix newlines).

    Example:
        >>> to_csv(pd.DataFrame({"a": [0.1, float("nan")], "b": ["x", "y"]}))
        'a,b\\n0.1,x\\n,y\\n'
    """
    buffer = io.StringIO()
    df.to_csv(buffer, index=False, lineterminator="\n", float_format="%.10g")
    return buffer.getvalue()


def outputs(result: BuildResult) -> dict[Path, str]:
    """The files a build writes, as text keyed by path.

    Example:
        >>> sorted(p.name for p in outputs(build()))
        ['observations.csv', 'papi.csv', 'population.csv', 'rejects.csv']
    """
    return {
        dataset.OBSERVATIONS: to_csv(result.observations),
        dataset.REJECTS: to_csv(result.rejects),
        **{paths.PROCESSED / f"{name}.csv": to_csv(table) for name, table in result.tables.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args(argv)
    result = build()
    for problem in result.problems:  # each refused row, as `file:line: column: what`
        print(problem, file=sys.stderr)
    stale = []
    for path, text in outputs(result).items():
        if args.check:
            current = path.read_text(encoding="utf-8") if path.is_file() else None
            if current != text:
                stale.append(dataset.relative(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run `make build-data`): " + ", ".join(stale), file=sys.stderr)
        return 1
    verb = "checked" if args.check else "wrote"
    tables = ", ".join(f"{len(t)} {name} rows" for name, t in result.tables.items())
    print(
        f"{verb} {len(result.observations)} observations and "
        f"{result.rejects['figure_id'].nunique()} rejected figure rows "
        f"(of {result.raw_rows} raw rows), {tables} in {dataset.relative(paths.PROCESSED)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
