"""The file format shared by bundles, receipts and enrolment files: a zip with a clear manifest.

Layout (docs/sync-format.md has the full specification)::

    manifest.json    UTF-8 JSON, readable without keys; lists every other member with its
                     size and SHA-256
    manifest.sig     64 bytes: Ed25519 signature of SIGNATURE_CONTEXT + the manifest bytes
    payload.age      the records, age-encrypted to the receiver (bundles, receipts)
    payload.json     clear payload (enrolment files only: nothing secret in them)
    files/NNNNNN.age attachments, each age-encrypted on its own (bundles only)

This module knows the container only: limits, paths, hashes, the signature and the manifest's
shape. It touches no database. Every failure is a :class:`BundleRefused` with a Chinese message;
no other exception escapes :func:`read_container` whatever bytes it is given.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from mediator_desk.errors import DeskError

FORMAT = "mediator-desk-sync"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD_ENCRYPTED = "payload.age"
PAYLOAD_CLEAR = "payload.json"
SIGNATURE_CONTEXT = b"mediator-desk-sync/v1 manifest signature\n"
KINDS = ("bundle", "receipt", "enrolment")
EXTENSIONS = {"bundle": ".mdsync", "receipt": ".mdreceipt", "enrolment": ".mdenrol"}
# Member names allowed besides manifest.json and manifest.sig (no directories, no "..").
MEMBER_NAME = re.compile(r"^(payload\.age|payload\.json|files/[0-9]{6}\.age)$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
ID_TEXT = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
READ_CHUNK = 1 << 20


class BundleRefused(DeskError):
    """A sync file that cannot be used (damaged, forged, not for us, …); nothing was changed."""


@dataclass(frozen=True)
class Limits:
    """Size limits that protect the importer (zip bombs, giant JSON). All in bytes."""

    max_file_bytes: int = 2 * 1024 ** 3          # no ZIP64: the layout stays fixed (below)
    max_members: int = 0xFFFF                    # all members, manifest and signature included:
                                                 # the end record's 16-bit count (no ZIP64)
    max_manifest_bytes: int = 1024 ** 2
    max_payload_bytes: int = 512 * 1024 ** 2
    max_attachment_bytes: int = 200 * 1024 ** 2
    max_total_bytes: int = 2 * 1024 ** 3         # all members together, uncompressed


LIMITS = Limits()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signature_input(manifest_bytes: bytes) -> bytes:
    """The exact bytes that are signed: a fixed context line, then the manifest as stored."""
    return SIGNATURE_CONTEXT + manifest_bytes


# --- strict JSON ----------------------------------------------------------------------------
def _no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise _JsonProblem(f"键“{str(key)[:40]}”重复出现")
        obj[key] = value
    return obj


class _JsonProblem(ValueError):
    """A strict-JSON rule broken, described in Chinese for the user."""


def _no_constants(name):
    raise _JsonProblem(f"不允许使用 {name}")


def _json_problem(exc: BaseException) -> str:
    """A Chinese description of why JSON could not be parsed (no English text for users)."""
    if isinstance(exc, _JsonProblem):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "嵌套层数过多"
    if isinstance(exc, UnicodeDecodeError):
        return f"第 {exc.start} 字节起不是 UTF-8 编码的文字"
    if isinstance(exc, json.JSONDecodeError):
        return f"第 {exc.lineno} 行第 {exc.colno} 列格式错误"
    return "格式错误"


# Why a zip could not be read, in words (the exception's class name means nothing to users).
_BROKEN = {"BadZipFile": "不是完整的压缩文件", "error": "压缩数据损坏", "EOFError": "文件提前结束",
           "KeyError": "缺少成员", "NotImplementedError": "使用了不支持的压缩方式",
           "OverflowError": "数值超出范围", "UnicodeDecodeError": "成员名称编码错误"}


def _broken(exc: BaseException) -> str:
    return _BROKEN.get(type(exc).__name__, "数据无法读取")


def loads_strict(data: bytes, *, what: str, limit: int):
    """Parse UTF-8 JSON with a size limit, no duplicate keys and no NaN/Infinity."""
    if len(data) > limit:
        raise BundleRefused(f"{what}过大（{len(data)} 字节，上限 {limit} 字节）")
    try:
        text = data.decode("utf-8")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleRefused(f"{what}不是有效的 JSON：{_json_problem(exc)}") from None


def dumps(obj) -> bytes:
    """Compact UTF-8 JSON as written into sync files."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


