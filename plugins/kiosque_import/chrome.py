"""Recognising page chrome: the site's navigation, calls to action and related links.

Chrome is classified generically (calls to action, very short navigation-like lines, related
headline blocks after the article) so that sites we have never seen lose their footers too;
site-specific markers can be added with the ``KIOSQUE_CHROME_MARKERS`` setting.
"""

from __future__ import annotations

import re

# Lines a news page prints around an article, on most French sites.
DEFAULT_MARKERS = (
    r"r[ée]agir",
    r"r[ée]agissez",
    r"[àa] lire aussi",
    r"lire aussi",
    r"voir aussi",
    r"sur le m[êe]me sujet",
    r"dans la m[êe]me rubrique",
    r"les plus lus",
    r"newsletter",
    r"inscrivez-vous",
    r"abonnez-vous",
    r"suivez-nous",
    r"partager",
    r"partagez",
    r"r[ée]seaux sociaux",
    r"que pensez-vous",
    r"votre avis",
    r"poster un commentaire",
    r"laisser un commentaire",
    r"commentaires?",
    r"soyez le premier",
    r"me notifier",
    r"publicit[ée]",
    r"avatar",
    r"wpdiscuz",
    r"tags?\s*:",
    r"mots-cl[ée]s\s*:",
    r"cet article vous a plu",
    r"signaler un abus",
    r"imprimer",
    r"envoyer par e-?mail",
    r"(facebook|twitter|instagram|linkedin|whatsapp|youtube|tiktok|pinterest)\b",
)

# Site boilerplate worded as sentences, so as long as prose: consent, paywall, reading time,
# photo credits, calls to subscribe. Recognised by how they start, whatever their length.
BOILERPLATE = re.compile(
    r"^(?:ce site utilise des cookies|nous utilisons des cookies|le contenu de ce lecteur|"
    r"(?:cet )?article (?:est )?réservé aux abonnés|il vous reste \d+ ?% de l['’]article|"
    r"vous avez lu \d+ articles?|profitez de l['’]offre|cet article vous a (?:été utile|plu)|"
    r"vous avez aimé cet article|temps de lecture|lecture \d+ min|\d+ min(?:utes?)? de lecture|"
    r"vous devez être connecté|vos réactions|\d+ commentaires?\b|"
    r"(?:photo|crédit photo|illustration)\b[^.]*©|©|\[vid[ée]o\]|"
    r"(?:voir|écouter) (?:l['’]émission|le diaporama|la carte|la vidéo|le direct)|écouter\b|"
    r"copier le lien|épingler|je m['’]abonne|je m['’]inscris|s['’]inscrire|s['’]abonner|se connecter|"
    r"vid[ée]os du moment|vous aimerez aussi|sujets associés|mots-clés|gestion des cookies|"
    r"mentions légales)",
    re.IGNORECASE,
)
# Pictograms and arrows a page puts before a link or a counter (▶ Écouter, 💬 24 commentaires).
_PICTOGRAMS = re.compile(r"^[^\w«\"“'‘(\[]+\s*")
MARKER_WORDS = 8  # calls to action and link labels are no longer than this
_READ_ALSO = re.compile(r"^(?:[àa] )?(?:lire|voir) aussi\b", re.IGNORECASE)
LONG_LINE = 25  # words; no headline, link or call to action is this long
_SENTENCE_END = re.compile(r"[.!?…»\"”)]$")
_BULLET = re.compile(r"^[•·▪◦‣-]\s+")
_SEPARATORS = re.compile(r"\s*[|·•]\s*")


def marker_pattern(extra: tuple[str, ...] | list[str] = ()) -> re.Pattern:
    alternatives = "|".join([*DEFAULT_MARKERS, *extra])
    return re.compile(rf"^(?:{alternatives})", re.IGNORECASE)


def is_marker(line: str, markers: re.Pattern) -> bool:
    """A call to action or a link label. Those are short: « Facebook retire des pubs de la
    campagne Trump » is a headline; only « Lire aussi : … » introduces a long line."""
    text = _PICTOGRAMS.sub("", _BULLET.sub("", line))
    if BOILERPLATE.match(text):
        return True
    if not markers.match(text):
        return False
    if len(text.split()) <= MARKER_WORDS or _READ_ALSO.match(text):
        return True
    return _buttons(text, markers)


def _buttons(text: str, markers: re.Pattern) -> bool:
    """« Partager sur Facebook Partager sur Twitter Partager par e-mail », « Facebook | Twitter |
    Imprimer »: a row of buttons, each a marker, set apart by separators or each opening on the
    same word (the spaces between them are gone by now)."""
    first = re.escape(text.split()[0])
    for pattern in (_SEPARATORS, re.compile(rf"\s+(?={first}\b)", re.IGNORECASE)):
        parts = [p for p in pattern.split(text) if p.strip()]
        if len(parts) > 1 and all(markers.match(p) and len(p.split()) <= MARKER_WORDS for p in parts):
            return True
    return False


def reads_also(line: str) -> bool:
    """« À lire aussi », « Voir aussi » alone: the lines after it are related headlines."""
    text = _PICTOGRAMS.sub("", _BULLET.sub("", line)).strip(" :")
    return bool(_READ_ALSO.match(text)) and len(text.split()) <= 3


def is_paragraph(line: str, markers: re.Pattern) -> bool:
    """A line of running prose: several words ending like a sentence, and no call to action."""
    if is_marker(line, markers):
        return False
    words = len(line.split())
    # Long lines are prose even when a wire-service code trails them ("voter.dch/oaa/it").
    return words >= LONG_LINE or (words >= 6 and bool(_SENTENCE_END.search(line)))


def tail_start(lines: list[str], start: int, markers: re.Pattern) -> int:
    """Index where the page's tail begins: after the last paragraph of prose.

    Anything after the last real paragraph (related headlines, social names, polls) is chrome:
    an article never ends on a sub-heading or a bare link.
    """
    last = start - 1
    for i in range(start, len(lines)):
        if is_paragraph(lines[i], markers):
            last = i
    last = min(last, _standalone_marker(lines, start, markers) - 1)
    # A list that closes the article (bullets right after the last paragraph) stays, unless
    # a marker line separates it from the prose.
    end = last + 1
    while end < len(lines) and _BULLET.match(lines[end]) and not is_marker(lines[end], markers):
        if len(lines[end].split()) < 4:
            break
        end += 1
    return end


def _standalone_marker(lines: list[str], start: int, markers: re.Pattern) -> int:
    """First line that is only a call to action (``Réagir``, ``A lire aussi``) with no long
    paragraph after it: what follows is related headlines, however sentence-like they are."""
    long_after = len(lines)
    for i in range(len(lines) - 1, start - 1, -1):
        if len(lines[i].split()) >= LONG_LINE:
            break
        long_after = i
    for i in range(max(start + 1, long_after), len(lines)):
        if len(lines[i].split()) <= 6 and is_marker(lines[i], markers):
            return i
    return len(lines)
