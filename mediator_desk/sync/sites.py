"""Who this install is (village committee or township office) and which other sites it knows.

An install's role is the setting ``site_role`` ('village' or 'office'); its id is the setting
``site_id`` (made when the database was created) and its keys live in the data folder
(sync/keys.py). The other sites are rows of ``sync_sites`` (written through sync/store.py): at
an office, the villages it has accepted (after comparing fingerprints) or revoked; at a
village, the office it enrolled with.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from mediator_desk.core.records import new_id
from mediator_desk.errors import DeskError, NotFound, ValidationError
from mediator_desk.sync import keys as keymod
from mediator_desk.sync import store
from mediator_desk.sync.container import BundleRefused

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

ROLES = {"village": "村（社区）调委会", "office": "乡镇（街道）司法所"}


def site_role(desk: "Desk") -> str | None:
    """'village', 'office', or None when the site has not been set up for sync."""
    role = desk.settings.get("site_role")
    return role if role in ROLES else None


def site_name(desk: "Desk") -> str:
    name = desk.settings.get("site_name") or ""
    if not name and desk.settings.get("committee_id"):
        row = desk.query_one("SELECT name FROM organisations WHERE id = ?",
                             (desk.settings.get("committee_id"),))
        name = row["name"] if row else ""
    return name


def require_role(desk: "Desk", role: str) -> None:
    """Refuse an operation meant for the other kind of site (or an unconfigured one)."""
    current = site_role(desk)
    if current is None:
        raise DeskError("本站尚未初始化同步身份", hint="请先运行 site init --role village 或 office")
    if current != role:
        raise DeskError(f"此操作只能在{ROLES[role]}端进行（本站是{ROLES[current]}）")
    if not keymod.have_keys(desk):
        raise DeskError(f"本站没有密钥（应在“{keymod.keys_dir(desk)}”）",
                        hint="请用密钥备份文件恢复（key restore）")


def init_site(desk: "Desk", *, role: str, name: str | None = None) -> dict:
    """Choose the role of this install and make its key pairs (once). Returns :func:`site_info`.

    Re-running with the same role only updates the name. Changing the role is refused once
    the site has exchanged anything with another site.
    """
    if role not in ROLES:
        raise ValidationError("站点类型应为 village（村调委会）或 office（乡镇司法所）", field="role")
    current = site_role(desk)
    if current and current != role and keymod.have_keys(desk):
        used = desk.scalar("SELECT count(*) FROM sync_sites") + desk.scalar(
            "SELECT count(*) FROM sync_exports") + desk.scalar("SELECT count(*) FROM sync_imports")
        if used:
            raise DeskError(f"本站已作为{ROLES[current]}与其他站点交换过数据，不能改为{ROLES[role]}")
    if not keymod.have_keys(desk):
        keymod.generate_keys(desk)
    name = (name if name is not None else site_name(desk)).strip()
    if len(name) > 100:
        raise ValidationError("站点名称过长（最多100字）", field="name")
    with desk.transaction():
        desk.settings.set("site_role", role)
        desk.settings.set("site_name", name)
        desk.records.audit("site_init", details={"role": role, "name": name})
    return site_info(desk)


def identity(desk: "Desk", keys: keymod.SiteKeys) -> dict:
    """This site as named in a manifest's ``sender`` object."""
    return {"site_id": desk.site_id, "role": site_role(desk) or "", "name": site_name(desk),
            "signing_key": keys.signing_public, "age_recipient": keys.age_recipient,
            "fingerprint": keys.fingerprint}


def site_info(desk: "Desk") -> dict:
    """Everything a settings screen or the title bar shows about this site."""
    role = site_role(desk)
    info = {"site_id": desk.site_id, "role": role, "role_label": ROLES.get(role or "", "未设置"),
            "name": site_name(desk), "has_keys": keymod.have_keys(desk),
            "keys_dir": str(keymod.keys_dir(desk)), "fingerprint": "", "signing_key": "",
            "age_recipient": ""}
    if info["has_keys"]:
        keys = keymod.load_keys(desk)
        info.update(fingerprint=keys.fingerprint, signing_key=keys.signing_public,
                    age_recipient=keys.age_recipient)
    info["peers"] = list_peers(desk)
    return info


# --- other sites ----------------------------------------------------------------------------
def _decode(row: dict) -> dict:
    row["details"] = json.loads(row["details"] or "{}")
    row["role_label"] = ROLES.get(row["role"], row["role"])
    row["status_label"] = {"accepted": "已接受", "revoked": "已吊销"}.get(row["status"], "")
    return row


def list_peers(desk: "Desk", role: str | None = None) -> list[dict]:
    """The sites this install knows (villages at an office, the office at a village)."""
    sql, params = "SELECT * FROM sync_sites", []
    if role:
        sql += " WHERE role = ?"
        params.append(role)
    return [_decode(r) for r in desk.query(sql + " ORDER BY role, name, site_id", params)]


