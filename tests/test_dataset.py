"""Dates in the dataset are read with their precision; bad ones raise with the text."""

import datetime as dt

import pytest

from helpers import dataset


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("2024-11-11", dt.date(2024, 11, 11), dt.date(2024, 11, 11), "day"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month"),
        ("2023-12", dt.date(2023, 12, 1), dt.date(2023, 12, 31), "month"),
        ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "year"),
        ("2024-01-01/2024-09", dt.date(2024, 1, 1), dt.date(2024, 9, 30), "period"),
    ],
)
def test_periods(text, start, end, precision):
    assert dataset.parse_period(text) == dataset.Period(start, end, precision)


@pytest.mark.parametrize(
    "text", ["", "2024/13", "2024-02-30", "11/2024", "1850", "2024-06/2024-01", "Q3 2024"]
)
def test_bad_periods_raise_naming_the_text(text):
    with pytest.raises(ValueError, match=r"2024|1850|Q3|''"):
        dataset.parse_period(text)


def test_read_table_keeps_editor_line_numbers(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,"two\nlines"\n\n3,4\n')
    df, problems = dataset.read_table(path, ["a", "b"])
    assert problems == []
    assert df["_line"].tolist() == [2, 5]


def test_unterminated_quote_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,"open\n')
    _, problems = dataset.read_table(path, ["a", "b"])
    assert len(problems) == 1 and problems[0].line == 2
