"""A site's key pairs: Ed25519 for signing, an age X25519 identity for decryption.

They live in the data folder next to the database (``<db stem>-keys/``), never inside the
database, so a copied database does not carry the private keys:

    signing.key   Ed25519 private key, PKCS#8 PEM (unencrypted; file mode 0600)
    age.key       age identity file (the format ``age-keygen`` writes; ``age -d -i`` reads it)

The office backs both up to one passphrase-protected file (age scrypt passphrase encryption),
and restores them from it on a new machine.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mediator_desk.core.clock import utc_now
from mediator_desk.errors import DeskError, ValidationError

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk

SIGNING_FILE = "signing.key"
AGE_FILE = "age.key"
BACKUP_FORMAT = "mediator-desk-keys"
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class SiteKeys:
    """The private keys of this site and their public halves."""

    signing: Ed25519PrivateKey
    age_identity: pyrage.x25519.Identity

    @property
    def signing_public(self) -> str:
        """The Ed25519 public key, base64 of the 32 raw bytes."""
        raw = self.signing.public_key().public_bytes(serialization.Encoding.Raw,
                                                      serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode()

    @property
    def age_recipient(self) -> str:
        """The age recipient string (``age1…``) others encrypt to."""
        return str(self.age_identity.to_public())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public)


def fingerprint(signing_public_b64: str) -> str:
    """A short fingerprint of a signing key to compare aloud or on paper: 4 groups of 4 digits.

    Digits rather than hex because they are easy to read out in Chinese. Derived as the first
    8 bytes of SHA-256("mediator-desk fingerprint\\n" + raw key), big-endian, modulo 10^16.
    """
    raw = base64.b64decode(signing_public_b64)
    n = int.from_bytes(hashlib.sha256(b"mediator-desk fingerprint\n" + raw).digest()[:8], "big")
    digits = f"{n % 10 ** 16:016d}"
    return " ".join(digits[i:i + 4] for i in range(0, 16, 4))


def normalise_fingerprint(text: str) -> str:
    """Accept a fingerprint typed with or without spaces/dashes; return the canonical form."""
    digits = "".join(ch for ch in (text or "") if ch.isdigit())
    if len(digits) != 16:
        raise ValidationError("指纹应为16位数字（4组，每组4位）", field="fingerprint")
    return " ".join(digits[i:i + 4] for i in range(0, 16, 4))


def keys_dir(desk: "Desk") -> Path:
    """The folder holding this database's private keys."""
    return desk.path.with_name(desk.path.stem + "-keys")


def have_keys(desk: "Desk") -> bool:
    d = keys_dir(desk)
    return (d / SIGNING_FILE).is_file() and (d / AGE_FILE).is_file()


def _age_file_text(identity: pyrage.x25519.Identity) -> str:
    return (f"# created: {utc_now()}\n# public key: {identity.to_public()}\n{identity}\n")


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _store(desk: "Desk", signing: Ed25519PrivateKey, identity: pyrage.x25519.Identity) -> None:
    d = keys_dir(desk)
    try:
        d.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(d, 0o700)
        except OSError:
            pass
        pem = signing.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        _write_private(d / SIGNING_FILE, pem)
        _write_private(d / AGE_FILE, _age_file_text(identity).encode())
    except OSError as exc:
        raise DeskError(f"无法保存密钥到“{d}”：{exc.strerror or exc}",
                        hint="请检查数据文件夹是否可写") from None


def generate_keys(desk: "Desk") -> SiteKeys:
    """Make new key pairs for this site (refused if it already has some)."""
    if have_keys(desk):
        raise DeskError("本站已有密钥，不能重新生成", hint="如需更换请先备份；密钥丢失请用备份恢复")
    keys = SiteKeys(Ed25519PrivateKey.generate(), pyrage.x25519.Identity.generate())
    _store(desk, keys.signing, keys.age_identity)
    return keys


def _parse_age(text: str) -> pyrage.x25519.Identity:
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("AGE-SECRET-KEY-"):
            return pyrage.x25519.Identity.from_str(line)
    raise ValueError("no identity")


