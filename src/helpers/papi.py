"""The citizens' lens: PAPI's e-governance dimension per province, read from the data workbook.

PAPI (the Provincial Governance and Public Administration Performance Index of CECODES,
VFF-CRT, RTA and UNDP) asks about 14,000–16,000 randomly sampled citizens a year about their
dealings with government. Its dimension 8, *E-Governance* (1–10 points), has three
sub-dimensions: 8.1 use of local e-government portals, 8.2 access to and use of the internet,
8.3 e-responsiveness of the authorities (0.33–3.33 points each from 2019; in 2018 there were
only 8.1 and 8.2, on 0.5–5 points). The overall unweighted PAPI score (10–80 points,
dimension code ``total``) is kept beside it because news reports of the overall score are what
the years of the workbook can be checked against.

``data/raw/papi_egovernance.csv`` is a transcription of the merged provincial workbook
``PAPI-2015-2023(eng).xlsm`` (see ``data/raw/table_sources.csv``). It is written by

    python -m helpers.papi --from-workbook "PATH/PAPI-2015-2023(eng).xlsm"

which needs the workbook (not part of the repository) and ``openpyxl``. What the reader does
with the workbook's traps:

- a sheet whose values repeat an earlier year's sheet is a copy, not a year (the sheets
  labelled 2020 and 2021 repeat 2019), so it is skipped and that year stays absent;
- an empty cell, a 0 (no PAPI scale reaches 0) or a text such as ``KCDL`` (*không có dữ liệu*,
  no data) is a missing value: the row is kept with a blank value and flag ``missing``;
- dimension rows of a province-year that has no overall score are kept but flagged
  ``no_total``: the publishers left the province out of that year's ranking (Bac Giang 2022);
- values are rounded to 4 decimals, the precision PAPI publishes.

Example:
    >>> table = load()
    >>> sorted(table["year"].unique().tolist())
    [2018, 2019, 2022, 2023]
    >>> round(float(value(table, "Quang Ninh", 2022, "total")), 4)
    47.8763
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import pandas as pd

from helpers import paths, provinces

TABLE = paths.RAW / "papi_egovernance.csv"
SOURCE_ID = "papi-provincial-workbook-2015-2023"
COLUMNS = ["province", "year", "dimension", "scale", "value", "source_id", "flag", "note"]
#: Dimension codes in the order they are written, with their English names.
DIMENSIONS = {
    "total": "PAPI overall score (unweighted)",
    "8": "E-Governance",
    "8.1": "Use of local e-government portals",
    "8.2": "Access to and use of the internet",
    "8.3": "E-responsiveness of the authorities",
}
#: The scale of each dimension by survey year, as the workbook's scale column states it.
SCALES = {
    **{(2018, d): s for d, s in {"total": "10-80", "8": "1-10", "8.1": "0.5-5.0",
                                  "8.2": "0.5-5.0"}.items()},
    **{(y, d): s for y in (2019, 2020, 2021, 2022, 2023)
       for d, s in {"total": "10-80", "8": "1-10", "8.1": "0.33-3.33", "8.2": "0.33-3.33",
                    "8.3": "0.33-3.33"}.items()},
}  # fmt: skip
#: Survey years whose provincial table the workbook really holds.
YEARS = (2018, 2019, 2022, 2023)
FLAGS = {
    "": "",
    "missing": "the workbook has no value (an empty cell, a 0 placeholder or 'KCDL', no data)",
    "no_total": "the sheet gives dimension scores but no overall score for this province-year: "
    "the publishers left the province out of that year's ranking",
}
#: What the news said about province-years the sheets leave blank (read by this project).
KNOWN = {
    ("Bac Giang", 2022): "Bac Ninh and Bac Giang were not assessed in PAPI 2022 because their "
    "survey data were judged inaccurate (thitruongbiz.vn/quang-ninh-dan-dau-ve-hieu-qua-quan-tri-"
    "va-hanh-chinh-cong-cap-tinh-10955.html); Bac Giang's own portal says it was left out of the "
    "2021 and 2022 rankings (en.bacgiang.gov.vn, 4 May 2024). Its 2022 dimension scores are "
    "therefore doubtful.",
    ("Bac Ninh", 2022): "Bac Ninh was not assessed in PAPI 2022 (survey data judged inaccurate, "
    "thitruongbiz.vn).",
}

# Labels (the Vietnamese label column exists in every sheet of the English workbook).
_ROWS = {
    "total": re.compile(r"^Chỉ số PAPI( tổng hợp| \d{4})? \(không có trọng số\)$"),
    "8": re.compile(r"^Chỉ số nội dung 8: Quản trị điện tử\*?$"),
    "8.1": re.compile(r"^8\.1: "),
    "8.2": re.compile(r"^8\.2: "),
    "8.3": re.compile(r"^8\.3: "),
}
_SCALE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)")


def scale_bounds(scale: str) -> tuple[float, float]:
    """Lowest and highest score of a scale written like ``'0.33-3.33'``.

    Example:
        >>> scale_bounds("0.33-3.33 điểm/points")
        (0.33, 3.33)
    """
    match = _SCALE.match(str(scale))
    if not match:
        raise ValueError(f"not a scale like '1-10': {scale!r}")
    return float(match[1]), float(match[2])


def _cell(value) -> float | None:
    """A workbook cell as a score, or None when it holds no score (blank, 0, text)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if not math.isfinite(value) or value == 0:
            return None
        return round(float(value), 4)
    return None


