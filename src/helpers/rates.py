"""Rates from counts: e-ID accounts, chip ID cards and applications per resident.

A province's count (say, 1.6 million e-ID accounts) says little until it is set against the
province's people. :func:`per_resident` divides every whole-province count of e-ID accounts,
chip ID cards and their applications by the average population of the year the count
describes (GSO to 2021, carried forward after that; :mod:`helpers.population`), and keeps the
share the report itself stated, against its own denominator, beside it.

How to read the result:

- the denominator is everyone living in the province, of all ages; until July 2024 chip ID
  cards and e-ID accounts were issued to citizens aged 14 and over only, so even complete
  coverage of those eligible shows well below 100% per resident;
- a count for a period (an interval date, or "in a single day") is a flow, not the stock of
  holders; it is kept, marked ``flow``, and left out of comparisons;
- a rate above 100% is flagged (``above_100``) and ``explanation`` says what can produce it:
  a quota as the report's denominator, people counted where they are registered rather than
  where they live, applications that count one person twice, accounts created rather than
  activated, a population carried years past the last GSO figure.

Example:
    >>> from helpers import dataset
    >>> table = per_resident(dataset.load_observations())
    >>> bool(table["per_resident"].gt(0).all()), table["province_code"].nunique() >= 15
    (True, True)
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers import population, progress, summary

COUNT_INDICATORS = (
    "eid_accounts", "eid_level2_accounts", "eid_applications", "chip_id_cards",
    "chip_id_applications",
)  # fmt: skip
#: A count over a short spell, not the number of holders: "in a single day".
FLOW_SCOPE = re.compile(r"\b(?:single|one) day\b|\bin a day\b", re.IGNORECASE)
ACTIVATED = re.compile(r"\bactivat", re.IGNORECASE)
NOT_ACTIVATED = re.compile(r"\bnot (?:necessarily |yet )?activat", re.IGNORECASE)
COLUMNS = [
    "figure_id", "province_code", "province", "indicator", "stated", "as_of", "as_of_end",
    "counts", "value", "population_year", "population", "population_basis", "per_resident",
    "share_stated", "share_of", "above_100", "explanation", "scope", "publisher",
]  # fmt: skip


def explain(row: pd.Series) -> str:
    """Why a rate of ``row`` may exceed 100% (empty when neither rate does).

    Example:
        >>> explain(pd.Series({"per_resident": 104.0, "share_stated": np.nan, "share_of": "",
        ...     "indicator": "eid_applications", "population_basis": "GSO",
        ...     "population_year": 2021, "scope": ""}))  # doctest: +ELLIPSIS
        'per resident 104%: applications can count one person more than once...'
    """
    reasons = []
    if row["share_of"] == "target" and row["share_stated"] > 100:
        reasons.append(f"stated share {row['share_stated']:.0f}%: its denominator is a quota "
                       "set by the Ministry of Public Security, not the province's people; "
                       "exceeding it means the quota was below the number eligible")  # fmt: skip
    elif row["share_stated"] > 100:
        reasons.append(f"stated share {row['share_stated']:.0f}%: a part larger than its whole "
                       "(check the source)")  # fmt: skip
    if row["per_resident"] > 100:
        why = []
        if row["indicator"].endswith("applications"):
            why.append("applications can count one person more than once (re-submissions, "
                       "level-1 and level-2 dossiers)")  # fmt: skip
        if re.search(r"\b(?:issued|created|approved)\b", str(row["scope"]), re.IGNORECASE):
            why.append("accounts or cards issued are counted, not only those activated")
        why.append("people are counted where they are registered while the GSO counts where "
                   "they live, so a province whose registered residents live elsewhere can "
                   "exceed 100%")  # fmt: skip
        if row["population_basis"] != "GSO":
            years = int(row["population_year"]) - population.LAST_YEAR
            why.append(f"the population is carried {years} year(s) past the last GSO figure "
                       f"(2021) by rule {row['population_basis']}")  # fmt: skip
        reasons.append(f"per resident {row['per_resident']:.0f}%: " + "; ".join(why))
    return " | ".join(reasons)


def per_resident(obs: pd.DataFrame, denominators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every whole-province count of e-ID accounts, chip ID cards and their applications as a
    percentage of the province's average population in the year the count describes.

    ``denominators`` is :func:`helpers.population.denominators` (default rule: own growth).

    Example:
        >>> import pandas as pd
        >>> obs = pd.DataFrame([{"figure_id": "x", "province_code": "01", "province": "Ha Noi",
        ...     "indicator": "eid_accounts", "unit": "count", "measure": "level",
        ...     "geography": "pre2025", "scope": "activated", "stated": "4.2 million",
        ...     "as_of": "2021-06", "as_of_end": pd.Timestamp("2021-06-30"),
        ...     "as_of_precision": "month", "value": 4165415.0, "rate": np.nan,
        ...     "denominator_kind": "", "publisher": "p"}])
        >>> float(per_resident(obs)["per_resident"].iloc[0])   # 8,330,830 people in 2021
        50.0
    """
    denominators = population.denominators() if denominators is None else denominators
    rows = summary.project06(obs)
    rows = rows[
        rows["indicator"].isin(COUNT_INDICATORS)
        & rows["unit"].eq("count")
        & rows["measure"].eq("level")
        & progress.whole_province(rows)
    ].copy()
    flow = rows["as_of_precision"].eq("period") | rows["scope"].fillna("").str.contains(FLOW_SCOPE)
    rows["counts"] = np.where(flow, "flow", "stock")
    rows["population_year"] = rows["as_of_end"].dt.year
    lookup = denominators.set_index(["province_code", "year"])
    keys = list(zip(rows["province_code"], rows["population_year"], strict=True))
    rows["population"] = [lookup["population"].get(k, np.nan) for k in keys]
    rows["population_basis"] = [lookup["basis"].get(k, "") for k in keys]
    rows["per_resident"] = (rows["value"] / rows["population"] * 100).round(2)
    rows["share_stated"] = rows["rate"].round(2)
    rows["share_of"] = rows["denominator_kind"].fillna("")
    rows = rows[rows["population"].notna()]
    rows["above_100"] = rows["per_resident"].gt(100) | rows["share_stated"].gt(100)
    rows["explanation"] = rows.apply(explain, axis=1) if len(rows) else []
    rows = rows.sort_values(["province_code", "as_of_end", "figure_id"])
    return rows.reindex(columns=COLUMNS).reset_index(drop=True)


