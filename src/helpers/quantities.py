"""Turn one number phrase from a report into numbers: value, denominator, percent, unit, qualifier.

The dataset stores every figure exactly as its source words it (``stated``); this module is the
one code path that reads those phrases, for the dataset build and for the report extractor
(:mod:`helpers.extract`). It reads English and Vietnamese number styles:

- thousands separators: ``453,520`` (English), ``1.234.567`` (Vietnamese);
- decimals: ``89.27%``, and ``89,27%`` where a comma cannot be a thousands separator;
- scale words: ``1.2 million``, ``15 billion VND``, ``hơn 1,2 triệu``, ``1 triệu rưỡi``;
- fractions and shares: ``453,520/495,192 records (92%)``, ``13 out of 17``, ``33 of 43``;
- scores ``82.71/100 points``, ranks ``6th out of 63``, ``ranked 6th``, ranges ``80-90%``;
- numbers in words (``two``, ``twenty-five``, ``two hundred thousand``, ``half a million``).

The rule: a phrase is read only as far as its words support, or refused
-----------------------------------------------------------------------

The parser never returns an exact figure that the words do not support. Each kind of phrase
that a report may hold is either read completely or refused with a :class:`ValueError` that
names the phrase and what was not understood:

- **Vague amounts** ("several hundred", "a few thousand", "dozens of", "tens of thousands",
  "millions of", "a fraction of", "most of", "100-odd", "vài trăm", "hàng nghìn",
  "hàng chục nghìn", "phần lớn", "gấp nhiều lần") are refused: they have no point value, and
  the dataset keeps point values only. (Ranges with both ends, below, are not vague.)
- **Ranges** keep both ends on the same scale: a scale word, percent sign or currency written
  once at the end belongs to both ends ("1.5-2 million", "1,5-2 triệu", "từ 1,5 đến 2 triệu",
  "between 1.5 and 2 million", "80 to 90 percent" read as 1,500,000 to 2,000,000 or 80 to 90).
  A range whose ends cannot share the scale ("500-2 million"), whose lower end may share the
  upper end's thousands ("50-60,000"), or that is a change from one level to another ("rose
  from 50% to 60%": two figures) is refused.
- **Rises and falls** are signed: ``value`` is negative for a fall and ``measure`` is
  ``"change"`` for any difference ("fell 5%", "decreased by 5%", "-5%", "down 3 points",
  "5% lower than", "dropped 1,200", "giảm 5%", "âm 2%", "tăng trưởng âm 2%", "sụt 2 bậc" →
  ``-5``, ``-3``, ``-1200``, ``-2``...; "an increase of 66%", "+5%", "up 5%", "tăng 5%" →
  ``+5``). A qualifier bounds the size of the change ("decreased by more than 5%": the fall
  exceeds 5). A change stated against a whole ("up 5/10") is refused. A number after "to", "from",
  "reaching", "lên", "xuống", "còn" is a level ("rose to 90%", "giảm xuống còn 5%"). A change of
  rank is stated in ``places`` ("up 7 places", "tăng 3 bậc"), never as a rank; a phrase with
  both a rise and a fall is refused.
- **Fractions in words** get their value as a percent ("a third", "two-thirds", "half",
  "a quarter", "một phần ba", "hai phần ba", "một nửa" → 33.33…, 66.66…, 50, 25, ...), with
  qualifiers and directions as for numbers ("more than half", "giảm một nửa" → -50). A fraction
  of a stated number ("two-thirds of the 63 provinces") is refused: state the count. "The first
  half of 2024" or "the first three quarters" are periods, not fractions.
- **Multipliers** have a unit of their own, ``times`` ("3 times higher", "twice", "doubled",
  "halved", "3-fold", "threefold", "x2", "gấp 3 lần", "gấp đôi", "tăng gấp đôi", "gấp rưỡi" →
  3, 2, 2, 0.5, 3, 3, 2, 3, 2, 2, 1.5). A fall by a multiple ("3 times lower", "giảm 3 lần") is refused: it may
  mean a third or a fall of two thirds.
- **Units and currencies the dataset does not hold** are read into their own unit, never into
  a count: currencies by ISO code ("£2 million", "5 triệu bảng Anh" → ``GBP``; "€", "euro" →
  ``EUR``; "yen" → ``JPY``, "S$" → ``SGD``...) and units of measure by symbol ("5,000 ha",
  "12 tấn", "3 km", "200 m2", "40 acres", "1.5 million tonnes" → ``ha``, ``tonne``, ``km``,
  ``m2``, ``acre``...). "pounds" (money or weight?), "5 m" (metres or million?), a rate ("60
  km/h", "5 ha mỗi hộ") and a unit that is not attached to the number ("500 people/km2") are
  refused. The dataset build then
  refuses any unit that the row's indicator does not measure (see :mod:`helpers.build`).

A phrase that cannot be read, or that could be read two ways, raises :class:`ValueError` naming
the text: the parser never guesses silently.

Example:
    >>> parse_quantity("453,520/495,192 records (92%)")
    Quantity(value=453520.0, unit='count', qualifier='exact', denominator=495192.0, percent=92.0, upper=None, measure='level')
    >>> parse_quantity("more than 1.2 million").value
    1200000.0
    >>> q = parse_quantity("giảm 5%")
    >>> q.value, q.unit, q.measure
    (-5.0, 'percent', 'change')
    >>> q = parse_quantity("1.5-2 million")
    >>> q.value, q.upper
    (1500000.0, 2000000.0)
"""  # noqa: E501

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from helpers.vocabulary import (
    AMBIGUOUS_MONEY,
    CHANGE_FROM,
    COMPARATIVES,
    COMPARED,
    CURRENCIES,
    DIRECTION_AFTER,
    DIRECTION_BEFORE,
    FOREIGN_AFTER,
    FOREIGN_CURRENCY,
    FRACTION,
    LEVEL_MARK,
    MEASURE_AFTER,
    MEASURE_ANYWHERE,
    MEASURES,
    METRE_OR_MILLION,
    MULTIPLIER,
    PHRASAL_VERB,
    PLACES_AFTER,
    QUALIFIER_PATTERN,
    QUALIFIERS,
    RANGE_START,
    RATE_WORDS,
    SCALE_PATTERN,
    SCALE_TAILS,
    SCALES,
    SIGN_WORD,
    TIMES_AFTER,
    TIMES_BEFORE,
    UPDOWN_GAP,
    WORD_NUMBER,
    WORD_NUMBERS,  # imported from here by older code
    WORD_SCALE_END,
    WORD_SCALES,
    either_case,
    fraction_value,
    is_period_fraction,
    multiplier_value,
    vague_words,
    word_number_value,
)

