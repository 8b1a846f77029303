"""What makes tagging faster must not change what it finds: the regular expressions rebuilt from
the disk cache, the registry kept between chunks, the rewritten scans."""

from __future__ import annotations

import json
import random
import re
import shutil
from collections import Counter
from contextlib import ExitStack
from datetime import date

import pytest
from conftest import ORANGE, ROOT, SEED, build, make_site_dirs
from kiosque_core.signals import articles_ahead, articles_parsed, articles_written, import_finished, import_started
from kiosque_import import pipeline
from kiosque_tags import compiled, firstnames, holes, mentions, plugin, registryfile
from kiosque_tags import registry as registry_module
from kiosque_tags.entity import file_order
from kiosque_tags.registry import Entity, Registry


def test_a_long_pattern_from_the_cache_is_the_compiled_one(tmp_path):
    if not hasattr(re, "_compiler") or compiled.sys.version_info[:2] not in compiled.SUPPORTED:
        pytest.skip("no cache on this Python")
    pattern = "(?iu)" + "|".join(f"(?:^[a-zà-ÿ]+-{i}(?P<g{i}>[’']?)\\w*$)" for i in range(600))
    assert len(pattern) > compiled.LONG
    expected = re._compiler.compile(pattern, 0)
    for _ in range(2):  # written, then read back
        with compiled.cached_long_patterns(tmp_path):
            got = re._compiler.compile(pattern, 0)
        assert got == expected and got.groupindex == expected.groupindex and got.groups == expected.groups
        assert [p.name for p in tmp_path.iterdir()] and got.match("Abc-7’x").group("g7") == "’"
    for path in tmp_path.iterdir():
        path.write_bytes(b"not JSON")
    with compiled.cached_long_patterns(tmp_path):
        assert re._compiler.compile(pattern, 0) == expected  # a broken cache file is compiled again
    for path in tmp_path.iterdir():  # well-formed, but a program _sre refuses
        path.write_text('{"flags": 32, "code": "AQAAAAIAAAA=", "groups": 0, "groupindex": {}, "indexgroup": [null]}')
    with compiled.cached_long_patterns(tmp_path):
        assert re._compiler.compile(pattern, 0) == expected


def test_the_first_names_from_the_cache_are_the_folded_dictionary(tmp_path):
    folded = firstnames._fold_dictionary()
    assert folded["laeticia"] is True and folded["recep"] is False and len(folded) > 40_000
    assert firstnames.table(tmp_path) == folded  # worked out, and written
    [path] = tmp_path.iterdir()
    path.write_text('{"laeticia": false}', encoding="utf-8")
    assert firstnames.table(tmp_path) == {"laeticia": False}  # read back: no parsing
    path.write_text('{"laeticia": 1', encoding="utf-8")
    assert firstnames.table(tmp_path) == folded  # a broken file is worked out again...
    assert json.loads(path.read_text(encoding="utf-8")) == folded  # ...and replaced
    path.write_text('["laeticia"]', encoding="utf-8")
    assert firstnames.table(tmp_path) == folded


def test_the_build_reads_the_registry_only_when_the_import_did_not_just_save_it(tmp_path, monkeypatch):
    site = make_site_dirs(tmp_path, [SEED, *sorted(ORANGE.glob("*.txt"))[:4]])
    loaded = []
    real = Registry.load
    monkeypatch.setattr(Registry, "load", lambda path: loaded.append(path) or real(path))
    build(site)
    assert len(loaded) == 1  # by the import (no file yet); the build takes what it saved
    entities = site.posts / "entities.json"
    tags = {str(page): page.read_bytes() for page in (site.output / "tags").rglob("index.html")}
    entities.write_text(entities.read_text(encoding="utf-8"), encoding="utf-8")  # touched by hand
    build(site)
    assert len(loaded) == 2  # no import this time, and the file is not the one saved: read
    assert {str(page): page.read_bytes() for page in (site.output / "tags").rglob("index.html")} == tags
    assert len(tags) > 20


def test_the_registry_kept_in_memory_is_indexed_as_the_saved_file(tmp_path):
    registry = Registry()
    for name, type_ in [("Erdogan", "PER"), ("Recep Tayyip Erdoğan", "PER"), ("Ankara", "LOC"),
                        ("Zoé Martin", "PER"), ("Martin", "ORG"), ("Anne Martin", "PER"), ("ERDOGAN", "ORG")]:
        registry.observe(name, type_, Counter({name: 1}), "a.txt")
    registry.save(tmp_path / "entities.json")
    loaded, kept = Registry.load(tmp_path / "entities.json"), registry.reloaded()

    def index(r):
        return ([(k, e.name) for k, e in r._by_key.items()],
                [(k, [e.name for e in people]) for k, people in r._by_surname.items()],
                [e.to_json() for e in r.entities])

    assert index(kept) == index(loaded)
    assert [e.name for e in kept.with_given_names(["zoe"])] == ["Zoé Martin"]


