"""Encrypting a payload to its receiver (age, X25519) and reading it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyrage

from mediator_desk.errors import DeskError
from mediator_desk.sync.container import PAYLOAD_ENCRYPTED, BundleRefused, Container, loads_strict
from mediator_desk.sync.payload import Incoming, parse_payload

if TYPE_CHECKING:
    from mediator_desk.sync.keys import SiteKeys


def encrypt(data: bytes, recipient: str) -> bytes:
    try:
        return pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(recipient)])
    except (pyrage.RecipientError, ValueError):
        raise DeskError("对方的加密公钥无效，无法加密", hint="请重新登记对方站点") from None


def decrypt(data: bytes, keys: "SiteKeys", what: str) -> bytes:
    try:
        return pyrage.decrypt(data, [keys.age_identity])
    except pyrage.DecryptError:
        raise BundleRefused(f"无法解密{what}：它不是加密给本站的，或已损坏") from None


def read_payload(container: Container, keys: "SiteKeys") -> Incoming:
    """Decrypt, parse (strict, size-limited) and check the payload against the manifest."""
    data = decrypt(container.read_member(PAYLOAD_ENCRYPTED), keys, "同步内容")
    obj = loads_strict(data, what="同步内容", limit=container.limits.max_payload_bytes)
    return parse_payload(obj, container.manifest)
