"""The documents GUI: the case's documents tab (preview, print, save, blank form, case file),
blank forms from the main window and batch printing. Dialogs are replaced (class methods);
printing goes to a PDF file through QPrinter; every file written is read back."""

from __future__ import annotations

import io
import json
import threading

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from mediation_helpers import T, accepted_case
from gui_helpers import WAIT_MS, wait_idle

from mediator_desk.gui import worker
from mediator_desk.gui.documents_tab import DocumentsTab
from mediator_desk.gui.printing import OutputDialogs, page_image

TERMS = ["赵堃于2026年4月10日前将院墙恢复至原位置", "赵堃赔偿王䶮损失12000元"]
PARTIES = [dict(name="王䶮", role="applicant", phone="13912345678", sex="男", age=40),
           dict(name="赵堃", role="respondent", sex="女", age=38)]


def agreement_case(desk, make_case, **over) -> str:
    """An accepted case with a complete written agreement (rare name characters)."""
    case_id = accepted_case(desk, make_case, parties=over.pop("parties", PARTIES), **over)
    desk.agreements.create(case_id, agreed_on="2026-03-10", facts="赵堃翻建院墙时越界约0.5米。",
                           terms=TERMS, amount_fen="12000", performance_method="现金当面交付",
                           performance_deadline="2026-04-10", today=T)
    return case_id