def get_peer(desk: "Desk", site_id: str) -> dict | None:
    row = desk.query_one("SELECT * FROM sync_sites WHERE site_id = ?", (site_id,))
    return _decode(row) if row else None


def _peer(desk: "Desk", site_id: str) -> dict:
    """A site that is known (just written)."""
    peer = get_peer(desk, site_id)
    assert peer is not None
    return peer


def find_peer(desk: "Desk", text: str, *, role: str) -> dict:
    """A known site named by its id, an id prefix (≥ 4 characters), its name (or a unique part
    of it) or its fingerprint.

    With no text and exactly one known site of that role, that one.
    """
    peers = list_peers(desk, role)
    text = (text or "").strip()
    if not text:
        if len(peers) == 1:
            return peers[0]
        raise ValidationError(f"请指定{ROLES[role]}（本站登记了 {len(peers)} 个）", field="to")
    digits = "".join(ch for ch in text if ch.isdigit())
    hits = [p for p in peers if p["site_id"] == text or p["name"] == text
            or (len(text) >= 4 and p["site_id"].startswith(text))
            or (len(digits) == 16 and p["fingerprint"].replace(" ", "") == digits)]
    if not hits:
        hits = [p for p in peers if text in p["name"]]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise NotFound(f"本站没有登记“{text}”这个{ROLES[role]}")
    raise ValidationError(f"“{text}”对应多个站点，请用完整编号", field="to")


def check_sender(desk: "Desk", sender: dict, *, role: str) -> dict:
    """The known, accepted peer that signed a file; refuses unknown, revoked or re-keyed ones."""
    peer = get_peer(desk, sender["site_id"])
    if peer is None or peer["role"] != role:
        raise BundleRefused(
            f"发送方“{sender['name']}”（{sender['site_id'][:8]}）不是本站登记的{ROLES[role]}",
            hint=(f"请与对方核对指纹 {keymod.fingerprint(sender['signing_key'])} 无误后，用 --accept-fingerprint "
                  "或 site accept 接受" if role == "village" else "请先导入该司法所的登记文件"))
    if peer["status"] == "revoked":
        raise BundleRefused(f"发送方“{peer['name']}”已被吊销，不接受其文件")
    if peer["signing_key"] != sender["signing_key"]:
        raise BundleRefused(f"发送方“{peer['name']}”的签名密钥与登记的不一致，文件可能是伪造的",
                            hint="如对方确实更换了密钥，请先吊销再重新接受（需核对新指纹）")
    return peer


def accept_village(desk: "Desk", sender: dict, fingerprint: str) -> dict:
    """Accept a village after a person compared its fingerprint (office only).

    ``sender`` is the verified ``sender`` object of one of its bundles (the signature was
    checked with the key it names). The typed ``fingerprint`` must equal the key's.
    Call inside the caller's transaction or alone. Returns the peer row.
    """
    require_role(desk, "office")
    typed = keymod.normalise_fingerprint(fingerprint)
    actual = keymod.fingerprint(sender["signing_key"])
    if typed != actual:
        raise BundleRefused(f"指纹不符：输入的是 {typed}，同步包的签名密钥指纹是 {actual}",
                            hint="请与村里再次核对；指纹不符时不要接受")
    if sender["role"] != "village":
        raise BundleRefused("发送方不是村调委会，不能作为村接受")
    if sender["site_id"] == desk.site_id:
        raise BundleRefused("这是本站自己生成的文件")
    peer = get_peer(desk, sender["site_id"])
    with desk.transaction():
        if peer is None:
            store.add_site(desk, sender, role="village", fingerprint=actual,
                           office_instance=new_id())
        elif peer["signing_key"] == sender["signing_key"] and peer["status"] == "accepted":
            return peer
        elif peer["role"] != "village":
            raise BundleRefused("该站点已作为司法所登记，不能作为村接受")
        elif peer["signing_key"] != sender["signing_key"] and peer["status"] != "revoked":
            raise BundleRefused(f"“{peer['name']}”已登记了另一把签名密钥",
                                hint="如对方确实更换了密钥，请先吊销（site revoke）再接受")
        else:
            store.update_site_keys(desk, sender, fingerprint=actual)
        desk.records.audit("site_accept", details={"site_id": sender["site_id"],
                                                   "name": sender["name"], "fingerprint": actual})
    return _peer(desk, sender["site_id"])


def revoke(desk: "Desk", site: str) -> dict:
    """Revoke a village: its files are refused from now on; its records already here stay."""
    require_role(desk, "office")
    peer = find_peer(desk, site, role="village")
    if peer["status"] == "revoked":
        return peer
    with desk.transaction():
        store.revoke_site(desk, peer["site_id"])
        desk.records.audit("site_revoke", details={"site_id": peer["site_id"],
                                                   "name": peer["name"]})
    return _peer(desk, peer["site_id"])
