"""parse_quantity reads every number form the reports use, and refuses what it cannot read."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.quantities import Quantity, parse_number, parse_quantity, render


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
