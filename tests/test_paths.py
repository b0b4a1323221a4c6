"""helpers.paths finds the repository from wherever a kernel or pytest starts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import paths

PROBE = "from helpers import paths; print(paths.ROOT)"


def _run(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "PROJECT06_ROOT"} | env
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=environ, capture_output=True, text=True
    )


@pytest.mark.parametrize("start", ["notebooks", "tests", "data/reference", "."])
def test_root_is_found_from_any_working_directory(start):
    result = _run(PROBE, paths.ROOT / start)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == paths.ROOT


def test_root_is_found_from_outside_the_checkout(tmp_path):
    result = _run(PROBE, tmp_path)
    assert Path(result.stdout.strip()) == paths.ROOT


def test_environment_variable_must_point_at_a_repository(tmp_path):
    result = _run(PROBE, paths.ROOT, PROJECT06_ROOT=str(tmp_path))
    assert result.returncode != 0
    assert "does not look like the repository root" in result.stderr


def test_find_root_walks_up_from_a_start_folder(tmp_path, monkeypatch):
    fake = tmp_path / "clone"
    (fake / "data" / "reference").mkdir(parents=True)
    (fake / "pyproject.toml").write_text("")
    (fake / "data" / "reference" / "provinces.csv").write_text("")
    monkeypatch.setattr(paths, "__file__", str(tmp_path / "elsewhere" / "paths.py"))
    assert paths.find_root(fake / "data" / "reference") == fake


def test_importing_helpers_prints_and_logs_nothing():
    code = (
        "import logging, io; buf = io.StringIO();"
        "logging.basicConfig(stream=buf, level=logging.DEBUG);"
        "import helpers, helpers.paths, helpers.provinces; print(repr(buf.getvalue()), end='')"
    )
    result = _run(code, paths.ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "''"
    assert result.stderr == ""


def test_notebooks_are_listed_in_reading_order():
    names = [p.name for p in paths.notebooks()]
    assert names, "there must be at least one notebook"
    assert names == sorted(names)
    assert all(name[:2].isdigit() and name[2] == "-" for name in names)
