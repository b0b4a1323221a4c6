"""Figures are reproducible: a fresh run of the notebooks writes the committed files exactly.

SVG files must be byte-identical, PNG files pixel-identical, and the metadata JSON identical;
every file under figures/ must be written by some notebook (no orphans).

``make test`` executes each notebook once, in the strict nbval run, with its figures redirected
to a fresh folder that it names in ``PROJECT06_FRESH_FIGURES``; these tests compare that folder
with ``figures/``. Run on their own (``pytest tests/test_figures.py``), they execute the notebooks
themselves into a temporary folder first.
"""

import json
import os
from pathlib import Path

import matplotlib.image as mpimg
import numpy as np
import pytest

from helpers import paths

pytestmark = pytest.mark.figures


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


def test_every_committed_figure_is_written_by_a_notebook(fresh):
    orphans = [p.name for p in _committed() if not (fresh / p.name).exists()]
    assert not orphans, f"not produced by any notebook: {orphans}"


def test_every_written_figure_is_committed(fresh):
    committed = {p.name for p in _committed()}
    missing = [p.name for p in sorted(fresh.iterdir()) if p.name not in committed]
    assert not missing, f"written but not committed (run make refresh): {missing}"


def test_svg_data_and_metadata_are_byte_identical(fresh):
    differ = [
        p.name
        for p in _committed()
        if p.suffix in (".svg", ".json", ".csv")
        and (fresh / p.name).read_bytes() != p.read_bytes()
    ]
    assert not differ, f"differ from the committed files: {differ} (fresh copies in {fresh})"


def test_png_pixels_are_identical(fresh):
    differ = []
    for committed in _committed():
        if committed.suffix == ".png":
            new, old = mpimg.imread(fresh / committed.name), mpimg.imread(committed)
            if not (new.shape == old.shape and np.array_equal(new, old)):
                differ.append(committed.name)
    assert not differ, f"pixels differ from the committed files: {differ}"


def test_every_figure_has_title_alt_text_source_and_date():
    for meta in (p for p in _committed() if p.suffix == ".json"):
        record = json.loads(meta.read_text(encoding="utf-8"))
        for key in ("title", "alt", "source", "data_date"):
            assert record.get(key), f"{meta.name}: no {key}"


def test_figure_names_carry_their_notebook_number():
    numbers = {p.name[:2] for p in paths.notebooks()}
    for figure in _committed():
        assert figure.name[:2] in numbers, f"{figure.name}: no notebook numbered {figure.name[:2]}"