#: The units an indicator can be kept in (``data/reference/indicators.csv``).
UNITS = ("count", "percent", "VND", "USD", "points", "rank")
#: Units the parser also returns, which no indicator is kept in: a multiplier ("3 times") and a
#: change of rank ("up 7 places"); foreign currencies (ISO codes) and units of measure.
CHANGE_UNITS = ("times", "places")
FOREIGN_CURRENCIES = tuple(sorted({code for code in CURRENCIES.values() if "/" not in code}))

_either_case = either_case  # the extractor's name for it
__all__ = ["UNITS", "WORD_NUMBERS", "Quantity", "mask_non_figures", "normalize", "parse_number",
           "parse_quantity", "read_masked", "render"]  # fmt: skip

#: A number as written: digits with optional separators and a decimal part.
NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
PERCENT = r"\s?%|\s?percent\b|\s?per\s?cent\b|\s?phần\s?trăm|pc\b"
ORDINAL = r"st|nd|rd|th"
#: Scale abbreviations written onto the number ("1.2m", "VND1.5tn", "3bn", "5k"), never spaced.
ABBREVIATIONS = {"m": 1e6, "k": 1e3, "bn": 1e9, "tn": 1e12}
#: Letters that may follow digits directly and still leave a figure (not a code like "COVID-19").
SUFFIXES = r"st|nd|rd|th|m|k|bn|tn|pc|x"
#: One numeric token: a number, an optional ordinal suffix or scale abbreviation, scale word (with
#: a Vietnamese "rưỡi" or "mốt" after it) and percent sign.
TOKEN = re.compile(
    rf"(?=\d)(?:(?<![\w.,])|(?<=VND)|(?<=VNĐ)|(?<=USD)|(?<=(?<!\w)x))(?P<num>{NUMBER})(?![.,]\d)"
    rf"(?:(?P<ord>{ORDINAL})|(?P<abbr>m|k|bn|tn))?(?:(?!\w)|(?=pc\b)|(?=x\b))"
    rf"(?:\s*(?P<scale>{SCALE_PATTERN})(?!\w)(?:\s+(?P<tail>rưỡi|mốt)(?!\w))?)?"
    rf"(?P<pct>{PERCENT})?",
    re.IGNORECASE,
)
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "thứ nhất": 1, "thứ nhì": 2, "thứ hai": 2,
    "thứ ba": 3, "thứ tư": 4, "thứ năm": 5, "thứ sáu": 6, "thứ bảy": 7, "thứ tám": 8,
    "thứ chín": 9, "thứ mười": 10, "hạng nhất": 1, "hạng nhì": 2,
}  # fmt: skip
ORDINAL_WORD_PATTERN = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
#: What joins a number to its denominator: "/", "[words] out of (the) [word]", "of (the)", "trên",
#: "[words] trong tổng số".
DENOMINATOR_LINK = re.compile(
    r"^\s*(?:points?|điểm)?\s*(?:/|of(?:\s+the)?(?:\s+[^\W\d_]+)?|trên|trong\s+(?:tổng\s+)?số"
    r"|(?:\s+[^\W\d_][\w\-\x00]*+){0,5}\s+(?:out\s+of|among)(?:\s+the)?(?:\s+[^\W\d_]+)?"
    r"|(?:\s+[^\W\d_][\w\-\x00]*+){0,5}\s+(?:trong|trên)\s+tổng\s+số)\s*$",
    re.IGNORECASE,
)
RANGE_LINK = re.compile(r"^\s*(?:-|to|đến|tới)\s*$", re.IGNORECASE)
#: "between 1.5 and 2 million", "giữa 10 và 20": "and" joins a range only after "between".
_AND_LINK = re.compile(r"^\s*(?:and|và)\s*$", re.IGNORECASE)
RANK_WORDS = re.compile(
    r"\b(?:rank(?:s|ed|ing)?|position|place[ds]?|xếp\s+(?:thứ|hạng)|hạng|đứng\s+thứ|top)\b",
    re.IGNORECASE,
)
POINT_WORDS = re.compile(r"\b(?:points?|điểm|score[sd]?|scoring)\b", re.IGNORECASE)
VND_WORDS = re.compile(r"(?:\bVND\b|\bVNĐ\b|\bdong\b|\bđồng\b|₫)", re.IGNORECASE)
USD_WORDS = re.compile(r"(?:\$|\bUSD\b|\bdollars?\b|\bđô[\s-]la\b)", re.IGNORECASE)
#: Letters only Vietnamese writes: a phrase with them is in the Vietnamese number style.
VIETNAMESE_LETTERS = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]"
)


