"""The house style and :func:`save_figure`, which writes reproducible PNG and SVG files.

Every published figure has a title, axis labels with units, a note naming the data source and
the date of the data, and alt text. ``save_figure`` writes ``figures/NN-name.png``,
``figures/NN-name.svg`` and ``figures/NN-name.json`` (title, alt text, source, data date) with
fixed metadata, so a rerun gives identical SVG bytes and identical PNG pixels.

Example:
    >>> import matplotlib.pyplot as plt
    >>> use_style()
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([2022, 2023], [1, 2])
    >>> _ = ax.set(title="Demo", xlabel="Year", ylabel="Accounts (million)")
    >>> written = save_figure(fig, "99-demo", source="Example source", data_date="2023",
    ...                       alt="A rising line.", directory=__import__("tempfile").mkdtemp())
    >>> sorted(p.suffix for p in written)
    ['.json', '.png', '.svg']
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import matplotlib as mpl
import pandas as pd
import seaborn as sns

from helpers import paths, provinces

#: Okabe–Ito colours: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
FONT = "DejaVu Sans"
DPI = 150
NAME = re.compile(r"^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$")


def use_style() -> None:
    """Apply the house style (seaborn whitegrid, DejaVu Sans, colour-blind-safe palette).

    Example:
        >>> use_style(); mpl.rcParams["font.family"]
        ['DejaVu Sans']
    """
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE, font=FONT)
    mpl.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": DPI,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "svg.fonttype": "path",  # glyphs as paths: identical rendering without the font
            "path.simplify": True,
        }
    )


def add_note(fig: mpl.figure.Figure, source: str, data_date: str) -> None:
    """Write the source-and-date note in the figure's bottom margin.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> fig = plt.figure(); add_note(fig, "GSO", "2024"); fig.texts[-1].get_text()
        'Source: GSO. Data as of 2024.'
    """
    # Below everything already drawn (tick labels, axis titles), so the note never overlaps;
    # figures are saved with a tight bounding box, which grows to include it.
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    width, height = fig.get_size_inches()
    fig.text(
        max(box.x0 / width, 0.0), box.y0 / height - 0.01,
        f"Source: {source}. Data as of {data_date}.",
        ha="left", va="top", fontsize=7.5, color="#444444", wrap=True,
    )  # fmt: skip


def legend_below(ax, ncol: int = 2, **kwargs):
    """Put ``ax``'s legend under the axes, below its tick labels and axis title.

    A legend there never covers the title or the data; the figure is saved with a tight
    bounding box, which grows to include it, and the source note goes under it.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots(); _ = ax.plot([0, 1], [0, 1], label="line")
        >>> _ = ax.set(title="T", xlabel="x")
        >>> legend = legend_below(ax)
        >>> box = legend.get_window_extent(fig.canvas.get_renderer())
        >>> bool(box.y1 <= ax.xaxis.label.get_window_extent().y0)
        True
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    below = ax.get_tightbbox(renderer).y0 - 4  # display units: a small gap under the labels
    x0 = ax.get_position().x0
    _, y = fig.transFigure.inverted().transform((0, below))
    options = {"frameon": False, "fontsize": 7.5, "ncol": ncol, "loc": "upper left"} | kwargs
    return ax.legend(bbox_to_anchor=(x0, y), bbox_transform=fig.transFigure, **options)


def _title(ax) -> str:
    return next((t for loc in ("left", "center", "right") if (t := ax.get_title(loc=loc))), "")


def _check(fig: mpl.figure.Figure, name: str) -> None:
    if not NAME.match(name):
        raise ValueError(f"figure name {name!r} must look like 'NN-short-name'")
    titled = fig._suptitle is not None or any(_title(ax) for ax in fig.axes)
    if not titled:
        raise ValueError(f"figure {name!r} has no title")
    for ax in fig.axes:
        if not ax.axison or ax.get_label() == "<colorbar>":
            continue
        if not (ax.get_xlabel() or ax.get_ylabel()):
            raise ValueError(f"figure {name!r}: an axis has no label with its unit")


