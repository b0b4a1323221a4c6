"""find_figures returns each figure once, with an exact span, and leaves non-figures out."""

import csv
import io
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import extract, paths
from helpers.extract import find_figures
from phrasebook import VAGUE_WORDS, phrases, ranges


def texts(text):
    return find_figures(text)["text"].tolist()


def test_one_row_per_figure_phrase():
    df = find_figures("The rate reached 453,520/495,192 records (92%) this year.")
    assert len(df) == 1
    row = df.iloc[0]
    assert (row.value, row.denominator, row.percent) == (453520, 495192, 92)
    assert "records" in row.text


def test_spans_are_exact():
    text = "Over 5,600 officials, more than 1.2 million accounts and 89.27% of records."
    df = find_figures(text)
    assert df["text"].tolist() == ["Over 5,600", "more than 1.2 million", "89.27%"]
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hai Duong achieved 82.71/100 points, ranking 6th out of 63 provinces.",
         ["82.71/100 points", "ranking 6th out of 63"]),
        ("It saved nearly 15 billion VND for citizens.", ["nearly 15 billion VND"]),
        ("The province connected 13 out of 17 databases.", ["13 out of 17"]),
        ("The rate was 91%, an increase of 66% compared with 2022.",
         ["91%", "an increase of 66%"]),
        ("Tỉnh đã kích hoạt hơn 1,2 triệu tài khoản.", ["hơn 1,2 triệu"]),
        ("The target range is 80-90% of applications.", ["80-90%"]),
        ("Officials in five districts took part.", ["five"]),
        ("Six out of eleven services went live.", ["Six out of eleven"]),
        ("Twenty-five services are on the portal.", ["Twenty-five"]),
        ("One of them is new.", []),  # "one" as a pronoun is not a figure
        ("The project saved US$1.2 million a year.", ["US$1.2 million"]),
        ("Its score was 8.5/10 points.", ["8.5/10 points"]),
        ("Online filing saved VND1.5tn, or US$60m, in 2024.", ["VND1.5tn", "US$60m"]),
        ("The share rose to 90 % of applications.", ["90 %"]),
        ("The rate was up 15.2 percentage points on 2023.", ["up 15.2 percentage points"]),
    ],
)  # fmt: skip
def test_figure_forms(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On November 20, 2024 the committee met.",
        "The meeting on 20 November 2024 was online.",
        "Deadline: 25/07/2023.",
        "In the period 2022 - 2025, with a vision to 2030.",
        "In the first 9 months the work continued for 2 years.",
        "Under Project 06 and Directive No. 06, the province acted.",
        "Decision 766/QD-TTg and Resolution 202/2025/QH15 apply.",
        "The Prime Minister chaired the 9th meeting of the Committee.",
        "Level 2 e-ID accounts and Level 4 services are available.",
        "The conference opened at 14:30 and closed at 5 p.m.",
        "Mobile 5G coverage grew after COVID-19.",
        "Watch 250124_-_Tong_ket_de_an_06.mp4 online.",
        "An 80-day campaign began.",
        "Tỉnh xếp hạng cao về Chỉ số 766 năm nay.",
        "The province improved on the Index 766 this year.",
    ],
)
def test_non_figures_are_left_out(text):
    assert texts(text) == []


def test_vietnamese_style_numbers_in_a_vietnamese_report():
    text = "Đã cấp 1.234.567 thẻ; đạt 89,27%; tiếp nhận 25.027 hồ sơ."
    df = find_figures(text)
    assert df["value"].tolist() == [1234567, 89.27, 25027]


def test_ambiguous_numbers_follow_the_document_style():
    english = "Issued 1,234,567 cards and 25.027 tonnes, at 4.5%."
    assert find_figures(english)["value"].tolist() == [1234567, 25.027, 4.5]


def test_seed_figures_are_found_at_their_stated_phrase():
    """Every figure transcribed from a seed report is found inside a span of that report."""
    if not paths.SEEDS.is_dir():
        pytest.skip(f"seed reports not present at {paths.SEEDS}")
    with open(paths.RAW / "sources.csv", encoding="utf-8") as handle:
        sources = {r["source_id"]: r for r in csv.DictReader(handle)}
    with open(paths.RAW / "figures.csv", encoding="utf-8") as handle:
        figures = list(csv.DictReader(handle))
    checked = 0
    for row in figures:
        seed = sources[row["source_id"]]["seed_file"]
        if not seed:
            continue
        text = (paths.SEEDS / seed).read_text(encoding="utf-8")
        spans = texts(text)
        assert any(row["stated"] in span for span in spans), (row["figure_id"], row["stated"])
        checked += 1
    assert checked >= 50


def test_command_prints_rows_in_the_figures_csv_shape(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text("By March 2024 the province had 70,777 cases (59.6%).\n", encoding="utf-8")
    assert extract.main([str(report)]) == 0
    out = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out.out)))
    assert [r["stated"] for r in rows] == ["70,777 cases (59.6%)"]
    assert "read as 70777 count (59.6%)" in rows[0]["curator_note"]
    assert "1 figure(s)" in out.err


