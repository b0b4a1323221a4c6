"""The single home of the repository's paths.

The repository root is found in this order:

1. the ``PROJECT06_ROOT`` environment variable, if set;
2. the folder above ``src/`` when the package is installed in editable mode
   (``pip install -e .``), which is how the Makefile installs it;
3. the nearest parent of the current working directory that holds ``pyproject.toml`` and
   ``data/reference/provinces.csv`` (covers a kernel started in ``notebooks/`` or pytest run
   from any sub-folder).

Example:
    >>> from helpers import paths
    >>> (paths.ROOT / "pyproject.toml").is_file()
    True
    >>> paths.PUBLISHED_FIGURES.relative_to(paths.ROOT).as_posix()
    'figures'
"""

from __future__ import annotations

import os
from pathlib import Path

_MARKERS = ("pyproject.toml", "data/reference/provinces.csv")


def _is_root(candidate: Path) -> bool:
    return all((candidate / marker).exists() for marker in _MARKERS)


def find_root(start: Path | None = None) -> Path:
    """Return the repository root.

    Args:
        start: folder to search upwards from (defaults to the current working directory).

    Raises:
        FileNotFoundError: when no candidate holds the repository's marker files.

    Example:
        >>> find_root().joinpath("data").is_dir()
        True
    """
    env = os.environ.get("PROJECT06_ROOT")
    if env:
        root = Path(env).expanduser().resolve()
        if not _is_root(root):
            raise FileNotFoundError(f"PROJECT06_ROOT={env} does not look like the repository root")
        return root
    here = Path(__file__).resolve()
    for candidate in here.parents:
        if _is_root(candidate):
            return candidate
    origin = (start or Path.cwd()).resolve()
    for candidate in (origin, *origin.parents):
        if _is_root(candidate):
            return candidate
    raise FileNotFoundError(
        "Cannot find the repository root (a folder with pyproject.toml and "
        "data/reference/provinces.csv); set PROJECT06_ROOT."
    )


ROOT = find_root()
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
REFERENCE = DATA / "reference"
EVALUATION = DATA / "evaluation"
#: The published figures, committed with the repository.
PUBLISHED_FIGURES = ROOT / "figures"
#: Where notebooks write figures: the published folder, unless ``PROJECT06_FIGURES`` redirects
#: them (``make test`` does, so a test run never rewrites the committed files).
FIGURES = Path(os.environ.get("PROJECT06_FIGURES") or PUBLISHED_FIGURES)
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
SITE = ROOT / "site"
#: ``shared/`` beside the checkout holds the seed reports; it may be absent.
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def notebooks() -> list[Path]:
    """The notebooks in reading order (``NN-name.ipynb``, sorted by number).

    Example:
        >>> [p.name for p in notebooks()][0].startswith("01-")
        True
    """
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb") if p.is_file())
