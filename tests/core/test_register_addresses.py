"""Column addresses travel with the register: an XLSX register's 栏目地址 sheet, the CSV file
beside a CSV register; read and checked by the code ``addresses import`` uses."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from console.base.actor import Actor
from console.base.errors import InvalidInput
from console.base.listing import Query
from console.cli import main
from console.db import SessionFactory, engine_of
from console.patrol import addresses
from console.patrol.addresses import SHEET, beside
from console.schema import JournalEntry, Site, SiteColumn, SiteKind
from console.sites.importing import check_and_import, import_sites
from console.sites.register_file import export_register
from tests.patrol_cluster import addresses_of, register, staff
from tests.patrol_sites import GovSite, generate
from tests.site_drafts import PORTAL
from tests.staff import PASSWORD


@pytest.fixture
def site() -> GovSite:
    return generate(31, 1, columns=6)


@pytest.fixture
def cluster(sessions: SessionFactory, site: GovSite) -> tuple[Actor, int]:
    admin, _reviewer = staff(sessions)
    site_id = register(sessions, [site])[site.code]
    with sessions.begin() as session:  # a register the import takes as it is
        session.execute(
            update(Site).values(kind=SiteKind.CITY_PORTAL, organiser_uscc=PORTAL.organiser_uscc)
        )
    wanted = {c.code: site.url(c.path) for c in site.columns[:3]}
    addresses.set_addresses(sessions, admin, site.code, wanted)
    return admin, site_id


def wanted_of(site: GovSite) -> dict[str, str]:
    return {c.code: site.url(c.path) for c in site.columns[:3]}


def sites_in(sessions: SessionFactory) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Site)) or 0


def journalled(sessions: SessionFactory, action: str) -> int:
    with sessions() as session:
        query = select(func.count()).select_from(JournalEntry)
        return session.scalar(query.where(JournalEntry.action == action)) or 0


def newcomer_cells(site: GovSite) -> list[str]:
    """The first cells of a register row for a new 专题网站 under ``site``."""
    domain = "zt." + site.host.removeprefix("www.")
    return ["3312000099", "专题网站", "专题网站", site.code, "专题单位", PORTAL.organiser_uscc,
            "行政机关", domain]  # fmt: skip


def give_columns(sessions: SessionFactory, site: GovSite) -> int:
    """The imported site's columns, as a preset applied to it would add them."""
    with sessions.begin() as session:
        site_id = session.scalar(select(Site.id).where(Site.code == site.code))
        assert site_id is not None
        for position, column in enumerate(site.columns):
            row = SiteColumn(site_id=site_id, path="/", name=column.name, code=column.code,
                             column_type="news", position=position, version=1)  # fmt: skip
            session.add(row)
            session.flush()
            row.path = f"/{row.id}/"
    return site_id


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_register_file_carries_the_addresses_to_another_cluster(
    sessions: SessionFactory,
    sqlite_sessions: SessionFactory,
    cluster: tuple[Actor, int],
    site: GovSite,
    tmp_path: Path,
    suffix: str,
) -> None:
    admin, site_id = cluster
    file = tmp_path / f"register.{suffix}"
    assert export_register(sessions, admin, Query(), file) == 1
    if suffix == "xlsx":
        book = load_workbook(file, read_only=True)
        assert book.sheetnames[1] == SHEET
        book.close()
    else:
        assert beside(file).name == f"register_{SHEET}.csv" and beside(file).is_file()
    # The same file restores the addresses through ``addresses import`` …
    addresses.set_addresses(sessions, admin, site.code, dict.fromkeys(wanted_of(site)))
    assert addresses.import_addresses(sessions, admin, file) == 3
    assert {k: v for k, v in addresses_of(sessions, site_id).items() if v} == wanted_of(site)
    # … and registers the site in another cluster, whose columns come later from a preset.
    other, _ = staff(sqlite_sessions)
    result = check_and_import(sqlite_sessions, other, file)
    assert result.imported == 1 and result.addresses == 0
    assert any(f"{len(site.columns)} 个栏目地址" in note for note in result.preview.notes)
    new_id = give_columns(sqlite_sessions, site)
    assert addresses.import_addresses(sqlite_sessions, other, file) == 3
    assert {k: v for k, v in addresses_of(sqlite_sessions, new_id).items() if v} == wanted_of(site)


