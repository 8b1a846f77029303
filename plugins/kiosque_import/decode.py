"""Bytes to clean text: encoding detection, mojibake repair, newlines."""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import is_bad

from .article import Refused

# ftfy's defaults would turn French curly apostrophes and guillemets into ASCII ones.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)


# Control characters (but tab and newline), soft hyphens, bidi and other invisible format marks,
# private-use characters (the import uses one as its gap mark) and lone surrogates.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\ue000-\uf8ff\U000f0000-\U0010ffff\ud800-\udfff]"
)


def decode(data: bytes) -> str:
    """Decode raw bytes as UTF-8 (with or without BOM) or a detected legacy charset."""
    text = _decode_bytes(data)
    if is_bad(text):  # ftfy's own mojibake detector: fixing costs 10x more than checking
        text = ftfy.fix_text(text, config=_FTFY)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _drop_control_chars(text)
    return unicodedata.normalize("NFC", text)


def _decode_bytes(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # French pages that are not UTF-8 are Windows-1252 or Latin-9 in practice; the detector
    # is unsure on short texts, so a strict Windows-1252 decode is the last resort.
    best = from_bytes(data, cp_isolation=["cp1252", "iso8859_15"]).best()
    if best is not None and _c1_share(str(best)) == 0:
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise Refused("undecodable: not UTF-8, and no Western European charset fits") from None


def _c1_share(text: str) -> float:
    # C1 control characters are what bytes undefined in cp1252 turn into: a wrong guess.
    return sum(1 for ch in text if "\x80" <= ch <= "\x9f") / max(len(text), 1)


def _drop_control_chars(text: str) -> str:
    return _INVISIBLE.sub("", text)
