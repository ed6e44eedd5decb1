"""The "Office review" tab of a case: the township office's comments, approvals and returns.

At the office, on a village's case, the clerk writes a comment, approves the case or returns
it to the village for correction (``desk.reviews.add``); the reviews travel back to the village
in the next receipt. At the village the tab lists what the office said, and a returned case
says so at the top. Reads and writes go through the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from mediator_desk.gui import case_owner, worker
from mediator_desk.gui.forms import FieldErrors, error_label, plain_text, text_area
from mediator_desk.gui.messages import Messages
from mediator_desk.gui.forms import cell, fill_table, table

if TYPE_CHECKING:
    from mediator_desk.core.desk import Desk
    from mediator_desk.gui.case_window import CaseWindow

translate = QCoreApplication.translate
RETURN_STYLE = ("background: #fde2e1; color: #8c1d18; border: 1px solid #f2b8b5;"
                " padding: 6px; font-weight: bold;")


def reviews_tab_factory(window):
    """Tab factory for ``CaseWindow.register_tab``."""
    return ReviewsTab(window), translate("ReviewsTab", "Office review")


def _add(desk: Desk, case_id: str, kind: str, text: str):
    desk.reviews.add(case_id, kind=kind, text=text)
    return desk.reviews.for_case(case_id)


class ReviewsTab(QWidget):
    """Reviews of one case (oldest first); at the office, on a village's case, the form to
    add one."""

    def __init__(self, window: CaseWindow):
        super().__init__()
        self.window_ = window
        self.reviews: list[dict] = []
        self.returned = QLabel()
        self.returned.setWordWrap(True)
        self.returned.setStyleSheet(RETURN_STYLE)
        self.returned.hide()
        self.table = table([self.tr("Date"), self.tr("Kind"), self.tr("Opinion"),
                            self.tr("Reviewer")], stretch=2, wrap=False)
        self.table.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)

        self.general = error_label()
        self.errors = FieldErrors(self.general)
        self.text = text_area(3)
        self.text.setPlaceholderText(self.tr(
            "Your opinion; for a return, what the village must correct"))
        self.comment_button = QPushButton(self.tr("Add &comment"))
        self.approve_button = QPushButton(self.tr("A&pprove"))
        self.return_button = QPushButton(self.tr("&Return to the village"))
        self.comment_button.clicked.connect(lambda: self.add("comment"))
        self.approve_button.clicked.connect(lambda: self.add("approve"))
        self.return_button.clicked.connect(lambda: self.add("return"))
        self.form = QWidget()
        fl = QVBoxLayout(self.form)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(QLabel(self.tr("The office's review (sent to the village with the next "
                                    "receipt):")))
        fl.addWidget(self.errors.wrap("text", self.text))
        row = QHBoxLayout()
        for b in (self.comment_button, self.approve_button, self.return_button):
            row.addWidget(b)
        row.addStretch(1)
        fl.addLayout(row)
        fl.addWidget(self.general)

        layout = QVBoxLayout(self)
        # a returned case says so above the tabs, whichever tab is open
        window_layout = window.layout()
        if isinstance(window_layout, QBoxLayout):
            window_layout.insertWidget(1, self.returned)
        else:
            layout.addWidget(self.returned)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.form)
        self.saving = False
        window.caseLoaded.connect(lambda _case: self.reload())
        worker.changes_signal().connect(self._on_changes)
        self._update_form()
        self.reload()

    @property
    def case(self) -> dict:
        return self.window_.case or {}

    def can_review(self) -> bool:
        """The office, on a village's case."""
        ctx = self.window_.context
        return getattr(ctx, "site_role", "") == "office" and case_owner.is_foreign(self.case, ctx)

    def _update_form(self) -> None:
        review = self.can_review()
        self.form.setVisible(review)
        if review:
            self.empty.setText(self.tr("No review yet."))
        elif getattr(self.window_.context, "site_role", "") == "office":
            self.empty.setText(self.tr("This is the office's own case: reviews are for the "
                                       "villages' cases."))
        else:
            self.empty.setText(self.tr("The township office's comments, approvals and returns "
                                       "arrive with its receipts (Data exchange → Import a "
                                       "receipt)."))

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        case_id = self.case.get("id")
        if case_id:
            worker.run_op(self, lambda desk: desk.reviews.for_case(case_id), self._loaded)

    def _loaded(self, reviews: list[dict]) -> None:
        self.reviews = reviews
        fill_table(self.table, [[r["reviewed_on"], r["kind_label"], r["text"], r["reviewer"]]
                                for r in reviews])
        self.table.resizeRowsToContents()
        self._update_form()
        own_case_at_office = getattr(self.window_.context, "site_role", "") == "office" \
            and not self.can_review()
        self.empty.setVisible(not reviews or own_case_at_office)
        # Returned and not approved since: say so at the top, in red.
        last = next((r for r in reversed(reviews) if r["kind"] in ("return", "approve")), None)
        if last is not None and last["kind"] == "return":
            self.returned.setText(self.tr("Returned by the township office for correction "
                                          "({date}): {text}").format(date=last["reviewed_on"],
                                                                     text=last["text"]))
            self.returned.show()
        else:
            self.returned.hide()

    def _on_changes(self, changes) -> None:
        if changes.touches("case_reviews") and (not changes.case_ids
                                                or self.case.get("id") in changes.case_ids):
            self.reload()

    def texts(self) -> list[str]:
        """The opinions listed (for tests)."""
        return [cell(self.table, r, 2).text() for r in range(self.table.rowCount())]

    # --- adding --------------------------------------------------------------------------
    def add(self, kind: str) -> bool:
        """Record a comment, an approval or a return (office, on a village's case)."""
        if self.saving or not self.can_review():
            return False
        self.errors.clear_all()
        text = plain_text(self.text)
        if kind == "return" and not Messages.confirm(self, self.tr(
                "Return case {case} to the village for correction?").format(
                case=self.case.get("case_no", "")),
                yes=self.tr("Return"), no=self.tr("Cancel")):
            return False
        case_id = self.case["id"]
        self.saving = True
        worker.run_op(self, lambda desk: _add(desk, case_id, kind, text), self._added,
                      self._refused, label=self.tr("Saving…"))
        return True

    def _added(self, reviews: list[dict]) -> None:
        self.saving = False
        self.text.clear()
        self._loaded(reviews)

    def _refused(self, exc) -> None:
        self.saving = False
        self.errors.show_error(exc)
