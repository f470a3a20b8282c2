"""The screening engine: what counts as a finding, normalisation, whitelist, the map back."""

from __future__ import annotations

import pytest

from console.screening import TERM, Finding, Screener, is_noise, normalise
from console.screening.lexicon_files import STARTER_TERMS, STARTER_WHITELIST, TermEntry, read_terms
from console.screening.lexicon_files import read_whitelist as read_phrases


def _screener(*terms: str, whitelist: tuple[str, ...] = ()) -> Screener:
    return Screener.build([TermEntry(t, "自定义", 2) for t in terms], whitelist)


def _found(screener: Screener, text: str) -> list[tuple[int, int, str, str]]:
    return [(f.start, f.end, f.text, f.term) for f in screener.screen(text) if f.kind == TERM]


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("國家計委", "国家计委"),
        ("ＡＢＣ１２３", "abc123"),
        ("AbC", "abc"),
        ("①②Ⓐⓑ", "12ab"),
        ("⑩", "10"),
        ("法*轮*功", "法轮功"),
        ("法 轮\u3000功", "法轮功"),
        ("法\u200b轮\u200d功", "法轮功"),
        ("中华，人民。共和国！", "中华人民共和国"),
        ("★卫☆生◆部★", "卫生部"),
    ],
)
def test_normalisation_folds_width_case_script_and_look_alikes_and_drops_noise(
    text: str, normalised: str
) -> None:
    assert normalise(text) == normalised


def test_noise_is_separators_punctuation_symbols_and_format_characters() -> None:
    for char in " \u3000，。、“”《》*#@$+=★\u200b\u200d\ufeff":
        assert is_noise(char), repr(char)
    for char in "国a1①\n":
        assert not is_noise(char), repr(char)


def test_normalising_twice_changes_nothing() -> None:
    text = "國家計委ＡＢＣ①⑩ß㈠ Ⓐ，卫生部"
    assert normalise(normalise(text)) == normalise(text)


def test_a_term_is_found_with_its_span_in_the_original_text() -> None:
    text = "会议传达了国家计委的文件。"
    assert _found(_screener("国家计委"), text) == [(5, 9, "国家计委", "国家计委")]


def test_traditional_full_width_and_noise_variants_are_found_with_original_spans() -> None:
    text = "甲國 家*計\u200b委乙"
    assert _found(_screener("国家计委"), text) == [(1, 8, "國 家*計\u200b委", "国家计委")]


def test_a_term_written_in_traditional_matches_simplified_text() -> None:
    assert _found(_screener("國家計委"), "国家计委") == [(0, 4, "国家计委", "國家計委")]


def test_noise_before_and_after_a_term_stays_outside_its_span() -> None:
    assert _found(_screener("卫生部"), "“卫生部”") == [(1, 4, "卫生部", "卫生部")]


def test_overlapping_and_nested_occurrences_are_all_reported() -> None:
    screener = _screener("国家计委", "计委", "家计")
    assert _found(screener, "国家计委") == [
        (0, 4, "国家计委", "国家计委"),
        (1, 3, "家计", "家计"),
        (2, 4, "计委", "计委"),
    ]


def test_every_occurrence_is_reported() -> None:
    assert [f.start for f in _screener("卫计委").screen("卫计委、卫计委和卫计委")] == [0, 4, 8]


def test_an_occurrence_wholly_inside_a_whitelisted_phrase_is_not_a_finding() -> None:
    screener = _screener("卫生部", whitelist=("卫生部门",))
    assert _found(screener, "卫生部门负责，卫生部已撤销") == [(7, 10, "卫生部", "卫生部")]


def test_the_whitelist_is_normalised_like_the_text() -> None:
    screener = _screener("卫生部", whitelist=("衛生部門",))
    assert _found(screener, "卫 生 部 门") == []


def test_an_occurrence_reaching_past_the_whitelisted_phrase_is_still_a_finding() -> None:
    screener = _screener("部门负责人", whitelist=("卫生部门",))
    assert _found(screener, "卫生部门负责人")[0][:2] == (2, 7)


def test_a_phrase_that_is_also_a_term_whitelists_itself() -> None:
    assert _found(_screener("卫生部", whitelist=("卫生部",)), "卫生部") == []


def test_terms_that_normalise_alike_are_each_reported() -> None:
    found = _found(_screener("卫计委", "衛計委"), "卫计委")
    assert sorted(term for *_, term in found) == ["卫计委", "衛計委"]


def test_a_term_of_noise_only_never_matches() -> None:
    screener = _screener("★★", "，")
    assert screener.term_count == 0
    assert screener.screen("★★，★★") == []


