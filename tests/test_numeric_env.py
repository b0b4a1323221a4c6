"""Every notebook kernel computes with the same arithmetic, whatever the machine would choose.

A first ``make test`` on another machine once failed because OpenBLAS picked a different CPU
kernel there and the logistic fits moved in the 7th digit (see pyproject.toml). These tests
start kernels the ways the project does and ask them what they use.
"""

import json
import os

import nbformat
import pytest

from helpers import execute, numeric_env

PROBE = "from helpers import numeric_env; import json; print(json.dumps(numeric_env.describe()))"


def _kernel_report(**parent_env: str) -> dict:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(PROBE)]
    saved = {k: os.environ.get(k) for k in parent_env}
    os.environ.update(parent_env)
    try:
        out = execute.execute(nb).cells[0].outputs[0]["text"]
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return json.loads(out)


@pytest.mark.slow
def test_a_kernel_uses_the_pinned_blas_and_numpy_loops_whatever_the_parent_says():
    # A parent shell that asks for another kernel and more threads, as another machine would
    # get by default, must not change what the notebook computes with.
    seen = _kernel_report(OPENBLAS_CORETYPE="Sandybridge", OPENBLAS_NUM_THREADS="4")
    blas = [v for k, v in seen.items() if k.startswith("blas")]
    assert blas, seen
    core = numeric_env.KERNEL_ENV["OPENBLAS_CORETYPE"]
    for line in blas:
        assert f" {core} " in line and "threads=1" in line, line
    assert seen["numpy_dispatch"] == "baseline only"


def test_pytest_hands_the_environment_to_the_kernels_it_starts():
    # conftest.py applies it before nbval or any test starts a kernel, which inherits it.
    for key, value in numeric_env.KERNEL_ENV.items():
        assert os.environ.get(key) == value, key


def test_apply_overrides_values_left_in_a_shell():
    env = numeric_env.apply({"OPENBLAS_NUM_THREADS": "16", "PATH": "/bin"})
    assert env["OPENBLAS_NUM_THREADS"] == "1" and env["PATH"] == "/bin"


def test_installed_kernel_spec_carries_the_environment(tmp_path):
    spec = json.loads((numeric_env.install_kernel(tmp_path) / "kernel.json").read_text())
    assert spec["env"] == {**spec["env"], **numeric_env.KERNEL_ENV}
    assert spec["argv"][0].endswith("python") or "python" in spec["argv"][0]
