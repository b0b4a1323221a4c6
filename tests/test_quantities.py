"""parse_quantity reads every number form the reports use, and refuses what it cannot read."""

import contextlib
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.quantities import Quantity, parse_number, parse_quantity, render
from phrasebook import (
    DIRECTION_WORDS,
    QUALIFIER_WORDS,
    UNIT_WORDS,
    VAGUE_WORDS,
    phrases,
    ranges,
)


@pytest.mark.parametrize(
    "text, value, unit, qualifier, denominator, percent",
    [
        ("453,520/495,192 records (92%)", 453520, "count", "exact", 495192, 92),
        ("over 5,600", 5600, "count", "over", None, None),
        ("958,367 out of 794,301", 958367, "count", "exact", 794301, None),
        ("120.7%", 120.7, "percent", "exact", None, None),
        ("33/43 tasks", 33, "count", "exact", 43, None),
        ("33 of 43", 33, "count", "exact", 43, None),
        ("13 out of 17", 13, "count", "exact", 17, None),
        ("82.71/100 points", 82.71, "points", "exact", 100, None),
        ("ranking 6th out of 63", 6, "rank", "exact", 63, None),
        ("ranked 6th", 6, "rank", "exact", None, None),
        ("more than 1.2 million", 1_200_000, "count", "more than", None, None),
        ("nearly 15 billion VND", 15e9, "VND", "nearly", None, None),
        ("VND 15 billion", 15e9, "VND", "exact", None, None),
        ("128 billion VND", 128e9, "VND", "exact", None, None),
        ("1.234.567", 1_234_567, "count", "exact", None, None),
        ("89.27%", 89.27, "percent", "exact", None, None),
        ("89,27%", 89.27, "percent", "exact", None, None),
        ("about 3 thousand", 3000, "count", "about", None, None),
        ("almost 40 percent", 40, "percent", "almost", None, None),
        ("approximately 2.5 million", 2_500_000, "count", "approximately", None, None),
        ("up to 90%", 90, "percent", "up to", None, None),
        ("at least 1,000", 1000, "count", "at least", None, None),
        ("less than 5%", 5, "percent", "less than", None, None),
        ("under 200", 200, "count", "under", None, None),
        ("exceeding 1,000", 1000, "count", "exceeding", None, None),
        ("hơn 1,2 triệu", 1_200_000, "count", "more than", None, None),
        ("gần 15 tỷ đồng", 15e9, "VND", "nearly", None, None),
        ("two", 2, "count", "exact", None, None),
        ("five districts", 5, "count", "exact", None, None),
        ("70,777 cases", 70777, "count", "exact", None, None),
        ("0.6419 points", 0.6419, "points", "exact", None, None),
        ("twenty-five essential services", 25, "count", "exact", None, None),
        ("forty one", 41, "count", "exact", None, None),
        ("six out of eleven", 6, "count", "exact", 11, None),
        ("US$1.2 million", 1_200_000, "USD", "exact", None, None),
        ("over USD300 million", 300e6, "USD", "over", None, None),
        ("8.5/10 points", 8.5, "points", "exact", 10, None),  # a score, not a date
        ("xếp hạng nhất", 1, "rank", "exact", None, None),
        ("5.000 hồ sơ", 5000, "count", "exact", None, None),  # Vietnamese words: Vietnamese style
        ("gần 1.234 tài khoản", 1234, "count", "nearly", None, None),
        ("56 dịch vụ trong tổng số 76 dịch vụ", 56, "count", "exact", 76, None),
        ("12 xã trên tổng số 20", 12, "count", "exact", 20, None),
        ("1.2m", 1_200_000, "count", "exact", None, None),  # scale abbreviations written on
        ("VND1.5tn", 1.5e12, "VND", "exact", None, None),
        ("US$3bn", 3e9, "USD", "exact", None, None),
        ("12.5pc", 12.5, "percent", "exact", None, None),
        ("trên 90 %", 90, "percent", "over", None, None),  # a space before the percent sign
    ],
)
def test_forms(text, value, unit, qualifier, denominator, percent):
    q = parse_quantity(text)
    assert math.isclose(q.value, value, rel_tol=1e-12)
    assert (q.unit, q.qualifier) == (unit, qualifier)
    assert q.denominator == (None if denominator is None else float(denominator))
    assert q.percent == (None if percent is None else float(percent))