@dataclass(frozen=True)
class Quantity:
    """A figure read from a phrase.

    ``value`` is the number itself (for a range, its lower end, with ``upper`` the upper end);
    ``denominator`` the whole, target or group it is stated against ("453,520/495,192",
    "6th out of 63", "82.71/100"); ``percent`` a percentage stated beside a count ("(92%)").
    ``measure`` is ``"change"`` when the phrase states a difference ("fell 5%", "up 7 places",
    "doubled"); ``value``, ``upper`` and ``percent`` are then negative for a fall.

    Example:
        >>> Quantity(5600.0, "count", "over").qualifier
        'over'
    """

    value: float
    unit: str
    qualifier: str = "exact"
    denominator: float | None = None
    percent: float | None = None
    upper: float | None = None
    measure: str = "level"


def normalize(text: str) -> str:
    """Unicode NFC, dashes and non-breaking spaces made plain, white space folded.

    Example:
        >>> normalize("80\u2013 90\u00a0%")
        '80- 90 %'
    """
    text = unicodedata.normalize("NFC", str(text))
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\u00a0\u2007\u202f]", " ", text)
    text = re.sub(r"\b(VN[DĐ]|USD)(?=\d)", r"\1 ", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_number(raw: str, lang: str | None = None, decimal_context: bool = False) -> float:
    """Read a number with English or Vietnamese separators.

    The one ambiguous form is a single separator followed by exactly three digits ("1.234",
    "1,234"). ``lang`` settles it: in English the comma groups thousands and the dot is decimal,
    in Vietnamese the other way round. Without ``lang``, "1,234" is read as thousands (no style
    writes a three-decimal count with a comma in running English) and "1.234" as a decimal only
    in a ``decimal_context`` (a scale word or a percent sign follows); otherwise it raises.

    Example:
        >>> parse_number("453,520"), parse_number("1.234.567"), parse_number("89,27")
        (453520.0, 1234567.0, 89.27)
        >>> parse_number("1.234", lang="vi"), parse_number("1.234", lang="en")
        (1234.0, 1.234)
    """
    raw = raw.strip()
    if not re.fullmatch(r"\d[\d.,]*", raw) or raw[-1] in ".,":
        raise ValueError(f"not a number: {raw!r}")
    dots, commas = raw.count("."), raw.count(",")
    if dots and commas:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
        group = "," if decimal == "." else "."
        if raw.count(decimal) > 1:
            raise ValueError(f"two decimal marks in {raw!r}")
        return _grouped(raw, group, decimal)
    separator = "." if dots else "," if commas else ""
    if not separator:
        return float(raw)
    if (dots or commas) > 1:  # 1.234.567 or 1,234,567: the separator groups thousands
        return _grouped(raw, separator, None)
    head, tail = raw.split(separator)
    if len(tail) != 3 or head == "0" or len(head) > 3:
        return float(f"{head}.{tail}")  # 89,27 / 0,123 / 89.27: only a decimal reading fits
    if lang is None:
        if (separator == "," and not decimal_context) or (separator == "." and decimal_context):
            lang = "en"
        else:
            raise ValueError(
                f"ambiguous number {raw!r}: thousands or decimal? (give the source language)"
            )
    thousands = {"en": ",", "vi": "."}.get(lang)
    if thousands is None:
        raise ValueError(f"unknown language {lang!r} for {raw!r}")
    return float(head + tail) if separator == thousands else float(f"{head}.{tail}")


def _grouped(raw: str, group: str, decimal: str | None) -> float:
    whole, _, fraction = raw.partition(decimal) if decimal else (raw, "", "")
    parts = whole.split(group)
    if not (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])):
        raise ValueError(f"digit groups are not thousands in {raw!r}")
    return float("".join(parts) + (f".{fraction}" if fraction else ""))