def test_command_names_an_unreadable_file(tmp_path, capsys):
    missing = tmp_path / "absent.txt"
    assert extract.main([str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_text_never_raises_and_spans_match(text):
    df = find_figures(text)
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["over", "5,600", "/", "(92%)", "ranked", "6th", "of", "63", "VND", "million", "-",
             "2024", "Project", "06", "level", "2", "November", "20,", "out", "%", "1.234", ","]
        ),
        max_size=12,
    )
)  # fmt: skip
def test_number_soup_never_raises(words):
    text = " ".join(words)
    df = find_figures(text)
    assert (df["end"] > df["start"]).all()


# --- the extractor follows the parser's rules: no candidate with a wrong value ----------------

FRAMES = ["Theo báo cáo, {} trong năm 2024.", "The report says that {} this year.",
          "{}.", "Kết quả: {}; các chỉ tiêu khác đạt yêu cầu."]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(phrases(), ranges()), st.sampled_from(FRAMES))
def test_a_candidate_inside_a_phrase_has_the_value_its_words_say(phrase, frame):
    text = frame.format(phrase.text)
    start = frame.index("{}")
    end = start + len(phrase.text)
    for row in find_figures(text, phrase.style).itertuples():
        if row.start < end and start < row.end:  # a candidate overlapping the phrase
            assert not phrase.refused, (text, row)
            assert math.isclose(row.value, phrase.value, rel_tol=1e-12), (text, row)
            assert (row.unit, row.measure) == (phrase.unit, phrase.measure), (text, row)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(VAGUE_WORDS), st.sampled_from(FRAMES))
def test_vague_amounts_are_never_candidates(vague, frame):
    text = frame.format(f"{vague} hồ sơ")
    start = frame.index("{}")
    rows = find_figures(text)
    assert not ((rows["start"] < start + len(vague)) & (rows["end"] > start)).any(), rows


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Paper filing fell 12% while online filing rose to 90%.",
         [("fell 12%", -12.0, "percent"), ("90%", 90.0, "percent")]),
        ("Số hồ sơ giấy giảm 5% so với cùng kỳ, còn 8%.",
         [("giảm 5%", -5.0, "percent"), ("8%", 8.0, "percent")]),
        ("The province expects 1.5 to 2 million applications.",
         [("1.5 to 2 million", 1.5e6, "count")]),
        ("Tỉnh dự kiến từ 1,5 đến 2 triệu hồ sơ.", [("từ 1,5 đến 2 triệu", 1.5e6, "count")]),
        ("A third of households and hai phần ba số xã use the app.",
         [("A third", 100 / 3, "percent"), ("hai phần ba", 200 / 3, "percent")]),
        ("Online filing was 3 times higher and the accounts tăng gấp đôi.",
         [("3 times higher", 3.0, "times"), ("tăng gấp đôi", 2.0, "times")]),
        ("The project cost £2 million and covers 5,000 ha.",
         [("£2 million", 2e6, "GBP"), ("5,000 ha", 5000.0, "ha")]),
        ("Ten thousand citizens, half a million cards.",
         [("Ten thousand", 1e4, "count"), ("half a million", 5e5, "count")]),
        ("The province moved up 7 places; the city tụt 2 bậc.",
         [("up 7 places", 7.0, "places"), ("tụt 2 bậc", -2.0, "places")]),
        ("It rose from 50% to 60% of dossiers.",
         [("50%", 50.0, "percent"), ("60%", 60.0, "percent")]),
        ("Several hundred households, hàng nghìn hồ sơ and 100-odd units.", []),
        ("In the first half of 2024 the share was 92%.", [("92%", 92.0, "percent")]),
    ],
)  # fmt: skip
def test_tricky_phrases_in_running_text(text, expected):
    rows = find_figures(text)
    assert list(zip(rows["text"], rows["value"], rows["unit"], strict=True)) == [
        (t, pytest.approx(v), u) for t, v, u in expected
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It expects 2–3 million applications.", [("2–3 million", 2e6, "count")]),  # en dash
        ("Dự kiến 1,5 – 2 triệu hồ sơ.", [("1,5 – 2 triệu", 1.5e6, "count")]),
        ("The rate fell to −5% (−2 points).", [("−5%", -5.0, "percent"),
                                               ("−2 points", -2.0, "points")]),
        ("It used 5 percent less paper this year.", [("5 percent less", -5.0, "percent")]),
        ("Ten lower secondary schools joined.", [("Ten", 10.0, "count")]),
        ("Cars drove at 60 km/h and 5 million pounds were raised.", []),
        ("Số tài khoản sụt giảm 1.003.215.", [("sụt giảm 1.003.215", -1003215.0, "count")]),
    ],
)  # fmt: skip
def test_words_after_or_around_a_number_are_not_lost(text, expected):
    rows = find_figures(text)
    assert list(zip(rows["text"], rows["value"], rows["unit"], strict=True)) == expected
