"""The demo's sample attachments are real files: the PDF "scan" is readable (it used to lack a
cross-reference table, so every demo case file showed 附件无法读取) and the identity "photo"
is a real small image, not 1×1 pixel."""

import io

from mediator_desk.demo.path import SAMPLE_PDF, SAMPLE_PNG, SAMPLES


def test_sample_pdf_is_readable():
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(SAMPLE_PDF), strict=True)
    assert len(reader.pages) == 1
    assert [float(x) for x in reader.pages[0].mediabox] == [0, 0, 595, 842]
    assert reader.pages[0].get_contents().get_data()        # something is drawn


def test_sample_png_is_a_real_small_image():
    from PIL import Image
    with Image.open(io.BytesIO(SAMPLE_PNG)) as img:
        img.load()
        assert img.size == (300, 200)
        dark = img.histogram()[:100]
        dark = sum(dark)
        assert 0.05 < dark / (300 * 200) < 0.5      # lines and a border, not a grey block
    assert {k: v[1] for k, v in SAMPLES.items()} == {
        "identity": "image/png", "signed_agreement": "application/pdf",
        "power_of_attorney": "application/pdf"}
