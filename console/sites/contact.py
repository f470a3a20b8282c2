"""A site's 联络员 (the person its monthly report goes to): rules, storage and display.

The phone number is personal data: lists show it masked (``138****1234``); only the site's
form shows it whole.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from console.base.errors import ConsoleError, InvalidInput
from console.base.i18n import QT_TR_NOOP
from console.base.masking import mask_phone
from console.schema import Site

if TYPE_CHECKING:
    from console.sites.rules import SiteDraft

SEPARATOR = "|"
# What a list selects for the contact: name and phone in one text, masked when rendered.
CONTACT = Site.contact_name + SEPARATOR + Site.contact_phone

NAME_LIMIT = 50
EMAIL_LIMIT = 254
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,24}[0-9]$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")

FIELDS = {
    "contact_name": QT_TR_NOOP("联络员"),
    "contact_phone": QT_TR_NOOP("联络员电话"),
    "contact_email": QT_TR_NOOP("联络员邮箱"),
}
BAD_NAME = QT_TR_NOOP("联络员姓名不超过 {limit} 个字。")
BAD_PHONE = QT_TR_NOOP("联络员电话“{value}”格式不对：应为手机号或带区号的座机号。")
BAD_EMAIL = QT_TR_NOOP("联络员邮箱“{value}”格式不对，应如 name@example.gov.cn。")


def contact_problems(draft: SiteDraft) -> list[ConsoleError]:
    """What is wrong with the draft's contact (empty fields are allowed)."""
    found: list[ConsoleError] = []
    if len(draft.contact_name.strip()) > NAME_LIMIT:
        found.append(InvalidInput(BAD_NAME, limit=NAME_LIMIT))
    phone = draft.contact_phone.strip()
    if phone and not PHONE.match(phone):
        found.append(InvalidInput(BAD_PHONE, value=phone))
    email = draft.contact_email.strip()
    if email and (len(email) > EMAIL_LIMIT or not EMAIL.match(email)):
        found.append(InvalidInput(BAD_EMAIL, value=email))
    return found


def contact_values(source: SiteDraft | Site) -> dict[str, Any]:
    """The contact's three fields of a draft or a site, trimmed."""
    return {key: (getattr(source, key) or "").strip() for key in FIELDS}


def set_contact(site: Site, draft: SiteDraft) -> None:
    """Store the draft's contact on ``site``."""
    for key, value in contact_values(draft).items():
        setattr(site, key, value)


def contact_snapshot(source: SiteDraft | Site) -> dict[str, Any]:
    """The contact as the journal records it: the phone masked, like every list."""
    values = contact_values(source)
    values["contact_phone"] = mask_phone(values["contact_phone"]) if values["contact_phone"] else ""
    return values


def listed(value: Any) -> str:
    """A contact in a list (``CONTACT`` selected): the name and the masked phone."""
    name, _, phone = str(value or "").partition(SEPARATOR)
    return " ".join(p for p in (name.strip(), mask_phone(phone) if phone else "") if p)
