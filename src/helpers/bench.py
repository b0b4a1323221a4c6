"""Benchmarks that print figures (``make bench``); nothing here is asserted.

1. The parts of ``make test``, each timed on its own so a regression is visible: setup of a
   fresh environment with empty caches (uv, or pip as the fallback), the unit and data tests,
   the strict nbval run (every notebook executed once), the rendered report (chapters from the
   stored notebooks plus the generated province, unit and region pages: ``make report``) and
   its checks in headless Chromium.
2. Extractor throughput: :func:`helpers.extract.find_figures` on about 1 MB of report-like text
   and on the seed reports, and quantulum3 on the evaluation passages, in MB of UTF-8 text per
   second on one core.

Example:
    >>> rates = extractor_rates(size=20_000, min_seconds=0.05, baseline=False)
    >>> rates["find_figures (evaluation passages, dense)"] > 0
    True
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

from helpers import evaluation, paths


def extractor_rates(
    size: int = 1_000_000, min_seconds: float = 1.0, baseline: bool = True
) -> dict[str, float]:
    """MB/s of our extractor on ``size`` characters, and of quantulum3 on the passages once.

    Example:
        >>> sorted(extractor_rates(size=10_000, min_seconds=0.01, baseline=False))[0]
        'find_figures (evaluation passages, dense)'
    """
    passages = evaluation.load_passages()
    rates = {
        "find_figures (evaluation passages, dense)": evaluation.throughput(
            evaluation.ours, evaluation.corpus(passages, size), min_seconds
        )
    }
    seeds = sorted(paths.SEEDS.glob("*.txt")) if paths.SEEDS.is_dir() else []
    if seeds:  # real reports, when shared/ is beside the checkout
        text = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)
        text = "\n\n".join([text] * max(1, size // len(text)))
        rates["find_figures (seed reports)"] = evaluation.throughput(
            evaluation.ours, text, min_seconds
        )
    if baseline:
        evaluation.quantulum("warm up")  # loads its unit tables once
        text = evaluation.corpus(passages, 1)
        rates["quantulum3 (evaluation passages)"] = evaluation.throughput(
            evaluation.quantulum, text, min_seconds
        )
    return rates


def _timed(command: list[str], **env: str) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=paths.ROOT, check=True, capture_output=True,
                   env={**os.environ, **env})  # fmt: skip
    return time.perf_counter() - started


def setup_seconds() -> float:
    """Seconds to create an environment like ``make setup`` does, in a temporary folder, with
    empty caches (what a newcomer's first ``make test`` pays).

    Example:
        >>> callable(setup_seconds)
        True
    """
    with tempfile.TemporaryDirectory() as tmp:
        return _timed(["make", "--no-print-directory", "setup", f"VIRTUAL_ENV={tmp}/venv"],
                      XDG_CACHE_HOME=f"{tmp}/cache")  # fmt: skip


def parts(jobs: int = 2) -> dict[str, float]:
    """Seconds for each part of ``make test`` after setup (see the module docstring).

    Example:
        >>> callable(parts)
        True
    """
    pytest = [sys.executable, "-m", "pytest", "-q", "-n", str(jobs), "--dist", "loadfile",
              "-p", "no:cacheprovider"]  # fmt: skip
    nbval = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with",
             str(paths.ROOT / "nbval-sanitize.cfg")]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        site = f"{tmp}/site"
        return {
            "unit and data tests": _timed(
                [*pytest, "-m", "not figures and not browser and not report", "tests", "src"]
            ),
            "strict nbval (each notebook once)": _timed(
                [*pytest, *nbval, str(paths.NOTEBOOKS)], PROJECT06_FIGURES=tmp
            ),
            "report: build (chapters, province, unit and region pages)": _timed(
                [sys.executable, "-m", "helpers.report", "--out", site, "--workers", str(jobs)]
            ),
            "report: file checks and browser tests": _timed(
                [*pytest, "-m", "report or browser", "tests"], PROJECT06_REPORT_DIR=site
            ),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.bench", description=__doc__)
    parser.add_argument("--skip-notebooks", "--extractor-only", action="store_true",
                        help="extractor throughput only")  # fmt: skip
    parser.add_argument("--skip-setup", action="store_true", help="do not time a fresh setup")
    args = parser.parse_args(argv)
    print("Extractor throughput (MB of text per second, one core)")
    for name, rate in extractor_rates().items():
        print(f"  {name:<42} {rate:8.3f} MB/s")
    if args.skip_notebooks:
        return 0
    print("\nParts of make test (seconds, wall clock)")
    timings = {} if args.skip_setup else {"setup, fresh environment, empty caches": setup_seconds()}
    timings |= parts()
    for name, seconds in timings.items():
        print(f"  {name:<50} {seconds:7.1f} s")
    print(f"  {'total':<50} {sum(timings.values()):7.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
