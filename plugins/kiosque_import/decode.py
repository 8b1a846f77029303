"""Bytes to clean text: encoding detection, mojibake repair, newlines."""

from __future__ import annotations

import unicodedata

import ftfy
from charset_normalizer import from_bytes

from .article import Refused

# ftfy's defaults would turn French curly apostrophes and guillemets into ASCII ones.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)


def decode(data: bytes) -> str:
    """Decode raw bytes as UTF-8 (with or without BOM) or a detected legacy charset."""
    text = _decode_bytes(data)
    text = ftfy.fix_text(text, config=_FTFY)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _drop_control_chars(text)
    return unicodedata.normalize("NFC", text)


def _decode_bytes(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "utf_16"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise Refused("undecodable: not UTF-8 and no known charset fits")
    return str(best)


def _drop_control_chars(text: str) -> str:
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
        or ch in "\u00ad\u200d"
    ).replace("\u00ad", "")
