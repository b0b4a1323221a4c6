"""Score figure extractors on the labelled evaluation passages in ``data/evaluation/``.

The passages imitate provincial reports, in English and in Vietnamese (their numbers are
invented for the purpose), and label every number in them: the figures a curator would record,
with their reading (value, unit, qualifier, denominator, range), and the numbers that are not
figures (dates, years, periods, identifiers, meeting ordinals, service levels, times of day,
codes, vague amounts such as "hàng nghìn").

An extractor is any function ``text -> DataFrame`` with columns ``start``, ``end`` and ``value``.
A prediction is correct when its span overlaps a labelled figure and its value equals the
labelled value. Three numbers summarise a run:

- recall: the share of labelled figures that some correct prediction finds;
- precision: the share of predictions that are correct;
- non-figures returned: the share of labelled non-figures that some prediction overlaps.

:func:`scores_by_language` reports them for the English and the Vietnamese passages apart
(``python -m helpers.evaluation --csv`` prints that table), and :func:`misread` lists the
figures found with the right value but read with another unit, qualifier or range.

Example:
    >>> passages = load_passages()
    >>> row = score(passages, ours)
    >>> row["recall"] >= 0.95 and row["precision"] >= 0.95
    True
"""

from __future__ import annotations

import argparse
import functools
import math
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from helpers import paths
from helpers.extract import find_figures
from helpers.quantities import parse_quantity

PASSAGES = paths.EVALUATION / "passages.yaml"
Extractor = Callable[[str], pd.DataFrame]


@dataclass
class Label:
    """One labelled span of a passage; a figure also carries its reading (unit, qualifier...)."""

    start: int
    end: int
    text: str
    kind: str  # "figure" or the kind of non-figure (date, year, identifier, vague, ...)
    value: float | None = None
    reading: dict = field(default_factory=dict)


@dataclass
class Passage:
    """A passage with its labels, and the language its numbers are written in."""

    id: str
    text: str
    lang: str | None
    figures: list[Label] = field(default_factory=list)
    non_figures: list[Label] = field(default_factory=list)

    @property
    def language(self) -> str:
        """"vi" for a passage in Vietnamese, "en" for one in English."""
        return "vi" if self.lang == "vi" else "en"


#: What a figure's label may say besides its value, and what it means when it is left out.
READING = {"unit": "count", "qualifier": "exact", "denominator": None, "upper": None,
           "percent": None}  # fmt: skip
LANGUAGES = {"en": "English", "vi": "Vietnamese"}
#: What each kind of label means, in words, for readers' tables.
KINDS = {
    "figure": "Figure (a value a curator records)",
    "year": "Year",
    "date": "Date",
    "identifier": "Identifier (decision, project or document number)",
    "period": "Length of time (9 months, 30 days)",
    "time": "Time of day",
    "level": "Level of an online service",
    "code": "Code or name with a digit (5G, C06)",
    "ordinal": "Meeting or session number",
    "vague": "Vague amount (no point value)",
}


def _locate(text: str, phrase: str, occurrence: int, where: str) -> tuple[int, int]:
    """Span of the n-th whole-word occurrence of ``phrase`` ("20" is not found inside "2024")."""
    found = list(re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text))
    if len(found) < occurrence:
        raise ValueError(f"{where}: {phrase!r} (occurrence {occurrence}) is not in the text")
    return found[occurrence - 1].span()