def test_range_keeps_both_ends():
    q = parse_quantity("80-90%")
    assert (q.value, q.upper, q.unit) == (80.0, 90.0, "percent")
    assert parse_quantity("80% to 90%").upper == 90.0


def test_rank_over_group_needs_the_rank_hint_or_a_rank_word():
    assert parse_quantity("19/63 provinces").unit == "count"
    q = parse_quantity("19/63 provinces", unit_hint="rank")
    assert (q.unit, q.value, q.denominator) == ("rank", 19.0, 63.0)
    assert parse_quantity("ranked 19/63").unit == "rank"


def test_hint_fills_gaps_but_never_overrides_the_phrase():
    assert parse_quantity("15", unit_hint="rank") == Quantity(15.0, "rank")
    assert parse_quantity("0.7024", unit_hint="points").unit == "points"
    assert parse_quantity("92%", unit_hint="count").unit == "percent"


def test_change_phrases_read_their_number():
    q = parse_quantity("an increase of 66%")
    assert (q.value, q.unit) == (66.0, "percent")
    q = parse_quantity("an increase of more than 35,000")
    assert (q.value, q.qualifier) == (35000.0, "more than")


def test_language_settles_three_digit_groups():
    assert parse_quantity("1.234", lang="vi").value == 1234.0
    assert parse_quantity("1.234", lang="en").value == 1.234
    assert parse_quantity("1,234", lang="vi").value == 1.234
    assert parse_quantity("1,234").value == 1234.0  # commas group thousands unless told otherwise


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty"),
        ("no figure here", "no number"),
        ("1.234", "ambiguous"),  # 1.234 or 1234: the parser refuses to guess
        ("1.234 accounts", "ambiguous"),  # English words do not settle it either
        ("20/11/24", "no number"),  # a date
        ("on 20.11.2024", "no number"),
        ("1.2xyz", "runs into a code"),  # never read the part of a number left after a code
        ("1.5 million and 1.2 million", "more than one figure"),
        ("91%, an increase of 66%", "more than one figure"),
        ("70th out of 63", "below the bottom"),
        ("ranked 2.5", "whole number"),
        ("5/0", "zero"),
        ("1,23,456", "no number"),  # not a grouping any style uses: refused, not misread
    ],
)
def test_unreadable_phrases_raise_naming_the_text(text, message):
    with pytest.raises(ValueError, match=message) as info:
        parse_quantity(text)
    if text:
        assert repr(text) in str(info.value)


def test_unknown_unit_hint_is_refused():
    with pytest.raises(ValueError, match="unit hint"):
        parse_quantity("5", unit_hint="apples")


def test_parse_number_handles_both_marks():
    assert parse_number("1,234,567.89") == 1234567.89
    assert parse_number("1.234.567,89") == 1234567.89
    with pytest.raises(ValueError, match="two decimal marks"):
        parse_number("1.234,56,7")


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from(["en", "vi"]))
def test_integers_in_any_style_read_back(n, style):
    assert parse_quantity(render(n, style), lang=style).value == n


@given(
    st.integers(min_value=0, max_value=10**7),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(["en", "vi"]),
)
def test_two_decimal_figures_read_back_without_a_language(whole, cents, style):
    value = whole + cents / 100
    text = render(value, style, decimals=2)
    # Two decimals are never a thousands group, so no language is needed.
    assert math.isclose(parse_quantity(text).value, value, rel_tol=1e-12)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_scale_words_multiply(n, word):
    # (also 4.03 million must come out a whole count, not 4030000.000000001)
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[word]
    assert parse_quantity(f"{n} {word}").value == n * scale


@given(st.integers(min_value=1, max_value=63), st.integers(min_value=63, max_value=100))
def test_rank_out_of_group(rank, group):
    q = parse_quantity(f"ranked {rank} out of {group}")
    assert (q.unit, q.value, q.denominator) == ("rank", rank, group)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=99))
def test_decimal_millions_are_whole_counts(whole, cents):
    value = parse_quantity(f"{whole}.{cents:02d} million").value
    assert value == (whole * 100 + cents) * 10_000


# --- the classes of tricky phrases: read in full, or refused with a ValueError ----------------