# --- manifest shape -------------------------------------------------------------------------
def _need(cond: bool, what: str) -> None:
    if not cond:
        raise BundleRefused(f"清单格式不正确：{what}")


def _is_int(v) -> bool:
    return type(v) is int and 0 <= v < 2 ** 63


def _is_text(v, max_len: int = 200) -> bool:
    return type(v) is str and len(v) <= max_len


def check_format_version(manifest) -> None:
    """Refuse another format or a newer format version before looking at anything else."""
    _need(isinstance(manifest, dict), "清单应为 JSON 对象")
    if manifest.get("format") != FORMAT:
        raise BundleRefused("这不是调解工作台的同步文件（格式标识不符）")
    version = manifest.get("format_version")
    _need(_is_int(version), "format_version 应为整数")
    if version > FORMAT_VERSION:
        raise BundleRefused(f"同步文件格式版本 {version} 比本软件支持的（{FORMAT_VERSION}）新",
                            hint="请升级软件")
    if version < 1:
        raise BundleRefused(f"未知的同步文件格式版本 {version}")


def validate_manifest(m) -> dict:
    """Check the manifest's shape and types (docs/sync-format.md, “manifest.json”)."""
    check_format_version(m)
    _need(m.get("kind") in KINDS, "kind 应为 bundle、receipt 或 enrolment")
    _need(type(m.get("bundle_id")) is str and ID_TEXT.match(m["bundle_id"]) is not None,
          "bundle_id")
    _need(_is_text(m.get("created_at"), 40), "created_at")
    _need(_is_text(m.get("app_version"), 40), "app_version")
    _need(_is_text(m.get("schema_version"), 100), "schema_version")
    _need(_is_int(m.get("codes_version")), "codes_version")
    sender = m.get("sender")
    _need(isinstance(sender, dict), "sender")
    for key in ("site_id", "role", "name", "signing_key", "age_recipient", "fingerprint"):
        _need(_is_text(sender.get(key), 200), f"sender.{key}")
    _need(ID_TEXT.match(sender["site_id"]) is not None, "sender.site_id")
    _need(sender["role"] in ("village", "office"), "sender.role")
    receiver = m.get("receiver")
    if m["kind"] == "enrolment":
        _need(receiver is None, "登记文件没有接收方")
    else:
        _need(isinstance(receiver, dict) and _is_text(receiver.get("site_id"), 64)
              and ID_TEXT.match(receiver["site_id"]) is not None
              and _is_text(receiver.get("name"), 200), "receiver")
    members = m.get("members")
    _need(isinstance(members, list), "members")
    names = set()
    for item in members:
        _need(isinstance(item, dict) and set(item) == {"name", "size", "sha256"}, "members 项")
        _need(type(item["name"]) is str and MEMBER_NAME.match(item["name"]) is not None,
              f"成员名称“{str(item['name'])[:60]}”不允许")
        _need(item["name"] not in names, f"成员“{item['name']}”重复")
        names.add(item["name"])
        _need(_is_int(item["size"]), "members.size")
        _need(type(item["sha256"]) is str and HEX64.match(item["sha256"]) is not None,
              "members.sha256")
    if m["kind"] == "enrolment":
        _need(PAYLOAD_CLEAR in names and PAYLOAD_ENCRYPTED not in names, "登记文件应含 payload.json")
    else:
        _need(PAYLOAD_ENCRYPTED in names and PAYLOAD_CLEAR not in names, "应含 payload.age")
    if m["kind"] != "bundle":
        _need(not any(n.startswith("files/") for n in names), "只有同步包可以带附件")
    counts = m.get("counts")
    _need(isinstance(counts, dict), "counts")
    tables = counts.get("tables")
    _need(isinstance(tables, dict), "counts.tables")
    for name, c in tables.items():
        _need(type(name) is str and ID_TEXT.match(name) is not None, "counts.tables 表名")
        _need(isinstance(c, dict) and set(c) == {"upsert", "delete"}
              and _is_int(c["upsert"]) and _is_int(c["delete"]), f"counts.tables.{name}")
    _need(_is_int(counts.get("audit")) and _is_int(counts.get("files")), "counts.audit/files")
    _need(counts["files"] == sum(1 for n in names if n.startswith("files/")),
          "counts.files 与附件成员数不符")
    if m["kind"] == "bundle":
        ch = m.get("changes")
        _need(isinstance(ch, dict), "changes")
        for key in ("prerequisite", "from", "to", "audit_from", "audit_to"):
            _need(_is_int(ch.get(key)), f"changes.{key}")
        _need(_is_text(ch.get("prerequisite_bundle"), 64), "changes.prerequisite_bundle")
        _need(ch["from"] == ch["prerequisite"] + 1 and ch["to"] >= ch["prerequisite"],
              "changes 序号范围")
        _need(ch["audit_to"] + 1 >= ch["audit_from"], "changes 操作记录范围")
    if m["kind"] == "receipt":
        rc = m.get("receipt")
        _need(isinstance(rc, dict), "receipt")
        for key in ("receipt_no", "acked_seq", "acked_audit_seq"):
            _need(_is_int(rc.get(key)), f"receipt.{key}")
        _need(_is_text(rc.get("acked_bundle"), 64) and _is_text(rc.get("office_instance"), 64),
              "receipt.acked_bundle/office_instance")
    return m