def load_passages(path: Path = PASSAGES) -> list[Passage]:
    """Read the passages and turn each labelled phrase into a character span.

    Raises:
        ValueError: naming the file, passage and phrase when a label is not in its passage.

    Example:
        >>> p = load_passages()[0]
        >>> p.text[p.figures[0].start : p.figures[0].end]
        'over 5,600'
    """
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    passages = []
    for record in records:
        text = " ".join(record["text"].split())
        passage = Passage(record["id"], text, record.get("lang"))
        for entry in record.get("figures") or []:
            where = f"{path.name}: {record['id']}"
            start, end = _locate(text, entry["text"], entry.get("occurrence", 1), where)
            reading = {key: entry.get(key, default) for key, default in READING.items()}
            passage.figures.append(
                Label(start, end, entry["text"], "figure", float(entry["value"]), reading)
            )
        for entry in record.get("non_figures") or []:
            where = f"{path.name}: {record['id']}"
            start, end = _locate(text, entry["text"], entry.get("occurrence", 1), where)
            passage.non_figures.append(Label(start, end, entry["text"], entry["kind"]))
        passages.append(passage)
    return passages


def ours(text: str, lang: str | None = None) -> pd.DataFrame:
    """This repository's extractor, :func:`helpers.extract.find_figures`.

    Example:
        >>> ours("It reached 92%.").to_dict("records")
        [{'start': 11, 'end': 14, 'value': 92.0}]
    """
    return find_figures(text, lang)[["start", "end", "value"]]


