"""Mediators (人民调解员) with the fields of the mediators' register."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediator_desk.core.validation import check_date, check_phone
from mediator_desk.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

FIELDS = ("org_id", "name", "sex", "ethnicity", "birth_date", "phone", "education",
          "legal_training", "profession", "full_time", "title", "honours", "training", "active")


class MediatorManager:
    def __init__(self, desk: "Desk"):
        self.desk = desk

    def _clean(self, values: dict) -> dict:
        out = {k: v for k, v in values.items() if k in FIELDS}
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise ValidationError(f"未知字段：{', '.join(sorted(unknown))}", field=sorted(unknown)[0])
        if "name" in out:
            out["name"] = (out["name"] or "").strip()
            if not out["name"]:
                raise ValidationError("请填写调解员姓名", field="name")
        if out.get("sex") not in (None, "", "男", "女"):
            raise ValidationError("性别只能是“男”或“女”", field="sex")
        if out.get("ethnicity"):
            self.desk.codes.check("ethnicity", out["ethnicity"], field="ethnicity")
        if out.get("education"):
            self.desk.codes.check("education", out["education"], field="education")
        if "birth_date" in out:
            out["birth_date"] = check_date(out["birth_date"] or "", field="birth_date",
                                           label="出生日期", required=False)
        if "phone" in out:
            out["phone"] = check_phone(out["phone"] or "")
        if out.get("org_id"):
            self.desk.organisations.get(out["org_id"])
        for flag in ("legal_training", "full_time", "active"):
            if flag in out:
                out[flag] = 1 if out[flag] else 0
        return out

    def add(self, **values) -> str:
        """Add a mediator; returns the id."""
        clean = self._clean(values)
        if "name" not in clean:
            raise ValidationError("请填写调解员姓名", field="name")
        with self.desk.transaction():
            return self.desk.records.insert("mediators", clean)

    def update(self, mediator_id: str, *, based_on: dict | None = None, **values) -> dict:
        """Change a mediator; ``based_on``: the mediator as the dialog loaded it
        (RecordWriter.update: no silent overwrite of a change saved meanwhile)."""
        clean = self._clean(values)
        with self.desk.transaction():
            return self.desk.records.update("mediators", mediator_id, clean, based_on=based_on)

    def get(self, mediator_id: str) -> dict:
        row = self.desk.query_one("SELECT * FROM mediators WHERE id = ?", (mediator_id,))
        if row is None:
            raise NotFound("找不到该调解员")
        return row

    def roster(self, org_id: str | None = None, *, active_only: bool = True) -> list[dict]:
        """The mediators of ``org_id`` and of every organisation below it (all of them if
        None) — at a township office its own and its villages' —, in the order of the
        organisation tree, each with ``org_name``, ``org_kind``, ``own`` (registered at this
        site: another site's are read-only here) and the labels of ethnicity and education."""
        tree = self.desk.organisations.tree()
        wanted: set[str] | None = set(self.desk.organisations.subtree_ids(org_id)) \
            if org_id else None
        order: dict[str, tuple[int, dict]] = {o["id"]: (i, o) for i, o in enumerate(tree)}
        eth = {i["code"]: i["label"] for i in self.desk.codes.items("ethnicity",
                                                                     include_inactive=True)}
        edu = {i["code"]: i["label"] for i in self.desk.codes.items("education",
                                                                     include_inactive=True)}
        rows = self.desk.query("SELECT * FROM mediators" + (" WHERE active = 1" if active_only
                                                             else "") + " ORDER BY name")
        placed = []
        for m in rows:
            if wanted is not None and m["org_id"] not in wanted:
                continue
            pos, org = order.get(m["org_id"], (len(order), {}))
            m.update(org_name=org.get("name", ""), org_kind=org.get("kind", ""),
                     own=m["site_id"] == self.desk.site_id,
                     ethnicity_label=eth.get(m["ethnicity"], ""),
                     education_label=edu.get(m["education"], ""))
            placed.append((pos, m))
        placed.sort(key=lambda pm: pm[0])        # stable: by name within a committee
        return [m for _, m in placed]

    def list(self, org_id: str | None = None, *, active_only: bool = True) -> list[dict]:
        sql, params = "SELECT * FROM mediators WHERE 1=1", []
        if org_id:
            sql += " AND org_id = ?"
            params.append(org_id)
        if active_only:
            sql += " AND active = 1"
        return self.desk.query(sql + " ORDER BY name", params)
