"""Shared pytest set-up for tests/, the doctests in src/ and nbval over notebooks/.

Kernels started by any test (nbval's among them) inherit the project's numerical environment
(:mod:`helpers.numeric_env`), set here before the first one starts. Every figure a test made is
closed after it. When nbval runs the notebooks with their figures sent to a folder of their own
(``PROJECT06_FIGURES``, as ``make test`` does), each notebook's figures are compared with the
committed ones right after its last cell.
"""

import sys
from pathlib import Path

import pytest

from helpers import numeric_env

numeric_env.apply()


def pytest_configure(config):
    """Figures drawn by tests and doctests go to files, never to a window; property tests run
    under the project's hypothesis profile. Neither is done in the process that only hands tests
    to xdist's workers, which need not import matplotlib or hypothesis."""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return
    import matplotlib
    from hypothesis import settings

    matplotlib.use("Agg")
    # No time limit per example (timing belongs in `make bench`; a loaded machine must not fail
    # a test), the same examples on every run, and no example database in the tree. Loaded
    # before the test modules are imported, whose @settings start from it.
    settings.register_profile("project06", deadline=None, derandomize=True, database=None)
    settings.load_profile("project06")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")  # only where a test has drawn
    if pyplot is not None:
        pyplot.close("all")


class NotebookFigures(pytest.Item):
    """The figures a notebook wrote in this run (``NN-*`` in ``PROJECT06_FIGURES``) are the
    committed ones (:func:`helpers.figure_compare.differences`)."""

    def __init__(self, *, fresh: Path, **kwargs):
        super().__init__(**kwargs)
        self.fresh = fresh

    def runtest(self):
        from helpers import figure_compare

        problems = figure_compare.differences(self.fresh, prefix=self.path.name[:3])
        if problems:
            raise AssertionError(
                f"{self.path.name} wrote figures that are not the committed ones (fresh copies in "
                f"{self.fresh}):\n" + "\n".join(problems)
            )

    def repr_failure(self, excinfo):
        if excinfo.errisinstance(AssertionError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.path.name}: figures"


def pytest_collection_modifyitems(session, config, items):
    """After the last cell of each notebook, the check of the figures it wrote: in the same
    file, so xdist's ``--dist loadfile`` runs it on the notebook's worker, after the notebook."""
    if not getattr(config.option, "nbval", False):
        return
    from helpers import figure_compare

    fresh = figure_compare.fresh_folder()
    if fresh is None:
        return
    last: dict = {}
    for index, item in enumerate(items):
        if item.path.suffix == ".ipynb" and item.parent is not None:
            last[item.parent] = index
    for notebook, index in sorted(last.items(), key=lambda pair: -pair[1]):
        items.insert(index + 1, NotebookFigures.from_parent(notebook, name="figures",
                                                            fresh=fresh))  # fmt: skip


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

