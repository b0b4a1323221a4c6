"""Dates, counts and shares as readers see them."""

import pytest

from helpers import formatting


@pytest.mark.parametrize(
    "as_of, label",
    [
        ("2024", "2024"),
        ("2024-02", "Feb 2024"),
        ("2024-02-09", "9 Feb 2024"),
        ("2024-01/2024-09", "Jan–Sep 2024"),
        ("2023-12/2024-02", "Dec 2023–Feb 2024"),
        ("2022/2024", "2022–2024"),
        ("2024-01-01/2024-11-11", "1 Jan–11 Nov 2024"),
    ],
)
def test_period_labels(as_of, label):
    assert formatting.period_label(as_of) == label


def test_a_bad_date_is_refused_with_the_text():
    with pytest.raises(ValueError, match="2024-13"):
        formatting.period_label("2024-13")


@pytest.mark.parametrize("n, text", [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"),
                                     (12, "12th"), (13, "13th"), (101, "101st"), (112, "112th")])
def test_ordinals(n, text):
    assert formatting.ordinal(n) == text


def test_numbers_and_percents():
    assert formatting.number(98506250) == "98,506,250"
    assert formatting.percent(7.4) == "7.4%"
    assert formatting.number(None) == formatting.percent(float("nan")) == "–"