def test_an_empty_lexicon_still_finds_personal_data() -> None:
    found = Screener.build([], []).screen("电话 13912345678")
    assert [(f.kind, f.text) for f in found] == [("mobile", "13912345678")]


def test_findings_are_sorted_by_start_then_end() -> None:
    screener = _screener("计委", "国家计委", "家计")
    found = screener.screen("国家计委 电话13912345678 计委")
    keys = [(f.start, f.end) for f in found]
    assert keys == sorted(keys)
    assert [f.kind for f in found][-2:] == ["mobile", "term"]


def test_a_finding_carries_its_term_category_severity_and_kind() -> None:
    screener = Screener.build([TermEntry("国家计委", "过时表述", 2, "说明")], [])
    (finding,) = screener.screen("国家计委")
    assert finding.as_dict() == {
        "start": 0,
        "end": 4,
        "text": "国家计委",
        "term": "国家计委",
        "category": "过时表述",
        "severity": 2,
        "kind": "term",
    }


def test_a_term_finding_is_shown_as_found_and_personal_data_masked() -> None:
    found = _screener("国家计委").screen("国家计委，13912345678")
    assert [f.masked for f in found] == ["国家计委", "139****5678"]


def test_findings_are_frozen_values() -> None:
    finding = Finding(0, 1, "a", "a", "自定义", 1, TERM)
    with pytest.raises(AttributeError):
        finding.start = 2  # type: ignore[misc]


def test_texts_with_expanding_characters_map_back_correctly() -> None:
    text = "第⑩条：卫生部ß"
    assert _found(_screener("卫生部", "10条"), text) == [
        (1, 3, "⑩条", "10条"),
        (4, 7, "卫生部", "卫生部"),
    ]


def test_the_starter_lexicon_flags_outdated_names_but_not_whitelisted_ones() -> None:
    screener = Screener.build(read_terms(STARTER_TERMS), read_phrases(STARTER_WHITELIST))
    text = "原卫生部职能由卫生部门承担；卫生部已于2013年撤销。文件标注“密级：机密”。"
    assert [(f.text, f.category) for f in screener.screen(text)] == [
        ("卫生部", "过时表述"),
        ("密级：机密", "涉密"),
    ]


def test_a_screener_counts_its_terms_and_phrases() -> None:
    screener = _screener("卫生部", "国家计委", whitelist=("卫生部门", "原国家计委"))
    assert (screener.term_count, screener.phrase_count) == (2, 2)


def test_a_lone_surrogate_in_the_text_is_dropped_like_noise() -> None:
    text = "a\ud800卫生部\udcff13912345678，卫\udc80生部"
    found = [(f.start, f.end, f.kind) for f in _screener("卫生部").screen(text)]
    assert found == [(2, 5, "term"), (6, 17, "mobile"), (18, 22, "term")]
    assert normalise("卫\ud800生") == "卫生"


def test_every_full_width_ascii_character_folds_like_its_half_width_form() -> None:
    for point in range(0xFF01, 0xFF5F):
        char = chr(point)
        assert normalise(char) == normalise(chr(point - 0xFEE0)), repr(char)


def test_every_circled_digit_and_letter_is_its_plain_digit_or_small_letter() -> None:
    for index in range(20):
        assert normalise(chr(0x2460 + index)) == str(index + 1)
    for index in range(26):
        small = chr(ord("a") + index)
        assert normalise(chr(0x24B6 + index)) == small
        assert normalise(chr(0x24D0 + index)) == small
        assert normalise(small.upper()) == small


def test_every_noise_character_is_deleted_unless_it_folds_to_letters_or_digits() -> None:
    import sys
    import unicodedata

    noise = [
        chr(point)
        for point in range(sys.maxunicode + 1)
        if unicodedata.category(chr(point))[0] in "ZPS" or unicodedata.category(chr(point)) == "Cf"
    ]
    assert len(noise) > 8000 and all(is_noise(char) for char in noise)
    kept = {char: normalise(char) for char in noise if normalise(char)}
    # What stays are look-alikes: ⒜ → a, ℃ → c, ™ → tm, Ⓐ → a; never a bare mark.
    assert {unicodedata.category(c)[0] for folded in kept.values() for c in folded} <= {"L", "N"}
    assert kept["⒜"] == "a" and kept["℃"] == "c" and kept["™"] == "tm" and kept["Ⓐ"] == "a"
    assert normalise("".join(c for c in noise if c not in kept)) == ""


def test_a_spacing_accent_between_the_characters_of_a_term_is_noise() -> None:
    assert _found(_screener("法轮功"), "法¨轮˜功") == [(0, 5, "法¨轮˜功", "法轮功")]
