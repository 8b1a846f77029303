"""What makes tagging faster must not change what it finds: the regular expressions rebuilt from
the disk cache, the registry kept between chunks, the rewritten scans."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest
from kiosque_tags import compiled, holes, mentions
from kiosque_tags.registry import Registry


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
        path.write_bytes(b"not a pickle")
    with compiled.cached_long_patterns(tmp_path):
        assert re._compiler.compile(pattern, 0) == expected  # a broken cache file is compiled again


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
