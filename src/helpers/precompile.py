"""Compile, once at setup, the bytecode of the modules that the project's processes import.

A new environment holds no bytecode. The first processes of a ``make test`` (the two test
workers, each notebook's kernel, the report build, JupyterLab) would each compile the same
scientific stack at the same moment, which cost a first run on two cores about 20 s more than a
second run. ``make setup`` runs ``python -m helpers.precompile`` after installing: one process
per group of :data:`GROUPS` imports its modules, which writes their bytecode next to them.

Nothing else is kept: matplotlib builds its font list in a temporary folder that is then
deleted, so the tests still start from empty cache folders.

Example:
    >>> [sorted(done) for done in compile_groups([["json", "no_such_module_here"]])]
    [['json']]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

#: Modules imported in one process each: the analysis stack with the project's own modules
#: (test workers, kernels, the report build), and the kernels' and the tests' own machinery.
#: Tools that only one process of a test run imports (Sphinx, the browser driver, JupyterLab,
#: quantulum3) are left to compile in that process: compiling them here would save nothing.
GROUPS: list[list[str]] = [
    ["numpy", "pandas", "scipy.stats", "scipy.optimize", "scipy.special", "statsmodels.api",
     "statsmodels.formula.api", "statsmodels.tsa.statespace.structural", "seaborn",
     "pandera.pandas", "openpyxl", "yaml", "helpers"],
    ["matplotlib.pyplot", "IPython", "ipykernel.kernelapp", "jupyter_client", "nbformat",
     "nbclient", "nbval.plugin", "pytest", "xdist", "hypothesis"],
]  # fmt: skip

_IMPORT = """
import importlib, pkgutil, sys
done = []
for name in sys.argv[1:]:
    try:
        module = importlib.import_module(name)
    except Exception as err:  # a tool that is not installed: nothing to compile
        print(f"precompile: {name} not imported ({type(err).__name__})", file=sys.stderr)
        continue
    done.append(name)
    if name == "helpers":  # the project's own modules, every one
        for info in pkgutil.iter_modules(module.__path__, "helpers."):
            importlib.import_module(info.name)
print(" ".join(done))
"""


def compile_groups(groups: list[list[str]] = GROUPS) -> list[set[str]]:
    """Import each group of modules in a process of its own, all at once, writing bytecode;
    return the names each process imported (a module that cannot be imported is skipped).

    Example:
        >>> compile_groups([["json"], ["csv"]])
        [{'json'}, {'csv'}]
    """
    with tempfile.TemporaryDirectory() as scratch:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env |= {"MPLCONFIGDIR": scratch, "MPLBACKEND": "Agg"}
        runs = [subprocess.Popen([sys.executable, "-c", _IMPORT, *group], env=env,
                                 stdout=subprocess.PIPE, text=True)
                for group in groups]  # fmt: skip
        return [set(run.communicate()[0].split()) for run in runs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.precompile",
                                     description=__doc__.split("\n\n")[0])  # fmt: skip
    parser.parse_args(argv)
    done = compile_groups()
    wanted = sum(len(group) for group in GROUPS)
    print(f"precompile: bytecode written for {sum(len(d) for d in done)} of {wanted} modules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
