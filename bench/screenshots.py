"""Screenshots of the home, an article, a tag page and a person's dossier at 1280 px and 375 px
(and the article and the dossier in dark mode), and of the archive in time in both schemes: the
year × month grid (/archives/), the busiest year's calendar, « Ce jour-là » and the search
chart (results per year); taken with Debian's Chromium over HTTP. The home page is shot on the
busiest day of the year, so that « Ce jour-là » shows articles.
``make screenshots`` builds the demo site first; the images land in screenshots/ (gitignored).

    python bench/screenshots.py [--site demo/output] [--out screenshots]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from datetime import datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"desktop": 1280, "mobile": 375}
SEED_ARTICLE = "articles/trump-remercie-erdogan-pour-les-efforts-de-la-turquie-afin-d-empecher-une/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pick_article(site: Path) -> str:
    if (site / SEED_ARTICLE / "index.html").exists():
        return SEED_ARTICLE
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("articles/*/index.html"))[0]


def time_targets(page, base: str) -> dict[str, str]:
    """The archive grid, the calendar of its busiest year, « Ce jour-là », the search chart."""
    page.goto(base + "archives/")
    busiest = page.locator("svg.heat--grid a").evaluate_all(
        "as => new URL(as.sort((a, b) => b.dataset.count - a.dataset.count)[0].getAttribute('href'),"
        " location.href).href")
    year = busiest.rstrip("/").rsplit("/", 1)[0] + "/"
    return {"archives": base + "archives/", "year": year, "ce-jour-la": base + "ce-jour-la/",
            "search": base + "recherche/?q=France"}


def shoot(site: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    written = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-gpu"])
            article = pick_article(site)
            # The biggest tag and the most cited person: the first ones on the by-count indexes.
            page = browser.new_page()
            firsts = {}
            for name, index in (("tag", "tags/par-nombre/"), ("dossier", "personnes/par-nombre/")):
                page.goto(base + index)
                firsts[name] = page.locator(".term-index a").first.evaluate("a => a.href")
            time = time_targets(page, base)
            page.close()
            targets = {"home": base, "article": base + article, **firsts, **time}
            # « Ce jour-là » on the home page: its busiest day, in the year after the newest article.
            page = browser.new_page()
            page.goto(base + "ce-jour-la/")
            busiest = page.locator("svg.heat--month a").evaluate_all(
                "as => as.sort((a, b) => b.dataset.count - a.dataset.count)[0].getAttribute('href')")
            page.close()
            month, day = (int(part) for part in busiest.rstrip("/").rsplit("/", 1)[-1].split("-"))
            for scheme in ("light", "dark"):
                for label, width in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": 900},
                                                  color_scheme=scheme, locale="fr-FR")
                    page = context.new_page()
                    page.clock.set_fixed_time(datetime(datetime.now().year, month, day, 9, 0))
                    for name, url in targets.items():
                        if scheme == "dark" and name not in ("article", "dossier", *time):
                            continue
                        page.goto(url)
                        if name == "search":
                            page.wait_for_selector("#recherche[data-state=done]", timeout=30_000)
                        if name == "home":
                            page.wait_for_selector("#ce-jour-la[data-state]", timeout=30_000)
                        path = out / f"{name}-{label}{'-dark' if scheme == 'dark' else ''}.png"
                        page.screenshot(path=str(path), full_page=True)
                        written.append(path)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "demo" / "output")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    for path in shoot(args.site, args.out):
        print(path)


if __name__ == "__main__":
    main()
