"""The words that number phrases are made of, in English and Vietnamese, and what each means.

:mod:`helpers.quantities` reads a phrase with these tables and :mod:`helpers.extract` uses the
same ones to decide how far a figure's phrase reaches in a report, so that the two never read a
word differently. Each class of words has one table or pattern here:

- qualifiers ("more than", "không dưới") and scale words ("million", "triệu", "dozen");
- numbers in English words ("two hundred and fifty", "half a million");
- fractions in words ("two-thirds", "một phần ba", "half");
- multipliers ("twice", "3-fold", "gấp đôi", "gấp 3 lần");
- directions: rises and falls ("fell", "giảm", "5% lower") and the words that make a figure a
  level after all ("rose to", "giảm xuống còn");
- units of measure and currencies that the dataset does not hold ("5,000 ha", "£2 million");
- vague amounts ("several hundred", "hàng nghìn", "dozens of").

Example:
    >>> word_number_value("two hundred and fifty thousand")
    250000.0
    >>> fraction_value("two-thirds"), fraction_value("một phần tư")
    ((2, 3), (1, 4))
    >>> vague_words("several hundred households")
    'several hundred'
"""

from __future__ import annotations

import re


def either_case(words: str) -> str:
    """A case-sensitive alternation that accepts each word capitalised or in lower case.

    Case-insensitive alternations of many words are slow to scan a report with; a
    case-sensitive one with a two-letter class at the start is several times faster.

    Example:
        >>> bool(re.fullmatch(either_case("more than|over"), "More than"))
        True
    """
    # Alternatives are grouped by their first letter, in their order, so that the engine tests
    # each first letter once ("[Pp](?:roject|lan)" rather than "[Pp]roject|[Pp]lan").
    groups: dict[str, list[str]] = {}
    for phrase in words.split("|"):
        first, *rest = phrase.split()
        parts = [re.escape(first[1:])]
        parts += [f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in rest]
        groups.setdefault(first[0], []).append(r"\s+".join(parts))
    forms = [f"[{c.upper()}{c.lower()}](?:{'|'.join(tails)})" for c, tails in groups.items()]
    return "(?-i:" + "|".join(forms) + ")"


# --- qualifiers ---------------------------------------------------------------------------------

#: Qualifiers as written (English and Vietnamese) → the canonical English word. The longest form
#: that fits wins, so "no more than" is never read as "more than", nor "không dưới" as "dưới".
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
    "more or less": "about",
    "close to": "nearly",
    "up to": "up to",
    "at most": "up to",
    "no more than": "up to",
    "not more than": "up to",
    "at least": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "no fewer than": "at least",
    "less than": "less than",
    "fewer than": "less than",
    "lower than": "less than",
    "higher than": "more than",
    "greater than": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "just over": "over",
    "under": "under",
    "just under": "under",
    "below": "under",
    "exceeding": "exceeding",
    "exceeded": "exceeding",
    "above": "over",
    "hơn": "more than",
    "nhiều hơn": "more than",
    "cao hơn": "more than",
    "ít hơn": "less than",
    "thấp hơn": "less than",
    "trên": "over",
    "trên dưới": "about",
    "gần": "nearly",
    "ngót": "nearly",
    "khoảng": "about",
    "chừng": "about",
    "xấp xỉ": "approximately",
    "ít nhất": "at least",
    "tối thiểu": "at least",
    "không dưới": "at least",
    "không ít hơn": "at least",
    "dưới": "under",
    "chưa đến": "less than",
    "chưa tới": "less than",
    "không quá": "up to",
    "tối đa": "up to",
    "lên tới": "up to",
    "lên đến": "up to",
    "vượt": "exceeding",
}
QUALIFIER_PATTERN = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
#: Qualifiers that are comparisons: before a number followed by "so với" ("compared with") they
#: state a difference, not a bound ("cao hơn 5% so với năm trước": 5% higher than last year).
COMPARATIVES = {"nhiều hơn": 1, "cao hơn": 1, "ít hơn": -1, "thấp hơn": -1}

# --- scale words and numbers in words -----------------------------------------------------------

