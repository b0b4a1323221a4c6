"""Read the dataset's CSV tables with their line numbers, and load the processed tables.

Every problem found in the data is a :class:`Problem` that prints as
``file:line: column: what is wrong`` with the line number as an editor shows it (header = 1).

Example:
    >>> str(Problem("data/raw/figures.csv", 12, "province", "unknown province: 'Atlantis'"))
    "data/raw/figures.csv:12: province: unknown province: 'Atlantis'"
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import paths

SOURCES = paths.RAW / "sources.csv"
FIGURES = paths.RAW / "figures.csv"
PROVINCES = paths.REFERENCE / "provinces.csv"
INDICATORS = paths.REFERENCE / "indicators.csv"
TARGETS = paths.REFERENCE / "targets.csv"
OBSERVATIONS = paths.PROCESSED / "observations.csv"
REJECTS = paths.PROCESSED / "rejects.csv"

SOURCE_COLUMNS = [
    "source_id", "url", "publisher", "title", "published", "accessed", "language",
    "number_style", "kind", "seed_file", "notes",
]  # fmt: skip
FIGURE_COLUMNS = [
    "figure_id", "source_id", "province", "indicator", "stated", "as_of", "as_of_basis",
    "denominator_kind", "geography", "scope", "context", "curator_note",
]  # fmt: skip
TARGET_COLUMNS = [
    "target_id", "indicator", "province", "stated", "deadline", "applies_to", "source_id",
    "scope",
]  # fmt: skip
INDICATOR_COLUMNS = ["code", "name", "group", "unit", "higher_is_better", "definition"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one cell (or row) of one data file.

    Example:
        >>> Problem("x.csv", 3, "as_of", "bad date").line
        3
    """

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


class DataError(ValueError):
    """Raised when a data file cannot be read at all; carries its problems.

    Example:
        >>> str(DataError([Problem("a.csv", 1, "header", "missing column 'url'")]))
        "a.csv:1: header: missing column 'url'"
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def relative(path: Path) -> str:
    """A path as shown in messages: relative to the repository root when inside it.

    Example:
        >>> relative(paths.RAW / "figures.csv")
        'data/raw/figures.csv'
    """
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def read_table(path: Path, columns: list[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Read a CSV of strings, keeping each record's line number in a ``_line`` column.

    Records with the wrong number of fields, or a header missing a required column, become
    problems; nothing is dropped silently (a malformed record is reported, not loaded).

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
        >>> _ = p.write_text("a,b\\n1,2\\n3\\n")
        >>> df, problems = read_table(p, ["a", "b"])
        >>> df["_line"].tolist(), [str(x).split(": ", 1)[1] for x in problems]
        ([2], ['row: has 1 field(s), the header has 2'])
    """
    name = relative(path)
    if not path.is_file():
        return pd.DataFrame(columns=[*columns, "_line"]), [Problem(name, 0, "file", "missing")]
    problems: list[Problem] = []
    records: list[list[str]] = []
    lines: list[int] = []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (spreadsheet exports) is not data
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte {raw[exc.start]:#04x}); save the file as UTF-8"
        return pd.DataFrame(columns=[*columns, "_line"]), [Problem(name, line, "file", message)]
    with io.StringIO(text, newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            return pd.DataFrame(columns=[*columns, "_line"]), [Problem(name, 1, "file", "empty")]
        except csv.Error as exc:
            return pd.DataFrame(columns=[*columns, "_line"]), [Problem(name, 1, "file", str(exc))]
        missing = [c for c in columns if c not in header]
        for column in missing:
            problems.append(Problem(name, 1, "header", f"missing column {column!r}"))
        duplicated = sorted({c for c in header if header.count(c) > 1})
        for column in duplicated:
            problems.append(Problem(name, 1, "header", f"column {column!r} appears twice"))
        start = 2
        while True:
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                problems.append(Problem(name, reader.line_num, "row", f"malformed CSV: {exc}"))
                break
            if not any(field.strip() for field in record):
                start = reader.line_num + 1
                continue
            if len(record) != len(header):
                problems.append(
                    Problem(
                        name,
                        start,
                        "row",
                        f"has {len(record)} field(s), the header has {len(header)}",
                    )
                )
            else:
                records.append(record)
                lines.append(start)
            start = reader.line_num + 1
    if missing or duplicated:
        return pd.DataFrame(columns=[*columns, "_line"]), problems
    df = pd.DataFrame(records, columns=header, dtype=str)
    df["_line"] = lines
    return df, problems


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Period:
    """The time a figure describes: first and last day, and how precisely it is known.

    Example:
        >>> parse_period("2024-03")
        Period(start=datetime.date(2024, 3, 1), end=datetime.date(2024, 3, 31), precision='month')
    """

    start: dt.date
    end: dt.date
    precision: str  # day | month | year | period


def _bounds(text: str) -> tuple[dt.date, dt.date, str]:
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if not 1990 <= year <= 2035:
        raise ValueError(f"year out of range: {text!r}")
    try:
        if day is not None:
            d = dt.date(year, month, day)
            return d, d, "day"
        if month is not None:
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1), "month"
    except ValueError as exc:
        raise ValueError(f"not a calendar date: {text!r} ({exc})") from None
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def parse_period(text: str) -> Period:
    """Parse an ``as_of`` value: a date, a month, a year, or an interval ``start/end``.

    Raises:
        ValueError: naming the text when it is not one of those forms.

    Example:
        >>> parse_period("2024-01-01/2024-11-11").precision
        'period'
        >>> parse_period("2022").end
        datetime.date(2022, 12, 31)
    """
    text = str(text).strip()
    if "/" in text:
        left, _, right = text.partition("/")
        try:
            start, _, _ = _bounds(left)
            _, end, _ = _bounds(right)
        except ValueError as exc:
            raise ValueError(f"{exc} in interval {text!r}") from None
        if end < start:
            raise ValueError(f"interval ends before it starts: {text!r}")
        return Period(start, end, "period")
    start, end, precision = _bounds(text)
    return Period(start, end, precision)


def load_observations() -> pd.DataFrame:
    """The processed observations with proper types (dates parsed, numbers as floats).

    Example:
        >>> obs = load_observations()
        >>> {"province_code", "indicator", "value", "source_url"} <= set(obs.columns)
        True
    """
    df = pd.read_csv(
        OBSERVATIONS,
        dtype={"province_code": str, "figure_id": str, "stated": str, "as_of": str},
        keep_default_na=False,
        na_values={c: [""] for c in NUMERIC_COLUMNS},
    )
    for column in ("as_of_start", "as_of_end"):
        df[column] = pd.to_datetime(df[column], format="%Y-%m-%d")
    # A publication date may be known to the day, the month or the year; it is kept as written
    # in ``published`` and read as its first day in ``published_date``.
    df["published_date"] = pd.to_datetime(df["published"], format="ISO8601")
    return df


def load_sources() -> pd.DataFrame:
    """The source register ``data/raw/sources.csv`` (strings; ``published`` kept as written).

    Example:
        >>> load_sources()["source_id"].is_unique
        True
    """
    return pd.read_csv(SOURCES, dtype=str, keep_default_na=False)


def load_indicators() -> pd.DataFrame:
    """The indicator codebook, indexed by code.

    Example:
        >>> load_indicators().loc["dti_rank", "unit"]
        'rank'
    """
    return pd.read_csv(INDICATORS, dtype=str, keep_default_na=False).set_index("code")


NUMERIC_COLUMNS = [
    "value", "upper", "denominator", "percent_stated", "percent_computed", "rate",
]  # fmt: skip
