"""Benchmarks that print figures (``make bench``); nothing here is asserted.

1. Extractor throughput: :func:`helpers.extract.find_figures` on about 1 MB of report-like text,
   and quantulum3 on the evaluation passages, in MB of UTF-8 text per second on one core.
2. Notebooks: each notebook executed from a fresh kernel, against a bare kernel that only imports
   the scientific stack, and the whole strict nbval run against the same number of bare kernels.

Example:
    >>> rates = extractor_rates(size=20_000, min_seconds=0.05, baseline=False)
    >>> rates["find_figures (evaluation passages, dense)"] > 0
    True
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import nbformat

from helpers import evaluation, paths, report

STACK = (
    "import numpy, pandas, scipy, statsmodels.api, matplotlib.pyplot, seaborn, pandera, helpers"
)


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


def _bare_kernel_seconds() -> float:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(STACK)]
    start = time.perf_counter()
    report.execute(nb)
    return time.perf_counter() - start


def notebook_times() -> list[tuple[str, float]]:
    """Seconds to execute each notebook from a fresh kernel (what ``make report`` does).

    Example:
        >>> callable(notebook_times)
        True
    """
    times = []
    for path in paths.notebooks():
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        report.execute(nb)
        times.append((path.name, time.perf_counter() - start))
    return times


def nbval_seconds() -> float:
    """Seconds for strict nbval over every notebook, one process, as ``make test`` checks them.

    Example:
        >>> callable(nbval_seconds)
        True
    """
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
        "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
        str(paths.ROOT / "nbval-sanitize.cfg"), str(paths.NOTEBOOKS),
    ]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(command, cwd=paths.ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.bench", description=__doc__)
    parser.add_argument("--skip-notebooks", action="store_true", help="extractor only")
    args = parser.parse_args(argv)
    print("Extractor throughput (MB of text per second, one core)")
    for name, rate in extractor_rates().items():
        print(f"  {name:<42} {rate:8.3f} MB/s")
    if args.skip_notebooks:
        return 0
    bare = _bare_kernel_seconds()
    print(f"\nBare kernel importing the stack: {bare:.1f} s")
    print("Notebooks, each from a fresh kernel")
    times = notebook_times()
    for name, seconds in times:
        print(f"  {name:<32} {seconds:6.1f} s  ({seconds / bare:.1f}x a bare kernel)")
    total = nbval_seconds()
    budget = 2 * bare * len(times)
    verdict = "within" if total <= budget else "OVER"
    print(
        f"\nStrict nbval over all {len(times)} notebooks: {total:.1f} s; "
        f"{len(times)} bare kernels: {bare * len(times):.1f} s; ratio "
        f"{total / (bare * len(times)):.2f} ({verdict} the 2x budget)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
