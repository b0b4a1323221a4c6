"""Audit flags on observations: computed from the data, never set by hand.

Each flag is a boolean column ``flag_<name>``; ``flags`` lists the raised ones per row.

- ``percent_mismatch``: a stated percent differs from value/denominator by more than
  :data:`PERCENT_TOLERANCE` points.
- ``above_denominator``: the value exceeds its denominator; ``above_denominator_meaning`` says
  whether that is a target exceeded (real) or a part larger than its whole (suspect).
- ``sources_disagree``: another source gives a materially different value for the same
  province, indicator, unit and date.
- ``ambiguous_increase``: an "increase of N%" that could be percentage points or relative.
- ``date_inferred``: the date was worked out (meeting or publication date), not stated.

Example:
    >>> import pandas as pd
    >>> obs = pd.DataFrame({"value": [453520.0], "denominator": [495192.0],
    ...     "percent_stated": [92.0],
    ...     "unit": ["count"], "denominator_kind": ["total"], "measure": ["level"],
    ...     "as_of_basis": ["stated"], "province_code": ["30"], "indicator": ["x"],
    ...     "as_of": ["2024-11-11"], "source_id": ["s"], "qualifier": ["exact"]})
    >>> flagged = add_flags(obs)
    >>> flagged.loc[0, "percent_computed"].round(2), flagged.loc[0, "flags"]
    (np.float64(91.58), '')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PERCENT_TOLERANCE = 0.5
#: Two values from different sources disagree when they differ by more than this share.
DISAGREE_TOLERANCE = 0.02
FLAGS = [
    "percent_mismatch",
    "above_denominator",
    "sources_disagree",
    "ambiguous_increase",
    "date_inferred",
]
_LOWER_BOUND = {"over", "more than", "at least", "exceeding"}
_UPPER_BOUND = {"nearly", "almost", "up to", "less than", "under"}


def _consistent(a: pd.Series, b: pd.Series) -> bool:
    """Whether two observations of the same thing can both be true."""
    va, vb = a["value"], b["value"]
    if max(abs(va), abs(vb)) == 0 or abs(va - vb) / max(abs(va), abs(vb)) <= DISAGREE_TOLERANCE:
        return True
    low, high = (a, b) if va < vb else (b, a)
    # "over 1.2 million" is consistent with 1,234,567; "nearly 15 billion" with 14.8 billion.
    # A qualifier bounds the size of a change, so for a fall (a negative value) it bounds the
    # other way: "fell by more than 5%" (-5) is consistent with a fall of 8% (-8).
    return _bounded(low, _LOWER_BOUND, _UPPER_BOUND) or _bounded(high, _UPPER_BOUND, _LOWER_BOUND)


def _bounded(row: pd.Series, rising: set[str], falling: set[str]) -> bool:
    return row["qualifier"] in (rising if row["value"] >= 0 else falling)


def disagreements(obs: pd.DataFrame) -> pd.Series:
    """True for rows that another source contradicts (same province, indicator, unit, date).

    Example:
        >>> obs = pd.DataFrame({"province_code": ["01", "01"], "indicator": ["x", "x"],
        ...     "unit": ["count"] * 2, "as_of": ["2024"] * 2, "measure": ["level"] * 2,
        ...     "source_id": ["a", "b"], "value": [100.0, 150.0], "qualifier": ["exact"] * 2})
        >>> disagreements(obs).tolist()
        [True, True]
    """
    result = pd.Series(False, index=obs.index)
    keys = ["province_code", "indicator", "unit", "as_of", "measure"]
    # only groups with two sources or more can disagree; most groups hold one figure
    sources = obs.groupby(keys, sort=False)["source_id"].transform("nunique")
    shared = obs[sources.ge(2)]
    for _, group in shared.groupby(keys, sort=False):
        rows = list(group.iterrows())
        for i, (ia, a) in enumerate(rows):
            for ib, b in rows[i + 1 :]:
                if a["source_id"] != b["source_id"] and not _consistent(a, b):
                    result[ia] = result[ib] = True
    return result


def add_flags(obs: pd.DataFrame) -> pd.DataFrame:
    """Return ``obs`` with ``percent_computed``, ``rate`` and the ``flag_*`` columns.

    Example:
        >>> obs = pd.DataFrame({"value": [958367.0], "denominator": [794301.0],
        ...     "percent_stated": [np.nan], "unit": ["count"], "denominator_kind": ["target"],
        ...     "measure": ["level"], "as_of_basis": ["inferred"], "province_code": ["34"],
        ...     "indicator": ["eid_accounts"], "as_of": ["2024-01-25"], "source_id": ["s"],
        ...     "qualifier": ["exact"]})
        >>> row = add_flags(obs).iloc[0]
        >>> row["flags"], row["above_denominator_meaning"]
        ('above_denominator;date_inferred', 'target exceeded')
    """
    out = obs.copy()
    # A share only when the denominator is a whole, a target or the eligible population: "11/25"
    # said of the police's part of a list of services is a breakdown, not progress.
    ratio_ok = (
        out["denominator"].gt(0)
        & out["unit"].isin(["count", "VND"])
        & out["denominator_kind"].ne("group")
    )
    out["percent_computed"] = np.where(ratio_ok, out["value"] / out["denominator"] * 100, np.nan)
    out["rate"] = out["percent_stated"].where(
        out["percent_stated"].notna(),
        out["value"].where(out["unit"].eq("percent"), out["percent_computed"]),
    )
    out.loc[out["measure"].eq("change"), "rate"] = np.nan
    out["flag_percent_mismatch"] = (
        (out["percent_stated"] - out["percent_computed"]).abs().gt(PERCENT_TOLERANCE).fillna(False)
    )
    above = (
        out["denominator"].notna() & out["value"].gt(out["denominator"]) & out["unit"].ne("rank")
    )
    out["flag_above_denominator"] = above
    meaning = np.select(
        [above & out["denominator_kind"].eq("target"), above],
        ["target exceeded", "part larger than its whole: check the source"],
        default="",
    )
    out["above_denominator_meaning"] = meaning
    out["flag_sources_disagree"] = disagreements(out)
    out["flag_ambiguous_increase"] = out["measure"].eq("change") & out["unit"].eq("percent")
    out["flag_date_inferred"] = out["as_of_basis"].eq("inferred")
    flag_columns = [f"flag_{name}" for name in FLAGS]
    out["flags"] = [
        ";".join(name for name, raised in zip(FLAGS, row, strict=True) if raised)
        for row in out[flag_columns].itertuples(index=False)
    ]
    return out
