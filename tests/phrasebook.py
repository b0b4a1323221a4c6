"""Number phrases built at random from words whose meaning is known, for property tests.

Each strategy draws the words of a phrase and returns it with the reading those words give
(worked out here from the words, not from the parser), so that a test can check the parser and
the extractor against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from helpers.quantities import render

SCALE_WORDS = {"": 1.0, " thousand": 1e3, " million": 1e6, " billion": 1e9, " nghìn": 1e3,
               " triệu": 1e6, " tỷ": 1e9}  # fmt: skip
UNIT_WORDS = {
    "": "count", " hồ sơ": "count", " accounts": "count", "%": "percent", " percent": "percent",
    " phần trăm": "percent", " VND": "VND", " đồng": "VND", " USD": "USD", " points": "points",
    " điểm": "points", " times": "times", " lần": "times", " ha": "ha", " hécta": "ha",
    " kg": "kg", " tấn": "tonne", " km": "km", " euros": "EUR", " bảng Anh": "GBP",
    " yen": "JPY",
}  # fmt: skip
#: Words before the number → the sign they give it (0: a level).
DIRECTION_WORDS = {
    "": 0, "increased by ": 1, "up ": 1, "rose ": 1, "an increase of ": 1, "grew by ": 1,
    "tăng ": 1, "tăng thêm ": 1, "decreased by ": -1, "fell ": -1, "down ": -1, "dropped ": -1,
    "a decrease of ": -1, "declined by ": -1, "giảm ": -1, "sụt giảm ": -1,
    "rose to ": 0, "fell to ": 0, "tăng lên ": 0, "giảm xuống còn ": 0,
}  # fmt: skip
#: Directions after which the number is a level ("rose to 90%").
TO_LEVEL = {"", "rose to ", "fell to ", "tăng lên ", "giảm xuống còn "}
QUALIFIER_WORDS = {
    "": "exact", "over ": "over", "more than ": "more than", "nearly ": "nearly",
    "about ": "about", "at least ": "at least", "no more than ": "up to", "less than ": "less than",
    "hơn ": "more than", "gần ": "nearly", "khoảng ": "about", "không dưới ": "at least",
    "ít nhất ": "at least", "dưới ": "under",
}  # fmt: skip
VAGUE_WORDS = ["several hundred", "a few thousand", "dozens of", "tens of thousands of",
               "hundreds of", "millions of", "vài trăm", "hàng nghìn", "hàng chục nghìn",
               "mấy trăm", "nhiều triệu", "hàng trăm tỷ"]  # fmt: skip


@dataclass(frozen=True)
class Phrase:
    """A phrase, the number style it is written in, and what its words say."""

    text: str
    style: str
    value: float
    unit: str
    qualifier: str
    measure: str
    refused: bool  # the words cannot be read as one figure (a fall by a multiple)


@st.composite
def numbers(draw) -> tuple[str, float, str]:
    """A number as a report writes it, in English or Vietnamese style, and its value."""
    style = draw(st.sampled_from(["en", "vi"]))
    if draw(st.booleans()):
        value = float(draw(st.integers(min_value=1, max_value=999_999)))
        return render(value, style), value, style
    value = draw(st.integers(min_value=1, max_value=99_999)) / 100
    return render(value, style, decimals=2), value, style


@st.composite
def phrases(draw) -> Phrase:
    """A number with a random direction, qualifier, scale word and unit around it."""
    written, value, style = draw(numbers())
    direction = draw(st.sampled_from(sorted(DIRECTION_WORDS)))
    qualifier = draw(st.sampled_from(sorted(QUALIFIER_WORDS)))
    scale = draw(st.sampled_from(sorted(SCALE_WORDS)))
    unit = draw(st.sampled_from(sorted(UNIT_WORDS)))
    sign = DIRECTION_WORDS[direction] or 1
    return Phrase(
        text=f"{direction}{qualifier}{written}{scale}{unit}",
        style=style,
        value=sign * value * SCALE_WORDS[scale],
        unit=UNIT_WORDS[unit],
        qualifier=QUALIFIER_WORDS[qualifier],
        measure="level" if direction in TO_LEVEL else "change",
        refused=sign < 0 and UNIT_WORDS[unit] == "times",
    )

RANGE_FORMS = ["{a}-{b}", "{a} - {b}", "{a}–{b}", "{a} – {b}", "{a} to {b}", "from {a} to {b}",
               "{a} đến {b}", "từ {a} đến {b}", "từ {a} tới {b}", "between {a} and {b}",
               "giữa {a} và {b}"]  # fmt: skip


@st.composite
def ranges(draw) -> Phrase:
    """A range written with its scale word once, at the end ("1.5-2 million", "từ 1,5 đến 2
    triệu"): both ends are on that scale."""
    style = draw(st.sampled_from(["en", "vi"]))
    halves = draw(st.integers(min_value=2, max_value=40))
    more = draw(st.integers(min_value=0, max_value=40))
    low, high = halves / 2, (halves + more) / 2
    scale = draw(st.sampled_from(sorted(set(SCALE_WORDS) - {""})))
    form = draw(st.sampled_from(RANGE_FORMS))
    text = form.format(a=render(low, style, 1), b=render(high, style, 1)) + scale
    factor = SCALE_WORDS[scale]
    return Phrase(text, style, low * factor, "count", "exact", "level", refused=False)
