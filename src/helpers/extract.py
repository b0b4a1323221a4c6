"""Find the figures in a report's text: one row per number phrase, with its character span.

:func:`find_figures` scans a report for number phrases ("over 5,600", "453,520/495,192 records
(92%)", "ranking 6th out of 63") and reads each with :func:`helpers.quantities.parse_quantity`,
the same code path that reads the curated dataset. It leaves out numbers that are not figures:
calendar dates and years, periods ("first 9 months"), document and project identifiers
("Project 06", "Decision 766/QD-TTg"), ordinals of meetings ("9th meeting", "phiên họp thứ 4"),
service levels ("level 2"), times of day, and numbers glued to letters ("5G", "COVID-19").

Each phrase reaches as far as the words that change its reading, so that the parser sees them
and never offers a wrong value: a rise or fall before or after the number ("fell 5%", "giảm
5%", "5% lower"), the opening and the scale word of a range ("from 1.5 to 2 million", "từ 1,5
đến 2 triệu"), a multiplier ("3 times higher", "gấp 3 lần"), a currency or unit ("£2 million",
"5.000 ha"), a comparative ("cao hơn 3,4% so với"). Numbers, fractions and multipliers in words
("two hundred thousand", "two-thirds", "một nửa", "gấp đôi") are found too; vague amounts
("several hundred", "hàng nghìn") and phrases the parser refuses are left out.

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
    _TIME_UNIT,
    DENOMINATOR_LINK,
    MASK,
    ORDINAL_WORD_TOKEN,
    PERCENT_WORDS,
    QUALIFIER_PATTERN,
    TOKEN,
    mask_non_figures,
    normalize,
    read_masked,
)
from helpers.vocabulary import (
    CHANGE_FROM,
    COMPARATIVES,
    COMPARED,
    DIRECTION_AFTER,
    DIRECTION_BEFORE,
    DIRECTION_GAP,
    FOREIGN_AFTER,
    FOREIGN_CURRENCY,
    FRACTION_SCAN,
    LEVEL_MARK,
    MEASURE_AFTER,
    METRE_OR_MILLION,
    MULTIPLIER_SCAN,
    PHRASAL_VERB,
    PLACES_AFTER,
    RANGE_START,
    SIGN_WORD,
    TIMES_AFTER,
    TIMES_BEFORE,
    UPDOWN_GAP,
    WORD_NUMBER_SCAN,
    WORD_SCALE_END,
    is_period_fraction,
)

COLUMNS = [
    "start", "end", "text", "value", "denominator", "percent", "unit", "qualifier", "upper",
    "measure",
]  # fmt: skip

_QUAL_BEFORE = re.compile(rf"(?<!\w)(?:{QUALIFIER_PATTERN})\s+$", re.IGNORECASE)
#: A rank verb right before a number or an ordinal word ("ranked 6th", "xếp thứ ba").
_RANK_BEFORE = re.compile(
    r"(?<!\w)(?:ranked|ranking|ranks|rank|placed|came|xếp(?:\s+(?:thứ|hạng))?"
    r"|đứng(?:\s+thứ)?|hạng)\s+(?:(?:the|at|in|No\.?)\s+)?$",
    re.IGNORECASE,
)
_RANK_AFTER = re.compile(
    r"\s*(?:out\s+of|of|/|nationwide|in\s+the\s+country|among|place|position|trên\s+cả\s+nước)",
    re.IGNORECASE,
)
#: A currency written before the number: "VND 15 billion", "US$1.2 million", "£2 million".
_CURRENCY_BEFORE = re.compile(
    rf"(?:(?<!\w)(?:VND|VNĐ|USD)\s*|(?<!\w)(?:US)?\$|(?:{FOREIGN_CURRENCY.pattern})\s*)$",
    re.IGNORECASE,
)
#: Units written after the number, in the order they are tried.
_TAILS = [
    re.compile(
        r"\s*(?:VND|VNĐ|đồng|dong|USD|dollars?|percentage\s+points?|points?"
        r"|điểm\s+phần\s+trăm|điểm)(?!\w)",
        re.IGNORECASE,
    ),
    TIMES_AFTER,
    PLACES_AFTER,
    MEASURE_AFTER,
    FOREIGN_AFTER,
    re.compile(rf"\s*(?:{FOREIGN_CURRENCY.pattern})"),
    METRE_OR_MILLION,
    re.compile(r"\s*pounds?\b", re.IGNORECASE),  # money or weight: the parser refuses it
    re.compile(r"\+(?![\d\x00])|\s*-?\s*odd\b", re.IGNORECASE),  # "100+", "100-odd"
]
#: "/h", "per person", "mỗi hộ" after a unit: a rate, which the parser refuses.
_RATE_AFTER = re.compile(r"\s*(?:/\s*|per\s+|mỗi\s+|trên\s+(?:một|mỗi)\s+)[^\W\d_]+", re.I)
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
#: A number in words must be followed by a noun ("five districts"), not a time unit or "of"
#: ("two years", "two of them"), unless it names a scale ("half a million").
_NOUN_AFTER = re.compile(
    rf"\s+(?!(?:{_TIME_UNIT})\b|of\b)[^\W\d_]|\s+out\s+of\b", re.IGNORECASE
)
_WORD_GROUP = re.compile(r"\s+out\s+of\s+(?:the\s+)?", re.IGNORECASE)
#: What ends the clause a number stands in, for looking back for its rise or fall.
_CLAUSE_END = re.compile(r".*(?:[.;:!?()\[\]\n,]|\b(?:and|while|but|which|và|nhưng)\s)", re.S)
#: "by" right before the number: the rise or fall may stand further back ("increased the
#: number of applications by 12%").
_BY_BEFORE = re.compile(rf"\bby\s+(?:(?:{QUALIFIER_PATTERN})\s+)?[+\-]?$", re.IGNORECASE)
#: A hyphen, dash or minus sign as a report may write it (the parser reads them all as "-").
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASH = re.compile(rf"\s*[{_DASHES}]\s*")
_CONNECTOR = re.compile(r"\s*(?:to|đến|tới|and|và|or|hoặc|hay|,)\s*", re.IGNORECASE)
_ARTICLE = re.compile(r"(?<!\w)an?\s+$", re.IGNORECASE)


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


def _joins(masked: str, token: re.Match, nxt: re.Match) -> bool:
    """Whether the number ``nxt`` belongs to the phrase of ``token``: its denominator, or the
    upper end of a range. A scale word written once at the end ("1.5 to 2 million", "1.5 or 2
    million") always joins, so that the first number is never read without it."""
    link = masked[token.end() : nxt.start()]
    if len(link) > 80 or MASK in link:
        return False
    if DENOMINATOR_LINK.match(link) and not nxt.group("pct"):
        return True
    if _DASH.fullmatch(link):
        return True
    if not _CONNECTOR.fullmatch(link):
        return False
    before = masked[max(0, token.start() - 60) : token.start()]
    opened = RANGE_START.search(before)
    if opened and CHANGE_FROM.search(before):
        return False  # "rose from 50% to 60%": the two levels are read one by one
    shares_scale = bool(nxt.group("scale") or nxt.group("abbr") or nxt.group("pct")) and not (
        token.group("scale") or token.group("abbr") or token.group("pct")
    )
    if re.fullmatch(r"\s*(?:to|đến|tới)\s*", link, re.IGNORECASE):
        return bool(nxt.group("pct")) or shares_scale or bool(opened)
    if re.fullmatch(r"\s*(?:and|và)\s*", link, re.IGNORECASE):
        between = opened and opened.group("word").lower() in ("between", "giữa")
        return bool(between) or shares_scale
    return shares_scale and bool(re.fullmatch(r"\s*(?:or|hoặc|hay|,)\s*", link, re.I))


def _direction_start(masked: str, start: int) -> int:
    """Where the phrase of a number starting at ``start`` begins once a rise or fall before it
    is included ("fell 5%", "an increase of more than 35,000", "increased the number of
    applications by 12%"); ``start`` itself when the number is a level ("rose to 90%")."""
    window = masked[max(0, start - 80) : start]
    clause = _CLAUSE_END.match(window)
    offset = clause.end() if clause else 0
    words = list(DIRECTION_BEFORE.finditer(window, offset))
    if not words:
        return start
    m = words[-1]
    gap = window[m.end() :]
    if m.group("updown"):
        near = UPDOWN_GAP.match(gap) and not PHRASAL_VERB.search(window[: m.start()])
        return start - len(window) + m.start() if near else start
    if LEVEL_MARK.search(gap):
        return start
    if DIRECTION_GAP.match(gap) or (_BY_BEFORE.search(gap) and not re.search(r"[\d\x00]", gap)):
        article = _ARTICLE.search(window, 0, m.start())  # "an increase of 66%"
        return start - len(window) + (article.start() if article else m.start())
    return start


def _tail(masked: str, end: int, words: bool = False) -> int:
    """Where the phrase of a number ending at ``end`` ends once the units, multiplier, rise or
    fall written after it are included ("5,000 ha", "3 times higher", "5% lower")."""
    for pattern in ([PERCENT_WORDS] if words else []) + _TAILS:
        m = pattern.match(masked, end)
        if m:
            end = m.end()
            if pattern is MEASURE_AFTER:
                rate = _RATE_AFTER.match(masked, end)
                end = rate.end() if rate else end
            break
    after = DIRECTION_AFTER.match(masked, end)
    return after.end() if after else end


def _extend(masked: str, start: int, end: int, number: bool = True) -> _Span:
    """The whole phrase of a number at ``masked[start:end]``: currency, qualifier and rise or
    fall before it, units and comparatives after it."""
    if number:
        if start >= 1 and masked[start - 1] in "+" + _DASHES and (
            start == 1 or masked[start - 2].isspace() or masked[start - 2] in "([:;"
        ):
            start -= 1  # a sign written onto the number: "-5%", "(+12%)"
        sign = SIGN_WORD.search(masked, max(0, start - 12), start)
        if sign:
            start = sign.start()  # "âm 2%", "negative 2%"
        currency = _CURRENCY_BEFORE.search(masked[max(0, start - 8) : start])
        if currency:
            start -= len(currency.group(0))
        times = TIMES_BEFORE.search(masked[max(0, start - 6) : start])
        if times:
            start -= len(times.group(0))
    qualifier = _QUAL_BEFORE.search(masked[max(0, start - 30) : start])
    if qualifier:
        start -= len(qualifier.group(0))
    start = _direction_start(masked, start)
    end = _tail(masked, end, words=not number)
    if qualifier and " ".join(qualifier.group(0).lower().split()) in COMPARATIVES:
        compared = COMPARED.match(masked, end)  # "cao hơn 3,4% so với": a difference
        if compared:
            end = compared.end()
    return _Span(start, end)


def _number_spans(masked: str) -> list[_Span]:
    tokens = list(TOKEN.finditer(masked))
    spans: list[_Span] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        start, end = token.start(), token.end()
        i += 1
        # A denominator or a range end right after the number joins the phrase, with the word
        # that opens the range ("from 10 to 20", "between 40 and 45 percent", "từ 2 đến 3").
        if i < len(tokens) and _joins(masked, token, tokens[i]):
            end = tokens[i].end()
            i += 1
            opened = RANGE_START.search(masked[max(0, start - 40) : start])
            if opened and not DENOMINATOR_LINK.match(masked[token.end() : tokens[i - 1].start()]):
                start -= len(opened.group(0))
        ordinal = bool(token.group("ord"))
        before = masked[max(0, start - 40) : start]
        rank = _RANK_BEFORE.search(before)
        if rank:
            start -= len(rank.group(0))
        elif ordinal and not _RANK_AFTER.match(masked, token.end()):
            continue  # "the 9th meeting", "the 2nd time": ordinals that are not ranks
        span = _extend(masked, start, end)
        end = span.end
        bracket = _BRACKET_PERCENT.match(masked, end)
        if bracket and not token.group("pct"):
            end = bracket.end()
            while i < len(tokens) and tokens[i].start() < end:
                i += 1
        spans.append(_Span(span.start, end))
    return spans


#: Words that every fraction or multiplier in words contains: the report is searched for these
#: with ``str.find`` and the full pattern is tried only around them (a regular expression with
#: many alternatives is slow to run over a whole report).
_FRACTION_ANCHORS = ("half", "halves", "third", "quarter", "fourth", "fifth", "sixth",
                     "seventh", "eighth", "ninth", "tenth", "phần", "nửa")  # fmt: skip
_MULTIPLIER_ANCHORS = ("twice", "doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "gấp",
                       "nhân")  # fmt: skip


def _anchored(masked: str, pattern: re.Pattern, anchors: tuple[str, ...]) -> list[re.Match]:
    """The matches of ``pattern`` in ``masked`` that hold one of ``anchors`` (in lower case or
    capitalised), found without scanning the whole text with ``pattern``."""
    found: dict[tuple[int, int], re.Match] = {}
    for anchor in anchors:
        for form in {anchor, anchor.capitalize()}:
            at = masked.find(form)
            while at >= 0:
                m = pattern.search(masked, max(0, at - 24), at + len(form) + 24)
                while m and m.start() <= at:
                    found[m.span()] = m
                    m = pattern.search(masked, m.end(), at + len(form) + 24)
                at = masked.find(form, at + 1)
    return sorted(found.values(), key=lambda m: m.start())


def _word_spans(masked: str) -> list[_Span]:
    """Numbers, fractions and multipliers in words: "five districts", "two hundred thousand",
    "two-thirds", "một nửa", "twice", "gấp đôi"."""
    spans = []
    for m in WORD_NUMBER_SCAN.finditer(masked):
        phrase, end = m.group(0), m.end()
        scaled = bool(WORD_SCALE_END.search(phrase))
        if phrase.lower() == "one" or not (scaled or _NOUN_AFTER.match(masked, end)):
            continue  # a lone "one" is too often a pronoun to count
        group = _WORD_GROUP.match(masked, end)
        if group:
            other = WORD_NUMBER_SCAN.match(masked, group.end())
            if other:
                end = other.end()
        spans.append(_extend(masked, m.start(), end, number=False))
    for m in _anchored(masked, FRACTION_SCAN, _FRACTION_ANCHORS):
        if not is_period_fraction(masked, *m.span()):
            spans.append(_extend(masked, *m.span(), number=False))
    for m in _anchored(masked, MULTIPLIER_SCAN, _MULTIPLIER_ANCHORS):
        spans.append(_extend(masked, *m.span(), number=False))
    for m in ORDINAL_WORD_TOKEN.finditer(masked):  # "ranked first", "second place", "thứ ba"
        verb = _RANK_BEFORE.search(masked[max(0, m.start() - 24) : m.start()])
        after = _RANK_WORD_AFTER.match(masked, m.end())
        if verb or after.end() > m.end():
            spans.append(_Span(m.start() - (len(verb.group(0)) if verb else 0), after.end()))
    return spans


def _candidates(text: str, masked: str) -> list[_Span]:
    spans = _number_spans(masked) + _word_spans(masked)
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
                "measure": quantity.measure,
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
        >>> curation_rows("Paper filing fell 5%.").loc[0, "curator_note"]
        'read as a change of -5 percent; chars 13-20'
    """
    from helpers.dataset import FIGURE_COLUMNS

    figures = find_figures(text, lang)
    rows = []
    for row in figures.itertuples(index=False):
        reading = f"{row.value:g} {row.unit}"
        if pd.notna(row.upper):
            reading = f"{row.value:g} to {row.upper:g} {row.unit}"
        if row.measure == "change":
            reading = f"a change of {reading if row.value < 0 else '+' + reading}"
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
