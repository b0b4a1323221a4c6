"""Reader pages for every province and every 2025 unit, written straight from the dataset.

Each of the 63 provinces gets a page: its name in Vietnamese and English, a short summary in
words (how many figures, the latest online share and its date, the DTI rank, the 2025 unit), a
chart of the shares it reported, and every figure with its source. Each of the 34 units formed
on 1 July 2025 gets a page that gathers its former provinces. Pages are Markdown with HTML
tables and figures, so the rendered report (and any Markdown reader) shows them as they are.

The pages are generated in worker processes that import the stack once each (no notebook
kernel per page): ``python -m helpers.pages OUT_DIR`` writes them.

Example:
    >>> from helpers import dataset
    >>> page = province_page(dataset.load_observations(), "30")
    >>> page.title, page.file
    ('Hải Dương (Hai Duong)', 'hai-duong.md')
"""

from __future__ import annotations

import argparse
import html
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers import dataset, formatting, progress, provinces, summary, tables
from helpers.profile import Profile, build_profile, slug

ONLINE = ["essential_services_online", "online_applications"]


@dataclass
class Page:
    """One generated page: its file name, title, Markdown body and the figures it needs."""

    file: str
    title: str
    markdown: str
    figures: list[str] = field(default_factory=list)


@dataclass
class ShareChart:
    """A province's chart of the shares it reported, with what is published beside it.

    ``draw()`` makes the figure (:func:`helpers.figures.profile_chart`); ``data`` is the table
    it draws, one row per marker (:func:`helpers.figures.profile_chart_data`).
    """

    name: str
    province: str
    shares: pd.DataFrame
    source: str
    data_date: str
    alt: str
    caption: str

    @property
    def data(self) -> pd.DataFrame:
        """The table the chart draws, one row per share."""
        from helpers import figures

        return figures.profile_chart_data(self.shares)

    def draw(self):
        """The chart as a matplotlib figure."""
        from helpers import figures

        return figures.profile_chart(self.shares, self.province)


#: How :func:`figures_table` is shown: every column but the URL, which links the source.
FIGURES_SHOWN = {
    "columns": {c: c for c in ["Date described", "Indicator", "As stated", "Scope", "Source",
                               "Flags"]},
    "links": {"Source": "URL"},
}  # fmt: skip


def facts(obs: pd.DataFrame) -> pd.DataFrame:
    """The facts a province's summary is made of, for all 63 provinces at once (by code).

    Columns: ``figures`` and ``sources`` (Project 06 figures and their sources), ``first`` and
    ``last`` (dates they describe), the latest whole-province online share (``online_rate``,
    ``online_as_of``, ``online_indicator``, ``online_scope``) and ``dti_2022`` (rank of 63).

    Example:
        >>> from helpers import dataset
        >>> table = facts(dataset.load_observations())
        >>> len(table), int(table.loc["30", "dti_2022"]) > 0
        (63, True)
    """
    p06 = summary.project06(obs).groupby("province_code")
    online = progress.latest(obs, ONLINE).set_index("province_code")
    table = pd.DataFrame(index=provinces.table().index)
    table["figures"] = p06.size().reindex(table.index).fillna(0).astype(int)
    table["sources"] = p06["source_id"].nunique().reindex(table.index).fillna(0).astype(int)
    table["first"] = p06["as_of_end"].min().reindex(table.index)
    table["last"] = p06["as_of_end"].max().reindex(table.index)
    table["online_rate"] = online["rate"].reindex(table.index)
    table["online_as_of"] = online["as_of"].reindex(table.index)
    table["online_indicator"] = online["indicator_name"].reindex(table.index)
    table["online_scope"] = online["scope"].reindex(table.index)
    table["dti_2022"] = progress.dti_ranks(obs, "2022").reindex(table.index)
    return table


def summary_text(row: pd.Series) -> str:
    """A province's story in three or four sentences (Markdown), from its row of :func:`facts`.

    Example:
        >>> from helpers import dataset
        >>> summary_text(facts(dataset.load_observations()).loc["30"]).startswith("The dataset")
        True
    """
    code = row.name
    name = provinces.name(code)
    if row["figures"]:
        first, last = f"{row['first']:%b %Y}", f"{row['last']:%b %Y}"
        span = f"dated {first} to {last}" if first != last else f"dated {last}"
        text = (
            f"The dataset holds {formatting.count(row['figures'], 'Project 06 figure')} on "
            f"{name}, from {formatting.count(row['sources'], 'source')}, {span}."
        )
    else:
        text = (
            f"No Project 06 figure on {name} was found in a checkable source; the province "
            "appears here through the all-province measures only."
        )
    if pd.notna(row["online_rate"]):
        text += (
            f" Its latest whole-province online share is "
            f"**{formatting.percent(row['online_rate'])}** ({row['online_indicator'].lower()}; "
            f"{row['online_scope']}), for {formatting.period_label(row['online_as_of'])}."
        )
    elif row["figures"]:
        text += " It reported no whole-province online share."
    if pd.notna(row["dti_2022"]):
        text += (
            f" On the Digital Transformation Index 2022 it ranked "
            f"**{formatting.ordinal(row['dti_2022'])} of 63** provinces."
        )
    unit = provinces.unit_2025(code)
    others = [provinces.name(c) for c in provinces.members_2025(unit) if c != code]
    if others:
        text += f" Since 1 July 2025 it is part of **{unit}**, with {', '.join(others)}."
    else:
        text += f" It kept its borders on 1 July 2025 (as **{unit}**)."
    return text


