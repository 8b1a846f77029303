"""How big is the search index, how long does it take, and what does one query download?

    .venv/bin/python bench/search_size.py [--sizes 1000 10000 35987] [--shard-sizes 1000 0]

For each size, writes that many real articles (the first N of orangesum.jsonl.gz) as article
pages carrying the same data-pagefind attributes as theme/templates/article.html — Pelican is
skipped here because a full Pelican build at 36,000 articles takes a quarter of an hour, and
search cost does not depend on it — plus the real search page from a small Pelican build. Then
it indexes them with kiosque_search's own code (shards of KIOSQUE_SEARCH_SHARD_SIZE articles,
the default 1,000, or 0 for one index), and prints: bundle size and file count, indexing time
and Pagefind's peak memory (the largest single Pagefind run), the time to re-index after adding
one article of the newest day (the usual case) and one of an older date, and the bytes Chromium
downloads under /pagefind/ for a first query on the search page served over HTTP (raw, and with
the JS/JSON gzipped as any real host would serve them).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import html
import http.server
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

# The workplace's shared folder sits beside the repository; KIOSQUE_CORPUS points elsewhere.
CORPUS = Path(os.environ.get("KIOSQUE_CORPUS")
              or Path(__file__).resolve().parents[2] / "shared" / "corpus" / "orangesum.jsonl.gz")
WORK = ROOT / "bench" / "data" / "search"
QUERIES = ("gouvernement", "Macron", "inondations")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
_GLUED = re.compile(r"(?<=[.!?…»])\"?(?=[A-ZÀ-Ý«\"])")

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title} — Kiosque</title></head>
<body><header><p>Kiosque</p><nav><a href="/">Accueil</a></nav></header>
<main><article class="article">
<div class="article__main" data-pagefind-body>
<span hidden data-pagefind-meta="date:{iso}" data-pagefind-sort="date:{iso}"></span>
<span hidden data-pagefind-meta="datefr:{datefr}"></span>
<span hidden data-pagefind-meta="summary:{lede}"></span>
<span hidden data-pagefind-filter="year:{year}"></span>
<h1 class="article__title" data-pagefind-meta="title">{title}</h1>
<div class="article__lede"><p>{lede}</p></div>
<div class="article__body">{body}</div>
</div>
<footer>{sections}</footer>
</article></main></body></html>
"""


def records(count: int, start: int = 0):
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= start + count:
                return
            if number >= start:
                yield json.loads(line)


def paragraphs(body: str, per: int = 3) -> list[str]:
    sentences = [s.strip() for s in re.split(r"(?<=[.!?…])\s+|" + _GLUED.pattern, body) if s and s.strip()]
    return [" ".join(sentences[i:i + per]) for i in range(0, len(sentences), per)]


def article_page(record: dict) -> tuple[str, str, str]:
    """(save_as, year, html) of one article page."""
    year, month, day = (int(part) for part in record["date"].split("-"))
    esc = functools.partial(html.escape, quote=True)
    section = record.get("section") or ""
    page = PAGE.format(
        title=esc(record["title"]), iso=record["date"], year=year, lede=esc(record["lede"]),
        datefr=f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}",
        body="".join(f"<p>{esc(p)}</p>" for p in paragraphs(record["body"])),
        sections=f'<a href="#" data-pagefind-filter="section">{esc(section)}</a>' if section else "",
    )
    return f"articles/{record['id']}/index.html", str(year), page


def write_pages(output: Path, batch) -> list:
    from kiosque_search.shards import Page

    pages = []
    for record in batch:
        save_as, _year, page = article_page(record)
        target = output / save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        pages.append(Page(save_as, record["date"], hashlib.sha256(page.encode()).hexdigest()))
    return pages


def filter_counts(batch) -> dict:
    from kiosque_search import facets

    return facets.count([{"year": [r["date"][:4]], "section": [r["section"]] if r.get("section") else []}
                         for r in batch])


def search_page(into: Path) -> None:
    """recherche/ and theme/ from a real Pelican build of a few corpus articles."""
    from conftest import ORANGE, build, make_site_dirs

    with tempfile.TemporaryDirectory() as temporary:
        site = make_site_dirs(Path(temporary), sorted(ORANGE.glob("*.txt"))[:3])
        build(site, KIOSQUE_SEARCH=False)
        for name in ("recherche", "theme"):
            shutil.copytree(site.output / name, into / name, dirs_exist_ok=True)


# --- indexing, in a child process so that its peak memory is Pagefind's alone ----------------

def index_child(output: str, shard_size: str, pages_file: str) -> None:
    from kiosque_search import build
    from kiosque_search.shards import Page

    data = json.loads(Path(pages_file).read_text())
    pages = [Page(*row) for row in data["pages"]]
    started = time.perf_counter()
    report = build.update(Path(output), pages, "pagefind", "fr", "bench", Path(output).parent / "work",
                          int(shard_size), data["filters"])
    print(json.dumps({
        "seconds": time.perf_counter() - started,
        "peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "indexed": report.indexed, "files": report.files, "bytes": report.bytes,
    }))


