"""What changed in a site, in the operators' words: between two drafts (a conflict), in a
journal entry (the history tab), and the edit that keeps both operators' changes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from console.base.domains import to_unicode
from console.base.i18n import QT_TR_NOOP, translate
from console.base.labels import SITE_STATES
from console.sites.rules import FIELDS, ORGANISER_TYPES, SiteDraft, kind_label

CREATED = QT_TR_NOOP("新建")
ACTIONS: dict[str, str] = {
    "site.create": QT_TR_NOOP("新建站点"),
    "site.edit": QT_TR_NOOP("修改"),
    "site.bulk_edit": QT_TR_NOOP("批量修改"),
}
STEP_ACTION = QT_TR_NOOP("转为“{state}”")
# Journal snapshots hold a few fields a draft does not (or under another name).
SNAPSHOT_FIELDS: dict[str, str] = {
    **FIELDS,
    "parent_id": QT_TR_NOOP("上级网站"),
    "state": QT_TR_NOOP("状态"),
    "merged_into_id": QT_TR_NOOP("并入网站"),
    "posts_moved": QT_TR_NOOP("迁出稿件数"),
}


# Snapshot fields that hold another site's id, shown by that site's name.
SITE_REFERENCES = ("parent_id", "merged_into_id")


def referenced_sites(before: str, after: str) -> set[int]:
    """The ids of the other sites a journal entry's snapshots refer to."""
    found: set[int] = set()
    for snapshot in (_loaded(before), _loaded(after)):
        found |= {v for k in SITE_REFERENCES if isinstance(v := snapshot.get(k), int)}
    return found


def _loaded(snapshot: str) -> dict[str, Any]:
    try:
        value = json.loads(snapshot) if snapshot else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def shown(key: str, value: object) -> str:
    """A field's value as the operator reads it (labels translated, domains in Unicode)."""
    if isinstance(value, list | tuple):
        return "、".join(to_unicode(d) for d in value)
    if value is None:
        return ""
    if key == "kind":
        return kind_label(str(value))
    if key == "organiser_type":
        return translate("", ORGANISER_TYPES.get(str(value), str(value)))
    if key == "state":
        return translate("", SITE_STATES.get(str(value), str(value)))
    return str(value)


def changed_fields(before: SiteDraft, after: SiteDraft) -> list[tuple[str, str, str]]:
    """The fields ``after`` changes, as (translated label, old text, new text)."""
    return [
        (translate("", label), shown(key, getattr(before, key)), shown(key, getattr(after, key)))
        for key, label in FIELDS.items()
        if getattr(before, key) != getattr(after, key)
    ]


def kept_both(seen: SiteDraft, theirs: SiteDraft, mine: SiteDraft) -> SiteDraft:
    """``theirs`` (the site as saved meanwhile) with the fields this operator changed from
    ``seen`` set to ``mine``: overwriting loses none of the other operator's other changes."""
    ours = {key: getattr(mine, key) for key in FIELDS if getattr(mine, key) != getattr(seen, key)}
    return replace(theirs, **ours)


def action_label(action: str) -> str:
    """A journal action on a site in words: ``site.state.running`` → 转为“运行”."""
    if action in ACTIONS:
        return translate("", ACTIONS[action])
    state = action.removeprefix("site.state.")
    if state != action:
        return translate("", STEP_ACTION).format(state=shown("state", state))
    return action


def entry_changes(before: str, after: str, names: Mapping[int, str] | None = None) -> str:
    """What a journal entry changed, field by field, in one line of the operator's words;
    ``names`` shows the sites the entry refers to by name instead of by id."""
    old, new = _loaded(before), _loaded(after)
    if not new and not old:
        return ""
    if not old:
        return translate("", CREATED)

    def text(key: str, value: object) -> str:
        if key in SITE_REFERENCES and isinstance(value, int) and names and value in names:
            return names[value]
        return shown(key, value)

    return "；".join(
        f"{translate('', SNAPSHOT_FIELDS.get(key, key))}：{text(key, old.get(key))} → "
        f"{text(key, new.get(key))}"
        for key in sorted(set(old) | set(new), key=_field_order)
        if old.get(key) != new.get(key)
    )


def _field_order(key: str) -> tuple[int, str]:
    keys = list(SNAPSHOT_FIELDS)
    return (keys.index(key) if key in keys else len(keys), key)
