"""First-run setup: who this install is (committee, place in the hierarchy, current mediator)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediator_desk.errors import ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

LEVELS = {"village": "村（嘎查、社区）人民调解委员会", "township": "乡镇（苏木、街道）人民调解委员会"}


def is_set_up(desk: "Desk") -> bool:
    return bool(desk.settings.get("committee_id"))


def set_up_committee(desk: "Desk", *, committee_name: str, level: str, short_name: str,
                     township_name: str = "", county_name: str = "", city_name: str = "赤峰市",
                     mediator_name: str, mediator_sex: str = "", mediator_phone: str = "",
                     role: str = "village") -> dict:
    """Create the committee (with its parents) and the current mediator; remember them.

    ``level`` is 'village' (parent township required) or 'township'. Returns the ids.
    All in one transaction: a refusal leaves nothing behind.
    """
    if level not in LEVELS:
        raise ValidationError("请选择调委会级别", field="level")
    if not (committee_name or "").strip():
        raise ValidationError("请填写调委会名称", field="committee_name")
    if level == "village" and not (township_name or "").strip():
        raise ValidationError("村级调委会请填写所属乡镇（苏木）", field="township_name")
    if not (mediator_name or "").strip():
        raise ValidationError("请填写当前调解员姓名", field="mediator_name")
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
