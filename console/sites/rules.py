"""The rules a site's registration must satisfy, each refused with a translatable reason.

``problems(register, draft)`` checks a ``SiteDraft`` against every rule and returns all the
reasons at once (an import preview lists them per row); ``check`` raises them. The register is
read through ``console.sites.register.RegisterLookup``, which an import also feeds with the rows
above the current one.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from console.base.domains import GOV_CN, is_under, to_unicode, validate_domain, zone_of
from console.base.errors import ConsoleError, InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import (
    identifier,
    region_prefix,
    site_code_form,
    uscc_form,
    validate_icp,
    validate_icp_region,
    validate_psb,
    validate_site_code,
    validate_uscc,
    within,
)
from console.schema import OrganiserType, SiteKind
from console.sites.contact import FIELDS as CONTACT_FIELDS
from console.sites.contact import contact_problems
from console.sites.register import GONE_STATES, RegisteredSite, RegisterLookup

PORTALS = frozenset({SiteKind.PROVINCE_PORTAL, SiteKind.CITY_PORTAL, SiteKind.COUNTY_PORTAL})
NAME_LIMIT = 200
# Words that name a township or street office: those publish on their county portal.
TOWNSHIP_WORDS = ("乡", "镇", "街道", "township", "street")

NO_NAME = QT_TR_NOOP("网站名称不能为空，且不超过 {limit} 个字。")
NO_ORGANISER = QT_TR_NOOP("主办单位名称不能为空。")
CODE_TAKEN = QT_TR_NOOP("网站标识码 {code} 已被“{name}”使用。")
UNKNOWN_KIND = QT_TR_NOOP(
    "网站类型“{value}”无法识别：应为省级门户、市级门户、县级门户、部门网站或专题网站。"
)
TOWNSHIP = QT_TR_NOOP(
    "乡镇、街道不单独开设网站（“{value}”）：其信息在所属县级门户网站上发布，请在县级门户开设栏目。"
)
UNKNOWN_TYPE = QT_TR_NOOP("主办单位性质“{value}”无法识别：应为党政机关或事业单位。")
PORTAL_LEVEL = QT_TR_NOOP("{kind}的标识码区划 {region} 应为{level}区划代码。")
NEEDS_PARENT = QT_TR_NOOP("{kind}必须挂在上级网站下，请填写上级网站标识码。")
UNKNOWN_PARENT = QT_TR_NOOP("上级网站标识码 {code} 不在站群登记中。")
PARENT_GONE = QT_TR_NOOP("上级网站“{name}”已整合迁移或永久下线，不能再挂新网站。")
WRONG_PARENT = QT_TR_NOOP("{kind}不能挂在{parent_kind}“{name}”下。")
OWN_PARENT = QT_TR_NOOP("网站不能以自己或自己的下级网站为上级。")
OUTSIDE_PARENT = QT_TR_NOOP(
    "标识码 {code} 的区划 {region} 不在上级网站“{name}”所在地区 {parent_region} 范围内。"
)
BM_PARENT = QT_TR_NOOP("国务院部门（bm 开头）的网站只能挂在另一国务院部门网站下，反之亦然。")
BM_KIND = QT_TR_NOOP("bm 开头的标识码属于国务院部门，只能是部门网站或专题网站。")
ONE_PER_ORGANISER = QT_TR_NOOP(
    "主办单位（{uscc}）已开设网站“{name}”：县级以上单位原则上只开设一个网站，专题网站除外。"
)
USCC_NOT_BODY = QT_TR_NOOP(
    "统一社会信用代码 {uscc} 不是机构编制部门登记的代码（应以 1 开头），"
    "政府网站的主办单位应为党政机关或事业单位。"
)
USCC_TYPE = QT_TR_NOOP(
    "统一社会信用代码 {uscc} 显示主办单位是{actual}，与所填性质“{claimed}”不符。"
)
NO_MAIN_DOMAIN = QT_TR_NOOP("请指定一个主域名（第一个域名即为主域名）。")
DOMAIN_TWICE = QT_TR_NOOP("域名 {domain} 重复填写。")
DOMAIN_TAKEN = QT_TR_NOOP("域名 {domain} 已属于“{name}”，站群内域名不能重复。")
INSTITUTION_GOV_CN = QT_TR_NOOP("事业单位主办的网站不能使用 .gov.cn 域名（{domain}）。")
PORTAL_WWW = QT_TR_NOOP("门户网站的主域名应以 www. 开头（{domain}）。")
OUTSIDE_PORTAL = QT_TR_NOOP("域名 {domain} 应在所属门户“{portal}”的域名 {zone} 之下。")
SEVERAL = QT_TR_NOOP("有 {n} 处问题：{problems}")
ORGANISER_TYPES: dict[str, str] = {
    OrganiserType.PARTY_GOVERNMENT: QT_TR_NOOP("党政机关"),
    OrganiserType.PUBLIC_INSTITUTION: QT_TR_NOOP("事业单位"),
}


class Level(enum.StrEnum):
    """Administrative level a region code stands for."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


