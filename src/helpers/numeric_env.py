"""The numerical environment every notebook kernel runs in, so figures are the same everywhere.

The settings live in ``pyproject.toml`` (``[tool.project06.kernel-env]``), with the reason for
each. They must be in a kernel's environment *before* numpy loads OpenBLAS, so they are given
to kernels when they start: by :func:`apply` in the parent process (pytest's ``conftest.py``,
:mod:`helpers.execute`), and by the kernel specification that ``make setup`` installs
(``python -m helpers.numeric_env --install-kernel PREFIX``) for JupyterLab.

``python -m helpers.numeric_env`` prints what the running interpreter actually uses (BLAS
libraries, their kernel and threads, numpy's dispatched CPU features), one ``key,value`` row each.

Example:
    >>> KERNEL_ENV["OPENBLAS_NUM_THREADS"]
    '1'
    >>> env = apply({})
    >>> env["OPENBLAS_CORETYPE"] == KERNEL_ENV["OPENBLAS_CORETYPE"]
    True
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import MutableMapping
from pathlib import Path

from helpers import paths


def _load() -> dict[str, str]:
    config = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    env = config.get("tool", {}).get("project06", {}).get("kernel-env")
    if not env:
        raise KeyError("pyproject.toml has no [tool.project06.kernel-env] table")
    return {str(k): str(v) for k, v in env.items()}


#: Variable → value, as configured in pyproject.toml.
KERNEL_ENV: dict[str, str] = _load()


def apply(environ: MutableMapping[str, str] | None = None) -> MutableMapping[str, str]:
    """Set the kernel environment in ``environ`` (default ``os.environ``) and return it.

    Processes started afterwards (kernels) inherit it. Values already present are replaced:
    a figure must not depend on a variable left over in someone's shell.

    Example:
        >>> apply({"OPENBLAS_NUM_THREADS": "8"})["OPENBLAS_NUM_THREADS"]
        '1'
    """
    if environ is None:
        import os

        environ = os.environ
    environ.update(KERNEL_ENV)
    return environ


def install_kernel(prefix: str | Path, name: str = "python3") -> Path:
    """Install the project kernel into ``prefix`` with :data:`KERNEL_ENV` in its ``kernel.json``.

    Returns the folder of the kernel specification.

    Example:
        >>> import tempfile
        >>> spec = install_kernel(tempfile.mkdtemp())
        >>> json.loads((spec / "kernel.json").read_text())["env"]["OPENBLAS_CORETYPE"]
        'Nehalem'
    """
    from ipykernel.kernelspec import install

    folder = Path(install(prefix=str(prefix), kernel_name=name,
                          display_name="Python 3 (project06)"))  # fmt: skip
    spec_file = folder / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    spec["env"] = {**spec.get("env", {}), **KERNEL_ENV}
    spec_file.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    return folder


def describe() -> dict[str, str]:
    """What this interpreter uses: each BLAS library's kernel and threads, numpy's CPU dispatch.

    Example:
        >>> "numpy_dispatch" in describe()
        True
    """
    import numpy as np
    import scipy.linalg  # noqa: F401  (loads scipy's own BLAS, so it is listed too)
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
    from threadpoolctl import threadpool_info

    out = {}
    for i, lib in enumerate(threadpool_info()):
        out[f"blas{i}"] = f"{lib['internal_api']} {lib.get('architecture', '?')} " \
                          f"threads={lib['num_threads']} {Path(lib['filepath']).name}"  # fmt: skip
    # numpy removes the features named in NPY_DISABLE_CPU_FEATURES from __cpu_features__
    used = [f for f in __cpu_dispatch__ if __cpu_features__.get(f)]
    out["numpy"] = np.__version__
    out["numpy_dispatch"] = " ".join(used) or "baseline only"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.numeric_env", description=__doc__)
    parser.add_argument("--install-kernel", metavar="PREFIX", help="install the project kernel")
    args = parser.parse_args(argv)
    if args.install_kernel:
        print(f"kernel: {install_kernel(args.install_kernel)}")
        return 0
    print("key,value")
    for key, value in describe().items():
        print(f"{key},{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
