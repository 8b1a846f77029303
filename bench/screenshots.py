"""Screenshots of the home, an article, a tag page and a person's dossier at 1280 px and 375 px
(and the article and the dossier in dark mode), taken with Debian's Chromium over HTTP.
``make screenshots`` builds the demo site first; the images land in screenshots/ (gitignored).

    python bench/screenshots.py [--site demo/output] [--out screenshots]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
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
            page.close()
            targets = {"home": base, "article": base + article, **firsts}
            for scheme in ("light", "dark"):
                for label, width in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": 900},
                                                  color_scheme=scheme, locale="fr-FR")
                    page = context.new_page()
                    for name, url in targets.items():
                        if scheme == "dark" and name not in ("article", "dossier"):
                            continue
                        page.goto(url)
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