def test_a_register_import_writes_the_addresses_of_registered_sites_in_its_transaction(
    sessions: SessionFactory, cluster: tuple[Actor, int], site: GovSite, tmp_path: Path
) -> None:
    admin, site_id = cluster
    file = tmp_path / "register.xlsx"
    export_register(sessions, admin, Query(), file)
    addresses.set_addresses(sessions, admin, site.code, dict.fromkeys(wanted_of(site)))
    before = journalled(sessions, "column.addresses")
    # The register's own row is refused (its code is taken): nothing at all is written.
    refused = check_and_import(sessions, admin, file)
    assert refused.preview.bad and refused.imported == 0 and refused.addresses == 0
    assert set(addresses_of(sessions, site_id).values()) == {None}
    # A register of another, new site carrying the addresses of the registered one.
    sheet = load_workbook(file)
    first = sheet.worksheets[0]
    for column, value in enumerate(newcomer_cells(site), start=1):
        if column != 7:  # the organiser's type as exported
            first.cell(2, column).value = value
    sheet.save(file)
    done = check_and_import(sessions, admin, file)
    assert not done.preview.refused, (done.preview.bad, done.preview.address_problems)
    assert done.imported == 1 and done.addresses == 3
    assert {k: v for k, v in addresses_of(sessions, site_id).items() if v} == wanted_of(site)
    assert journalled(sessions, "column.addresses") == before + 1


def test_bad_addresses_in_a_register_are_told_by_line_and_nothing_is_written(
    sessions: SessionFactory,
    cluster: tuple[Actor, int],
    site: GovSite,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    admin, site_id = cluster
    file = tmp_path / "register.csv"
    export_register(sessions, admin, Query(), file)
    lines = file.read_text(encoding="utf-8-sig").splitlines()
    cells = lines[1].split(",")
    cells[:6] = newcomer_cells(site)[:6]
    cells[7] = newcomer_cells(site)[7]
    file.write_text("\n".join([lines[0], ",".join(cells)]) + "\n", encoding="utf-8")
    beside(file).write_text(
        "网站标识码,栏目代码,栏目名称,列表页地址\n"
        f"{site.code},c01,,{site.url('/c01/')}\n"
        f"{site.code},c99,,{site.url('/c99/')}\n"
        f"{site.code},c02,,ftp://{site.host}/c02/\n"
        f"{site.code},c03,,http://www.example.com/\n",
        encoding="utf-8",
    )
    addresses.set_addresses(sessions, admin, site.code, dict.fromkeys(wanted_of(site)))
    checked = check_and_import(sessions, admin, file).preview
    told = "\n".join(checked.address_problems)
    assert not checked.bad and checked.refused
    assert all(f"栏目地址表第 {n} 行" in told for n in (3, 4, 5)) and "第 2 行" not in told
    with pytest.raises(InvalidInput):
        import_sites(sessions, admin, file)
    assert sites_in(sessions) == 1
    assert set(addresses_of(sessions, site_id).values()) == {None}
    url = engine_of(sessions).url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    login = ["--user", "sysadmin", "--password-stdin"]
    assert main(["--db", url, "sites", "import", str(file), *login]) == 1
    err = capsys.readouterr().err
    assert "栏目地址表第 4 行" in err and "Traceback" not in err
    assert sites_in(sessions) == 1
    # A sheet without its headings is told as such, not as a traceback.
    beside(file).write_text("网站,栏目\nx,y\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"列表页地址|网站标识码"):
        check_and_import(sessions, admin, file)