#: (phrase, value, upper, unit, qualifier, measure); values worked out from the words.
READ = [
    # ranges share the scale word, percent sign or currency written once at the end
    ("1.5-2 million", 1.5e6, 2e6, "count", "exact", "level"),
    ("1,5-2 triệu", 1.5e6, 2e6, "count", "exact", "level"),
    ("từ 1,5 đến 2 triệu", 1.5e6, 2e6, "count", "exact", "level"),
    ("between 1.5 and 2 million", 1.5e6, 2e6, "count", "exact", "level"),
    ("1.5 to 2 million accounts", 1.5e6, 2e6, "count", "exact", "level"),
    ("khoảng 3-4 nghìn hồ sơ", 3000, 4000, "count", "about", "level"),
    ("VND 1.5-2 billion", 1.5e9, 2e9, "VND", "exact", "level"),
    ("80 to 90 percent", 80, 90, "percent", "exact", "level"),
    ("from 10 to 20 thousand", 10000, 20000, "count", "exact", "level"),
    # rises and falls keep their sign
    ("decreased by 5%", -5, None, "percent", "exact", "change"),
    ("fell 5%", -5, None, "percent", "exact", "change"),
    ("-5%", -5, None, "percent", "exact", "change"),
    ("+12%", 12, None, "percent", "exact", "change"),
    ("âm 2%", -2, None, "percent", "exact", "change"),
    ("tăng trưởng âm 2%", -2, None, "percent", "exact", "change"),
    ("growth of -2%", -2, None, "percent", "exact", "change"),
    ("negative 0.5 points", -0.5, None, "points", "exact", "change"),
    ("down 3 points", -3, None, "points", "exact", "change"),
    ("dropped 1,200", -1200, None, "count", "exact", "change"),
    ("declined sharply by 8%", -8, None, "percent", "exact", "change"),
    ("lower by 2%", -2, None, "percent", "exact", "change"),
    ("5% lower than in 2023", -5, None, "percent", "exact", "change"),
    ("a 5% drop", -5, None, "percent", "exact", "change"),
    ("500 fewer than last year", -500, None, "count", "exact", "change"),
    ("a reduction of 5,000 dossiers", -5000, None, "count", "exact", "change"),
    ("decreased by more than 5%", -5, None, "percent", "more than", "change"),
    ("fell 5-10%", -10, -5, "percent", "exact", "change"),
    ("fell 5,000 (3%)", -5000, None, "count", "exact", "change"),
    ("an increase of 66%", 66, None, "percent", "exact", "change"),
    ("up 15.2 percentage points", 15.2, None, "points", "exact", "change"),
    ("grew by 1.2 million", 1.2e6, None, "count", "exact", "change"),
    ("giảm 5%", -5, None, "percent", "exact", "change"),
    ("giảm 1.200 hồ sơ", -1200, None, "count", "exact", "change"),
    ("giảm hơn 12,5%", -12.5, None, "percent", "more than", "change"),
    ("sụt giảm 3 điểm", -3, None, "points", "exact", "change"),
    ("tăng 5% so với cùng kỳ", 5, None, "percent", "exact", "change"),
    ("thấp hơn 4% so với năm trước", -4, None, "percent", "exact", "change"),
    ("moved up 7 places", 7, None, "places", "exact", "change"),
    ("dropped 2 places", -2, None, "places", "exact", "change"),
    ("tăng 3 bậc", 3, None, "places", "exact", "change"),
    ("tụt 2 bậc", -2, None, "places", "exact", "change"),
    # a number after "to", "from", "lên", "còn" is a level
    ("rose to 90%", 90, None, "percent", "exact", "level"),
    ("fell to 5%", 5, None, "percent", "exact", "level"),
    ("up from 30%", 30, None, "percent", "exact", "level"),
    ("giảm xuống còn 5%", 5, None, "percent", "exact", "level"),
    ("tăng lên 60%", 60, None, "percent", "exact", "level"),
    ("set up 12 mobile teams", 12, None, "count", "exact", "level"),  # a phrasal verb
    ("make up 45.6%", 45.6, None, "percent", "exact", "level"),
    ("tăng cường 5 tổ công tác", 5, None, "count", "exact", "level"),  # "strengthen"
    ("cao hơn 90%", 90, None, "percent", "more than", "level"),  # a bound, not a difference
    # fractions in words are shares
    ("a third", 100 / 3, None, "percent", "exact", "level"),
    ("one-third of households", 100 / 3, None, "percent", "exact", "level"),
    ("two-thirds", 200 / 3, None, "percent", "exact", "level"),
    ("half of the communes", 50, None, "percent", "exact", "level"),
    ("more than half", 50, None, "percent", "more than", "level"),
    ("a quarter", 25, None, "percent", "exact", "level"),
    ("three quarters of clinics", 75, None, "percent", "exact", "level"),
    ("increased by a third", 100 / 3, None, "percent", "exact", "change"),
    ("một phần ba", 100 / 3, None, "percent", "exact", "level"),
    ("hai phần ba số xã", 200 / 3, None, "percent", "exact", "level"),
    ("một phần tư", 25, None, "percent", "exact", "level"),
    ("một nửa", 50, None, "percent", "exact", "level"),
    ("gần một nửa số hộ", 50, None, "percent", "nearly", "level"),
    ("giảm một nửa", -50, None, "percent", "exact", "change"),
    # multipliers have a unit of their own
    ("3 times higher", 3, None, "times", "exact", "change"),
    ("3 times", 3, None, "times", "exact", "level"),
    ("twice", 2, None, "times", "exact", "level"),
    ("doubled", 2, None, "times", "exact", "change"),
    ("more than doubled", 2, None, "times", "more than", "change"),
    ("tripled", 3, None, "times", "exact", "change"),
    ("3-fold", 3, None, "times", "exact", "level"),
    ("threefold", 3, None, "times", "exact", "level"),
    ("x2", 2, None, "times", "exact", "level"),
    ("2x", 2, None, "times", "exact", "level"),
    ("×2.5", 2.5, None, "times", "exact", "level"),
    ("2-3 times", 2, 3, "times", "exact", "level"),
    ("gấp 3 lần", 3, None, "times", "exact", "level"),
    ("tăng gấp 3 lần", 3, None, "times", "exact", "change"),
    ("halved", 0.5, None, "times", "exact", "change"),
    ("gấp hai lần", 2, None, "times", "exact", "level"),
    ("nhân ba", 3, None, "times", "exact", "change"),
    ("gấp đôi", 2, None, "times", "exact", "level"),
    ("tăng gấp đôi", 2, None, "times", "exact", "change"),
    ("gấp rưỡi", 1.5, None, "times", "exact", "level"),
    ("gấp 2,5 lần", 2.5, None, "times", "exact", "level"),
    # currencies and units the dataset does not hold keep their own unit
    ("£2 million", 2e6, None, "GBP", "exact", "level"),
    ("2 million pounds sterling", 2e6, None, "GBP", "exact", "level"),
    ("5 triệu bảng Anh", 5e6, None, "GBP", "exact", "level"),
    ("€5 million", 5e6, None, "EUR", "exact", "level"),
    ("5 million euros", 5e6, None, "EUR", "exact", "level"),
    ("2 triệu euro", 2e6, None, "EUR", "exact", "level"),
    ("3,000 yen", 3000, None, "JPY", "exact", "level"),
    ("5 tỷ yên", 5e9, None, "JPY", "exact", "level"),
    ("2 million Swiss francs", 2e6, None, "CHF", "exact", "level"),
    ("300 feet", 300, None, "ft", "exact", "level"),
    ("100-1,000 people", 100, 1000, "count", "exact", "level"),  # no shared thousands here
    ("S$1.2 million", 1.2e6, None, "SGD", "exact", "level"),
    ("10 triệu nhân dân tệ", 1e7, None, "CNY", "exact", "level"),
    ("5,000 ha", 5000, None, "ha", "exact", "level"),
    ("5.000 ha đất", 5000, None, "ha", "exact", "level"),
    ("gần 300 hécta", 300, None, "ha", "nearly", "level"),
    ("40 acres", 40, None, "acre", "exact", "level"),
    ("12 tấn", 12, None, "tonne", "exact", "level"),
    ("1.5 million tonnes", 1.5e6, None, "tonne", "exact", "level"),
    ("500 kg", 500, None, "kg", "exact", "level"),
    ("3 km", 3, None, "km", "exact", "level"),
    ("200 m2", 200, None, "m2", "exact", "level"),
    # numbers in words with their scale word
    ("ten thousand", 1e4, None, "count", "exact", "level"),
    ("two million accounts", 2e6, None, "count", "exact", "level"),
    ("five hundred staff", 500, None, "count", "exact", "level"),
    ("half a million cards", 5e5, None, "count", "exact", "level"),
    ("one and a half million", 1.5e6, None, "count", "exact", "level"),
    ("two hundred and fifty thousand", 2.5e5, None, "count", "exact", "level"),
    ("a dozen", 12, None, "count", "exact", "level"),
    ("five percent", 5, None, "percent", "exact", "level"),
    ("1 triệu rưỡi", 1.5e6, None, "count", "exact", "level"),
    # qualifiers that contain another qualifier
    ("no more than 5%", 5, None, "percent", "up to", "level"),
    ("không dưới 500", 500, None, "count", "at least", "level"),
    ("ít hơn 5 hồ sơ", 5, None, "count", "less than", "level"),
    ("trên dưới 500", 500, None, "count", "about", "level"),
    ("100+", 100, None, "count", "at least", "level"),
]


