"""The report's own pages, written from the data: the front page, the data page, how to cite,
and the pages that group the provinces by region and list the 34 units of 2025.

Each function returns Markdown (MyST) with HTML tables and figures; :mod:`helpers.report`
writes them into the report's source tree.

Example:
    >>> from helpers import dataset
    >>> cite_page(dataset.load_observations()).startswith("# How to cite")
    True
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import nbformat
import pandas as pd

from helpers import citation, formatting, pages, paths, provinces, summary, tables
from helpers.profile import slug

FIGURE_ID = re.compile(r'<figure class="p06-figure" id="fig-([^"]+)"')


def toctree(entries: list[str], caption: str = "") -> str:
    """A hidden MyST table of contents: the pages it lists enter the report's menu.

    Example:
        >>> print(toctree(["a", "b"], "Part"))
        ```{toctree}
        :caption: Part
        :hidden:
        <BLANKLINE>
        a
        b
        ```
    """
    head = ["```{toctree}", *([f":caption: {caption}"] if caption else []), ":hidden:", ""]
    return "\n".join([*head, *entries, "```"])


def chapter_info(nb: nbformat.NotebookNode) -> tuple[str, str]:
    """A chapter's title and one-line purpose, from its first markdown cell.

    Example:
        >>> nb = nbformat.v4.new_notebook()
        >>> nb.cells = [nbformat.v4.new_markdown_cell("# Title\\n\\n*Purpose: do X.*\\n\\nMore.")]
        >>> chapter_info(nb)
        ('Title', 'Purpose: do X.')
    """
    first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if first is None:
        return "", ""
    lines = [ln.strip() for ln in first.source.splitlines() if ln.strip()]
    title = lines[0].lstrip("# ").strip() if lines else ""
    line = lines[1].strip("*_ ") if len(lines) > 1 else ""
    return title, line


def figure_numbers(chapters: list[Path]) -> dict[str, str]:
    """Figure name → "4.2": its chapter's number and its place among the chapter's figures
    (the numbering :mod:`helpers.report_ext` prints under each figure).

    Example:
        >>> figure_numbers([])
        {}
    """
    numbers = {}
    for path in chapters:
        chapter = int(path.name[:2])
        nb = nbformat.read(path, as_version=4)
        seen = []
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/html", "")
                text = "".join(text) if isinstance(text, list) else text
                seen += [n for n in FIGURE_ID.findall(text) if n not in seen]
        numbers |= {name: f"{chapter}.{i}" for i, name in enumerate(seen, 1)}
    return numbers


def tile_map_svg(counts: dict[str, int], hrefs: dict[str, str], cell: int = 34) -> str:
    """An inline SVG tile map of the 63 provinces, each tile linking to its page.

    Example:
        >>> svg = tile_map_svg({"30": 12}, {"30": "provinces/hai-duong.html"})
        >>> svg.count("<a "), "Hai Duong: 12 Project 06 figures" in svg
        (1, True)
    """
    grid = provinces.tile_grid()
    width = (grid["col"].max() + 1) * cell
    height = (grid["row"].max() + 1) * cell
    top = max(counts.values(), default=1)
    parts = [
        f'<svg class="p06-tilemap" role="group" viewBox="0 0 {width} {height}" '
        f'aria-label="Tile map of Vietnam\'s 63 provinces, roughly north to south; darker tiles '
        f'have more Project 06 figures; each tile links to the province\'s page.">'
    ]
    for code, tile in grid.iterrows():
        x, y = int(tile["col"]) * cell, int(tile["row"]) * cell
        n = counts.get(code, 0)
        name = provinces.name(code)
        shade = 0.25 + 0.75 * (n / top) if n else 0
        fill = f"rgba(0,114,178,{shade:.2f})" if n else "#e6e6e6"
        ink = "#ffffff" if shade > 0.6 else "#1d1d1d"
        label = f"{name}: {n} Project 06 figures" if n else f"{name}: no Project 06 figure found"
        rect = (
            f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}">'
            f"<title>{html.escape(label)}</title></rect>"
            f'<text x="{x + (cell - 2) / 2}" y="{y + cell / 2 + 3}" text-anchor="middle" '
            f'fill="{ink}">{html.escape(tile["label"])}</text>'
        )
        if code in hrefs:
            href, aria = html.escape(hrefs[code]), html.escape(label)
            rect = f'<a href="{href}" aria-label="{aria}">{rect}</a>'
        parts.append(rect)
    parts.append("</svg>")
    return "".join(parts)


def _figure_records(figures_dir: Path) -> list[dict]:
    records = []
    for meta in sorted(figures_dir.glob("[0-9][0-9]-*.json")):
        record = json.loads(meta.read_text(encoding="utf-8"))
        if all((figures_dir / f"{record['name']}.{ext}").is_file() for ext in ("svg", "png")):
            records.append(record)
    return records


def index_page(obs: pd.DataFrame, chapters: list[Path], toctrees: str) -> str:
    """The front page: abstract, key figures, chapters, the province map, data and citation.

    ``chapters`` are the notebooks shown as chapters; ``toctrees`` is the MyST of the hidden
    tables of contents that make the sidebar.

    Example:
        >>> from helpers import dataset
        >>> index_page(dataset.load_observations(), [], "").startswith("# ")
        True
    """
    cff = citation.load()
    abstract_file = paths.ROOT / "reports" / "abstract.md"
    abstract = abstract_file.read_text(encoding="utf-8") if abstract_file.is_file() else ""
    numbers = figure_numbers(chapters)
    pages_of = {p.name[:2]: p.stem for p in chapters}
    cards = []
    for record in _figure_records(paths.PUBLISHED_FIGURES):
        name = record["name"]
        if name not in numbers:
            continue  # a figure of a notebook that is not a chapter of the report
        page = pages_of[name[:2]]
        # The PNG in the gallery, the SVG in the chapter: a browser draws each SVG image in a
        # document of its own (about 45 ms apiece here, a second for the gallery), and a
        # thumbnail gains nothing from being a vector.
        cards.append(
            f'<figure class="p06-card"><a href="chapters/{page}.html#fig-{html.escape(name)}">'
            f'<img src="figures/{html.escape(name)}.png" alt="{html.escape(record["alt"])}">'
            f'</a><figcaption><span class="p06-fignum">Figure '
            f"{numbers[name]}.</span> {html.escape(record['title'])}</figcaption></figure>"
        )
    chapter_rows = []
    for path in chapters:
        title, purpose = chapter_info(nbformat.read(path, as_version=4))
        chapter_rows.append(f"1. [{title}](chapters/{path.stem}.ipynb): {purpose}")
    p06 = summary.project06(obs)
    counts = p06.groupby("province_code").size().to_dict()
    hrefs = {code: f"provinces/{slug(provinces.name(code))}.html"
             for code in provinces.table().index}  # fmt: skip
    with_figures = len(counts)
    newest = obs["as_of_end"].max()
    subtitle = citation.subtitle(cff)
    return "\n".join([
        f"# {citation.short_title(cff)}",
        "",
        f"*{subtitle}.*" if subtitle else "",
        "",
        abstract,
        "",
        "## Key figures",
        "",
        f'<div class="p06-gallery">{"".join(cards)}</div>',
        "",
        "## Chapters",
        "",
        *chapter_rows,
        "",
        "## Every province",
        "",
        f"{with_figures} of the 63 provinces have at least one Project 06 figure in the dataset. "
        "Each tile opens the province's page (its figures with their sources, its rank on the "
        "digital-transformation index, and where the provincial model places it); the pages "
        "are also grouped by region and by the 34 units of 2025 in the menu.",
        "",
        tile_map_svg(counts, hrefs),
        "",
        "## The data and how to cite it",
        "",
        f"[The data](data.md) lists all {len(obs)} figures with their sources, to filter and "
        "download; [How to cite](cite.md) gives the reference for this work and for the "
        f"sources. The newest figure describes {formatting.period_label(f'{newest:%Y-%m-%d}')}.",
        "",
        toctrees,
    ])  # fmt: skip


def data_page(obs: pd.DataFrame) -> str:
    """The data page: every figure, filterable by province, indicator and year, with links to
    its source, and the downloads.

    Example:
        >>> from helpers import dataset
        >>> "p06-datatable" in data_page(dataset.load_observations())
        True
    """
    rows = obs.sort_values(["province", "as_of_end", "figure_id"]).reset_index(drop=True)
    place = rows["province"].where(rows["geography"].eq("pre2025"),
                                   rows["province"] + " (2025 unit)")  # fmt: skip
    frame = pd.DataFrame({
        "Province": place,
        "Indicator": rows["indicator_name"],
        "Date described": rows["as_of"],
        "Year": rows["as_of_end"].dt.year,
        "As stated": rows["stated"],
        "Scope": rows["scope"],
        "Source": rows["publisher"],
        "url": rows["source_url"],
        "Figure id": rows["figure_id"],
    })  # fmt: skip
    table = tables.html(
        frame,
        columns={c: c for c in frame.columns if c != "url"},
        formats={"Date described": "date", "Year": str},
        links={"Source": "url"},
        sortable=True,
    ).replace('class="p06-table p06-sortable"', 'class="p06-table p06-datatable"', 1)

    def options(values) -> str:
        return "".join(f'<option value="{html.escape(str(v))}">{html.escape(str(v))}</option>'
                       for v in values)  # fmt: skip

    filters = (
        '<form class="p06-filters" aria-label="Filter the figures">'
        '<label>Province <select data-column="0"><option value="">all</option>'
        f"{options(sorted(place.unique()))}</select></label>"
        '<label>Indicator <select data-column="1"><option value="">all</option>'
        f"{options(sorted(frame['Indicator'].unique()))}</select></label>"
        '<label>Year <select data-column="3"><option value="">all</option>'
        f"{options(sorted(frame['Year'].unique()))}</select></label>"
        '<output class="p06-count" aria-live="polite"></output></form>'
    )
    downloads = [
        ("observations.csv", "one row per figure, with its reading, audit flags and source"),
        ("sources.csv", "the sources, with their publishers and dates"),
        ("indicators.csv", "the indicator codebook"),
        ("papi.csv", "PAPI e-governance scores by province and year"),
        ("population.csv", "average population by province and year (GSO)"),
        ("datapackage.json", "a Frictionless data package describing every column of these"),
    ]
    items = "".join(f'<li><a href="data/{name}" download>{name}</a>: {html.escape(what)}</li>'
                    for name, what in downloads)  # fmt: skip
    links = f'<ul class="p06-downloads">{items}</ul>'
    return "\n".join([
        "# The data",
        "",
        f"The dataset holds {len(obs)} figures from {obs['source_id'].nunique()} sources. Each "
        "row is one figure: the number exactly as its source words it, the date it describes, "
        "what it covers, and the publisher, with a link to the page it was read on. Choose a "
        "province, an indicator or a year to narrow the table; the column headers sort it, and "
        "the search box finds any word.",
        "",
        "## Downloads",
        "",
        links,
        "",
        "The figures behind each chart are offered as a CSV file under the chart. Code is under "
        "the MIT licence; data, text and figures under CC BY 4.0, citing this work and the "
        "original source ([How to cite](cite.md)).",
        "",
        "## Every figure",
        "",
        filters,
        "",
        table,
        "",
    ])  # fmt: skip


def cite_page(obs: pd.DataFrame) -> str:
    """How to cite the work and a figure's original source.

    Example:
        >>> from helpers import dataset
        >>> "@misc{project06" in cite_page(dataset.load_observations())
        True
    """
    cff = citation.load()
    example_id = obs.loc[obs["source_url"].ne("") & obs["province"].eq("Hai Duong"),
                         "figure_id"].min()  # fmt: skip
    example = summary.cite(obs, example_id) if isinstance(example_id, str) else ""
    return "\n".join([
        "# How to cite",
        "",
        "## This work",
        "",
        f"{citation.author_names(cff)} ({cff['date-released'][:4]}). *{cff['title']}*, version "
        f"{cff['version']}. The same metadata is in `CITATION.cff` at the root of the "
        "repository, which reference managers and code hosts read.",
        "",
        "```bibtex",
        citation.bibtex(cff),
        "```",
        "",
        "## A figure's original source",
        "",
        "Every figure was published by someone else first: a ministry, a provincial People's "
        "Committee or a newspaper. Quote a figure with its original source as well as this "
        "work: the province, the number as worded, the date it describes, the publisher, the "
        "publication date and the address, all of which are on the figure's row of the "
        "[data](data.md) table and of `observations.csv`. For example:",
        "",
        f"> {example}",
        "",
        "## Licences",
        "",
        "The code is under the MIT licence. The dataset, the text and the figures are under "
        "Creative Commons Attribution 4.0: reuse them freely, citing this work. The figures in "
        "the dataset are facts reported by the publishers named with each of them.",
        "",
    ])  # fmt: skip


def region_page(region: str, obs: pd.DataFrame, facts: pd.DataFrame) -> pages.Page:
    """The page that lists a region's provinces (and holds them in the report's menu).

    Example:
        >>> from helpers import dataset
        >>> obs = dataset.load_observations()
        >>> page = region_page("Central Highlands", obs, pages.facts(obs))
        >>> page.file, page.markdown.count("provinces/") >= 0
        ('region-central-highlands.md', True)
    """
    table = provinces.table()
    codes = [c for c in table.index if table.loc[c, "region"] == region]
    frame = pd.DataFrame({
        "Province": [f"{table.loc[c, 'name_vi']} ({provinces.name(c)})" for c in codes],
        "url": [f"{slug(provinces.name(c))}.html" for c in codes],
        "Project 06 figures": [int(facts.loc[c, "figures"]) for c in codes],
        "Latest online share": [facts.loc[c, "online_rate"] for c in codes],
        "DTI 2022 rank": [facts.loc[c, "dti_2022"] for c in codes],
        "Unit of 2025": [provinces.unit_2025(c) for c in codes],
    })  # fmt: skip
    shown = {c: c for c in frame.columns if c != "url"}
    body = tables.html(frame, columns=shown, links={"Province": "url"},
                       formats={"Latest online share": "percent", "DTI 2022 rank": "rank"})
    markdown = "\n".join([
        f"# {region}",
        "",
        f"The {len(codes)} provinces of the {region} region before July 2025, with the number "
        "of Project 06 figures the dataset holds on each, its latest whole-province online "
        "share (where one was reported) and its rank on the Digital Transformation Index 2022.",
        "",
        body,
        "",
        toctree([slug(provinces.name(c)) for c in codes]),
        "",
    ])  # fmt: skip
    return pages.Page(f"region-{slug(region)}.md", region, markdown)


def units_page(units: list[pages.Page]) -> pages.Page:
    """The page listing the 34 units of 2025 (and holding their pages in the menu).

    Example:
        >>> units_page([]).file
        'units.md'
    """
    lines = "\n".join(f"- [{p.title}]({p.file})" for p in units)
    markdown = "\n".join([
        "# The 34 units of 2025",
        "",
        "On 1 July 2025 National Assembly Resolution 202/2025/QH15 merged Vietnam's 63 provinces "
        "into 34 provincial-level units. Each page below gathers the former provinces of one "
        "unit, with links to their own pages.",
        "",
        lines,
        "",
        toctree([Path(p.file).stem for p in units]),
        "",
    ])  # fmt: skip
    return pages.Page("units.md", "The 34 units of 2025", markdown)
