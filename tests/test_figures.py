"""Figures are reproducible: a fresh run of the notebooks writes the committed files exactly.

SVG, JSON and CSV files must be byte-identical and PNG files pixel-identical, and every file
under figures/ must be written by some notebook (:mod:`helpers.figure_compare`).

``make test`` does not run the tests marked ``figures`` here: its strict nbval run writes each
notebook's figures to a folder of its own and compares them right after the notebook's last cell
(``conftest.py``). Run on their own (``pytest tests/test_figures.py``), these tests execute the
notebooks into a temporary folder first, or compare the folder named by
``PROJECT06_FRESH_FIGURES``.
"""

import json
import os
from pathlib import Path

import pytest

from helpers import figure_compare, paths


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    given = os.environ.get("PROJECT06_FRESH_FIGURES")
    if given:
        folder = Path(given)
        assert folder.is_dir() and any(folder.iterdir()), (
            f"PROJECT06_FRESH_FIGURES={given} holds no figures: the nbval run did not write any"
        )
        return folder
    import nbformat

    from helpers import execute  # a kernel client: only when the notebooks run here

    out = tmp_path_factory.mktemp("figures")
    previous = os.environ.get("PROJECT06_FIGURES")
    os.environ["PROJECT06_FIGURES"] = str(out)  # the kernels inherit it (helpers.paths reads it)
    try:
        for path in paths.notebooks():
            execute.execute(nbformat.read(path, as_version=4))
    finally:
        if previous is None:
            os.environ.pop("PROJECT06_FIGURES")
        else:
            os.environ["PROJECT06_FIGURES"] = previous
    return out


def _committed():
    return sorted(p for p in paths.PUBLISHED_FIGURES.iterdir() if p.is_file())


@pytest.mark.figures
def test_a_fresh_run_writes_exactly_the_committed_figures(fresh):
    problems = figure_compare.differences(fresh)
    assert not problems, f"fresh copies in {fresh}: {problems}"


def test_every_figure_has_title_alt_text_source_and_date():
    for meta in (p for p in _committed() if p.suffix == ".json"):
        record = json.loads(meta.read_text(encoding="utf-8"))
        for key in ("title", "alt", "source", "data_date"):
            assert record.get(key), f"{meta.name}: no {key}"


def test_figure_names_carry_their_notebook_number():
    numbers = {p.name[:2] for p in paths.notebooks()}
    for figure in _committed():
        assert figure.name[:2] in numbers, f"{figure.name}: no notebook numbered {figure.name[:2]}"


def test_nbval_checks_each_notebooks_figures_after_its_last_cell(request):
    """In a run that executes the notebooks into a folder of their own (``make test``), every
    notebook's cells are followed by the check of its figures."""
    items = request.session.items
    if not any(item.path.suffix == ".ipynb" for item in items) or not figure_compare.fresh_folder():
        pytest.skip("this run does not execute the notebooks into a folder of their own")
    ids = [item.nodeid for item in items]
    for name in dict.fromkeys(i.split("::")[0] for i in ids if i.split("::")[0].endswith(".ipynb")):
        mine = [i for i in ids if i.startswith(f"{name}::")]
        assert mine and mine[-1] == f"{name}::figures", f"{name}: {mine[-3:]}"
        assert all("::Cell " in i for i in mine[:-1])
