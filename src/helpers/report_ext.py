"""A small Sphinx extension for the report: numbered figure captions with a link to their data.

Figures reach the report as HTML ``<figure class="p06-figure" id="fig-NAME">`` blocks (the
output of :func:`helpers.plotting.publish` in the chapters, and of the generated pages). Sphinx
numbers only its own figure directives, so this extension numbers these: "Figure 4.2" is the
second figure of chapter 4 (pages outside the chapters count from 1), and a link to the table
behind the figure (``figures/NAME.csv``) is added to the caption when that file is published.

Example:
    >>> number_figures('<figure class="p06-figure" id="fig-04-x"><img src="a.svg">'
    ...                '<figcaption>Caption.</figcaption></figure>', "4", [0], {"04-x"}, "../")
    '<figure class="p06-figure" id="fig-04-x"><img src="a.svg"><figcaption><span class="p06-fignum">Figure 4.1.</span> Caption. <a class="p06-figdata" href="../figures/04-x.csv">Data (CSV)</a></figcaption></figure>'
"""  # noqa: E501

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from docutils import nodes

FIGURE = re.compile(r'<figure class="p06-figure" id="fig-(?P<name>[^"]+)">(?P<body>.*?)</figure>',
                    re.DOTALL)  # fmt: skip
CHAPTER = re.compile(r"^chapters/(\d\d)-")


def chapter_number(docname: str) -> str:
    """The chapter number of a document ("4" for chapters/04-…), or "" for other pages.

    Example:
        >>> chapter_number("chapters/04-adoption-models"), chapter_number("provinces/hue")
        ('4', '')
    """
    match = CHAPTER.match(docname)
    return str(int(match.group(1))) if match else ""


def number_figures(html: str, chapter: str, counter: list[int], with_data: set[str],
                   root: str) -> str:  # fmt: skip
    """Number every report figure in ``html``; ``counter`` carries the count across blocks.

    ``with_data`` names the figures whose CSV is published under ``figures/``; ``root`` is the
    relative path from the page to the site's root.
    """

    def replace(match: re.Match) -> str:
        counter[0] += 1
        label = f"Figure {chapter}.{counter[0]}." if chapter else f"Figure {counter[0]}."
        name, body = match.group("name"), match.group("body")
        data = (
            f' <a class="p06-figdata" href="{root}figures/{name}.csv">Data (CSV)</a>'
            if name in with_data
            else ""
        )
        number = f'<span class="p06-fignum">{label}</span>'
        if "<figcaption>" in body:
            body = body.replace("<figcaption>", f"<figcaption>{number} ", 1)
            body = body.replace("</figcaption>", f"{data}</figcaption>", 1)
        else:
            body += f"<figcaption>{number}{data}</figcaption>"
        return f'<figure class="p06-figure" id="fig-{name}">{body}</figure>'

    return FIGURE.sub(replace, html)


def _published_data(app) -> set[str]:
    folder = Path(app.srcdir) / "_extra" / "figures"
    return {p.stem for p in folder.glob("*.csv")} if folder.is_dir() else set()


def _on_doctree_resolved(app, doctree, docname: str) -> None:
    chapter = chapter_number(docname)
    depth = docname.count("/")
    root = posixpath.join(*[".."] * depth) + "/" if depth else ""
    with_data = _published_data(app)
    counter = [0]
    for node in doctree.findall(nodes.raw):
        if "html" not in node.get("format", "") or 'class="p06-figure"' not in node.astext():
            continue
        text = number_figures(node.astext(), chapter, counter, with_data, root)
        node.children = [nodes.Text(text)]
        node.rawsource = text


#: The theme's sidebar toggles are empty ``<summary>`` elements; screen readers need a name.
TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
NAMED_TOGGLE = ('<summary aria-label="Show or hide the pages of this part">'
                '<span class="toctree-toggle" role="presentation">')  # fmt: skip


def _name_sidebar_toggles(app, pagename, templatename, context, doctree) -> None:
    make = context.get("generate_toctree_html")
    if make is None:
        return

    def named(*args, **kwargs):
        from markupsafe import Markup

        return Markup(str(make(*args, **kwargs)).replace(TOGGLE, NAMED_TOGGLE))

    context["generate_toctree_html"] = named


#: Tables that DataTables turns sortable (see helpers.tables and the data page).
SORTABLE = ("p06-sortable", "p06-datatable")


def _tables_script(app, pagename, templatename, context, doctree) -> None:
    """Add DataTables and its start-up script to the pages that have a sortable table."""
    if any(css in context.get("body", "") for css in SORTABLE):
        app.add_css_file("datatables/dt_bundle.css")
        app.add_js_file("datatables/dt_source.js")
        app.add_js_file("p06.js")


#: The search scripts and index that the theme puts on every page for searching as one types,
#: which this report leaves off (``search_as_you_type``): only the search page uses them.
SEARCH_SCRIPTS = re.compile(r'\n?[ \t]*<script src="(?:\.\./)*(?:_static/searchtools\.js|'
                            r'_static/language_data\.js|searchindex\.js)"></script>')  # fmt: skip


def drop_search_scripts(html: str) -> str:
    """``html`` without the search scripts and index (for every page but the search page).

    Example:
        >>> drop_search_scripts('<head>\\n  <script src="../searchindex.js"></script>\\n</head>')
        '<head>\\n</head>'
    """
    return SEARCH_SCRIPTS.sub("", html)


def _drop_search_scripts(app, exception) -> None:
    """Other pages than the search page do not load the search index (140 kB) and its scripts:
    the theme's search box sends the query to the search page."""
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        if page.name == "search.html" and page.parent == Path(app.outdir):
            continue
        text = page.read_text(encoding="utf-8")
        if (kept := drop_search_scripts(text)) != text:
            page.write_text(kept, encoding="utf-8")


def setup(app):
    """Register the figure numbering, the named sidebar toggles, the tables' script, and the
    search scripts left to the search page."""
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("html-page-context", _name_sidebar_toggles, priority=900)
    app.connect("html-page-context", _tables_script)
    app.connect("build-finished", _drop_search_scripts)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
