"""Property tests: the screener finds exactly what a brute-force matcher finds.

The oracle normalises the text one character at a time (so it also checks that whole-text
normalisation is character-wise), finds every occurrence of every term with ``str.find``,
drops the occurrences lying wholly inside an occurrence of a whitelisted phrase, and maps
spans back through its own list of origins.
"""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from console.screening import TERM, Screener, is_noise, normalise
from console.screening.lexicon_files import TermEntry
from console.screening.normalise import normalise_all
from console.screening.personal import MOBILE, personal_data

# A small alphabet so that terms and phrases really occur: simplified and traditional forms,
# full-width and case variants, look-alikes, noise of every kind and characters that expand.
LETTERS = "国國家计計委卫衛生部门門abAＢ①1⑩ß"
NOISE = " \u3000，。*★\u200b\u200d-¨"
ALPHABET = LETTERS + NOISE
CATEGORIES = ("政治", "涉密", "自定义")

texts = st.text(alphabet=ALPHABET, max_size=60)
words = st.text(alphabet=LETTERS, min_size=1, max_size=4)
entries = st.builds(TermEntry, words, st.sampled_from(CATEGORIES), st.integers(1, 3))
lexicons = st.lists(entries, max_size=8, unique_by=lambda e: e.term)
whitelists = st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=6), max_size=4)


def _occurrences(text: str, pattern: str) -> Iterable[int]:
    start = text.find(pattern)
    while start >= 0:
        yield start
        start = text.find(pattern, start + 1)


def brute_force(
    text: str, terms: list[TermEntry], whitelist: list[str]
) -> list[tuple[int, int, str, str, int]]:
    """Every finding by exhaustive search, as (start, end, term, category, severity)."""
    pieces = [(normalise(char), offset) for offset, char in enumerate(text)]
    normalised = "".join(piece for piece, _ in pieces)
    origins = [offset for piece, offset in pieces for _ in piece]
    covers = [
        (start, start + len(key))
        for key in map(normalise, whitelist)
        if key
        for start in _occurrences(normalised, key)
    ]
    found = []
    for entry in terms:
        key = normalise(entry.term)
        if not key:
            continue
        for start in _occurrences(normalised, key):
            end = start + len(key)
            if any(low <= start and end <= high for low, high in covers):
                continue
            span = (origins[start], origins[end - 1] + 1)
            found.append((*span, entry.term, entry.category, entry.severity))
    return sorted(found)


def _screened(text: str, terms: list[TermEntry], whitelist: list[str]) -> list[tuple[int, ...]]:
    findings = Screener.build(terms, whitelist).screen(text)
    for finding in findings:
        assert finding.text == text[finding.start : finding.end]
    return sorted(
        (f.start, f.end, f.term, f.category, f.severity) for f in findings if f.kind == TERM
    )


@settings(max_examples=400, deadline=None)
@given(texts, lexicons, whitelists)
def test_the_screener_finds_exactly_what_brute_force_finds(
    text: str, terms: list[TermEntry], whitelist: list[str]
) -> None:
    assert _screened(text, terms, whitelist) == brute_force(text, terms, whitelist)


@settings(max_examples=300, deadline=None)
@given(
    entries,
    st.lists(st.text(alphabet=NOISE, max_size=3), min_size=4, max_size=4),
    texts,
    texts,
)
def test_a_term_with_noise_inserted_between_its_characters_is_found_there(
    entry: TermEntry, noise: list[str], before: str, after: str
) -> None:
    disguised = "".join(char + noise[i % len(noise)] for i, char in enumerate(entry.term))
    disguised = disguised.rstrip(NOISE)
    text = before + disguised + after
    findings = [f for f in Screener.build([entry], []).screen(text) if f.kind == TERM]
    assert len(disguised) > 0
    start = len(before)
    assert any(f.start == start and f.end == start + len(disguised) for f in findings)
    assert findings == [f for f in findings if f.term == entry.term]
    assert sorted((f.start, f.end) for f in findings) == [
        f[:2] for f in brute_force(text, [entry], [])
    ]


@settings(max_examples=300, deadline=None)
@given(texts, lexicons)
def test_every_span_holds_its_term_and_is_trimmed_of_noise(
    text: str, terms: list[TermEntry]
) -> None:
    for finding in Screener.build(terms, []).screen(text):
        if finding.kind != TERM:
            continue
        # A character that expands (⑩ → 10) is reported whole, even when a term matches
        # part of its expansion.
        assert normalise(finding.term) in normalise(finding.text)
        assert not is_noise(text[finding.start])
        assert not is_noise(text[finding.end - 1])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalisation_is_character_wise_and_idempotent_on_any_text(text: str) -> None:
    whole = normalise(text)
    assert whole == "".join(normalise(char) for char in text)
    assert normalise(whole) == whole
    assert not any(is_noise(char) for char in whole)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(min_size=1, max_size=4))
def test_any_text_maps_back_within_bounds(text: str, term: str) -> None:
    screener = Screener.build([TermEntry(term, "自定义", 1)], [])
    for finding in screener.screen(text + term + text):
        assert 0 <= finding.start < finding.end <= 2 * len(text) + len(term)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=8), max_size=6))
def test_terms_normalised_together_are_normalised_one_by_one(terms: list[str]) -> None:
    assert normalise_all(terms) == [normalise(term) for term in terms]


SEPARATOR = st.sampled_from([" ", "-", "\u3000", "－"])


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(alphabet="交流电话：，。abc", max_size=6),
    after=st.text(alphabet="交流电话：，。abc", max_size=6),
    separator=SEPARATOR,
    second=st.sampled_from("3456789"),
    rest=st.text(alphabet="0123456789", min_size=9, max_size=9),
)
def test_a_grouped_mobile_number_is_found_exactly_where_it_is_written(
    before: str, after: str, separator: str, second: str, rest: str
) -> None:
    number = "1" + second + rest
    written = separator.join((number[:3], number[3:7], number[7:]))
    text = before + written + after
    found = [(item.start, item.end, item.kind) for item in personal_data(text)]
    assert found == [(len(before), len(before) + len(written), MOBILE)]


@settings(max_examples=200, deadline=None)
@given(
    head=st.text(alphabet="0123456789", min_size=1, max_size=4),
    separator=SEPARATOR,
    second=st.sampled_from("3456789"),
    rest=st.text(alphabet="0123456789", min_size=9, max_size=9),
)
def test_a_grouped_mobile_number_after_another_group_is_not_found(
    head: str, separator: str, second: str, rest: str
) -> None:
    assume(head != "0086")  # an international prefix, not another group
    number = "1" + second + rest
    text = head + separator + separator.join((number[:3], number[3:7], number[7:]))
    assert [item for item in personal_data(text) if item.kind == MOBILE] == []