def load_keys(desk: "Desk") -> SiteKeys:
    """This site's keys; a clear refusal if they are missing or unreadable."""
    d = keys_dir(desk)
    if not have_keys(desk):
        raise DeskError(f"本站没有密钥（应在“{d}”）",
                        hint="请先运行 site init 初始化站点，或用密钥备份文件恢复")
    try:
        signing = serialization.load_pem_private_key((d / SIGNING_FILE).read_bytes(), None)
        identity = _parse_age((d / AGE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, UnicodeDecodeError, pyrage.IdentityError):
        raise DeskError(f"本站密钥文件已损坏（“{d}”）", hint="请用密钥备份文件恢复") from None
    if not isinstance(signing, Ed25519PrivateKey):
        raise DeskError("本站签名密钥类型不正确", hint="请用密钥备份文件恢复")
    return SiteKeys(signing, identity)


# --- backup and restore -------------------------------------------------------------------
# The passphrase encryption of key backups: age's scrypt mode (work factor 2^18, about a
# second each way by design; pyrage has no setting for it). One name, so that a test of the
# flow around it can put a quick cipher in its place — the command-line test keeps this one.
passphrase_cipher = pyrage.passphrase


def backup_keys(desk: "Desk", path: str | os.PathLike, passphrase: str) -> Path:
    """Write this site's private keys to ``path``, encrypted with ``passphrase`` (age scrypt)."""
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise ValidationError(f"口令至少需要{MIN_PASSPHRASE}个字符", field="passphrase")
    keys = load_keys(desk)
    body = {
        "format": BACKUP_FORMAT, "version": 1, "made_at": utc_now(),
        "site_id": desk.site_id, "role": desk.settings.get("site_role", ""),
        "name": desk.settings.get("site_name", ""),
        "signing_key_pem": keys.signing.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()).decode(),
        "age_identity": str(keys.age_identity),
    }
    data = passphrase_cipher.encrypt(json.dumps(body).encode(), passphrase)
    path = Path(path)
    try:
        _write_private(path, data)
    except OSError as exc:
        raise DeskError(f"无法写入备份文件“{path}”：{exc.strerror or exc}") from None
    with desk.transaction():
        desk.records.audit("key_backup", details={"file": path.name})
    return path


def read_backup(path: str | os.PathLike, passphrase: str) -> dict:
    """Decrypt and check a key backup file; returns its contents."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DeskError(f"无法读取备份文件“{path}”：{exc.strerror or exc}") from None
    if len(data) > 1024 ** 2:
        raise DeskError("这不是密钥备份文件（文件过大）")
    try:
        body = json.loads(passphrase_cipher.decrypt(data, passphrase))
    except pyrage.DecryptError:
        raise DeskError("口令不正确，或文件不是密钥备份文件") from None
    except (ValueError, UnicodeDecodeError):
        raise DeskError("密钥备份文件已损坏") from None
    if not isinstance(body, dict) or body.get("format") != BACKUP_FORMAT:
        raise DeskError("这不是调解工作台的密钥备份文件")
    if body.get("version") != 1:
        raise DeskError("密钥备份文件版本不受支持", hint="请升级软件")
    try:
        signing = serialization.load_pem_private_key(body["signing_key_pem"].encode(), None)
        identity = pyrage.x25519.Identity.from_str(body["age_identity"])
    except (KeyError, ValueError, TypeError, AttributeError, pyrage.IdentityError):
        raise DeskError("密钥备份文件已损坏") from None
    if not isinstance(signing, Ed25519PrivateKey):
        raise DeskError("密钥备份文件已损坏")
    body["keys"] = SiteKeys(signing, identity)
    return body


def install_keys(desk: "Desk", keys: SiteKeys, *, replace: bool) -> None:
    """Put restored keys into the data folder (an existing pair only with ``replace``)."""
    if have_keys(desk) and not replace:
        current = load_keys(desk)
        if current.signing_public != keys.signing_public:
            raise DeskError("本站已有不同的密钥，未覆盖", hint="确需恢复请使用“替换现有密钥”选项")
    _store(desk, keys.signing, keys.age_identity)
