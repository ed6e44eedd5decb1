"""Commands: mediator list|add|update, settings show|set — the committee's people and the
path settings (thin over core/mediators.py and core/path_settings.py)."""

from __future__ import annotations

import argparse

from mediator_desk.cli import add_db_argument, open_desk, print_json
from mediator_desk.errors import DeskError

# Option name → mediator field (the same fields as core/mediators.py).
TEXT_OPTIONS = {"name": "姓名", "sex": "性别（男/女）", "ethnicity": "民族代码或名称",
                "birth_date": "出生日期 YYYY-MM-DD", "phone": "联系电话",
                "education": "文化程度代码或名称", "profession": "职业（退休法官、律师、教师…）",
                "title": "称号/等级（金牌、一级…）", "honours": "荣誉", "training": "培训情况"}
FLAG_OPTIONS = {"legal_training": ("受过法律培训", "未受过法律培训"),
                "full_time": ("专职", "兼职"),
                "active": ("在任", "不在任")}


def _add_mediator_options(parser: argparse.ArgumentParser) -> None:
    for field, help_text in TEXT_OPTIONS.items():
        parser.add_argument("--" + field.replace("_", "-"), dest=field, metavar="TEXT",
                            help=help_text)
    for field, (yes, no) in FLAG_OPTIONS.items():
        flag = field.replace("_", "-")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--" + flag, dest=field, action="store_true", default=None, help=yes)
        group.add_argument("--no-" + flag, dest=field, action="store_false", help=no)


def register(sub) -> None:
    med = sub.add_parser("mediator", help="本委员会的人民调解员：列出、添加、修改")
    med_sub = med.add_subparsers(dest="mediator_command", metavar="ACTION", required=True)
    ls = med_sub.add_parser("list", help="列出调解员（含不在任的）")
    add_db_argument(ls)
    ls.add_argument("--active", action="store_true", help="只列出在任的")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(run=run_list)
    add = med_sub.add_parser("add", help="添加调解员")
    add_db_argument(add)
    _add_mediator_options(add)
    add.set_defaults(run=run_add)
    upd = med_sub.add_parser("update", help="修改调解员（按编号或姓名）")
    add_db_argument(upd)
    upd.add_argument("who", metavar="ID_OR_NAME", help="调解员编号（list 中显示）或姓名")
    _add_mediator_options(upd)
    upd.set_defaults(run=run_update)

    st = sub.add_parser("settings", help="调解流程设置：回访期限、附件限制、保管期限、协议编号格式")
    st_sub = st.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = st_sub.add_parser("show", help="显示当前设置")
    add_db_argument(show)
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(run=run_settings_show)
    set_ = st_sub.add_parser("set", help="修改一项设置（协议编号格式对本委员会生效）")
    add_db_argument(set_)
    set_.add_argument("key", metavar="KEY", help="设置名，见 settings show")
    set_.add_argument("value", metavar="VALUE",
                      help="新值；列表用逗号分隔，如 pdf,jpg,png 或 10年,30年,永久")
    set_.set_defaults(run=run_settings_set)


def _committee_id(desk) -> str:
    committee_id = desk.settings.get("committee_id") or ""
    if not committee_id:
        raise DeskError("本数据库尚未设置调解委员会", hint="请先启动程序完成首次设置")
    return committee_id


def _code(desk, list_name: str, value: str | None) -> str | None:
    """Accept a code or its label (e.g. 汉族 or 01)."""
    if not value:
        return value
    for item in desk.codes.items(list_name):
        if value in (item["code"], item["label"]):
            return item["code"]
    return value          # the core refuses it with its own message


def _values(desk, args) -> dict:
    values = {}
    for field in list(TEXT_OPTIONS) + list(FLAG_OPTIONS):
        value = getattr(args, field, None)
        if value is not None:
            values[field] = value
    for field in ("ethnicity", "education"):
        if field in values:
            values[field] = _code(desk, field, values[field])
    return values


def _line(desk, m: dict) -> str:
    parts = [m["id"][:8], m["name"], m.get("sex") or "-",
             desk.codes.label("ethnicity", m["ethnicity"]) if m.get("ethnicity") else "-",
             m.get("phone") or "-", "专职" if m.get("full_time") else "兼职",
             m.get("title") or "-", "在任" if m.get("active") else "不在任"]
    return "  ".join(parts)


def run_list(args) -> int:
    with open_desk(args, create=False) as desk:
        rows = desk.mediators.list(_committee_id(desk), active_only=args.active)
        if args.json:
            print_json(rows)
        else:
            for m in rows:
                print(_line(desk, m))
            print(f"共 {len(rows)} 名调解员")
    return 0


def run_add(args) -> int:
    with open_desk(args, create=False) as desk:
        values = _values(desk, args)
        values.setdefault("org_id", _committee_id(desk))
        mediator_id = desk.mediators.add(**values)
        print(f"已添加调解员：{values.get('name', '')}（编号 {mediator_id[:8]}）")
    return 0


def _find(desk, who: str) -> dict:
    committee_id = _committee_id(desk)
    rows = desk.mediators.list(committee_id, active_only=False)
    hits = [m for m in rows if m["id"] == who or (len(who) >= 4 and m["id"].startswith(who))]
    if not hits:
        hits = [m for m in rows if m["name"] == who]
    if not hits:
        raise DeskError(f"找不到调解员：{who}", hint="用 mediator list 查看编号")
    if len(hits) > 1:
        raise DeskError(f"有 {len(hits)} 名调解员叫“{who}”，请用编号指定",
                        hint="用 mediator list 查看编号")
    return hits[0]


def run_update(args) -> int:
    with open_desk(args, create=False) as desk:
        mediator = _find(desk, args.who)
        values = _values(desk, args)
        if not values:
            raise DeskError("没有要修改的内容", hint="例如 --phone 13912345678 或 --no-active")
        desk.mediators.update(mediator["id"], **values)
        print(f"已修改调解员：{desk.mediators.get(mediator['id'])['name']}")
    return 0


def _show_value(value) -> str:
    return "、".join(map(str, value)) if isinstance(value, list) else str(value)


def run_settings_show(args) -> int:
    from mediator_desk.core import path_settings

    with open_desk(args, create=False) as desk:
        values = path_settings.values(desk, org_id=desk.settings.get("committee_id") or "")
        if args.json:
            print_json(values)
        else:
            for key, value in values.items():
                print(f"{key}  {_show_value(value)}  （{path_settings.LABELS[key]}）")
    return 0


def run_settings_set(args) -> int:
    from mediator_desk.core import path_settings

    with open_desk(args, create=False) as desk:
        org_id = (desk.settings.get("committee_id") or "") \
            if args.key == "agreement_no_pattern" else ""
        value = path_settings.set_value(desk, args.key, args.value, org_id=org_id)
        print(f"已设置 {path_settings.LABELS[args.key]}：{_show_value(value)}")
    return 0