SCALES = {
    "dozen": 12.0,
    "hundred": 1e2,
    "trăm": 1e2,
    "chục": 1e1,
    "thousand": 1e3,
    "thousands": 1e3,
    "nghìn": 1e3,
    "ngàn": 1e3,
    "vạn": 1e4,
    "chục nghìn": 1e4,
    "chục ngàn": 1e4,
    "hundred thousand": 1e5,
    "trăm nghìn": 1e5,
    "trăm ngàn": 1e5,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "triệu": 1e6,
    "chục triệu": 1e7,
    "trăm triệu": 1e8,
    "billion": 1e9,
    "billions": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "chục tỷ": 1e10,
    "trăm tỷ": 1e11,
    "trillion": 1e12,
    "nghìn tỷ": 1e12,
    "ngàn tỷ": 1e12,
}
SCALE_PATTERN = "|".join(re.escape(s) for s in sorted(SCALES, key=len, reverse=True))
#: Vietnamese halves and tenths written after a scale word: "1 triệu rưỡi" is 1.5 million.
SCALE_TAILS = {"rưỡi": 0.5, "mốt": 0.1}

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}  # fmt: skip
_CARDINALS = "|".join(w for w in sorted(WORD_NUMBERS, key=len, reverse=True) if w != "hundred")
#: Scale words that may follow a number in words ("two million", "a dozen").
WORD_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
               "trillion": 1e12, "dozen": 12.0}  # fmt: skip
_WORD_SCALES = "hundred|thousand|million|billion|trillion|dozen"
#: A number in words that ends in its scale word ("two million"), whose scale a range may share.
WORD_SCALE_END = re.compile(rf"(?:{_WORD_SCALES})$", re.IGNORECASE)


_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
_EN_DENOMINATORS = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))


def _word_number_pattern(word) -> str:
    """A number in English words: "two", "twenty-five", "two hundred and fifty thousand",
    "a million", "half a million", "one and a half million". ``word`` wraps an alternation
    (plain, or :func:`either_case` for fast scanning)."""
    cardinal, scale = word(_CARDINALS), word(_WORD_SCALES)
    article = word("a|an|half a|half an")
    # "and" only after "hundred" or a scale word: "five and seven districts" is two numbers.
    joint = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
    # "one third", "two-thirds": a fraction, read by FRACTION, never the number "one" or "two"
    fraction = word(_EN_DENOMINATORS)
    return (
        rf"(?<![\w\-])(?:{article}\s+{scale}|{cardinal})"
        rf"(?:(?:{joint}|\s+|-)(?:{cardinal}|{scale}))*"
        rf"(?:\s+and\s+a\s+half(?:\s+{scale})?)?(?![\w\-])(?![\s\-]+{fraction}(?!\w))"
    )


#: A number in words, for a phrase (any case) and for scanning a report (first letter either case).
WORD_NUMBER = re.compile(_word_number_pattern(lambda w: f"(?:{w})"), re.IGNORECASE)
WORD_NUMBER_SCAN = re.compile(_word_number_pattern(either_case))


def word_number_value(phrase: str) -> float:
    """The value of a number in English words.

    Raises:
        ValueError: when the words do not make one number ("two three", "thousand million").

    Example:
        >>> word_number_value("twenty-five"), word_number_value("a dozen")
        (25.0, 12.0)
        >>> word_number_value("one and a half million"), word_number_value("half a million")
        (1500000.0, 500000.0)
    """
    words = [w for w in re.split(r"[\s\-]+", phrase.lower()) if w]
    total, group, last = 0.0, None, None  # group: the part below the next scale word
    previous_scale = float("inf")
    i = 0
    while i < len(words):
        w = words[i]
        if words[i : i + 3] == ["and", "a", "half"]:
            if last == "scale":  # "a million and a half"
                total += 0.5 * previous_scale
            elif group is not None:  # "one and a half (million)"
                group += 0.5
            else:
                raise ValueError(f"'and a half' without a number in {phrase!r}")
            i, last = i + 3, "half"
            continue
        if w == "half" and words[i + 1 : i + 2] in (["a"], ["an"]):
            group, last, i = 0.5, "article", i + 2
            continue
        if w in ("a", "an"):
            group, last = 1.0, "article"
        elif w == "and":
            if last not in ("hundred", "scale"):
                raise ValueError(f"'and' between two numbers in {phrase!r}")
        elif w in WORD_NUMBERS and w != "hundred":
            value = WORD_NUMBERS[w]
            if group is None or last == "scale":
                group = (group or 0.0) if last != "scale" else 0.0
                group += value
            elif (last == "tens" and value < 10) or (last == "hundred" and group % 100 == 0):
                group += value
            else:
                raise ValueError(f"two numbers side by side in {phrase!r}")
            last = "tens" if value >= 20 and value % 10 == 0 else "ones"
        elif w == "hundred":
            if group is None or group >= 100 or last == "scale":
                raise ValueError(f"'hundred' without a number before it in {phrase!r}")
            group, last = group * 100, "hundred"
        elif w in WORD_SCALES:
            scale = WORD_SCALES[w]
            if group is None or scale >= previous_scale or last == "scale":
                raise ValueError(f"scale words out of order in {phrase!r}")
            total += group * scale
            group, last, previous_scale = None, "scale", scale
        else:
            raise ValueError(f"not a number word: {w!r} in {phrase!r}")
        i += 1
    if group is not None:
        total += group
    return float(total)