ORDINAL_WORD_TOKEN = re.compile(
    r"(?<!\w)(?P<word>" + _either_case(ORDINAL_WORD_PATTERN) + r")(?!\w)"
)
_MONTH = (
    _either_case(
        "January|February|March|April|May|June|July|August|September|October|November|December"
        "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
    )
    + r"\.?"
)
_TIME_UNIT = (
    r"(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?|quarters?|nights?"
    r"|ngày|tháng|năm|tuần|giờ|phút|quý)"
)
_DOC_WORDS = (
    "Project|Directive|Decision|Resolution|Decree|Circular|Plan|Law|Document|Dispatch"
    "|Official Letter|Letter|Notice|Conclusion|Programme|Program|Article|Clause|Chapter"
    "|Item|Section|Form|Instruction|Regulation|Announcement|Report|Đề án|Quyết định"
    "|Nghị quyết|Nghị định|Chỉ thị|Thông tư|Kế hoạch|Công văn|Thông báo"
    "|Kết luận|Điều|Khoản|Chương|Luật|Hướng dẫn|Version|Phiên bản"
)
_DOC = _either_case(_DOC_WORDS)
_SMALL_WORDS = r"(?:one|two|three|four|five)"
#: A digit that starts a word, written so that the pattern begins with the digit: the regular
#: expression engine then jumps from digit to digit instead of trying every character.
_AT_DIGIT = r"\d(?<!\w\d)"
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec")  # fmt: skip
#: Spans that hold digits but are not figures: (kind, pattern[, words]). Their digits are masked
#: before figures are looked for, in a phrase (:func:`parse_quantity`) and in a report
#: (:func:`helpers.extract.find_figures`). A pattern that starts with words lists them (in lower
#: case, one of them in every match): it is not run over a text that holds none, so that the
#: Vietnamese patterns cost nothing on an English report and the English ones on a Vietnamese one.
NOT_FIGURES = [
    (
        "identifier",
        rf"\b{_DOC}\s+(?:No\.?\s*|Number\s+|số\s+)?\d[\w/.\-]*",
        *(w.lower() for w in _DOC_WORDS.split("|")),
    ),
    # capitalised: "tổng số 34" is a count
    ("identifier", r"\b(?-i:No|Số)\.?\s*\d[\w/.\-]*", "no", "số"),
    # an index named by its decision: "Chỉ số 766", "Bộ chỉ số 766", "Index 766" (not "chỉ số 0,65")
    (
        "identifier",
        r"\b(?:bộ\s+)?(?:chỉ\s+số|index)\s+\d{3,4}(?![.,]?\d)(?!\s*(?:%|điểm|points?))",
        "chỉ số",
        "index",
    ),
    ("identifier", rf"{_AT_DIGIT}\d*(?:/\d+)*/[A-ZĐ][\w\-]*"),
    ("identifier", rf"{_AT_DIGIT}\d*/\d+-[A-ZĐ][\w\-]*"),
    (
        "date",
        rf"\b{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s*\d{{4}})?|,?\s+\d{{4}}\b)",
        *_MONTH_STEMS,
    ),
    (
        "date",
        rf"{_AT_DIGIT}(?:\d?\s*-\s*\d{{1,2}}|\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
        rf"(?:,?\s*\d{{4}})?",
        *_MONTH_STEMS,
    ),
    ("date", rf"{_AT_DIGIT}\d{{3}}-\d{{2}}-\d{{2}}\b"),
    # the same mark twice: "20/11/24", "20.11.2024", but not a score "8.5/10"
    ("date", r"\d(?<![\d.,/]\d)\d?([/.\-])\d{1,2}\1(?:19|20)?\d{2}(?![.,]?\d|/)"),
    ("date", r"\d(?<![\d.,/]\d)\d?/(?:19|20)\d{2}(?![.,]?\d|/)"),
    ("date", r"\b(?:ngày|tháng|năm|quý)\s+\d{1,4}(?:/\d{1,4}){0,2}", "ngày", "tháng", "năm", "quý"),
    ("date", r"\bQ[1-4]\b"),
    (
        "year",
        r"\d(?<![\d.,]\d)(?:(?<=1)9|(?<=2)0)\d{2}s?"
        r"(?![.,]?\d|\s*(?:%|percent|million|billion|thousand))",
    ),
    ("period", rf"\d(?<![\w.,]\d)\d*(?:[.,]\d+)?\s*-?\s*{_TIME_UNIT}\b"),
    ("period", r"2(?<!\w2)4/7\b"),
    (
        "ordinal",
        rf"{_AT_DIGIT}\d*(?:st|nd|rd|th)\s+(?:meeting|session|conference|congress|plenum|plenary"
        r"|anniversary|edition|phase|round|time|times|year|term|tenure|course|batch"
        r"|national|party|working|regular|thematic|online|annual)\b",
    ),
    (
        "level",
        rf"\b(?:levels?|mức\s+độ|mức|cấp\s+độ|tier)\s*-?\s*(?:\d+|{_SMALL_WORDS})"
        rf"(?:\s*(?:and|or|,|&|-|to|và|hoặc)\s*(?:levels?\s*)?(?:\d+|{_SMALL_WORDS}))*\b",
        "level",
        "mức",
        "cấp",
        "tier",
    ),
    (
        "time of day",
        rf"{_AT_DIGIT}(?:\d?[:h]\d{{2}}\b|\d?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w))",
    ),
    # "lần thứ 3", "lần 2": the third or second time, not a multiplier
    ("ordinal", r"(?-i:lần)(?<!\wlần)\s+(?:thứ\s+)?\d+"),
    # "phiên họp thứ 4", "kỳ họp thứ 9", "đợt 2": a meeting or a round, not a figure
    (
        "ordinal",
        r"\b(?:phiên(?:\s+họp)?|kỳ\s+họp|hội\s+nghị|đại\s+hội|đợt)\s+(?:thứ\s+)?\d+",
        *("phiên", "kỳ", "hội", "đợt"),
    ),
    # letters glued to digits ("5G", "COVID-19", "C06"), but not "x2", "km2", "m2" or "3x"; found
    # from the first digit, after letters that start a word
    (
        "code",
        r"\d(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_]-\d))(?<!\bVN[DĐ]\d)(?!(?<=\b(?-i:x)\d)\d?\b)"
        r"(?!(?<=\bm\d)(?<=[23])\b)(?!(?<=\b[kc]m\d)(?<=[23])\b)\d*[\w.]*",
    ),
    ("code", rf"{_AT_DIGIT}\d*(?!(?:{SUFFIXES})\b)[^\W\d_]+\w*"),
]
_NOT_FIGURES = [
    (kind, re.compile(pattern, re.IGNORECASE), needs) for kind, pattern, *needs in NOT_FIGURES
]
#: Links and file names are found from their marker outwards to the surrounding white space
#: (a pattern starting with ``\S*`` would be tried at every character of a report).
_LINK_MARKER = re.compile(r"https?://|www\.|\.html?\b|\.mp4\b|\.jpe?g\b|\.png\b|\.pdf\b|_")
MASK = "\x00"
_DIGITS = re.compile(r"\d+")