def quantulum(text: str, lang: str | None = None) -> pd.DataFrame:
    """quantulum3's general-purpose quantity parser, as a baseline (English only; ``lang`` is
    ignored). Its warning that the optional unit classifier is not installed is silenced: the
    classifier only disambiguates units, which this comparison does not score.

    Example:
        >>> quantulum("It reached 92%.").to_dict("records")
        [{'start': 11, 'end': 14, 'value': 92.0}]
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        found = parser.parse(text)
    rows = [{"start": q.span[0], "end": q.span[1], "value": float(q.value)} for q in found]
    return pd.DataFrame(rows, columns=["start", "end", "value"])


#: The extractors compared in the report, under the names readers see.
COMPARED = {"Project extractor": ours, "quantulum3": quantulum}


def label_counts(passages: list[Passage]) -> pd.DataFrame:
    """How many spans of each kind are labelled, in the English and the Vietnamese passages.

    Columns ``kind`` (in words, from :data:`KINDS`), ``English`` and ``Vietnamese``; figures
    first, then the most frequent kinds (ties by name).

    Example:
        >>> label_counts(load_passages()).iloc[0]["kind"]
        'Figure (a value a curator records)'
    """
    counts: dict[str, dict[str, int]] = {}
    for p in passages:
        for label in p.figures + p.non_figures:
            row = counts.setdefault(label.kind, dict.fromkeys(LANGUAGES.values(), 0))
            row[LANGUAGES[p.language]] += 1
    table = pd.DataFrame.from_dict(counts, orient="index").rename_axis("code").reset_index()
    table["first"] = table["code"].ne("figure")
    table["total"] = table[list(LANGUAGES.values())].sum(axis=1)
    table = table.sort_values(["first", "total", "code"], ascending=[True, False, True])
    table["kind"] = table["code"].map(lambda kind: KINDS.get(kind, kind))
    return table[["kind", *LANGUAGES.values()]].reset_index(drop=True)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def match(passage: Passage, predicted: pd.DataFrame) -> dict[str, int]:
    """Counts for one passage: labelled figures found, predictions correct, non-figures hit.

    Example:
        >>> p = load_passages()[0]
        >>> match(p, ours(p.text))["figures_found"] == len(p.figures)
        True
    """
    preds = list(predicted[["start", "end", "value"]].itertuples(index=False))
    correct = [
        any(_overlaps(s, e, f.start, f.end) and _same(v, f.value) for f in passage.figures)
        for s, e, v in preds
    ]
    found = [
        any(_overlaps(s, e, f.start, f.end) and _same(v, f.value) for s, e, v in preds)
        for f in passage.figures
    ]
    hit = [any(_overlaps(s, e, n.start, n.end) for s, e, _ in preds) for n in passage.non_figures]
    return {
        "figures": len(passage.figures),
        "figures_found": sum(found),
        "predictions": len(preds),
        "predictions_correct": sum(correct),
        "non_figures": len(passage.non_figures),
        "non_figures_returned": sum(hit),
    }


@functools.lru_cache(maxsize=1024)
def _read(extractor: Callable, text: str, lang: str | None) -> pd.DataFrame:
    # What an extractor returns for a passage, asked once per process: the scores, the error
    # lists and chapter 6 read the same passages several times, and an extractor gives the same
    # answer each time. The table is shared: callers only read it. Timings call the extractor.
    return extractor(text, lang)


def score(passages: list[Passage], extractor: Extractor) -> dict[str, float]:
    """Recall, precision and the share of non-figures returned over all passages.

    Example:
        >>> sorted(score(load_passages()[:2], ours))[:3]
        ['figures', 'figures_found', 'non_figures']
    """
    totals: dict[str, float] = {}
    for passage in passages:
        for key, value in match(passage, _read(extractor, passage.text, passage.lang)).items():
            totals[key] = totals.get(key, 0) + value
    totals["recall"] = totals["figures_found"] / totals["figures"]
    totals["precision"] = totals["predictions_correct"] / max(totals["predictions"], 1)
    totals["non_figures_rate"] = totals["non_figures_returned"] / max(totals["non_figures"], 1)
    return totals


def misses(passages: list[Passage], extractor: Extractor) -> pd.DataFrame:
    """Every labelled figure not found and every wrong prediction, for reading the errors.

    Example:
        >>> misses(load_passages(), ours).columns.tolist()
        ['passage', 'error', 'text', 'value']
    """
    rows = []
    for p in passages:
        predicted = _read(extractor, p.text, p.lang)
        preds = list(predicted[["start", "end", "value"]].itertuples(index=False))
        for f in p.figures:
            if not any(_overlaps(s, e, f.start, f.end) and _same(v, f.value) for s, e, v in preds):
                rows.append({"passage": p.id, "error": "missed", "text": f.text, "value": f.value})
        for s, e, v in preds:
            if not any(_overlaps(s, e, f.start, f.end) and _same(v, f.value) for f in p.figures):
                rows.append({"passage": p.id, "error": "wrong", "text": p.text[s:e], "value": v})
    return pd.DataFrame(rows, columns=["passage", "error", "text", "value"])


MISSED, WRONG = "figure missed", "returned, but not a figure"
ERROR_COLUMNS = ["passage", "language", "text", "problem", "label", "read"]


def _error_rows(passages: list[Passage], extractor: Extractor) -> list[dict]:
    """:func:`misses` as rows of :data:`ERROR_COLUMNS`, values as text."""
    language = {p.id: LANGUAGES[p.language] for p in passages}
    rows = []
    for r in misses(passages, extractor).itertuples(index=False):
        missed = r.error == "missed"
        rows.append({"passage": r.passage, "language": language[r.passage], "text": r.text,
                     "problem": MISSED if missed else WRONG,
                     "label": _show(r.value) if missed else None,
                     "read": None if missed else _show(r.value)})  # fmt: skip
    return rows


def error_examples(
    passages: list[Passage], extractor: Extractor, per_kind: int = 4
) -> pd.DataFrame:
    """The first ``per_kind`` figures missed and numbers wrongly returned by ``extractor`` in
    each language, in the order of the passages (:func:`misses`, with :data:`ERROR_COLUMNS`).

    Example:
        >>> table = error_examples(load_passages(), quantulum, per_kind=1)
        >>> table[["language", "problem", "label", "read"]].fillna("").values.tolist()[:2]
        [['English', 'figure missed', '453,520', ''], ['English', 'returned, but not a figure', '', '20']]
    """  # noqa: E501
    table = pd.DataFrame(_error_rows(passages, extractor), columns=ERROR_COLUMNS)
    table = table.sort_values(["language", "problem"], kind="stable")
    return table.groupby(["language", "problem"]).head(per_kind).reset_index(drop=True)


def departures(passages: list[Passage]) -> pd.DataFrame:
    """Every way :func:`helpers.extract.find_figures` departs from the labels: a labelled figure
    missed, a number returned that is no labelled figure, or a figure found with the right value
    but read otherwise (:func:`misread`), passage by passage. Empty when it reads the whole set
    as labelled.

    Example:
        >>> departures(load_passages()).columns.tolist()
        ['passage', 'language', 'text', 'problem', 'label', 'read']
    """
    rows = _error_rows(passages, ours)
    language = {p.id: LANGUAGES[p.language] for p in passages}
    for r in misread(passages).itertuples(index=False):
        rows.append({"passage": r.passage, "language": language[r.passage], "text": r.text,
                     "problem": f"{r.field} read otherwise",
                     "label": None if r.label is None else str(r.label),
                     "read": None if r.read is None else str(r.read)})  # fmt: skip
    order = {p.id: k for k, p in enumerate(passages)}
    table = pd.DataFrame(rows, columns=ERROR_COLUMNS)
    table = table.sort_values("passage", key=lambda ids: ids.map(order), kind="stable")
    return table.reset_index(drop=True)


def scores_by_language(
    passages: list[Passage], extractors: dict[str, Extractor]
) -> pd.DataFrame:
    """:func:`score` for each extractor on the English and on the Vietnamese passages apart.

    Example:
        >>> table = scores_by_language(load_passages(), {"find_figures": ours})
        >>> table[["extractor", "language"]].values.tolist()
        [['find_figures', 'English'], ['find_figures', 'Vietnamese']]
    """
    rows = []
    for name, extractor in extractors.items():
        for code, language in LANGUAGES.items():
            chosen = [p for p in passages if p.language == code]
            rows.append({"extractor": name, "language": language, "passages": len(chosen),
                         **score(chosen, extractor)})  # fmt: skip
    columns = ["extractor", "language", "passages", "figures", "predictions", "recall",
               "precision", "non_figures", "non_figures_rate"]  # fmt: skip
    return pd.DataFrame(rows)[columns]


def misread(passages: list[Passage]) -> pd.DataFrame:
    """Labelled figures that :func:`helpers.extract.find_figures` finds with the right value but
    reads differently from the label: another unit, qualifier, denominator, upper end or share.

    Example:
        >>> misread(load_passages()).columns.tolist()
        ['passage', 'text', 'field', 'label', 'read']
    """
    rows = []
    for p in passages:
        found = _read(find_figures, p.text, p.lang)
        for f in p.figures:
            hit = found[(found["start"] < f.end) & (found["end"] > f.start)]
            hit = hit[[_same(v, f.value) for v in hit["value"]]]
            if hit.empty:
                continue
            read = hit.iloc[0]
            for key, labelled in f.reading.items():
                got = None if pd.isna(read[key]) else read[key]
                same = (got is None and labelled is None) or (
                    got is not None and labelled is not None and (
                        _same(float(got), float(labelled)) if key not in ("unit", "qualifier")
                        else got == labelled
                    )
                )  # fmt: skip
                if not same:
                    rows.append({"passage": p.id, "text": f.text, "field": key,
                                 "label": labelled, "read": got})  # fmt: skip
    return pd.DataFrame(rows, columns=["passage", "text", "field", "label", "read"])


#: One phrase of each class the parser reads in full or refuses, in English and Vietnamese.
TRICKY_PHRASES = {
    "vague amount": ["several hundred households", "hàng chục nghìn hồ sơ"],
    "range sharing a scale word": ["1.5-2 million", "từ 1,5 đến 2 triệu"],
    "fall": ["decreased by 5%", "giảm 5% so với cùng kỳ"],
    "fraction in words": ["two-thirds of communes", "một phần ba số xã"],
    "multiplier": ["3 times higher", "tăng gấp đôi"],
    "currency or unit not held": ["£2 million", "5.000 ha đất"],
    "change of rank": ["moved up 7 places", "tụt 2 bậc"],
}


def _show(x: float | None) -> str | None:
    if x is None:
        return None
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4f}".rstrip("0")


def readings(phrases: dict[str, list[str]] = TRICKY_PHRASES) -> pd.DataFrame:
    """How :func:`helpers.quantities.parse_quantity` reads each phrase, or why it refuses it.

    Numbers are shown as text, in full for whole numbers and to four decimals otherwise; a
    reading without an upper end, and a refused phrase's reading, are missing (None or NaN).

    Example:
        >>> readings({"fall": ["giảm 5%"]})[["phrase", "value", "unit", "measure"]].values.tolist()
        [['giảm 5%', '-5', 'percent', 'change']]
    """
    rows = []
    for kind, examples in phrases.items():
        for phrase in examples:
            try:
                q = parse_quantity(phrase)
            except ValueError as exc:
                reason = str(exc).split(": ", 1)[-1]
                rows.append({"class": kind, "phrase": phrase, "refused because": reason})
                continue
            rows.append({"class": kind, "phrase": phrase, "value": _show(q.value),
                         "upper": _show(q.upper), "unit": q.unit, "qualifier": q.qualifier,
                         "measure": q.measure})  # fmt: skip
    columns = ["class", "phrase", "value", "upper", "unit", "qualifier", "measure",
               "refused because"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def throughput(extractor: Extractor, text: str, min_seconds: float = 0.5) -> float:
    """Megabytes of UTF-8 text per second that ``extractor`` reads on one core.

    The text is run repeatedly until ``min_seconds`` have passed, and the rate of the whole is
    returned. Timing depends on the machine: print it, never assert it.

    Example:
        >>> throughput(ours, "It reached 92% of 5,600.", min_seconds=0.01) > 0
        True
    """
    size = len(text.encode("utf-8"))
    runs, start = 0, time.perf_counter()
    while True:
        extractor(text)
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return runs * size / 1e6 / elapsed


def speeds(passages: list[Passage], size: int = 200_000, min_seconds: float = 0.5) -> pd.DataFrame:
    """How fast each extractor of :data:`COMPARED` reads the passages, on one core: the project's
    extractor on the passages repeated to about ``size`` characters, quantulum3 (far slower) on
    the passages once.

    Columns ``extractor``, ``kilobytes`` (UTF-8 text timed) and ``mb_per_s``. The rates depend on
    the machine and its load: show them, never assert them.

    Example:
        >>> table = speeds(load_passages()[:3], size=2_000, min_seconds=0.01)
        >>> table["extractor"].tolist(), bool((table["mb_per_s"] > 0).all())
        (['Project extractor', 'quantulum3'], True)
    """
    texts = {"Project extractor": corpus(passages, size), "quantulum3": corpus(passages, 1)}
    rows = []
    for name, extractor in COMPARED.items():
        extractor("warm up")  # loads any tables once, outside the timing
        rows.append({"extractor": name, "kilobytes": len(texts[name].encode("utf-8")) / 1000,
                     "mb_per_s": throughput(extractor, texts[name], min_seconds)})  # fmt: skip
    return pd.DataFrame(rows)


def corpus(passages: list[Passage], size: int = 1_000_000) -> str:
    """The passages' text repeated to about ``size`` characters (a report-sized workload).

    Example:
        >>> len(corpus(load_passages(), 10_000)) >= 10_000
        True
    """
    one = "\n\n".join(p.text for p in passages)
    return "\n\n".join([one] * max(1, math.ceil(size / len(one))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.evaluation",
        description="Score the figure extractors on the labelled passages, by language.",
    )
    parser.add_argument("--csv", action="store_true", help="print the scores as CSV")
    parser.add_argument("--no-baseline", action="store_true", help="leave quantulum3 out")
    args = parser.parse_args(argv)
    extractors = {"find_figures": ours} if args.no_baseline else {
        "find_figures": ours, "quantulum3": quantulum}  # fmt: skip
    table = scores_by_language(load_passages(), extractors).round(4)
    if args.csv:
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