# --- fractions in words -------------------------------------------------------------------------

_VI_DIGITS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10, "trăm": 100,
}  # fmt: skip
_EN_NUMERATORS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten"
_VI_NUMERATORS = "một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười"
_VI_DENOMINATORS = "hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|trăm"


def _fraction_pattern(word) -> str:
    return (
        rf"(?<![\w\-])(?:{word(_EN_NUMERATORS)}[\s\-]+{word(_EN_DENOMINATORS)}"
        rf"|{word(_VI_NUMERATORS)}\s+phần\s+{word(_VI_DENOMINATORS)}(?!\s*[\d\x00])"
        rf"|{word('một nửa|phân nửa')}|(?<=\s)nửa(?=\s+(?:số|trong|của)\b)|{word('half')})"
        rf"(?![\w\-])"
    )


#: A fraction in words, for a phrase (any case) and for scanning a report.
FRACTION = re.compile(_fraction_pattern(lambda w: f"(?:{w})"), re.IGNORECASE)
FRACTION_SCAN = re.compile(_fraction_pattern(either_case))
#: Words around "half" or "quarter" that make it a period of time, not a share: "the first half
#: of 2024", "a half-year review", "the first three quarters".
_PERIOD_BEFORE = re.compile(
    r"(?:first|second|third|fourth|last|past|next|latter|former|each|every|per|this|that"
    r"|1st|2nd|3rd|4th|the)\s+$",
    re.IGNORECASE,
)
_PERIOD_AFTER = re.compile(
    r"(?:[\s\-]+(?:year|yearly|term|day|days|hour|hours|month|months|time|century|decade)\b"
    r"|\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?(?:year|month|decade|century|[\d\x00]))",
    re.IGNORECASE,
)


def fraction_value(phrase: str) -> tuple[int, int]:
    """Numerator and denominator of a fraction in words.

    Example:
        >>> fraction_value("a third"), fraction_value("half"), fraction_value("hai phần ba")
        ((1, 3), (1, 2), (2, 3))
    """
    words = [w for w in re.split(r"[\s\-]+", phrase.lower()) if w]
    if words[-1] == "nửa" or words == ["half"]:
        return 1, 2
    if "phần" in words:
        return _VI_DIGITS[words[0]], _VI_DIGITS[words[-1]]
    numerator = 1 if words[0] in ("a", "an") else int(WORD_NUMBERS[words[0]])
    return numerator, _DENOMINATORS[words[-1]]


def is_period_fraction(text: str, start: int, end: int) -> bool:
    """Whether the fraction word at ``text[start:end]`` names a period ("the first half of
    2024", "the first three quarters") rather than a share.

    Example:
        >>> text = "in the first half of 2024"
        >>> is_period_fraction(text, 13, 17)
        True
    """
    word = text[start:end].lower()
    if not re.search(r"half|quarter|nửa", word):
        return False
    return bool(_PERIOD_BEFORE.search(text[max(0, start - 12) : start])) or bool(
        _PERIOD_AFTER.match(text, end)
    )


# --- multipliers --------------------------------------------------------------------------------

#: Words that are a multiplier by themselves; the second item says whether they state a change
#: ("doubled", "halved") rather than a ratio ("twice", "gấp đôi").
MULTIPLIER_WORDS = {
    "twice": (2.0, False),
    "doubled": (2.0, True), "doubling": (2.0, True), "doubles": (2.0, True),
    "tripled": (3.0, True), "tripling": (3.0, True), "triples": (3.0, True),
    "trebled": (3.0, True), "quadrupled": (4.0, True), "halved": (0.5, True),
    "halving": (0.5, True), "gấp đôi": (2.0, False), "gấp rưỡi": (1.5, False),
    "gấp hai": (2.0, False), "gấp ba": (3.0, False), "gấp bốn": (4.0, False),
    "gấp tư": (4.0, False), "gấp năm": (5.0, False), "gấp sáu": (6.0, False),
    "gấp bảy": (7.0, False), "gấp tám": (8.0, False), "gấp chín": (9.0, False),
    "gấp mười": (10.0, False), "nhân đôi": (2.0, True), "nhân ba": (3.0, True),
}  # fmt: skip
_FOLD_WORDS = "two|three|four|five|six|seven|eight|nine|ten|hundred"