def latest(table: pd.DataFrame, indicators=("eid_accounts", "eid_level2_accounts")) -> pd.DataFrame:
    """Each province's latest stock rate for ``indicators``; on the same date a count of
    activated accounts goes before one of accounts issued, then the first figure id.

    Example:
        >>> from helpers import dataset
        >>> t = latest(per_resident(dataset.load_observations()))
        >>> t["province_code"].is_unique and bool(t["counts"].eq("stock").all())
        True
    """
    rows = table[table["indicator"].isin(indicators) & table["counts"].eq("stock")].copy()
    scope = rows["scope"].fillna("")
    rows["activated"] = scope.str.contains(ACTIVATED) & ~scope.str.contains(NOT_ACTIVATED)
    rows = rows.sort_values(["province_code", "as_of_end", "activated", "figure_id"],
                            ascending=[True, False, False, True])  # fmt: skip
    return rows.drop_duplicates("province_code").drop(columns="activated").reset_index(drop=True)


EID = ("eid_accounts", "eid_level2_accounts")


def rule_effect(obs: pd.DataFrame, indicators=EID) -> pd.DataFrame:
    """The latest e-ID rate per resident under each carry-forward rule, side by side, for the
    provinces whose figure is dated after 2021 (where the rule matters).

    Example:
        >>> from helpers import dataset
        >>> effect = rule_effect(dataset.load_observations())
        >>> list(effect.columns)[:4]
        ['province', 'as_of', 'own_growth', 'flat']
    """
    pop = population.load()
    tables = {
        rule: latest(per_resident(obs, population.denominators(pop, rule=rule)), indicators)
        .set_index("province_code")
        for rule in population.RULES
    }  # fmt: skip
    default = tables["own_growth"]
    out = default[["province", "as_of"]].copy()
    for rule, table in tables.items():
        out[rule] = table["per_resident"]
    out = out[default["population_basis"].ne("GSO")]
    rules = out[list(population.RULES)]
    out["spread_points"] = (rules.max(axis=1) - rules.min(axis=1)).round(2)
    return out.sort_values(["spread_points", "province"], ascending=[False, True]).reset_index(
        drop=True
    )
