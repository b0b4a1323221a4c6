"""Checks that read the audit flags: what an "increase of N%" implies, shifting denominators.

Example:
    >>> from helpers import dataset
    >>> table = increase_readings(dataset.load_observations())
    >>> {"baseline_if_points", "baseline_if_relative"} <= set(table.columns)
    True
"""

from __future__ import annotations

import pandas as pd

from helpers import formatting, provinces

#: The lists of essential public services that figures count against: 25 services when
#: Project 06 began, then lists of 53 and of 76.
ESSENTIAL_LISTS = (25, 53, 76)


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


def increase_points(readings: pd.DataFrame) -> pd.DataFrame:
    """:func:`increase_readings` as the chart draws it: one row per report and point (the level
    reported and the baseline under each reading), shares rounded to 0.01 points.

    Example:
        >>> r = pd.DataFrame({"province": ["X"], "as_of": ["2024-03-18"], "level": [91.0],
        ...     "baseline_if_points": [25.0], "baseline_if_relative": [91 / 1.66]})
        >>> increase_points(r).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
        [['X, 18 Mar 2024', 'level reported', 91.0],
         ['X, 18 Mar 2024', 'baseline if points', 25.0],
         ['X, 18 Mar 2024', 'baseline if relative', 54.82]]
    """
    marks = {"level": "level reported", "baseline_if_points": "baseline if points",
             "baseline_if_relative": "baseline if relative"}  # fmt: skip
    reports = [f"{r.province}, {formatting.period_label(r.as_of)}" for r in readings.itertuples()]
    rows = [
        {"Report": report, "Point": label, "Online share (%)": round(float(value), 2)}
        for report, (_, r) in zip(reports, readings.iterrows(), strict=True)
        for column, label in marks.items()
        for value in [r[column]]
    ]
    return pd.DataFrame(rows, columns=["Report", "Point", "Online share (%)"])


def list_sizes(obs: pd.DataFrame) -> pd.DataFrame:
    """The size of the essential-services list that each figure refers to, over time.

    Counts "N essential services" and denominators "x/N" of the essential-service indicators,
    so the move from the 25 services of 2022 to the lists of 53 and 76 is visible. Only the
    three lists count (:data:`ESSENTIAL_LISTS`): a denominator that is a ministry's part of a
    list ("6 of 11" police services) falls back on the list its scope names.

    Example:
        >>> from helpers import dataset
        >>> sizes = list_sizes(dataset.load_observations())
        >>> set(sizes["list_size"].astype(int)) <= set(ESSENTIAL_LISTS)
        True
    """
    rows = obs[
        obs["indicator"].isin(["essential_services_available", "essential_services_online"])
        & obs["measure"].eq("level")
    ]
    available = rows["indicator"].eq("essential_services_available")
    size = rows["denominator"].where(available & rows["denominator"].isin(ESSENTIAL_LISTS))
    listed = available & rows["denominator"].isna()
    size = size.fillna(rows["value"].where(listed & rows["value"].isin(ESSENTIAL_LISTS)))
    pattern = r"\b(" + "|".join(map(str, ESSENTIAL_LISTS)) + r")\b"
    scope_size = rows["scope"].str.extract(pattern, expand=False).astype(float)
    size = size.fillna(scope_size)
    out = rows.assign(list_size=size).dropna(subset=["list_size"])
    out = out.assign(national=out["province_code"].eq(provinces.NATIONAL_CODE))
    columns = ["figure_id", "province", "national", "as_of", "as_of_end", "stated", "list_size"]
    return out[columns].sort_values(["as_of_end", "figure_id"]).reset_index(drop=True)


def list_size_points(sizes: pd.DataFrame) -> pd.DataFrame:
    """:func:`list_sizes` as the chart draws it: one row per figure, headers in words.

    Example:
        >>> s = pd.DataFrame({"figure_id": ["f"], "province": ["Vietnam"], "national": [True],
        ...     "as_of": ["2022-11"], "as_of_end": pd.to_datetime(["2022-11-30"]),
        ...     "stated": ["25/25"], "list_size": [25.0]})
        >>> list_size_points(s).values.tolist()[0][1:]
        ['Vietnam', 'national', 'Nov 2022', '25/25', 25]
    """
    return pd.DataFrame(
        {
            "Date described (end)": sizes["as_of_end"],
            "Place": sizes["province"],
            "Reported for": sizes["national"].map({True: "national", False: "province"}),
            "Date described": sizes["as_of"].map(formatting.period_label),
            "Figure as worded": sizes["stated"],
            "Services in the list": sizes["list_size"].astype(int),
        }
    )


