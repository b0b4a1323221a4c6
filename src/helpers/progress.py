"""Where provinces stand: latest whole-province figures, shares of targets, the 2025 units.

Reports mix whole-province figures with figures for one district, ward or service centre;
comparisons between provinces use whole-province figures only (:func:`whole_province`), and
always carry the date and source of each figure.

Example:
    >>> from helpers import dataset
    >>> table = latest(dataset.load_observations(), ["online_applications"])
    >>> table["province_code"].is_unique
    True
"""

from __future__ import annotations

import re

import pandas as pd

from helpers import provinces

#: Scope words that mark a figure about part of a province, not all of it.
PART_OF_PROVINCE = re.compile(
    r"\b(?:districts?|commune|wards?|special zone|centre|center|city-level|provincial level only"
    r"|district level|commune level|only)\b",
    re.IGNORECASE,
)


def whole_province(obs: pd.DataFrame) -> pd.Series:
    """True for figures about a whole province (or the nation), False for parts of one.

    A figure is taken to describe part of a province when its scope names a district,
    commune, ward, special zone or service centre, or says "only" ("districts" and "wards"
    too; "communes" alone is how a whole-province count of communes is described).

    Example:
        >>> whole_province(pd.DataFrame({"scope": ["Cat Hai district", "whole province"]})).tolist()
        [False, True]
    """
    return ~obs["scope"].fillna("").str.contains(PART_OF_PROVINCE)


def latest(
    obs: pd.DataFrame, indicators: list[str], geography: str = "pre2025", rates: bool = True
) -> pd.DataFrame:
    """The latest whole-province level figure per province for ``indicators``.

    With ``rates`` only figures that carry a share (``rate``) count. Ties on the date go to
    the figure listed first (by figure id), so the choice is deterministic.

    Example:
        >>> from helpers import dataset
        >>> obs = dataset.load_observations()
        >>> latest(obs, ["dti_rank"], rates=False)["province_code"].nunique() == 63
        True
    """
    rows = obs[
        obs["indicator"].isin(indicators)
        & obs["geography"].eq(geography)
        & obs["province_code"].ne(provinces.NATIONAL_CODE)
        & obs["measure"].eq("level")
        & whole_province(obs)
    ]
    if rates:
        rows = rows[rows["rate"].notna()]
    rows = rows.sort_values(["province_code", "as_of_end", "figure_id"],
                            ascending=[True, False, True])  # fmt: skip
    return rows.drop_duplicates("province_code").reset_index(drop=True)


def dti_ranks(obs: pd.DataFrame, year: str = "2022", geography: str = "pre2025") -> pd.Series:
    """DTI rank per province code (or per 2025 unit name) for one assessment year.

    Example:
        >>> from helpers import dataset
        >>> int(dti_ranks(dataset.load_observations()).loc["48"])
        1
    """
    rows = obs[
        obs["indicator"].eq("dti_rank") & obs["as_of"].eq(year) & obs["geography"].eq(geography)
    ]
    key = "province_code" if geography == "pre2025" else "province"
    return rows.drop_duplicates(key).set_index(key)["value"].rename(f"DTI {year} rank")


def by_unit_2025(values: pd.Series) -> pd.DataFrame:
    """Province values (indexed by code) gathered into their 2025 units.

    Returns, per unit, the mean of its former provinces' values, the lowest and highest, and
    how many former provinces it joined and how many of them have a value.

    Example:
        >>> out = by_unit_2025(pd.Series({"30": 13.0, "31": 14.0}))
        >>> out.loc["Hai Phong", ["mean", "with_value", "provinces"]].tolist()
        [13.5, 2.0, 2.0]
    """
    table = provinces.table()
    frame = table[["unit_2025"]].assign(value=values.reindex(table.index))
    out = frame.groupby("unit_2025")["value"].agg(["mean", "min", "max", "count", "size"])
    return out.rename(columns={"count": "with_value", "size": "provinces"}).rename_axis("unit")


