"""Find the figures in a report's text: one row per number phrase, with its character span.

:func:`find_figures` scans a report for number phrases ("over 5,600", "453,520/495,192 records
(92%)", "ranking 6th out of 63") and reads each with :func:`helpers.quantities.parse_quantity`,
the same code path that reads the curated dataset. It leaves out numbers that are not figures:
calendar dates and years, periods ("first 9 months"), document and project identifiers
("Project 06", "Decision 766/QD-TTg"), ordinals of meetings ("9th meeting"), service levels
("level 2"), times of day, and numbers glued to letters ("5G", "COVID-19").

``python -m helpers.extract REPORT.txt`` prints the figures as rows in the shape of
``data/raw/figures.csv`` for a curator to complete (province, indicator, date, context).

Example:
    >>> text = "On November 20, 2024 the 25 services reached 453,520/495,192 records (92%)."
    >>> find_figures(text)[["text", "value", "denominator", "percent"]].values.tolist()
    [['25', 25.0, nan, nan], ['453,520/495,192 records (92%)', 453520.0, 495192.0, 92.0]]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.quantities import (
    _ONES,
    _TENS,
    _TIME_UNIT,
    DENOMINATOR_LINK,
    MASK,
    ORDINAL_WORD_TOKEN,
    QUALIFIER_PATTERN,
    TOKEN,
    WORD_NUMBERS,
    _either_case,
    mask_non_figures,
    normalize,
    read_masked,
)

COLUMNS = ["start", "end", "text", "value", "denominator", "percent", "unit", "qualifier", "upper"]

_QUAL_BEFORE = re.compile(rf"(?<!\w)(?:{QUALIFIER_PATTERN})\s+$", re.IGNORECASE)
#: A rank verb right before a number or an ordinal word ("ranked 6th", "xếp thứ ba").
_RANK_BEFORE = re.compile(
    r"(?<!\w)(?:ranked|ranking|ranks|rank|placed|came|xếp(?:\s+(?:thứ|hạng))?"
    r"|đứng(?:\s+thứ)?|hạng)\s+(?:(?:the|at|in|No\.?)\s+)?$",
    re.IGNORECASE,
)
_RANK_AFTER = re.compile(
    r"^\s*(?:out\s+of|of|/|nationwide|in\s+the\s+country|among|place|position|trên\s+cả\s+nước)",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    r"(?<!\w)(?:(?:an?\s+)?(?:increase|decrease|rise|drop|growth|reduction|jump)\s+of"
    r"|(?:up|down|increased|decreased|rose|fell|grew|dropped)(?:\s+by)?|tăng|giảm)\s+$",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?:(?<!\w)(?:VND|USD)\s*|(?<!\w)(?:US)?\$)$", re.IGNORECASE)
_TAIL = re.compile(
    r"\s*(?:VND|VNĐ|đồng|dong|USD|dollars?|percentage\s+points?|points?|điểm\s+phần\s+trăm|điểm)"
    r"(?!\w)",
    re.IGNORECASE,
)
_BRACKET_PERCENT = re.compile(
    r"((?:\s+[^\W\d_\x00][\w\-\x00]*+|\s+\x00++){0,5})\s*"
    r"\(\s*(?:[^\W\d_]+\s+){0,2}(?P<num>\d[\d.,]*)\s*%\s*\)",
    re.IGNORECASE,
)
_RANK_WORD_AFTER = re.compile(
    r"(?P<after>\s+(?:place|position)\b)?"
    r"(?P<group>\s+(?:out\s+of|among|trong\s+(?:tổng\s+)?số)(?:\s+the)?\s+\d+)?",
    re.IGNORECASE,
)
_WORD_NUMBER = (
    "(?:" + _either_case(_TENS) + r"(?:-|\s)" + _either_case(_ONES) + r"(?!\w)|"
    + _either_case("|".join(w for w in WORD_NUMBERS if w != "hundred")) + r"(?!\w))"
)  # fmt: skip
#: A number in words ("six", "twenty-five"), with its group when one follows ("six out of
#: eleven"). A lone "one" is too often a pronoun to count.
_WORD_FIGURE = re.compile(
    r"(?<!\w)(?!" + _either_case("one") + r"\s)" + _WORD_NUMBER
    + r"(?:\s+out\s+of\s+(?:the\s+)?" + _WORD_NUMBER + ")?"
    + r"(?=\s+(?!" + _TIME_UNIT + r"\b|of\b)[^\W\d_])",
)  # fmt: skip


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def mask(text: str) -> str:
    """``text`` with every non-figure span (dates, identifiers, ...) blanked, same length.

    The patterns live in :data:`helpers.quantities.NOT_FIGURES`, shared with the parser.

    Example:
        >>> mask("Decision 766/QD-TTg on 20/11/2024: 92%").replace(MASK, "#")
        'Decision ########## on ##########: 92%'
    """
    return mask_non_figures(text)


_DIGIT_RUN = re.compile(r"\d[\d.,]*\d")
#: Runs only one style writes: 1.234.567 or 89,27 (Vietnamese); 1,234,567 or 89.27 (English).
_VI_STYLE = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d+,\d{1,2}")
_EN_STYLE = re.compile(r"\d{1,3}(?:,\d{3}){2,}|\d+\.\d{1,2}")


def document_style(text: str) -> str | None:
    """Guess how a report writes numbers: "en" (1,234.5), "vi" (1.234,5), or None if unclear.

    Example:
        >>> document_style("1.234.567 hồ sơ, đạt 89,27%"), document_style("453,520 and 89.27%")
        ('vi', 'en')
    """
    vi = en = 0
    for run in _DIGIT_RUN.findall(text):
        if _VI_STYLE.fullmatch(run):
            vi += 1
        elif _EN_STYLE.fullmatch(run):
            en += 1
    if vi > en:
        return "vi"
    if en > vi:
        return "en"
    return None


def _candidates(text: str, masked: str) -> list[_Span]:
    tokens = list(TOKEN.finditer(masked))
    spans: list[_Span] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        start, end = token.start(), token.end()
        i += 1
        # A denominator or a range end right after the number joins the phrase.
        if i < len(tokens):
            link = masked[end : tokens[i].start()]
            nxt = tokens[i]
            if (
                len(link) <= 80
                and MASK not in link
                and (
                    (DENOMINATOR_LINK.match(link) and not nxt.group("pct"))
                    or (re.fullmatch(r"\s*-\s*", link))
                    or (re.fullmatch(r"\s*to\s*", link) and nxt.group("pct"))
                )
            ):
                end = nxt.end()
                i += 1
        ordinal = bool(token.group("ord"))
        before = masked[max(0, start - 40) : start]
        rank = _RANK_BEFORE.search(before)
        if rank:
            start -= len(rank.group(0))
        elif ordinal and not _RANK_AFTER.match(masked[token.end() : token.end() + 30]):
            continue  # "the 9th meeting", "the 2nd time": ordinals that are not ranks
        qualifier = _QUAL_BEFORE.search(masked[max(0, start - 30) : start])
        if qualifier:
            start -= len(qualifier.group(0))
        change = _CHANGE_BEFORE.search(masked[max(0, start - 40) : start])
        if change:
            start -= len(change.group(0))
        currency = _CURRENCY_BEFORE.search(masked[max(0, start - 6) : start])
        if currency:
            start -= len(currency.group(0))
        tail = _TAIL.match(masked, end)  # match at a position: no copy of the rest of the text
        if tail:
            end = tail.end()
        bracket = _BRACKET_PERCENT.match(masked, end)
        if bracket and not token.group("pct"):
            end = bracket.end()
            while i < len(tokens) and tokens[i].start() < end:
                i += 1
        spans.append(_Span(start, end))
    for m in _WORD_FIGURE.finditer(masked):
        spans.append(_Span(m.start(), m.end()))
    for m in ORDINAL_WORD_TOKEN.finditer(masked):  # "ranked first", "second place", "thứ ba"
        verb = _RANK_BEFORE.search(masked[max(0, m.start() - 24) : m.start()])
        after = _RANK_WORD_AFTER.match(masked, m.end())
        if verb or after.end() > m.end():
            spans.append(_Span(m.start() - (len(verb.group(0)) if verb else 0), after.end()))
    spans.sort(key=lambda s: (s.start, -s.end))
    kept: list[_Span] = []
    for span in spans:  # a number inside a longer phrase ("34" in "ranks first out of 34")
        if kept and span.start >= kept[-1].start and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return kept


def find_figures(text: str, lang: str | None = None) -> pd.DataFrame:
    """One row per figure in ``text``: its span (``text[start:end]``) and what it reads as.

    ``lang`` ("en" or "vi") says how the report writes numbers; by default it is guessed from
    the text (:func:`document_style`). Phrases that cannot be read unambiguously are left out,
    never guessed; arbitrary text never raises.

    Example:
        >>> df = find_figures("Hai Duong ranked 6th out of 63 provinces, with 82.71/100 points.")
        >>> df[["text", "unit", "value", "denominator"]].values.tolist()
        [['ranked 6th out of 63', 'rank', 6.0, 63.0], ['82.71/100 points', 'points', 82.71, 100.0]]
    """
    text = str(text)
    masked = mask_non_figures(text)
    style = lang or document_style(text)
    rows = []
    for span in _candidates(text, masked):
        phrase = text[span.start : span.end]
        try:
            quantity = read_masked(normalize(masked[span.start : span.end]), None, style, phrase)
        except ValueError:
            continue
        rows.append(
            {
                "start": span.start,
                "end": span.end,
                "text": phrase,
                "value": quantity.value,
                "denominator": quantity.denominator,
                "percent": quantity.percent,
                "unit": quantity.unit,
                "qualifier": quantity.qualifier,
                "upper": quantity.upper,
            }
        )
    df = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("value", "denominator", "percent", "upper"):
        df[column] = df[column].astype(float)
    return df.astype({"start": int, "end": int})


def curation_rows(text: str, lang: str | None = None) -> pd.DataFrame:
    """The figures of a report in the shape of ``data/raw/figures.csv``, for a curator.

    ``stated`` holds the phrase as written; the reading and the character span go in
    ``curator_note``. Province, indicator, date and context are left for the curator.

    Example:
        >>> curation_rows("It reached 92% online.")[["stated", "curator_note"]].values.tolist()
        [['92%', 'read as 92 percent; chars 11-14']]
    """
    from helpers.dataset import FIGURE_COLUMNS

    figures = find_figures(text, lang)
    rows = []
    for row in figures.itertuples(index=False):
        reading = f"{row.value:g} {row.unit}"
        if pd.notna(row.denominator):
            reading += f" of {row.denominator:g}"
        if pd.notna(row.percent):
            reading += f" ({row.percent:g}%)"
        if row.qualifier != "exact":
            reading = f"{row.qualifier} {reading}"
        note = f"read as {reading}; chars {row.start}-{row.end}"
        blank = dict.fromkeys(FIGURE_COLUMNS, "")
        rows.append({**blank, "stated": row.text, "as_of_basis": "stated",
                     "geography": "pre2025", "curator_note": note})  # fmt: skip
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.extract",
        description="Print the figures of a report as rows shaped like data/raw/figures.csv.",
    )
    parser.add_argument("file", type=Path, help="a UTF-8 text file holding the report")
    parser.add_argument("--lang", choices=["en", "vi"], help="how the report writes numbers")
    args = parser.parse_args(argv)
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{args.file}: cannot read: {exc}", file=sys.stderr)
        return 2
    rows = curation_rows(normalize_newlines(text), args.lang)
    rows.to_csv(sys.stdout, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    print(f"{len(rows)} figure(s) in {args.file}", file=sys.stderr)
    return 0


def normalize_newlines(text: str) -> str:
    """Windows and old Mac line ends made ``\\n`` (offsets then match the text as read).

    Example:
        >>> normalize_newlines("a\\r\\nb\\rc")
        'a\\nb\\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


__all__ = ["curation_rows", "document_style", "find_figures", "mask", "normalize"]

if __name__ == "__main__":
    sys.exit(main())
