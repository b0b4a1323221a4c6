"""What the dataset holds: headline counts, coverage, national series, flags, citations.

The dataset's front page (notebook 01) and the closing notes of every release use these, so the
numbers a reader sees are computed in one place.

Example:
    >>> from helpers import dataset
    >>> obs = dataset.load_observations()
    >>> counts = headline(obs, dataset.load_sources())
    >>> counts["provinces with a Project 06 figure"] >= 40
    True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import audit, dataset, provinces

#: National population statistics: the denominator of population shares, not a Project 06 figure.
POPULATION = "population"
#: Indicators that measure Project 06 itself (the DTI, 'other' and the population are context,
#: not progress).
CONTEXT_INDICATORS = ("dti_rank", "dti_score", "other", POPULATION)
#: The national series the project follows, and the indicators each gathers.
NATIONAL_SERIES = {
    "e-ID accounts": ("eid_accounts", "eid_level2_accounts", "eid_applications"),
    "chip ID cards": ("chip_id_cards", "chip_id_applications"),
    "essential public services": ("essential_services_available", "essential_services_online"),
}
#: What each audit flag means, in a sentence.
FLAG_MEANINGS = {
    "percent_mismatch": "the stated percent and value/denominator differ by more than "
    f"{audit.PERCENT_TOLERANCE} points",
    "above_denominator": "the value exceeds its denominator (a target exceeded, or a part "
    "larger than its whole)",
    "sources_disagree": "another source gives a materially different value for the same "
    "province, indicator and date",
    "ambiguous_increase": "an 'increase of N%' that may be percentage points or a relative "
    "change",
    "date_inferred": "the date was worked out from the report, not stated in it",
}
#: Each audit flag's name in words, as tables show it.
FLAG_NAMES = {
    "percent_mismatch": "Percent does not match its fraction",
    "above_denominator": "Value above its denominator",
    "sources_disagree": "Sources disagree",
    "ambiguous_increase": "Increase of unclear kind",
    "date_inferred": "Date inferred",
}
#: What a source reports on (see :func:`source_scopes`), in the order figures list them.
SCOPES = ("provinces", "post-2025 units", "national", "DTI rankings", "population statistics",
          "no figure kept")  # fmt: skip


def project06(obs: pd.DataFrame) -> pd.DataFrame:
    """Observations that measure Project 06 itself, for the 63 provinces (not national,
    not the 34 post-2025 units, not DTI or other context figures).

    Example:
        >>> from helpers import dataset
        >>> bool(project06(dataset.load_observations())["indicator"].isin(CONTEXT_INDICATORS).any())
        False
    """
    keep = (
        ~obs["indicator"].isin(CONTEXT_INDICATORS)
        & obs["province_code"].ne(provinces.NATIONAL_CODE)
        & obs["geography"].eq("pre2025")
    )
    return obs[keep]


def national_points(obs: pd.DataFrame, start: int = 2021, end: int = 2025) -> pd.DataFrame:
    """Dated national points per series within ``start``–``end`` (by the date described).

    A dated point is a distinct date that figures describe, taken as the end of the period each
    figure covers: "2023-09" and "January–September 2023" are the same point, as are two
    services reported for the same month. Several figures on one date count once.

    Example:
        >>> from helpers import dataset
        >>> table = national_points(dataset.load_observations())
        >>> list(table.columns)
        ['series', 'observations', 'dated points', 'first', 'last']
    """
    national = obs[obs["province_code"].eq(provinces.NATIONAL_CODE)]
    rows = []
    for series, indicators in NATIONAL_SERIES.items():
        sub = national[national["indicator"].isin(indicators)]
        sub = sub[sub["as_of_end"].dt.year.between(start, end)]
        rows.append(
            {
                "series": series,
                "observations": len(sub),
                "dated points": sub["as_of_end"].nunique(),
                "first": sub["as_of_end"].min().date() if len(sub) else None,
                "last": sub["as_of_end"].max().date() if len(sub) else None,
            }
        )
    return pd.DataFrame(rows)


def national_figures(
    obs: pd.DataFrame, series: str, start: int = 2021, end: int = 2025
) -> pd.DataFrame:
    """The national figures of one series within ``start``–``end``, one row per figure, in the
    order of the dates they describe: what :func:`national_points` counts, shown.

    Raises:
        KeyError: naming the series when it is not one of :data:`NATIONAL_SERIES`.

    Example:
        >>> from helpers import dataset
        >>> table = national_figures(dataset.load_observations(), "chip ID cards")
        >>> list(table.columns)
        ['date', 'indicator', 'indicator_name', 'stated', 'scope', 'publisher', 'source_url']
    """
    if series not in NATIONAL_SERIES:
        raise KeyError(f"no national series {series!r} (one of {', '.join(NATIONAL_SERIES)})")
    sub = obs[
        obs["province_code"].eq(provinces.NATIONAL_CODE)
        & obs["indicator"].isin(NATIONAL_SERIES[series])
        & obs["as_of_end"].dt.year.between(start, end)
    ]
    sub = sub.sort_values(["as_of_end", "figure_id"])
    table = sub.assign(date=sub["as_of_end"].dt.date)
    columns = ["date", "indicator", "indicator_name", "stated", "scope", "publisher", "source_url"]
    return table[columns].reset_index(drop=True)


def national_dates(obs: pd.DataFrame, start: int = 2021, end: int = 2025) -> pd.DataFrame:
    """Every series' dated points: one row per series and date, with how many figures fall on
    it (the data behind the national-series timeline of chapter 1, headers in words).

    Example:
        >>> from helpers import dataset
        >>> table = national_dates(dataset.load_observations())
        >>> list(table.columns)
        ['Series', 'Date described', 'Figures']
    """
    parts = [
        national_figures(obs, series, start, end).groupby("date").size().rename("Figures")
        .reset_index().assign(Series=series)
        for series in NATIONAL_SERIES
    ]  # fmt: skip
    table = pd.concat(parts, ignore_index=True).rename(columns={"date": "Date described"})
    table["Date described"] = pd.to_datetime(table["Date described"])
    return table[["Series", "Date described", "Figures"]]


def flag_counts(obs: pd.DataFrame) -> pd.DataFrame:
    """How many observations raise each audit flag, with what the flag means: a table for
    readers (headers in words, one row per flag in :data:`helpers.audit.FLAGS` order).

    Example:
        >>> from helpers import dataset
        >>> table = flag_counts(dataset.load_observations())
        >>> table.columns.tolist(), table["Flag"].tolist()[-1]
        (['Flag', 'Figures flagged', 'What it means'], 'Date inferred')
    """
    return pd.DataFrame(
        {
            "Flag": [FLAG_NAMES[name] for name in audit.FLAGS],
            "Figures flagged": [int(obs[f"flag_{name}"].sum()) for name in audit.FLAGS],
            "What it means": [FLAG_MEANINGS[name] for name in audit.FLAGS],
        }
    )


def flag_examples(obs: pd.DataFrame) -> pd.DataFrame:
    """The first figure (in file order) raising each flag that is raised at all, with the
    words of its source.

    Example:
        >>> from helpers import dataset
        >>> table = flag_examples(dataset.load_observations())
        >>> table.columns.tolist()[:4]
        ['flag', 'province', 'indicator_name', 'stated']
        >>> bool(table["flag"].is_unique)
        True
    """
    rows = [
        obs.loc[obs[f"flag_{name}"]].head(1).assign(flag=FLAG_NAMES[name])
        for name in audit.FLAGS
        if obs[f"flag_{name}"].any()
    ]
    columns = ["flag", "province", "indicator_name", "stated", "as_of", "publisher",
               "source_url"]  # fmt: skip
    if not rows:
        return pd.DataFrame(columns=columns)
    return pd.concat(rows, ignore_index=True)[columns]


def headline(obs: pd.DataFrame, sources: pd.DataFrame) -> dict[str, int]:
    """The dataset in a few counts.

    Example:
        >>> from helpers import dataset
        >>> sorted(headline(dataset.load_observations(), dataset.load_sources()))[0]
        'DTI 2022 ranks (of 63)'
    """
    p06 = project06(obs)
    dti22 = obs[
        obs["indicator"].eq("dti_rank") & obs["as_of"].eq("2022") & obs["geography"].eq("pre2025")
    ]
    return {
        "sources": len(sources),
        "figures": len(obs),
        "provinces with a Project 06 figure": p06["province_code"].nunique(),
        "post-2025 units with a figure": obs.loc[obs["geography"].eq("post2025"), "province"]
        .nunique(),
        "national observations": int(
            (obs["province_code"].eq(provinces.NATIONAL_CODE) & obs["indicator"].ne(POPULATION))
            .sum()
        ),
        "DTI 2022 ranks (of 63)": dti22["province_code"].nunique(),
        "seed reports transcribed": int(sources["seed_file"].ne("").sum()),
    }


def coverage(obs: pd.DataFrame) -> pd.DataFrame:
    """Observations per province (rows, 63 in code order) and indicator group (columns).

    Example:
        >>> from helpers import dataset
        >>> coverage(dataset.load_observations()).shape[0]
        63
    """
    groups = dataset.load_indicators()["group"]
    p06 = project06(obs).assign(group=lambda d: d["indicator"].map(groups))
    table = pd.crosstab(p06["province_code"], p06["group"])
    codes = provinces.table().index
    table = table.reindex(codes, fill_value=0)
    table.index = [provinces.table().loc[c, "name_en"] for c in codes]
    return table.rename_axis("province").rename_axis("indicator group", axis=1)


def coverage_cells(obs: pd.DataFrame) -> pd.DataFrame:
    """:func:`coverage` as a tidy table, one row per province and indicator group (empty cells
    included, as zero): the data behind the coverage heat map.

    Example:
        >>> from helpers import dataset
        >>> cells = coverage_cells(dataset.load_observations())
        >>> cells.columns.tolist(), cells["Province"].nunique()
        (['Province', 'Indicator group', 'Figures'], 63)
    """
    table = coverage(obs)
    cells = table.stack().rename("Figures").reset_index()  # noqa: PD013 (keeps the row order)
    return cells.set_axis(["Province", "Indicator group", "Figures"], axis=1)


def by_region(obs: pd.DataFrame) -> pd.DataFrame:
    """Provinces per region, and how many of them have at least one Project 06 figure.

    Example:
        >>> from helpers import dataset
        >>> int(by_region(dataset.load_observations())["provinces"].sum())
        63
    """
    table = provinces.table()
    covered = set(project06(obs)["province_code"])
    out = table.groupby("region").agg(
        provinces=("name_en", "size"),
        with_figures=("name_en", lambda s: sum(code in covered for code in s.index)),
    )
    return out.rename(columns={"with_figures": "with a Project 06 figure"})


def cite(obs: pd.DataFrame, figure_id: str) -> str:
    """A citation for one figure: the number as worded, its date, and its source.

    Example:
        >>> from helpers import dataset
        >>> cite(dataset.load_observations(), "seed-vietnamvn-2024-01-25-thaibinh-2023-review-16")
        ... # doctest: +ELLIPSIS
        'Thai Binh, VNeID e-ID accounts activated: "958,367 out of 794,301" (2023). not est...'
        >>> cite(dataset.load_observations(), "seed-vietnamvn-2024-01-25-thaibinh-2023-review-16")
        ... # doctest: +ELLIPSIS
        '... seed report 004_01a681c7f6e7c7e5.txt. Project 06 dataset, figure seed-vietnamvn-...'
    """
    row = obs.set_index("figure_id").loc[figure_id]
    where = row["source_url"] or f"seed report {row['seed_file']}"
    return (
        f'{row["province"]}, {row["indicator_name"]}: "{row["stated"]}" ({row["as_of"]}). '
        f"{row['publisher']}, published {row['published']}. {where}. "
        f"Project 06 dataset, figure {figure_id}."
    )


def source_scopes(obs: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each source with a label for what its figures are about (for the timeline).

    A source is "DTI rankings" when it only gives DTI figures, "population statistics" when it
    only gives population figures, "national" when it only gives national ones, "post-2025
    units" when it only describes the merged units, otherwise "provinces".

    Example:
        >>> from helpers import dataset
        >>> table = source_scopes(dataset.load_observations(), dataset.load_sources())
        >>> sorted(table["scope"].unique())[0]
        'DTI rankings'
    """

    def label(group: pd.DataFrame) -> str:
        if group["indicator"].isin(["dti_rank", "dti_score"]).all():
            return "DTI rankings"
        if group["indicator"].eq(POPULATION).all():
            return "population statistics"
        if group["province_code"].eq(provinces.NATIONAL_CODE).all():
            return "national"
        if group["geography"].eq("post2025").all():
            return "post-2025 units"
        return "provinces"

    labels = obs.groupby("source_id")[["indicator", "province_code", "geography"]].apply(label)
    return sources.assign(scope=sources["source_id"].map(labels).fillna("no figure kept"))


