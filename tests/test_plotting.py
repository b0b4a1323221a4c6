"""Figures are saved reproducibly and always carry title, units, source, date and alt text."""

import json

import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import plotting


def make_figure():
    plotting.use_style()
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.plot([2022, 2023, 2024], [10, 40, 70], marker="o")
    ax.set(title="Accounts activated", xlabel="Year", ylabel="Accounts (million)")
    return fig


def save(directory, name="99-test"):
    return plotting.save_figure(
        make_figure(), name, source="Test publisher", data_date="2024-06", alt="A line.",
        directory=directory,
    )  # fmt: skip


def test_two_saves_give_identical_svg_bytes_and_png_pixels(tmp_path):
    first = save(tmp_path / "a")
    second = save(tmp_path / "b")
    assert first[1].read_bytes() == second[1].read_bytes()
    np.testing.assert_array_equal(mpimg.imread(first[0]), mpimg.imread(second[0]))


def test_svg_has_no_date_or_version_and_carries_the_alt_text(tmp_path):
    svg = save(tmp_path)[1].read_text()
    assert "<dc:date>" not in svg
    assert "Matplotlib v" not in svg
    assert "A line." in svg


def test_hash_salt_differs_per_figure(tmp_path):
    a = save(tmp_path, "99-one")[1].read_text()
    b = save(tmp_path, "99-two")[1].read_text()
    ids = lambda text: {part.split('"')[0] for part in text.split('id="')[1:]}  # noqa: E731
    assert ids(a) != ids(b)


def test_note_names_source_and_date(tmp_path):
    fig = make_figure()
    plotting.save_figure(fig, "99-note", source="GSO", data_date="2023", alt="x",
                         directory=tmp_path)  # fmt: skip
    assert any(t.get_text() == "Source: GSO. Data as of 2023." for t in fig.texts)


def test_sidecar_records_title_and_alt(tmp_path):
    meta = json.loads(save(tmp_path)[2].read_text())
    assert meta["title"] == "Accounts activated"
    assert meta["alt"] == "A line." and meta["data_date"] == "2024-06"


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda ax: ax.set(xlabel="Year", ylabel="n"), "has no title"),
        (lambda ax: ax.set_title("T"), "no label with its unit"),
    ],
)
def test_incomplete_figures_are_refused(tmp_path, setup, message):
    fig, ax = plt.subplots()
    setup(ax)
    with pytest.raises(ValueError, match=message):
        plotting.save_figure(fig, "99-x", source="s", data_date="d", alt="a", directory=tmp_path)


def test_alt_text_and_name_are_required(tmp_path):
    with pytest.raises(ValueError, match="alt text"):
        plotting.save_figure(make_figure(), "99-x", source="s", data_date="d", alt=" ",
                             directory=tmp_path)  # fmt: skip
    with pytest.raises(ValueError, match="NN-short-name"):
        plotting.save_figure(make_figure(), "Figure 1", source="s", data_date="d", alt="a",
                             directory=tmp_path)  # fmt: skip


def test_tile_map_colours_known_and_greys_missing():
    fig, ax = plt.subplots()
    plotting.tile_map(ax, pd.Series({"01": 1.0, "79": 2.0}), groups=pd.Series({"01": "a"}))
    colours = {tuple(p.get_facecolor()) for p in ax.patches}
    grey = tuple(plt.matplotlib.colors.to_rgba("#e6e6e6"))
    assert grey in colours and len(colours) == 3
    plt.close(fig)


def test_figure_html_escapes_alt_and_points_into_figures():
    out = plotting.figure_html(plotting.paths.FIGURES / "03-a.svg", 'a "b" <c>', "cap & co")
    assert 'src="../figures/03-a.svg"' in out
    assert "&quot;b&quot; &lt;c&gt;" in out and "cap &amp; co" in out


def test_published_figure_carries_its_data_as_csv(tmp_path):
    data = pd.DataFrame({"year": [2023, 2024], "share": [81.25, 1 / 3]})
    written = plotting.save_figure(make_figure(), "99-data", source="s", data_date="d", alt="a",
                                   directory=tmp_path, data=data)  # fmt: skip
    table = tmp_path / "99-data.csv"
    assert table in written
    assert table.read_text() == "year,share\n2023,81.25\n2024,0.3333333333\n"
    assert json.loads((tmp_path / "99-data.json").read_text())["data"] == "99-data.csv"


def test_legend_below_never_overlaps_title_or_axes():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], label="a")
    ax.plot([0, 1], [1, 0], label="b")
    ax.set(title="Title", xlabel="Year", ylabel="Count")
    legend = plotting.legend_below(ax)
    renderer = fig.canvas.get_renderer()
    box = legend.get_window_extent(renderer)
    assert box.y1 <= ax.get_window_extent(renderer).y0  # under the plotting area
    assert box.y1 <= ax.title.get_window_extent(renderer).y0
    assert box.y1 <= ax.xaxis.label.get_window_extent(renderer).y0