# --- reading ----------------------------------------------------------------------------
@dataclass
class Container:
    """A sync file whose container, manifest, signature and member hashes have been checked."""

    path: Path
    manifest: dict
    manifest_bytes: bytes
    manifest_sha256: str
    members: dict[str, dict] = field(default_factory=dict)   # name -> manifest entry
    limits: Limits = LIMITS
    # Payload bytes kept from the verification pass (already checked against the manifest),
    # so the importer does not read and hash them a second time.
    cache: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def sender(self) -> dict:
        return self.manifest["sender"]

    def read_member(self, name: str) -> bytes:
        """Read one member again, re-checking its size and SHA-256 against the manifest."""
        if name in self.cache:
            return self.cache.pop(name)
        entry = self.members[name]
        try:
            with zipfile.ZipFile(self.path) as zf:
                data = _read_capped(zf, zf.getinfo(name), entry["size"])
        except BundleRefused:
            raise
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, ValueError,
                NotImplementedError, RuntimeError) as exc:
            raise BundleRefused(f"读取成员“{name}”失败：文件已损坏（{_broken(exc)}）") from None
        if len(data) != entry["size"] or sha256_hex(data) != entry["sha256"]:
            raise BundleRefused(f"成员“{name}”的内容与清单不符（文件在签名后被改动）")
        return data


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """Read a member, stopping as soon as it expands past ``cap`` bytes (zip-bomb guard)."""
    out = io.BytesIO()
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(min(READ_CHUNK, cap + 1 - out.tell()) or 1)
            if not chunk:
                break
            out.write(chunk)
            if out.tell() > cap:
                raise BundleRefused(f"成员“{info.filename}”解压后超过大小上限（{cap} 字节）")
    return out.getvalue()


