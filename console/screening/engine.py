"""The screener: every lexicon term and every piece of personal data in a text.

A finding is, after normalising text and terms alike (see ``normalise``), every occurrence of
every term, overlapping occurrences included, except an occurrence lying wholly inside an
occurrence of a whitelisted phrase; plus every piece of personal data (see ``personal``).
Terms and whitelist phrases share one character-wise double-array Aho-Corasick automaton
(daachorse), so a text is normalised once and scanned once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import daachorse

from console.screening.lexicon_files import TermEntry
from console.screening.normalise import Normalised, normalise_all, table
from console.screening.personal import KINDS, PERSONAL_CATEGORY, masked, personal_data

TERM = "term"


@dataclass(frozen=True)
class Finding:
    """One finding; ``start``/``end`` are offsets into the original text (Python ``str``)."""

    start: int
    end: int
    text: str
    term: str
    category: str
    severity: int
    kind: str

    def as_dict(self) -> dict[str, object]:
        """The finding as stored in the queue and printed by ``cluster-console screen``."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "term": self.term,
            "category": self.category,
            "severity": self.severity,
            "kind": self.kind,
        }

    @property
    def masked(self) -> str:
        """The text as it may be shown: personal data masked (138****1234), terms as found."""
        return self.text if self.kind == TERM else masked(self.kind, self.text)


class Screener:
    """An immutable matcher over one lexicon and whitelist; safe to share between threads.

    Pattern ``i`` of the automaton is a normalised form; ``terms[i]`` are the lexicon terms
    with that form (none for a phrase only in the whitelist), ``i in whitelisted`` says it is
    also the form of a whitelisted phrase.
    """

    def __init__(
        self, forms: list[str], terms: list[list[TermEntry]], whitelisted: frozenset[int]
    ) -> None:
        self._automaton = daachorse.CharwiseDoubleArrayAhoCorasick(forms) if forms else None
        self._terms_of = terms
        self._whitelisted = whitelisted
        self.term_count = sum(map(len, terms))
        self.phrase_count = len(whitelisted)

    @classmethod
    def build(cls, terms: Iterable[TermEntry], whitelist: Iterable[str]) -> Screener:
        """A screener for ``terms`` and ``whitelist`` (what normalises to nothing never matches)."""
        entries = list(terms)
        phrases = list(whitelist)
        forms: dict[str, int] = {}
        terms_of: list[list[TermEntry]] = []
        for entry, form in zip(entries, normalise_all([e.term for e in entries]), strict=True):
            if form:
                index = forms.setdefault(form, len(terms_of))
                if index == len(terms_of):
                    terms_of.append([])
                terms_of[index].append(entry)
        whitelisted: set[int] = set()
        for form in normalise_all(phrases):
            if form:
                index = forms.setdefault(form, len(terms_of))
                if index == len(terms_of):
                    terms_of.append([])
                whitelisted.add(index)
        return cls(list(forms), terms_of, frozenset(whitelisted))

    def screen(self, text: str) -> list[Finding]:
        """The findings in ``text``, sorted by start, then end."""
        normalised = table().apply(text)
        findings = self._terms(text, normalised) if self._automaton is not None else []
        for item in personal_data(text, normalised.points):
            label, severity = KINDS[item.kind]
            findings.append(
                Finding(
                    item.start,
                    item.end,
                    text[item.start : item.end],
                    label,
                    PERSONAL_CATEGORY,
                    severity,
                    item.kind,
                )
            )
        findings.sort(key=_order)
        return findings

    def _terms(self, text: str, normalised: Normalised) -> list[Finding]:
        assert self._automaton is not None
        matches = self._automaton.find_overlapping(normalised.text)
        if not matches:
            return []
        terms_of = self._terms_of
        hits = [match for match in matches if terms_of[match[2]]]
        if self._whitelisted:
            covers = [(s, e) for s, e, index in matches if index in self._whitelisted]
            if covers:
                hits = _outside(hits, covers)
        return [
            finding
            for start, end, index in hits
            for finding in self._found(text, normalised, start, end, terms_of[index])
        ]

    @staticmethod
    def _found(
        text: str, normalised: Normalised, start: int, end: int, terms: list[TermEntry]
    ) -> list[Finding]:
        begin, finish = normalised.span(start, end)
        found = text[begin:finish]
        return [Finding(begin, finish, found, t.term, t.category, t.severity, TERM) for t in terms]


def _outside(
    hits: list[tuple[int, int, int]], covers: list[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """The hits not lying wholly inside a cover (a whitelisted occurrence)."""
    covers.sort()
    kept: list[tuple[int, int, int]] = []
    reach = -1
    next_cover = 0
    for hit in sorted(hits):
        start, end, _ = hit
        # Among covers starting at or before this hit, the one reaching furthest decides.
        while next_cover < len(covers) and covers[next_cover][0] <= start:
            reach = max(reach, covers[next_cover][1])
            next_cover += 1
        if reach < end:
            kept.append(hit)
    return kept


def _order(finding: Finding) -> tuple[int, int, str, str]:
    return finding.start, finding.end, finding.kind, finding.term
