"""What a reviewer sees of one item: the post with personal data masked, and each finding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from console.screening import KINDS, PERSONAL_CATEGORY
from console.screening import masked as mask_personal


def _mask_middle(text: str) -> str:
    keep = max(1, len(text) // 4)
    if len(text) <= 2 * keep:
        return "*" * len(text)
    return text[:keep] + "*" * (len(text) - 2 * keep) + text[-keep:]


def masked(finding: dict[str, Any]) -> str:
    """The finding's text as shown: personal data masked (same length), terms as they are."""
    text = str(finding.get("text", ""))
    kind = str(finding.get("kind", ""))
    if kind in KINDS:
        return mask_personal(kind, text)
    if finding.get("category") == PERSONAL_CATEGORY:
        return _mask_middle(text)
    return text


@dataclass(frozen=True)
class FindingView:
    """One finding as listed beside the post; ``start``/``end`` index the shown text."""

    start: int
    end: int
    in_title: bool
    text: str
    term: str
    category: str
    severity: int
    kind: str


def mask_text(text: str, findings: Sequence[dict[str, Any]]) -> str:
    """``text`` with every personal-data finding replaced by its masked form in place."""
    chars = list(text)
    for finding in findings:
        start, end = int(finding.get("start", 0)), int(finding.get("end", 0))
        shown = masked(finding)
        original = finding.get("text")
        if shown != original and text[start:end] == original and len(shown) == end - start:
            chars[start:end] = shown
    return "".join(chars)


def views(findings: Sequence[dict[str, Any]], body: str, title: str) -> list[FindingView]:
    """The findings in reading order (title first), each with offsets that fit its text."""
    result: list[FindingView] = []
    for finding in findings:
        in_title = finding.get("in") == "title"
        start, end = int(finding.get("start", 0)), int(finding.get("end", 0))
        target = title if in_title else body
        if not (0 <= start < end <= len(target)):
            continue
        result.append(
            FindingView(
                start,
                end,
                in_title,
                masked(finding),
                str(finding.get("term", "")),
                str(finding.get("category", "")),
                int(finding.get("severity", 1)),
                str(finding.get("kind", "")),
            )
        )
    result.sort(key=lambda v: (not v.in_title, v.start))
    return result


def context_phrase(text: str, start: int, end: int, reach: int = 4) -> str:
    """A whitelist suggestion: the match with up to ``reach`` characters either side,
    stopping at punctuation and line ends."""
    stops = set("，。；：！？、（）()《》“”\"',.;:!?\n ")
    left = start
    while left > 0 and start - left < reach and text[left - 1] not in stops:
        left -= 1
    right = end
    while right < len(text) and right - end < reach and text[right] not in stops:
        right += 1
    return text[left:right]
