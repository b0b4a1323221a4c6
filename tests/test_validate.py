"""`python -m helpers.validate` names the file, line and column of every problem."""

import csv
import os
import shutil
import subprocess
import sys

import pytest

from helpers import build, dataset, paths, validate

SOURCE = {
    "source_id": "haiduong-20241121-baohaiduong",
    "url": "https://example.org/hai-duong-project-06",
    "publisher": "Hai Duong Newspaper",
    "title": "Project 06 review meeting",
    "published": "2024-11-21",
    "accessed": "2026-11-24",
    "language": "en",
    "kind": "news",
    "seed_file": "",
    "notes": "",
}
FIGURE = {
    "figure_id": "haiduong-20241121-baohaiduong-01",
    "source_id": "haiduong-20241121-baohaiduong",
    "province": "Hải Dương",
    "indicator": "essential_services_online",
    "stated": "453,520/495,192 (92%)",
    "as_of": "2024-01-01/2024-11-11",
    "as_of_basis": "stated",
    "denominator_kind": "total",
    "geography": "pre2025",
    "scope": "25 essential services",
    "context": "Provincial review meeting.",
    "curator_note": "",
}
TARGET = {
    "target_id": "vn-online-2024",
    "indicator": "online_applications",
    "province": "Vietnam",
    "stated": "80%",
    "deadline": "2024",
    "applies_to": "each province",
    "source_id": "haiduong-20241121-baohaiduong",
    "scope": "",
}


def write(path, rows, columns):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def tree(tmp_path):
    raw, ref = tmp_path / "raw", tmp_path / "reference"
    raw.mkdir()
    ref.mkdir()
    shutil.copy(paths.REFERENCE / "indicators.csv", ref / "indicators.csv")
    for name in ("table_sources.csv", "papi_egovernance.csv", "population.csv"):
        shutil.copy(paths.RAW / name, raw / name)
    write(ref / "targets.csv", [TARGET], dataset.TARGET_COLUMNS)

    def make(figures=(), sources=(SOURCE,)):
        second = FIGURE | {"figure_id": FIGURE["figure_id"][:-2] + "02", "stated": "over 5,600",
                           "indicator": "digital_certificates", "denominator_kind": ""}  # fmt: skip
        write(raw / "sources.csv", list(sources), dataset.SOURCE_COLUMNS)
        write(raw / "figures.csv", list(figures) or [FIGURE, second], dataset.FIGURE_COLUMNS)
        return [
            line.replace(f"{tmp_path}/", "")
            for line in validate.validate(raw, ref, check_processed=False)
        ]

    return make


def test_clean_tree_has_no_problems(tree):
    assert tree() == []


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"province": "Atlantis"}, "raw/figures.csv:2: province: unknown province: 'Atlantis'"),
        ({"indicator": "happiness"}, "raw/figures.csv:2: indicator: unknown indicator 'happiness'"),
        ({"stated": "Project 06"}, "raw/figures.csv:2: stated: does not parse"),
        ({"as_of": "2024-13-01"}, "raw/figures.csv:2: as_of: not a calendar date"),
        ({"as_of": "20/11/2024"}, "raw/figures.csv:2: as_of: '20/11/2024' is not a date"),
        ({"as_of": "2025-06"}, "raw/figures.csv:2: as_of: '2025-06' starts after the source"),
        ({"source_id": "nowhere"}, "raw/figures.csv:2: source_id: no source with id 'nowhere'"),
        ({"as_of_basis": "guessed"}, "raw/figures.csv:2: as_of_basis: 'guessed' is not one of"),
        ({"indicator": "dti_rank", "stated": "92%"}, "raw/figures.csv:2: stated: '92%' does not"),
        ({"indicator": "cost_savings", "stated": "US$1.2 million"},
         "raw/figures.csv:2: stated: 'US$1.2 million' is in USD, but cost_savings is kept in VND"),
    ],
)
def test_each_figure_problem_names_file_line_and_column(tree, change, expected):
    problems = tree(figures=[FIGURE | change])
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"url": ""}, "raw/sources.csv:2: url: is empty"),
        ({"url": "", "seed_file": "000_report.txt"}, None),
        ({"published": ""}, "raw/sources.csv:2: published: is empty"),
        ({"url": "example.org/x"}, "raw/sources.csv:2: url: 'example.org/x' is not an http(s) URL"),
        ({"published": "21/11/2024"}, "raw/sources.csv:2: published: '21/11/2024' is not a date"),
    ],
)
def test_source_problems(tree, change, expected):
    problems = tree(figures=[FIGURE], sources=[SOURCE | change])
    if expected is None:  # a seed report whose page was not found may go without a URL
        assert problems == []
    else:
        assert any(p.startswith(expected) for p in problems), problems


