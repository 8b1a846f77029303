"""Reading built pages with the standard library's HTML parser: real elements and attributes,
and text as a reader sees it (entities decoded), to assert what the markup really is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that run code or embed another document: article text must never produce them.
DANGEROUS_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base",
                      "portal", "template"}
# The theme draws its charts as inline SVG (partials/timecharts.html, partials/charts.html):
# an <svg> carrying one of these classes is the theme's; event handlers, scripts and script URLs
# inside it are still reported.
THEME_SVG_CLASSES = {"heat", "chart__svg"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "background",
                  "cite", "srcset", "ping", "manifest", "icon"}
_SCHEME_NOISE = re.compile(r"[\x00-\x20]+")
_SPACES = re.compile(r"\s+")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""  # text directly or indirectly inside it (for scripts: their code)


@dataclass
class Page:
    elements: list[Element] = field(default_factory=list)
    text: str = ""  # all visible text, entities decoded

    def find(self, tag: str, **attrs) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[Element] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.page.elements.append(element)
        if tag not in _VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.page.elements.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data
        if not any(e.tag in ("script", "style") for e in self.open):
            self.chunks.append(data)


def parse(html: str) -> Page:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    collector.page.text = "".join(collector.chunks)
    return collector.page


def squash(text: str) -> str:
    """Text without any whitespace: typography may turn a space into a no-break one, or add one
    before « ; : ! ? », and line wrapping differs between a template and a feed."""
    return _SPACES.sub("", text)


def is_script_url(value: str) -> bool:
    scheme = _SCHEME_NOISE.sub("", value).lower()
    return scheme.startswith(("javascript:", "vbscript:", "data:text/html", "data:image/svg"))


def unsafe_markup(page: Page, own_script) -> list[str]:
    """Everything in the page that could run code, except the site's own external scripts
    (``own_script(src)`` says whether a script URL is a file of the site)."""
    problems = []
    for element in page.elements:
        if element.tag == "script":
            src = element.attrs.get("src", "")
            if element.text.strip() or not src or not own_script(src):
                problems.append(f"script src={src!r} code={element.text[:60]!r}")
        if element.tag in DANGEROUS_ELEMENTS and not _theme_chart(element):
            problems.append(f"<{element.tag}> element")
        if element.tag == "meta" and element.attrs.get("http-equiv", "").lower() == "refresh":
            problems.append("meta refresh")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                problems.append(f"<{element.tag} {name}=…> event handler")
            if (name in URL_ATTRIBUTES or name.startswith("xlink")) and is_script_url(value):
                problems.append(f"<{element.tag} {name}={value[:60]!r}> script URL")
    return problems


def _theme_chart(element: Element) -> bool:
    return element.tag == "svg" and bool(THEME_SVG_CLASSES & set(element.attrs.get("class", "").split()))
