"""sitemap.xml listing the site's real pages: every ``index.html`` written to the output,
except the search index's own files and the redirects of renamed tags (a sitemap lists
canonical pages; a redirect names its target as canonical). Walking the output (rather than guessing URLs from the
content) lists exactly the pages that exist, paginated pages included."""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape

from kiosque_core.shape import is_redirect
from kiosque_core.storage import write_if_changed

SKIP_DIRS = {"pagefind", "theme", "feeds"}


def page_urls(output: Path, siteurl: str) -> list[str]:
    # os.scandir and plain strings: a third of the time of os.walk and Path at 11,000 folders.
    urls = []
    folders = [("", str(output))]
    while folders:
        relative, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if relative or entry.name not in SKIP_DIRS:
                        folders.append((f"{relative}{entry.name}/", entry.path))
                elif entry.name == "index.html" and not is_redirect(entry.path):
                    urls.append(f"{siteurl}/{relative}")
    return sorted(urls)


def write_sitemap(output: Path, siteurl: str) -> Path:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"<url><loc>{escape(url)}</loc></url>" for url in page_urls(output, siteurl.rstrip("/"))]
    lines.append("</urlset>")
    path = output / "sitemap.xml"
    write_if_changed(path, "\n".join(lines) + "\n")
    return path
