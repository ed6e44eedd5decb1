"""First-run setup: who this install is (committee, place in the hierarchy, current mediator)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediator_desk.errors import FieldsRefused

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

LEVELS = {"village": "村（嘎查、社区）人民调解委员会", "township": "乡镇（苏木、街道）人民调解委员会"}


def is_set_up(desk: "Desk") -> bool:
    return bool(desk.settings.get("committee_id"))


# Words a committee's name is made of that say what kind of body it is, not which one.
_GENERIC = ("人民调解委员会", "调解委员会", "调委会", "居民委员会", "村民委员会", "委员会")
_PLACE_ENDINGS = ("嘎查村", "嘎查", "社区", "街道", "苏木", "乡", "镇", "村")


def suggest_short_name(committee_name: str) -> str:
    """A short name for case numbers from the committee's name: "红旗嘎查人民调解委员会" →
    "红旗", "城关镇东街社区人民调解委员会" → "东街". The person may change it."""
    name = (committee_name or "").strip()
    for word in _GENERIC:
        if name.endswith(word):
            name = name[: -len(word)]
            break
    # the last place in the name is the committee's own (a village within its township)
    for ending in ("镇", "乡", "苏木", "街道"):
        head, sep, tail = name.rpartition(ending)
        if sep and tail and not any(tail == e for e in _PLACE_ENDINGS):
            name = tail
            break
    for ending in _PLACE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    name = "".join(ch for ch in name if ch.isalnum())
    return name[:4]


def set_up_committee(desk: "Desk", *, committee_name: str, level: str, short_name: str,
                     township_name: str = "", county_name: str = "", city_name: str = "赤峰市",
                     mediator_name: str, mediator_sex: str = "", mediator_phone: str = "",
                     role: str = "village") -> dict:
    """Create the committee (with its parents) and the current mediator; remember them.

    ``level`` is 'village' (parent township required) or 'township'. Returns the ids.
    All in one transaction: a refusal leaves nothing behind.
    """
    # every missing field at once (the form shows them in one round)
    missing = []
    if level not in LEVELS:
        missing.append(("level", "请选择调委会级别"))
    if not (committee_name or "").strip():
        missing.append(("committee_name", "请填写调委会名称"))
    if level == "village" and not (township_name or "").strip():
        missing.append(("township_name", "村级调委会请填写所属乡镇（苏木）"))
    if not (short_name or "").strip():
        missing.append(("short_name", "请填写调委会简称（用于案件编号，如“红旗”）"))
    if not (mediator_name or "").strip():
        missing.append(("mediator_name", "请填写当前调解员姓名"))
    if missing:
        raise FieldsRefused(missing)
    orgs = desk.organisations
    with desk.transaction():
        city = orgs.find_or_create(kind="city", name=city_name.strip() or "赤峰市")
        county = orgs.find_or_create(kind="county", name=county_name.strip(), parent_id=city) \
            if county_name.strip() else city
        parent_kind_ok = county if county_name.strip() else None
        if level == "village":
            township = orgs.find_or_create(kind="township", name=township_name.strip(),
                                           parent_id=parent_kind_ok,
                                           short_name=township_name.strip()[:2])
            committee = orgs.create(kind="village", name=committee_name.strip(),
                                    short_name=short_name, parent_id=township)
        else:
            committee = orgs.create(kind="township", name=committee_name.strip(),
                                    short_name=short_name, parent_id=parent_kind_ok)
        mediator = desk.mediators.add(name=mediator_name, sex=mediator_sex, phone=mediator_phone,
                                      org_id=committee)
        desk.settings.set("committee_id", committee)
        desk.settings.set("current_mediator_id", mediator)
        desk.settings.set("current_user", mediator_name.strip())
        desk.settings.set("site_role", role)
    desk.user = mediator_name.strip()
    return {"committee_id": committee, "mediator_id": mediator}