def _check_name(name: str) -> None:
    bad = (name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/")
           or re.match(r"^[A-Za-z]:", name) is not None or "\x00" in name)
    if bad:
        raise BundleRefused(f"同步文件含有不安全的路径“{name[:80]}”（绝对路径或 ..）")


def _member_cap(name: str, limits: Limits) -> int:
    if name == MANIFEST:
        return limits.max_manifest_bytes
    if name == SIGNATURE:
        return 64
    if name.startswith("files/"):
        return limits.max_attachment_bytes
    return limits.max_payload_bytes


def read_container(path: str | os.PathLike, *, limits: Limits = LIMITS,
                   expect_kind: str | None = None) -> Container:
    """Open a sync file and check everything that needs no keys of ours.

    Checks, in order: file size; zip structure; member names (no absolute paths, no ``..``,
    nothing unexpected, no duplicates); sizes against the limits while decompressing; the
    manifest (strict JSON, format version, shape); the Ed25519 signature with the key the
    manifest names; that the zip holds exactly the members the manifest lists, with the listed
    sizes and SHA-256. Whether that key belongs to a site we trust is the caller's business.
    """
    try:
        return _read_container(Path(path), limits, expect_kind)
    except BundleRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError,
            RuntimeError, KeyError, OverflowError, UnicodeError) as exc:
        raise BundleRefused(f"同步文件已损坏或不完整（{_broken(exc)}）",
                            hint="请重新复制或重新导出该文件") from None
    except OSError as exc:
        raise BundleRefused(f"无法读取文件“{Path(path).name}”：{exc.strerror or exc}") from None


def _read_container(path: Path, limits: Limits, expect_kind: str | None) -> Container:
    if not path.is_file():
        raise BundleRefused(f"找不到文件“{path}”")
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise BundleRefused(f"文件过大（{size} 字节），超过上限 {limits.max_file_bytes} 字节")
    _check_end_record(path, size)
    if not zipfile.is_zipfile(path):
        raise BundleRefused("同步文件已损坏或不完整（不是有效的压缩包）",
                            hint="请重新复制或重新导出该文件")
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise BundleRefused(f"同步文件成员过多（{len(infos)} 个，上限 {limits.max_members} 个）")
        seen = set()
        total = 0
        for info in infos:
            _check_name(info.filename)
            if info.filename in seen:
                raise BundleRefused(f"同步文件中成员“{info.filename}”重复")
            seen.add(info.filename)
            if info.filename not in (MANIFEST, SIGNATURE) and not MEMBER_NAME.match(info.filename):
                raise BundleRefused(f"同步文件含有未知成员“{info.filename[:80]}”")
            if info.flag_bits & 0x1:
                raise BundleRefused("同步文件的成员被加密压缩，不是本软件生成的")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise BundleRefused("同步文件使用了不支持的压缩方式")
            cap = _member_cap(info.filename, limits)
            if info.file_size > cap:
                raise BundleRefused(f"成员“{info.filename}”过大（{info.file_size} 字节，"
                                    f"上限 {cap} 字节）")
            total += info.file_size
        if total > limits.max_total_bytes:
            raise BundleRefused("同步文件解压后总大小超过上限")
        _check_layout(path, infos, size)
        for needed in (MANIFEST, SIGNATURE):
            if needed not in seen:
                raise BundleRefused(f"同步文件缺少“{needed}”，已损坏或不是本软件生成的")
        _check_order([info.filename for info in infos])
        manifest_bytes = _read_capped(zf, zf.getinfo(MANIFEST), limits.max_manifest_bytes)
        signature = _read_capped(zf, zf.getinfo(SIGNATURE), 64)
        manifest = loads_strict(manifest_bytes, what="清单（manifest.json）",
                                limit=limits.max_manifest_bytes)
        validate_manifest(manifest)
        if expect_kind and manifest["kind"] != expect_kind:
            raise BundleRefused(f"这是{KIND_LABELS[manifest['kind']]}，不是{KIND_LABELS[expect_kind]}")
        verify_signature(manifest["sender"]["signing_key"], manifest_bytes, signature)
        _check_fingerprint(manifest["sender"])
        listed = {m["name"]: m for m in manifest["members"]}
        actual = seen - {MANIFEST, SIGNATURE}
        if set(listed) != actual:
            missing = sorted(set(listed) - actual)
            extra = sorted(actual - set(listed))
            raise BundleRefused("同步文件的成员与清单不符"
                                + (f"：缺少 {', '.join(missing[:3])}" if missing else "")
                                + (f"：多出 {', '.join(extra[:3])}" if extra else ""))
        cache = {}
        for name, entry in listed.items():
            info = zf.getinfo(name)
            if info.file_size != entry["size"]:
                raise BundleRefused(f"成员“{name}”的大小与清单不符（文件在签名后被改动）")
            digest = hashlib.sha256()
            got = 0
            keep: list[bytes] | None = [] if not name.startswith("files/") else None
            with zf.open(info) as fh:
                while True:
                    chunk = fh.read(READ_CHUNK)
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > entry["size"]:
                        raise BundleRefused(f"成员“{name}”解压后超过清单所列大小")
                    digest.update(chunk)
                    if keep is not None:
                        keep.append(chunk)
            if got != entry["size"] or digest.hexdigest() != entry["sha256"]:
                raise BundleRefused(f"成员“{name}”的内容与清单不符（文件在签名后被改动）")
            if keep is not None:
                cache[name] = b"".join(keep)
    return Container(path=path, manifest=manifest, manifest_bytes=manifest_bytes,
                     manifest_sha256=sha256_hex(manifest_bytes), members=listed, limits=limits,
                     cache=cache)


