"""Message records as an interaction platform exports them, read into plain values.

A record is one message: its site (by 网站标识码), its channel (name and kind), its number on
the platform, when it came and when it was answered or closed, whether it is valid (or why
not), whether the reply was public and which unit answered. Times are aware (a file's wall
times are read in the cluster's zone). Columns of a file the console does not keep are
dropped; those that look like the askers' personal data are named as such, and personal data
inside a title (ID and phone numbers) is masked before anything is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, joined, translate
from console.schema import ChannelKind, MessageState
from console.screening.personal import personal_data

TITLE_LIMIT = 200
NAME_LIMIT = 100
UNIT_LIMIT = 200
NUMBER_LIMIT = 64
REASON_LIMIT = 200

# Field keys and the platform's default headings.
HEADINGS: Mapping[str, str] = {
    "site_code": QT_TR_NOOP("网站标识码"),
    "channel": QT_TR_NOOP("渠道名称"),
    "kind": QT_TR_NOOP("渠道类型"),
    "number": QT_TR_NOOP("留言编号"),
    "title": QT_TR_NOOP("留言标题"),
    "received": QT_TR_NOOP("留言时间"),
    "answered": QT_TR_NOOP("答复时间"),
    "state": QT_TR_NOOP("办理状态"),
    "valid": QT_TR_NOOP("是否有效"),
    "public": QT_TR_NOOP("是否公开"),
    "unit": QT_TR_NOOP("答复单位"),
    "reason": QT_TR_NOOP("无效原因"),
}
REQUIRED = ("site_code", "channel", "kind", "number", "received", "state", "valid")

CHANNEL_KINDS: Mapping[str, str] = {
    ChannelKind.CONSULTATION: QT_TR_NOOP("政务咨询"),
    ChannelKind.SUGGESTION: QT_TR_NOOP("建言"),
    ChannelKind.INTERVIEW: QT_TR_NOOP("在线访谈"),
    ChannelKind.SURVEY: QT_TR_NOOP("征集调查"),
    ChannelKind.PETITION: QT_TR_NOOP("信访"),
    ChannelKind.DISCIPLINE: QT_TR_NOOP("纪检举报"),
    ChannelKind.OTHER: QT_TR_NOOP("其他"),
}
MESSAGE_STATES: Mapping[str, str] = {
    MessageState.PENDING: QT_TR_NOOP("待办理"),
    MessageState.ANSWERED: QT_TR_NOOP("已答复"),
    MessageState.CLOSED: QT_TR_NOOP("已办结"),
}
# Other words platforms use for the same values (a mapping file can add its own).
KIND_WORDS = {
    "咨询": ChannelKind.CONSULTATION,
    "建言献策": ChannelKind.SUGGESTION,
    "访谈": ChannelKind.INTERVIEW,
    "征集": ChannelKind.SURVEY,
    "调查": ChannelKind.SURVEY,
    "举报": ChannelKind.DISCIPLINE,
}
STATE_WORDS = {
    "待办": MessageState.PENDING,
    "办理中": MessageState.PENDING,
    "未答复": MessageState.PENDING,
    "已回复": MessageState.ANSWERED,
    "办结": MessageState.CLOSED,
    "已关闭": MessageState.CLOSED,
}
YES = frozenset({"是", "有效", "公开", "y", "yes", "true", "1"})
NO = frozenset({"否", "无效", "不公开", "n", "no", "false", "0", ""})
REASON_MARKS = "：:（(-—、 "
# Heading fragments that mark a column of the askers' personal data.
PERSONAL_HEADINGS = (
    "姓名", "名字", "联系人", "留言人", "来信人", "电话", "手机", "联系方式", "身份证", "证件",
    "地址", "住址", "邮箱", "电子邮件", "邮编", "name", "phone", "mobile", "mail", "address",
)  # fmt: skip
TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S",
                "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y.%m.%d")  # fmt: skip

UNKNOWN_CHANNEL_KIND = QT_TR_NOOP("渠道类型“{value}”不认识，可用：{allowed}")
UNKNOWN_STATE = QT_TR_NOOP("办理状态“{value}”不认识，可用：{allowed}")
NOT_YES_NO = QT_TR_NOOP("{what}“{value}”应为“是”或“否”")
BAD_TIME = QT_TR_NOOP("{what}“{value}”格式不对，应为 YYYY-MM-DD HH:MM")
EMPTY_FIELD = QT_TR_NOOP("缺少{what}")
TOO_LONG = QT_TR_NOOP("{what}超过 {limit} 个字符")
NO_ZONE = QT_TR_NOOP("{what}没有时区")
ANSWER_BEFORE = QT_TR_NOOP("答复时间早于留言时间")
NO_ANSWER_TIME = QT_TR_NOOP("状态为“{state}”的有效留言缺少答复时间")
PENDING_ANSWERED = QT_TR_NOOP("状态为待办理却有答复时间")
NO_REASON = QT_TR_NOOP("无效留言须注明原因")
FUTURE = QT_TR_NOOP("{what}晚于现在")


@dataclass(frozen=True)
class MessageRecord:
    """One message as a platform reports it (times aware; nothing about the asker)."""

    site_code: str
    channel: str
    kind: ChannelKind
    number: str
    received_at: dt.datetime
    state: MessageState
    valid: bool = True
    answered_at: dt.datetime | None = None
    invalid_reason: str | None = None
    public: bool = False
    answering_unit: str = ""
    title: str = ""


def problems(record: MessageRecord, now: dt.datetime) -> list[str]:
    """What is wrong with ``record`` on its own (``now`` aware), in the operator's language."""
    found: list[str] = []
    for key, value, limit in (
        ("site_code", record.site_code, 10),
        ("channel", record.channel, NAME_LIMIT),
        ("number", record.number, NUMBER_LIMIT),
    ):
        if not value:
            found.append(_said(EMPTY_FIELD, what=_heading(key)))
        elif len(value) > limit:
            found.append(_said(TOO_LONG, what=_heading(key), limit=limit))
    for key, text, limit in (
        ("unit", record.answering_unit, UNIT_LIMIT),
        ("reason", record.invalid_reason or "", REASON_LIMIT),
    ):
        if len(text) > limit:
            found.append(_said(TOO_LONG, what=_heading(key), limit=limit))
    found.extend(_time_problems(record, now))
    if not record.valid and not (record.invalid_reason or "").strip():
        found.append(translate("", NO_REASON))
    return found