def test_duplicate_ids_are_reported_on_both_lines(tree):
    problems = tree(figures=[FIGURE, FIGURE], sources=[SOURCE, SOURCE])
    for expected in [
        "raw/figures.csv:2: figure_id: duplicate id",
        "raw/figures.csv:3: figure_id: duplicate id",
        "raw/sources.csv:3: source_id: duplicate id",
    ]:
        assert any(p.startswith(expected) for p in problems), problems


def test_malformed_csv_reports_the_record_line(tree, tmp_path):
    tree()
    figures = tmp_path / "raw" / "figures.csv"
    text = figures.read_text().splitlines()
    text.insert(2, "only,three,fields")
    figures.write_text("\n".join(text) + "\n")
    problems = validate.validate(tmp_path / "raw", tmp_path / "reference", check_processed=False)
    assert any(":3: row: has 3 field(s), the header has 12" in p for p in problems), problems


def test_spreadsheet_exports_with_a_byte_order_mark_and_crlf_read_cleanly(tree, tmp_path):
    tree()
    figures = tmp_path / "raw" / "figures.csv"
    text = figures.read_text(encoding="utf-8").replace("\n", "\r\n")
    figures.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    problems = validate.validate(tmp_path / "raw", tmp_path / "reference", check_processed=False)
    assert problems == []


def test_a_file_that_is_not_utf8_is_named_with_its_line(tree, tmp_path):
    tree()
    figures = tmp_path / "raw" / "figures.csv"
    lines = figures.read_bytes().splitlines()
    legacy = lines[1].replace("Hải Dương".encode(), b"H\xe0i D\xfeong")  # a Windows code page
    figures.write_bytes(b"\n".join([*lines, legacy]) + b"\n")
    problems = validate.validate(tmp_path / "raw", tmp_path / "reference", check_processed=False)
    expected = "raw/figures.csv:4: file: not UTF-8 text (byte 0xe0)"
    assert any(expected in p for p in problems), problems


def test_line_numbers_follow_the_file_when_a_field_spans_lines(tree):
    multi = FIGURE | {"scope": "first line\nsecond line"}
    bad = FIGURE | {"figure_id": "x-02", "province": "Atlantis"}
    problems = tree(figures=[multi, bad])
    assert any(p.startswith("raw/figures.csv:4: province") for p in problems), problems


def test_missing_column_is_a_header_problem(tree, tmp_path):
    tree()
    sources = tmp_path / "raw" / "sources.csv"
    lines = sources.read_text().splitlines()
    lines[0] = lines[0].replace("url", "link")
    sources.write_text("\n".join(lines) + "\n")
    problems = validate.validate(tmp_path / "raw", tmp_path / "reference", check_processed=False)
    problems = [p.replace(f"{tmp_path}/", "") for p in problems]
    assert "raw/sources.csv:1: header: missing column 'url'" in problems


def test_target_with_unknown_source(tree, tmp_path):
    write(tmp_path / "reference" / "targets.csv", [TARGET | {"source_id": "x"}],
          dataset.TARGET_COLUMNS)  # fmt: skip
    assert "reference/targets.csv:2: source_id: no source 'x'" in tree()


def test_rejected_rows_are_counted_not_dropped(tree, tmp_path):
    tree(figures=[FIGURE, FIGURE | {"figure_id": "x-02", "province": "Atlantis"}])
    result = build.build(tmp_path / "raw", tmp_path / "reference")
    assert len(result.observations) == 1
    assert result.rejects["figure_id"].tolist() == ["x-02"]
    assert result.rejects["line"].tolist() == [3]