def level_of(region_code: str) -> Level:
    """The level of a 6-digit division code ('' for State Council departments: national)."""
    if not region_code:
        return Level.NATIONAL
    return {2: Level.PROVINCE, 4: Level.CITY}.get(len(region_prefix(region_code)), Level.COUNTY)


PORTAL_LEVELS: dict[str, tuple[Level, str]] = {
    SiteKind.PROVINCE_PORTAL: (Level.PROVINCE, QT_TR_NOOP("省级")),
    SiteKind.CITY_PORTAL: (Level.CITY, QT_TR_NOOP("地市级")),
    SiteKind.COUNTY_PORTAL: (Level.COUNTY, QT_TR_NOOP("县级")),
}
# Which kinds of site may sit under which: departments under portals, special-topic sites
# under a portal or a department; a city portal may sit under its province's portal.
PARENT_KINDS: dict[str, frozenset[str]] = {
    SiteKind.PROVINCE_PORTAL: frozenset(),
    SiteKind.CITY_PORTAL: frozenset({SiteKind.PROVINCE_PORTAL}),
    SiteKind.COUNTY_PORTAL: frozenset({SiteKind.CITY_PORTAL}),
    SiteKind.DEPARTMENT: PORTALS | {SiteKind.DEPARTMENT},
    SiteKind.SPECIAL: PORTALS | {SiteKind.DEPARTMENT},
}


@dataclass(frozen=True)
class SiteDraft:
    """A site as the operator describes it; ``domains[0]`` is the main domain."""

    code: str
    name: str
    kind: str
    organiser_name: str
    organiser_uscc: str
    organiser_type: str = OrganiserType.PARTY_GOVERNMENT
    parent_code: str | None = None
    domains: tuple[str, ...] = ()
    opened_on: dt.date | None = None
    icp_number: str | None = None
    psb_number: str | None = None
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""

    def __post_init__(self) -> None:
        # Identifiers in their one stored form (NFKC: full-width digits typed in a form or a
        # spreadsheet are checked, stored and found as ASCII).
        object.__setattr__(self, "code", site_code_form(self.code))
        object.__setattr__(self, "organiser_uscc", uscc_form(self.organiser_uscc))
        optional = (
            ("parent_code", site_code_form),
            ("icp_number", identifier),
            ("psb_number", identifier),
        )
        for field, form in optional:
            value = getattr(self, field)
            if value:
                object.__setattr__(self, field, form(value) or None)

    @property
    def region_code(self) -> str:
        """The division code the site's 标识码 carries ('' for State Council departments)."""
        return "" if self.code.startswith("bm") else self.code[:6]


FIELDS: dict[str, str] = {
    "code": QT_TR_NOOP("网站标识码"),
    "name": QT_TR_NOOP("网站名称"),
    "kind": QT_TR_NOOP("类型"),
    "parent_code": QT_TR_NOOP("上级网站标识码"),
    "organiser_name": QT_TR_NOOP("主办单位"),
    "organiser_uscc": QT_TR_NOOP("统一社会信用代码"),
    "organiser_type": QT_TR_NOOP("主办单位性质"),
    "domains": QT_TR_NOOP("域名"),
    "icp_number": QT_TR_NOOP("ICP备案号"),
    "psb_number": QT_TR_NOOP("公安备案号"),
    "opened_on": QT_TR_NOOP("开通日期"),
    **CONTACT_FIELDS,
}


