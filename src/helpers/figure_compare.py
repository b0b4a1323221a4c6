"""Compare a fresh run's figures with the committed ones in ``figures/``.

SVG, JSON and CSV files must be byte-identical and PNG files pixel-identical; a committed file
that the run did not write, or a written file that is not committed, is a difference too.
``make test`` checks each notebook's figures right after its strict nbval run (the check is added
to the notebook's tests by the repository's ``conftest.py``); ``tests/test_figures.py`` checks all
of them at once.

Example:
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as fresh:
    ...     differences(Path(fresh), prefix="01-")[0]
    '01-coverage.csv: committed, but the run did not write it'
"""

from __future__ import annotations

import os
from pathlib import Path

from helpers import paths


def fresh_folder(given: str | None = None) -> Path | None:
    """The folder this run's notebooks write their figures to (``given``, by default
    ``PROJECT06_FIGURES``), or None when they write to ``figures/`` itself, where there is
    nothing to compare.

    Example:
        >>> fresh_folder("/tmp/p06-fresh"), fresh_folder(str(paths.PUBLISHED_FIGURES))
        (PosixPath('/tmp/p06-fresh'), None)
    """
    given = os.environ.get("PROJECT06_FIGURES") if given is None else given
    if not given:
        return None
    fresh = Path(given).resolve()
    return None if fresh == paths.PUBLISHED_FIGURES.resolve() else fresh


def _files(folder: Path, prefix: str) -> dict[str, Path]:
    return {p.name: p for p in sorted(folder.glob(f"{prefix}*")) if p.is_file()}


def _same_pixels(a: Path, b: Path) -> bool:
    import matplotlib.image as mpimg
    import numpy as np

    new, old = mpimg.imread(a), mpimg.imread(b)
    return new.shape == old.shape and bool(np.array_equal(new, old))


def differences(fresh: Path, committed: Path | None = None, prefix: str = "") -> list[str]:
    """One line for each way the files named ``prefix*`` in ``fresh`` differ from those in
    ``committed`` (default ``figures/``); empty when they are the same.

    Example:
        >>> import shutil, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     fresh = Path(tmp)
        ...     for p in paths.PUBLISHED_FIGURES.glob("06-*"):
        ...         _ = shutil.copy(p, fresh)
        ...     before = differences(fresh, prefix="06-")
        ...     _ = (fresh / "06-extraction-scores.svg").write_text("<svg/>")
        ...     _ = (fresh / "06-extra.svg").write_text("<svg/>")
        ...     before, differences(fresh, prefix="06-")
        ([], ['06-extra.svg: written, but not committed (run make refresh)', \
'06-extraction-scores.svg: differs from the committed file'])
    """
    committed = Path(committed or paths.PUBLISHED_FIGURES)
    old, new = _files(committed, prefix), _files(Path(fresh), prefix)
    problems = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            problems.append(f"{name}: committed, but the run did not write it")
        elif name not in old:
            problems.append(f"{name}: written, but not committed (run make refresh)")
        elif name.endswith(".png"):
            if not _same_pixels(new[name], old[name]):
                problems.append(f"{name}: pixels differ from the committed file")
        elif new[name].read_bytes() != old[name].read_bytes():
            problems.append(f"{name}: differs from the committed file")
    return problems