def save_figure(
    fig: mpl.figure.Figure,
    name: str,
    *,
    source: str,
    data_date: str,
    alt: str,
    directory: str | Path | None = None,
    formats: tuple[str, ...] = ("png", "svg"),
    data: pd.DataFrame | None = None,
) -> list[Path]:
    """Save ``fig`` as ``NN-name.png`` and ``.svg`` with fixed metadata, plus its alt text.

    Args:
        fig: the figure, with a title and labelled axes (checked).
        name: ``NN-short-name``; ``NN`` is the number of the notebook that makes it.
        source: publishers of the data, for the note under the figure.
        data_date: the date (or range) of the data shown.
        alt: a sentence describing the figure for readers who cannot see it.
        directory: where to write (default ``figures/``).
        formats: which of ``png`` and ``svg`` to write (pages that show only the SVG skip the
            PNG).
        data: the table the figure draws, written beside it as ``NN-name.csv`` so readers can
            take the numbers (columns as named, no index; numbers to 10 significant digits).

    Returns:
        The paths written.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots(); _ = ax.set_title("No units")
        >>> save_figure(fig, "99-x", source="s", data_date="d", alt="a")
        Traceback (most recent call last):
        ...
        ValueError: figure '99-x': an axis has no label with its unit
    """
    _check(fig, name)
    if not alt.strip():
        raise ValueError(f"figure {name!r} needs alt text")
    directory = Path(directory or paths.FIGURES)
    directory.mkdir(parents=True, exist_ok=True)
    add_note(fig, source, data_date)
    unknown = set(formats) - {"png", "svg"}
    if unknown or not formats:
        raise ValueError(f"figure {name!r}: formats must be png and/or svg, not {formats!r}")
    png, svg, meta = (directory / f"{name}.{ext}" for ext in ("png", "svg", "json"))
    if "svg" in formats:
        with mpl.rc_context({"svg.hashsalt": name}):
            fig.savefig(
                svg,
                format="svg",
                bbox_inches="tight",
                metadata={"Date": None, "Creator": None, "Title": name, "Description": alt},
            )
    if "png" in formats:
        fig.savefig(png, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    title = fig._suptitle.get_text() if fig._suptitle else next(filter(None, map(_title, fig.axes)))
    record = {"name": name, "title": title, "alt": alt, "source": source, "data_date": data_date}
    written = [p for p, ext in ((png, "png"), (svg, "svg")) if ext in formats]
    if data is not None:
        table = directory / f"{name}.csv"
        data.to_csv(table, index=False, lineterminator="\n", float_format="%.10g")
        record["data"] = table.name
        written.append(table)
    meta.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [*written, meta]


def figure_html(svg: Path, alt: str, caption: str = "") -> str:
    """An HTML ``<figure>`` that shows a published SVG with its alt text and caption.

    The image points at the published file, ``../figures/NAME.svg`` relative to ``notebooks/``
    (where kernels run), whichever folder this run wrote to (``PROJECT06_FIGURES``): JupyterLab
    and the rendered report find it, and a notebook's stored output does not depend on where a
    test put its fresh copy.

    Example:
        >>> figure_html(Path("/tmp/elsewhere/03-x.svg"), 'Tiles "map"', "Caption")
        ...  # doctest: +ELLIPSIS
        '<figure class="p06-figure" id="fig-03-x"><img src="../figures/03-x.svg" alt="Tiles...'
    """
    name = Path(svg).stem
    cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (
        f'<figure class="p06-figure" id="fig-{html.escape(name)}">'
        f'<img src="../figures/{html.escape(name)}.svg" alt="{html.escape(alt)}" '
        f'style="max-width:100%;height:auto">{cap}</figure>'
    )


def publish(fig: mpl.figure.Figure, name: str, *, source: str, data_date: str, alt: str,
            data: pd.DataFrame | None = None, caption: str = "",
            directory: str | Path | None = None):  # fmt: skip
    """Save a figure and the table it draws (see :func:`save_figure`), close it, and return it
    for display as HTML.

    In a notebook, ending a cell with ``publish(...)`` shows the saved SVG with its alt text
    instead of an inline PNG, so what readers see is exactly the published file.

    Example:
        >>> import matplotlib.pyplot as plt, tempfile
        >>> fig, ax = plt.subplots(); _ = ax.set(title="T", xlabel="Year", ylabel="Count")
        >>> out = publish(fig, "99-demo", source="s", data_date="2024", alt="A chart.",
        ...               data=pd.DataFrame({"year": [2024], "count": [3]}),
        ...               directory=tempfile.mkdtemp())
        >>> out.data.startswith("<figure")
        True
    """
    import matplotlib.pyplot as plt
    from IPython.display import HTML

    written = save_figure(fig, name, source=source, data_date=data_date, alt=alt,
                          directory=directory, data=data)  # fmt: skip
    plt.close(fig)
    svg = next(p for p in written if p.suffix == ".svg")
    return HTML(figure_html(svg, alt, caption))


def tile_map(
    ax,
    values: pd.Series,
    *,
    cmap: str = "viridis",
    vmin: float | None = None,
    vmax: float | None = None,
    groups: pd.Series | None = None,
    fmt: str = "{:.0f}",
    missing: str = "#e6e6e6",
):
    """Draw Vietnam's 63 provinces as a tile grid coloured by ``values`` (indexed by code).

    Provinces without a value are grey and labelled only with their abbreviation. ``groups``
    (code → group name, e.g. the 2025 unit) draws thick borders between tiles of different
    groups. Returns the colour mapping for a colour bar.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots()
        >>> mapping = tile_map(ax, pd.Series({"01": 24.0, "30": 13.0}))
        >>> len(ax.patches)
        63
    """
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    grid = provinces.tile_grid()
    present = values.dropna()
    norm = Normalize(
        vmin=present.min() if vmin is None else vmin, vmax=present.max() if vmax is None else vmax
    )
    colormap = mpl.colormaps[cmap]
    cells = {(int(r.col), int(r.row)): code for code, r in grid.iterrows()}
    for code, tile in grid.iterrows():
        x, y = int(tile["col"]), -int(tile["row"])
        value = present.get(code)
        colour = colormap(norm(value)) if value is not None else missing
        ax.add_patch(Rectangle((x, y), 0.95, 0.95, facecolor=colour, edgecolor="white", lw=0.5))
        dark = value is not None and sum(colour[:3]) / 3 < 0.5
        text = tile["label"] if value is None else f"{tile['label']}\n{fmt.format(value)}"
        ax.text(x + 0.475, y + 0.475, text, ha="center", va="center", fontsize=5.5,
                color="white" if dark else "#222222")  # fmt: skip
        if groups is not None:
            col, row = int(tile["col"]), int(tile["row"])
            for dc, dr, edge in (
                (1, 0, "right"),
                (-1, 0, "left"),
                (0, 1, "bottom"),
                (0, -1, "top"),
            ):
                other = cells.get((col + dc, row + dr))
                if other is None or groups.get(other) != groups.get(code):
                    x0, x1, y0, y1 = {
                        "right": (x + 0.975, x + 0.975, y - 0.025, y + 0.975),
                        "left": (x - 0.025, x - 0.025, y - 0.025, y + 0.975),
                        "bottom": (x - 0.025, x + 0.975, y - 0.025, y - 0.025),
                        "top": (x - 0.025, x + 0.975, y + 0.975, y + 0.975),
                    }[edge]
                    ax.plot([x0, x1], [y0, y1], color="#222222", lw=1.2, solid_capstyle="butt")
    ax.set_xlim(-0.2, grid["col"].max() + 1.1)
    ax.set_ylim(-grid["row"].max() - 0.2, 1.1)
    ax.set_aspect("equal")
    ax.axis("off")
    return mpl.cm.ScalarMappable(norm=norm, cmap=colormap)