def kind_from(text: str) -> str:
    """A site kind from its stored code or its label (as typed in an import file)."""
    from console.base.labels import SITE_KINDS

    value = text.strip()
    if value in SITE_KINDS:
        return value
    for code, label in SITE_KINDS.items():
        if value in (label, translate("", label)):
            return code
    if any(word in value.lower() for word in TOWNSHIP_WORDS):
        raise InvalidInput(TOWNSHIP, value=value)
    raise InvalidInput(UNKNOWN_KIND, value=value)


def organiser_type_from(text: str) -> str:
    """An organiser type from its stored code or label."""
    value = text.strip() or OrganiserType.PARTY_GOVERNMENT
    for code, label in ORGANISER_TYPES.items():
        if value in (code, label, translate("", label)):
            return code
    raise InvalidInput(UNKNOWN_TYPE, value=value)


class Problems:
    """Collects the reasons a draft is refused."""

    def __init__(self) -> None:
        self.found: list[ConsoleError] = []

    def passes(self, rule: Callable[..., object], *args: object) -> bool:
        """Run ``rule(*args)``; keep its refusal instead of raising it; whether it passed."""
        try:
            rule(*args)
        except ConsoleError as error:
            self.found.append(error)
            return False
        return True

    def add(self, message: str, **params: object) -> None:
        """Record a refusal."""
        self.found.append(InvalidInput(message, **params))


def problems(
    register: RegisterLookup, draft: SiteDraft, site_id: int | None = None
) -> list[ConsoleError]:
    """Every rule ``draft`` breaks; ``site_id`` is the site being edited (None for a new one)."""
    found = Problems()
    if not draft.name.strip() or len(draft.name) > NAME_LIMIT:
        found.add(NO_NAME, limit=NAME_LIMIT)
    if not draft.organiser_name.strip():
        found.add(NO_ORGANISER)
    code_ok = found.passes(validate_site_code, draft.code)
    if code_ok:
        holder = register.site(draft.code)
        if holder is not None and (site_id is None or holder.id != site_id):
            found.add(CODE_TAKEN, code=draft.code, name=holder.name)
    kind_ok = draft.kind in PARENT_KINDS or found.passes(kind_from, draft.kind)
    parent = _parent_rules(register, draft, site_id, found, code_ok and kind_ok)
    _organiser_rules(register, draft, site_id, found)
    _domain_rules(register, draft, site_id, parent, found)
    _filing_rules(draft, found, code_ok)
    found.found.extend(contact_problems(draft))
    return found.found


def reasons_text(reasons: Iterable[object]) -> str:
    """Several refusals (each a full sentence) as one text."""
    return " ".join(str(reason).strip() for reason in reasons)


def check(register: RegisterLookup, draft: SiteDraft, site_id: int | None = None) -> None:
    """Raise the draft's refusal: the one reason, or all of them in one message."""
    found = problems(register, draft, site_id)
    if len(found) == 1:
        raise found[0]
    if found:
        raise InvalidInput(SEVERAL, n=len(found), problems=reasons_text(found))


def kind_label(kind: str) -> str:
    """The translated label of a site kind."""
    from console.base.labels import SITE_KINDS

    return translate("", SITE_KINDS.get(kind, kind))


def _parent_rules(
    register: RegisterLookup,
    draft: SiteDraft,
    site_id: int | None,
    found: Problems,
    checkable: bool,
) -> RegisteredSite | None:
    if not checkable:
        return None
    kind = draft.kind
    is_bm = draft.code.startswith("bm")
    if is_bm and kind in PORTALS:
        found.add(BM_KIND)
    if kind in PORTAL_LEVELS and not is_bm:
        level, level_name = PORTAL_LEVELS[kind]
        if level_of(draft.region_code) != level:
            found.add(
                PORTAL_LEVEL,
                kind=kind_label(kind),
                region=draft.region_code,
                level=translate("", level_name),
            )
    if not draft.parent_code:
        if kind in (SiteKind.DEPARTMENT, SiteKind.SPECIAL, SiteKind.COUNTY_PORTAL) and not is_bm:
            found.add(NEEDS_PARENT, kind=kind_label(kind))
        return None
    parent = register.site(draft.parent_code)
    if parent is None:
        found.add(UNKNOWN_PARENT, code=draft.parent_code)
        return None
    own = register.code_of(site_id) if site_id is not None else None
    if own is not None and (
        parent.code == own or any(a.code == own for a in register.ancestors(parent))
    ):
        found.add(OWN_PARENT)
        return parent
    if parent.state in GONE_STATES:
        found.add(PARENT_GONE, name=parent.name)
    if is_bm != parent.code.startswith("bm"):
        found.add(BM_PARENT)
    elif parent.kind not in PARENT_KINDS[kind]:
        found.add(
            WRONG_PARENT,
            kind=kind_label(kind),
            parent_kind=kind_label(parent.kind),
            name=parent.name,
        )
    elif not is_bm and not within(draft.region_code, parent.region_code):
        found.add(
            OUTSIDE_PARENT,
            code=draft.code,
            region=draft.region_code,
            name=parent.name,
            parent_region=parent.region_code,
        )
    return parent