def _time_problems(record: MessageRecord, now: dt.datetime) -> list[str]:
    found: list[str] = []
    for key, moment in (("received", record.received_at), ("answered", record.answered_at)):
        if moment is None:
            continue
        if moment.tzinfo is None:
            found.append(_said(NO_ZONE, what=_heading(key)))
        elif moment > now:
            found.append(_said(FUTURE, what=_heading(key)))
    if found:
        return found
    answered = record.answered_at
    if answered is not None and answered < record.received_at:
        found.append(translate("", ANSWER_BEFORE))
    if record.state == MessageState.PENDING and answered is not None:
        found.append(translate("", PENDING_ANSWERED))
    if record.state != MessageState.PENDING and record.valid and answered is None:
        state = translate("", MESSAGE_STATES[record.state])
        found.append(_said(NO_ANSWER_TIME, state=state))
    return found


def _said(text: str, **params: object) -> str:
    return translate("", text).format(**params)


def _heading(key: str) -> str:
    return translate("", HEADINGS[key])


def masked_title(title: str) -> str:
    """``title`` with ID and phone numbers replaced by asterisks, cut to the column's size."""
    chars = list(title.strip())
    for item in personal_data(title.strip()):
        chars[item.start : item.end] = "*" * (item.end - item.start)
    return "".join(chars)[:TITLE_LIMIT]


def is_personal_heading(heading: str) -> bool:
    """Whether a column heading names the askers' personal data."""
    lowered = heading.casefold()
    return any(fragment in lowered for fragment in PERSONAL_HEADINGS)


def channel_kind_from(text: str, words: Mapping[str, str] | None = None) -> ChannelKind:
    """A channel kind from its label, its code, or a platform's word for it."""
    value = (words or {}).get(text.strip(), text.strip())
    found = _coded(value, CHANNEL_KINDS, KIND_WORDS)
    if found is None:
        raise InvalidInput(UNKNOWN_CHANNEL_KIND, value=text, allowed=_allowed(CHANNEL_KINDS))
    return ChannelKind(found)


def state_from(text: str, words: Mapping[str, str] | None = None) -> MessageState:
    """A message state from its label, its code, or a platform's word for it."""
    value = (words or {}).get(text.strip(), text.strip())
    found = _coded(value, MESSAGE_STATES, STATE_WORDS)
    if found is None:
        raise InvalidInput(UNKNOWN_STATE, value=text, allowed=_allowed(MESSAGE_STATES))
    return MessageState(found)


def _coded(value: str, labels: Mapping[str, str], words: Mapping[str, str]) -> str | None:
    if value.lower() in labels:
        return value.lower()
    for code, label in labels.items():
        if value in (label, translate("", label)):
            return code
    return words.get(value)


def _allowed(labels: Mapping[str, str]) -> str:
    return joined(translate("", label) for label in labels.values())


def yes_no(key: str, text: str, words: Mapping[str, str] | None = None) -> tuple[bool, str]:
    """A yes/no cell, and any words after the answer ("否（重复留言）" → False, "重复留言")."""
    value = (words or {}).get(text.strip(), text.strip())
    for answer, truth in ((value, None), *_split(value)):
        lowered = answer.lower()
        if lowered in YES:
            return True, truth or ""
        if lowered in NO:
            return False, truth or ""
    raise InvalidInput(NOT_YES_NO, what=_heading(key), value=text)


def _split(value: str) -> list[tuple[str, str]]:
    for index, char in enumerate(value):
        if char in REASON_MARKS and index:
            rest = value[index:].strip(REASON_MARKS + "）)")
            return [(value[:index], rest)]
    return []


def wall_time(key: str, text: str, zone: ZoneInfo) -> dt.datetime | None:
    """A time written in the file (a wall time in ``zone``), aware; None when blank."""
    value = text.strip()
    if not value:
        return None
    if "T" in value:
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise InvalidInput(BAD_TIME, what=_heading(key), value=text) from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
    for form in TIME_FORMATS:
        try:
            return dt.datetime.strptime(value, form).replace(tzinfo=zone)
        except ValueError:
            continue
    raise InvalidInput(BAD_TIME, what=_heading(key), value=text)
