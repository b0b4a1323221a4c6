"""pandera schemas for the dataset's tables, and their failures as :class:`Problem` lines.

Example:
    >>> import pandas as pd
    >>> df = pd.DataFrame({"code": ["x"], "name": ["X"], "group": ["g"], "unit": ["apples"],
    ...                    "higher_is_better": ["true"], "definition": ["d"], "_line": [2]})
    >>> [str(p) for p in check(df, INDICATORS, "indicators.csv")]
    ["indicators.csv:2: unit: 'apples' is not one of count, percent, VND, USD, points, rank"]
"""

from __future__ import annotations

import ast

import pandas as pd
import pandera.pandas as pa

from helpers import papi
from helpers.dataset import Problem
from helpers.quantities import UNITS

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
AS_OF = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
URL = r"^https?://\S+$"
#: A seed report whose web page could not be located may have no URL (see ``seed_file``).
URL_OR_BLANK = r"^(https?://\S+)?$"
CODE = r"^[a-z][a-z0-9_]*$"
YEAR = r"^\d{4}$"
NUMBER_OR_BLANK = r"^(\d+(\.\d+)?)?$"
WHOLE = r"^[1-9]\d*$"
#: How each pattern is described in a problem line.
FORMS = {
    ISO_DATE: "a date YYYY, YYYY-MM or YYYY-MM-DD",
    AS_OF: "a date YYYY, YYYY-MM, YYYY-MM-DD or an interval start/end",
    SLUG: "an id of lower-case letters, digits and single hyphens",
    URL: "an http(s) URL",
    URL_OR_BLANK: "an http(s) URL",
    CODE: "a snake_case code",
    YEAR: "a year YYYY",
    NUMBER_OR_BLANK: "a number or blank",
    WHOLE: "a whole number",
}


def _text(**kwargs) -> pa.Column:
    return pa.Column(str, pa.Check.str_length(min_value=1), **kwargs)


def _choice(values, **kwargs) -> pa.Column:
    return pa.Column(str, pa.Check.isin(list(values)), **kwargs)


SOURCES = pa.DataFrameSchema(
    {
        "source_id": pa.Column(str, pa.Check.str_matches(SLUG), unique=True),
        "url": pa.Column(str, pa.Check.str_matches(URL_OR_BLANK)),
        "publisher": _text(),
        "title": _text(),
        "published": pa.Column(str, pa.Check.str_matches(ISO_DATE)),
        "accessed": pa.Column(str, pa.Check.str_matches(ISO_DATE)),
        "language": _choice(["en", "vi"]),
        # How the page writes numbers when that differs from its language (a machine-translated
        # English page that keeps "959.022" for 959,022); blank means "as its language".
        "number_style": _choice(["", "en", "vi"]),
        "kind": _choice(["news", "government", "ministry-ranking", "other"]),
        "seed_file": pa.Column(str),
        "notes": pa.Column(str),
    },
    name="sources",
)

FIGURES = pa.DataFrameSchema(
    {
        "figure_id": pa.Column(str, pa.Check.str_matches(SLUG), unique=True),
        "source_id": _text(),
        "province": _text(),
        "indicator": _text(),
        "stated": _text(),
        "as_of": pa.Column(str, pa.Check.str_matches(AS_OF)),
        "as_of_basis": _choice(["stated", "inferred"]),
        "denominator_kind": _choice(["", "total", "target", "eligible", "group", "other"]),
        "geography": _choice(["pre2025", "post2025"]),
        "scope": pa.Column(str),
        "context": _text(),
        "curator_note": pa.Column(str),
    },
    name="figures",
)

INDICATORS = pa.DataFrameSchema(
    {
        "code": pa.Column(str, pa.Check.str_matches(CODE), unique=True),
        "name": _text(),
        "group": _text(),
        "unit": _choice(UNITS),
        "higher_is_better": _choice(["true", "false"]),
        "definition": _text(),
    },
    name="indicators",
)

TARGETS = pa.DataFrameSchema(
    {
        "target_id": pa.Column(str, pa.Check.str_matches(SLUG), unique=True),
        "indicator": _text(),
        "province": _text(),
        "stated": _text(),
        "deadline": pa.Column(str, pa.Check.str_matches(AS_OF)),
        "applies_to": _text(),
        "source_id": _text(),
        "scope": pa.Column(str),
    },
    name="targets",
)


def _describe(check: str, value: object) -> str:
    check = str(check)
    if check.startswith("isin"):
        allowed = ast.literal_eval(check[check.index("(") + 1 : -1])
        shown = ", ".join(a if a else "(blank)" for a in allowed)
        return f"{value!r} is not one of {shown}"
    if check.startswith("str_matches"):
        if value == "":
            return "is empty"
        form = next((f for p, f in FORMS.items() if p in check), None)
        return f"{value!r} is not {form or 'of the form ' + check[len('str_matches') :]}"
    if check.startswith("str_length"):
        return "is empty"
    if "unique" in check:
        return f"duplicate id {value!r}"
    return f"{value!r} fails {check}"


def check(df: pd.DataFrame, schema: pa.DataFrameSchema, file: str) -> list[Problem]:
    """Validate ``df`` (with its ``_line`` column) against ``schema``; one problem per cell.

    Example:
        >>> df = pd.DataFrame({"source_id": ["a", "a"], "_line": [2, 3]})
        >>> schema = pa.DataFrameSchema({"source_id": pa.Column(str, unique=True)})
        >>> [str(p) for p in check(df, schema, "s.csv")]
        ["s.csv:2: source_id: duplicate id 'a'", "s.csv:3: source_id: duplicate id 'a'"]
    """
    data = df.drop(columns="_line").reset_index(drop=True)
    lines = df["_line"].tolist()
    try:
        schema.validate(data, lazy=True)
    except pa.errors.SchemaErrors as err:
        problems = []
        for case in err.failure_cases.itertuples(index=False):
            index = case.index
            line = lines[int(index)] if pd.notna(index) else 1
            problems.append(
                Problem(file, line, str(case.column), _describe(case.check, case.failure_case))
            )
        return sorted(set(problems))
    return []


# The transcribed all-province tables (helpers.papi, helpers.population); cross-row checks
# (unknown province, missing or duplicated province-year, scale) are in helpers.panels.

PAPI = pa.DataFrameSchema(
    {
        "province": _text(),
        "year": pa.Column(str, pa.Check.str_matches(YEAR)),
        "dimension": _choice(papi.DIMENSIONS),
        "scale": _text(),
        "value": pa.Column(str, pa.Check.str_matches(NUMBER_OR_BLANK)),
        "source_id": _text(),
        "flag": _choice(papi.FLAGS),
        "note": pa.Column(str),
    },
    name="papi",
)

POPULATION = pa.DataFrameSchema(
    {
        "province": _text(),
        "year": pa.Column(str, pa.Check.str_matches(YEAR)),
        "population": pa.Column(str, pa.Check.str_matches(WHOLE)),
        "source_id": _text(),
    },
    name="population",
)
