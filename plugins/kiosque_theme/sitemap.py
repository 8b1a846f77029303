"""sitemap.xml listing the site's real pages: every ``index.html`` written to the output,
except the search index's own files. Walking the output (rather than guessing URLs from the
content) lists exactly the pages that exist, paginated pages included."""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape

from kiosque_import.storage import write_if_changed

SKIP_DIRS = {"pagefind", "theme", "feeds"}


def page_urls(output: Path, siteurl: str) -> list[str]:
    urls = []
    for folder, dirs, files in os.walk(output):
        dirs[:] = sorted(d for d in dirs if not (folder == str(output) and d in SKIP_DIRS))
        if "index.html" in files:
            relative = Path(folder).relative_to(output).as_posix()
            urls.append(f"{siteurl}/" if relative == "." else f"{siteurl}/{relative}/")
    return sorted(urls)


def write_sitemap(output: Path, siteurl: str) -> Path:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"<url><loc>{escape(url)}</loc></url>" for url in page_urls(output, siteurl.rstrip("/"))]
    lines.append("</urlset>")
    path = output / "sitemap.xml"
    write_if_changed(path, "\n".join(lines) + "\n")
    return path
