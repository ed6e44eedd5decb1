"""The lazy case list model: clean under qtmodeltester, pages in order, refreshes on writes."""

from PySide6.QtCore import QModelIndex, Qt

from mediator_desk.core.cases import CaseFilter
from mediator_desk.gui.case_list_model import PLACEHOLDER, CaseListModel
from gui_helpers import WAIT_MS, wait_idle


def _cases(desk, make_case, n):
    # received dates 2026-01-01 … so the newest is the last made
    ids = [make_case(received_date=f"2026-01-{i + 1:02d}",
                     parties=[dict(name=f"当事人{i}", role="applicant")]) for i in range(n)]
    # written here, not through the worker: don't let the worker broadcast them later
    desk.take_changes()
    return ids


def _loaded(qtbot, model):
    qtbot.waitUntil(lambda: not model.loading, timeout=WAIT_MS)
    wait_idle(qtbot)


def test_model_passes_qtmodeltester_while_paging(qtbot, qtmodeltester, desk, make_case, runner):
    ids = _cases(desk, make_case, 5)
    model = CaseListModel()
    model.PAGE_SIZE = 2
    model.set_filter(CaseFilter())
    _loaded(qtbot, model)
    qtmodeltester.check(model, force_py=True)
    while True:    # (the tester itself may have asked for a page: let it arrive first)
        _loaded(qtbot, model)
        if not model.canFetchMore(QModelIndex()):
            break
        model.fetchMore(QModelIndex())
    assert [model.case_id(r) for r in range(model.rowCount())] == ids[::-1]  # newest first
    assert model.count == 5 and model.rowCount() == 5 and model.columnCount() == 6
    qtmodeltester.check(model, force_py=True)
    first = model.index(0, 0)
    assert model.data(first) == desk.cases.get_row(ids[-1])["case_no"]
    assert model.data(model.index(0, 4)) == "当事人4"
    assert model.data(first, CaseListModel.IdRole) == ids[-1]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "案件编号"


def test_filter_change_drops_stale_pages(qtbot, desk, make_case, runner):
    ids = _cases(desk, make_case, 3)
    model = CaseListModel()
    model.set_filter(CaseFilter())
    model.set_filter(CaseFilter(text="当事人1"))    # before the first answer arrives
    _loaded(qtbot, model)
    assert [model.case_id(r) for r in range(model.rowCount())] == [ids[1]]
    assert model.count == 1


def test_evicted_rows_are_read_again(qtbot, desk, make_case, runner):
    ids = _cases(desk, make_case, 4)
    model = CaseListModel()
    model.CACHE_LIMIT = 2
    model.set_filter(CaseFilter())
    _loaded(qtbot, model)
    # the page was cached in list order, so the first rows were evicted to keep two
    assert model.data(model.index(3, 0)) == desk.cases.get_row(ids[0])["case_no"]
    assert model.data(model.index(0, 0)) == PLACEHOLDER    # evicted: asks the worker for it
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT_MS):
        pass
    assert model.data(model.index(0, 0)) == desk.cases.get_row(ids[-1])["case_no"]


def test_edits_refresh_rows_and_new_cases_reload(qtbot, desk, make_case, runner):
    from mediator_desk.gui import worker

    (case_id,) = _cases(desk, make_case, 1)
    model = CaseListModel()
    model.set_filter(CaseFilter())
    _loaded(qtbot, model)
    party_id = desk.parties.for_case(case_id)[0]["id"]
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT_MS):
        worker.run_op(None, lambda d: d.parties.update(party_id, name="新名字"))
    assert model.data(model.index(0, 4)) == "新名字"
    with qtbot.waitSignal(model.pageLoaded, timeout=WAIT_MS):
        worker.run_op(None, lambda d: d.cases.register(
            org_id=d.settings.get("committee_id"), received_date="2026-02-01", source="apply",
            dispute_type="02", summary="新案", parties=[dict(name="后来者")]))
    wait_idle(qtbot)
    assert model.rowCount() == 2 and model.data(model.index(0, 4)) == "后来者"


def test_a_case_at_risk_shows_its_number_and_status_in_red(qtbot, desk, make_case, runner):
    calm = make_case(received_date="2026-01-01")
    risky = make_case(received_date="2026-01-02", risk_flag=True, risk_note="扬言报复")
    desk.take_changes()
    model = CaseListModel()
    model.set_filter(CaseFilter())
    _loaded(qtbot, model)
    assert [model.case_id(r) for r in range(2)] == [risky, calm]
    role = Qt.ItemDataRole.ForegroundRole
    red = [c for c in range(6) if model.data(model.index(0, c), role) is not None]
    assert red == [0, 3]                                   # case number and status
    assert all(model.data(model.index(1, c), role) is None for c in range(6))
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole).startswith("有激化风险\n")

    from PySide6.QtWidgets import QTableView

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()

    def reddish(row: int, column: int) -> int:
        """How many pixels of the cell are in the risk colour (dark red text)."""
        rect = view.visualRect(model.index(row, column))
        colours = (image.pixelColor(x, y) for x in range(rect.left(), rect.right())
                   for y in range(rect.top(), rect.bottom()))
        return sum(1 for c in colours if c.red() > 120 and c.green() < 80 and c.blue() < 90)

    assert reddish(0, 0) > 20 and reddish(0, 3) > 20      # painted in the risk colour
    assert reddish(1, 0) == 0 and reddish(0, 4) == 0