def mask_non_figures(text: str) -> str:
    """``text`` with the numbers of dates, identifiers, levels, periods... blanked (same length).

    Only the part of a match from its first digit on is masked, so that the words before it
    ("Project", "level") stay readable.

    Example:
        >>> mask_non_figures("Project 06 met on 20/11/2024: 92%").replace(MASK, "#")
        'Project ## met on ##########: 92%'
    """
    chars = list(text)
    for m in _LINK_MARKER.finditer(text):
        start, end = m.start(), m.end()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        for i in range(start, end):
            if text[i].isdigit():
                chars[i] = MASK
    near, where = _near_digits(text)
    lower = near.lower()
    for kind, pattern, needs in _NOT_FIGURES:
        if needs and not any(word in lower for word in needs):
            continue
        for m in pattern.finditer(near):
            start, end = where(m.start()), where(m.end() - 1) + 1
            found = text[start:end]
            first = next((i for i, c in enumerate(found) if c.isdigit()), None)
            if first is None and kind == "level":  # "level-four": mask the number words
                for word in re.finditer(_SMALL_WORDS, found, re.IGNORECASE):
                    for i in range(start + word.start(), start + word.end()):
                        chars[i] = MASK
                continue
            if first is None:
                continue
            for i in range(start + first, end):
                chars[i] = MASK
    return "".join(chars)


#: How much text around each number the non-figure patterns may need to see.
_CONTEXT = 60
_GAP = "\x01"  # joins the pieces of text near numbers; no pattern matches across it


def _near_digits(text: str):
    """The parts of ``text`` within :data:`_CONTEXT` characters of a digit, joined, and a map
    from a position in that string back to ``text``. Long reports are mostly words; running the
    patterns over the numbers' neighbourhoods only is what keeps extraction fast.
    """
    if len(text) < 4 * _CONTEXT:
        return text, lambda i: i
    spans: list[list[int]] = []
    for m in _DIGITS.finditer(text):
        start, end = max(0, m.start() - _CONTEXT), min(len(text), m.end() + _CONTEXT)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    pieces, starts, origins, pos = [], [], [], 0
    for start, end in spans:
        pieces.append(text[start:end])
        starts.append(pos)
        origins.append(start)
        pos += end - start + len(_GAP)
    near = _GAP.join(pieces)

    def where(i: int) -> int:
        k = bisect.bisect_right(starts, i) - 1
        return origins[k] + i - starts[k]

    return near, where


class _Token(NamedTuple):
    """One number of a phrase. ``kind`` is "number" (digits), "word" (a number in words),
    "fraction" (a fraction in words, ``value`` in percent), "multiplier" ("twice") or
    "ordinal" ("third"). ``scale`` is the scale word's factor, so that a range can share it;
    ``sign`` is an explicit "+" or "-" (or "âm", "negative") written before the number;
    ``changes`` marks a multiplier verb that states a change ("doubled", "halved")."""

    start: int
    end: int
    value: float
    ordinal: bool
    percent: bool
    kind: str = "number"
    scale: float = 1.0
    sign: int = 0
    changes: bool = False


PERCENT_WORDS = re.compile(rf"(?:{PERCENT})", re.IGNORECASE)
#: "the first half", "the third quarter": an ordinal that names a period, not a rank.
_PERIOD_ORDINAL = re.compile(r"[\s\-]+(?:half|halves|quarters?|quý)\b", re.IGNORECASE)


#: Letters that every number, fraction, multiplier or ordinal in words holds (in lower case): a
#: phrase with none of them is not searched for words (most phrases are digits only).
_WORD_HINT = re.compile(
    "one|two|thr|fou|fiv|six|sev|eig|nin|ten|ele|twe|thi|fif|for|fty|hund|thous|milli|billi"
    "|trilli|half|quart|dozen|first|second|twice|doubl|tripl|trebl|quadr|fold|gấp|nhân|phần"
    "|nửa|thứ|hạng|halv"
)


def _sign_before(text: str, start: int) -> int:
    """+1 or -1 for a sign written onto the number ("-5%", "(+12%)", "âm 2%"), else 0."""
    if SIGN_WORD.search(text, max(0, start - 12), start):
        return -1
    if start == 0 or text[start - 1] not in "+-":
        return 0
    if start >= 2 and not (text[start - 2].isspace() or text[start - 2] in "([:;"):
        return 0
    return 1 if text[start - 1] == "+" else -1


def _tokens(text: str, lang: str | None) -> list[_Token]:
    found = []
    for m in TOKEN.finditer(text):
        scale_word = (m.group("scale") or "").lower()
        abbr = (m.group("abbr") or "").lower()
        scale = SCALES.get(" ".join(scale_word.split()), 1.0) * ABBREVIATIONS.get(abbr, 1.0)
        number = parse_number(m.group("num"), lang, bool(scale_word or abbr or m.group("pct")))
        number += SCALE_TAILS.get((m.group("tail") or "").lower(), 0.0)
        # 4.03 × 10⁶ is 4030000.000000001 in binary floating point: round the scaled value.
        value = round(number * scale, 6) if scale > 1 else number
        found.append(
            _Token(m.start(), m.end(), value, bool(m.group("ord")), bool(m.group("pct")),
                   scale=scale, sign=_sign_before(text, m.start()))
        )  # fmt: skip
    taken = [(t.start, t.end) for t in found]

    def free(m: re.Match) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in taken)

    if not _WORD_HINT.search(text.lower()):
        return sorted(found, key=lambda t: t.start)  # no number, fraction or rank in words
    for m in MULTIPLIER.finditer(text):
        if free(m):
            factor, changes = multiplier_value(m.group(0))
            taken.append(m.span())
            found.append(_Token(*m.span(), factor, False, False, "multiplier", changes=changes))
    for m in WORD_NUMBER.finditer(text):
        if not free(m):
            continue
        value = word_number_value(m.group(0))
        scale_word = WORD_SCALE_END.search(m.group(0))
        scale = WORD_SCALES[scale_word.group(0).lower()] if scale_word else 1.0
        pct = PERCENT_WORDS.match(text, m.end())
        end = pct.end() if pct else m.end()
        taken.append((m.start(), end))
        found.append(_Token(m.start(), end, value, False, bool(pct), "word", scale))
    for m in FRACTION.finditer(text):
        if free(m) and not is_period_fraction(text, *m.span()):
            numerator, denominator = fraction_value(m.group(0))
            taken.append(m.span())
            found.append(
                _Token(*m.span(), 100 * numerator / denominator, False, False, "fraction")
            )
    for m in ORDINAL_WORD_TOKEN.finditer(text):
        if free(m) and not _PERIOD_ORDINAL.match(text, m.end()):
            taken.append(m.span())
            found.append(_Token(*m.span(), ORDINAL_WORDS[m.group("word").lower()], True, False,
                                "ordinal"))  # fmt: skip
    return sorted(found, key=lambda t: t.start)


