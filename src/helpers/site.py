"""Render executed notebooks into a static, offline HTML site.

Example:
    >>> from helpers import site
    >>> site.page_name(paths.NOTEBOOKS / "01-dataset.ipynb")
    '01-dataset.html'
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from helpers import paths


def page_name(notebook: Path) -> str:
    """File name of a notebook's page in the site.

    Example:
        >>> page_name(Path("notebooks/03-provincial-progress.ipynb"))
        '03-provincial-progress.html'
    """
    return notebook.with_suffix(".html").name


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


def build(executed: list[Path], out_dir: Path | None = None) -> Path:
    """Write one HTML page per executed notebook and an index; return the index path.

    Example:
        >>> build  # doctest: +ELLIPSIS
        <function build at ...>
    """
    out_dir = out_dir or paths.SITE
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    exporter = HTMLExporter(template_name="lab")
    items = []
    for path in executed:
        nb = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(nb)
        (out_dir / page_name(path)).write_text(body, encoding="utf-8")
        title, line = purpose(nb)
        items.append(
            f'<li><a href="{page_name(path)}">{html.escape(title)}</a> — {html.escape(line)}</li>'
        )
    index = out_dir / "index.html"
    index.write_text(
        "<!doctype html><html lang='en'><meta charset='utf-8'>"
        "<title>Project 06: provincial progress</title>"
        "<h1>Project 06: provincial progress</h1><ol>" + "".join(items) + "</ol></html>",
        encoding="utf-8",
    )
    return index
