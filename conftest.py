"""Shared pytest set-up for tests/, the doctests in src/ and nbval over notebooks/.

Kernels started by any test (nbval's among them) inherit the project's numerical environment
(:mod:`helpers.numeric_env`), set here before the first one starts. Every figure a test made is
closed after it.
"""

import sys
from pathlib import Path

import pytest
from hypothesis import settings

from helpers import numeric_env

numeric_env.apply()


def pytest_configure(config):
    """Figures drawn by tests and doctests go to files, never to a window. Not done in the
    process that only hands tests to xdist's workers, which need not import matplotlib."""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return
    import matplotlib

    matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")  # only where a test has drawn
    if pyplot is not None:
        pyplot.close("all")


#: Where the names of skipped browser tests are left for ``make test`` to repeat at its end.
BROWSER_SKIPPED = Path(__file__).parent / "build" / "test" / "browser-skipped.txt"


def pytest_terminal_summary(terminalreporter):
    """Say loudly which browser tests were skipped and how to get the browser they need."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "browser" in r.keywords]
    if not skipped:
        return
    lines = []
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        lines.append(f"SKIPPED {report.nodeid}: {reason}")
    terminalreporter.write_sep("!", f"{len(lines)} browser tests skipped", yellow=True, bold=True)
    for line in lines:
        terminalreporter.write_line(line, yellow=True, bold=True)
    if BROWSER_SKIPPED.parent.is_dir():
        BROWSER_SKIPPED.write_text("\n".join(lines) + "\n", encoding="utf-8")


# Property tests: no time limit per example (timing belongs in `make bench`; a loaded machine
# must not fail a test), the same examples on every run, and no example database in the tree.
settings.register_profile("project06", deadline=None, derandomize=True, database=None)
settings.load_profile("project06")
