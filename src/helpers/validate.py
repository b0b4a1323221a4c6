"""Check the whole data tree; print one line per problem, ``file:line: column: what is wrong``.

``python -m helpers.validate`` exits 0 when the data is clean and 1 otherwise. It reports
malformed CSV, missing or duplicated columns, schema violations (dates, ids, allowed values,
missing URL or publication date), unknown provinces and indicators, ``stated`` phrases that do
not parse, source ids with no source, targets that point nowhere, a processed tree that is
out of date, and in the all-province tables (PAPI, population; :mod:`helpers.panels`) an
unknown province, a missing or duplicated province-year, a year the source does not hold and a
value outside the index's scale.

Example:
    >>> problems = validate()
    >>> all(isinstance(p, str) for p in problems)
    True
"""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import build, dataset, paths, provinces
from helpers.dataset import Problem


def _target_problems(tables: dict, reference: Path) -> list[Problem]:
    file = dataset.relative(reference / "targets.csv")
    known_sources = set(tables["sources"]["source_id"])
    known_indicators = set(tables["indicators"]["code"])
    found = []
    for _, row in tables["targets"].iterrows():
        line = int(row["_line"])
        if row["source_id"] not in known_sources:
            found.append(Problem(file, line, "source_id", f"no source {row['source_id']!r}"))
        if row["indicator"] not in known_indicators:
            found.append(
                Problem(file, line, "indicator", f"unknown indicator {row['indicator']!r}")
            )
        if provinces.try_resolve(row["province"]) is None:
            found.append(Problem(file, line, "province", f"unknown province {row['province']!r}"))
    return found


def validate(
    raw: Path = paths.RAW, reference: Path = paths.REFERENCE, check_processed: bool = True
) -> list[str]:
    """All problems in the data tree, as printable lines, sorted by file and line.

    Example:
        >>> validate(check_processed=False) == []
        True
    """
    result = build.build(raw, reference)
    problems = list(result.problems) + _target_problems(result.inputs, reference)
    lines = [str(p) for p in sorted(set(problems))]
    if check_processed:
        for path, text in build.outputs(result).items():
            current = path.read_text(encoding="utf-8") if path.is_file() else None
            if current != text:
                lines.append(
                    f"{dataset.relative(path)}:1: file: out of date, run `make build-data`"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    problems = validate()
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("data tree is valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
