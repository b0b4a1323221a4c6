"""Turn one number phrase from a report into numbers: value, denominator, percent, unit, qualifier.

The dataset stores every figure exactly as its source words it (``stated``); this module is the
one code path that reads those phrases, for the dataset build and for the report extractor
(:mod:`helpers.extract`). It reads English and Vietnamese number styles:

- thousands separators: ``453,520`` (English), ``1.234.567`` (Vietnamese);
- decimals: ``89.27%``, and ``89,27%`` where a comma cannot be a thousands separator;
- scale words: ``1.2 million``, ``15 billion VND``, ``hơn 1,2 triệu``;
- fractions and shares: ``453,520/495,192 records (92%)``, ``13 out of 17``, ``33 of 43``;
- scores ``82.71/100 points``, ranks ``6th out of 63``, ``ranked 6th``, ranges ``80-90%``;
- small numbers in words (``two``, ``five``).

A phrase that cannot be read, or that could be read two ways, raises :class:`ValueError` naming
the text: the parser never guesses silently.

Example:
    >>> parse_quantity("453,520/495,192 records (92%)")
    Quantity(value=453520.0, unit='count', qualifier='exact', denominator=495192.0, percent=92.0, upper=None)
    >>> parse_quantity("more than 1.2 million").value
    1200000.0
"""  # noqa: E501

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

UNITS = ("count", "percent", "VND", "USD", "points", "rank")

#: Qualifiers as written (English and Vietnamese) → the canonical English word.
QUALIFIERS = {
    "more than": "more than",
    "over": "over",
    "nearly": "nearly",
    "about": "about",
    "almost": "almost",
    "approximately": "approximately",
    "approx.": "approximately",
    "around": "about",
    "roughly": "about",
    "some": "about",
    "up to": "up to",
    "at least": "at least",
    "less than": "less than",
    "fewer than": "less than",
    "under": "under",
    "below": "under",
    "exceeding": "exceeding",
    "exceeded": "exceeding",
    "above": "over",
    "hơn": "more than",
    "trên": "over",
    "gần": "nearly",
    "khoảng": "about",
    "xấp xỉ": "approximately",
    "ít nhất": "at least",
    "tối thiểu": "at least",
    "dưới": "under",
    "chưa đến": "less than",
    "lên tới": "up to",
    "lên đến": "up to",
    "vượt": "exceeding",
}
QUALIFIER_PATTERN = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))

SCALES = {
    "thousand": 1e3,
    "nghìn": 1e3,
    "ngàn": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "triệu": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "trillion": 1e12,
    "nghìn tỷ": 1e12,
}
SCALE_PATTERN = "|".join(re.escape(s) for s in sorted(SCALES, key=len, reverse=True))

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}  # fmt: skip
WORD_PATTERN = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
#: "twenty-five", "forty one": one number written as two words.
COMPOUND_WORD_TOKEN = re.compile(rf"\b(?P<tens>{_TENS})(?:-|\s)(?P<ones>{_ONES})\b", re.IGNORECASE)

#: A number as written: digits with optional separators and a decimal part.
NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
PERCENT = r"\s?%|\s?percent\b|\s?per\s?cent\b|\s?phần\s?trăm|pc\b"
ORDINAL = r"st|nd|rd|th"
#: Scale abbreviations written onto the number ("1.2m", "VND1.5tn", "3bn", "5k"), never spaced.
ABBREVIATIONS = {"m": 1e6, "k": 1e3, "bn": 1e9, "tn": 1e12}
#: Letters that may follow digits directly and still leave a figure (not a code like "COVID-19").
SUFFIXES = r"st|nd|rd|th|m|k|bn|tn|pc"
#: One numeric token: a number, an optional ordinal suffix or scale abbreviation, scale word and
#: percent sign.
TOKEN = re.compile(
    rf"(?=\d)(?:(?<![\w.,])|(?<=VND)|(?<=VNĐ)|(?<=USD))(?P<num>{NUMBER})(?![.,]\d)"
    rf"(?:(?P<ord>{ORDINAL})|(?P<abbr>m|k|bn|tn))?(?:(?!\w)|(?=pc\b))"
    rf"(?:\s*(?P<scale>{SCALE_PATTERN})(?!\w))?"
    rf"(?P<pct>{PERCENT})?",
    re.IGNORECASE,
)
WORD_TOKEN = re.compile(rf"\b(?P<word>{WORD_PATTERN})\b", re.IGNORECASE)
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
RANK_WORDS = re.compile(
    r"\b(?:rank(?:s|ed|ing)?|position|place[ds]?|xếp\s+(?:thứ|hạng)|hạng|đứng\s+thứ|top)\b",
    re.IGNORECASE,
)
POINT_WORDS = re.compile(r"\b(?:points?|điểm|score[sd]?|scoring)\b", re.IGNORECASE)
#: Words that make a figure a change rather than a level ("up 66%", but not "up to 90%").
CHANGE_WORDS = re.compile(
    r"\b(?:increase[sd]?|decrease[sd]?|(?:up|down)(?!\s+to\b)|rise|rose|fell|grew|growth|higher"
    r"|lower|tăng|giảm)\b",
    re.IGNORECASE,
)
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


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    value: float
    ordinal: bool
    percent: bool