def _organiser_rules(
    register: RegisterLookup, draft: SiteDraft, site_id: int | None, found: Problems
) -> None:
    if draft.organiser_type not in ORGANISER_TYPES:
        found.passes(organiser_type_from, draft.organiser_type)
        return
    if not found.passes(validate_uscc, draft.organiser_uscc):
        return
    uscc = draft.organiser_uscc
    if not uscc.startswith("1"):
        found.add(USCC_NOT_BODY, uscc=uscc)
    else:
        actual = {"1": OrganiserType.PARTY_GOVERNMENT, "2": OrganiserType.PUBLIC_INSTITUTION}.get(
            uscc[1]
        )
        if actual is not None and actual != draft.organiser_type:
            found.add(
                USCC_TYPE,
                uscc=uscc,
                actual=translate("", ORGANISER_TYPES[actual]),
                claimed=translate("", ORGANISER_TYPES[OrganiserType(draft.organiser_type)]),
            )
    if draft.kind == SiteKind.SPECIAL or level_of(draft.region_code) == Level.COUNTY:
        return
    for other in register.organiser_sites(uscc):
        mine = other.code == draft.code or (site_id is not None and other.id == site_id)
        if not mine and other.kind != SiteKind.SPECIAL:
            found.add(ONE_PER_ORGANISER, uscc=uscc, name=other.name)
            return


def _domain_rules(
    register: RegisterLookup,
    draft: SiteDraft,
    site_id: int | None,
    parent: RegisteredSite | None,
    found: Problems,
) -> None:
    stored: list[str] = []
    own = register.code_of(site_id) if site_id is not None else draft.code
    for typed in draft.domains:
        try:
            domain = validate_domain(typed)
        except InvalidInput as error:
            found.found.append(error)
            continue
        shown = to_unicode(domain)
        if domain in stored:
            found.add(DOMAIN_TWICE, domain=shown)
            continue
        stored.append(domain)
        owner = register.domain_owner(domain)
        if owner is not None and owner[0] != own:
            found.add(DOMAIN_TAKEN, domain=shown, name=owner[1])
        if draft.organiser_type == OrganiserType.PUBLIC_INSTITUTION and domain.endswith(GOV_CN):
            found.add(INSTITUTION_GOV_CN, domain=shown)
    if not stored:
        return
    main = stored[0]
    if draft.kind in PORTALS and not main.startswith("www."):
        found.add(PORTAL_WWW, domain=to_unicode(main))
    portal = _portal_above(register, parent)
    if draft.kind not in PORTALS and portal is not None and portal.main_domain:
        zone = zone_of(portal.main_domain)
        for domain in stored:
            if not is_under(domain, zone):
                found.add(
                    OUTSIDE_PORTAL,
                    domain=to_unicode(domain),
                    portal=portal.name,
                    zone=to_unicode(zone),
                )


def _portal_above(register: RegisterLookup, parent: RegisteredSite | None) -> RegisteredSite | None:
    if parent is None:
        return None
    if parent.kind in PORTALS:
        return parent
    for ancestor in register.ancestors(parent):
        if ancestor.kind in PORTALS:
            return ancestor
    return None


def _filing_rules(draft: SiteDraft, found: Problems, code_ok: bool) -> None:
    region = draft.region_code if code_ok else None
    if draft.icp_number:
        if region:
            found.passes(validate_icp_region, draft.icp_number, region)
        else:
            found.passes(validate_icp, draft.icp_number)
    if draft.psb_number:
        found.passes(validate_psb, draft.psb_number, region or None)
