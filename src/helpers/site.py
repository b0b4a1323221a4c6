"""Render the notebooks into an offline HTML site: index, one page per notebook, profiles.

``python -m helpers.site`` builds ``site/`` from the *stored* notebooks (the outputs nbval
validates); :mod:`helpers.report` calls :func:`build` with freshly executed copies instead.
Nothing on a page loads from the network: styles are local, code cells are folded into
``<details>`` (no script needed), and figures are copied next to the pages.

Example:
    >>> page_name(Path("notebooks/03-provincial-progress.ipynb"))
    '03-provincial-progress.html'
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import mistune
import nbformat
import pandas as pd
from nbconvert import HTMLExporter

from helpers import dataset, pages, paths, provinces, summary

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"
ABSTRACT = paths.ROOT / "reports" / "abstract.md"
TITLE = "Project 06 across Vietnam's provinces"


def page_name(notebook: Path) -> str:
    """File name of a notebook's page in the site.

    Example:
        >>> page_name(Path("notebooks/01-dataset.ipynb"))
        '01-dataset.html'
    """
    return Path(notebook).with_suffix(".html").name


def purpose(nb: nbformat.NotebookNode) -> tuple[str, str]:
    """The notebook's title and one-line purpose, from its first markdown cell.

    Example:
        >>> nb = nbformat.v4.new_notebook()
        >>> nb.cells = [nbformat.v4.new_markdown_cell("# Title\\n\\n*Purpose: do X.*\\n\\nMore.")]
        >>> purpose(nb)
        ('Title', 'Purpose: do X.')
    """
    first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if first is None:
        return "", ""
    lines = [ln.strip() for ln in first.source.splitlines() if ln.strip()]
    title = lines[0].lstrip("# ").strip() if lines else ""
    line = lines[1].strip("*_ ") if len(lines) > 1 else ""
    return title, line


def _nav(root: str, prev: tuple[str, str] | None, nxt: tuple[str, str] | None, where: str) -> str:
    def link(item, arrow, rel):
        if not item:
            return "<span></span>"
        href, title = item
        return f'<a rel="{rel}" href="{html.escape(href)}">{arrow} {html.escape(title)}</a>'

    left = link(prev, "←", "prev")
    right = link(nxt, "→", "next")
    home = f'<a href="{root}index.html">Home: {html.escape(TITLE)}</a>'
    return f'<nav class="p06-nav {where}" aria-label="pages">{left}{home}{right}</nav>'


_IMG = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+)(")')


def _localize_images(body: str, page_dir: Path, site_dir: Path) -> str:
    """Copy every image a page links (paths relative to notebooks/) into the site."""

    def replace(match: re.Match) -> str:
        src = html.unescape(match.group(2))
        if src.startswith(("data:", "http:", "https:", "//")):
            return match.group(0)
        source = (paths.NOTEBOOKS / src).resolve()
        if not source.is_file():
            raise FileNotFoundError(f"a page links an image that does not exist: {source}")
        target = site_dir / "figures" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        rel = Path(os.path.relpath(target, page_dir)).as_posix()
        return f"{match.group(1)}{html.escape(rel)}{match.group(3)}"

    return _IMG.sub(replace, body)


def render(nb: nbformat.NotebookNode, *, root: str, nav: tuple) -> str:
    """HTML of one notebook with the site's template and navigation.

    Example:
        >>> nb = nbformat.v4.new_notebook()
        >>> nb.cells = [nbformat.v4.new_markdown_cell("# T\\n\\n*P.*")]
        >>> page = render(nb, root="", nav=(None, None))
        >>> re.search(r"(?:src|href)=.?(?:https?:)?//|url\\(.?(?:https?:)?//", page) is None
        True
    """
    exporter = HTMLExporter(template_name="p06", extra_template_basedirs=[str(TEMPLATES)])
    prev, nxt = nav
    resources = {
        "p06": {
            "root": root,
            "nav_top": _nav(root, prev, nxt, "top"),
            "nav_bottom": _nav(root, prev, nxt, "bottom"),
        }
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def provinces_with_data(obs: pd.DataFrame | None = None) -> list[str]:
    """Codes of the provinces with at least one Project 06 figure, in code order.

    Example:
        >>> "30" in provinces_with_data()
        True
    """
    obs = dataset.load_observations() if obs is None else obs
    return sorted(summary.project06(obs)["province_code"].unique())


def _page_html(page: pages.Page, nav: tuple, root: str = "../") -> str:
    """A generated Markdown page as a complete HTML document in the site's style."""
    prev, nxt = nav
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(page.title)} · {html.escape(TITLE)}</title>
<link rel="stylesheet" href="{root}assets/site.css"></head>
<body><main>
{_nav(root, prev, nxt, "top")}
{mistune.html(page.markdown)}
{_nav(root, prev, nxt, "bottom")}
</main></body></html>
"""


def write_place_pages(out_dir: Path, workers: int = 2) -> dict[str, str]:
    """Province and unit pages as HTML under ``out_dir/provinces``; return code -> href.

    Example:
        >>> callable(write_place_pages)
        True
    """
    source = paths.BUILD / "pages"
    if source.exists():
        shutil.rmtree(source)
    written = pages.write_pages(source, workers=workers)
    target = out_dir / "provinces"
    shutil.copytree(source / "figures", target / "figures")
    hrefs: dict[str, str] = {}
    for group in (written["provinces"], written["units"]):
        ordered = sorted(group, key=lambda p: p.file)
        for i, page in enumerate(ordered):
            prev = ordered[i - 1] if i else None
            nxt = ordered[i + 1] if i + 1 < len(ordered) else None
            nav = tuple(
                (Path(p.file).with_suffix(".html").name, p.title) if p else None
                for p in (prev, nxt)
            )
            file = Path(page.file).with_suffix(".html").name
            (target / file).write_text(_page_html(page, nav), encoding="utf-8")
    codes = list(provinces.table().index)
    for code, page in zip(codes, written["provinces"], strict=True):
        hrefs[code] = f"provinces/{Path(page.file).with_suffix('.html').name}"
    return hrefs


def tile_map_svg(counts: dict[str, int], hrefs: dict[str, str], cell: int = 34) -> str:
    """An inline SVG tile map of the 63 provinces; provinces with data link to their profile.

    Example:
        >>> svg = tile_map_svg({"30": 12}, {"30": "profiles/hai-duong.html"})
        >>> svg.count("<a "), "Hai Duong: 12 Project 06 figures" in svg
        (1, True)
    """
    grid = provinces.tile_grid()
    width = (grid["col"].max() + 1) * cell
    height = (grid["row"].max() + 1) * cell
    top = max(counts.values(), default=1)
    parts = [
        f'<svg class="tilemap" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-label="Tile map of Vietnam\'s 63 provinces; darker tiles have '
        f'more figures in the dataset; each links to the province profile.">'
    ]
    for code, tile in grid.iterrows():
        x, y = int(tile["col"]) * cell, int(tile["row"]) * cell
        n = counts.get(code, 0)
        name = provinces.name(code)
        shade = 0.25 + 0.75 * (n / top) if n else 0
        fill = f"rgba(0,114,178,{shade:.2f})" if n else "#e6e6e6"
        label = f"{name}: {n} Project 06 figures" if n else f"{name}: no Project 06 figure found"
        rect = (
            f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}">'
            f"<title>{html.escape(label)}</title></rect>"
            f'<text x="{x + (cell - 2) / 2}" y="{y + cell / 2 + 3}" text-anchor="middle">'
            f"{html.escape(tile['label'])}</text>"
        )
        if code in hrefs:
            href, aria = html.escape(hrefs[code]), html.escape(label)
            rect = f'<a href="{href}" aria-label="{aria}">{rect}</a>'
        parts.append(rect)
    parts.append("</svg>")
    return "".join(parts)


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=paths.ROOT, capture_output=True,
            text=True, check=True,
        )  # fmt: skip
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _figure_records(figures_dir: Path) -> list[dict]:
    records = []
    for meta in sorted(figures_dir.glob("[0-9][0-9]-*.json")):
        record = json.loads(meta.read_text(encoding="utf-8"))
        if (figures_dir / f"{record['name']}.svg").is_file():
            records.append(record)
    return records


def index_html(chapters: list[dict], figures: list[dict], profiles: dict[str, str],
               obs: pd.DataFrame) -> str:  # fmt: skip
    """The site's front page: abstract, figure gallery, notebooks, map, downloads, build info.

    Example:
        >>> "<h1>" in index_html([], [], {}, dataset.load_observations())
        True
    """
    abstract = (
        mistune.html(ABSTRACT.read_text(encoding="utf-8"))
        if ABSTRACT.is_file()
        else ""
    )
    by_number = {p["file"][:2]: p["file"] for p in chapters}
    gallery = []
    for fig in figures:
        page = by_number.get(fig["name"][:2], "")
        anchor = f"{page}#fig-{fig['name']}" if page else ""
        gallery.append(
            f'<figure><a href="figures/{html.escape(fig["name"])}.svg">'
            f'<img src="figures/{html.escape(fig["name"])}.svg" alt="{html.escape(fig["alt"])}">'
            f"</a><figcaption><strong>{html.escape(fig['title'])}</strong> "
            f"Source: {html.escape(fig['source'])}; data as of {html.escape(fig['data_date'])}. "
            + (f'<a href="{html.escape(anchor)}">In context</a>' if anchor else "")
            + "</figcaption></figure>"
        )
    notebooks = "".join(
        f'<li><a href="{html.escape(p["file"])}">{html.escape(p["title"])}</a>: '
        f"{html.escape(p['purpose'])}</li>"
        for p in chapters
    )
    counts = summary.project06(obs).groupby("province_code").size().to_dict()
    profile_list = "".join(
        f'<li><a href="{html.escape(href)}">{html.escape(provinces.name(code))}</a></li>'
        for code, href in sorted(profiles.items(), key=lambda kv: provinces.name(kv[0]))
    )
    newest = obs["as_of_end"].max()
    newest_text = newest.date().isoformat() if pd.notna(newest) else "n/a"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(TITLE)}</title>
<link rel="stylesheet" href="assets/site.css"></head>
<body><main>
<h1>{html.escape(TITLE)}</h1>
<section aria-labelledby="abstract"><h2 id="abstract">Abstract</h2>{abstract}</section>
<section aria-labelledby="figures"><h2 id="figures">Key figures</h2>
<div class="gallery">{"".join(gallery)}</div></section>
<section aria-labelledby="notebooks"><h2 id="notebooks">The notebooks</h2><ol>{notebooks}</ol>
<p class="meta">Each page shows prose and results; the code behind each result is folded under
“Show code”.</p></section>
<section aria-labelledby="profiles"><h2 id="profiles">Province profiles</h2>
<p>Click a province with data (blue; darker means more figures) to open its profile.</p>
{tile_map_svg(counts, profiles)}
<details><summary>All {len(profiles)} profiles as a list</summary><ul>{profile_list}</ul></details>
</section>
<section aria-labelledby="downloads"><h2 id="downloads">Downloads</h2><ul>
<li><a href="data/observations.csv">observations.csv</a>: one row per figure, with its source</li>
<li><a href="data/indicators.csv">indicators.csv</a>: the codebook</li>
<li><a href="data/sources.csv">sources.csv</a>: the source register</li>
</ul></section>
<footer class="meta"><p>Built from commit {html.escape(_git_commit())}. The newest figure in
the data describes {newest_text}. {len(obs)} figures from {obs["source_id"].nunique()}
sources.</p></footer>
</main></body></html>
"""


