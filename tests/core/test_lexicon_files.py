"""Lexicon files: the starter lexicon and whitelist we ship, and every kind of bad line."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.base.errors import InvalidInput
from console.screening.lexicon_files import (
    STARTER_TERMS,
    STARTER_WHITELIST,
    TermEntry,
    read_any_terms,
    read_term_lines,
    read_terms,
    read_whitelist,
)


def _write(tmp_path: Path, text: str, name: str = "terms.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused_terms(path: Path, line: int | None = None) -> str:
    with pytest.raises(InvalidInput) as refused:
        read_terms(path)
    message = str(refused.value)
    assert path.name in message
    if line is not None:
        assert f"第 {line} 行" in message
    return message


def test_the_starter_lexicon_names_outdated_bodies_and_wrong_forms() -> None:
    terms = {entry.term: entry for entry in read_terms(STARTER_TERMS)}
    assert len(terms) >= 30
    assert terms["国家计委"].category == "过时表述"
    assert "国家发展和改革委员会" in terms["国家计委"].note
    assert terms["劳动和社会保障局"].category == "过时表述"
    assert {entry.category for entry in terms.values()} >= {"严重表述错误", "过时表述", "自定义"}
    assert {entry.severity for entry in terms.values()} == {1, 2, 3}


def test_every_starter_whitelist_phrase_contains_a_starter_term() -> None:
    terms = [entry.term for entry in read_terms(STARTER_TERMS)]
    phrases = read_whitelist(STARTER_WHITELIST)
    assert phrases
    for phrase in phrases:
        assert any(term in phrase for term in terms), phrase


def test_a_three_column_file_reads_without_notes(tmp_path: Path) -> None:
    path = _write(tmp_path, "term,category,severity\n国家计委,过时表述,2\n\n卫计委 , 过时表述 ,1\n")
    assert read_terms(path) == [
        TermEntry("国家计委", "过时表述", 2),
        TermEntry("卫计委", "过时表述", 1),
    ]


def test_quoted_fields_may_hold_commas(tmp_path: Path) -> None:
    path = _write(tmp_path, 'term,category,severity,note\n内部资料,自定义,2,"不宜公开,请删除"\n')
    assert read_terms(path)[0].note == "不宜公开,请删除"


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffterm,category,severity\n监察局,过时表述,2\n".encode())
    assert read_terms(path)[0].term == "监察局"


def test_a_file_not_in_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("term,category,severity\n国家计委,过时表述,2\n".encode("gbk"))
    _refused_terms(path, line=2)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    _refused_terms(tmp_path / "absent.csv")


@pytest.mark.parametrize(
    "header",
    [
        "",
        "word,category,severity",
        "term,category",
        "term,category,severity,comment",
        "term,category,severity,note,extra",
    ],
)
def test_the_header_must_name_the_columns(tmp_path: Path, header: str) -> None:
    _refused_terms(_write(tmp_path, f"{header}\n国家计委,过时表述,2\n"))


def test_every_row_has_as_many_fields_as_the_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "term,category,severity\n国家计委,过时表述,2\n卫计委,过时表述\n")
    _refused_terms(path, line=3)


def test_an_empty_term_is_refused(tmp_path: Path) -> None:
    _refused_terms(_write(tmp_path, "term,category,severity\n  ,过时表述,2\n"), line=2)


def test_a_term_longer_than_the_column_is_refused(tmp_path: Path) -> None:
    _refused_terms(_write(tmp_path, f"term,category,severity\n{'词' * 201},自定义,1\n"), line=2)


@pytest.mark.parametrize("category", ["", "类" * 33])
def test_a_category_must_be_short_non_empty_text(tmp_path: Path, category: str) -> None:
    _refused_terms(_write(tmp_path, f"term,category,severity\n卫计委,{category},1\n"), line=2)


@pytest.mark.parametrize("severity", ["0", "4", "high", "", "２", "1.5"])
def test_severity_is_one_two_or_three(tmp_path: Path, severity: str) -> None:
    path = _write(tmp_path, f"term,category,severity\n卫计委,过时表述,{severity}\n")
    _refused_terms(path, line=2)


def test_a_note_longer_than_the_column_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, f"term,category,severity,note\n卫计委,过时表述,1,{'注' * 501}\n")
    _refused_terms(path, line=2)


def test_a_duplicate_term_names_both_lines(tmp_path: Path) -> None:
    rows = ["term,category,severity", "卫计委,过时表述,1", "国家计委,过时表述,2", "卫计委,自定义,3"]
    path = _write(tmp_path, "\n".join(rows) + "\n")
    message = _refused_terms(path, line=4)
    assert "第 2 行" in message


def test_broken_quoting_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, 'term,category,severity\n卫计委,过时表述,1\n"国家"计委,过时表述,2\n')
    _refused_terms(path, line=3)


def test_a_file_with_only_a_header_is_refused(tmp_path: Path) -> None:
    _refused_terms(_write(tmp_path, "term,category,severity\n\n"))


def test_whitelist_lines_are_trimmed_and_comments_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, "\ufeff# 注释\n\n 卫生部门 \n原国家计委\n", name="white.txt")
    assert read_whitelist(path) == ["卫生部门", "原国家计委"]


def test_an_empty_whitelist_is_allowed(tmp_path: Path) -> None:
    assert read_whitelist(_write(tmp_path, "# 暂无\n", name="white.txt")) == []


def test_a_duplicate_whitelist_phrase_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "卫生部门\n文化部门\n卫生部门\n", name="white.txt")
    with pytest.raises(InvalidInput, match="第 3 行"):
        read_whitelist(path)


def test_a_whitelist_phrase_longer_than_the_column_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "短语\n" + "长" * 201 + "\n", name="white.txt")
    with pytest.raises(InvalidInput, match="第 2 行"):
        read_whitelist(path)


def test_a_whitelist_not_in_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "white.txt"
    path.write_bytes("卫生部门\n".encode("gbk"))
    with pytest.raises(InvalidInput, match=r"white\.txt"):
        read_whitelist(path)


def test_a_plain_term_list_gives_every_term_the_chosen_category(tmp_path: Path) -> None:
    path = _write(tmp_path, "\ufeff# 注释\n\n 监察局 \n卫计委\n", name="terms.txt")
    assert read_term_lines(path, "涉密", 3) == [
        TermEntry("监察局", "涉密", 3),
        TermEntry("卫计委", "涉密", 3),
    ]


def test_a_plain_term_list_refuses_duplicates_and_long_terms(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="第 3 行"):
        read_term_lines(_write(tmp_path, "监察局\n卫计委\n监察局\n", "a.txt"), "自定义", 1)
    with pytest.raises(InvalidInput, match="第 2 行"):
        read_term_lines(_write(tmp_path, "监察局\n" + "词" * 201 + "\n", "b.txt"), "自定义", 1)
    with pytest.raises(InvalidInput):
        read_term_lines(_write(tmp_path, "# 空\n", "c.txt"), "自定义", 1)


def test_the_file_suffix_decides_between_csv_and_plain_lists(tmp_path: Path) -> None:
    csv_path = _write(tmp_path, "term,category,severity\n监察局,过时表述,2\n", "t.CSV")
    assert read_any_terms(csv_path, "自定义", 1) == [TermEntry("监察局", "过时表述", 2)]
    txt_path = _write(tmp_path, "监察局\n", "t.txt")
    assert read_any_terms(txt_path, "自定义", 1) == [TermEntry("监察局", "自定义", 1)]