def _multiplier_pattern(word) -> str:
    names = "|".join(sorted(MULTIPLIER_WORDS, key=len, reverse=True))
    return (
        rf"(?<![\w\-])(?:{word(names)}(?!\s*[\d\x00])|{word(_FOLD_WORDS)}[\s\-]?fold)(?![\w\-])"
    )


#: A multiplier in words ("twice", "threefold", "gấp đôi").
MULTIPLIER = re.compile(_multiplier_pattern(lambda w: f"(?:{w})"), re.IGNORECASE)
MULTIPLIER_SCAN = re.compile(_multiplier_pattern(either_case))
#: What makes a number a multiplier: after it "times", "lần", "-fold", "x"; before it "gấp", "x".
TIMES_AFTER = re.compile(r"\s*(?:-\s*fold\b|fold\b|times\b|lần(?!\s+thứ)\b|[x×](?!\w))", re.I)
TIMES_BEFORE = re.compile(r"(?:(?<!\w)gấp\s+|(?<![\w.,])[x×]\s?)$", re.IGNORECASE)


def multiplier_value(phrase: str) -> tuple[float, bool]:
    """The factor of a multiplier in words, and whether the word itself says it rose.

    Example:
        >>> multiplier_value("threefold"), multiplier_value("doubled"), multiplier_value("Gấp đôi")
        ((3.0, False), (2.0, True), (2.0, False))
    """
    key = " ".join(phrase.lower().split())
    if key in MULTIPLIER_WORDS:
        return MULTIPLIER_WORDS[key]
    word = re.sub(r"[\s\-]?fold$", "", key)
    return float(WORD_NUMBERS[word]), False


# --- directions: rises, falls, and the words that keep a figure a level ------------------------