def build(notebooks: list[Path] | None = None, out_dir: Path | None = None,
          profiles: bool = True, workers: int = 2) -> Path:  # fmt: skip
    """Write the whole site; return the path of ``index.html``.

    Example:
        >>> build  # doctest: +ELLIPSIS
        <function build at ...>
    """
    started = time.perf_counter()
    notebooks = notebooks or paths.notebooks()
    out_dir = out_dir or paths.SITE
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "assets").mkdir(parents=True)
    shutil.copyfile(ASSETS / "site.css", out_dir / "assets" / "site.css")
    (out_dir / "data").mkdir()
    for source in (dataset.OBSERVATIONS, dataset.INDICATORS, dataset.SOURCES):
        shutil.copyfile(source, out_dir / "data" / source.name)
    obs = dataset.load_observations()

    loaded = [(path, nbformat.read(path, as_version=4)) for path in notebooks]
    chapters = [
        {"file": page_name(path), "title": purpose(nb)[0], "purpose": purpose(nb)[1]}
        for path, nb in loaded
    ]
    for i, (path, nb) in enumerate(loaded):
        prev = (chapters[i - 1]["file"], chapters[i - 1]["title"]) if i else None
        nxt = (chapters[i + 1]["file"], chapters[i + 1]["title"]) if i + 1 < len(chapters) else None
        body = render(nb, root="", nav=(prev, nxt))
        body = _localize_images(body, out_dir, out_dir)
        (out_dir / page_name(path)).write_text(body, encoding="utf-8")
    for svg in paths.PUBLISHED_FIGURES.glob("[0-9][0-9]-*.svg"):
        (out_dir / "figures").mkdir(exist_ok=True)
        shutil.copyfile(svg, out_dir / "figures" / svg.name)

    hrefs = write_place_pages(out_dir, workers=workers) if profiles else {}

    figures = _figure_records(paths.PUBLISHED_FIGURES)
    index = out_dir / "index.html"
    index.write_text(index_html(chapters, figures, hrefs, obs), encoding="utf-8")
    elapsed = time.perf_counter() - started
    print(f"site: {len(chapters)} chapters, {len(hrefs)} province pages in {elapsed:.0f} s")
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-profiles", action="store_true", help="skip the province profiles")
    args = parser.parse_args(argv)
    build(profiles=not args.no_profiles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