def pdf_text(data: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "".join(p.extract_text() for p in reader.pages)


def docx_text(path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def prints(desk) -> list[dict]:
    """The audit rows of prints and saves, oldest first, with details decoded."""
    rows = desk.query("SELECT * FROM audit_log WHERE action = 'print' ORDER BY at, rowid")
    return [dict(r, details=json.loads(r["details"])) for r in rows]


def ink(image: QImage) -> int:
    """Pixels that are not (nearly) white."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    per_line = grey.bytesPerLine()
    return sum(1 for y in range(grey.height())
               for v in data[y * per_line:y * per_line + grey.width()] if v < 200)


@pytest.fixture
def saved_to(monkeypatch, tmp_path):
    """Replace the save dialog: answers a path in tmp_path; records the suggested names."""
    asked: list[str] = []

    def save_path(cls, parent, title, suggested, fmt):
        asked.append(suggested)
        return str(tmp_path / f"out{len(asked)}.{fmt}")

    monkeypatch.setattr(OutputDialogs, "save_path", classmethod(save_path))
    return asked


@pytest.fixture
def printed_to(monkeypatch, tmp_path):
    """Replace the print dialog: the printer writes a PDF file (one per print), at 150 dpi as
    one could choose in the dialog (a PDF printer's own 1,200 dpi would have every page sent
    at the 300 dpi cap: four times the pixels for the same checks)."""
    files: list = []

    def choose_printer(cls, parent, printer):
        path = tmp_path / f"printed{len(files) + 1}.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setResolution(150)
        files.append(path)
        return True

    monkeypatch.setattr(OutputDialogs, "choose_printer", classmethod(choose_printer))
    return files


def open_tab(qtbot, main_window, case_id) -> DocumentsTab:
    main_window.open_case(case_id)
    qtbot.waitUntil(lambda: case_id in main_window.case_windows, timeout=WAIT_MS)
    window = main_window.case_windows[case_id]
    tab = window.findChild(DocumentsTab)
    assert tab is not None
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.records is not None, timeout=WAIT_MS)
    return tab


def wait_preview(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.ready() or tab.error is not None, timeout=WAIT_MS)
    wait_idle(qtbot)


def test_preview_shows_the_agreement_and_is_not_audited(qtbot, desk, make_case, main_window):
    case_id = agreement_case(desk, make_case)
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    assert tab.current_kind() == "agreement"         # preselected once there is one
    document = tab.preview.pdf.document
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() >= 1
    assert tab.preview.showing_pdf
    image = page_image(document, 0, 40)
    assert ink(image) > 2000                         # text drawn, not a blank page
    pages, text = pdf_text(tab.data)
    assert pages == document.pageCount()
    assert "王䶮" in text and "赵堃" in text and "人民币壹万贰仟元整" in text
    assert "共 {n} 页".replace("{n}", str(pages)) in tab.status.text()
    # Other documents preview too; previews write nothing to the audit trail.
    tab.select_kind("registration")
    wait_preview(qtbot, tab)
    assert tab.shown.kind == "registration" and tab.preview.showing_pdf
    assert "王䶮" in pdf_text(tab.data)[1]
    assert prints(desk) == []


def test_save_as_pdf_and_word_write_readable_files_and_audit(qtbot, desk, make_case, main_window,
                                                              saved_to, tmp_path):
    case_id = agreement_case(desk, make_case)
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    qtbot.mouseClick(tab.save_pdf_button, qtbot_left())
    wait_idle(qtbot)
    qtbot.mouseClick(tab.save_docx_button, qtbot_left())
    wait_idle(qtbot)
    case_no = desk.cases.get_row(case_id)["case_no"]
    assert saved_to == [f"{case_no} 人民调解协议书.pdf".replace("/", "_"),
                        f"{case_no} 人民调解协议书.docx".replace("/", "_")]
    pdf = (tmp_path / "out1.pdf").read_bytes()
    assert pdf == tab.data                            # exactly what the preview shows
    pages, text = pdf_text(pdf)
    assert pages >= 1 and "王䶮" in text and "赵堃" in text
    words = docx_text(tmp_path / "out2.docx")
    assert "王䶮" in words and "赵堃" in words and TERMS[0] in words
    rows = prints(desk)
    assert [(r["case_id"], r["details"]["格式"], r["details"]["文书"], r["details"]["输出"])
            for r in rows] == [(case_id, "pdf", "人民调解协议书", str(tmp_path / "out1.pdf")),
                               (case_id, "docx", "人民调解协议书", str(tmp_path / "out2.docx"))]


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_print_goes_through_the_print_dialog_to_the_printer(qtbot, desk, make_case, main_window,
                                                            printed_to):
    case_id = agreement_case(desk, make_case)
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    qtbot.mouseClick(tab.print_button, qtbot_left())
    wait_idle(qtbot)
    assert len(printed_to) == 1
    pages, _ = pdf_text(printed_to[0].read_bytes())
    assert pages == tab.preview.page_count() >= 1
    # The printed page carries the document (drawn as an image of the page).
    printed = QPdfDocument()
    printed.load(str(printed_to[0]))
    assert ink(page_image(printed, 0, 40)) > 2000
    rows = prints(desk)
    assert len(rows) == 1 and rows[0]["case_id"] == case_id
    assert rows[0]["details"]["输出"] == str(printed_to[0])
    assert rows[0]["details"]["空白"] is False


def test_print_cancelled_in_the_dialog_prints_and_audits_nothing(qtbot, desk, make_case,
                                                                 main_window, monkeypatch):
    case_id = agreement_case(desk, make_case)
    monkeypatch.setattr(OutputDialogs, "choose_printer", classmethod(lambda cls, p, pr: False))
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    qtbot.mouseClick(tab.print_button, qtbot_left())
    wait_idle(qtbot)
    assert prints(desk) == []


def test_missing_data_names_it_and_offers_the_blank_form(qtbot, desk, make_case, main_window,
                                                         printed_to, messages):
    case_id = accepted_case(desk, make_case, parties=PARTIES)
    # An agreement recorded without the facts and the way it is performed: cannot print filled.
    desk.agreements.create(case_id, agreed_on="2026-03-10", terms=TERMS, today=T)
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    assert tab.current_kind() == "agreement"
    assert not tab.preview.showing_pdf
    message = tab.preview.message.text()
    assert "缺少" in message and "纠纷事实" in message and "履行方式" in message
    assert tab.preview.blank_button.isVisibleTo(tab)
    # Print asked for the broken document: told why, nothing printed.
    qtbot.mouseClick(tab.print_button, qtbot_left())
    assert messages.errors and "纠纷事实" in messages.errors[-1]
    assert printed_to == []
    # The offered blank form.
    qtbot.mouseClick(tab.preview.blank_button, qtbot_left())
    wait_preview(qtbot, tab)
    assert tab.blank_box.isChecked() and tab.shown.blank and tab.preview.showing_pdf
    pages, text = pdf_text(tab.data)
    assert "红旗嘎查人民调解委员会" in text and "王䶮" not in text
    qtbot.mouseClick(tab.print_button, qtbot_left())
    wait_idle(qtbot)
    assert len(printed_to) == 1 and pdf_text(printed_to[0].read_bytes())[0] == pages
    rows = prints(desk)
    assert len(rows) == 1 and rows[0]["details"]["空白"] is True


def test_nothing_of_a_kind_yet_and_the_print_blank_button(qtbot, desk, make_case, main_window,
                                                          printed_to):
    case_id = accepted_case(desk, make_case, parties=PARTIES)
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    assert tab.current_kind() == "registration" and tab.preview.showing_pdf
    tab.select_kind("investigation")
    wait_preview(qtbot, tab)
    assert "还没有调查记录" in tab.preview.message.text()
    assert tab.preview.blank_button.isVisibleTo(tab)
    qtbot.mouseClick(tab.blank_button, qtbot_left())          # "print blank form…"
    qtbot.waitUntil(lambda: len(printed_to) == 1, timeout=WAIT_MS)
    wait_idle(qtbot)
    assert "人民调解调查记录" in pdf_text(tab.data)[1]
    assert pdf_text(printed_to[0].read_bytes())[0] >= 1
    assert [r["details"]["文书"] for r in prints(desk)] == ["人民调解调查记录"]


def test_records_to_choose_from(qtbot, desk, make_case, main_window):
    case_id = agreement_case(desk, make_case)
    for day, subject in (("2026-03-03", "赵堃"), ("2026-03-04", "王䶮")):
        desk.sessions.add_investigation(case_id, held_on=day, subject=subject,
                                        qa=[("院墙是哪一年翻建的？", "去年。")], today=T)
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    tab.select_kind("investigation")
    wait_preview(qtbot, tab)
    assert tab.record.isVisibleTo(tab) and tab.record.count() == 3     # all, then each
    both = pdf_text(tab.data)[1]
    assert "被调查人：赵堃" in both.replace(" ", "") or both.count("调查记录") >= 2
    tab.record.setCurrentIndex(2)
    wait_preview(qtbot, tab)
    assert tab.shown.record_id == tab.record.currentData()
    one = pdf_text(tab.data)[1]
    assert "王䶮" in one and "2026年3月4日" in one and "2026年3月3日" not in one


def test_whole_case_file_with_progress_prints_and_audits(qtbot, desk, make_case, main_window,
                                                         printed_to):
    case_id = agreement_case(desk, make_case)
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    qtbot.mouseClick(tab.dossier_button, qtbot_left())
    assert tab.progress is not None                   # the case file shows a progress bar
    bridge = tab.progress.bridge
    qtbot.waitUntil(lambda: len(printed_to) == 1, timeout=WAIT_MS)
    wait_idle(qtbot)
    assert not bridge.cancelled
    pages, text = pdf_text(tab.data)
    assert pages >= 4 and "卷内目录" in text and "王䶮" in text
    assert pdf_text(printed_to[0].read_bytes())[0] == pages
    assert not tab.save_docx_button.isEnabled()
    rows = prints(desk)
    assert [(r["details"]["文书"], r["case_id"]) for r in rows] == [("整本卷宗", case_id)]


def test_blank_forms_from_the_main_window(qtbot, desk, main_window, saved_to, tmp_path):
    main_window.fill_blank_forms_menu()
    actions = {a.data(): a for a in main_window.blank_forms_menu.actions()}
    assert "investigation" in actions and "agreement" in actions
    actions["mediation_record"].trigger()
    qtbot.waitUntil(lambda: getattr(main_window, "blank_viewer", None) is not None,
                    timeout=WAIT_MS)
    viewer = main_window.blank_viewer
    qtbot.addWidget(viewer)
    assert viewer.preview.showing_pdf and viewer.preview.page_count() >= 1
    assert "人民调解记录" in viewer.windowTitle()
    assert prints(desk) == []                         # showing is not printing
    qtbot.mouseClick(viewer.save_docx_button, qtbot_left())
    wait_idle(qtbot)
    words = docx_text(tmp_path / "out1.docx")
    assert "红旗嘎查人民调解委员会" in words and "人民调解记录" in words
    rows = prints(desk)
    assert len(rows) == 1 and rows[0]["details"]["空白"] is True and rows[0]["case_id"] == ""


def select_rows(window, rows) -> None:
    model, selection = window.model, QItemSelection()
    for row in rows:
        selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
    window.table.selectionModel().select(selection,
                                         QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_batch_print_with_progress_reports_skipped_cases(qtbot, desk, make_case, main_window,
                                                         saved_to, printed_to, tmp_path):
    with_agreement = [agreement_case(desk, make_case), agreement_case(desk, make_case)]
    without = accepted_case(desk, make_case, parties=PARTIES)
    main_window.model.reload()
    qtbot.waitUntil(lambda: main_window.model.rowCount() == 3, timeout=WAIT_MS)
    wait_idle(qtbot)
    select_rows(main_window, range(3))
    main_window.batch_print_action.trigger()
    dialog = main_window.batch_dialog
    assert sorted(dialog.case_ids) == sorted(with_agreement + [without])
    assert dialog.kind_combo.currentData() == "agreement"
    qtbot.mouseClick(dialog.start_button, qtbot_left())
    progress = dialog.progress
    assert progress is not None
    qtbot.waitUntil(lambda: dialog.batch is not None, timeout=WAIT_MS)
    done, total = progress.reached
    assert total > 0 and done == total                # the bar reached its end
    skipped_no = desk.cases.get_row(without)["case_no"]
    assert [no for no, _ in dialog.batch.skipped] == [skipped_no]
    assert dialog.skipped_list.topLevelItemCount() == 1
    assert "没有书面调解协议" in dialog.skipped_list.topLevelItem(0).text(1)
    assert sorted(dialog.printed_ids) == sorted(with_agreement)
    assert prints(desk) == []                         # prepared, not yet printed
    qtbot.mouseClick(dialog.save_button, qtbot_left())
    wait_idle(qtbot)
    pages, text = pdf_text((tmp_path / "out1.pdf").read_bytes())
    assert pages >= 2 and text.count("赵堃于2026年4月10日前") == 2
    qtbot.mouseClick(dialog.print_button, qtbot_left())
    wait_idle(qtbot)
    assert pdf_text(printed_to[0].read_bytes())[0] == pages
    rows = prints(desk)
    assert sorted(r["case_id"] for r in rows) == sorted(with_agreement * 2)
    assert without not in {r["case_id"] for r in rows}
    dialog.close()


def test_batch_print_can_be_cancelled(qtbot, desk, make_case, main_window, messages):
    ids = [agreement_case(desk, make_case), agreement_case(desk, make_case)]
    main_window.model.reload()
    qtbot.waitUntil(lambda: main_window.model.rowCount() == 2, timeout=WAIT_MS)
    wait_idle(qtbot)
    select_rows(main_window, range(2))
    main_window.batch_print_action.trigger()
    dialog = main_window.batch_dialog
    # Hold the worker so that Cancel is surely pressed before the batch is drawn.
    gate = threading.Event()
    worker.run_op(None, lambda desk: gate.wait(WAIT_MS / 1000))
    qtbot.mouseClick(dialog.start_button, qtbot_left())
    cancel = dialog.progress.findChild(QPushButton)   # the Cancel button of the progress bar
    assert cancel.text() == "取消"
    qtbot.mouseClick(cancel, qtbot_left())
    gate.set()
    wait_idle(qtbot)
    assert dialog.batch is None and not dialog.save_button.isEnabled()
    assert "已取消" in dialog.result_label.text()
    assert messages.errors == [] and prints(desk) == []
    assert sorted(dialog.case_ids) == sorted(ids)
    dialog.close()


def test_no_selection_tells_the_user(qtbot, main_window, messages):
    main_window.table.clearSelection()
    main_window.batch_print_action.trigger()
    assert messages.infos and "选中" in messages.infos[-1]


def test_no_english_in_the_documents_screens(qtbot, desk, make_case, main_window, saved_to):
    from test_translations import _english, _visible_texts

    case_id = agreement_case(desk, make_case)
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    texts = _visible_texts(tab)
    tab.select_kind("investigation")                  # the "nothing yet" panel
    wait_preview(qtbot, tab)
    texts += _visible_texts(tab)
    main_window.fill_blank_forms_menu()
    texts += [a.text() for a in main_window.blank_forms_menu.actions()]
    texts += [a.text() for m in main_window.menuBar().actions() if m.menu()
              and main_window.batch_print_action in m.menu().actions()
              for a in [m, *m.menu().actions()]]
    main_window.blank_forms_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: getattr(main_window, "blank_viewer", None) is not None,
                    timeout=WAIT_MS)
    qtbot.addWidget(main_window.blank_viewer)
    texts += _visible_texts(main_window.blank_viewer)
    main_window.model.reload()
    qtbot.waitUntil(lambda: main_window.model.rowCount() == 1, timeout=WAIT_MS)
    wait_idle(qtbot)
    select_rows(main_window, [0])
    main_window.batch_print_action.trigger()
    dialog = main_window.batch_dialog
    qtbot.mouseClick(dialog.start_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.batch is not None, timeout=WAIT_MS)
    texts += _visible_texts(dialog)
    assert "打印(&P)…" in texts and "批量打印所选案件(&B)…" in texts
    assert _english(texts) == []
    dialog.close()


def test_a_character_missing_from_the_font_is_named(qtbot, desk, make_case, main_window):
    case_id = agreement_case(desk, make_case)
    party = [p for p in desk.cases.get(case_id)["parties"] if p["name"] == "赵堃"][0]
    with desk.transaction():
        desk.parties.update(party["id"], address="红旗嘎查김家屯")    # Hangul: not in the font
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    message = tab.preview.message.text()
    assert "乙方“赵堃”的单位或住址" in message and "“김”（U+AE40）" in message
    assert not tab.preview.showing_pdf and tab.preview.blank_button.isVisibleTo(tab)
    qtbot.mouseClick(tab.preview.blank_button, qtbot_left())
    wait_preview(qtbot, tab)
    assert tab.preview.showing_pdf and tab.shown.blank


def test_court_application_past_the_art_33_window_shows_a_warning(qtbot, desk, make_case,
                                                                  main_window):
    from mediation_helpers import signed_written

    case_id = accepted_case(desk, make_case)
    signed_written(desk, case_id, signed_on="2026-03-12")     # window closed on 2026-04-11
    tab = open_tab(qtbot, main_window, case_id)
    wait_preview(qtbot, tab)
    tab.select_kind("confirmation_persons")
    wait_preview(qtbot, tab)
    assert tab.shown.kind == "confirmation_persons" and tab.preview.showing_pdf
    assert tab.warning_label.isVisibleTo(tab)
    assert "2026年4月11日届满" in tab.warning_label.text()
    assert tab.warnings and "第三十三条" in tab.warnings[0]
