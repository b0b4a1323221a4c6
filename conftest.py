"""Shared pytest set-up for tests/, the doctests in src/ and nbval over notebooks/.

Kernels started by any test (nbval's among them) inherit the project's numerical environment
(:mod:`helpers.numeric_env`), set here before the first one starts. Every figure a test made is
closed after it.
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from helpers import numeric_env

numeric_env.apply()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def pytest_terminal_summary(terminalreporter):
    """Say loudly which browser tests were skipped and how to get the browser they need."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "browser" in r.keywords]
    if not skipped:
        return
    terminalreporter.write_sep("!", "browser tests skipped", yellow=True, bold=True)
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        terminalreporter.write_line(f"SKIPPED {report.nodeid}: {reason}", yellow=True, bold=True)