KIND_LABELS = {"bundle": "同步包", "receipt": "回执", "enrolment": "登记文件"}

# The fixed zip layout (docs/sync-format.md, “zip layout”): members back to back from offset 0,
# no extra fields, comments, data descriptors or ZIP64; version 2.0, Unix, mode 0644, and the
# timestamp 2020-01-01 00:00:00. Checking every header byte against it means that a byte
# changed anywhere in the file — even in zip fields nothing else reads — is detected.
DOS_TIME = 0
DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1
EXTERNAL_ATTR = 0o644 << 16


END_RECORD_SIZE = 22


def _local_header(name: bytes, method: int, crc: int, csize: int, usize: int) -> bytes:
    return struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, 0, method, DOS_TIME, DOS_DATE,
                       crc, csize, usize, len(name), 0) + name


def _central_entry(name: bytes, method: int, crc: int, csize: int, usize: int,
                   offset: int) -> bytes:
    return struct.pack("<4s4B4HL2L5HLL", b"PK\x01\x02", 20, 3, 20, 0, 0, method, DOS_TIME,
                       DOS_DATE, crc, csize, usize, len(name), 0, 0, 0, 0, EXTERNAL_ATTR,
                       offset) + name


def _end_record(count: int, cd_size: int, cd_offset: int) -> bytes:
    return struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, cd_size, cd_offset, 0)


def _check_end_record(path: Path, size: int) -> None:
    """The file MUST end with the end-of-central-directory record (no comment). A writer appends
    it only after the export was logged (:func:`write_container`), so a file without it is an
    unfinished export — whatever it was renamed to — and is refused."""
    with open(path, "rb") as fh:
        fh.seek(max(size - END_RECORD_SIZE, 0))
        tail = fh.read(END_RECORD_SIZE)
    if len(tail) != END_RECORD_SIZE or tail[:4] != b"PK\x05\x06" or tail[-2:] != b"\0\0":
        raise BundleRefused("同步文件已损坏或不完整（缺少压缩包的结束记录：文件没有写完，"
                            "可能是中断的导出留下的）", hint="请重新复制或重新导出该文件")


