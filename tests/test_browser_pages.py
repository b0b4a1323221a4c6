"""Every page of the rendered report opens cleanly in headless Chromium, as readers open it:
from files, with no network. No console error, no page error, no failed request, no request
leaving the machine, and every image decoded. Pages are opened four tabs at a time.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def _watch(page, events: list[str]) -> None:
    page.on("console", lambda m: m.type == "error" and events.append(f"console: {m.text}"))
    page.on("pageerror", lambda err: events.append(f"page error: {err}"))
    page.on("requestfailed", lambda r: events.append(f"failed: {r.url}"))
    page.on("request", lambda r: not r.url.startswith(("file:", "data:", "blob:"))
            and events.append(f"external request: {r.url}"))  # fmt: skip


async def _open_all(chromium_path: str, args: list[str], pages: list[Path],
                    tabs: int = 4) -> dict:  # fmt: skip
    from playwright.async_api import async_playwright

    found: dict[Path, list[str]] = {}
    async with async_playwright() as p:
        chromium = await p.chromium.launch(executable_path=chromium_path, headless=True,
                                           args=args)  # fmt: skip
        context = await chromium.new_context()
        queue: asyncio.Queue = asyncio.Queue()
        for path in pages:
            queue.put_nowait(path)

        async def worker():
            tab = await context.new_page()
            events: list[str] = []
            _watch(tab, events)
            while not queue.empty():
                path = queue.get_nowait()
                events.clear()
                await tab.goto(path.as_uri(), wait_until="load")
                broken = await tab.evaluate(
                    "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
                    ".map(i => i.getAttribute('src'))"
                )
                found[path] = [*events, *(f"image not decoded: {src}" for src in broken)]
            await tab.close()

        await asyncio.gather(*(worker() for _ in range(tabs)))
        await chromium.close()
    return found


def test_every_page_opens_cleanly(built_report, chromium_path, chromium_args):
    # In a thread of its own: the synchronous browser fixture may run an event loop in this one.
    run = _open_all(chromium_path, chromium_args, _pages(built_report))
    with ThreadPoolExecutor(1) as pool:
        found = pool.submit(asyncio.run, run).result()
    assert len(found) == len(_pages(built_report))
    problems = [f"{p.relative_to(built_report)}: {e}" for p, events in found.items()
                for e in events]  # fmt: skip
    assert not problems, problems[:20]


