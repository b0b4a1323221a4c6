"""The dataset as a Frictionless data package: every published table and every column described.

``python -m helpers.datapackage OUT_DIR`` copies the tables into ``OUT_DIR`` and writes
``datapackage.json`` beside them (the rendered report offers both for download). The
descriptions here are the codebook of the dataset; a test fails when a table gains a column
that is not described, and validates the package with the ``frictionless`` library.

Example:
    >>> descriptor = package()
    >>> [r["name"] for r in descriptor["resources"]][:2]
    ['observations', 'sources']
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from helpers import citation, dataset, paths

STRING, NUMBER, INTEGER, BOOLEAN, DATE = "string", "number", "integer", "boolean", "date"

#: The observations: one row per figure, with its reading, audit flags and source.
OBSERVATIONS = {
    "figure_id": (STRING, "Identifier of the figure (source id and a running number)."),
    "province_code": (STRING, "Official code of the province (pre-2025), 'VN' for the nation, "
                              "or blank for a post-2025 unit."),
    "province": (STRING, "Province, 2025 unit or 'Vietnam', in English without diacritics."),
    "province_vi": (STRING, "The same name in Vietnamese."),
    "region": (STRING, "Socio-economic region of the province (blank for the nation)."),
    "unit_2025": (STRING, "The unit (of 34) the province belongs to from 1 July 2025."),
    "geography": (STRING, "pre2025: one of the 63 provinces (or the nation); post2025: one of "
                          "the 34 units formed on 1 July 2025."),
    "indicator": (STRING, "Indicator code (data/reference/indicators.csv)."),
    "indicator_name": (STRING, "Indicator in words."),
    "measure": (STRING, "level: the state at a date; change: an increase or fall."),
    "as_of": (STRING, "The date or period the figure describes, as YYYY, YYYY-MM, YYYY-MM-DD or "
                      "start/end."),
    "as_of_start": (DATE, "First day of that date or period."),
    "as_of_end": (DATE, "Last day of that date or period."),
    "as_of_precision": (STRING, "day, month, year or period."),
    "as_of_basis": (STRING, "stated: the source gives the date; inferred: worked out from it."),
    "value": (NUMBER, "The number as read from the stated phrase (a count, percent, amount, "
                      "score or rank, in the unit of 'unit')."),
    "upper": (NUMBER, "Upper end when the phrase states a range (value is then the lower end)."),
    "denominator": (NUMBER, "The whole the value is part of, when stated ('X of Y')."),
    "denominator_kind": (STRING, "What the denominator is: total, target (a quota), eligible, "
                                 "group, other."),
    "percent_stated": (NUMBER, "Percentage given alongside a count in the phrase."),
    "percent_computed": (NUMBER, "value / denominator × 100, where both are stated."),
    "rate": (NUMBER, "The figure as a share in percent, stated or computed (blank if neither)."),
    "unit": (STRING, "count, percent, VND, USD, points or rank."),
    "qualifier": (STRING, "How the phrase bounds the number: exact, about, over, more than, "
                          "nearly, under, exceeding …"),
    "stated": (STRING, "The number phrase exactly as the source words it."),
    "scope": (STRING, "What the figure covers, in the dataset's words."),
    "context": (STRING, "What the source says the figure is, in the dataset's words."),
    "curator_note": (STRING, "Why a reading or date was chosen; doubts are written here."),
    "source_id": (STRING, "Identifier of the source (the sources table)."),
    "source_url": (STRING, "Address of the source page (blank for a seed report whose original "
                           "page was not found)."),
    "seed_file": (STRING, "The seed report file the figure was read in, if any."),
    "publisher": (STRING, "Publisher of the source."),
    "published": (STRING, "Publication date of the source (YYYY, YYYY-MM or YYYY-MM-DD)."),
    "language": (STRING, "Language of the source: en or vi."),
    "flags": (STRING, "Audit flags, separated by ';' (the flag_ columns one by one)."),
    "flag_percent_mismatch": (BOOLEAN, "The stated percent and value / denominator differ."),
    "flag_above_denominator": (BOOLEAN, "The value exceeds its denominator."),
    "flag_sources_disagree": (BOOLEAN, "Another source gives a materially different value for "
                                       "the same province, indicator and date."),
    "flag_ambiguous_increase": (BOOLEAN, "An 'increase of N%' that may be points or relative."),
    "flag_date_inferred": (BOOLEAN, "The date was worked out, not stated."),
    "above_denominator_meaning": (STRING, "Why a value above its denominator is not an error "
                                          "(e.g. 'target exceeded')."),
}

SOURCES = {
    "source_id": (STRING, "Identifier of the source."),
    "url": (STRING, "Address of the page or file read."),
    "publisher": (STRING, "Who published it."),
    "title": (STRING, "Title of the page or file, in the dataset's words where translated."),
    "published": (STRING, "Publication date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    "accessed": (STRING, "Date the page or file was read."),
    "language": (STRING, "en or vi."),
    "number_style": (STRING, "How the page writes numbers when that differs from its language."),
    "kind": (STRING, "news, government, ministry-ranking or other."),
    "seed_file": (STRING, "The seed report file, for sources given as text."),
    "notes": (STRING, "How the source was read, in the dataset's words."),
}

INDICATORS = {
    "code": (STRING, "Indicator code."),
    "name": (STRING, "Indicator in words."),
    "group": (STRING, "Group of indicators (e-ID, ID cards, online services …)."),
    "unit": (STRING, "The unit its figures are counted in."),
    "higher_is_better": (BOOLEAN, "Whether a higher value means more progress."),
    "definition": (STRING, "What the indicator counts."),
}

PAPI = {
    "province_code": (STRING, "Official code of the province."),
    "province": (STRING, "Province in English without diacritics."),
    "unit_2025": (STRING, "The unit it belongs to from 1 July 2025."),
    "year": (INTEGER, "Survey year."),
    "dimension": (STRING, "PAPI dimension: 8 (e-governance), 8.1, 8.2, 8.3, or total."),
    "dimension_name": (STRING, "The dimension in words."),
    "scale_min": (NUMBER, "Lowest value the dimension can take."),
    "scale_max": (NUMBER, "Highest value the dimension can take."),
    "value": (NUMBER, "The province's score (blank where the workbook has none)."),
    "flag": (STRING, "Why a row is missing or to be read with care."),
    "source_id": (STRING, "Identifier of the source (table_sources.csv)."),
}

POPULATION = {
    "province_code": (STRING, "Official code of the province."),
    "province": (STRING, "Province in English without diacritics."),
    "unit_2025": (STRING, "The unit it belongs to from 1 July 2025."),
    "year": (INTEGER, "Year."),
    "population": (INTEGER, "Average population of the year (persons), GSO table V02.01."),
    "source_id": (STRING, "Identifier of the source (table_sources.csv)."),
}

#: name -> (file, codebook, title, primary key)
TABLES = {
    "observations": (dataset.OBSERVATIONS, OBSERVATIONS,
                     "Project 06 figures, one row per figure, with their sources", ["figure_id"]),
    "sources": (dataset.SOURCES, SOURCES, "The sources the figures were read in", ["source_id"]),
    "indicators": (dataset.INDICATORS, INDICATORS, "The indicator codebook", ["code"]),
    "papi": (paths.PROCESSED / "papi.csv", PAPI,
             "PAPI e-governance scores by province and year (CECODES, RTA, UNDP)",
             ["province_code", "year", "dimension"]),
    "population": (paths.PROCESSED / "population.csv", POPULATION,
                   "Average population by province and year (GSO)", ["province_code", "year"]),
}  # fmt: skip


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\n").split(",")


def package() -> dict:
    """The ``datapackage.json`` descriptor, fields in the order of each file's header.

    Raises:
        KeyError: naming the table and column when a column has no description.

    Example:
        >>> fields = package()["resources"][0]["schema"]["fields"]
        >>> fields[0]["name"], fields[0]["type"]
        ('figure_id', 'string')
    """
    cff = citation.load()
    resources = []
    for name, (path, codebook, title, key) in TABLES.items():
        fields = []
        for column in _header(path):
            if column not in codebook:
                raise KeyError(f"{path.name}: column {column!r} has no description in "
                               "helpers.datapackage")  # fmt: skip
            kind, description = codebook[column]
            field = {"name": column, "type": kind, "description": description}
            if kind == BOOLEAN:
                field |= {"trueValues": ["True", "true"], "falseValues": ["False", "false"]}
            fields.append(field)
        resources.append({
            "name": name, "path": path.name, "title": title, "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": fields, "primaryKey": key, "missingValues": [""]},
        })  # fmt: skip
    return {
        "name": "project06-provinces",
        "title": cff["title"],
        "description": " ".join(cff["abstract"].split()),
        "version": cff["version"],
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
        "resources": resources,
    }


def write(out_dir: Path) -> Path:
    """Copy the tables into ``out_dir`` and write ``datapackage.json``; return its path.

    Example:
        >>> import tempfile
        >>> write(Path(tempfile.mkdtemp())).name
        'datapackage.json'
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    descriptor = package()
    for path, *_ in TABLES.values():
        shutil.copyfile(path, out_dir / path.name)
    target = out_dir / "datapackage.json"
    target.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n",
                      encoding="utf-8")  # fmt: skip
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.datapackage", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    print(write(parser.parse_args(argv).out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
