"""Hidden links (暗链): links a visitor cannot see that point outside the cluster's domains.

A link is hidden when it, or an element around it, is made invisible: ``display:none``,
``visibility:hidden``, zero width or height, a zero font size, or moved far off-screen
(``left``/``top``/``margin``/``text-indent`` of a thousand pixels or more to the negative side),
by an inline ``style``, the ``hidden`` attribute, or a class or id rule in a ``<style>`` block.
What is reported with the link is the snippet that hides it, as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from console.patrol.markup import Anchor, Element

SNIPPET_LIMIT = 200
ANCESTOR_LIMIT = 12
RULE_LIMIT = 2000  # rules read from one page's style blocks

_HIDING = re.compile(
    r"display\s*:\s*none"
    r"|visibility\s*:\s*hidden"
    r"|(?<![-\w])(?:width|height|font-size)\s*:\s*0(?:\.0+)?(?:px|em|rem|pt|%)?\s*(?:!important\s*)?(?:;|$)"
    r"|(?<![-\w])(?:left|top|margin-left|margin-top|text-indent)\s*:\s*-\s*\d{4,}",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_NAMED = re.compile(r"([.#])([-\w]+)\s*$")


@dataclass(frozen=True)
class HiddenLink:
    """A hidden link to outside the cluster, the page it is on and what hides it."""

    url: str
    on: str
    snippet: str


def hides(style: str) -> bool:
    """Whether CSS declarations ``style`` make an element invisible."""
    return _HIDING.search(style) is not None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_LIMIT else text[: SNIPPET_LIMIT - 1] + "…"


def hiding_rules(root: Element) -> dict[str, str]:
    """``{".class" or "#id": the rule}`` for each rule of the page's ``<style>`` blocks that hides.

    Only a selector's last part counts (``.box .hd`` hides ``.hd`` elements): a rule scoped by
    an ancestor still hides what it names.
    """
    rules: dict[str, str] = {}
    read = 0
    for block in root.iter("style"):
        for selectors, declarations in _RULE.findall(_COMMENT.sub("", block.text_content())):
            read += 1
            if read > RULE_LIMIT:
                return rules
            if not hides(declarations):
                continue
            for selector in selectors.split(","):
                named = _NAMED.search(selector.strip())
                if named:
                    key = named.group(1) + named.group(2)
                    rules.setdefault(key, _short(f"{selector.strip()} {{{declarations.strip()}}}"))
    return rules


def _hiding_snippet(element: Element, rules: dict[str, str]) -> str | None:
    """What hides ``element`` itself, if anything does."""
    style = element.get("style") or ""
    tag = element.tag if isinstance(element.tag, str) else "?"
    if hides(style):
        return _short(f'<{tag} style="{style}">')
    if element.get("hidden") is not None:
        return _short(f"<{tag} hidden>")
    keys = [f".{name}" for name in (element.get("class") or "").split()]
    if element.get("id"):
        keys.append(f"#{element.get('id')}")
    return next((rules[key] for key in keys if key in rules), None)


def hidden_links(
    root: Element, links: Iterable[Anchor], on: str, inside: Callable[[str], bool]
) -> list[HiddenLink]:
    """The links of ``links`` (a page's, at ``on``) that are hidden and leave the cluster.

    ``inside(url)`` says whether a link stays within the cluster's registered domains.
    """
    rules = hiding_rules(root)
    found: list[HiddenLink] = []
    cache: dict[Element, str | None] = {}
    for anchor in links:
        if inside(anchor.url):
            continue
        node: Element | None = anchor.element
        for _ in range(ANCESTOR_LIMIT):
            if node is None:
                break
            if node not in cache:
                cache[node] = _hiding_snippet(node, rules)
            snippet = cache[node]
            if snippet is not None:
                found.append(HiddenLink(anchor.url, on, snippet))
                break
            node = node.getparent()
    return found
