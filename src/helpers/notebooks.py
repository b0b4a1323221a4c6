"""Notebook hygiene: every notebook is stored fully executed, in order, on the python3 kernel.

nbval compares a notebook's stored outputs with a fresh run, so stored outputs must come from
one clean top-to-bottom run. ``python -m helpers.notebooks [FILES]`` prints one line per problem
and exits non-zero (used by pre-commit and by the unit tests).

Example:
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    >>> nb.cells = [nbformat.v4.new_code_cell("1 + 1", execution_count=2)]
    >>> problems(nb)
    ['execution counts are [2], expected 1..1 in order']
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from helpers import paths

KERNEL = "python3"


def problems(nb: nbformat.NotebookNode) -> list[str]:
    """What is wrong with a notebook's stored state (empty list when nothing).

    Example:
        >>> nb = nbformat.v4.new_notebook()
        >>> nb.cells = [nbformat.v4.new_code_cell("x = 1")]
        >>> problems(nb)[0]
        "kernelspec is None, expected 'python3'"
    """
    found: list[str] = []
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != KERNEL:
        found.append(f"kernelspec is {kernel!r}, expected {KERNEL!r}")
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    missing = [i for i, c in enumerate(nb.cells) if c in code and c.execution_count is None]
    if missing:
        found.append(f"{len(missing)} code cell(s) never executed (cell index {missing[0]} first)")
    counts = [c.execution_count for c in code]
    if not missing and counts != list(range(1, len(counts) + 1)):
        found.append(f"execution counts are {counts}, expected 1..{len(counts)} in order")
    return found


def all_notebooks() -> list[Path]:
    """Every ``.ipynb`` under ``notebooks/`` except Jupyter's checkpoint copies.

    Example:
        >>> all(p.suffix == ".ipynb" for p in all_notebooks())
        True
    """
    return sorted(
        p for p in paths.NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )


def main(argv: list[str] | None = None) -> int:
    files = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or all_notebooks()
    bad = 0
    for path in files:
        for problem in problems(nbformat.read(path, as_version=4)):
            print(f"{path}: {problem}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
