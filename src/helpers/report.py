"""Build the rendered report (``make report``): Sphinx with myst-nb and a book theme, offline.

``python -m helpers.report`` assembles the report's sources under ``build/report-src`` and
renders ``site/``:

- the chapters are the stored notebooks, whose outputs strict nbval checks; nothing is
  executed (``make refresh`` re-executes notebooks; see :mod:`helpers.execute`);
- the province and unit pages, the region pages, the front page, the data page and the
  citation page are written from the data (:mod:`helpers.pages`, :mod:`helpers.report_pages`);
- the published figures with their CSV files, and the dataset with its Frictionless
  ``datapackage.json``, are copied next to the pages;
- ``reports/conf.py`` and ``reports/_static/`` configure Sphinx; DataTables comes from the
  offline bundle of the itables package.

Example:
    >>> [p.name for p in chapters()][0]
    '01-dataset.ipynb'
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from helpers import datapackage, dataset, pages, paths, provinces, report_pages

CONF = paths.ROOT / "reports"
SOURCE = paths.BUILD / "report-src"
#: Notebooks that are not chapters of the report. Chapter 05 is the researcher's notebook for
#: exploring one province; readers get a generated page for every province instead.
NOT_CHAPTERS = ("05-province-profile.ipynb",)


def chapters() -> list[Path]:
    """The notebooks shown as chapters, in reading order.

    Example:
        >>> "05-province-profile.ipynb" in [p.name for p in chapters()]
        False
    """
    return [p for p in paths.notebooks() if p.name not in NOT_CHAPTERS]


def _datatables(static: Path) -> None:
    """DataTables from itables' offline bundle, loadable from pages opened as files.

    The bundle is an ES module, and browsers refuse to load a module from a file:// page; a
    classic script holding its source lets ``p06.js`` import it from a blob URL instead.
    """
    import itables

    bundle = Path(itables.__file__).parent / "html"
    target = static / "datatables"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle / "dt_bundle.css", target / "dt_bundle.css")
    source = (bundle / "dt_bundle.js").read_text(encoding="utf-8")
    (target / "dt_source.js").write_text(
        f"window.P06_DATATABLES_SOURCE = {json.dumps(source)};\n", encoding="utf-8"
    )


def _toctrees(chapter_files: list[Path], regions: list[pages.Page]) -> str:
    tree = report_pages.toctree
    return "\n\n".join([
        tree([f"chapters/{p.stem}" for p in chapter_files], "Chapters"),
        tree([f"provinces/{Path(p.file).stem}" for p in regions], "Provinces by region"),
        tree(["provinces/units"], "The 34 units of 2025"),
        tree(["data", "cite"], "Data and citation"),
    ])  # fmt: skip


def assemble(source: Path = SOURCE, workers: int = 2) -> dict[str, int]:
    """Write the report's source tree; return how many pages of each kind it holds.

    Example:
        >>> callable(assemble)
        True
    """
    if source.exists():
        shutil.rmtree(source)
    (source / "chapters").mkdir(parents=True)
    shutil.copyfile(CONF / "conf.py", source / "conf.py")
    shutil.copytree(CONF / "_static", source / "_static")
    _datatables(source / "_static")

    chapter_files = chapters()
    for path in chapter_files:
        shutil.copyfile(path, source / "chapters" / path.name)

    extra = source / "_extra"
    (extra / "figures").mkdir(parents=True)
    for figure in paths.PUBLISHED_FIGURES.iterdir():
        if figure.suffix in (".svg", ".png", ".csv"):
            shutil.copyfile(figure, extra / "figures" / figure.name)
    datapackage.write(extra / "data")

    obs = dataset.load_observations()
    places = source / "provinces"
    written = pages.write_pages(places, workers=workers)
    shutil.move(places / "figures", extra / "provinces" / "figures")
    facts = pages.facts(obs)
    regions = [report_pages.region_page(region, obs, facts)
               for region in sorted(provinces.table()["region"].unique())]  # fmt: skip
    for page in [*regions, report_pages.units_page(written["units"])]:
        (places / page.file).write_text(page.markdown, encoding="utf-8")

    index = report_pages.index_page(obs, chapter_files, _toctrees(chapter_files, regions))
    (source / "index.md").write_text(index, encoding="utf-8")
    (source / "data.md").write_text(report_pages.data_page(obs), encoding="utf-8")
    (source / "cite.md").write_text(report_pages.cite_page(obs), encoding="utf-8")
    return {"chapters": len(chapter_files), "provinces": len(written["provinces"]),
            "units": len(written["units"]), "regions": len(regions)}  # fmt: skip


def build(out_dir: Path | None = None, workers: int = 2, source: Path = SOURCE) -> Path:
    """Assemble the sources and render the HTML site; return the path of ``index.html``.

    Raises:
        RuntimeError: when Sphinx reports an error or a warning (a broken link, a missing
            page), naming where it is.

    Example:
        >>> callable(build)
        True
    """
    from sphinx.cmd.build import build_main

    out_dir = Path(out_dir or paths.SITE)
    started = time.perf_counter()
    counts = assemble(source, workers=workers)
    assembled = time.perf_counter()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    warnings = paths.BUILD / "report-warnings.txt"
    # myst-nb keeps scratch files in a folder beside the HTML folder: build under build/, then
    # move the HTML to out_dir, so nothing is left beside it (site/ sits in the repository).
    html = paths.BUILD / "report-html" / "site"
    if html.parent.exists():
        shutil.rmtree(html.parent)
    args = ["-b", "html", "-q", "-j", str(workers), "-W", "--keep-going", "-w", str(warnings),
            "-d", str(paths.BUILD / "report-doctrees"), str(source), str(html)]  # fmt: skip
    if build_main(args) != 0:
        raise RuntimeError(f"Sphinx failed; see {warnings}:\n{warnings.read_text()[:3000]}")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(html, out_dir)
    done = time.perf_counter()
    print(
        f"report: {counts['chapters']} chapters, {counts['provinces']} province pages, "
        f"{counts['units']} unit pages, {counts['regions']} region pages; sources in "
        f"{assembled - started:.0f} s, HTML in {done - assembled:.0f} s -> {out_dir}"
    )
    return out_dir / "index.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.report",
                                     description=__doc__.split("\n\n")[0])  # fmt: skip
    parser.add_argument("--out", type=Path, default=paths.SITE, help="where to write the site")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    index = build(args.out, args.workers)
    print(f"open {index} in a browser; it works offline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
