"""Organisations: the five-level hierarchy and specialised committees."""

from __future__ import annotations

import builtins
import re
from typing import TYPE_CHECKING

from mediator_desk.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

KINDS = {
    "city": "盟/市", "county": "旗/县/区", "township": "苏木/乡/镇/街道",
    "village": "嘎查/村/社区", "group": "艾里/村民组", "specialised": "专业性/行业性调委会",
}
# Which kind a parent must have. Specialised committees sit under a county (or township).
PARENT_KIND = {"city": (None,), "county": ("city", None), "township": ("county", None),
               "village": ("township",), "group": ("village",),
               "specialised": ("county", "township", "city")}
# Kinds that are mediation committees and so number cases with a short name.
COMMITTEE_KINDS = ("township", "village", "specialised")


class OrganisationManager:
    def __init__(self, desk: "Desk"):
        self.desk = desk

    def get(self, org_id: str) -> dict:
        row = self.desk.query_one("SELECT * FROM organisations WHERE id = ?", (org_id,))
        if row is None:
            raise NotFound("找不到该组织")
        return row

    def list(self, kind: str | None = None, parent_id: str | None = None) -> builtins.list[dict]:
        sql, params = "SELECT * FROM organisations WHERE 1=1", []
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        if parent_id:
            sql += " AND parent_id = ?"
            params.append(parent_id)
        return self.desk.query(sql + " ORDER BY kind, division_code, name", params)

    def committees(self) -> builtins.list[dict]:
        """Organisations that register cases (villages, townships, specialised committees)."""
        return self.desk.query(
            "SELECT * FROM organisations WHERE kind IN ('township','village','specialised')"
            " ORDER BY kind DESC, name")

    def create(self, *, kind: str, name: str, short_name: str = "", parent_id: str | None = None,
               division_code: str = "", speciality: str = "", note: str = "") -> str:
        """Create an organisation; committees need a short name unique among their siblings."""
        if kind not in KINDS:
            raise ValidationError(f"未知的组织级别：{kind}", field="kind")
        name = (name or "").strip()
        if not name:
            raise ValidationError("请填写组织名称", field="name")
        short_name = (short_name or "").strip()
        parent_kind = self.get(parent_id)["kind"] if parent_id else None
        if parent_kind not in PARENT_KIND[kind]:
            want = "、".join(KINDS[k] for k in PARENT_KIND[kind] if k)
            raise ValidationError(f"{KINDS[kind]}的上级应为{want}", field="parent_id")
        if kind in COMMITTEE_KINDS:
            if not short_name:
                raise ValidationError("请填写调委会简称（用于案件编号，如“红旗”）", field="short_name")
            if not re.fullmatch(r"[\u3400-\u9fff\U00020000-\U0003134fA-Za-z0-9]{1,8}", short_name):
                raise ValidationError("简称只能包含汉字、字母或数字，最多8个字", field="short_name")
            clash = self.desk.scalar(
                "SELECT count(*) FROM organisations WHERE short_name = ? AND kind IN"
                " ('township','village','specialised') AND coalesce(parent_id,'') = ?",
                (short_name, parent_id or ""))
            if clash:
                raise ValidationError(f"简称“{short_name}”已被同一上级下的调委会使用", field="short_name")
        if division_code and not re.fullmatch(r"\d{6,12}", division_code):
            raise ValidationError("行政区划代码应为6至12位数字", field="division_code")
        with self.desk.transaction():
            return self.desk.records.insert("organisations", {
                "kind": kind, "name": name, "short_name": short_name, "parent_id": parent_id,
                "division_code": division_code, "speciality": speciality, "note": note})

    def find_or_create(self, *, kind: str, name: str, parent_id: str | None = None,
                       **fields) -> str:
        row = self.desk.query_one(
            "SELECT id FROM organisations WHERE kind = ? AND name = ? AND coalesce(parent_id,'') = ?",
            (kind, name, parent_id or ""))
        return row["id"] if row else self.create(kind=kind, name=name, parent_id=parent_id, **fields)

    def path(self, org_id: str) -> builtins.list[dict]:
        """The organisation and its ancestors, top first."""
        chain = []
        current = org_id
        while current:
            org = self.get(current)
            chain.append(org)
            current = org["parent_id"]
        return chain[::-1]


    def subtree_ids(self, org_id: str) -> builtins.list[str]:
        """The organisation and every organisation below it (any depth)."""
        return [r["id"] for r in self.desk.query(
            "WITH RECURSIVE t(id) AS (SELECT ? UNION SELECT o.id FROM organisations o"
            " JOIN t ON o.parent_id = t.id) SELECT id FROM t", (org_id,))]

    def tree(self) -> builtins.list[dict]:
        """The organisation tree as a roster reads it: every organisation once, parents before
        their children (township → its villages → their groups, each level by name), the
        specialised committees on their own after the tree. Each row has ``depth`` (0 for a
        top), ``kind_label``, ``committee`` (a mediation committee: township, village,
        specialised), ``own`` (born at this site; other sites' are read-only here) and the
        counts of its own active mediators: ``mediators``, ``full_time``,
        ``legal_training``, ``women``."""
        rows = self.desk.query(
            "SELECT o.*, count(m.id) AS mediators, coalesce(sum(m.full_time), 0) AS full_time,"
            " coalesce(sum(m.legal_training), 0) AS legal_training,"
            " coalesce(sum(m.sex = '女'), 0) AS women"
            " FROM organisations o LEFT JOIN mediators m ON m.org_id = o.id AND m.active = 1"
            " GROUP BY o.id ORDER BY o.rowid")
        by_parent: dict[str | None, builtins.list[dict]] = {}
        ids = {r["id"] for r in rows}
        for r in rows:
            parent = r["parent_id"] if r["parent_id"] in ids else None
            if r["kind"] == "specialised":
                parent = "specialised"
            by_parent.setdefault(parent, []).append(r)
        out: builtins.list[dict] = []

        def walk(parent, depth):
            for r in by_parent.get(parent, []):
                r.update(depth=depth, kind_label=KINDS.get(r["kind"], r["kind"]),
                         committee=r["kind"] in COMMITTEE_KINDS,
                         own=r["site_id"] == self.desk.site_id)
                out.append(r)
                walk(r["id"], depth + 1)

        order = list(KINDS)
        for parent, children in by_parent.items():
            # groups in the order they were made (一组, 二组 …), the others by name
            children.sort(key=lambda r: (order.index(r["kind"]),
                                         "" if r["kind"] == "group" else r["name"]))
        walk(None, 0)
        walk("specialised", 0)
        return out
