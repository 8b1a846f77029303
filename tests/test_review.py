"""The entity review command (``python -m kiosque_tags review``): entities by number of articles,
as the build shows them (registry and corrections), with their spellings and a sentence each."""

from __future__ import annotations

from kiosque_tags.__main__ import main
from test_corrections import CORRECTIONS, POSTS


def make_posts(tmp_path):
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    for name, text in POSTS.items():
        (posts / name).write_text(text, encoding="utf-8")
    return posts


def test_review_lists_entities_by_articles(tmp_path, capsys):
    posts = make_posts(tmp_path)
    (tmp_path / "content" / "entities-corrections.toml").write_text(CORRECTIONS, encoding="utf-8")
    assert main(["review", "--posts", str(posts)]) == 0
    assert capsys.readouterr().out == f"""Entities of {posts} (3 posts), by articles naming them:

   #  articles  type  entity           other spellings
   1         3  ORG   Front national   FN, Front National
                    « Vincent Lagaffe a parlé du Front National. » (lagaffe-et-le-front)
   2         2  PER   Vincent Lagaffe  Vincent Lagaf
                    « Vincent Lagaffe a parlé du Front National. » (lagaffe-et-le-front)
   3         1  LOC   Kilauea
                    « Vincent Lagaf a visité le Kilauea avant The Voice et Complément d'enquête. » (lagaf-a-hawai)
"""


def test_review_without_corrections_by_type_and_top(tmp_path, capsys):
    posts = make_posts(tmp_path)
    assert main(["review", "--posts", str(posts), "--type", "PER", "--top", "2"]) == 0
    assert capsys.readouterr().out == f"""Entities of {posts} (3 posts), by articles naming them:

   #  articles  type  entity         other spellings
   1         1  PER   Kilauea
                    « Vincent Lagaf a visité le Kilauea avant The Voice et Complément d'enquête. » (lagaf-a-hawai)
   2         1  PER   Vincent Lagaf
                    « Vincent Lagaf a visité le Kilauea avant The Voice et Complément d'enquête. » (lagaf-a-hawai)
"""


def test_review_of_a_missing_folder(tmp_path, capsys):
    assert main(["review", "--posts", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err == f"kiosque_tags review: {tmp_path / 'none'}: no such folder of posts\n"
