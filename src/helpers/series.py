"""The national series the adoption models are fitted to, chosen figure by figure.

National reports count different things under similar words (accounts "issued", "approved" or
"activated"; chip cards "printed", "returned" or "issued"; cards under the old or the 2023 law).
``data/reference/model_series.csv`` says, for every national figure of a modelled indicator,
whether it belongs to a series and why, so the choice is explicit and can be argued with.

Example:
    >>> from helpers import dataset
    >>> eid = national_series(dataset.load_observations(), "eid_accounts_activated")
    >>> eid["t"].is_monotonic_increasing
    True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import paths

MODEL_SERIES = paths.REFERENCE / "model_series.csv"
#: What each series counts, for titles and prose.
SERIES = {
    "eid_accounts_activated": "VNeID e-ID accounts activated (million, cumulative)",
    "chip_id_cards_issued": "chip-based ID cards issued (million, cumulative)",
}


def selection() -> pd.DataFrame:
    """The hand-made choice of figures per series, with the reason for each.

    Example:
        >>> set(selection()["include"]) == {"yes", "no"}
        True
    """
    return pd.read_csv(MODEL_SERIES, dtype=str, keep_default_na=False)


def decimal_year(dates: pd.Series) -> pd.Series:
    """Dates as decimal years (1 July 2023 → about 2023.5).

    Example:
        >>> decimal_year(pd.Series(pd.to_datetime(["2023-07-02"]))).round(2).tolist()
        [2023.5]
    """
    dates = pd.to_datetime(dates)
    # calendar arithmetic in numpy (the same nanoseconds, divided the same way, as through
    # pandas' Timestamps, without formatting and parsing a date string per row)
    values = dates.to_numpy(dtype="datetime64[ns]")
    year = values.astype("datetime64[Y]")
    start = year.astype("datetime64[ns]")
    length = (year + np.timedelta64(1, "Y")).astype("datetime64[ns]") - start
    fraction = (values - start) / length
    return pd.Series(dates.dt.year.to_numpy() + fraction, index=dates.index, name=dates.name)


def national_series(obs: pd.DataFrame, name: str, include: bool = True) -> pd.DataFrame:
    """The figures of one series (``include=False``: the ones left out), in time order.

    ``t`` is the decimal year of the end of the period each figure describes and ``millions``
    its value in millions.

    Raises:
        KeyError: naming the series when it is not in ``model_series.csv``.

    Example:
        >>> from helpers import dataset
        >>> bool(national_series(dataset.load_observations(), "chip_id_cards_issued")["millions"].max() < 100)
        True
    """  # noqa: E501
    chosen = selection()
    if name not in set(chosen["series"]):
        raise KeyError(f"no series {name!r} in {MODEL_SERIES.name}")
    chosen = chosen[chosen["series"].eq(name) & chosen["include"].eq("yes" if include else "no")]
    rows = obs.merge(chosen[["figure_id", "reason"]], on="figure_id", how="inner")
    rows = rows.assign(t=decimal_year(rows["as_of_end"]), millions=rows["value"] / 1e6)
    columns = ["figure_id", "t", "as_of", "millions", "qualifier", "stated", "scope", "reason",
               "source_id", "publisher"]  # fmt: skip
    return rows.sort_values(["t", "figure_id"])[columns].reset_index(drop=True)


def crossing(points: pd.DataFrame, target: float) -> dict[str, float | None]:
    """When a series crossed ``target`` according to the reports alone: the last report below
    it and the first report at or above it (decimal years; None when there is none).

    Example:
        >>> p = pd.DataFrame({"t": [2023.0, 2023.5, 2024.0], "millions": [10.0, 30.0, 50.0]})
        >>> crossing(p, 40.0)
        {'last_below': 2023.5, 'first_at_or_above': 2024.0}
    """
    below = points.loc[points["millions"] < target, "t"]
    above = points.loc[points["millions"] >= target, "t"]
    first = float(above.min()) if len(above) else None
    last = below[below < first] if first is not None else below
    return {
        "last_below": float(last.max()) if len(last) else None,
        "first_at_or_above": first,
    }


def count_shares(obs: pd.DataFrame, indicator: str = "essential_services_online") -> pd.DataFrame:
    """Provincial shares given as counts ("113,796/124,087"), one row per disjoint group.

    When a report gives a total and the parts that make it up (all 25 services, then the
    police's 11 and the departments' 12), the total is dropped so no application is counted
    twice. ``t`` is the decimal year of the middle of the period described.

    Example:
        >>> from helpers import dataset
        >>> table = count_shares(dataset.load_observations())
        >>> bool((table["successes"] <= table["trials"]).all())
        True
    """
    rows = obs[
        obs["indicator"].eq(indicator)
        & obs["unit"].eq("count")
        & obs["denominator"].notna()
        & obs["province_code"].ne("VN")
    ].copy()
    keep = []
    for _, group in rows.groupby(["source_id", "as_of"]):
        for index, row in group.iterrows():
            others = group.drop(index)
            is_total = len(others) >= 2 and (
                others["value"].sum() == row["value"]
                and others["denominator"].sum() == row["denominator"]
            )
            if not is_total:
                keep.append(index)
    rows = rows.loc[sorted(keep)]
    middle = rows["as_of_start"] + (rows["as_of_end"] - rows["as_of_start"]) / 2
    return pd.DataFrame(
        {
            "province": rows["province"],
            "scope": rows["scope"],
            "as_of": rows["as_of"],
            "t": decimal_year(middle),
            "successes": rows["value"],
            "trials": rows["denominator"],
            "share": rows["value"] / rows["denominator"] * 100,
        }
    ).reset_index(drop=True)


def essential_lists(obs: pd.DataFrame) -> pd.DataFrame:
    """National counts of essential public services provided, each against the list it counts
    (25 services in 2022, 53 from 2023, 76 from late 2024), with the share of that list.

    The list grew while it was being filled, so the counts form no series: 21 of 25 in 2022 and
    44 of 76 in 2024 measure different things. Only figures written as "x of N" are kept.

    Example:
        >>> from helpers import dataset
        >>> table = essential_lists(dataset.load_observations())
        >>> sorted(set(table["list_size"])) == [25, 53, 76]
        True
    """
    rows = obs[
        obs["indicator"].eq("essential_services_available")
        & obs["province_code"].eq("VN")
        & obs["denominator"].isin([25, 53, 76])
    ].sort_values(["as_of_end", "figure_id"])
    return pd.DataFrame(
        {
            "date": rows["as_of_end"].dt.date,
            "provided": rows["value"].astype(int),
            "list_size": rows["denominator"].astype(int),
            "share_of_list": (rows["value"] / rows["denominator"] * 100).round(1),
            "stated": rows["stated"],
            "publisher": rows["publisher"],
        }
    ).reset_index(drop=True)