def _flags_in_words(flags: str) -> str:
    names = [summary.FLAG_NAMES.get(flag, flag) for flag in flags.split(";") if flag]
    return ", ".join(names)


def figures_table(obs: pd.DataFrame, code: str) -> pd.DataFrame:
    """Every Project 06 figure on a province, newest first, with headers and audit flags in
    words ("Date inferred").

    Example:
        >>> from helpers import dataset
        >>> list(figures_table(dataset.load_observations(), "30").columns)[:3]
        ['Date described', 'Indicator', 'As stated']
    """
    rows = summary.project06(obs)
    rows = rows[rows["province_code"].eq(code)].sort_values(
        ["as_of_end", "indicator", "figure_id"], ascending=[False, True, True]
    )
    return pd.DataFrame(
        {
            "Date described": rows["as_of"].map(formatting.period_label),
            "Indicator": rows["indicator_name"],
            "As stated": rows["stated"],
            "Scope": rows["scope"],
            "Source": [
                f"{publisher} ({formatting.period_label(published)})"
                for publisher, published in zip(rows["publisher"], rows["published"], strict=True)
            ],
            "Flags": rows["flags"].fillna("").map(_flags_in_words),
            "URL": rows["source_url"],
        }
    ).reset_index(drop=True)


def dti_table(obs: pd.DataFrame, code: str) -> pd.DataFrame:
    """The DTI ranks and scores reported for a province, by year.

    Example:
        >>> from helpers import dataset
        >>> "2022" in set(dti_table(dataset.load_observations(), "30")["Year"])
        True
    """
    mine = obs[obs["province_code"].eq(code) & obs["indicator"].isin(["dti_rank", "dti_score"])]
    mine = mine[mine["geography"].eq("pre2025")]
    wide = mine.sort_values("figure_id").drop_duplicates(["as_of", "indicator"])
    wide = wide.pivot_table(index="as_of", columns="indicator", values="value", aggfunc="first")
    return pd.DataFrame(
        {
            "Year": wide.index.astype(str),
            "Rank (of 63)": [
                formatting.ordinal(v) if pd.notna(v) else "–" for v in wide.get("dti_rank", [])
            ]
            if "dti_rank" in wide
            else "–",
            "Score (0 to 1)": [
                formatting.number(v, 4) for v in wide.get("dti_score", [])
            ]
            if "dti_score" in wide
            else "–",
        }
    )


def heading(profile: Profile, row: pd.Series, level: int = 1) -> str:
    """The opening of a province's page (Markdown): its names as a heading of ``level``, its
    region and 2025 unit, and :func:`summary_text` of its ``row`` of :func:`facts`.

    Example:
        >>> from helpers import dataset
        >>> obs = dataset.load_observations()
        >>> heading(build_profile(obs, "30"), facts(obs).loc["30"], level=2).splitlines()[:3]
        ['## Hải Dương (Hai Duong)', '', '*Red River Delta. Unit of 2025: Hai Phong.*']
    """
    return (
        f"{'#' * level} {profile.title}\n\n"
        f"*{profile.region}. Unit of 2025: {profile.unit_2025}.*\n\n{summary_text(row)}"
    )


def share_chart(profile: Profile) -> ShareChart:
    """The chart of the shares a province reported, named ``05-profile-<slug>``, with its
    source note, data date, alt text and caption.

    Example:
        >>> from helpers import dataset
        >>> chart = share_chart(build_profile(dataset.load_observations(), "30"))
        >>> chart.name, chart.data_date
        ('05-profile-hai-duong', '2023-12 to 2024-11')
    """
    shares = profile.shares()
    dated = (
        f"{shares['as_of_end'].min():%Y-%m} to {shares['as_of_end'].max():%Y-%m}"
        if len(shares)
        else "no share reported"
    )
    return ShareChart(
        name=f"05-profile-{profile.slug}",
        province=profile.name,
        shares=shares,
        source=f"Reports on {profile.name} in the Project 06 dataset",
        data_date=dated,
        alt=(
            f"Dot chart of the {len(shares)} Project 06 shares reported for {profile.name}, "
            f"by the date each describes and by indicator."
            if len(shares)
            else f"An empty chart: no Project 06 share was found for {profile.name}."
        ),
        caption=f"{profile.name}: Project 06 shares by the date they describe.",
    )


