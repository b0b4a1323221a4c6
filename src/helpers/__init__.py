"""Helpers for the Project 06 research repository.

Small modules, one job each:

- :mod:`helpers.paths` – where the repository's data, figures and notebooks live;
- :mod:`helpers.provinces` – the 63 provinces, their aliases and the 2025 merger crosswalk;
- :mod:`helpers.quantities` – turning number phrases ("over 1.2 million") into numbers;
- :mod:`helpers.vocabulary` – the words of number phrases (qualifiers, scales, rises and
  falls, fractions, multipliers, units, vague amounts) in English and Vietnamese;
- :mod:`helpers.extract` – finding number phrases in report text;
- :mod:`helpers.dataset` – loading the curated tables;
- :mod:`helpers.build` / :mod:`helpers.validate` – building and checking ``data/processed``;
- :mod:`helpers.models` – adoption models, intervals and backtests;
- :mod:`helpers.plotting` – the house style and reproducible figure files.

Importing the package prints and logs nothing; submodules are imported on demand.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
