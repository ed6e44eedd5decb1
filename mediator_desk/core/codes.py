"""Code lists (dispute types, case sources, ethnic groups, education levels): versioned data.

Seeded by the first migration; an office may add items (e.g. a local dispute type that rolls up
to one of the 15 statistical types). Each change bumps ``codes_version``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediator_desk.errors import ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

LISTS = {"dispute_type": "纠纷类型", "case_source": "案件来源", "ethnicity": "民族",
         "education": "文化程度"}


class CodeLists:
    def __init__(self, desk: "Desk"):
        self.desk = desk
        self._cache: dict[str, list[dict]] = {}

    def items(self, list_name: str, *, include_inactive: bool = False) -> list[dict]:
        """Items of one list in display order: dicts with code, label, rollup."""
        key = f"{list_name}:{include_inactive}"
        if key not in self._cache:
            self._cache[key] = self.desk.query(
                "SELECT code, label, rollup, active FROM code_items WHERE list = ?"
                + ("" if include_inactive else " AND active = 1") + " ORDER BY sort, code",
                (list_name,))
        return self._cache[key]

    def label(self, list_name: str, code: str) -> str:
        for item in self.items(list_name, include_inactive=True):
            if item["code"] == code:
                return item["label"]
        return code

    def check(self, list_name: str, code: str, *, field: str) -> str:
        """Refuse a code that is not in the (active) list."""
        if not any(i["code"] == code for i in self.items(list_name)):
            raise ValidationError(f"{LISTS.get(list_name, list_name)}“{code}”不在代码表中",
                                  field=field)
        return code

    def version(self) -> int:
        return int(self.desk.settings.get("codes_version", 1))

    def add(self, list_name: str, *, code: str, label: str, rollup: str = "") -> None:
        """Add an item (an office extending a list). Dispute types must roll up to one of the 15."""
        if list_name not in LISTS:
            raise ValidationError(f"未知的代码表：{list_name}", field="list")
        code, label = code.strip(), label.strip()
        if not code or not label:
            raise ValidationError("请填写代码和名称", field="code")
        if list_name == "dispute_type":
            statistical = {i["code"] for i in self.items("dispute_type") if i["code"] == i["rollup"]}
            if rollup not in statistical:
                raise ValidationError("新纠纷类型必须归入15类统计类型之一", field="rollup")
        if any(i["code"] == code for i in self.items(list_name, include_inactive=True)):
            raise ValidationError(f"代码“{code}”已存在", field="code")
        with self.desk.transaction():
            version = self.version() + 1
            sort = self.desk.scalar("SELECT coalesce(max(sort), 0) + 1 FROM code_items WHERE list = ?",
                                    (list_name,))
            self.desk.db.conn.execute(
                "INSERT INTO code_items (list, code, label, rollup, sort, version) VALUES (?,?,?,?,?,?)",
                (list_name, code, label, rollup, sort, version))
            self.desk.settings.set("codes_version", version)
            self.desk.records.audit("code_add", table="code_items", record_id=f"{list_name}:{code}",
                                    details={"label": label, "rollup": rollup})
        self._cache.clear()

    def take(self, codes: dict | None) -> bool:
        """Take the office's code lists (a receipt or enrolment file) if newer than ours,
        inside the caller's transaction; returns True if taken.

        ``codes`` is ``{"version": n, "items": [{"list", "code", "label", "rollup", "sort",
        "active", "version"}, …]}``. The same rules as :meth:`add`: known lists, a code and a
        label, dispute types rolling up to a statistical type of the same lists; nothing is
        written unless every item passes. Items are upserted (codes are never removed: old
        records keep theirs)."""
        if not codes or codes["version"] <= self.version():
            return False
        items = codes["items"]
        statistical = {i["code"] for i in items
                       if i["list"] == "dispute_type" and i["code"] == i["rollup"]}
        for i in items:
            if i["list"] not in LISTS:
                raise ValidationError(f"未知的代码表：{i['list'][:20]}", field="list")
            if not i["code"].strip() or not i["label"].strip() or len(i["code"]) > 20 \
                    or len(i["label"]) > 100:
                raise ValidationError(f"{LISTS[i['list']]}中有代码或名称为空或过长的项",
                                      field="code")
            if i["list"] == "dispute_type" and i["rollup"] not in statistical:
                raise ValidationError(f"纠纷类型“{i['label'][:20]}”没有归入15类统计类型之一",
                                      field="rollup")
            if i["active"] not in (0, 1):
                raise ValidationError("代码表的启用标记应为 0 或 1", field="active")
        self.desk.require_transaction()
        self.desk.db.conn.executemany(
            "INSERT INTO code_items (list, code, label, rollup, sort, active, version)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT (list, code) DO UPDATE SET"
            " label = excluded.label, rollup = excluded.rollup, sort = excluded.sort,"
            " active = excluded.active, version = excluded.version",
            [tuple(i[k] for k in ("list", "code", "label", "rollup", "sort", "active", "version"))
             for i in items])
        self.desk.settings.set("codes_version", codes["version"])
        self._cache.clear()
        self.desk.note_change("code_items")
        return True