def units_table(ranks: pd.Series, later: pd.Series | None = None) -> pd.DataFrame:
    """The 34 units of 2025 with the ranks they inherit from their former provinces, best first.

    ``ranks`` is a rank per province code (lower is better, e.g. :func:`dti_ranks`); ``later``
    an optional rank given to the units themselves (indexed by unit name, e.g. the DTI 2024).
    One row per unit: ``unit``, its ``former_provinces`` (names, in order), ``provinces`` and
    ``with_value`` (how many of them have a rank), the ``mean``, ``best`` and ``worst`` rank
    among them, and ``later``. Sorted by mean rank; a tie goes to the unit whose best former
    province ranked higher, then to the unit's name, so the order never depends on the sort.

    Example:
        >>> t = units_table(pd.Series({"30": 14.0, "31": 13.0, "22": 13.5}))
        >>> t[["unit", "former_provinces", "mean", "best"]].head(2).values.tolist()
        ... # doctest: +NORMALIZE_WHITESPACE
        [['Hai Phong', 'Hai Duong, Hai Phong', 13.5, 13.0],
         ['Quang Ninh', 'Quang Ninh', 13.5, 13.5]]
    """
    table = provinces.table()
    values = ranks.reindex(table.index)
    frame = pd.DataFrame({"unit": table["unit_2025"], "province": table["name_en"],
                          "value": values})  # fmt: skip
    frame = frame.sort_values(["unit", "province"], kind="stable")
    grouped = frame.groupby("unit", sort=True)
    out = pd.DataFrame({
        "former_provinces": grouped["province"].agg(", ".join),
        "provinces": grouped.size(),
        "with_value": grouped["value"].count(),
        "mean": grouped["value"].mean(),
        "best": grouped["value"].min(),
        "worst": grouped["value"].max(),
    })  # fmt: skip
    out["later"] = (later if later is not None else pd.Series(dtype=float)).reindex(out.index)
    out = out.rename_axis("unit").reset_index()
    return out.sort_values(["mean", "best", "unit"], kind="stable").reset_index(drop=True)


def from_figures(frame: pd.DataFrame, obs: pd.DataFrame,
                 columns=("indicator_name", "source_url")) -> pd.DataFrame:  # fmt: skip
    """``frame`` with ``columns`` of the observation each row's ``figure_id`` names (by default
    the indicator's name and the source's address), for tables that say what a figure counts
    and link it to its source. Text columns missing for a row are left empty.

    Example:
        >>> obs = pd.DataFrame({"figure_id": ["a", "b"], "source_url": ["https://x.vn", ""],
        ...                     "indicator_name": ["A", "B"]})
        >>> from_figures(pd.DataFrame({"figure_id": ["b", "a", "c"]}), obs)["source_url"].tolist()
        ['', 'https://x.vn', '']
    """
    details = obs.drop_duplicates("figure_id").set_index("figure_id")[list(columns)]
    extra = details.reindex(frame["figure_id"]).fillna("").reset_index(drop=True)
    extra.index = frame.index
    return frame.drop(columns=[c for c in columns if c in frame.columns]).join(extra)


def target_shares(obs: pd.DataFrame) -> pd.DataFrame:
    """Figures stated against a target (``denominator_kind == "target"``), as % of target.

    Example:
        >>> from helpers import dataset
        >>> bool((target_shares(dataset.load_observations())["percent_of_target"] > 0).all())
        True
    """
    rows = obs[obs["denominator_kind"].eq("target") & obs["denominator"].gt(0)].copy()
    rows["percent_of_target"] = rows["value"] / rows["denominator"] * 100
    return rows.sort_values("percent_of_target", ascending=False, kind="stable").reset_index(
        drop=True
    )


def task_completion(obs: pd.DataFrame) -> pd.DataFrame:
    """Provincial Project 06 task and model completion stated as "done out of assigned".

    Example:
        >>> from helpers import dataset
        >>> bool((task_completion(dataset.load_observations())["percent"] <= 100).all())
        True
    """
    rows = obs[
        obs["indicator"].isin(["project06_tasks", "project06_models"])
        & obs["denominator"].notna()
        & obs["province_code"].ne(provinces.NATIONAL_CODE)
        & obs["geography"].eq("pre2025")
    ].copy()
    rows["percent"] = rows["value"] / rows["denominator"] * 100
    return rows.sort_values(["indicator", "percent"], ascending=[True, False]).reset_index(
        drop=True
    )