def publications(scoped: pd.DataFrame) -> pd.DataFrame:
    """Sources per half-year of publication and per scope (as :func:`source_scopes` labels
    them): one row per half-year and scope with at least one source, in time order and in the
    order of :data:`SCOPES`.

    Example:
        >>> s = pd.DataFrame({"published": ["2023-07", "2023-12-01", "2024"],
        ...                   "scope": ["national", "national", "provinces"]})
        >>> publications(s).values.tolist()
        [['2023 H2', 'national', 2], ['2024 H1', 'provinces', 1]]
    """
    dates = pd.to_datetime(scoped["published"], format="ISO8601")
    half = dates.dt.year.astype(str) + np.where(dates.dt.month <= 6, " H1", " H2")
    order = {scope: k for k, scope in enumerate(SCOPES)}
    table = (
        pd.DataFrame({"Half-year": half, "Sources report on": scoped["scope"].to_numpy()})
        .value_counts().rename("Sources").reset_index()
    )  # fmt: skip
    rank = table["Sources report on"].map(order).fillna(len(order))
    table = table.assign(_rank=rank).sort_values(["Half-year", "_rank", "Sources report on"])
    return table.drop(columns="_rank").reset_index(drop=True)


def seed_reports(obs: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The seed reports transcribed in full: one row per report and place it gives figures
    for, in order of publication.

    Example:
        >>> from helpers import dataset
        >>> table = seed_reports(dataset.load_observations(), dataset.load_sources())
        >>> table.columns.tolist()
        ['title', 'published', 'province', 'figures']
        >>> seeds = dataset.load_observations()["seed_file"].ne("")
        >>> int(table["figures"].sum()) == int(seeds.sum())
        True
    """
    seeds = obs[obs["seed_file"].ne("")]
    counts = seeds.groupby(["source_id", "province"]).size().rename("figures").reset_index()
    table = counts.merge(sources[["source_id", "title", "published"]], on="source_id")
    table = table.sort_values(["published", "source_id", "province"], kind="stable")
    return table[["title", "published", "province", "figures"]].reset_index(drop=True)


def inferred_dates(obs: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """How many figures carry an inferred date, by what their source reports on (see
    :func:`source_scopes`), with a last row for all figures.

    Example:
        >>> from helpers import dataset
        >>> table = inferred_dates(dataset.load_observations(), dataset.load_sources())
        >>> table.columns.tolist(), table["source gives"].iloc[-1]
        (['source gives', 'figures', 'inferred', 'share inferred'], 'all sources')
    """
    scope = source_scopes(obs, sources).set_index("source_id")["scope"]
    frame = pd.DataFrame(
        {"source gives": obs["source_id"].map(scope), "inferred": obs["flag_date_inferred"]}
    )
    table = frame.groupby("source gives")["inferred"].agg(figures="size", inferred="sum")
    order = {name: k for k, name in enumerate(SCOPES)}
    table = table.sort_index(key=lambda index: index.map(order)).reset_index()
    total = pd.DataFrame(
        {"source gives": ["all sources"], "figures": [len(frame)],
         "inferred": [int(frame["inferred"].sum())]}
    )  # fmt: skip
    table = pd.concat([table, total], ignore_index=True)
    table["inferred"] = table["inferred"].astype(int)
    table["share inferred"] = 100 * table["inferred"] / table["figures"]
    return table