_QUALIFIER = re.compile(rf"(?<!\w)({QUALIFIER_PATTERN})(?!\w)", re.IGNORECASE)


def _qualifier(text: str, first: int) -> tuple[str, str]:
    """The qualifier of the number at ``first``: canonical form and the words as written."""
    before = text[:first]
    found = list(_QUALIFIER.finditer(before))
    if not found:
        return "exact", ""
    last = found[-1]
    if len(before[last.end() :].split()) > 2:  # too far from the number to qualify it
        return "exact", ""
    written = " ".join(last.group(1).lower().split())
    return QUALIFIERS[written], written


def _whole(x: float) -> bool:
    return float(x).is_integer()


def parse_quantity(text: str, unit_hint: str | None = None, lang: str | None = None) -> Quantity:
    """Read one number phrase; ``unit_hint`` fills in what the phrase leaves open.

    ``unit_hint`` (one of :data:`UNITS`) is the indicator's unit: a bare "15" in a ranking table
    is a rank, a bare "0.7024" a DTI score. What the phrase says wins over the hint ("92%" stays
    a percent). ``lang`` ("en" or "vi") settles "1.234"-style separators; without it, a phrase
    written in Vietnamese ("5.000 hồ sơ") is read in the Vietnamese style. Numbers that belong to
    dates, identifiers or service levels inside the phrase ("15 Project 06 models", "704.828
    tài khoản mức 2") are not figures and are passed over.

    Each class of tricky phrase is read in full or refused, as the module documentation sets
    out: vague amounts are refused; a range shares its scale word; a rise or fall is signed,
    with ``measure="change"``; a fraction in words is a percent; a multiplier has the unit
    ``times`` and a change of rank the unit ``places``; other currencies and units of measure
    keep their own unit (``GBP``, ``ha``, ...).

    Raises:
        ValueError: naming the text and what was not understood: no number, several unrelated
            numbers, an ambiguous one, a vague amount, an ambiguous unit or direction.

    Example:
        >>> q = parse_quantity("ranking 6th out of 63")
        >>> q.unit, q.value, q.denominator
        ('rank', 6.0, 63.0)
        >>> parse_quantity("nearly 15 billion VND")
        Quantity(value=15000000000.0, unit='VND', qualifier='nearly', denominator=None, percent=None, upper=None, measure='level')
        >>> parse_quantity("34.3% (12,163/35,470 beneficiaries)").percent
        34.3
        >>> [parse_quantity(p).value for p in ("fell 5%", "một phần ba", "gấp 3 lần")]
        [-5.0, 33.333333333333336, 3.0]
        >>> parse_quantity("vài trăm hộ")
        Traceback (most recent call last):
        ...
        ValueError: cannot read 'vài trăm hộ': 'vài trăm' is a vague amount, with no point value
    """  # noqa: E501
    if unit_hint is not None and unit_hint not in UNITS:
        raise ValueError(f"unknown unit hint {unit_hint!r} (one of {', '.join(UNITS)})")
    clean = normalize(text)
    if not clean:
        raise ValueError("empty figure text")
    if lang is None and VIETNAMESE_LETTERS.search(clean):
        lang = "vi"
    return read_masked(mask_non_figures(clean), unit_hint, lang, text)


def read_masked(
    masked: str, unit_hint: str | None = None, lang: str | None = None, text: str | None = None
) -> Quantity:
    """:func:`parse_quantity` for a phrase whose non-figures are already masked.

    The extractor masks a whole report once and reads each phrase from that masked text, so the
    masking patterns are not run again for every figure. ``text`` is the phrase as written, for
    error messages.

    Example:
        >>> read_masked(mask_non_figures("over 5,600")).value
        5600.0
    """
    shown = masked if text is None else text
    vague = vague_words(masked)
    if vague:
        raise ValueError(f"cannot read {shown!r}: {vague!r} is a vague amount, with no point value")
    try:
        tokens = _tokens(masked, lang)
    except ValueError as exc:
        raise ValueError(f"cannot read {shown!r}: {exc}") from None
    if not tokens:
        raise ValueError(f"no number in {shown!r}")
    for token in tokens:  # "1.2xyz": the mask took part of the number; never read what is left
        before = masked[token.start - 1] if token.start else ""
        after = masked[token.end : token.end + 2]
        if before == MASK or after[:1] == MASK or (after[:1] in (".", ",") and after[1:] == MASK):
            raise ValueError(f"cannot read {shown!r}: a number runs into a code or date")
    try:
        return _interpret(masked, tokens, unit_hint)
    except ValueError as exc:
        raise ValueError(f"cannot read {shown!r}: {exc}") from None