def _either_case(words: str) -> str:
    """A case-sensitive alternation that accepts each word capitalised or in lower case.

    Case-insensitive alternations of many words are slow to scan a report with; a
    case-sensitive one with a two-letter class at the start is several times faster.
    """
    forms = []
    for phrase in words.split("|"):
        parts = [f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in phrase.split()]
        forms.append(r"\s+".join(parts))
    return "(?-i:" + "|".join(forms) + ")"


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
_DOC = _either_case(
    "Project|Directive|Decision|Resolution|Decree|Circular|Plan|Law|Document|Dispatch"
    "|Official Letter|Letter|Notice|Conclusion|Programme|Program|Article|Clause|Chapter"
    "|Item|Section|Form|Instruction|Regulation|Announcement|Report|Đề án|Quyết định"
    "|Nghị quyết|Nghị định|Chỉ thị|Thông tư|Kế hoạch|Công văn|Thông báo"
    "|Kết luận|Điều|Khoản|Chương|Luật|Hướng dẫn|Version|Phiên bản"
)
_SMALL_WORDS = r"(?:one|two|three|four|five)"
#: Spans that hold digits but are not figures: (kind, pattern). Their digits are masked before
#: figures are looked for, in a phrase (:func:`parse_quantity`) and in a report
#: (:func:`helpers.extract.find_figures`).
NOT_FIGURES = [
    ("identifier", rf"\b{_DOC}\s+(?:No\.?\s*|Number\s+|số\s+)?\d[\w/.\-]*"),
    ("identifier", r"\b(?-i:No|Số)\.?\s*\d[\w/.\-]*"),  # capitalised: "tổng số 34" is a count
    # an index named by its decision: "Chỉ số 766", "Bộ chỉ số 766", "Index 766" (not "chỉ số 0,65")
    ("identifier", r"\b(?:bộ\s+)?(?:chỉ\s+số|index)\s+\d{3,4}(?![.,]?\d)(?!\s*(?:%|điểm|points?))"),
    ("identifier", r"\b\d+(?:/\d+)*/[A-ZĐ][\w\-]*"),
    ("identifier", r"\b\d+/\d+-[A-ZĐ][\w\-]*"),
    ("date", rf"\b{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s*\d{{4}})?|,?\s+\d{{4}}\b)"),
    (
        "date",
        rf"\b(?:\d{{1,2}}\s*-\s*)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
        rf"(?:,?\s*\d{{4}})?",
    ),
    ("date", r"\b\d{4}-\d{2}-\d{2}\b"),
    # the same mark twice: "20/11/24", "20.11.2024", but not a score "8.5/10"
    ("date", r"(?<![\d.,/])\d{1,2}([/.\-])\d{1,2}\1(?:19|20)?\d{2}(?![.,]?\d|/)"),
    ("date", r"(?<![\d.,/])\d{1,2}/(?:19|20)\d{2}(?![.,]?\d|/)"),
    ("date", r"\b(?:ngày|tháng|năm|quý)\s+\d{1,4}(?:/\d{1,4}){0,2}"),
    ("date", r"\bQ[1-4]\b"),
    ("year", r"(?<![\d.,])(?:19|20)\d{2}s?(?![.,]?\d|\s*(?:%|percent|million|billion|thousand))"),
    ("period", rf"(?<![\w.,])\d+(?:[.,]\d+)?\s*-?\s*{_TIME_UNIT}\b"),
    ("period", r"\b24/7\b"),
    (
        "ordinal",
        r"\b\d+(?:st|nd|rd|th)\s+(?:meeting|session|conference|congress|plenum|plenary"
        r"|anniversary|edition|phase|round|time|times|year|term|tenure|course|batch"
        r"|national|party|working|regular|thematic|online|annual)\b",
    ),
    (
        "level",
        rf"\b(?:levels?|mức\s+độ|mức|cấp\s+độ|tier)\s*-?\s*(?:\d+|{_SMALL_WORDS})"
        rf"(?:\s*(?:and|or|,|&|-|to|và|hoặc)\s*(?:levels?\s*)?(?:\d+|{_SMALL_WORDS}))*\b",
    ),
    ("time of day", r"\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)"),
    ("code", rf"\b(?!VN[DĐ]\d)[^\W\d_]+-?\d+[\w.]*|\b\d+(?!(?:{SUFFIXES})\b)[^\W\d_]+\w*"),
]
_NOT_FIGURES = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in NOT_FIGURES]
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
    for kind, pattern in _NOT_FIGURES:
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


