"""Tables as readers see them: headers in words, no row index, formatted numbers and dates.

Notebooks end a cell with :func:`show` instead of a bare DataFrame; the generated pages use
:func:`html`. Both give a plain HTML ``<table class="p06-table">``: JupyterLab shows it as it is,
and in the rendered report a long table (more than :data:`SORTABLE_ROWS` rows) becomes sortable
and filterable, offline.

Formats, per column (``formats={"column": "percent"}``):

- ``"count"``: a whole number with thousands separators (``1,234,567``);
- ``"percent"``: a share in percent with one decimal (``92.3%``);
- ``"date"``: a dataset date or period in words (``Jan–Sep 2024``);
- ``"rank"``: an ordinal (``6th``);
- ``"text"``: as it is;
- ``"0.000"``-style patterns: that many decimals, with thousands separators;
- any callable taking the value and returning text.

Without a format, whole numbers are shown as counts, other numbers with two decimals, and
timestamps as dates. Missing values show as an en dash.

Example:
    >>> import pandas as pd
    >>> df = pd.DataFrame({"n": [1200, 5], "share": [91.25, 7.0]}, index=[7, 9])
    >>> print(html(df, columns={"n": "Applications", "share": "Online"},
    ...            formats={"share": "percent"}))  # doctest: +NORMALIZE_WHITESPACE
    <table class="p06-table"><thead><tr><th>Applications</th><th>Online</th></tr></thead><tbody><tr><td class="num">1,200</td><td class="num">91.2%</td></tr><tr><td class="num">5</td><td class="num">7.0%</td></tr></tbody></table>
"""  # noqa: E501

from __future__ import annotations

import html as _html
import math
import numbers
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from helpers import formatting

#: Tables longer than this become sortable and filterable in the rendered report.
SORTABLE_ROWS = 10
DASH = "–"


def _missing(value) -> bool:
    if value is None or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _decimals(pattern: str) -> int | None:
    match = re.fullmatch(r"0(?:\.(0+))?", pattern)
    return None if match is None else len(match.group(1) or "")


def format_value(value, fmt: str | Callable | None = None) -> str:
    """One cell as text (see the module docstring for the formats).

    Raises:
        ValueError: for a format name it does not know.

    Example:
        >>> format_value(0.12345, "0.000"), format_value("2024-03", "date"), format_value(None)
        ('0.123', 'Mar 2024', '–')
    """
    if _missing(value):
        return DASH
    if callable(fmt):
        return str(fmt(value))
    if fmt in (None, "auto"):
        if isinstance(value, bool | np.bool_):
            return "yes" if value else "no"
        if isinstance(value, numbers.Integral):
            return formatting.number(value)
        if isinstance(value, numbers.Real):
            return formatting.number(float(value), 2)
        if isinstance(value, pd.Timestamp):
            return formatting.period_label(value.date().isoformat())
        return str(value)
    if fmt == "text":
        return str(value)
    if fmt == "count":
        return formatting.number(float(value))
    if fmt == "percent":
        return formatting.percent(float(value))
    if fmt == "rank":
        return formatting.ordinal(int(value))
    if fmt == "date":
        text = value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)
        return formatting.period_label(text)
    digits = _decimals(fmt) if isinstance(fmt, str) else None
    if digits is None:
        raise ValueError(f"unknown table format {fmt!r}")
    return formatting.number(float(value), digits)


def html(
    frame: pd.DataFrame,
    *,
    columns: dict[str, str] | None = None,
    formats: dict[str, str | Callable] | None = None,
    links: dict[str, str] | None = None,
    caption: str = "",
    sortable: bool | None = None,
) -> str:
    """The table as an HTML string (see :func:`show`).

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"p": ["A"], "u": ["https://x.vn/a?b=1&c=2"]})
        >>> html(df, columns={"p": "Publisher"}, links={"p": "u"})
        '<table class="p06-table"><thead><tr><th>Publisher</th></tr></thead><tbody><tr><td><a href="https://x.vn/a?b=1&amp;c=2">A</a></td></tr></tbody></table>'
    """
    formats = formats or {}
    links = links or {}
    names = columns or {c: str(c) for c in frame.columns}
    unknown = [c for c in [*names, *formats, *links, *links.values()] if c not in frame.columns]
    if unknown:
        raise KeyError(f"no such columns in the table: {unknown}")
    sortable = len(frame) > SORTABLE_ROWS if sortable is None else sortable
    css = "p06-table p06-sortable" if sortable else "p06-table"
    head = "".join(f"<th>{_html.escape(label)}</th>" for label in names.values())
    body = []
    for i in range(len(frame)):  # by position and column, so each value keeps its own type
        cells = []
        for column in names:
            value = frame[column].iloc[i]
            text = _html.escape(format_value(value, formats.get(column)))
            url = frame[links[column]].iloc[i] if column in links else ""
            if url and not _missing(url):
                text = f'<a href="{_html.escape(str(url))}">{text}</a>'
            numeric = isinstance(value, numbers.Real) and not isinstance(value, bool)
            cls = ' class="num"' if numeric and not _missing(value) else ""
            cells.append(f"<td{cls}>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    cap = f"<caption>{_html.escape(caption)}</caption>" if caption else ""
    return (
        f'<table class="{css}">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def show(frame: pd.DataFrame, **options):
    """Display a table in a notebook: :func:`html` wrapped for IPython.

    Options: ``columns`` (column → header in words; only these columns, in this order),
    ``formats`` (column → format), ``links`` (column → column holding its URL), ``caption``,
    ``sortable`` (default: more than :data:`SORTABLE_ROWS` rows).

    Example:
        >>> import pandas as pd
        >>> show(pd.DataFrame({"x": [1]})).data.startswith('<table class="p06-table">')
        True
    """
    from IPython.display import HTML

    return HTML(html(frame, **options))


def series_table(values: pd.Series, label: str = "Value", key: str = "") -> pd.DataFrame:
    """A labelled Series (one fact per row) as a two-column table, for :func:`show`.

    Example:
        >>> series_table(pd.Series({"target": 40.0}), "40 million accounts").columns.tolist()
        ['', '40 million accounts']
    """
    return pd.DataFrame({key: [str(i) for i in values.index], label: list(values.to_numpy())})
