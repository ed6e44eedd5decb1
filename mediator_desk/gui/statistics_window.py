"""The statistics window (统计报表): choose a period, see the report (committees ×
indicators with the total), the breakdown by dispute type, who reported, the corrections of a
locked period and the charts; double-click any number for the records behind it; export XLSX
or PDF; lock the report (office) or close the month (a committee).

Every read and write goes through the worker (``desk.statistics``, ``documents.statistics``);
the figures and their labels come from the core, which defines them once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QHBoxLayout,
                               QHeaderView, QLabel, QMainWindow, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
                               QWidget)

from mediator_desk.core.statistics import INDICATORS, shown
from mediator_desk.gui import today as gui_today, worker
from mediator_desk.gui.forms import cell, fit_to_screen
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.printing import OutputDialogs

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.main_window import MainWindow

KINDS = ("month", "quarter", "half", "year", "range")




def _load(desk: Desk, period: str, today: date) -> dict:
    """Everything the window shows for one period (one worker job)."""
    from mediator_desk.documents.statistics import gather

    data = gather(desk, period, today=today)
    stats = desk.statistics
    lock = stats.lock_of(data.report.period)
    return {"data": data, "lock": lock, "role": desk.settings.get("site_role") or "",
            "own": stats.declaration(data.report.period.code, data.report.org["id"])
            if data.report.period.kind == "month" else None}


def _heading(ind) -> str:
    """An indicator's column heading in lines of at most four characters, then its unit."""
    label = ind.label
    lines = [label[k:k + 4] for k in range(0, len(label), 4)]
    return "\n".join(lines + [f"（{ind.unit}）"])