def read_sheet(rows: list[tuple], year: int) -> pd.DataFrame:
    """The e-governance rows of one year's sheet (rows as openpyxl gives them, values only).

    The province header is the first row naming at least 60 provinces (in English or
    Vietnamese); a code row above it (from 2019) must agree with the names. Raises ValueError
    naming the sheet and row when a label, scale or province is not what it should be.

    Example:
        >>> names = [provinces.name(c) for c in provinces.table().index]
        >>> codes = [int(c) for c in provinces.table().index]
        >>> rows = [("Mã tỉnh", "Thang điểm", *codes), ("Tỉnh", None, *names),
        ...         ("Chỉ số nội dung 8: Quản trị điện tử", "1-10 điểm", 3.85833, 0, *[5.0] * 61)]
        >>> read_sheet(rows, 2018).head(2)[["province", "dimension", "value"]].to_dict("records")
        [{'province': 'Ha Noi', 'dimension': '8', 'value': 3.8583}, \
{'province': 'Ha Giang', 'dimension': '8', 'value': nan}]
    """
    def first_province(row) -> int | None:
        hits = [i for i, c in enumerate(row) if isinstance(c, str) and provinces.try_resolve(c)]
        return hits[0] if len(hits) >= 60 else None

    header = next((i for i, r in enumerate(rows) if first_province(r) is not None), None)
    if header is None:
        raise ValueError(f"sheet {year}: no row of province names")
    start = first_province(rows[header])
    names = rows[header][start:]
    codes = [provinces.resolve(str(n)) for n in names if n is not None]
    if len(codes) != 63 or len(set(codes)) != 63:
        raise ValueError(f"sheet {year}: {len(set(codes))} distinct provinces, expected 63")
    if header > 0 and isinstance(rows[header - 1][start], int):
        stated = [f"{int(c):02d}" for c in rows[header - 1][start : start + 63]]
        wrong = [(s, c) for s, c in zip(stated, codes, strict=True) if s != c]
        if wrong:
            raise ValueError(f"sheet {year}: code row disagrees with the names: {wrong[:3]}")
    records = []
    for number, row in enumerate(rows, start=1):
        labels = [str(c).strip() for c in row[:start] if isinstance(c, str)]
        dimension = next((d for d, p in _ROWS.items() if any(p.match(x) for x in labels)), None)
        if dimension is None:
            continue
        scale_cell = next((c for c in labels if _SCALE.match(c)), None)
        if scale_cell is None:
            raise ValueError(f"sheet {year} row {number}: no scale for dimension {dimension}")
        scale = "-".join(_SCALE.match(scale_cell).groups())
        if SCALES.get((year, dimension)) != scale:
            raise ValueError(
                f"sheet {year} row {number}: dimension {dimension} on scale {scale}, "
                f"expected {SCALES.get((year, dimension))}"
            )
        for code, raw in zip(codes, row[start : start + 63], strict=True):
            records.append({"province": provinces.name(code), "code": code, "year": year,
                            "dimension": dimension, "scale": scale, "value": _cell(raw),
                            "raw": raw})  # fmt: skip
    table = pd.DataFrame(records)
    if len(table) and table.duplicated(["code", "dimension"]).any():
        raise ValueError(f"sheet {year}: a dimension appears on more than one row")
    return table