def _figure_block(name: str, alt: str, caption: str) -> str:
    return (
        f'<figure class="p06-figure" id="fig-{name}"><img src="figures/{name}.svg" '
        f'alt="{html.escape(alt)}"><figcaption>{html.escape(caption)}</figcaption></figure>'
    )


def model_section(rows: pd.DataFrame) -> list[str]:
    """Markdown lines: where the provincial model of chapter 3 places the province.

    ``rows`` are the province's rows of :func:`helpers.provincial.estimates`.

    Example:
        >>> rows = pd.DataFrame({"indicator": ["online_applications"], "estimate": [60.4],
        ...                      "lower": [20.7], "upper": [89.9], "n_reported": [0]})
        >>> "no report of its own" in " ".join(model_section(rows))
        True
    """
    from helpers import provincial

    names = dataset.load_indicators()["name"].to_dict() | {provincial.EID: provincial.EID_NAME}
    own = int(rows["n_reported"].iloc[0]) if len(rows) else 0
    basis = (
        f"It rests on {own} of the province's own reports, pooled with the other provinces'"
        if own
        else "The province made no report of its own that the model can use, so each estimate "
        "rests on the other provinces' reports and on its standing with citizens (PAPI) and "
        "experts (DTI), and the intervals are wide to say so"
    )
    frame = pd.DataFrame({
        "Indicator": rows["indicator"].map(names).fillna(rows["indicator"]),
        "Estimate, end of 2024": rows["estimate"],
        "80% interval": [f"{formatting.percent(lo)} to {formatting.percent(hi)}"
                         for lo, hi in zip(rows["lower"], rows["upper"], strict=True)],
    }).sort_values(["Indicator"], kind="stable")  # fmt: skip
    return [
        "## Where the provincial model places it",
        "",
        "The multilevel model of the provincial-progress chapter estimates, for every province, "
        "the share each indicator would show in a report at the end of 2024, with an 80% "
        f"interval for such a report. {basis}.",
        "",
        tables.html(frame, formats={"Estimate, end of 2024": "percent"}),
        "",
    ]


def province_page(obs: pd.DataFrame, code: str, figure_dir: Path | None = None,
                  table: pd.DataFrame | None = None,
                  estimates: pd.DataFrame | None = None) -> Page:  # fmt: skip
    """The page of one province; its chart is written into ``figure_dir`` when given.

    ``table`` is :func:`facts` of ``obs`` (computed when not given); ``estimates`` are the
    province's rows of :func:`helpers.provincial.estimates` (no model section without them).

    Example:
        >>> from helpers import dataset
        >>> "Every figure, with its source" in province_page(dataset.load_observations(),
        ...                                                  "30").markdown
        True
    """
    table = facts(obs) if table is None else table
    profile = build_profile(obs, code)
    parts = [heading(profile, table.loc[code]), ""]
    chart = share_chart(profile)
    figures = []
    if len(chart.shares):
        if figure_dir is not None:
            _write_chart(chart, figure_dir)
        figures.append(chart.name)
        parts += ["## Shares reported over time", "",
                  "Shares of different measures share one axis only to show when the province "
                  "reported; the table below says what each one counts.", "",
                  _figure_block(chart.name, chart.alt, chart.caption), ""]  # fmt: skip
    table = figures_table(obs, code)
    if len(table):
        parts += ["## Every figure, with its source", "", tables.html(table, **FIGURES_SHOWN),
                  ""]  # fmt: skip
    if estimates is not None and len(estimates):
        parts += model_section(estimates)
    dti = dti_table(obs, code)
    if len(dti):
        parts += ["## Digital Transformation Index", "",
                  "The ranks and scores reported for the province; years without a figure "
                  "were not found in a dated source.", "", tables.html(dti), ""]  # fmt: skip
    parts += ["## Reading this page", "",
              "The figures are the province's own account, chosen for review meetings and local "
              "news, on the dates those reports picked. A flag marks a figure to read with care "
              "(see the data-quality chapter)."]  # fmt: skip
    return Page(f"{profile.slug}.md", profile.title, "\n".join(parts) + "\n", figures)


