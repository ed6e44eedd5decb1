"""Every GUI string has a finished Chinese translation, the .qm is current, and no English
reaches the screen."""

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QMainWindow, QTabWidget, QWidget)

from gui_helpers import VALID_ID, WAIT_MS, wait_idle

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = re.compile(r"[A-Za-z]{3,}")
# Names Chinese software also writes in Latin letters (keys, file formats, office suites).
ALLOWED = {"Ctrl", "PDF", "Word", "DOCX", "XLSX", "WPS", "JPG", "PNG", "TIF"}


def _script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "build_scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_gui_string_is_translated_and_the_qm_is_current():
    # lupdate over mediator_desk/gui into a copy of the .ts, then look for unfinished entries;
    # lrelease into a temporary .qm and compare with the committed one.
    assert _script().check() == []


def test_translations_keep_placeholders_and_accelerators():
    script = _script()
    bad = []
    for message in ET.parse(script.TS).getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.findtext("translation", "")
        if sorted(re.findall(r"\{\w+\}", source)) != sorted(re.findall(r"\{\w+\}", translation)):
            bad.append((source, translation))
        if re.search(r"&\w", source) and not re.search(r"&\w", translation):
            bad.append((source, translation))
        if not re.search(r"[\u4e00-\u9fff]", translation) and source.strip("{}year") != "":
            bad.append((source, translation))
    assert bad == []


def _visible_texts(widget: QWidget) -> list[str]:
    """Texts a user can read on ``widget`` and its children (titles, labels, buttons, tabs,
    placeholders, tooltips, combo items, table headers, menus)."""
    texts = [widget.windowTitle(), widget.toolTip()]
    for w in [widget, *widget.findChildren(QWidget)]:
        texts += [w.toolTip(), w.windowTitle() if w.isWindow() else ""]
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if hasattr(w, "model") and callable(w.model) and hasattr(w, "horizontalHeader"):
            model = w.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount())]
        if isinstance(w, QMainWindow):
            for action in w.menuBar().actions():
                texts.append(action.text())
                texts += [a.text() for a in action.menu().actions()] if action.menu() else []
    return [t for t in texts if t]


def _english(texts: list[str]) -> list[str]:
    return [t for t in texts if set(ENGLISH.findall(t)) - ALLOWED]


def test_the_check_finds_english(qapp):
    label = QLabel("Hello there")
    assert _english(_visible_texts(label)) == ["Hello there"]


def test_no_english_on_screen(qtbot, desk, make_case, main_window):
    from mediator_desk.gui.setup_dialog import SetupDialog

    make_case()
    main_window.model.reload()
    qtbot.waitUntil(lambda: main_window.model.rowCount() == 1, timeout=WAIT_MS)
    wait_idle(qtbot)
    windows = [main_window]
    new_case = main_window.new_case()
    windows.append(new_case)
    person = new_case.editor.add_party()
    windows.append(person)
    person.id_number.setText(VALID_ID)
    person._lookup_earlier()
    qtbot.waitUntil(lambda: person.earlier_box.isVisibleTo(person), timeout=WAIT_MS)
    person.kind.setCurrentIndex(person.kind.findData("organisation"))
    main_window.open_case(main_window.model.case_id(0))
    qtbot.waitUntil(lambda: len(main_window.case_windows) == 1, timeout=WAIT_MS)
    windows += list(main_window.case_windows.values())
    setup = SetupDialog()
    qtbot.addWidget(setup)
    windows.append(setup)
    texts = [t for w in windows for t in _visible_texts(w)]
    assert len(texts) > 100
    assert _english(texts) == []
    assert "人民调解工作台 — 红旗嘎查人民调解委员会 — 村级调委会" in texts
    person.reject()


def test_qt_own_dialogs_are_in_chinese(gui_app):
    """Qt's translations (qtbase_zh_CN) are loaded: the file dialog's own words."""
    from PySide6.QtCore import QCoreApplication

    for context, text in (("QFileDialog", "Look in:"), ("QFileDialog", "Files of type:"),
                          ("QFileSystemModel", "Date Modified"), ("QPlatformTheme", "Cancel")):
        assert QCoreApplication.translate(context, text) != text, text


def test_qt_translations_are_found_in_a_frozen_build(monkeypatch, tmp_path):
    """Inside a PyInstaller bundle Qt may report a translations folder that does not exist;
    the file is then taken from the bundle's PySide6/Qt/translations."""
    import shutil
    import sys

    from PySide6.QtCore import QLibraryInfo, QTranslator

    from mediator_desk.gui import resources

    real = next(f for f in resources.qt_translation_folders()
                if (f / "qtbase_zh_CN.qm").exists())
    bundle = tmp_path / "bundle"
    (bundle / "PySide6" / "Qt" / "translations").mkdir(parents=True)
    shutil.copy(real / "qtbase_zh_CN.qm", bundle / "PySide6" / "Qt" / "translations")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(QLibraryInfo, "path", staticmethod(lambda _p: str(tmp_path / "none")))
    folders = resources.qt_translation_folders()
    assert folders[0] == tmp_path / "none"
    assert any(QTranslator().load("qtbase_zh_CN", str(f)) for f in folders[:2])