def _copy_of(sheet: pd.DataFrame, earlier: dict[int, pd.DataFrame]) -> int | None:
    """The earlier year whose values ``sheet`` repeats exactly, if any."""
    def values(table: pd.DataFrame) -> pd.Series:
        ordered = table.sort_values(["dimension", "code"])["value"]
        return ordered.astype(float).reset_index(drop=True)

    for year, other in earlier.items():
        same = set(other["dimension"]) == set(sheet["dimension"])
        if same and values(other).equals(values(sheet)):
            return year
    return None


def from_rows(sheets: dict[str, list[tuple]]) -> tuple[pd.DataFrame, list[str]]:
    """The transcribed table from a workbook's sheets (name → rows), and what was skipped.

    Sheets named by a year from 2018 (when e-governance entered PAPI) are read; a sheet
    repeating an earlier year is skipped and named in the second return value.

    Example:
        >>> rows = [("Tỉnh", None, *[provinces.name(c) for c in provinces.table().index]),
        ...         ("Chỉ số nội dung 8: Quản trị điện tử", "1-10", *[3.0] * 63)]
        >>> table, skipped = from_rows({"2018x": rows})
        >>> len(table), skipped
        (0, [])
    """
    read: dict[int, pd.DataFrame] = {}
    skipped = []
    surveyed = {year for year, _ in SCALES}  # e-governance entered PAPI in 2018
    for name in sorted(n for n in sheets if re.fullmatch(r"\d{4}", n) and int(n) in surveyed):
        year = int(name)
        sheet = read_sheet(sheets[name], year)
        found = set(sheet["dimension"]) if len(sheet) else set()
        expected = {d for (y, d) in SCALES if y == year}
        if found != expected:
            raise ValueError(
                f"sheet {name}: dimensions {sorted(found)}, expected {sorted(expected)}"
            )
        copied = _copy_of(sheet, read)
        if copied is not None:
            skipped.append(f"sheet {name} repeats the values of sheet {copied}: not a year")
            continue
        read[year] = sheet
    if not read:
        return pd.DataFrame(columns=COLUMNS), skipped
    table = pd.concat(read.values(), ignore_index=True)
    return _annotate(table), skipped


