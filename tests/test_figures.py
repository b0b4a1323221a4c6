"""Figures are reproducible: a fresh run of the notebooks writes the committed files exactly.

SVG files must be byte-identical, PNG files pixel-identical, and the metadata JSON identical;
every file under figures/ must be written by some notebook (no orphans). The notebooks run once
for the whole module, with their figures redirected to a temporary folder.
"""

import json
import os

import matplotlib.image as mpimg
import nbformat
import numpy as np
import pytest

from helpers import paths, report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    previous = os.environ.get("PROJECT06_FIGURES")
    os.environ["PROJECT06_FIGURES"] = str(out)  # the kernels inherit it (helpers.paths reads it)
    try:
        for path in paths.notebooks():
            report.execute(nbformat.read(path, as_version=4))
    finally:
        if previous is None:
            os.environ.pop("PROJECT06_FIGURES")
        else:
            os.environ["PROJECT06_FIGURES"] = previous
    return out


def _committed():
    return sorted(p for p in paths.ROOT.joinpath("figures").iterdir() if p.is_file())


def test_every_committed_figure_is_written_by_a_notebook(fresh):
    orphans = [p.name for p in _committed() if not (fresh / p.name).exists()]
    assert not orphans, f"not produced by any notebook: {orphans}"


def test_every_written_figure_is_committed(fresh):
    committed = {p.name for p in _committed()}
    missing = [p.name for p in sorted(fresh.iterdir()) if p.name not in committed]
    assert not missing, f"written but not committed (run make refresh): {missing}"


def test_svg_and_metadata_are_byte_identical(fresh):
    for committed in _committed():
        if committed.suffix in (".svg", ".json"):
            assert (fresh / committed.name).read_bytes() == committed.read_bytes(), committed.name


def test_png_pixels_are_identical(fresh):
    for committed in _committed():
        if committed.suffix == ".png":
            new, old = mpimg.imread(fresh / committed.name), mpimg.imread(committed)
            assert new.shape == old.shape and np.array_equal(new, old), committed.name


def test_every_figure_has_title_alt_text_source_and_date():
    for meta in (p for p in _committed() if p.suffix == ".json"):
        record = json.loads(meta.read_text(encoding="utf-8"))
        for key in ("title", "alt", "source", "data_date"):
            assert record.get(key), f"{meta.name}: no {key}"


def test_figure_names_carry_their_notebook_number():
    numbers = {p.name[:2] for p in paths.notebooks()}
    for figure in _committed():
        assert figure.name[:2] in numbers, f"{figure.name}: no notebook numbered {figure.name[:2]}"
