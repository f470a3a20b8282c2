"""Identifiers typed with full-width characters are checked, stored and found as ASCII (NFKC).

Chinese input methods type full-width digits (２０１３), letters and hyphens (－); the value
passes through one normalisation before validation and storage, whether it comes from the
command line, an import file, a form (a ``SiteDraft``) or the filing editor.
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.base.identifiers import identifier, site_code_form, uscc_form
from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.filings import service as filings
from console.operators import service as operators
from console.operators.service import NewOperator
from console.schema import Duty
from console.sites.rules import SiteDraft
from console.sites.service import create_site
from tests.site_drafts import PORTAL, org, site_table

STRONG = "Str0ng!Passw0rd"


def wide(text: str) -> str:
    """``text`` with its ASCII digits, letters and hyphens typed full-width."""
    return "".join(
        chr(ord(ch) + 0xFEE0) if ch.isascii() and (ch.isalnum() or ch == "-") else ch for ch in text
    )


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        ("icp", "浙ICP备２０１３２００４８２号-1", "浙ICP备2013200482号-1"),
        ("icp", wide("浙ICP备2013200482号-1"), "浙ICP备2013200482号-1"),
        ("site-code", wide("3312000001"), "3312000001"),
        ("site-code", "ＢＭ０１０００００１", "bm01000001"),
        ("psb", wide("浙公网安备33120202002862号"), "浙公网安备33120202002862号"),
        ("uscc", wide(org(1).lower()), org(1)),
        ("mlps-form", wide("33120000123"), "33120000123"),
    ],
)
def test_validate_accepts_full_width_and_prints_the_stored_form(
    kind: str, typed: str, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", kind, typed]) == 0
    assert capsys.readouterr().out.strip() == stored


def test_a_full_width_region_is_read_as_its_digits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "psb", "浙公网安备33120202002862号", "--region", wide("331200")]) == 0


def test_the_normal_forms_are_idempotent_and_ascii() -> None:
    for text in (wide("bm01000001"), " ３３１２ ", wide(org(7))):
        for form in (identifier, site_code_form, uscc_form):
            once = form(text)
            assert form(once) == once
            assert once == unicodedata.normalize("NFKC", once).strip()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, SessionFactory]]:
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    operators.bootstrap(
        sessions,
        [
            NewOperator("sys", "系统管理员", STRONG, frozenset({Duty.SYSTEM_ADMIN})),
            NewOperator("sec", "安全管理员", STRONG, frozenset({Duty.SECURITY_ADMIN})),
            NewOperator("aud", "审计管理员", STRONG, frozenset({Duty.AUDIT_ADMIN})),
        ],
    )
    try:
        yield url, sessions
    finally:
        engine_of(sessions).dispose()


def _listed(url: str, text: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    assert main(["--db", url, "sites", "list", "--json", "--text", text]) == 0
    rows: list[dict[str, str]] = json.loads(capsys.readouterr().out)
    return rows


def test_a_site_typed_full_width_in_a_form_is_stored_and_found_as_ascii(
    cluster: tuple[str, SessionFactory], capsys: pytest.CaptureFixture[str]
) -> None:
    url, sessions = cluster
    admin = operators.login(sessions, "sys", STRONG)
    typed = SiteDraft(
        code=wide(PORTAL.code),
        name=PORTAL.name,
        kind=PORTAL.kind,
        organiser_name=PORTAL.organiser_name,
        organiser_uscc=wide(PORTAL.organiser_uscc.lower()),
        domains=PORTAL.domains,
        icp_number=wide(PORTAL.icp_number or ""),
        psb_number=wide(PORTAL.psb_number or ""),
    )
    create_site(sessions, admin, typed)
    [row] = _listed(url, "2013353696", capsys)
    assert row["code"] == PORTAL.code
    assert [r["code"] for r in _listed(url, wide("2013353696"), capsys)] == [PORTAL.code]
    detail = filings.filing_detail(sessions, admin, 1)
    assert detail.record.icp_number == PORTAL.icp_number
    assert detail.record.psb_number == PORTAL.psb_number
    record = filings.FilingRecord(
        icp_number=wide("浙ICP备2013353699号-2"), mlps_level=2, mlps_form_number=wide("33120000123")
    )
    filings.save_filing(sessions, admin, 1, detail.version, record)
    saved = filings.filing_detail(sessions, admin, 1).record
    assert (saved.icp_number, saved.mlps_form_number) == ("浙ICP备2013353699号-2", "33120000123")


def test_an_import_file_with_full_width_identifiers_stores_ascii(
    cluster: tuple[str, SessionFactory],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, _sessions = cluster
    table = site_table(
        tmp_path / "sites.csv",
        [
            [wide(PORTAL.code), PORTAL.name, "市级门户", "", PORTAL.organiser_name,
             wide(PORTAL.organiser_uscc), "www.yunxi.gov.cn"],
            [wide("3312000201"), "云溪市林业局", "部门网站", wide(PORTAL.code), "云溪市林业局",
             wide(org(201)), "lyj.yunxi.gov.cn"],
        ],
    )  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(STRONG + "\n"))
    assert (
        main(["--db", url, "sites", "import", str(table), "--user", "sys", "--password-stdin"]) == 0
    )
    capsys.readouterr()
    codes = sorted(r["code"] for r in _listed(url, "", capsys))
    assert codes == [PORTAL.code, "3312000201"]
    assert main(["--db", url, "sites", "list", "--json", "--under", wide(PORTAL.code)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
