"""Sphinx configuration of the rendered report (``make report``; see helpers.report).

The source tree is assembled by :mod:`helpers.report` under ``build/report-src`` from the stored,
nbval-checked notebooks (nothing is executed), the generated province and unit pages, and the
pages written from the data; this file and ``_static/`` are used as they are.
"""

from pathlib import Path

from helpers import citation

HERE = Path(__file__).resolve().parent
CFF = citation.load()

project = CFF["title"]
author = citation.author_names(CFF)
copyright = f"{CFF['date-released'][:4]}, {author}"  # noqa: A001 (Sphinx's name)
version = release = CFF["version"]
language = "en"

extensions = ["myst_nb", "helpers.report_ext"]
# Chapters are the stored notebooks: their outputs were checked by strict nbval, so nothing runs.
nb_execution_mode = "off"
nb_remove_code_source = True  # readers see prose, tables and figures; the code is in notebooks/
nb_output_stderr = "remove"
nb_merge_streams = True
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
exclude_patterns = ["**.ipynb_checkpoints"]
suppress_warnings = ["mystnb.unknown_mime_type"]

html_theme = "sphinx_book_theme"
html_title = citation.short_title(CFF)
html_static_path = [str(HERE / "_static")]
html_css_files = ["p06.css"]
# DataTables (sortable, searchable tables) is added by helpers.report_ext to the pages that have
# such a table only: its source is 600 kB of script that other pages need not parse.
html_theme_options = {
    "home_page_in_toc": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "show_toc_level": 2,
    "show_navbar_depth": 1,
    "collapse_navbar": True,
    "navigation_with_keys": False,
    "extra_footer": (
        "Code MIT; data, text and figures CC BY 4.0. Every figure carries its source: see "
        "“How to cite” in the menu."
    ),
}
# A fixed colour mode: the theme otherwise reads it from the browser's storage, which a page
# opened from a file does not have, and complains in the console.
html_context = {"default_mode": "light"}
# Search works offline from the index Sphinx writes; result snippets would be fetched from the
# pages, which a browser refuses for pages opened from files, so titles and sections only.
html_show_search_summary = False
html_search_scorer = str(HERE / "_static" / "search_scorer.js")
html_last_updated_fmt = None  # no build dates: the same sources give the same pages
html_show_sourcelink = False
html_copy_source = True  # the download button offers each chapter's notebook
html_extra_path = ["_extra"]  # figures and data files, copied to the site's root as they are
