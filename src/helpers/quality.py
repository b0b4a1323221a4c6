"""Checks that read the audit flags: what an "increase of N%" implies, shifting denominators.

Example:
    >>> from helpers import dataset
    >>> table = increase_readings(dataset.load_observations())
    >>> {"baseline_if_points", "baseline_if_relative"} <= set(table.columns)
    True
"""

from __future__ import annotations

import pandas as pd

from helpers import provinces


def increase_readings(obs: pd.DataFrame) -> pd.DataFrame:
    """For each ambiguous "increase of N%", the baseline each reading implies.

    The level is the figure the same source gives for the same province, indicator and date.
    Read as percentage points, the baseline was ``level - N``; read as a relative change, it was
    ``level / (1 + N/100)``.

    Example:
        >>> obs = pd.DataFrame({"figure_id": ["a", "b"], "source_id": ["s", "s"],
        ...     "province": ["X", "X"], "indicator": ["i", "i"], "as_of": ["2024", "2024"],
        ...     "measure": ["level", "change"], "unit": ["percent", "percent"],
        ...     "value": [91.0, 66.0], "flag_ambiguous_increase": [False, True],
        ...     "scope": ["", "since 2022"]})
        >>> increase_readings(obs)[["level", "increase", "baseline_if_points"]].values.tolist()
        [[91.0, 66.0, 25.0]]
    """
    changes = obs[obs["flag_ambiguous_increase"]]
    levels = obs[obs["measure"].eq("level") & obs["unit"].eq("percent")]
    keys = ["source_id", "province", "indicator", "as_of"]
    merged = changes.merge(levels[[*keys, "value"]], on=keys, suffixes=("_change", "_level"))
    out = pd.DataFrame(
        {
            "province": merged["province"],
            "as_of": merged["as_of"],
            "level": merged["value_level"],
            "increase": merged["value_change"],
            "compared_with": merged["scope"],
            "figure_id": merged["figure_id"],
        }
    )
    out["baseline_if_points"] = out["level"] - out["increase"]
    out["baseline_if_relative"] = out["level"] / (1 + out["increase"] / 100)
    return out.sort_values(["province", "as_of"]).reset_index(drop=True)


def list_sizes(obs: pd.DataFrame) -> pd.DataFrame:
    """The size of the essential-services list that each figure refers to, over time.

    Counts "N essential services" and denominators "x/N" of the essential-service indicators,
    so the move from the 25 services of 2022 to the lists of 53 and 76 is visible.

    Example:
        >>> from helpers import dataset
        >>> sizes = list_sizes(dataset.load_observations())
        >>> {25, 53} <= set(sizes["list_size"].astype(int))
        True
    """
    rows = obs[
        obs["indicator"].isin(["essential_services_available", "essential_services_online"])
        & obs["measure"].eq("level")
    ]
    size = rows["denominator"].where(
        rows["indicator"].eq("essential_services_available") & rows["denominator"].notna()
    )
    listed = rows["indicator"].eq("essential_services_available") & rows["denominator"].isna()
    size = size.fillna(rows["value"].where(listed & rows["value"].isin([25, 53, 76])))
    scope_size = rows["scope"].str.extract(r"\b(25|53|76)\b", expand=False).astype(float)
    size = size.fillna(scope_size)
    out = rows.assign(list_size=size).dropna(subset=["list_size"])
    out = out.assign(national=out["province_code"].eq(provinces.NATIONAL_CODE))
    columns = ["figure_id", "province", "national", "as_of", "as_of_end", "stated", "list_size"]
    return out[columns].sort_values(["as_of_end", "figure_id"]).reset_index(drop=True)


def stated_vs_computed(obs: pd.DataFrame) -> pd.DataFrame:
    """Figures that state both a fraction and a percent: the two side by side.

    Example:
        >>> from helpers import dataset
        >>> table = stated_vs_computed(dataset.load_observations())
        >>> bool((table["difference"].abs() <= 100).all())
        True
    """
    rows = obs[obs["percent_stated"].notna() & obs["percent_computed"].notna()]
    out = rows[["figure_id", "province", "indicator", "stated", "percent_stated",
                "percent_computed", "flag_percent_mismatch"]].copy()  # fmt: skip
    out["difference"] = out["percent_stated"] - out["percent_computed"]
    return out.sort_values("difference", key=abs, ascending=False, kind="stable").reset_index(
        drop=True
    )


def near_duplicates(obs: pd.DataFrame, days: int = 31) -> pd.DataFrame:
    """Pairs of figures from different sources on the same province and indicator whose dates
    end within ``days`` of each other: the pairs the disagreement check compares.

    Example:
        >>> from helpers import dataset
        >>> pairs = near_duplicates(dataset.load_observations())
        >>> bool((pairs["source_a"] != pairs["source_b"]).all())
        True
    """
    level = obs[obs["measure"].eq("level")]
    rows = []
    for _, group in level.groupby(["province_code", "indicator", "unit"]):
        group = group.sort_values("as_of_end", kind="stable")
        items = list(group.itertuples())
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if (b.as_of_end - a.as_of_end).days > days:
                    break
                if a.source_id != b.source_id:
                    rows.append({"province": a.province, "indicator": a.indicator,
                                 "as_of_a": a.as_of, "stated_a": a.stated, "source_a": a.source_id,
                                 "as_of_b": b.as_of, "stated_b": b.stated, "source_b": b.source_id,
                                 "value_a": a.value, "value_b": b.value})  # fmt: skip
    return pd.DataFrame(rows)
