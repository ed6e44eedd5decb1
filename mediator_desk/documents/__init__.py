"""Standard people's-mediation documents (人民调解文书) as PDF and DOCX. No Qt.

Templates live in ``forms/`` (one readable text file per kind, see forms/README.md);
``template`` parses them, ``context`` reads a case through the core managers, ``layout``
fills a template into format-neutral blocks, and ``pdf`` (reportlab) / ``word``
(python-docx) draw the same blocks. ``render`` is the public surface; ``dossier`` puts the
whole case file together. reportlab and python-docx are imported only when rendering.
"""

from mediator_desk.documents.case_file import DossierResult, render_dossier
from mediator_desk.documents.kinds import KINDS, Kind, find_kind
from mediator_desk.documents.layout import MissingFields, MissingGlyph
from mediator_desk.documents.render import (FORMATS, Batch, documents_for, list_kinds, record_print,
                                            record_prints, render, render_batch, render_blank,
                                            warnings_for, write_output)
from mediator_desk.documents.template import TemplateError

__all__ = ["KINDS", "Kind", "find_kind", "list_kinds", "FORMATS", "render", "render_blank",
           "render_batch", "render_dossier", "documents_for", "record_print", "record_prints",
           "write_output",
           "warnings_for",
           "Batch", "DossierResult", "MissingFields", "MissingGlyph", "TemplateError"]