@dataclass
class _Group:
    """A number with what belongs to it: a denominator or the upper end of a range."""

    head: _Token
    end: int
    denominator: float | None = None
    upper: float | None = None
    percent: bool = False
    upper_token: _Token | None = None


def _range_link(text: str, head: _Token, link: str) -> bool:
    if RANGE_LINK.match(link):
        return True
    opened = RANGE_START.search(text[: head.start])
    between = opened is not None and opened.group("word").lower() in ("between", "giữa")
    return bool(_AND_LINK.match(link) and between)


def _range(text: str, head: _Token, nxt: _Token) -> _Token:
    """The lower end of the range ``head``–``nxt``, on the upper end's scale when only the upper
    end names one ("1.5-2 million": 1.5 million)."""
    if head.percent and not nxt.percent:
        raise ValueError("a range must have the same unit on both ends")
    if CHANGE_FROM.search(text[: head.start]):
        raise ValueError("a change from one level to another is two figures, not a range")
    lower = head
    if (
        head.scale == nxt.scale == 1
        and not nxt.percent
        and head.value < 1000 <= nxt.value
        and nxt.value / 10 <= head.value * 1000 <= nxt.value
    ):
        raise ValueError(
            f"'{head.value:g}' may share the thousands of '{nxt.value:g}': write both ends in full"
        )
    if nxt.scale != 1 and head.scale == 1 and head.kind in ("number", "word"):
        lower = head._replace(value=round(head.value * nxt.scale, 6))
    elif head.scale != 1 and nxt.scale == 1 and not nxt.percent:
        raise ValueError("the upper end of a range has no scale word while the lower end has one")
    if lower.value > nxt.value:
        raise ValueError(
            f"the ends of the range do not fit ({lower.value:g} is above {nxt.value:g})"
        )
    return lower


def _groups(text: str, tokens: list[_Token]) -> list[_Group]:
    groups: list[_Group] = []
    rest = list(tokens)
    while rest:
        head = rest.pop(0)
        group = _Group(head, head.end, percent=head.percent)
        if rest:
            link = text[head.end : rest[0].start]
            nxt = rest[0]
            plain = head.kind in ("number", "word") and nxt.kind in ("number", "word")
            if head.kind == "fraction" and DENOMINATOR_LINK.match(link):
                raise ValueError(
                    "a fraction in words of a stated number: give the count or the percent"
                )
            whole = head.kind in ("number", "word", "ordinal") and nxt.kind in ("number", "word")
            if whole and DENOMINATOR_LINK.match(link) and not nxt.percent and not head.percent:
                group.denominator, group.end = nxt.value, nxt.end
                rest.pop(0)
            elif plain and not nxt.ordinal and _range_link(text, head, link):
                group.head = _range(text, head, nxt)
                group.upper, group.end, group.percent = nxt.value, nxt.end, nxt.percent
                group.upper_token = nxt
                rest.pop(0)
        groups.append(group)
    return groups


def _direction(text: str, group: _Group, qualifier: str) -> tuple[int, bool]:
    """(sign, change) of the figure: +1 for a rise, -1 for a fall, 0 for a level; ``change`` is
    True when the figure states a difference.

    The cues: a sign written onto the number, a multiplier verb ("doubled"), the nearest rise or
    fall word before the number (unless "to", "from", "lên", "còn"... stand between: then the
    number is a level), "up"/"down" right before it, a comparative or noun after it ("5% lower",
    "a 5% drop"), and a Vietnamese comparative with "so với" after the number.
    """
    first = group.head
    cues: list[int] = []
    if first.sign:
        cues.append(first.sign)
    if first.changes:
        cues.append(1)
    before = text[: first.start]
    words = list(DIRECTION_BEFORE.finditer(before))
    if words:
        m = words[-1]
        gap = before[m.end() :]
        if m.group("updown"):
            if UPDOWN_GAP.match(gap) and not PHRASAL_VERB.search(before[: m.start()]):
                cues.append(1 if m.group("updown").lower() == "up" else -1)
        elif first.sign and m.group("rise") and RATE_WORDS.fullmatch(m.group("rise")):
            pass  # "growth of -2%", "tăng trưởng âm 2%": the sign says it
        elif not LEVEL_MARK.search(gap):
            cues.append(1 if m.group("rise") else -1)
    if qualifier in COMPARATIVES and COMPARED.match(text, group.end):
        cues.append(COMPARATIVES[qualifier])
    after = DIRECTION_AFTER.match(text, _after_units(text, group.end))
    if after:
        rise = after.group("rise") or after.group("rise_next") or after.group("rise_noun")
        cues.append(1 if rise else -1)
    if len(set(cues)) > 1:
        raise ValueError("the phrase states both a rise and a fall")
    return (cues[0] if cues else 0), bool(cues)


def _after_units(text: str, end: int) -> int:
    """Where the words after a number begin, past a multiplier or unit written after it."""
    for pattern in (TIMES_AFTER, PLACES_AFTER, MEASURE_AFTER, FOREIGN_AFTER):
        m = pattern.match(text, end)
        if m:
            return m.end()
    return end


def _plain(words: str) -> str:
    return " ".join(words.replace("-", " ").split())


_CURRENCY_CODES = {_plain(written): code for written, code in CURRENCIES.items()}


def _foreign_currency(text: str, group: _Group) -> str | None:
    """The ISO code of a currency other than VND and USD in the phrase, if any."""
    m = FOREIGN_CURRENCY.search(text) or FOREIGN_AFTER.match(text, group.end)
    if not m:
        return None
    code = _CURRENCY_CODES.get(_plain(m.group(0)))
    if code is None or "/" in code:
        raise ValueError(f"{m.group(0)!r} may be more than one currency")
    rest = text[: m.start()] + text[m.end() :]
    if VND_WORDS.search(rest) or USD_WORDS.search(rest):
        raise ValueError("two currencies in one phrase")
    return code