#: Verbs and nouns of a rise or a fall, before the number ("fell 5%", "an increase of 66%",
#: "giảm 5%"). "up" and "down" count only right before the number (see below).
RISE_WORDS = (
    r"increase[sd]?|increasing|rise[sn]?|rose|rising|gr[eo]w[ns]?|growing|growth|gain(?:ed|s)?"
    r"|climb(?:ed|s)?|jump(?:ed|s)?|surge[sd]?|soar(?:ed|s)?|improved|went\s+up|higher\s+by"
    r"|tăng\s+trưởng|tăng(?!\s+(?:cường|tốc|ca)\b)|gia\s+tăng"
)
FALL_WORDS = (
    r"decrease[sd]?|decreasing|decline[sd]?|declining|f[ae]ll(?:s|ing|en)?|drop(?:ped|s|ping)?"
    r"|reduced?|reduces|reducing|reduction|shr[iau]nk(?:s)?|slipped|slid|plunged|plummeted"
    r"|tumbled|sank|dipped|lowered|went\s+down|cut\s+by|lower\s+by|sụt\s+giảm|cắt\s+giảm"
    r"|giảm|sụt|tụt"
)
#: Verbs that "up" or "down" may end without meaning a rise or fall ("set up 12 teams").
PHRASAL_VERB = re.compile(
    r"(?<!\w)(?:set|sets|make|made|makes|making|take|took|taken|takes|sign|signed|pick|picked"
    r"|open|opened|free|freed|build|built|line|lined|sum|summed|add|added|end|ended|turn|turned"
    r"|break|broke|broken|narrow|narrowed|hand|handed|pass|passed|shut|close|closed|settle"
    r"|settled|write|wrote|written|put|follow|followed|back|backed|step|stepped|scale|scaled"
    r"|speed|sped|catch|caught|keep|kept|bring|brought|show|showed|come|came|stand|stood)\s+$",
    re.IGNORECASE,
)
_ADVERBS = (
    r"sharply|slightly|significantly|markedly|steadily|strongly|further|considerably|only"
    r"|mạnh|nhẹ|đáng\s+kể|thêm|được|chỉ|nữa"
)
#: A rise or a fall before the number. "up" and "down" count only right before it (see
#: :data:`UPDOWN_GAP`) and not after a phrasal verb (:data:`PHRASAL_VERB`).
DIRECTION_BEFORE = re.compile(
    rf"(?<!\w)(?:(?P<rise>{RISE_WORDS})|(?P<fall>{FALL_WORDS})|(?P<updown>up|down))(?!\w)",
    re.IGNORECASE,
)
UPDOWN_GAP = re.compile(rf"^(?:\s+by)?(?:\s+(?:{QUALIFIER_PATTERN}))?\s*[+\-]?$", re.IGNORECASE)
#: A sign written as a word right before the number: "âm 2%", "negative 2%", "minus 2 points".
SIGN_WORD = re.compile(r"(?<!\w)(?:âm|negative|minus)\s+$", re.IGNORECASE)
#: Rise words that name a rate rather than say it rose: "growth of -2%", "tăng trưởng âm 2%" is
#: a fall, read by its sign.
RATE_WORDS = re.compile(r"growth|tăng\s+trưởng", re.IGNORECASE)
#: What may stand between a direction word and its number: "by", a qualifier, an adverb, "of".
DIRECTION_GAP = re.compile(
    rf"^(?:\s+(?:by|of|là|(?:{_ADVERBS})|(?:{QUALIFIER_PATTERN})))*\s*[+\-]?$", re.IGNORECASE
)
#: Words that make the number after a rise or fall its level ("rose to 90%", "giảm còn 5%")
#: or its starting point ("up from 30%").
LEVEL_MARK = re.compile(
    r"(?<!\w)(?:(?<!up\s)(?<!close\s)to|at(?!\s+(?:least|most)\b)|from|reaching|reached|reach"
    r"|lên|xuống|còn|từ|ở\s+mức|đạt)(?!\w)",
    re.IGNORECASE,
)
#: Comparatives and nouns after the number: "5% lower than", "3 points higher", "a 5% drop".
DIRECTION_AFTER = re.compile(
    # right after the number: "5 percent less paper", "12 more districts" (not "10 lower
    # secondary schools", "higher education")
    r"\s+(?:(?P<rise_next>higher|more)|(?P<fall_next>lower|less|fewer))"
    r"(?!\s+(?:secondary|education|level|levels|income|middle|court|house|grade|grades"
    r"|school|schools|than)\b)(?!\w)"
    # or a word or two further, before "than", a stop, or a comparison
    r"|(?:\s+(?!(?:and|or|but|while|then|và|hoặc|nhưng|rồi)\b)[^\W\d_]+){0,2}?"
    r"\s+(?:(?P<rise>higher|more|up)|(?P<fall>lower|less|fewer|down))"
    r"(?=(?:\s+[^\W\d_]+)?\s+than\b|\s*[,.;:)]|\s*$"
    r"|\s+(?:compared|year|on|from|over|against|versus|vs|so\s+với|and|but|while|và)\b)"
    r"|\s+(?:(?P<rise_noun>increase|rise|growth|gain|jump)|(?P<fall_noun>decrease|decline"
    r"|drop|fall|reduction|cut))\b",
    re.IGNORECASE,
)
#: "rose from 50% to 60%", "giảm từ 8% xuống 5%": a change from one level to another, which is
#: two figures and never a range.
CHANGE_FROM = re.compile(
    rf"(?:{RISE_WORDS}|{FALL_WORDS}|\bup|\bdown)(?:\s+[^\W\d_]+){{0,3}}?\s+(?:from|từ)\s+"
    rf"(?:(?:{QUALIFIER_PATTERN})\s+)?$",
    re.IGNORECASE,
)
#: What opens a range before its first number: "from 10 to 20", "between 1.5 and 2 million".
RANGE_START = re.compile(
    rf"(?<!\w)(?P<word>from|từ|between|giữa)\s+(?:(?:{QUALIFIER_PATTERN})\s+)?$", re.IGNORECASE
)
#: After a number, "so với" (compared with) turns a Vietnamese comparative into a difference.
COMPARED = re.compile(r"[^\d\x00]{0,40}?\bso\s+với\b", re.IGNORECASE)
#: A change of rank is stated in places ("up 7 places", "tăng 3 bậc"), never as a rank.
PLACES_AFTER = re.compile(
    r"\s*(?:places?|positions?|spots?|notches?|ranks?|bậc|hạng|thứ\s+hạng)(?!\w)", re.IGNORECASE
)