@pytest.mark.parametrize("text, value, upper, unit, qualifier, measure", READ)
def test_tricky_phrases_read_as_the_words_say(text, value, upper, unit, qualifier, measure):
    q = parse_quantity(text)
    if q.percent is not None:  # a share stated beside a count moves with it
        assert (q.percent < 0) == (q.value < 0), q
    assert math.isclose(q.value, value, rel_tol=1e-12), q
    assert q.upper == (None if upper is None else pytest.approx(upper, rel=1e-12)), q
    assert (q.unit, q.qualifier, q.measure) == (unit, qualifier, measure)


REFUSED = [
    # vague amounts have no point value
    ("several hundred", "vague"),
    ("several hundred households", "vague"),
    ("a few thousand", "vague"),
    ("dozens of clinics", "vague"),
    ("tens of thousands of dossiers", "vague"),
    ("hundreds of thousands", "vague"),
    ("millions of accounts", "vague"),
    ("100-odd units", "vague"),
    ("a fraction of the budget", "vague"),
    ("most of the 63 provinces", "vague"),
    ("a majority of the 25 services", "vague"),
    ("double-digit growth", "vague"),
    ("several times higher", "vague"),
    ("vài trăm", "vague"),
    ("vài trăm hộ", "vague"),
    ("hàng nghìn", "vague"),
    ("hàng chục nghìn hồ sơ", "vague"),
    ("hàng trăm tỷ đồng", "vague"),
    ("mấy chục xã", "vague"),
    ("phần lớn trong 63 tỉnh", "vague"),
    ("tăng gấp nhiều lần", "vague"),
    # ranges that cannot share a scale, and changes from one level to another
    ("500-2 million", "do not fit"),
    ("1.5 million to 2", "no scale word"),
    ("rose from 50% to 60%", "two figures"),
    ("1.5 or 2 million", "more than one figure"),
    ("50-60,000 people", "may share the thousands"),
    ("50-60.000 người", "may share the thousands"),
    # directions that contradict each other or do not apply
    ("increased -5%", "both a rise and a fall"),
    ("5,000 hồ sơ (-3%)", "signed percent beside a level"),
    ("3 times lower", "fall by a multiple"),
    ("giảm 3 lần", "fall by a multiple"),
    ("rose 3 places to 5th", "more than one figure"),
    ("tăng 5/10 chỉ tiêu", "against a whole"),
    # fractions of a stated number
    ("two-thirds of the 63 provinces", "fraction in words"),
    ("một nửa trong số 20 xã", "fraction in words"),
    # units that cannot be told apart or are not attached to the number
    ("5 million pounds", "money"),
    ("¥3 million", "more than one currency"),
    ("5 m", "metres or a million"),
    ("500 người/km2", "not attached"),
    ("60 km/h", "a rate"),
    ("5 ha mỗi hộ", "a rate"),
    ("VND 5 billion in euros", "two currencies"),
    # periods are not fractions or ranks
    ("the first half of 2024", "no number"),
    ("in the third quarter", "no number"),
]


