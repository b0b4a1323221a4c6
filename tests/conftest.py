"""Fixtures shared by the report tests: the built report, and Chromium to open it."""

import os
import shutil
from pathlib import Path

import pytest

#: The browser the tests drive: Chromium's headless shell (Debian's chromium-headless-shell, the
#: build playwright itself uses for headless runs), else the full Chromium. The shell is the same
#: engine without the desktop browser around it; opening every page of the report took a fifth
#: less processor time with it.
CHROMIUM = next(
    (found for name in ("chromium-headless-shell", "chromium") if (found := shutil.which(name))),
    "/usr/bin/chromium-headless-shell",
)
#: How to get the browser the browser tests drive (what .ci/run does).
INSTALL_CHROMIUM = (
    "install it with `sudo apt-get install chromium-headless-shell` (Debian), as .ci/run does"
)
# Without the first line's switches, Chromium tries to reach Google's services at start-up (no
# network here). The second line keeps one renderer process for a tab's successive pages:
# otherwise every navigation starts a new process (to keep the page it leaves in the
# back-forward cache), which a reader's back button needs and a test that opens 114 pages in a
# row does not; it was a quarter of the browser's work. What a page loads, logs and shows is
# the same either way.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-features=BackForwardCache,ProactivelySwapBrowsingInstance,RenderDocument",
]  # fmt: skip


@pytest.fixture(scope="session")
def built_report(tmp_path_factory) -> Path:
    """The rendered report's folder.

    ``make test`` builds it once, during the unit tests, into the folder named by
    ``PROJECT06_REPORT_DIR``; the browser tests that run afterwards open that build. Run on
    their own, the tests build the report into a temporary folder.
    """
    given = os.environ.get("PROJECT06_REPORT_DIR")
    if given and (Path(given) / "index.html").is_file():
        return Path(given)
    out = Path(given) if given else tmp_path_factory.mktemp("report") / "site"
    from helpers import report

    source = tmp_path_factory.mktemp("report-src")
    # One worker: the other xdist worker is busy with notebooks and unit tests meanwhile.
    return report.build(out, workers=1, source=source).parent


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: {INSTALL_CHROMIUM}")
    return CHROMIUM


@pytest.fixture(scope="session")
def chromium_args() -> list[str]:
    return list(CHROMIUM_ARGS)