def test_cli_exits_non_zero_and_prints_one_line_per_problem(monkeypatch, capsys):
    monkeypatch.setattr(validate, "validate", lambda: ["a.csv:2: x: bad", "a.csv:3: y: bad"])
    assert validate.main() == 1
    assert capsys.readouterr().out.splitlines() == ["a.csv:2: x: bad", "a.csv:3: y: bad"]


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"stated": "several hundred"},
         "raw/figures.csv:2: stated: does not parse: cannot read 'several hundred': "
         "'several hundred' is a vague amount"),
        ({"stated": "hàng nghìn hồ sơ"},
         "raw/figures.csv:2: stated: does not parse: cannot read 'hàng nghìn hồ sơ': "
         "'hàng nghìn' is a vague amount"),
        ({"stated": "1.5 or 2 million"}, "raw/figures.csv:2: stated: does not parse"),
        ({"stated": "giảm 3 lần"}, "raw/figures.csv:2: stated: does not parse"),
        ({"stated": "5 million pounds"}, "raw/figures.csv:2: stated: does not parse"),
        ({"indicator": "cost_savings", "stated": "£2 million"},
         "raw/figures.csv:2: stated: '£2 million' is in GBP: the dataset keeps money in VND or "
         "USD only"),
        ({"indicator": "other", "stated": "2 triệu euro"},
         "raw/figures.csv:2: stated: '2 triệu euro' is in EUR"),
        ({"indicator": "other", "stated": "5,000 ha"},
         "raw/figures.csv:2: stated: '5,000 ha' is in ha, a unit no indicator measures"),
        ({"indicator": "digital_certificates", "stated": "12 tấn"},
         "raw/figures.csv:2: stated: '12 tấn' is in tonne, a unit no indicator measures"),
        ({"indicator": "service_index_rank", "stated": "tăng 3 bậc"},
         "raw/figures.csv:2: stated: 'tăng 3 bậc' does not read as rank"),
        ({"indicator": "eid_accounts", "stated": "up 7 places"},
         "raw/figures.csv:2: stated: 'up 7 places' reads as places, which eid_accounts (kept "
         "in count) does not measure"),
        ({"indicator": "project06_budget", "stated": "15 billion"},
         "raw/figures.csv:2: stated: '15 billion' reads as count, which project06_budget"),
    ],
)  # fmt: skip
def test_a_phrase_or_unit_the_indicator_cannot_hold_is_refused(tree, change, expected):
    problems = tree(figures=[FIGURE | change])
    assert any(p.startswith(expected) for p in problems), problems


def test_a_fall_is_kept_with_its_sign(tree, tmp_path):
    fall = FIGURE | {"indicator": "online_applications", "stated": "giảm 5%"}
    assert tree(figures=[fall]) == []
    row = build.build(tmp_path / "raw", tmp_path / "reference").observations.iloc[0]
    assert (row["value"], row["unit"], row["measure"]) == (-5.0, "percent", "change")


def _data_tree_copy(tmp_path, bad_stated: str, indicator: str):
    """A copy of the repository's data tree with one bad figure row appended."""
    root = tmp_path / "repo"
    shutil.copytree(paths.DATA, root / "data")
    shutil.copy(paths.ROOT / "pyproject.toml", root / "pyproject.toml")
    figures = root / "data" / "raw" / "figures.csv"
    with figures.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    bad = rows[0] | {"figure_id": "zz-bad-01", "stated": bad_stated, "indicator": indicator}
    with figures.open("a", newline="", encoding="utf-8") as handle:
        csv.DictWriter(handle, dataset.FIGURE_COLUMNS, lineterminator="\n").writerow(bad)
    line = len(figures.read_text(encoding="utf-8").splitlines())
    return root, line


@pytest.mark.parametrize(
    "module, bad_stated, indicator, reason",
    [
        ("validate", "vài trăm hộ", "other", "'vài trăm' is a vague amount"),
        ("build", "5,000 ha", "other", "'5,000 ha' is in ha, a unit no indicator measures"),
    ],
)
def test_the_commands_refuse_a_bad_row_in_a_copy_of_the_data(
    tmp_path, module, bad_stated, indicator, reason
):
    root, line = _data_tree_copy(tmp_path, bad_stated, indicator)
    env = {**os.environ, "PROJECT06_ROOT": str(root)}
    done = subprocess.run(
        [sys.executable, "-m", f"helpers.{module}"], env=env, capture_output=True, text=True
    )
    expected = f"data/raw/figures.csv:{line}: stated: "
    shown = [x for x in (done.stdout + done.stderr).splitlines() if x.startswith(expected)]
    assert shown and reason in shown[0], done
    assert done.returncode == (1 if module == "validate" else 0)
    if module == "build":
        rejects = (root / "data" / "processed" / "rejects.csv").read_text(encoding="utf-8")
        assert "zz-bad-01" in rejects