def _check_order(names: list[str]) -> None:
    """Members MUST be manifest.json, manifest.sig, the payload, then files/000001.age,
    files/000002.age, … numbered from 1 without gaps in the order written."""
    for n, name in enumerate(names):
        if n == 0:
            want = MANIFEST
        elif n == 1:
            want = SIGNATURE
        elif n == 2:
            if name in (PAYLOAD_ENCRYPTED, PAYLOAD_CLEAR):
                continue
            want = f"{PAYLOAD_ENCRYPTED} 或 {PAYLOAD_CLEAR}"
        else:
            want = f"files/{n - 2:06d}.age"
        if name != want:
            raise BundleRefused(f"同步文件的结构不符合规范：第 {n + 1} 个成员应为“{want}”，"
                                f"却是“{name[:60]}”（成员顺序或附件编号不对）",
                                hint="请重新复制或重新导出该文件")


def _check_layout(path: Path, infos: list[zipfile.ZipInfo], size: int) -> None:
    bad = BundleRefused("同步文件的结构不符合规范（文件已损坏或被改动）",
                        hint="请重新复制或重新导出该文件")
    with open(path, "rb") as fh:
        def expect(pos: int, data: bytes) -> int:
            fh.seek(pos)
            if fh.read(len(data)) != data:
                raise bad
            return pos + len(data)

        pos = 0
        names = []
        for info in infos:
            try:
                name = info.filename.encode("ascii")
            except UnicodeEncodeError:
                raise bad from None
            names.append(name)
            if info.header_offset != pos or info.compress_size >= 0xFFFFFFFF:
                raise bad
            pos = expect(pos, _local_header(name, info.compress_type, info.CRC,
                                            info.compress_size, info.file_size))
            pos += info.compress_size
        start = pos
        for info, name in zip(infos, names):
            pos = expect(pos, _central_entry(name, info.compress_type, info.CRC,
                                             info.compress_size, info.file_size,
                                             info.header_offset))
        pos = expect(pos, _end_record(len(infos), pos - start, start))
        if pos != size:
            raise bad


# --- signatures ---------------------------------------------------------------------------
def public_key_from_text(text: str) -> Ed25519PublicKey:
    import base64
    import binascii

    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise BundleRefused("清单中的签名公钥格式不正确") from None
    if len(raw) != 32:
        raise BundleRefused("清单中的签名公钥长度不正确")
    return Ed25519PublicKey.from_public_bytes(raw)


def _check_fingerprint(sender: dict) -> None:
    """The manifest's ``sender.fingerprint`` MUST be the fingerprint of its signing key: people
    compare what the screen shows, so a file may not claim another key's fingerprint."""
    from mediator_desk.sync.keys import fingerprint   # keys imports nothing of ours back

    real = fingerprint(sender["signing_key"])
    if sender["fingerprint"] != real:
        raise BundleRefused(f"清单中发送方的指纹（{sender['fingerprint'][:40]}）与其签名密钥的指纹"
                            f"（{real}）不符，文件可能是伪造的，已拒绝")


def verify_signature(signing_key_text: str, manifest_bytes: bytes, signature: bytes) -> None:
    """Refuse unless ``signature`` is the Ed25519 signature of the manifest by that key."""
    key = public_key_from_text(signing_key_text)
    if len(signature) != 64:
        raise BundleRefused("签名无效：同步文件被改动过或不是发送方生成的")
    try:
        key.verify(signature, signature_input(manifest_bytes))
    except InvalidSignature:
        raise BundleRefused("签名无效：同步文件被改动过或不是发送方生成的") from None


# --- writing ------------------------------------------------------------------------------
def part_path(path: str | os.PathLike) -> Path:
    """Where a sync file is written until it is complete: ``<path>.part`` next to it."""
    path = Path(path)
    return path.with_name(path.name + ".part")


