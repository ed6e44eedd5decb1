"""Shared by the documents tests: constants of the sample cases, small real attachments, and
reading generated documents back (PDF text and fonts with pypdf, DOCX XML)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from mediation_helpers import T  # noqa: F401  (the fixed "today" of the path tests)

# The same valid ID numbers as tests/conftest.py (importing a conftest by name is fragile).
VALID_ID = "11010519491231002X"      # female, born 1949-12-31
VALID_ID_2 = "150402199001011237"    # male, born 1990-01-01

AMOUNT_CAPITALS = "人民币壹万贰仟元整"
TERMS = ["赵堃于2026年4月10日前将院墙恢复至原位置，费用由赵堃承担",
         "赵堃一次性赔偿王䶮损失12000元，于2026年4月10日前以现金方式支付",
         "双方今后和睦相处，不再因此事发生纠纷"]


def small_pdf(text: str = "scan") -> bytes:
    """A real one-page PDF (as a scanner would produce) made with reportlab."""
    from reportlab.pdfgen.canvas import Canvas
    out = io.BytesIO()
    c = Canvas(out)
    c.drawString(100, 700, text)
    c.showPage()
    c.save()
    return out.getvalue()


def small_png() -> bytes:
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (300, 200), "white")
    ImageDraw.Draw(img).rectangle((20, 20, 280, 180), outline="black", width=4)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


ORG_NAME = "赤峰市红山区喆昇物业服务有限公司"
CREDIT_CODE = "91150402MA0N00000C"




def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def flat(text: str) -> str:
    """Text without line breaks and spaces (extraction breaks lines where the PDF wraps)."""
    return re.sub(r"\s+", "", text)


def pdf_fonts(data: bytes) -> dict[str, bool]:
    """Every font used on any page → whether its program is embedded (FontFile2)."""
    from pypdf import PdfReader
    out = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            out[str(font.get("/BaseFont"))] = "/FontFile2" in desc
    return out


def docx_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist()
                if name.endswith(".xml")}


def docx_text(data: bytes) -> str:
    """The visible text of the body, paragraph per line."""
    xml = docx_parts(data)["word/document.xml"]
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    return "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs)


SOFFICE = shutil.which("soffice")
NO_SOFFICE = ("LibreOffice (soffice) is not installed: the DOCX is not converted and rendered "
              "here (Debian: libreoffice-writer-nogui, installed by the README's test command "
              "when run as root)")


def libreoffice_pdf(docx_files: list[Path], folder: Path) -> None:
    """Convert DOCX files to PDF with LibreOffice, as an office or a Kylin/UOS laptop would
    open them. Fonts: the system's plus the font the app ships (fontconfig), so a machine
    without Chinese fonts still renders with a CJK serif, as one with 宋体/仿宋 would."""
    fonts = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    "<fontconfig>\n"
                    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                    f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'fc-cache'}</cachedir>\n"
                    "</fontconfig>\n", encoding="utf-8")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{folder}/lo-profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, docx_files)],
                   check=True, capture_output=True, timeout=300,
                   env=dict(os.environ, FONTCONFIG_FILE=str(conf)))