@pytest.mark.parametrize("text, message", REFUSED)
def test_tricky_phrases_are_refused_saying_why(text, message):
    with pytest.raises(ValueError, match=message) as info:
        parse_quantity(text)
    assert repr(text) in str(info.value)


# --- property tests: words combined at random are read as they say, or refused ----------------

@settings(max_examples=400, deadline=None)
@given(phrases())
def test_random_words_around_a_number_read_as_they_say(phrase):
    if phrase.refused:  # "giảm 5 lần": a fall by a multiple may mean a fifth or four fifths
        with pytest.raises(ValueError, match="fall by a multiple"):
            parse_quantity(phrase.text, lang=phrase.style)
        return
    q = parse_quantity(phrase.text, lang=phrase.style)  # every other combination is readable
    assert math.isclose(q.value, phrase.value, rel_tol=1e-12), (phrase, q)
    assert (q.unit, q.qualifier, q.measure) == (phrase.unit, phrase.qualifier, phrase.measure)
    assert (q.denominator, q.percent, q.upper) == (None, None, None)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(VAGUE_WORDS),
    st.sampled_from(sorted(UNIT_WORDS)),
    st.sampled_from(sorted(DIRECTION_WORDS)),
    st.sampled_from(sorted(QUALIFIER_WORDS)),
)
def test_vague_amounts_are_always_refused(vague, unit, direction, qualifier):
    text = f"{direction}{qualifier}{vague}{unit}"
    with pytest.raises(ValueError, match="vague amount"):
        parse_quantity(text)


