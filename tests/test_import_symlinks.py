"""A raw file is never read from outside the seeds folder: a symlink that leads out of it is
refused unread, with one line naming it and the reason, and the batch goes on. A symlink to a file
inside the folder is read (it is the same raw text under another name)."""

import logging
import os
import shutil

import pytest
from conftest import ORANGE
from import_helpers import read_meta, run
from kiosque_import import planning

GOOD, OUTSIDE, BELOW = sorted(ORANGE.glob("*.txt"))[:3]
BELOW_TITLE = "Une petite fille seule survivante d'un crash d'avion"


@pytest.fixture
def seeds(tmp_path):
    """good.txt (a copy), outside.txt and relative.txt (symlinks to a real article outside the
    folder), below.txt (a symlink to an article in a subfolder, which the import does not list
    itself), same.txt (a symlink to good.txt), dangling.txt (a symlink to nothing)."""
    seeds = tmp_path / "seeds"
    (seeds / "kept").mkdir(parents=True)
    shutil.copy(GOOD, seeds / "good.txt")
    elsewhere = tmp_path / "elsewhere" / "article.txt"
    elsewhere.parent.mkdir()
    shutil.copy(OUTSIDE, elsewhere)  # article shape: a refusal for its shape would be no proof
    (seeds / "outside.txt").symlink_to(elsewhere)
    (seeds / "relative.txt").symlink_to(os.path.join("..", "elsewhere", "article.txt"))
    shutil.copy(BELOW, seeds / "kept" / "article.txt")
    (seeds / "below.txt").symlink_to(os.path.join("kept", "article.txt"))
    (seeds / "same.txt").symlink_to("good.txt")
    (seeds / "dangling.txt").symlink_to(seeds / "kept" / "gone.txt")
    return seeds


def test_symlinks_out_of_the_seeds_folder_are_refused_unread(seeds, tmp_path, monkeypatch, caplog):
    reads = []
    real_read = planning.read_raw
    monkeypatch.setattr(planning, "read_raw", lambda path, *a: reads.append(str(path)) or real_read(path, *a))
    with caplog.at_level(logging.WARNING, logger="kiosque_import"):
        report = run(seeds, tmp_path / "posts")
    target = os.path.realpath(tmp_path / "elsewhere" / "article.txt")
    outside = f"symlink to {target}, outside the seeds folder: not read"
    assert report.refused == [
        {"file": "dangling.txt", "reason": "unreadable (No such file or directory)"},
        {"file": "outside.txt", "reason": outside},
        {"file": "relative.txt", "reason": outside},
    ]
    assert target not in reads and str(seeds / "outside.txt") not in reads
    assert [r.getMessage() for r in caplog.records if "outside" in r.getMessage()] == [
        f"{seeds}{os.sep}outside.txt: refused: {outside}",
        f"{seeds}{os.sep}relative.txt: refused: {outside}",
    ]
    # The batch went on: the links inside the folder were read like any raw file.
    assert report.new == ["below.txt", "good.txt"]
    assert report.duplicates == [{"file": "same.txt", "same_as": "good.txt"}]
    posts = {p.name: read_meta(p) for p in (tmp_path / "posts").glob("*.md")}
    assert sorted(meta["Source"] for meta in posts.values()) == ["below.txt", "good.txt"]
    assert [meta["Title"] for meta in posts.values() if meta["Source"] == "below.txt"] == [BELOW_TITLE]


def test_a_raw_file_turned_into_a_symlink_out_is_refused_on_the_next_import(seeds, tmp_path):
    """The stamps of a converted file do not vouch for a symlink that replaced it; a symlink that
    now leads out through it (same.txt -> good.txt -> outside) is refused too."""
    for name in ("outside.txt", "relative.txt", "dangling.txt"):
        (seeds / name).unlink()
    posts = tmp_path / "posts"
    assert run(seeds, posts).new == ["below.txt", "good.txt"]
    (seeds / "good.txt").unlink()
    (seeds / "good.txt").symlink_to(tmp_path / "elsewhere" / "article.txt")
    report = run(seeds, posts)
    target = os.path.realpath(tmp_path / "elsewhere" / "article.txt")
    outside = f"symlink to {target}, outside the seeds folder: not read"
    assert report.refused == [{"file": "good.txt", "reason": outside}, {"file": "same.txt", "reason": outside}]
    assert report.unchanged == 1 and report.new == report.changed == []


def test_a_seeds_folder_that_is_itself_a_symlink_is_read(seeds, tmp_path):
    """What counts is where a raw file lies against the folder's real path, not how it is named."""
    for name in ("outside.txt", "relative.txt", "dangling.txt"):
        (seeds / name).unlink()
    alias = tmp_path / "alias"
    alias.symlink_to(seeds, target_is_directory=True)
    report = run(alias, tmp_path / "posts")
    assert report.refused == [] and report.new == ["below.txt", "good.txt"]
    assert report.duplicates == [{"file": "same.txt", "same_as": "good.txt"}]


def test_a_file_swapped_for_a_symlink_after_the_check_is_not_read(tmp_path):
    """read_raw opens without following a symlink: a swap between the check and the read is refused."""
    from kiosque_import.article import Refused
    from kiosque_import.read import read_raw

    link = tmp_path / "swapped.txt"
    link.symlink_to(GOOD)
    with pytest.raises(Refused, match="^became a symlink while it was read: not read$"):
        read_raw(str(link))
