"""Parties to a case: natural persons or organisations, with validation and repeat-dispute lookup."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from mediator_desk.core.validation import (check_credit_code, check_date, check_id_number,
                                           check_phone, mask_id_number)
from mediator_desk.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

ROLES = {"applicant": "申请人", "respondent": "被申请人", "third_party": "第三人"}
KINDS = {"person": "自然人", "organisation": "法人或其他组织"}
ID_TYPES = {"resident_id": "居民身份证", "credit_code": "统一社会信用代码", "passport": "护照",
            "other": "其他证件"}
FIELDS = ("role", "kind", "name", "sex", "ethnicity", "birth_date", "age", "id_type",
          "id_number", "phone", "address", "service_address", "occupation", "employer",
          "legal_rep", "legal_rep_title", "agent_name", "agent_phone", "agent_relation")


def age_on(birth_date: str, on: date) -> int:
    """Whole years between an ISO birth date and ``on``."""
    b = date.fromisoformat(birth_date)
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


class PartyManager:
    def __init__(self, desk: "Desk"):
        self.desk = desk

    def validate(self, values: dict) -> dict:
        """Check one party's fields; fill birth date and sex from a valid ID number.

        Raises :class:`ValidationError` naming the field. Returns the cleaned values.
        """
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise ValidationError(f"未知字段：{', '.join(sorted(unknown))}", field=sorted(unknown)[0])
        p = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
        p.setdefault("kind", "person")
        p.setdefault("role", "applicant")
        if p["role"] not in ROLES:
            raise ValidationError("当事人身份应为申请人、被申请人或第三人", field="role")
        if p["kind"] not in KINDS:
            raise ValidationError("当事人类型应为自然人或组织", field="kind")
        if not p.get("name"):
            raise ValidationError("请填写当事人姓名" if p["kind"] == "person" else "请填写单位名称",
                                  field="name")
        if len(p["name"]) > 60:
            raise ValidationError("姓名或名称过长（最多60个字）", field="name")
        p.setdefault("id_type", "resident_id" if p["kind"] == "person" else "credit_code")
        if p["id_type"] not in ID_TYPES:
            raise ValidationError("证件类型不正确", field="id_type")
        if p.get("sex") not in (None, "", "男", "女"):
            raise ValidationError("性别只能是“男”或“女”", field="sex")
        if p.get("ethnicity"):
            self.desk.codes.check("ethnicity", p["ethnicity"], field="ethnicity")
        if p.get("birth_date"):
            p["birth_date"] = check_date(p["birth_date"], field="birth_date", label="出生日期")
        number = p.get("id_number") or ""
        if number and p["id_type"] == "resident_id":
            info = check_id_number(number)
            p["id_number"] = info.number
            if p.get("birth_date") and p["birth_date"] != info.birth_date.isoformat():
                raise ValidationError("出生日期与身份证号码不一致", field="birth_date")
            if p.get("sex") and p["sex"] != info.sex:
                raise ValidationError("性别与身份证号码不一致", field="sex")
            p["birth_date"] = info.birth_date.isoformat()
            p["sex"] = info.sex
        elif number and p["id_type"] == "credit_code":
            p["id_number"] = check_credit_code(number)
        age: Any = p.get("age")
        if age in ("", None):
            p["age"] = None
        else:
            try:
                age = int(age)
            except (TypeError, ValueError):
                raise ValidationError("年龄应为整数", field="age") from None
            if not 0 <= age < 150:
                raise ValidationError("年龄应在0到149之间", field="age")
            p["age"] = age
        if len(p.get("service_address") or "") > 200:
            raise ValidationError("送达地址过长（最多200个字）", field="service_address")
        if p.get("service_address") and p["service_address"] == p.get("address"):
            p["service_address"] = ""  # the same as the home address: kept as the default
        for key in ("phone", "agent_phone"):
            if p.get(key):
                p[key] = check_phone(p[key], field=key)
        for key in FIELDS:
            if key != "age" and p.get(key) is None:
                p[key] = ""
        return p

    def for_case(self, case_id: str) -> list[dict]:
        return self.desk.query("SELECT * FROM parties WHERE case_id = ? ORDER BY seq", (case_id,))

    def get(self, party_id: str) -> dict:
        row = self.desk.query_one("SELECT * FROM parties WHERE id = ?", (party_id,))
        if row is None:
            raise NotFound("找不到该当事人")
        return row

    def add(self, case_id: str, **values) -> str:
        """Add a party to a case (validated); returns the party id."""
        clean = self.validate(values)
        with self.desk.transaction():
            self.desk.cases.require_editable(case_id)
            seq = self.desk.scalar("SELECT coalesce(max(seq), 0) + 1 FROM parties WHERE case_id = ?",
                                   (case_id,))
            pid = self.desk.records.insert("parties", dict(clean, case_id=case_id, seq=seq),
                                           case_id=case_id)
            self.desk.cases.reindex(case_id)
            return pid

    def update(self, party_id: str, *, based_on: dict | None = None, **values) -> dict:
        """Change a party; ``based_on``: the party as the editor loaded it (no silent
        overwrite of a change made meanwhile, see RecordWriter.update)."""
        old = self.get(party_id)
        merged = {k: old[k] for k in FIELDS}
        merged.update(values)
        clean = self.validate(merged)
        with self.desk.transaction():
            self.desk.cases.require_editable(old["case_id"])
            changed = self.desk.records.update("parties", party_id, clean, case_id=old["case_id"],
                                               based_on=based_on)
            self.desk.cases.reindex(old["case_id"])
            return changed

    def remove(self, party_id: str) -> None:
        old = self.get(party_id)
        with self.desk.transaction():
            self.desk.cases.require_editable(old["case_id"])
            self.desk.records.delete("parties", party_id, case_id=old["case_id"])
            self.desk.cases.reindex(old["case_id"])

    def earlier_cases(self, *, id_number: str = "", name: str = "", phone: str = "",
                      exclude_case_id: str = "") -> list[dict]:
        """Cases involving the same person: same ID number, or same name and phone.

        Repeat disputes are an early-warning sign, so the party editor shows these as the
        mediator types, and offers the person's phone, ethnicity, address, occupation and
        employer as recorded the last time. Newest first; ID numbers masked.
        """
        conds, params = [], []
        if id_number:
            conds.append("p.id_number = ?")
            params.append(id_number.strip().upper())
        if name and phone:
            try:
                phone = check_phone(phone)
            except ValidationError:
                phone = phone.strip()
            conds.append("(p.name = ? AND p.phone = ?)")
            params += [name.strip(), phone]
        if not conds:
            return []
        rows = self.desk.query(
            "SELECT DISTINCT c.id AS case_id, c.case_no, c.received_date, c.dispute_type, c.status,"
            " p.name, p.role, p.id_number, p.phone, p.ethnicity, p.address, p.occupation,"
            " p.employer FROM parties p JOIN cases c ON c.id = p.case_id"
            f" WHERE ({' OR '.join(conds)}) AND c.id != ? ORDER BY c.received_date DESC LIMIT 50",
            (*params, exclude_case_id))
        for r in rows:
            r["id_number"] = mask_id_number(r["id_number"]) if r["id_number"] else ""
            r["dispute_type_label"] = self.desk.codes.label("dispute_type", r["dispute_type"])
        return rows
