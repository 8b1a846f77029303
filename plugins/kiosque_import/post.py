"""An article as a Markdown post with Pelican metadata, escaped so that text stays text."""

from __future__ import annotations

import re

from .article import GAP, Article

GAP_HTML = '<span class="gap" title="Mot manquant dans la source">[…]</span>'

_INLINE = re.compile(r"([\\`*_{}\[\]!])")
_LINE_START = re.compile(r"^(#|>|\+|-|\d+[.)])")


def escape(text: str) -> str:
    """Markdown- and HTML-escape article text so it renders as exactly the same characters."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        # A backslash before ``1.`` or ``#`` keeps them from becoming a list or a heading.
        lead = match.group(1)
        text = (lead[:-1] + "\\" + lead[-1] if lead[-1] in ".)" else "\\" + lead) + text[len(lead):]
    if text.startswith(":"):
        # Python-Markdown's definition lists would take it; ``:`` has no backslash escape.
        text = "&#58;" + text[1:]
    return text.replace(GAP, GAP_HTML)


def metadata_value(value: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", value).strip()


def _list_value(values: list[str]) -> str:
    # Pelican splits these fields on commas.
    return ", ".join(metadata_value(v.replace(",", " ")) for v in values if v.strip())


def render(article: Article) -> str:
    meta = [
        ("Title", metadata_value(article.title)),
        ("Date", article.date.strftime("%Y-%m-%d %H:%M")),
        ("Category", article.sections[0] if article.sections else ""),
        ("Tags", _list_value(article.tags)),
        ("Slug", article.slug),
        ("Summary", escape(metadata_value(article.lede)) if article.lede else ""),
        ("Lang", "fr"),
        ("Source", metadata_value(article.source)),  # a file name may hold a newline
        ("Kicker", metadata_value(article.kicker)),
        ("Authors", _list_value(article.authors)),
        ("Credit", metadata_value(article.credit)),
        ("Modified", article.modified.strftime("%Y-%m-%d %H:%M") if article.modified else ""),
        ("Sections", _list_value(article.sections)),
        ("DateEstimated", "true" if article.date_estimated else ""),
        ("People", _list_value(article.people)),
        ("Places", _list_value(article.places)),
        ("Organizations", _list_value(article.organizations)),
        ("Gaps", str(article.gaps) if article.gaps else ""),
        ("Repairs", metadata_value("; ".join(article.repairs))),
        *sorted(article.extra.items()),
    ]
    head = "".join(f"{key}: {value}\n" for key, value in meta if value)
    return head + "\n" + render_body(article) + "\n"


def render_body(article: Article) -> str:
    parts: list[str] = []
    for block in article.blocks:
        text = escape(block.text)
        if block.kind == "h":
            # Markdown drops closing hashes of a heading ("… C#"): escape them to keep them.
            parts.append("## " + re.sub(r"#+$", lambda run: "\\#" * len(run.group()), text))
        elif block.kind == "li" and parts and parts[-1].startswith("- "):
            parts[-1] += f"\n- {text}"
        elif block.kind == "li":
            parts.append(f"- {text}")
        else:
            parts.append(text)
    return "\n\n".join(parts)