# --- units of measure and currencies the dataset does not hold ----------------------------------

#: Currencies other than the dataset's VND and USD, as written → ISO code.
CURRENCIES = {
    "£": "GBP", "GBP": "GBP", "pounds sterling": "GBP", "pound sterling": "GBP",
    "bảng Anh": "GBP", "€": "EUR", "EUR": "EUR", "euro": "EUR", "euros": "EUR",
    "Euro": "EUR", "Euros": "EUR", "ơ-rô": "EUR", "¥": "JPY/CNY", "JPY": "JPY", "yen": "JPY",
    "yên Nhật": "JPY", "CNY": "CNY", "RMB": "CNY", "yuan": "CNY", "nhân dân tệ": "CNY",
    "Nhân dân tệ": "CNY", "₩": "KRW", "KRW": "KRW", "won": "KRW", "THB": "THB", "baht": "THB",
    "bạt": "THB", "฿": "THB", "SGD": "SGD", "S$": "SGD", "AUD": "AUD", "A$": "AUD",
    "AU$": "AUD", "CAD": "CAD", "C$": "CAD", "HKD": "HKD", "HK$": "HKD", "TWD": "TWD",
    "NT$": "TWD", "NZ$": "NZD", "INR": "INR", "₹": "INR", "rupees": "INR", "MYR": "MYR",
    "ringgit": "MYR", "CHF": "CHF", "RUB": "RUB", "rúp": "RUB", "roubles": "RUB",
    "rubles": "RUB", "LAK": "LAK", "kíp": "LAK", "KHR": "KHR", "riel": "KHR",
    "Singapore dollars": "SGD", "Australian dollars": "AUD", "Hong Kong dollars": "HKD",
    "Canadian dollars": "CAD", "Taiwan dollars": "TWD", "Swiss francs": "CHF",
    "yên": "JPY", "đô la Singapore": "SGD",
    "đô la Úc": "AUD", "đô la Hồng Kông": "HKD", "đô la Canada": "CAD",
}  # fmt: skip
_SYMBOLS = {"£", "€", "¥", "₩", "฿", "₹", "S$", "A$", "AU$", "C$", "HK$", "NT$", "NZ$"}
#: Currency names that are also ordinary words ("won", "kíp"): a currency only after a number.
_AFTER_ONLY = {"won", "bạt", "rúp", "kíp", "riel", "yên"}
_ANYWHERE = sorted(
    (c for c in CURRENCIES if c not in _SYMBOLS | _AFTER_ONLY), key=len, reverse=True
)


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[\s\-]+") for w in words)


#: A currency other than VND and USD anywhere in a phrase ("£2 million", "5 triệu euro").
FOREIGN_CURRENCY = re.compile(
    r"[£€¥₩฿₹]|(?<![A-Za-z])(?:AU|HK|NT|NZ|S|A|C)\$|(?<![\w$])(?:" + _alternation(_ANYWHERE)
    + r")(?![\w$])"
)  # fmt: skip
#: A currency whose name is also an ordinary word, right after the number ("3,000 won").
FOREIGN_AFTER = re.compile(r"\s*(?:" + _alternation(sorted(_AFTER_ONLY)) + r")(?!\w)")
#: A money word that is also a weight: refused unless the phrase says which.
AMBIGUOUS_MONEY = re.compile(r"\bpounds?\b(?!\s+sterling)", re.IGNORECASE)
#: Units of measure after a number (length, area, mass, volume, energy, data) → symbol.
MEASURES = {
    "ha": "ha", "hectare": "ha", "hectares": "ha", "hecta": "ha", "héc-ta": "ha",
    "hécta": "ha", "acre": "acre", "acres": "acre", "km": "km", "kilometres": "km",
    "kilometers": "km", "kilometre": "km", "kilometer": "km", "ki-lô-mét": "km",
    "cây số": "km", "miles": "mile", "mile": "mile", "metres": "m", "meters": "m", "mét": "m",
    "km2": "km2", "km²": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "sq km": "km2", "m2": "m2", "m²": "m2", "square metres": "m2", "square meters": "m2",
    "mét vuông": "m2", "m3": "m3", "m³": "m3", "kg": "kg", "kilograms": "kg",
    "kilogrammes": "kg", "ki-lô-gam": "kg", "kí": "kg", "tonnes": "tonne", "tonne": "tonne",
    "tons": "tonne", "ton": "tonne", "tấn": "tonne", "tạ": "quintal", "grams": "g",
    "litres": "litre", "liters": "litre", "lít": "litre", "MW": "MW", "GW": "GW", "kW": "kW",
    "kWh": "kWh", "MWh": "MWh", "GB": "GB", "TB": "TB", "MB": "MB", "Mbps": "Mbps",
    "Gbps": "Gbps", "°C": "°C", "feet": "ft", "foot": "ft", "ft": "ft", "square feet": "ft2",
    "inches": "inch", "yards": "yard", "gallons": "gallon", "barrels": "barrel",
    "ounces": "oz", "héc ta": "ha", "sào": "sào", "dặm": "mile", "mẫu Anh": "acre",
}  # fmt: skip
_MEASURE_WORDS = sorted(MEASURES, key=len, reverse=True)
MEASURE_AFTER = re.compile(r"\s*(?:" + _alternation(_MEASURE_WORDS) + r")(?!\w)")
MEASURE_ANYWHERE = re.compile(r"(?<![\w\-])(?:" + _alternation(_MEASURE_WORDS) + r")(?!\w)")
#: "5 m" could be metres or a million: refused.
METRE_OR_MILLION = re.compile(r"\s+m(?![\w²])")