def _unit(text: str, group: _Group, unit_hint: str | None, change: bool) -> str:
    first = group.head
    if first.kind == "fraction":
        return "percent"
    if group.percent:
        return "percent"
    if first.kind == "multiplier" or (
        first.kind in ("number", "word")
        and (TIMES_AFTER.match(text, group.end) or TIMES_BEFORE.search(text[: first.start]))
    ):
        return "times"
    if AMBIGUOUS_MONEY.search(text):
        raise ValueError("'pounds' may be money (GBP) or weight: say 'pounds sterling' or '£'")
    currency = _foreign_currency(text, group)
    if currency:
        return currency
    measure = MEASURE_AFTER.match(text, group.end)
    if measure and re.match(r"\s*(?:/|per\b|mỗi\b|trên\s+(?:một|mỗi)\b)", text[measure.end() :]):
        raise ValueError(f"a rate ({measure.group(0).strip()} per ...), not an amount")
    if measure:
        return MEASURES[" ".join(measure.group(0).split())]
    stray = MEASURE_ANYWHERE.search(text)
    if stray:
        raise ValueError(f"the unit {stray.group(0)!r} is not attached to the number")
    if METRE_OR_MILLION.match(text, group.end):
        raise ValueError("'m' after a number may be metres or a million")
    if VND_WORDS.search(text):
        return "VND"
    if USD_WORDS.search(text):
        return "USD"
    if change and PLACES_AFTER.match(text, group.end):
        return "places"
    has_rank_word = bool(RANK_WORDS.search(text))
    if first.ordinal or (has_rank_word and unit_hint in (None, "rank")):
        return "rank"
    if POINT_WORDS.search(text) or (group.denominator == 100 and unit_hint == "points"):
        return "points"
    if unit_hint in ("rank", "points"):
        return unit_hint
    return "count"


def _interpret(text: str, tokens: list[_Token], unit_hint: str | None) -> Quantity:
    groups = _groups(text, tokens)
    percent_token = None
    if len(groups) == 2:
        # A count (or fraction) with its share beside it in brackets, in either order:
        # "453,520/495,192 records (92%)", "34.3% (12,163/35,470 beneficiaries)".
        shares = [g for g in groups if g.percent and g.upper is None and g.head.kind != "fraction"]
        counts = [g for g in groups if not g.percent and g.head.kind in ("number", "word")
                  and not g.head.ordinal]  # fmt: skip
        a, b = groups
        between = text[a.end : b.head.start]
        bracketed = "(" in between  # "70,777 beneficiaries (59.6%)", not "40 and 45 percent"
        if (
            len(shares) == 1
            and len(counts) == 1
            and bracketed
            and not DIRECTION_BEFORE.search(between)
        ):
            percent_token = shares[0].head
            groups = counts
    if len(groups) > 1:
        raise ValueError("more than one figure in the phrase")
    group = groups[0]
    first = group.head
    qualifier, written = _qualifier(text, first.start)
    if qualifier == "exact" and text[group.end : group.end + 1] == "+":
        qualifier = "at least"  # "100+", "5,000+ accounts"
    sign, change = _direction(text, group, written)
    if written in COMPARATIVES and change:
        qualifier = "exact"  # "cao hơn 5% so với": the comparative said the direction
    unit = _unit(text, group, unit_hint, change)
    denominator, upper = group.denominator, group.upper
    if unit == "rank" and change:
        raise ValueError("a change of rank is stated in places ('up 3 places'), not as a rank")
    if unit == "times" and sign < 0:
        raise ValueError("a fall by a multiple ('3 times lower') is ambiguous: state the level")
    if change and denominator is not None:
        # every share, target and completion table reads value/denominator as a level
        raise ValueError("a rise or fall stated against a whole ('up 5/10'): state the level")
    if unit == "rank" and (not _whole(first.value) or first.value < 1):
        raise ValueError("a rank must be a whole number of at least 1")
    if denominator is not None and denominator == 0:
        raise ValueError("a denominator of zero")
    if unit == "rank" and denominator is not None and first.value > denominator:
        raise ValueError("a rank below the bottom of its group")
    if percent_token is not None and percent_token.sign and not change:
        raise ValueError("a signed percent beside a level ('(-3%)') may be a change: say which")
    value = float(first.value)
    percent = None
    if percent_token is not None:  # "fell 5,000 (3%)": the share falls with the figure
        percent = float(percent_token.value) * (percent_token.sign or (-1 if sign < 0 else 1))
    if sign < 0:
        value, upper = (-upper, -value) if upper is not None else (-value, None)
    return Quantity(
        value=value,
        unit=unit,
        qualifier=qualifier,
        denominator=None if denominator is None else float(denominator),
        percent=percent,
        upper=None if upper is None else float(upper),
        measure="change" if change else "level",
    )


def render(value: float, style: str = "en", decimals: int = 0) -> str:
    """Write a number the way English ("1,234,567.5") or Vietnamese ("1.234.567,5") reports do.

    Used by the tests to check that every supported style reads back to the same number.

    Example:
        >>> render(1234567.5, "vi", 1), render(1234567.5, "en", 1)
        ('1.234.567,5', '1,234,567.5')
    """
    text = f"{value:,.{decimals}f}"
    if style == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    elif style != "en":
        raise ValueError(f"unknown style {style!r}")
    return text