class FiguresTable(QTableWidget):
    """Rows × indicators; a double-click on a number asks for the records behind it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.figures = None
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.horizontalHeader().setDefaultSectionSize(72)
        self.horizontalHeader().setMinimumHeight(64)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)

    def show_figures(self, figures, corrected: set | None = None) -> None:
        self.figures = figures
        rows = figures.rows + [figures.total]
        self.clear()
        self.setColumnCount(1 + len(INDICATORS))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels([""] + [_heading(i) for i in INDICATORS])
        corrected = corrected or set()
        for r, row in enumerate(rows):
            label = QTableWidgetItem(figures.label(row))
            self.setItem(r, 0, label)
            for c, ind in enumerate(INDICATORS, start=1):
                item = QTableWidgetItem(shown(row.value(ind), ind.unit))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if (row.key[0], ind.key) in corrected:
                    item.setBackground(Qt.GlobalColor.yellow)
                    item.setToolTip(self.tr("Changed since the report was locked"))
                self.setItem(r, c, item)
            if row is figures.total:
                font = label.font()
                font.setBold(True)
                for c in range(self.columnCount()):
                    cell(self, r, c).setFont(font)
        self.resizeColumnsToContents()
        for c in range(1, self.columnCount()):
            self.setColumnWidth(c, max(62, min(110, self.columnWidth(c))))
        self.setColumnWidth(0, 230)

    def cell_key(self, row: int, column: int):
        """(indicator key, row dimensions) of a cell, or None for the label column."""
        if self.figures is None or column < 1:
            return None
        rows = self.figures.rows + [self.figures.total]
        r = rows[row]
        dims = {} if r is self.figures.total else dict(zip(self.figures.by, r.key))
        return INDICATORS[column - 1].key, dims


class RecordsDialog(QDialog):
    """The records behind one number; a case opens in its window on double-click."""

    def __init__(self, parent, title: str, items: list[dict], open_case):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.items = items
        self.open_case = open_case
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{n} record(s). Double-click a case to open it.")
                                .format(n=len(items))))
        self.table = QTableWidget(len(items), 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Case number"), self.tr("Committee"), self.tr("Date counted"),
            self.tr("Counted as"), self.tr("Parties"), self.tr("Summary")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for r, it in enumerate(items):
            for c, value in enumerate((it.get("case_no", ""), it.get("org_name", ""), it["day"],
                                       it["element_label"], it.get("party_names") or "",
                                       (it.get("summary") or "")[:60])):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.table.cellDoubleClicked.connect(self._open)
        layout.addWidget(self.table)
        fit_to_screen(self, 1000, 560)

    def _open(self, row: int, _column: int) -> None:
        item = self.items[row]
        if item["record"] == "case" and self.open_case is not None:
            self.open_case(item["id"])


class StatisticsWindow(QMainWindow):
    def __init__(self, main_window: MainWindow | None = None):
        super().__init__(main_window)
        self.main_window = main_window
        self.setWindowTitle(self.tr("Statistics"))
        self.loaded: dict | None = None
        self.record_dialogs: list[RecordsDialog] = []
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._period_bar())
        self.header = QLabel()
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.report_table = FiguresTable()
        self.type_table = FiguresTable()
        self.completeness = QTableWidget(0, 4)
        self.completeness.setHorizontalHeaderLabels([
            self.tr("Committee"), self.tr("Status"), self.tr("Closed on"), self.tr("On time")])
        self.completeness.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.completeness.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.completeness_label = QLabel()
        status_page = QWidget()
        status_layout = QVBoxLayout(status_page)
        status_layout.addWidget(self.completeness_label)
        status_layout.addWidget(self.completeness)
        self.reminder_button = QPushButton(self.tr("Export reminder list…"))
        self.reminder_button.clicked.connect(self.export_reminders)
        status_layout.addWidget(self.reminder_button, 0, Qt.AlignmentFlag.AlignRight)
        self.corrections = QTableWidget(0, 4)
        self.corrections.setHorizontalHeaderLabels([
            self.tr("Row"), self.tr("Indicator"), self.tr("Submitted"), self.tr("Now")])
        self.corrections.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.corrections.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.organisation = QTableWidget(0, 0)
        self.organisation.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.organisation.verticalHeader().setVisible(False)
        self.organisation.horizontalHeader().setDefaultSectionSize(84)
        self.charts = QWidget()
        self.charts_layout = QHBoxLayout(self.charts)
        self.tabs.addTab(self.report_table, self.tr("Report"))
        breakdown = QWidget()
        breakdown_layout = QVBoxLayout(breakdown)
        choose = QHBoxLayout()
        self.breakdown = QComboBox()
        for key, label in (("type", self.tr("Dispute type")), ("source", self.tr("Case source")),
                           ("mediator", self.tr("Mediator")), ("month", self.tr("Month"))):
            self.breakdown.addItem(label, key)
        self.breakdown.currentIndexChanged.connect(self.show_breakdown)
        choose.addWidget(QLabel(self.tr("Break down by:")))
        choose.addWidget(self.breakdown)
        choose.addStretch(1)
        breakdown_layout.addLayout(choose)
        breakdown_layout.addWidget(self.type_table)
        self.tabs.addTab(breakdown, self.tr("Breakdown"))
        self.tabs.addTab(status_page, self.tr("Reporting status"))
        self.tabs.addTab(self.corrections, self.tr("Corrections"))
        self.tabs.addTab(self.organisation, self.tr("Committees and mediators"))
        self.tabs.addTab(self.charts, self.tr("Charts"))
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.close_month_button = QPushButton(self.tr("Close this month (report / zero report)…"))
        self.close_month_button.clicked.connect(self.close_month)
        self.lock_button = QPushButton(self.tr("Lock report (sent upward)…"))
        self.lock_button.clicked.connect(self.lock)
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.status = QLabel()
        for w in (self.close_month_button, self.lock_button):
            buttons.addWidget(w)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        for table in (self.report_table, self.type_table):
            table.cellDoubleClicked.connect(
                lambda r, c, t=table: self.drill_down(t, r, c))
        worker.changes_signal().connect(self._on_changes)
        fit_to_screen(self, 1300, 740)
        self.refresh()

    # --- the period ---------------------------------------------------------------------------
    def _period_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        today = gui_today.today()
        last = date(today.year, today.month, 1).toordinal() - 1
        last_month = date.fromordinal(last)
        self.kind = QComboBox()
        for key, label in zip(KINDS, (self.tr("Month"), self.tr("Quarter"), self.tr("Half-year"),
                                      self.tr("Year"), self.tr("Range"))):
            self.kind.addItem(label, key)
        self.year = QSpinBox()
        self.year.setRange(2000, today.year)
        self.year.setValue(last_month.year)
        self.part = QComboBox()
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.date_from.setDate(QDate(today.year, 1, 1))
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for w in (QLabel(self.tr("Period:")), self.kind, self.year, self.part, self.date_from,
                  QLabel("—"), self.date_to, self.show_button):
            bar.addWidget(w)
        bar.addStretch(1)
        self._kind_changed()
        self.part.setCurrentIndex(last_month.month - 1)
        return bar

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.part.clear()
        if kind == "month":
            self.part.addItems([self.tr("Month {n}").format(n=m) for m in range(1, 13)])
        elif kind == "quarter":
            self.part.addItems([self.tr("Q{n}").format(n=q) for q in range(1, 5)])
        elif kind == "half":
            self.part.addItems([self.tr("First half"), self.tr("Second half")])
        ranged = kind == "range"
        self.year.setVisible(not ranged)
        self.part.setVisible(kind in ("month", "quarter", "half"))
        self.date_from.setVisible(ranged)
        self.date_to.setVisible(ranged)

    def period_code(self) -> str:
        kind, year, i = self.kind.currentData(), self.year.value(), self.part.currentIndex() + 1
        if kind == "month":
            return f"{year}-{i:02d}"
        if kind == "quarter":
            return f"{year}Q{i}"
        if kind == "half":
            return f"{year}H{i}"
        if kind == "year":
            return str(year)
        return (f"{self.date_from.date().toString('yyyy-MM-dd')}.."
                f"{self.date_to.date().toString('yyyy-MM-dd')}")

    def set_period(self, code: str) -> None:
        """Select ``code`` (as typed on the command line) and show it."""
        if "Q" in code:
            self.kind.setCurrentIndex(1)
        elif "H" in code:
            self.kind.setCurrentIndex(2)
        elif len(code) == 4:
            self.kind.setCurrentIndex(3)
        else:
            self.kind.setCurrentIndex(0)
        self.year.setValue(int(code[:4]))
        if len(code) > 4:
            self.part.setCurrentIndex(int(code[5:] if "-" in code else code[5:]) - 1)
        self.refresh()

    # --- reading ------------------------------------------------------------------------------
    def refresh(self, *_args) -> None:
        code, day = self.period_code(), gui_today.today()
        worker.run_op(self, lambda desk: _load(desk, code, day), self._show,
                      lambda exc: Messages.error(self, exc))

    def _on_changes(self, changes) -> None:
        if self.loaded is not None and changes.tables:
            self.refresh()

    def _show(self, loaded: dict) -> None:
        self.loaded = loaded
        data = loaded["data"]
        h = data.header
        lock = loaded["lock"]
        locked = (self.tr("Locked on {day} by {who}.").format(day=lock["locked_on"],
                                                           who=lock["locked_by"])
                  if lock else self.tr("Not locked."))
        self.header.setText(self.tr("{title} — reporting unit: {unit} — period: {period} — "
                                    "filled in by: {who} — reviewer: {reviewer} — date: {day}. "
                                    "{locked}").format(
            title=h["title"], unit=h["unit"], period=h["period"], who=h["filled_by"],
            reviewer=h["reviewer"] or "—", day=h["date"], locked=locked))
        corrected = {(c["row"], c["indicator"]) for c in data.corrections}
        self.report_table.show_figures(data.report, corrected)
        if self.breakdown.currentData() == "type":
            self.type_table.show_figures(data.by_type)
        else:
            self.show_breakdown()
        self._show_completeness(data.completeness)
        self._show_corrections(data.corrections)
        self._show_organisation(data.organisation)
        self._show_charts(data)
        office = loaded["role"] in ("office", "township")
        self.lock_button.setVisible(office)
        self.lock_button.setEnabled(lock is None)
        month = data.report.period.kind == "month"
        self.close_month_button.setVisible(not office)
        self.close_month_button.setEnabled(month and loaded["own"] is None)
        if loaded["own"]:
            self.close_month_button.setToolTip(
                self.tr("Closed on {day}").format(day=loaded["own"]["closed_on"]))

    def _show_completeness(self, c: dict) -> None:
        rate = "—" if c["rate"] is None else f"{c['rate']}%"
        self.completeness_label.setText(self.tr(
            "Expected {expected}, reported {reported} (zero reports {zero}), missing {missing}; "
            "reporting rate {rate}; on time (within {days} days) {on_time}.").format(
            expected=c["expected"], reported=c["reported"], zero=c["zero"],
            missing=c["missing"], rate=rate, days=c["on_time_days"], on_time=c["on_time"]))
        self.completeness.setRowCount(len(c["units"]))
        for r, u in enumerate(c["units"]):
            cells = (u["name"], u["state_label"], u["closed_on"],
                     "" if u["state"] == "missing" else (self.tr("yes") if u["on_time"]
                                                         else self.tr("late")))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if u["state"] == "missing":
                    item.setForeground(Qt.GlobalColor.red)
                self.completeness.setItem(r, col, item)
        self.reminder_button.setEnabled(c["missing"] > 0)

    def _show_corrections(self, fixes: list[dict]) -> None:
        self.corrections.setRowCount(len(fixes))
        for r, f in enumerate(fixes):
            for col, text in enumerate((f["label"], f["indicator_label"], shown(f["submitted"]),
                                        shown(f["now"]))):
                self.corrections.setItem(r, col, QTableWidgetItem(text))
        self.tabs.setTabText(3, self.tr("Corrections ({n})").format(n=len(fixes)))

    def _show_organisation(self, org: dict) -> None:
        """Committees by kind and active mediators by qualification (the register today)."""
        columns = org["columns"]
        rows = org["rows"] + [{"label": "合计", "values": org["total"]}]
        self.organisation.setColumnCount(1 + len(columns))
        self.organisation.setRowCount(len(rows))
        self.organisation.setHorizontalHeaderLabels(
            [""] + ["\n".join(label[k:k + 5] for k in range(0, len(label), 5))
                    for _, label in columns])
        for r, row in enumerate(rows):
            self.organisation.setItem(r, 0, QTableWidgetItem(row["label"]))
            for c, (key, _label) in enumerate(columns, start=1):
                item = QTableWidgetItem(shown(row["values"][key]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.organisation.setItem(r, c, item)
        self.organisation.setColumnWidth(0, 260)

    def _show_charts(self, data) -> None:
        from mediator_desk.gui.statistics_charts import bar_chart

        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            assert item is not None, "the layout has an item at 0 while its count is not 0"
            w = item.widget()
            if w is not None:
                w.deleteLater()
        trend = data.trend
        self.charts_layout.addWidget(bar_chart(
            self.tr("Monthly trend"), [str(int(r.key[0][5:7])) for r in trend.rows],
            {self.tr("Accepted"): [r.value("accepted") for r in trend.rows],
             self.tr("Successful"): [r.value("success") for r in trend.rows]}))
        types = [r for r in data.by_type.rows if r.value("mediated")]
        self.charts_layout.addWidget(bar_chart(
            self.tr("By dispute type"), [r.labels[0].replace("纠纷", "") for r in types],
            {self.tr("Mediated"): [r.value("mediated") for r in types]}, horizontal=True))
        units = data.report.rows
        self.charts_layout.addWidget(bar_chart(
            self.tr("By committee"), [r.labels[0].replace("人民调解委员会", "") for r in units],
            {self.tr("Mediated"): [r.value("mediated") for r in units]}, horizontal=True))

    def show_breakdown(self, *_args) -> None:
        """The period's figures by the chosen dimension (type, source, mediator, month)."""
        if self.loaded is None:
            return
        report = self.loaded["data"].report
        dim = self.breakdown.currentData()
        if dim == "type":
            self.type_table.show_figures(self.loaded["data"].by_type)
            return
        period, org = report.period, report.org["id"]
        worker.run_op(self, lambda desk: desk.statistics.figures(period, org=org, by=(dim,)),
                      self.type_table.show_figures, lambda exc: Messages.error(self, exc))

    # --- drill-down ---------------------------------------------------------------------------
    def drill_down(self, table: FiguresTable, row: int, column: int) -> None:
        key = table.cell_key(row, column)
        if key is None or self.loaded is None:
            return
        indicator, dims = key
        period = self.loaded["data"].report.period
        org = self.loaded["data"].report.org["id"]
        heading = table.horizontalHeaderItem(column)
        assert heading is not None, "show_figures gives every column a heading"
        label = cell(table, row, 0).text() + "　" + heading.text().replace("\n", "")

        def op(desk: Desk):
            stats = desk.statistics
            return stats.case_rows(stats.records(period, indicator, org=org, row=dims))

        def show(items: list[dict]) -> None:
            self._show_records(label, items)

        worker.run_op(self, op, show, lambda exc: Messages.error(self, exc))

    def _show_records(self, title: str, items: list[dict]) -> RecordsDialog:
        open_case = getattr(self.main_window, "open_case", None)
        dialog = RecordsDialog(self, title, items, open_case)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.record_dialogs = [d for d in self.record_dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    # --- actions ------------------------------------------------------------------------------
    def export(self, fmt: str) -> None:
        if self.loaded is None:
            return
        data = self.loaded["data"]
        name = f"{data.header['unit']}{data.report.period.label}{data.header['title'][-2:]}"
        path = OutputDialogs.save_path(self, self.tr("Export statistics"), name + "." + fmt, fmt)
        if not path:
            return
        code, day = data.report.period.code, gui_today.today()

        def op(desk: Desk):
            from mediator_desk.documents.render import write_output
            from mediator_desk.documents.statistics import export_report

            return str(write_output(export_report(desk, code, fmt=fmt, today=day), path))

        worker.run_op(self, op, lambda saved: self.status.setText(
            self.tr("Saved to {path}").format(path=saved)),
            lambda exc: Messages.error(self, exc), label=self.tr("Exporting…"))

    def export_reminders(self) -> None:
        if self.loaded is None:
            return
        period = self.loaded["data"].report.period
        path = OutputDialogs.save_path(self, self.tr("Export reminder list"),
                                       f"催报名单{period.label}.xlsx", "xlsx")
        if not path:
            return
        day = gui_today.today()

        def op(desk: Desk):
            from mediator_desk.documents.render import write_output
            from mediator_desk.documents.statistics import export_reminders

            return str(write_output(export_reminders(desk, period.code, today=day), path))

        worker.run_op(self, op, lambda saved: self.status.setText(
            self.tr("Saved to {path}").format(path=saved)), lambda exc: Messages.error(self, exc))

    def lock(self) -> None:
        if self.loaded is None:
            return
        period = self.loaded["data"].report.period
        if not Messages.confirm(self, self.tr(
                "Lock the report of {period}? Do this when it has been sent upward: later "
                "changes to the period will show as corrections.").format(period=period.label)):
            return
        day = gui_today.today()
        worker.run_op(self, lambda desk: desk.statistics.lock(period, today=day),
                      lambda done: self.status.setText(self.tr("Locked.")),
                      lambda exc: Messages.error(self, exc))

    def close_month(self) -> None:
        """Show the month's figures and, once confirmed, declare it closed."""
        if self.loaded is None:
            return
        period, day = self.loaded["data"].report.period, gui_today.today()

        def summary(desk: Desk):
            return desk.statistics.month_figures(period, today=day)

        worker.run_op(self, summary, lambda f: self._confirm_close(period, f, day),
                      lambda exc: Messages.error(self, exc))

    def _confirm_close(self, period, figures, day) -> None:
        lines = [f"{i.label}：{shown(figures.total.value(i), i.unit)}" for i in INDICATORS
                 if figures.total.value(i)]
        text = (self.tr("Close {period}? These are the month's figures:").format(
            period=period.label) + "\n" + ("；".join(lines) if lines else self.tr(
                "nothing recorded — this will be a zero report.")))
        if not Messages.confirm(self, text):
            return
        worker.run_op(self, lambda desk: desk.statistics.close_month(period, today=day),
                      lambda done: self.status.setText(
                          self.tr("Zero report sent.") if done["zero"]
                          else self.tr("Month closed.")),
                      lambda exc: Messages.error(self, exc))
