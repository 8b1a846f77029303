"""Patterns asked only of the texts that hold a word or a mark each cannot match without.

A pattern opening with a look-behind or an alternation is tried by `re` at every character of
every paragraph; `in` finds a word with a fast search. The needles must be a true condition of a
match (every match holds one of them), so that skipping a text changes nothing."""

from __future__ import annotations

import re


def scan(pattern: re.Pattern, text: str, needles: tuple[str, ...]):
    """``pattern.finditer(text)``, or nothing when ``text`` holds none of ``needles``."""
    return pattern.finditer(text) if holds(text, needles) else ()


def holds(text: str, needles: tuple[str, ...]) -> bool:
    return any(needle in text for needle in needles)
