"""CLI: ``screening add`` (a round with an item, an item to a round), ``screening move`` and
``screening list`` (text and --json, by period), read back from the database."""

import json

from mediator_desk.cli import main
from mediator_desk.core.desk import Desk


def test_screening_add_move_list(db_path, capsys):
    db = str(db_path)
    assert main(["screening", "add", "--db", db, "--held-on", "2026-11-15", "--area", "三组",
                 "--screeners", "乌力吉", "--type", "邻里纠纷", "--summary", "院墙翻建争吵",
                 "--risk", "橙", "--parties", "张三、李四", "--people", "4", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert len(made["item_ids"]) == 1
    assert main(["screening", "add", "--db", db, "--round", made["round_id"][:8],
                 "--type", "01", "--summary", "夫妻争吵扬言轻生", "--risk", "red",
                 "--found-on", "2026-11-16"]) == 0
    assert "已登记" in capsys.readouterr().out
    # a missing risk level and summary: one line naming both, nothing written
    assert main(["screening", "add", "--db", db, "--round", made["round_id"][:8],
                 "--type", "01"]) == 2
    err = capsys.readouterr().err
    assert "风险等级" in err and "纠纷简要情况" in err
    assert main(["screening", "move", "--db", db, made["item_ids"][0][:8], "处置",
                 "--settled-on", "2026-11-20", "--prevented", "group_fight",
                 "--prevented-people", "4"]) == 0
    assert "处置" in capsys.readouterr().out
    assert main(["screening", "move", "--db", db, made["item_ids"][0][:8], "warned"]) == 2
    assert "退回" in capsys.readouterr().err

    assert main(["screening", "list", "--db", db, "--period", "2026-11"]) == 0
    out = capsys.readouterr().out
    for words in ("2026-11-15", "定期排查", "三组", "红色（高）", "橙色（较高）",
                  "处置（2026-11-20，防止群体性械斗 4 人）", "张三、李四", "共 1 次排查，发现纠纷 2 件"):
        assert words in out, words
    assert main(["screening", "list", "--db", db, "--period", "2026-10"]) == 0
    assert "共 0 次排查" in capsys.readouterr().out
    assert main(["screening", "list", "--db", db, "--json"]) == 0
    rounds = json.loads(capsys.readouterr().out)
    assert [len(r["item_list"]) for r in rounds] == [2]
    desk = Desk.open(db_path)
    try:
        assert desk.scalar("SELECT count(*) FROM screening_items") == 2
        assert desk.scalar("SELECT prevented_people FROM screening_items"
                           " WHERE status = 'settled'") == 4
    finally:
        desk.close()
