"""The Windows version resource of the build, made from mediator_desk.__version__.

PyInstaller reads it as a ``VSVersionInfo`` text (``EXE(version=…)`` in mediator_desk.spec); the
Inno Setup script reads the same version from the built program. Product name 人民调解工作台.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = "人民调解工作台"
COMPANY = "人民调解工作台"
DESCRIPTION = "人民调解工作台"
EXE_NAME = "mediator-desk.exe"


def version() -> str:
    """mediator_desk.__version__, read from the source without importing the package."""
    text = (ROOT / "mediator_desk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if not found:
        raise SystemExit("no __version__ in mediator_desk/__init__.py")
    return found.group(1)


def numeric(ver: str) -> tuple[int, int, int, int]:
    """"1.2.3" / "1.2.3rc1" → (1, 2, 3, 0): Windows wants four small numbers."""
    nums = [int(n) for n in re.findall(r"\d+", ver.split("+")[0])[:3]]
    nums += [0] * (4 - len(nums))
    return tuple(nums[:4])


def text(ver: str | None = None) -> str:
    ver = ver or version()
    nums = numeric(ver)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": ver,
        "InternalName": "mediator-desk",
        "LegalCopyright": "",
        "OriginalFilename": EXE_NAME,
        "ProductName": PRODUCT,
        "ProductVersion": ver,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
# Made by build_scripts/winversion.py from mediator_desk.__version__ = {ver!r}
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums},
    prodvers={nums},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('080404B0', [
          {entries}])
    ]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


def write(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text(), encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.stdout.write(text())
