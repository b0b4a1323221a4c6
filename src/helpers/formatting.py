"""Numbers, shares and dates as a reader expects them in a table or a sentence.

Example:
    >>> period_label("2024-01/2024-09"), number(1234567), percent(81.04)
    ('Jan–Sep 2024', '1,234,567', '81.0%')
"""

from __future__ import annotations

import math

from helpers import dataset

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _one(text: str) -> str:
    parts = text.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def period_label(as_of: str) -> str:
    """A dataset date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``start/end``) in words.

    Raises:
        ValueError: naming the text when it is not a dataset date.

    Example:
        >>> period_label("2024-11-20"), period_label("2023-03"), period_label("2022")
        ('20 Nov 2024', 'Mar 2023', '2022')
        >>> period_label("2023-10/2024-03"), period_label("2024-01-01/2024-06-30")
        ('Oct 2023–Mar 2024', '1 Jan–30 Jun 2024')
    """
    text = str(as_of).strip()
    dataset.parse_period(text)  # validates, with the dataset's own message
    if "/" not in text:
        return _one(text)
    left, right = text.split("/")
    start, end = _one(left), _one(right)
    if left[:4] == right[:4] and len(left) > 4:
        start = start.rsplit(" ", 1)[0]  # the year is said once
    return f"{start}–{end}"


def number(value: float | None, digits: int = 0) -> str:
    """A count with thousands separators; ``–`` when missing.

    Example:
        >>> number(65432.0), number(1.25, 1), number(float("nan"))
        ('65,432', '1.2', '–')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def percent(value: float | None, digits: int = 1) -> str:
    """A share in percent; ``–`` when missing.

    Example:
        >>> percent(92.345), percent(None)
        ('92.3%', '–')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}f}%"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 11th, 22nd …

    Example:
        >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 63)]
        ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '63rd']
    """
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun in the singular or the plural.

    Example:
        >>> count(1, "source"), count(2, "source"), count(1, "Project 06 figure")
        ('1 source', '2 sources', '1 Project 06 figure')
    """
    n = int(n)
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