@settings(max_examples=200, deadline=None)
@given(ranges())
def test_a_range_shares_its_scale_word(phrase):
    q = parse_quantity(phrase.text, lang=phrase.style)
    assert (q.value, q.unit, q.measure) == (phrase.value, "count", "level"), (phrase, q)
    assert q.upper is not None and q.upper >= q.value


EN_FRACTIONS = {"a third": (1, 3), "one-third": (1, 3), "two-thirds": (2, 3), "half": (1, 2),
                "a quarter": (1, 4), "three quarters": (3, 4), "one fifth": (1, 5),
                "three-tenths": (3, 10), "một phần ba": (1, 3), "hai phần ba": (2, 3),
                "một nửa": (1, 2), "một phần tư": (1, 4), "ba phần tư": (3, 4),
                "một phần năm": (1, 5), "ba phần mười": (3, 10)}  # fmt: skip


@given(
    st.sampled_from(sorted(EN_FRACTIONS)),
    st.sampled_from(["", "more than ", "nearly ", "hơn ", "gần "]),
    st.sampled_from(["", " of households", " số hộ"]),
)
def test_fractions_in_words_are_their_share(fraction, qualifier, tail):
    q = parse_quantity(f"{qualifier}{fraction}{tail}")
    numerator, denominator = EN_FRACTIONS[fraction]
    assert (q.value, q.unit) == (100 * numerator / denominator, "percent")
    assert q.qualifier == QUALIFIER_WORDS.get(qualifier, "exact")


@given(
    st.integers(min_value=2, max_value=50),
    st.sampled_from(["{n} times", "{n} lần", "gấp {n} lần", "{n}-fold", "x{n}", "{n}x",
                     "tăng gấp {n} lần", "{n} times higher"]),
)  # fmt: skip
def test_a_multiplier_is_never_a_count(n, form):
    q = parse_quantity(form.format(n=n))
    assert (q.value, q.unit) == (n, "times")


@settings(max_examples=500, deadline=None)
@given(
    st.text(max_size=80),
    st.sampled_from([None, *("count", "percent", "VND", "USD", "points", "rank")]),
    st.sampled_from([None, "en", "vi"]),
)
def test_arbitrary_text_raises_nothing_but_value_error(text, hint, lang):
    try:
        q = parse_quantity(text, unit_hint=hint, lang=lang)
    except ValueError:
        return
    assert isinstance(q, Quantity) and math.isfinite(q.value)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["5", "1,5", "2.000", "triệu", "million", "%", "-", "+", "to", "đến", "giảm", "fell",
             "up", "hàng", "nghìn", "vài", "trăm", "half", "a", "third", "gấp", "lần", "times",
             "ha", "£", "€", "over", "hơn", "of", "/", "(", ")", "and", "between", "x", "one"]
        ),
        max_size=10,
    )
)  # fmt: skip
def test_number_word_soup_raises_nothing_but_value_error(words):
    with contextlib.suppress(ValueError):
        parse_quantity(" ".join(words))
