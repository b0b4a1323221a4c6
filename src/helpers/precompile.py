"""Compile, once at setup, the bytecode of the modules that the project's processes import.

A new environment holds no bytecode. The first processes of a ``make test`` (the two test
workers, each notebook's kernel, the report build, JupyterLab) would each compile the same
scientific stack at the same moment, which cost a first run on two cores about 20 s more than a
second run. ``make setup`` runs ``python -m helpers.precompile`` after installing: one process
per group of :data:`GROUPS` imports its modules, which writes their bytecode next to them (or
compiles a package's files without running them).

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

#: Modules imported in one process each, in order; a name ending in ``/`` is a package whose
#: files are compiled without running any. The longest chain (numpy, pandas, scipy, statsmodels)
#: has a process of its own, which then compiles the project's modules; the other takes
#: matplotlib, the kernels' and the tests' machinery (the files of pytest, xdist and hypothesis
#: whole: a test run imports more of them than their first import does), pandera (compiling
#: pandas a second time rather than waiting for it) and seaborn's files (importing seaborn
#: imports scipy.stats, which the first process may not have compiled yet). So balanced, the two
#: end together: setup spent about 12.8 s here before, 10 s after. Tools that only one process of
#: a test run imports (Sphinx, the browser driver, JupyterLab, quantulum3) are left to compile in
#: that process: compiling them here would save nothing.
GROUPS: list[list[str]] = [
    ["numpy", "pandas", "scipy.stats", "scipy.optimize", "scipy.special", "statsmodels.api",
     "statsmodels.formula.api", "statsmodels.tsa.statespace.structural", "helpers/"],
    ["matplotlib.pyplot", "IPython", "ipykernel.kernelapp", "jupyter_client", "nbformat",
     "nbclient", "nbval.plugin", "_pytest/", "xdist/", "execnet/", "hypothesis/",
     "pandera.pandas", "openpyxl", "yaml", "seaborn/"],
]  # fmt: skip

_IMPORT = """
import compileall, importlib, importlib.util, sys
done = []
for name in sys.argv[1:]:
    package = name.removesuffix("/")
    try:
        if name.endswith("/"):  # the package's files compiled, none of them run
            for folder in importlib.util.find_spec(package).submodule_search_locations:
                compileall.compile_dir(folder, quiet=1)
        else:
            importlib.import_module(name)
    except Exception as err:  # a tool that is not installed: nothing to compile
        print(f"precompile: {package} not compiled ({type(err).__name__})", file=sys.stderr)
        continue
    done.append(package)
print(" ".join(done))
"""


def compile_groups(groups: list[list[str]] = GROUPS) -> list[set[str]]:
    """Import each group of modules in a process of its own, all at once, writing bytecode;
    return the names each process compiled (a module that cannot be imported or found is
    skipped).

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
