"""`codes list|add`: an office extends a code list; refusals change nothing."""

from mediator_desk.cli import main
from mediator_desk.core.desk import Desk


def test_a_local_dispute_type_must_roll_up_and_is_then_usable(db_path, capsys):
    assert main(["codes", "add", "dispute_type", "71", "土地草牧场边界纠纷", "--db", str(db_path)]) == 2
    assert "15类统计类型" in capsys.readouterr().err
    assert main(["codes", "add", "dispute_type", "71", "土地草牧场边界纠纷", "--rollup", "07",
                 "--db", str(db_path)]) == 0
    assert "代码表版本 2" in capsys.readouterr().out
    assert main(["codes", "list", "dispute_type", "--db", str(db_path)]) == 0
    assert "71　土地草牧场边界纠纷　归入 07" in capsys.readouterr().out
    with Desk.open(db_path) as desk:
        assert desk.codes.label("dispute_type", "71") == "土地草牧场边界纠纷"
        assert desk.codes.version() == 2
