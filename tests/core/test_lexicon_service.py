"""Lexicon services on every engine: keeping terms and whitelist, importing, the live screener."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from console.base.actor import Actor
from console.base.errors import Conflict, InvalidInput, NotPermitted
from console.base.listing import Query, read_first
from console.db import SessionFactory
from console.review import lexicon
from console.schema import Duty, JournalEntry
from console.screening import Screener, ScreenerHolder, load_screener
from console.screening.lexicon_files import STARTER_TERMS, STARTER_WHITELIST, TermEntry

REVIEWER = Actor(None, "reviewer", frozenset({Duty.REVIEWER}))
SECADMIN = Actor(None, "secadmin", frozenset({Duty.SECURITY_ADMIN}))
SYSADMIN = Actor(None, "sysadmin", frozenset({Duty.SYSTEM_ADMIN}))
AUDITOR = Actor(None, "auditor", frozenset({Duty.AUDIT_ADMIN}))
TERM = TermEntry("国家计委", "过时表述", 2, "现为国家发展和改革委员会")


def _actions(sessions: SessionFactory) -> list[str]:
    with sessions() as session:
        return list(session.scalars(select(JournalEntry.action).order_by(JournalEntry.seq)))


def _screened(sessions: SessionFactory, text: str) -> list[str]:
    with sessions() as session:
        return [f.term for f in load_screener(session).screen(text)]


def test_reviewers_and_security_administrators_keep_the_lexicon(sessions: SessionFactory) -> None:
    lexicon.add_term(sessions, REVIEWER, TERM)
    lexicon.add_term(sessions, SECADMIN, TermEntry("卫计委", "过时表述", 1))
    for outsider in (SYSADMIN, AUDITOR):
        with pytest.raises(NotPermitted):
            lexicon.add_term(sessions, outsider, TermEntry("监察局", "过时表述", 2))
        with pytest.raises(NotPermitted):
            lexicon.add_phrase(sessions, outsider, "原国家计委")
    assert _actions(sessions) == ["lexicon.add", "lexicon.add"]


def test_an_added_term_is_listed_and_screened_for(sessions: SessionFactory) -> None:
    term_id = lexicon.add_term(sessions, REVIEWER, TERM)
    page, counts = read_first(sessions, REVIEWER, lexicon.TERMS, Query())
    assert page.ids == [term_id]
    assert counts.total == 1
    assert _screened(sessions, "会议传达国家计委文件") == ["国家计委"]


def test_a_term_is_refused_when_taken_empty_noise_or_out_of_range(
    sessions: SessionFactory,
) -> None:
    lexicon.add_term(sessions, REVIEWER, TERM)
    with pytest.raises(Conflict):
        lexicon.add_term(sessions, REVIEWER, TermEntry(" 国家计委 ", "自定义", 1))
    for bad in (
        TermEntry("", "自定义", 1),
        TermEntry("★ ，", "自定义", 1),
        TermEntry("词" * 201, "自定义", 1),
        TermEntry("监察局", "", 1),
        TermEntry("监察局", "自定义", 4),
        TermEntry("监察局", "自定义", 1, "注" * 501),
    ):
        with pytest.raises(InvalidInput):
            lexicon.add_term(sessions, REVIEWER, bad)
    assert _actions(sessions) == ["lexicon.add"]


def test_editing_a_term_checks_the_version_the_editor_saw(sessions: SessionFactory) -> None:
    term_id = lexicon.add_term(sessions, REVIEWER, TERM)
    row = lexicon.read_term(sessions, REVIEWER, term_id)
    lexicon.edit_term(sessions, REVIEWER, term_id, row.version, TermEntry("国家计委", "自定义", 3))
    with pytest.raises(Conflict):
        lexicon.edit_term(
            sessions, SECADMIN, term_id, row.version, TermEntry("国家计委", "涉密", 1)
        )
    edited = lexicon.read_term(sessions, REVIEWER, term_id)
    assert (edited.category, edited.severity, edited.version) == ("自定义", 3, row.version + 1)
    with pytest.raises(InvalidInput):
        lexicon.edit_term(sessions, REVIEWER, term_id, edited.version, edited.entry)


def test_a_term_cannot_be_renamed_onto_another(sessions: SessionFactory) -> None:
    lexicon.add_term(sessions, REVIEWER, TERM)
    other = lexicon.add_term(sessions, REVIEWER, TermEntry("卫计委", "过时表述", 1))
    with pytest.raises(Conflict):
        lexicon.edit_term(sessions, REVIEWER, other, 1, TermEntry("国家计委", "过时表述", 1))


def test_a_disabled_term_is_kept_but_not_screened_for(sessions: SessionFactory) -> None:
    term_id = lexicon.add_term(sessions, REVIEWER, TERM)
    lexicon.set_enabled(sessions, REVIEWER, term_id, 1, False)
    assert _screened(sessions, "国家计委") == []
    disabled, _ = read_first(sessions, REVIEWER, lexicon.TERMS, Query(equals=(("enabled", 0),)))
    assert disabled.ids == [term_id]
    lexicon.set_enabled(sessions, REVIEWER, term_id, 2, True)
    assert _screened(sessions, "国家计委") == ["国家计委"]
    assert _actions(sessions) == ["lexicon.add", "lexicon.disable", "lexicon.enable"]


def test_a_whitelisted_phrase_hides_the_terms_inside_it_until_removed(
    sessions: SessionFactory,
) -> None:
    lexicon.add_term(sessions, REVIEWER, TERM)
    phrase_id = lexicon.add_phrase(sessions, REVIEWER, "原国家计委", "提及已撤销机构")
    assert _screened(sessions, "原国家计委和国家计委") == ["国家计委"]
    with pytest.raises(Conflict):
        lexicon.add_phrase(sessions, REVIEWER, "原国家计委")
    with pytest.raises(InvalidInput):
        lexicon.add_phrase(sessions, REVIEWER, "，，")
    version = lexicon.phrase_version(sessions, REVIEWER, phrase_id)
    lexicon.remove_phrase(sessions, REVIEWER, phrase_id, version)
    assert _screened(sessions, "原国家计委和国家计委") == ["国家计委", "国家计委"]
    assert _actions(sessions)[-2:] == ["whitelist.add", "whitelist.remove"]


def test_the_import_preview_says_what_is_new_changed_unchanged_and_unmatchable(
    sessions: SessionFactory, tmp_path: Path
) -> None:
    lexicon.add_term(sessions, REVIEWER, TERM)
    lexicon.add_term(sessions, REVIEWER, TermEntry("卫计委", "过时表述", 1))
    path = tmp_path / "terms.csv"
    path.write_text(
        "term,category,severity\n国家计委,过时表述,2\n卫计委,过时表述,3\n监察局,过时表述,2\n★★,自定义,1\n",
        encoding="utf-8",
    )
    preview = lexicon.preview_import(sessions, REVIEWER, path)
    assert [e.term for e in preview.new] == ["监察局"]
    assert [(old.severity, new.severity) for old, new in preview.changed] == [(1, 3)]
    assert [e.term for e in preview.unchanged] == ["国家计委"]
    assert [e.term for e in preview.unmatchable] == ["★★"]
    assert preview.unchanged[0].note == ""
    assert _actions(sessions) == ["lexicon.add", "lexicon.add"]

    result = lexicon.import_terms(sessions, REVIEWER, preview)
    assert (result.added, result.updated, result.unchanged) == (1, 1, 1)
    assert _screened(sessions, "监察局") == ["监察局"]
    assert _actions(sessions)[-1] == "lexicon.import"
    with pytest.raises(InvalidInput):
        lexicon.import_terms(sessions, REVIEWER, lexicon.preview_import(sessions, REVIEWER, path))


def test_an_import_can_leave_existing_terms_alone(sessions: SessionFactory, tmp_path: Path) -> None:
    term_id = lexicon.add_term(sessions, REVIEWER, TermEntry("卫计委", "过时表述", 1))
    path = tmp_path / "terms.txt"
    path.write_text("# 一行一个\n卫计委\n监察局\n", encoding="utf-8")
    preview = lexicon.preview_import(sessions, REVIEWER, path, "涉密", 3)
    assert preview.new == (TermEntry("监察局", "涉密", 3),)
    assert lexicon.import_terms(sessions, REVIEWER, preview, update_existing=False).updated == 0
    assert lexicon.read_term(sessions, REVIEWER, term_id).severity == 1


def test_a_bad_import_file_is_refused_before_anything_is_written(
    sessions: SessionFactory, tmp_path: Path
) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("term,category,severity\n监察局,过时表述,9\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="第 2 行"):
        lexicon.preview_import(sessions, REVIEWER, path)
    assert _actions(sessions) == []


def test_the_starter_lexicon_and_whitelist_import_whole(sessions: SessionFactory) -> None:
    preview = lexicon.preview_import(sessions, SECADMIN, STARTER_TERMS)
    assert not preview.unmatchable and not preview.changed
    lexicon.import_terms(sessions, SECADMIN, preview)
    added = lexicon.import_phrases(sessions, SECADMIN, STARTER_WHITELIST)
    assert added >= 10
    with pytest.raises(InvalidInput):
        lexicon.import_phrases(sessions, SECADMIN, STARTER_WHITELIST)
    assert _screened(sessions, "原卫生部和卫生部门；卫生部") == ["卫生部"]


def test_the_holder_rebuilds_in_the_background_and_swaps_the_screener(
    sessions: SessionFactory,
) -> None:
    holder = ScreenerHolder()
    before = holder.current()
    assert before.screen("国家计委") == []
    lexicon.add_term(sessions, REVIEWER, TERM)
    built = holder.rebuild(sessions).result(timeout=60)
    assert holder.current() is built
    assert [f.term for f in holder.current().screen("国家计委")] == ["国家计委"]
    assert [f.term for f in before.screen("国家计委")] == []


def test_a_rebuild_asked_for_earlier_never_replaces_a_later_one(
    sessions: SessionFactory,
) -> None:
    holder = ScreenerHolder(Screener.build([], []))
    first = holder.rebuild(sessions)
    lexicon.add_term(sessions, REVIEWER, TERM)
    second = holder.rebuild(sessions)
    second.result(timeout=60)
    first.result(timeout=60)
    assert holder.current() is second.result()


def test_a_scan_gets_the_lexicon_as_saved_and_reuses_a_screener_already_built_for_it(
    sessions: SessionFactory,
) -> None:
    holder = ScreenerHolder()
    first = holder.fresh(sessions)
    assert holder.fresh(sessions) is first
    lexicon.add_term(sessions, REVIEWER, TERM)
    second = holder.fresh(sessions)
    assert second is not first and holder.current() is second
    assert [f.term for f in second.screen("国家计委")] == ["国家计委"]
    lexicon.add_phrase(sessions, REVIEWER, "原国家计委")
    rebuilt = holder.rebuild(sessions).result(timeout=60)
    assert holder.fresh(sessions) is rebuilt
    assert [f.term for f in rebuilt.screen("原国家计委")] == []