def test_rewritten_scans_match_the_straightforward_ones():
    """``runs`` and ``opens_sentence`` against a plain reading of their definitions."""
    rnd = random.Random(7)
    words = ("le la de du l’ d' Jean-Marie Le Pen Ligue 1 3,5 « » . , ! - Bachar al-Assad Élysée "
             "président ministre Recep Tayyip qu’Idlib 12 PSG Paris\n").split(" ")
    for _ in range(1000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 20)))
        for k in range(len(text) + 1):
            before = text[:k].rstrip()
            assert mentions.opens_sentence(text, k) == (not before or before[-1] in mentions._OPENERS)
        for run, _initial in mentions.runs(text):
            assert run and all(text[w.start:w.end] == w.text for w in run)
            assert run[-1].text.lower() not in mentions._PARTICLES
        holes.find(text, {"assad"})


def test_the_model_started_ahead_of_each_chunk_tags_as_without(tmp_path, monkeypatch):
    """The import announces the next chunk before writing the current one (articles_ahead) and
    the model starts on it: every post and the registry are the same as without, and neither the
    model nor the reading of heads against the registry is done again on a chunk started ahead."""
    from kiosque_tags import enrich

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in [SEED, *sorted(ORANGE.glob("*.txt"))]:
        shutil.copy(path, seeds / path.name)
    monkeypatch.setattr(pipeline, "CHUNK", 60)  # four chunks, each spread over two processes
    late = []  # chunks the model had not started on ahead
    real = enrich._recognise
    monkeypatch.setattr(enrich, "_recognise", lambda *args: late.append(1) or real(*args))
    heads_read = []
    real_unexplained = mentions.unexplained
    monkeypatch.setattr(mentions, "unexplained", lambda *args: heads_read.append(1) or real_unexplained(*args))
    outcomes, reads = [], []
    for ahead in (True, False):
        late.clear()
        heads_read.clear()
        posts = tmp_path / f"posts-{ahead}"
        settings = {"KIOSQUE_ENTITIES": str(posts / "entities.json"), "KIOSQUE_TAGS_PARALLEL_FROM": 2,
                    "KIOSQUE_TAGS_PROCESSES": 2}
        with ExitStack() as stack:
            stack.enter_context(articles_parsed.connected_to(plugin.on_articles_parsed))
            stack.enter_context(articles_written.connected_to(plugin.on_articles_written))
            stack.enter_context(import_finished.connected_to(plugin.on_import_finished))
            stack.enter_context(articles_ahead.connected_to(plugin.on_articles_ahead) if ahead
                                else articles_ahead.muted())
            pipeline.run_import(pipeline.Options(seeds=seeds, posts=posts, progress=False, settings=settings,
                                                 today=date(2026, 1, 15)))
        assert len(late) == (1 if ahead else 4)
        outcomes.append({p.name: p.read_bytes() for p in sorted(posts.iterdir()) if p.is_file()})
        reads.append(len(heads_read))
    assert len(outcomes[0]) > 200 and outcomes[0] == outcomes[1]
    assert reads[0] == reads[1] > 200  # each article's head read once, ahead or not


def test_a_small_import_reads_names_with_the_model_another_process_loaded(tmp_path):
    """Below KIOSQUE_TAGS_PARALLEL_FROM the model is loaded by a process started when the batch
    arrives (`workers.warm`), not by this one, and the posts are those of an import that loads
    it itself."""
    from kiosque_tags import ner

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(ORANGE.glob("*.txt"))[:3]:
        shutil.copy(path, seeds / path.name)
    outcomes, loaded_here = [], []
    for processes in (2, 1):
        ner.load.cache_clear()
        posts = tmp_path / f"posts-{processes}"
        settings = {"KIOSQUE_ENTITIES": str(posts / "entities.json"), "KIOSQUE_TAGS_PROCESSES": processes}
        with ExitStack() as stack:
            for signal, receiver in ((import_started, plugin.on_import_started),
                                     (articles_parsed, plugin.on_articles_parsed),
                                     (articles_written, plugin.on_articles_written),
                                     (import_finished, plugin.on_import_finished)):
                stack.enter_context(signal.connected_to(receiver))
            pipeline.run_import(pipeline.Options(seeds=seeds, posts=posts, progress=False, settings=settings,
                                                 today=date(2026, 1, 15)))
        loaded_here.append(ner.load.cache_info().currsize)
        outcomes.append({p.name: p.read_bytes() for p in sorted(posts.iterdir()) if p.is_file()})
    assert loaded_here == [0, 1]
    assert outcomes[0] == outcomes[1]
    people = [line for post in outcomes[0].values() for line in post.decode().splitlines()
              if line.startswith("People: ")]
    assert len(people) >= 2  # names the model found