def index(output: Path, shard_size: int, pages: list, filters: dict) -> dict:
    pages_file = output.parent / f"pages-{shard_size}.json"
    pages_file.write_text(json.dumps({"pages": [[p.save_as, p.day, p.digest] for p in pages], "filters": filters}))
    done = subprocess.run([sys.executable, __file__, "--index-child", str(output), str(shard_size), str(pages_file)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- bytes of one query, measured in Chromium ------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def query_bytes(output: Path, queries) -> list[dict]:
    from conftest import CHROMIUM
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for query in queries:
            context = browser.new_context(locale="fr-FR")  # a fresh cache for every query
            page = context.new_page()
            seen = []
            page.on("requestfinished", lambda request, seen=seen: seen.append(request))
            page.goto(f"{base}/recherche/?q={query}")
            page.wait_for_selector("#recherche[data-state=done]", timeout=120_000)
            status = page.inner_text("#search-status")
            raw = zipped = 0
            kinds: dict[str, int] = {}
            for request in seen:
                if "/pagefind/" not in request.url:
                    continue
                body = request.response().body()
                name = request.url.split("?")[0].rsplit("/", 1)[-1]
                kind = name.rsplit(".", 1)[-1] if "." in name else name
                kind = "fragment" if kind == "pf_fragment" else kind
                kinds[kind] = kinds.get(kind, 0) + len(body)
                raw += len(body)
                compressible = name.endswith((".js", ".json"))
                zipped += len(gzip.compress(body)) if compressible else len(body)
            files = sum(1 for request in seen if "/pagefind/" in request.url)
            rows.append({"query": query, "status": status, "raw": raw, "gzip": zipped, "kinds": kinds,
                         "files": files})
            context.close()
        browser.close()
    server.shutdown()
    return rows


def measure(size: int, shard_sizes, queries) -> None:
    place = WORK / f"n{size}"
    shutil.rmtree(place, ignore_errors=True)
    output = place / "output"
    output.mkdir(parents=True)
    started = time.perf_counter()
    batch = list(records(size))
    pages = write_pages(output, batch)
    filters = filter_counts(batch)
    search_page(output)
    print(f"\n== {size} articles (pages written in {time.perf_counter() - started:.0f} s)", flush=True)
    newest = max(batch, key=lambda r: r["date"])
    additions = {
        # A copy of the newest article, same day: what a daily import adds.
        "newest day": {**newest, "id": "plus-un"},
        # The next record of the corpus (or the first one again when the corpus is used up).
        "older date": {**(next(records(1, start=size), None) or batch[0]), "id": "plus-un-ancien"},
    }
    for shard_size in shard_sizes:
        label = f"shards of {shard_size}" if shard_size else "one index"
        shutil.rmtree(output / "pagefind", ignore_errors=True)
        first = index(output, shard_size, pages, filters)
        print(f"[{label}] index: {first['seconds']:.1f} s, Pagefind peak {first['peak_mib']:.0f} MiB, "
              f"{len(first['indexed'])} shard(s), {first['files']} files, {first['bytes'] / 1e6:.1f} MB", flush=True)
        for row in query_bytes(output, queries):
            kinds = ", ".join(f"{k} {v / 1e3:.0f}" for k, v in sorted(row["kinds"].items()))
            print(f"[{label}] query {row['query']!r}: {row['raw'] / 1e3:.0f} kB downloaded "
                  f"({row['gzip'] / 1e3:.0f} kB with gzip on JS/JSON), {row['files']} files — {kinds} kB — "
                  f"{row['status']}", flush=True)
        for what, record in additions.items():
            extra = write_pages(output, [record])
            again = index(output, shard_size, pages + extra, filters)
            print(f"[{label}] +1 article ({what}, {record['date']}): {again['seconds']:.1f} s, "
                  f"re-indexed {again['indexed']}, peak {again['peak_mib']:.0f} MiB", flush=True)
            (output / extra[0].save_as).unlink()
            index(output, shard_size, pages, filters)  # back to the base index for the next one


def main() -> None:
    if sys.argv[1:2] == ["--index-child"]:
        index_child(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 35987])
    parser.add_argument("--shard-sizes", type=int, nargs="+", default=[1000],
                        help="articles per shard (KIOSQUE_SEARCH_SHARD_SIZE); 0 for one index")
    parser.add_argument("--queries", nargs="+", default=list(QUERIES))
    args = parser.parse_args()
    for size in args.sizes:
        measure(size, args.shard_sizes, args.queries)


if __name__ == "__main__":
    main()
