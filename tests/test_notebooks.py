"""Stored notebooks must come from one clean run, so nbval compares against real outputs."""

import nbformat
import pytest

from helpers import notebooks, paths, report_pages


def _nb(counts, kernel="python3"):
    nb = nbformat.v4.new_notebook()
    if kernel:
        nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell(f"x = {i}", execution_count=c) for i, c in enumerate(counts)
    ]
    return nb


@pytest.mark.parametrize("path", notebooks.all_notebooks(), ids=lambda p: p.name)
def test_notebook_is_executed_in_order_on_python3(path):
    assert notebooks.problems(nbformat.read(path, as_version=4)) == []


@pytest.mark.parametrize("path", notebooks.all_notebooks(), ids=lambda p: p.name)
def test_notebook_is_numbered_and_opens_with_its_purpose(path):
    assert path.parent == paths.NOTEBOOKS, "notebooks live directly in notebooks/"
    assert path in paths.notebooks(), f"{path.name} must be named NN-name.ipynb"
    title, purpose = report_pages.chapter_info(nbformat.read(path, as_version=4))
    assert title and purpose, f"{path.name} must open with a title and a one-line purpose"


def test_a_clean_notebook_has_no_problems():
    assert notebooks.problems(_nb([1, 2, 3])) == []


@pytest.mark.parametrize(
    "counts, kernel, expected",
    [
        ([1, None, 3], "python3", "never executed"),
        ([1, 3, 2], "python3", "expected 1..3 in order"),
        ([2, 3, 4], "python3", "expected 1..3 in order"),
        ([1, 2], "ir", "kernelspec is 'ir'"),
        ([1], None, "kernelspec is None"),
    ],
)
def test_problems_are_reported(counts, kernel, expected):
    found = notebooks.problems(_nb(counts, kernel))
    assert any(expected in p for p in found), found


def test_checkpoints_are_never_collected(tmp_path, monkeypatch):
    (tmp_path / ".ipynb_checkpoints").mkdir()
    nbformat.write(_nb([1]), tmp_path / ".ipynb_checkpoints" / "01-x-checkpoint.ipynb")
    nbformat.write(_nb([1]), tmp_path / "01-x.ipynb")
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    assert [p.name for p in notebooks.all_notebooks()] == ["01-x.ipynb"]


def test_cli_exits_non_zero_with_one_line_per_problem(tmp_path, capsys):
    bad = tmp_path / "bad.ipynb"
    nbformat.write(_nb([2, 1], kernel="julia"), bad)
    assert notebooks.main([str(bad)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith(str(bad)) for line in lines)
