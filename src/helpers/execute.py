"""Execute notebooks in fresh kernels with the project's numerical environment.

``python -m helpers.execute`` (``make refresh``) executes every ``notebooks/NN-*.ipynb`` from a
fresh ``python3`` kernel, in reading order, with ``notebooks/`` as the working directory (as
nbval and JupyterLab do), and writes the outputs back into the notebooks, so the stored outputs
that strict nbval compares with, and the figures in ``figures/``, come from one clean run.
``--out DIR`` writes the executed copies there instead.

Example:
    >>> from helpers import execute
    >>> callable(execute.execute)
    True
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from helpers import numeric_env, paths

TIMEOUT_SECONDS = 900
#: Seconds a kernel may take to start; generous, because tests start kernels in parallel on a
#: two-core machine that is busy with other work.
STARTUP_SECONDS = 240


class LocalKernelManager(KernelManager):
    """A kernel with the project's numerical environment, talking over IPC sockets.

    The environment (:mod:`helpers.numeric_env`) fixes BLAS threads and CPU kernels, so a
    notebook computes the same numbers on every machine. The sockets live in a private temporary
    folder: kernels started at the same moment by different processes (nbval workers, the
    site's pages) would otherwise race for the same free TCP port.

    Example:
        >>> km = LocalKernelManager()
        >>> km.transport
        'ipc'
        >>> km.cleanup_resources()
    """

    def __init__(self, **kwargs):
        self._socket_dir = Path(tempfile.mkdtemp(prefix="p06-kernel-"))
        kwargs.setdefault("transport", "ipc")
        kwargs.setdefault("ip", str(self._socket_dir / "kernel"))
        super().__init__(**kwargs)

    async def _async_pre_start_kernel(self, **kw):
        kw["env"] = numeric_env.apply(dict(kw.get("env") or os.environ))
        return await super()._async_pre_start_kernel(**kw)

    def cleanup_resources(self, restart: bool = False) -> None:
        """Remove the socket files and, unless restarting, their folder."""
        super().cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self._socket_dir, ignore_errors=True)


def execute(nb: nbformat.NotebookNode, cwd: Path = paths.NOTEBOOKS) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh python3 kernel and return it with outputs.

    No timing metadata is recorded, so a rerun of a deterministic notebook gives the same file.

    Example:
        >>> nb = nbformat.v4.new_notebook()
        >>> nb.cells = [nbformat.v4.new_code_cell("print(6 * 7)")]
        >>> execute(nb).cells[0].outputs[0]["text"]
        '42\\n'
    """
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=TIMEOUT_SECONDS,
        startup_timeout=STARTUP_SECONDS,
        kernel_manager_class=LocalKernelManager,
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()
    return nb


def run_all(out_dir: Path | None = None) -> list[Path]:
    """Execute every notebook in reading order; return the executed files' paths.

    The outputs go back into ``notebooks/``, or into ``out_dir`` when given.

    Example:
        >>> run_all  # doctest: +ELLIPSIS
        <function run_all at ...>
    """
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    notebooks = paths.notebooks()
    written = []
    for i, source in enumerate(notebooks, 1):
        started = time.perf_counter()
        print(f"[{i}/{len(notebooks)}] executing {source.relative_to(paths.ROOT)} ...", flush=True)
        nb = execute(nbformat.read(source, as_version=4))
        target = source if out_dir is None else out_dir / source.name
        nbformat.write(nb, target)
        written.append(target)
        elapsed = time.perf_counter() - started
        print(f"      done in {elapsed:.1f} s -> {target}", flush=True)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.execute",
                                     description=__doc__.split("\n\n")[0])  # fmt: skip
    parser.add_argument("--out", type=Path, help="write executed copies here, not in place")
    args = parser.parse_args(argv)
    run_all(args.out)
    where = args.out or paths.NOTEBOOKS.relative_to(paths.ROOT)
    print(f"notebooks executed -> {where}; figures in {paths.FIGURES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