def _tokens(text: str, lang: str | None) -> list[_Token]:
    found = []
    for m in TOKEN.finditer(text):
        scale_word = (m.group("scale") or "").lower()
        abbr = (m.group("abbr") or "").lower()
        scale = SCALES.get(scale_word, 1.0) * ABBREVIATIONS.get(abbr, 1.0)
        number = parse_number(m.group("num"), lang, bool(scale_word or abbr or m.group("pct")))
        # 4.03 × 10⁶ is 4030000.000000001 in binary floating point: round the scaled value.
        value = round(number * scale, 6) if scale > 1 else number
        found.append(_Token(m.start(), m.end(), value, bool(m.group("ord")), bool(m.group("pct"))))
    taken = [(t.start, t.end) for t in found]
    for m in COMPOUND_WORD_TOKEN.finditer(text):
        value = WORD_NUMBERS[m.group("tens").lower()] + WORD_NUMBERS[m.group("ones").lower()]
        taken.append((m.start(), m.end()))
        found.append(_Token(m.start(), m.end(), value, False, False))
    for pattern, table, ordinal in (
        (ORDINAL_WORD_TOKEN, ORDINAL_WORDS, True),
        (WORD_TOKEN, WORD_NUMBERS, False),
    ):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(_Token(m.start(), m.end(), table[m.group("word").lower()], ordinal, False))
    return sorted(found, key=lambda t: t.start)


def _qualifier(text: str, first: int) -> str:
    before = text[:first]
    found = list(re.finditer(rf"(?<!\w)({QUALIFIER_PATTERN})(?!\w)", before, re.IGNORECASE))
    if not found:
        return "exact"
    last = found[-1]
    if len(before[last.end() :].split()) > 2:  # too far from the number to qualify it
        return "exact"
    return QUALIFIERS[last.group(1).lower()]


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

    Raises:
        ValueError: naming the text, when it holds no number, several unrelated numbers, or an
            ambiguous one.

    Example:
        >>> q = parse_quantity("ranking 6th out of 63")
        >>> q.unit, q.value, q.denominator
        ('rank', 6.0, 63.0)
        >>> parse_quantity("nearly 15 billion VND")
        Quantity(value=15000000000.0, unit='VND', qualifier='nearly', denominator=None, percent=None, upper=None)
        >>> parse_quantity("34.3% (12,163/35,470 beneficiaries)").percent
        34.3
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


def _groups(text: str, tokens: list[_Token]) -> list[_Group]:
    groups: list[_Group] = []
    rest = list(tokens)
    while rest:
        head = rest.pop(0)
        group = _Group(head, head.end, percent=head.percent)
        if rest:
            link = text[head.end : rest[0].start]
            nxt = rest[0]
            if DENOMINATOR_LINK.match(link) and not nxt.percent and not head.percent:
                group.denominator, group.end = nxt.value, nxt.end
                rest.pop(0)
            elif RANGE_LINK.match(link) and nxt.value >= head.value and not nxt.ordinal:
                if head.percent and not nxt.percent:
                    raise ValueError("a range must have the same unit on both ends")
                group.upper, group.end, group.percent = nxt.value, nxt.end, nxt.percent
                rest.pop(0)
        groups.append(group)
    return groups


def _interpret(text: str, tokens: list[_Token], unit_hint: str | None) -> Quantity:
    groups = _groups(text, tokens)
    percent = None
    if len(groups) == 2:
        # A count (or fraction) with its share beside it, in either order:
        # "453,520/495,192 records (92%)", "34.3% (12,163/35,470 beneficiaries)".
        shares = [g for g in groups if g.percent and g.upper is None]
        counts = [g for g in groups if not g.percent and not g.head.ordinal]
        a, b = groups
        between = text[a.end : b.head.start]
        if len(shares) == 1 and len(counts) == 1 and not CHANGE_WORDS.search(between):
            percent = shares[0].head.value
            groups = counts
    if len(groups) > 1:
        raise ValueError("more than one figure in the phrase")
    group = groups[0]
    first = group.head
    qualifier = _qualifier(text, first.start)
    denominator, upper = group.denominator, group.upper
    has_rank_word = bool(RANK_WORDS.search(text))
    if group.percent:
        unit = "percent"
    elif VND_WORDS.search(text):
        unit = "VND"
    elif USD_WORDS.search(text):
        unit = "USD"
    elif first.ordinal or (has_rank_word and unit_hint in (None, "rank")):
        unit = "rank"
    elif POINT_WORDS.search(text) or (denominator == 100 and unit_hint == "points"):
        unit = "points"
    elif unit_hint in ("rank", "points"):
        unit = unit_hint
    else:
        unit = "count"
    if unit == "rank" and (not _whole(first.value) or first.value < 1):
        raise ValueError("a rank must be a whole number of at least 1")
    if denominator is not None and denominator == 0:
        raise ValueError("a denominator of zero")
    if unit == "rank" and denominator is not None and first.value > denominator:
        raise ValueError("a rank below the bottom of its group")
    return Quantity(
        value=float(first.value),
        unit=unit,
        qualifier=qualifier,
        denominator=None if denominator is None else float(denominator),
        percent=None if percent is None else float(percent),
        upper=None if upper is None else float(upper),
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