def _annotate(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    totals = table[table["dimension"].eq("total")].set_index(["code", "year"])["value"]
    no_total = table.apply(
        lambda r: r["dimension"] != "total" and pd.notna(r["value"])
        and pd.isna(totals.get((r["code"], r["year"]))), axis=1,
    )  # fmt: skip
    table["flag"] = ""
    table.loc[table["value"].isna(), "flag"] = "missing"
    table.loc[no_total, "flag"] = "no_total"

    def note(row) -> str:
        if row["flag"] == "":
            return ""
        raw = row["raw"]
        if isinstance(raw, str):
            said = f"the text {raw!r}"
        elif isinstance(raw, int | float) and not pd.isna(raw):
            said = f"{raw:g}"
        else:
            said = "nothing (empty cell)"
        first = (f"workbook cell holds {said}" if row["flag"] == "missing" else
                 "no overall score for this province-year in the sheet")  # fmt: skip
        known = KNOWN.get((row["province"], row["year"]), "reason not found in the sources read")
        return f"{first}; {known}"

    table["note"] = table.apply(note, axis=1)
    table["source_id"] = SOURCE_ID
    order = {d: i for i, d in enumerate(DIMENSIONS)}
    table = table.sort_values(
        ["year", "dimension", "code"], key=lambda s: s.map(order) if s.name == "dimension" else s
    )
    return table[COLUMNS].reset_index(drop=True)


def read_workbook(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """Read the merged PAPI workbook (``.xlsm``) at ``path``; needs ``openpyxl``.

    Example:
        >>> read_workbook(Path("no-such.xlsm"))
        Traceback (most recent call last):
        ...
        FileNotFoundError: no-such.xlsm: no such workbook
    """
    if not Path(path).is_file():
        raise FileNotFoundError(f"{path}: no such workbook")
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = {
            ws.title: list(ws.iter_rows(values_only=True))
            for ws in book.worksheets
            if re.fullmatch(r"\d{4}", ws.title)
        }
    finally:
        book.close()
    return from_rows(sheets)


def to_csv_text(table: pd.DataFrame) -> str:
    """The table as the committed CSV text (blank for a missing value, Unix newlines).

    Example:
        >>> t = pd.DataFrame([{"province": "Ha Noi", "year": 2019, "dimension": "8",
        ...     "scale": "1-10", "value": None, "source_id": "s", "flag": "missing", "note": ""}])
        >>> to_csv_text(t).splitlines()[1]
        'Ha Noi,2019,8,1-10,,s,missing,'
    """
    out = table[COLUMNS].copy()
    out["value"] = [
        "" if pd.isna(v) else f"{v:.4f}".rstrip("0").rstrip(".") for v in out["value"]
    ]
    return out.to_csv(index=False, lineterminator="\n")


def load(path: Path = TABLE) -> pd.DataFrame:
    """The transcribed table with ``province_code`` added and ``value`` as float (NaN = missing).

    Example:
        >>> t = load()
        >>> int(t["value"].isna().sum()) == int(t["flag"].eq("missing").sum())
        True
    """
    table = pd.read_csv(path, dtype={"dimension": str, "scale": str}, keep_default_na=False,
                        na_values={"value": [""]})  # fmt: skip
    table["value"] = table["value"].astype(float)
    table.insert(0, "province_code", table["province"].map(provinces.resolve))
    return table


def value(table: pd.DataFrame, province: str, year: int, dimension: str) -> float:
    """One score from the table (NaN when the workbook has none).

    Example:
        >>> value(load(), "Bac Ninh", 2022, "8")
        nan
    """
    code = provinces.resolve(province)
    rows = table[table["province_code"].eq(code) & table["year"].eq(year)
                 & table["dimension"].eq(dimension)]  # fmt: skip
    if len(rows) != 1:
        raise KeyError(f"no single PAPI row for {province!r}, {year}, dimension {dimension}")
    return float(rows["value"].iloc[0])


def scores(table: pd.DataFrame, dimension: str, year: int, usable: bool = True) -> pd.Series:
    """One dimension's scores per province code for one year; with ``usable`` the flagged rows
    (missing, or no overall score) are left out.

    Example:
        >>> s = scores(load(), "8.1", 2022)
        >>> len(s), "24" in s.index   # Bac Ninh missing, Bac Giang flagged
        (61, False)
    """
    rows = table[table["dimension"].eq(dimension) & table["year"].eq(year)]
    if usable:
        rows = rows[rows["flag"].eq("") & rows["value"].notna()]
    return rows.set_index("province_code")["value"].rename(f"PAPI {dimension} ({year})")


def combined(table: pd.DataFrame, dimension: str, years=(2022, 2023)) -> pd.Series:
    """A province's standing on ``dimension`` across ``years``: the mean of its z-scores
    (each year standardised over the provinces it covers), over the years it has a usable score.

    This gives every province a value when each is missing in at most one year (Quang Ninh and
    Binh Duong lack 2023, Bac Ninh and Bac Giang 2022).

    Example:
        >>> z = combined(load(), "8.1")
        >>> len(z), round(float(z.mean()), 1)
        (63, 0.0)
    """
    parts = []
    for year in years:
        s = scores(table, dimension, year)
        parts.append((s - s.mean()) / s.std(ddof=0))
    z = pd.concat(parts, axis=1).mean(axis=1)
    label = f"PAPI {dimension} z ({'/'.join(map(str, years))})"
    return z.reindex(provinces.table().index).rename(label)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--from-workbook", type=Path, required=True, metavar="PATH",
        help="the merged PAPI workbook, e.g. 'PAPI-2015-2023(eng).xlsm'",
    )  # fmt: skip
    parser.add_argument("--output", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    try:
        table, skipped = read_workbook(args.from_workbook)
    except (FileNotFoundError, ValueError, KeyError) as exc:
        print(f"{args.from_workbook}: {exc}", file=sys.stderr)
        return 1
    for line in skipped:
        print(line, file=sys.stderr)
    args.output.write_text(to_csv_text(table), encoding="utf-8")
    years = ", ".join(map(str, sorted(table["year"].unique())))
    print(f"wrote {len(table)} rows (years {years}) to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