# --- vague amounts ------------------------------------------------------------------------------

_SCALE_WORDS = "hundred|thousand|million|billion|trillion|dozen"
_VI_SCALE_WORDS = "chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ"
VAGUE = re.compile(
    "|".join(
        [
            rf"\b(?:several|a\s+few|few|many|some|numerous|multiple|countless|a\s+couple(?:\s+of)?"
            rf"|a\s+number\s+of|a\s+handful\s+of)\s+(?:{_SCALE_WORDS})s?\b",
            r"\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions|tens)\s+of\b",
            r"\bdozens\b",
            r"\b(?:single|double|triple)[\s\-]digits?\b",
            r"(?<=[\d\x00])\s*-?\s*odd\b",
            r"\ba\s+fraction\s+of\b",
            r"\ba\s+(?:large|small|significant|growing|great|good|substantial)\s+(?:number|share"
            r"|part|portion|proportion|majority|minority)\b",
            r"\b(?:the|a)\s+(?:majority|bulk|minority)\s+of\b|\bmost\s+of\b",
            r"\b(?:a\s+lot|lots|plenty)\s+of\b|\ba\s+(?:great|good)\s+many\b",
            r"\b(?:several|many|multiple|numerous|countless)\s+times\b|\bmanyfold\b",
            rf"(?<!\w)(?:vài|mấy|hàng|nhiều|dăm|mươi)\s+(?:ba\s+)?(?:{_VI_SCALE_WORDS})(?!\w)",
            r"(?<!\w)(?:hàng\s+loạt|phần\s+lớn|đa\s+số|hầu\s+hết|số\s+đông|gấp\s+nhiều\s+lần"
            r"|gấp\s+bội|nhiều\s+lần|vài\s+lần|mấy\s+lần|dăm\s+ba)(?!\w)",
            # a plural scale word with no number before it: "millions", "thousands"
            r"(?<![\d\x00]\s)(?<![\w\-])(?:hundreds|thousands|millions|billions|trillions)\b",
        ]
    ),
    re.IGNORECASE,
)
#: Words that every vague amount holds (in lower case): a cheap first test, since most phrases
#: hold none of them.
_VAGUE_HINT = re.compile(
    "several|few|many|some|numerous|multiple|countless|couple|number|handful|dozen|score"
    "|hundreds|thousands|millions|billions|trillions|tens|digit|odd|fraction|large|small"
    "|significant|growing|great|good|substantial|majority|bulk|minority|most|lot|plenty"
    "|vài|mấy|hàng|nhiều|dăm|mươi|phần lớn|đa số|hầu hết|số đông|gấp"
)


def vague_words(text: str) -> str | None:
    """The words that make ``text`` a vague amount ("several hundred", "hàng nghìn"), or None.

    Example:
        >>> vague_words("hàng chục nghìn hồ sơ"), vague_words("1,200 records")
        ('hàng chục', None)
        >>> vague_words("3 millions"), vague_words("millions of accounts")
        (None, 'millions of')
    """
    if not _VAGUE_HINT.search(text.lower()):
        return None
    found = VAGUE.search(text)
    return found.group(0).strip() if found else None