def write_container(path: str | os.PathLike, manifest: dict, members: list[tuple[str, bytes]],
                    signing_key: Ed25519PrivateKey, *, log=None, limits: Limits = LIMITS) -> bytes:
    """Write a sync file: fill ``manifest['members']``, sign, and write the zip. Returns the
    manifest bytes.

    An export is either logged and complete, or not importable:

    1. every member and the central directory — all but the 22-byte end-of-central-directory
       record — go to ``<path>.part``, which is flushed to disk;
    2. ``log()`` (if given) records the export in the caller's database and commits;
    3. the end record is appended and flushed, the file is renamed to ``path`` and the folder
       flushed too where the system allows it.

    A file without its end record is not a zip: readers refuse it (:func:`_check_end_record`),
    under any name. A process killed before step 3 leaves an unfinished ``.part``; killed after
    ``log()`` it leaves an export that is logged but never delivered, which is harmless (bundles
    are cumulative). On any exception the ``.part`` is removed. Members are stored uncompressed
    (encrypted data does not compress), in the given order.
    """
    path = Path(path)
    manifest["members"] = [{"name": n, "size": len(d), "sha256": sha256_hex(d)}
                           for n, d in members]
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1,
                                allow_nan=False).encode() + b"\n"
    signature = signing_key.sign(signature_input(manifest_bytes))
    entries = [(MANIFEST, manifest_bytes), (SIGNATURE, signature), *members]
    _check_order([name for name, _ in entries])
    if len(entries) > limits.max_members:
        raise DeskError(f"要导出的文件成员过多（{len(entries)} 个，上限 {limits.max_members} 个）",
                        hint="附件太多，无法放进一个同步文件")
    total = END_RECORD_SIZE + sum(76 + 2 * len(name) + len(data) for name, data in entries)
    if total > limits.max_file_bytes:
        raise DeskError(f"要导出的文件过大（{total} 字节，上限 {limits.max_file_bytes} 字节）",
                        hint="附件太多或太大，无法放进一个同步文件")
    tmp = part_path(path)
    try:
        cd_offset, cd_size = _write_body(tmp, path, entries)
        if log is not None:
            log()
        _append_end_record(tmp, path, len(entries), cd_size, cd_offset)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    return manifest_bytes


def _cannot_write(path: Path, exc: OSError) -> DeskError:
    return DeskError(f"无法写入文件“{path}”：{exc.strerror or exc}",
                     hint="请检查 U 盘是否已插好、是否写保护、空间是否足够")


def _write_body(tmp: Path, path: Path, entries: list[tuple[str, bytes]]) -> tuple[int, int]:
    """Write the members and the central directory (no end record) to ``tmp`` and flush it.
    Returns the central directory's offset and size."""
    try:
        with open(tmp, "wb") as fh:
            central = []
            offset = 0
            for name, data in entries:
                raw = name.encode("ascii")
                crc = zlib.crc32(data)
                header = _local_header(raw, zipfile.ZIP_STORED, crc, len(data), len(data))
                fh.write(header)
                fh.write(data)
                central.append(_central_entry(raw, zipfile.ZIP_STORED, crc, len(data), len(data),
                                              offset))
                offset += len(header) + len(data)
            cd = b"".join(central)
            fh.write(cd)
            fh.flush()
            os.fsync(fh.fileno())
        return offset, len(cd)
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _append_end_record(tmp: Path, path: Path, count: int, cd_size: int, cd_offset: int) -> None:
    """Complete the zip, flush it, and give it its final name (then flush the folder)."""
    try:
        with open(tmp, "ab") as fh:
            fh.write(_end_record(count, cd_size, cd_offset))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows cannot open a folder for this: NTFS journals it)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _info(name: str) -> zipfile.ZipInfo:
    """A ZipInfo in our layout (for tools and tests that write zips with ``zipfile``)."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = 3        # zipfile says 0 (MS-DOS) on Windows; the layout says Unix
    info.external_attr = 0o644 << 16
    return info