def _json_dumps(entities) -> str:
    return json.dumps({"version": 1, "entities": [e.to_json() for e in entities]}, ensure_ascii=False, indent=1) + "\n"


def test_the_registry_file_is_what_json_dumps_writes():
    """The registry is written by hand (the import saves it after every chunk): byte for byte what
    ``json.dumps(..., indent=1)`` wrote, awkward names and hand-edited fields included."""
    awkward = ['Zoé "la" Martin', "back\\slash", "tab\there", "line\u2028sep", "ctrl\x01", "🗞 Presse", ""]
    entities = [Entity(name, "PER", f"{i}.txt", Counter({name: i + 1, name.upper(): 2}), awkward[:i])
                for i, name in enumerate(awkward)]
    entities.append(Entity("Ankara", "LOC"))  # no variants, no former name
    assert registryfile.dumps(entities) == _json_dumps(entities)
    assert registryfile.dumps([]) == _json_dumps([])
    committed = ROOT / "content" / "posts" / "entities.json"
    loaded = Registry.load(committed)
    assert registryfile.dumps(sorted(loaded.entities, key=file_order)) == \
        committed.read_text(encoding="utf-8")


@pytest.mark.parametrize("odd", [
    {"variants": Counter({"Ankara": True})}, {"variants": Counter({"Ankara": 1.5})},
    {"variants": {"Ankara": None}}, {"first_seen": None}, {"former": ["Angora", 3]}, {"name": 7},
])
def test_a_hand_edited_registry_is_still_written_as_json_dumps_would(odd):
    entities = [Entity("Ankara", "LOC", "a.txt", Counter({"Ankara": 2})), Entity("Paris", "LOC", "b.txt")]
    for field, value in odd.items():
        setattr(entities[0], field, value)
    assert registryfile.dumps(entities) == _json_dumps(entities)


@pytest.mark.parametrize("frozen", [True, False])
def test_processes_forked_for_a_call_leave_the_collector_as_they_found_it(frozen):
    """``workers.start`` freezes this process's objects while it forks (children then leave their
    pages alone); it unfreezes them after only if they were not frozen before (the import keeps
    what outlives its chunks frozen until it ends)."""
    import gc

    from kiosque_tags import workers

    gc.unfreeze()
    try:
        if frozen:
            gc.freeze()
        assert workers.spread(lambda part: [n * 2 for n in part], [1, 2, 3, 4], (), 2, "") == [2, 4, 6, 8]
        assert (gc.get_freeze_count() > 0) is frozen
    finally:
        gc.unfreeze()


class _ScanningRegistry(Registry):
    """The registry as it was: an absorbed bare surname looked for in every entity and every key."""

    def _absorb_bare_surname(self, person):
        people = self._by_surname.get(registry_module.surname_key(person.name), [])
        for bare in [e for e in people if not e.full and e is not person]:
            if self.person_by_surname(bare.name) is not person or registry_module._outnumbers(bare, person):
                continue
            person.variants.update(bare.variants)
            person.votes.update(bare.votes)  # the archive's type votes go along (issue #15)
            person.articles.update(bare.articles)  # and the spellings' article counts
            person.former.extend(n for n in [bare.name, *bare.former] if n not in person.former)
            self.entities.remove(bare)
            people.remove(bare)
            for k, e in list(self._by_key.items()):
                if e is bare:
                    self._by_key[k] = person


def test_absorbing_a_bare_surname_indexes_as_the_full_scan_did():
    """Bare surnames (« Durand »), then one or two full names of that surname, in random order:
    many bare surnames are absorbed, some full names are renamed; both ways index alike."""
    rng = random.Random(6)
    people = [(f"Durand{i}", rng.sample(["Jean", "Zoé", "Anne-Marie", "Recep Tayyip"], rng.choice([1, 1, 2])))
              for i in range(300)]
    events = [(surname, None) for surname, _ in people for _ in range(rng.randint(1, 3))]
    events += [(surname, first) for surname, firsts in people for first in firsts for _ in range(rng.randint(1, 4))]
    rng.shuffle(events)
    registries = [Registry(), _ScanningRegistry()]
    for n, (surname, first) in enumerate(events):
        name = surname if first is None else f"{first} {surname}"
        surfaces = Counter({name: 1, rng.choice([name, name.upper(), surname]): 1})
        for registry in registries:
            registry.observe(name, "PER", surfaces, f"{n}.txt")

    def index(r):
        position = {id(e): i for i, e in enumerate(r.entities)}
        return (sorted((k, position[id(e)]) for k, e in r._by_key.items()),
                sorted((k, [position[id(e)] for e in people]) for k, people in r._by_surname.items()),
                [e.to_json() for e in r.entities])

    assert index(registries[0]) == index(registries[1])
    absorbed = sum(1 for e in registries[0].entities if any(len(f.split()) == 1 for f in e.former))
    assert absorbed > 100
