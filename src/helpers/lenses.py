"""Three lenses on the 63 provinces: their own reports, their citizens, the experts.

- **Provinces' own reports**: the latest whole-province online share of applications
  (:func:`helpers.progress.latest`), e-ID accounts per resident (:mod:`helpers.rates`) and the
  share of Project 06 tasks done (:func:`helpers.progress.task_completion`).
- **Citizens** (PAPI, :mod:`helpers.papi`): 8.1 use of local e-government portals and 8.3
  e-responsiveness. Each is used as a standing across 2022 and 2023 (the mean of the two
  years' z-scores, over the years a province has a usable score), which gives every province a
  value although four miss one year; the raw 2023 scores are in the table too.
- **Experts**: the DTI 2022 rank (:func:`helpers.progress.dti_ranks`), reversed for
  correlations so that, for every lens, higher means further along.

:func:`correlations` gives Spearman's rho with a 95% interval for each pair of lenses
(:func:`helpers.models.spearman_ci`); :func:`disagreements` names the provinces whose
positions differ most between two lenses.

Example:
    >>> from helpers import dataset
    >>> table = province_table(dataset.load_observations())
    >>> len(table), int(table["papi_81"].notna().sum()), int(table["dti_rank"].notna().sum())
    (63, 63, 63)
"""

from __future__ import annotations

import pandas as pd

from helpers import models, papi, progress, provinces, rates

#: The lens measures, with readable names (for tables and axes).
MEASURES = {
    "online_share": "Online share of applications, latest report (%)",
    "eid_per_resident": "e-ID accounts per resident, latest report (%)",
    "tasks_done": "Project 06 tasks done, latest report (% of assigned)",
    "papi_81": "PAPI 8.1 use of e-government portals (z, 2022–23)",
    "papi_83": "PAPI 8.3 e-responsiveness (z, 2022–23)",
    "dti_standing": "DTI 2022 standing (64 − rank; 63 = best)",
}
LENS = {"online_share": "reports", "eid_per_resident": "reports", "tasks_done": "reports",
        "papi_81": "citizens", "papi_83": "citizens", "dti_standing": "experts"}  # fmt: skip
#: The pairs compared, reports first, then citizens against experts, then PAPI with itself.
PAIRS = [
    ("online_share", "papi_81"), ("online_share", "papi_83"), ("online_share", "dti_standing"),
    ("eid_per_resident", "papi_81"), ("eid_per_resident", "dti_standing"),
    ("tasks_done", "dti_standing"),
    ("papi_81", "dti_standing"), ("papi_83", "dti_standing"), ("papi_81", "papi_83"),
]  # fmt: skip


def province_table(obs: pd.DataFrame, papi_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per province (63, by code) with every lens measure, its date and the short
    tile-map label.

    Example:
        >>> from helpers import dataset
        >>> t = province_table(dataset.load_observations())
        >>> row = t.loc["48"]
        >>> row["province"], float(row["dti_rank"]), float(row["dti_standing"])
        ('Da Nang', 1.0, 63.0)
    """
    papi_table = papi.load() if papi_table is None else papi_table
    info = provinces.table()
    out = pd.DataFrame(index=info.index)
    out["province"] = info["name_en"]
    out["label"] = provinces.tile_grid()["label"].reindex(info.index)
    out["unit_2025"] = info["unit_2025"]
    shares = progress.latest(obs, ["essential_services_online", "online_applications"])
    shares = shares.set_index("province_code")
    out["online_share"] = shares["rate"]
    out["online_as_of"] = shares["as_of"]
    eid = rates.latest(rates.per_resident(obs)).set_index("province_code")
    out["eid_per_resident"] = eid["per_resident"]
    out["eid_as_of"] = eid["as_of"]
    tasks = progress.task_completion(obs)
    tasks = tasks[tasks["indicator"].eq("project06_tasks")]
    tasks = tasks.sort_values(["province_code", "as_of_end", "figure_id"],
                              ascending=[True, False, True])  # fmt: skip
    tasks = tasks.drop_duplicates("province_code")
    tasks = tasks.set_index("province_code")
    out["tasks_done"] = tasks["percent"].round(1)
    out["tasks_as_of"] = tasks["as_of"]
    for dimension, column in (("8.1", "papi_81"), ("8.3", "papi_83")):
        out[column] = papi.combined(papi_table, dimension).round(4)
        out[f"{column}_2023"] = papi.scores(papi_table, dimension, 2023)
    dti = progress.dti_ranks(obs, "2022")
    out["dti_rank"] = dti.reindex(info.index).astype(float)
    out["dti_standing"] = 64 - out["dti_rank"]
    return out.rename_axis("province_code")


def correlations(table: pd.DataFrame, pairs=PAIRS) -> pd.DataFrame:
    """Spearman's rho with a 95% interval for each pair of measures (rounded to 3 decimals).

    Example:
        >>> from helpers import dataset
        >>> c = correlations(province_table(dataset.load_observations()))
        >>> c.set_index(["x", "y"]).loc[("papi_81", "dti_standing"), "n"]
        np.int64(63)
    """
    rows = []
    for x, y in pairs:
        result = models.spearman_ci(table[x], table[y])
        rows.append({"x": x, "y": y, "lenses": f"{LENS[x]} vs {LENS[y]}",
                     **{k: result[k] for k in ("rho", "lower", "upper", "n", "note")}})  # fmt: skip
    out = pd.DataFrame(rows)
    for column in ("rho", "lower", "upper"):
        out[column] = out[column].astype(float).round(3)
    out["n"] = out["n"].astype(int)
    return out


def disagreements(table: pd.DataFrame, x: str, y: str, top: int = 5) -> pd.DataFrame:
    """The provinces whose position differs most between measures ``x`` and ``y``.

    Positions are percentile ranks (0–100) among the provinces that have both measures;
    ``gap`` is x's position minus y's, so a positive gap means the first lens puts the
    province higher. Ties in the gap are broken by province code.

    Example:
        >>> t = pd.DataFrame({"province": list("ABCD"), "a": [1, 2, 3, 4], "b": [4, 2, 3, 1]},
        ...                  index=["01", "02", "04", "06"])
        >>> disagreements(t, "a", "b", top=2)["province"].tolist()
        ['A', 'D']
    """
    both = table[table[x].notna() & table[y].notna()]
    n = len(both)
    if n < 2:
        return pd.DataFrame(columns=["province", x, y, f"{x} position", f"{y} position", "gap"])
    px = (both[x].rank(method="average") - 1) / (n - 1) * 100
    py = (both[y].rank(method="average") - 1) / (n - 1) * 100
    out = pd.DataFrame({"province": both["province"], x: both[x], y: both[y],
                        f"{x} position": px.round(1), f"{y} position": py.round(1),
                        "gap": (px - py).round(1)})  # fmt: skip
    out["abs_gap"] = out["gap"].abs()
    out = out.sort_values(["abs_gap", "province"], ascending=[False, True]).drop(columns="abs_gap")
    return out.head(top)


def coverage(table: pd.DataFrame) -> pd.Series:
    """How many provinces each measure covers.

    Example:
        >>> from helpers import dataset
        >>> coverage(province_table(dataset.load_observations()))["dti_standing"]
        np.int64(63)
    """
    return table[list(MEASURES)].notna().sum().rename("provinces with a value")