def stated_vs_computed(obs: pd.DataFrame) -> pd.DataFrame:
    """Figures that state both a fraction and a percent: the two side by side.

    Example:
        >>> from helpers import dataset
        >>> table = stated_vs_computed(dataset.load_observations())
        >>> bool((table["difference"].abs() <= 100).all())
        True
    """
    rows = obs[obs["percent_stated"].notna() & obs["percent_computed"].notna()]
    out = rows[["figure_id", "province", "indicator", "indicator_name", "stated",
                "percent_stated", "percent_computed", "flag_percent_mismatch"]].copy()  # fmt: skip
    # to 0.01 points (and no negative zero): the reports round to whole or tenth percents
    out["difference"] = (out["percent_stated"] - out["percent_computed"]).round(2) + 0.0
    return out.sort_values("difference", key=abs, ascending=False, kind="stable").reset_index(
        drop=True
    )


def near_duplicates(obs: pd.DataFrame, days: int = 31) -> pd.DataFrame:
    """Pairs of figures from different sources on the same province and indicator whose dates
    end within ``days`` of each other. ``same_date`` marks the pairs that describe exactly the
    same date (the only ones the disagreement check compares), ``flagged`` those in which both
    figures raise that flag.

    Example:
        >>> from helpers import dataset
        >>> pairs = near_duplicates(dataset.load_observations())
        >>> bool((pairs["source_a"] != pairs["source_b"]).all())
        True
        >>> bool((pairs["same_date"] | ~pairs["flagged"]).all())  # flagged pairs share a date
        True
    """
    keys = ["province_code", "indicator", "unit"]
    level = obs[obs["measure"].eq("level")].dropna(subset=keys)
    # one stable sort instead of a sort per group: groups in key order, each by date
    items = list(level.sort_values([*keys, "as_of_end"], kind="stable").itertuples())
    rows = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_group = (b.province_code, b.indicator, b.unit) == (a.province_code, a.indicator,
                                                                    a.unit)  # fmt: skip
            if not same_group or (b.as_of_end - a.as_of_end).days > days:
                break
            if a.source_id != b.source_id:
                rows.append({"province": a.province, "indicator": a.indicator,
                             "indicator_name": a.indicator_name,
                             "as_of_a": a.as_of, "stated_a": a.stated, "source_a": a.source_id,
                             "as_of_b": b.as_of, "stated_b": b.stated, "source_b": b.source_id,
                             "value_a": a.value, "value_b": b.value,
                             "same_date": a.as_of == b.as_of,
                             "flagged": bool(a.flag_sources_disagree
                                             and b.flag_sources_disagree)})  # fmt: skip
    return pd.DataFrame(rows)


def disagreement_counts(obs: pd.DataFrame, days: int = 31) -> pd.Series:
    """How many repeats the disagreement check sees: pairs of figures from different sources
    within ``days``, those on exactly the same date, and the figures it flags.

    Example:
        >>> from helpers import dataset
        >>> counts = disagreement_counts(dataset.load_observations())
        >>> bool(counts.iloc[1] <= counts.iloc[0])
        True
    """
    pairs = near_duplicates(obs, days)
    return pd.Series(
        {
            f"pairs of figures from different sources within {days} days": len(pairs),
            "of which describe the same date": int(pairs["same_date"].sum()),
            "figures flagged as disagreeing": int(obs["flag_sources_disagree"].sum()),
        }
    )


def national_shares(obs: pd.DataFrame, year: int) -> pd.DataFrame:
    """The national online shares (percent figures of the online-application and
    essential-service indicators) that describe a date in ``year``, in date order.

    Example:
        >>> from helpers import dataset
        >>> shares = national_shares(dataset.load_observations(), 2022)
        >>> bool(shares["unit"].eq("percent").all() and shares["as_of_end"].dt.year.eq(2022).all())
        True
    """
    rows = obs[
        obs["province_code"].eq(provinces.NATIONAL_CODE)
        & obs["indicator"].isin(["essential_services_online", "online_applications"])
        & obs["as_of_end"].dt.year.eq(year)
        & obs["unit"].eq("percent")
    ]
    return rows.sort_values(["as_of_end", "figure_id"]).reset_index(drop=True)