def _write_chart(chart: ShareChart, figure_dir) -> None:
    import matplotlib.pyplot as plt

    from helpers import plotting

    fig = chart.draw()
    plotting.save_figure(fig, chart.name, source=chart.source, data_date=chart.data_date,
                         alt=chart.alt, directory=figure_dir, formats=("svg",))  # fmt: skip
    plt.close(fig)


def unit_page(obs: pd.DataFrame, unit: str, table: pd.DataFrame | None = None) -> Page:
    """The page of one 2025 unit, gathering its former provinces.

    Example:
        >>> from helpers import dataset
        >>> page = unit_page(dataset.load_observations(), "Hai Phong")
        >>> page.file, "Hải Dương" in page.markdown
        ('unit-hai-phong.md', True)
    """
    table = facts(obs) if table is None else table
    members = provinces.members_2025(unit)
    info = provinces.table()
    title = f"{info.loc[members[0], 'unit_2025_vi']} ({unit}), from 1 July 2025"
    rows = []
    for code in members:
        row = table.loc[code]
        rows.append(
            {
                "Former province": f"{info.loc[code, 'name_vi']} ({provinces.name(code)})",
                "URL": f"{slug(provinces.name(code))}.html",
                "Project 06 figures": row["figures"],
                "Latest online share": "–" if pd.isna(row["online_rate"]) else (
                    f"{formatting.percent(row['online_rate'])} "
                    f"({formatting.period_label(row['online_as_of'])})"),
                "DTI 2022 rank": "–" if pd.isna(row["dti_2022"]) else
                formatting.ordinal(row["dti_2022"]),
            }
        )  # fmt: skip
    names = [provinces.name(c) for c in members]
    lead = (
        f"Under National Assembly Resolution 202/2025/QH15, {unit} brings together "
        f"{len(members)} former provinces: {', '.join(names)}."
        if len(members) > 1
        else f"{unit} kept its borders under Resolution 202/2025/QH15."
    )
    unit_rank = progress.dti_ranks(obs, "2024", geography="post2025")
    if unit in unit_rank.index:
        lead += (
            f" The DTI 2024, the first edition to rank the 34 units, placed it "
            f"**{formatting.ordinal(int(unit_rank[unit]))} of 34**."
        )
    frame = pd.DataFrame(rows)
    shown = {c: c for c in frame.columns if c != "URL"}
    parts = [f"# {title}", "", lead, "", "## Its former provinces", "",
             tables.html(frame, columns=shown, links={"Former province": "URL"}), ""]  # fmt: skip
    return Page(f"unit-{slug(unit)}.md", title, "\n".join(parts) + "\n", [])


_WORKER: dict[str, pd.DataFrame] = {}


def _province_job(args: tuple[str, str, pd.DataFrame]) -> Page:
    code, figure_dir, estimates = args
    if not _WORKER:  # once per worker process
        _WORKER["obs"] = dataset.load_observations()
        _WORKER["facts"] = facts(_WORKER["obs"])
    return province_page(_WORKER["obs"], code, Path(figure_dir), _WORKER["facts"], estimates)


def write_pages(out_dir: Path, workers: int = 2,
                codes: list[str] | None = None) -> dict[str, list[Page]]:  # fmt: skip
    """Write the province pages and unit pages into ``out_dir`` (figures in ``figures/``).

    ``codes`` limits the provinces (and the units to theirs); by default all 63 and all 34.
    Returns ``{"provinces": [...], "units": [...]}`` in code and name order.

    Example:
        >>> write_pages  # doctest: +ELLIPSIS
        <function write_pages at ...>
    """
    out_dir = Path(out_dir)
    figure_dir = out_dir / "figures"
    figure_dir.mkdir(parents=True, exist_ok=True)
    from helpers import provincial

    codes = list(provinces.table().index) if codes is None else list(codes)
    obs = dataset.load_observations()
    model = provincial.estimates(obs)
    jobs = [(code, str(figure_dir), model[model["province_code"].eq(code)]) for code in codes]
    if workers > 1:
        # Fresh interpreters, not forks: the parent may hold kernel-client threads.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            pages = list(pool.map(_province_job, jobs, chunksize=4))
    else:
        pages = [_province_job(job) for job in jobs]
    table = facts(obs)
    wanted = {provinces.unit_2025(code) for code in codes}
    units = [unit_page(obs, unit, table) for unit in provinces.units_2025() if unit in wanted]
    for page in pages + units:
        (out_dir / page.file).write_text(page.markdown, encoding="utf-8")
    return {"provinces": pages, "units": units}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.pages", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    written = write_pages(args.out_dir, args.workers)
    print(f"{len(written['provinces'])} province pages and {len(written['units'])} unit pages "
          f"in {time.perf_counter() - started:.1f} s -> {args.out_dir}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
