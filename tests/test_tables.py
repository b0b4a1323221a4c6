"""Tables for readers: headers in words, no index, numbers and dates formatted, data escaped."""

import pandas as pd
import pytest

from helpers import tables


def test_no_index_and_headers_in_words():
    frame = pd.DataFrame({"as_of": ["2024-01/2024-09"], "rate": [89.27]}, index=[41])
    out = tables.html(frame, columns={"as_of": "Date described", "rate": "Share"},
                      formats={"as_of": "date", "rate": "percent"})  # fmt: skip
    assert "<th>Date described</th><th>Share</th>" in out
    assert "41" not in out  # the row index is not shown
    assert "<td>Jan–Sep 2024</td>" in out and ">89.3%<" in out


def test_only_the_named_columns_in_their_order():
    frame = pd.DataFrame({"a": [1], "b": [2], "c": [3]})
    out = tables.html(frame, columns={"c": "C", "a": "A"})
    assert out.index("<th>C</th>") < out.index("<th>A</th>") and "<th>b</th>" not in out


def test_counts_get_thousand_separators_and_missing_values_a_dash():
    frame = pd.DataFrame({"n": [1234567.0, None]})
    out = tables.html(frame, formats={"n": "count"})
    assert ">1,234,567<" in out and ">–<" in out


def test_long_tables_are_sortable_short_ones_are_not():
    long = pd.DataFrame({"x": range(tables.SORTABLE_ROWS + 1)})
    assert 'class="p06-table p06-sortable"' in tables.html(long)
    assert 'class="p06-table"' in tables.html(long.head(3))


def test_text_is_escaped_and_links_only_where_asked():
    frame = pd.DataFrame({"name": ["<b>A & B</b>"], "url": ['https://x.vn/?q="1"']})
    out = tables.html(frame, columns={"name": "Name"}, links={"name": "url"})
    assert "<b>" not in out and "&lt;b&gt;A &amp; B&lt;/b&gt;" in out
    assert 'href="https://x.vn/?q=&quot;1&quot;"' in out


def test_unknown_columns_and_formats_are_refused():
    frame = pd.DataFrame({"a": [1.0]})
    with pytest.raises(KeyError, match="'b'"):
        tables.html(frame, columns={"b": "B"})
    with pytest.raises(ValueError, match="unknown table format 'money'"):
        tables.html(frame, formats={"a": "money"})


def test_decimals_pattern_and_ranks():
    frame = pd.DataFrame({"score": [0.69244], "rank": [3]})
    out = tables.html(frame, formats={"score": "0.000", "rank": "rank"})
    assert ">0.692<" in out and ">3rd<" in out


def test_booleans_from_a_frame_read_yes_and_no():
    out = tables.html(pd.DataFrame({"flagged": [True, False]}))
    assert ">yes<" in out and ">no<" in out and "True" not in out
