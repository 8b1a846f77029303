"""Any subset of Kiosque's plugins works, in any order: each plugin registers through
kiosque_core (its defaults, the build state, the build lock) and imports no other plugin, so
``PLUGINS`` in a shuffled order, with each optional plugin left out in turn, still builds the
demo fixture site (the seed and the 200 corpus articles), with the pages that plugin makes and
no others missing. ``kiosque_theme`` stays: it is the theme's own plugin (filters, facets).

Builds run as separate processes: Pelican keeps a plugin's receivers connected for the life of
a process, so an in-process build would still have the left-out plugin's."""

from __future__ import annotations

import json
import random
import shutil

import pytest
from conftest import corpus_files, make_site_dirs
from faultkit import build_command, digest, run

ALL = ["kiosque_import", "kiosque_tags", "kiosque_theme", "kiosque_stories", "kiosque_search",
       "kiosque_pagination", "kiosque_incremental"]
OPTIONAL = [name for name in ALL if name != "kiosque_theme"]


def _build(root, plugins: list[str]) -> dict[str, str]:
    done = run(build_command(root, f"PLUGINS={json.dumps(plugins)}"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Cannot load plugin" not in done.stdout + done.stderr
    return digest(root / "output")


def _without_search(output: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in output.items() if not name.startswith("pagefind/")}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The demo site built with every plugin, in PLUGINS order; its posts are reused below."""
    root = tmp_path_factory.mktemp("all")
    make_site_dirs(root, corpus_files())
    return root, _build(root, ALL)


@pytest.mark.parametrize("left_out", OPTIONAL)
def test_a_shuffled_subset_builds_the_demo_site(reference, left_out, tmp_path):
    root, full = reference
    shutil.copytree(root / "content", tmp_path / "content")  # the imported posts too
    plugins = [name for name in ALL if name != left_out]
    random.Random(left_out).shuffle(plugins)
    output = _build(tmp_path, plugins)
    articles = sorted(name for name in full if name.startswith("articles/"))
    assert len(articles) == 201 and sorted(n for n in output if n.startswith("articles/")) == articles
    if left_out == "kiosque_search":
        assert not any(name.startswith("pagefind/") for name in output)
        assert _without_search(output) == _without_search(full)
    elif left_out == "kiosque_pagination":  # Pelican's numbered pages instead of dated chunks
        assert "page/2/index.html" in output and "page/2/index.html" not in full
    elif left_out in ("kiosque_tags", "kiosque_stories"):  # tags as the posts write them; every version listed
        assert "tags/index.html" in output and "personnes/index.html" in output
    else:  # the import (posts already there) and the incremental writer change no page
        assert _without_search(output) == _without_search(full)
        assert any(name.startswith("pagefind/") for name in output)
