"""Which of a text's sentences reappear in another (plugins/kiosque_stories/sentences.py): the
reading standard's « most of the earlier article's sentences reappear in the later one »."""

from __future__ import annotations

from kiosque_stories import sentences, shingles

EARLIER = ("Le ministre a annoncé lundi la fermeture des écoles du département.Les parents devront garder "
           "leurs enfants à la maison. M. Durand a salué la décision.")
LATER = ("Le ministre a annoncé mardi la fermeture des écoles du département. Un autre sujet sans aucun rapport "
         "avec le premier texte.")


def cut(text: str) -> list[tuple[int, frozenset[str]]]:
    return sentences.sentences(text, shingles.words)


def test_sentences_are_cut_at_glued_paragraphs_and_short_pieces_left_out():
    # « département.Les » (paragraphs glued in the corpus) ends a sentence; « M. » and « Durand a salué la
    # décision » (5 words) are too short to count.
    assert [count for count, _ in cut(EARLIER)] == [11, 9]
    assert sorted(cut(EARLIER)[1][1])[:2] == ["devront garder leurs", "enfants à la"]


def test_an_edited_sentence_reappears_and_the_share_is_counted_in_words():
    # « lundi » became « mardi »: 6 of the sentence's 9 runs of 3 words are found, over NEAR (half). The
    # earlier's first sentence (11 of its 20 words) reappears; of the later's 21 words, the same 11.
    earlier, later = cut(EARLIER), cut(LATER)
    assert round(sentences.reappear(earlier, sentences.every_run(later)), 4) == 0.55
    assert round(sentences.reappear(later, sentences.every_run(earlier)), 4) == 0.5238
    assert sentences.reappear([], sentences.every_run(later)) == 0.0
