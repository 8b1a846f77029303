"""Bad input, encoding traps and text that must stay text."""

import html
import json
from html.parser import HTMLParser

import pytest
from conftest import ORANGE, SEED
from import_helpers import read_meta, run
from kiosque_import.article import Refused
from kiosque_import.pipeline import Options, parse
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

GOOD = (ORANGE / "000_fecbcbbeceda96d0.txt").read_bytes()
TITLE = "Tours : deux personnes âgées décèdent dans la salle d'attente des urgences"
SPLITTER = Options(seeds=ORANGE, posts=ORANGE).splitter()


def parsed(data: bytes):
    return parse("x.txt", data, SPLITTER)


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\r\n \n", "whitespace only"),
    "binary.txt": (bytes(range(256)) * 8, "binary content"),
    "undecodable.txt": (b"Titre \x81\x8d\x8f\x90\x9d\n\ncorps \x81\x9d du texte", "undecodable"),
    "chrome.txt": ("Réagir\n\nA lire aussi\n\nNEWSLETTER\n\nPartager\n".encode(), "no title"),
    "notitle.txt": (b"FRANCE - Un chapeau sans titre ni corps.\n", "no title"),
    "nobody.txt": ("Un titre tout seul\n\nRéagir\n".encode(), "no body paragraph"),
    "huge.txt": (b"Titre\n\n" + b"Une phrase assez longue pour compter comme texte. " * 120_000, "too large"),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, (data, _) in BAD_INPUTS.items():
        (seeds / name).write_bytes(data)
    (seeds / "good.txt").write_bytes(GOOD)
    report = run(seeds, root / "posts")
    return root, report


def test_each_bad_input_is_refused_with_its_reason(batch):
    _, report = batch
    reasons = {item["file"]: item["reason"] for item in report.refused}
    assert set(reasons) == set(BAD_INPUTS)
    for name, (_, reason) in BAD_INPUTS.items():
        assert reasons[name].startswith(reason), (name, reasons[name])


def test_the_batch_goes_on_and_the_report_counts(batch):
    root, report = batch
    assert report.new == ["good.txt"]
    saved = json.loads((root / "report.json").read_text(encoding="utf-8"))
    assert len(saved["refused"]) == len(BAD_INPUTS)
    assert [p.name for p in (root / "posts").glob("*.md")] == [
        "tours-deux-personnes-agees-decedent-dans-la-salle-d-attente-des-urgences.md"]
    assert "refused" in report.summary() and "huge.txt: refused: too large" in report.summary()


@pytest.mark.parametrize("encode", [
    pytest.param(lambda text: text.encode("utf-8"), id="utf-8"),
    pytest.param(lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"), id="utf-8-bom"),
    pytest.param(lambda text: text.encode("cp1252"), id="cp1252"),
    pytest.param(lambda text: text.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
    pytest.param(lambda text: text.encode("utf-8").decode("latin-1").encode("utf-8"), id="mojibake"),
    pytest.param(lambda text: text.encode("utf-16"), id="utf-16"),
])
def test_encoding_traps_give_the_same_article(encode):
    reference = parsed(GOOD)
    article = parsed(encode(GOOD.decode("utf-8")))
    assert article.title == TITLE
    assert article.lede == reference.lede
    assert [b.text for b in article.blocks] == [b.text for b in reference.blocks]


def test_french_quotes_and_apostrophes_are_kept():
    article = parsed(SEED.read_bytes())
    assert "d’empêcher" in article.title  # curly apostrophe, not '
    assert article.paragraphs[0].startswith("La doit mettre fin à son soutien aux «\u00a0atrocités\u00a0»")


def test_stray_tags_removed_and_spaces_normalised():
    raw = ("Un titre <b>gras</b>\n\nFRANCE - Le chapeau.\n\n"
           "Un  paragraphe\tavec <a href='x'>un lien</a> et <br/> des   espaces, assez long pour compter.\n")
    article = parsed(raw.encode())
    assert article.title == "Un titre gras"
    assert article.paragraphs == ["Un paragraphe avec un lien et des espaces, assez long pour compter."]


HOSTILE_LINES = [
    "# Pas un titre de section mais du texte",
    "* pas une liste, une étoile",
    "1. pas une liste numérotée",
    "> pas une citation",
    "Title: pas une métadonnée",
    "Un <script>alert(1)</script> dans le texte",
    "Un lien [cliquez](javascript:alert(1)) qui n’en est pas un",
    "Des _soulignés_ et **gras** et `code` restent tels quels",
    ": pas une définition",
]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_text_renders_literally_in_pelican_html(tmp_path):
    raw = "Un titre <script>x</script> [a](javascript:b)\n\nFRANCE - Un chapeau *étoilé*.\n\n" + "\n\n".join(
        f"{line}, et la phrase continue assez longtemps." for line in HOSTILE_LINES) + "\n"
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "hostile.txt").write_text(raw, encoding="utf-8")
    run(tmp_path / "seeds", tmp_path / "posts")
    post = next((tmp_path / "posts").glob("*.md"))
    content, meta = MarkdownReader(read_settings(None)).read(str(post))
    collected = _Collect()
    collected.feed(content)
    assert {tag for tag, _ in collected.tags} == {"p"}, collected.tags
    visible = html.unescape("".join(collected.text))
    for line in HOSTILE_LINES:
        assert f"{line}, et la phrase continue assez longtemps." in visible
    assert meta["title"] == "Un titre <script>x</script> [a](javascript:b)"
    assert "pas une métadonnée" not in str(meta.get("title"))
    summary = _Collect()
    summary.feed(str(meta["summary"]))
    assert html.unescape("".join(summary.text)) == "Un chapeau *étoilé*."
    assert read_meta(post)["Title"] == meta["title"]


def test_parse_refuses_without_touching_disk():
    with pytest.raises(Refused, match="no title"):
        parsed("Réagir\n\nPartager\n".encode())
